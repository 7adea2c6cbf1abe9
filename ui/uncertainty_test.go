package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// waitUpdated returns a channel that receives after each result the view
// shows (no sleeping).
func waitUpdated(v *UncertaintyView) chan struct{} {
	ch := make(chan struct{}, 16)
	v.OnUpdated = func() { ch <- struct{}{} }
	return ch
}

func TestUncertaintyView(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	win := test.NewTempWindow(t, nil)
	v := NewUncertaintyView(cat, win)
	v.Samples = 2000
	done := waitUpdated(v)
	idx := -1
	for i, sc := range f.Scenarios {
		if sc.Name == "Next-gen 1T x 50T" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("built-in scenario Next-gen 1T x 50T missing")
	}
	v.View().Update(State{Catalog: cat, File: f, Selected: idx})
	<-done
	u := v.Result()
	if u == nil {
		t.Fatalf("want a result, status %q", v.Status.Text)
	}
	if u.Samples != 2000 || u.Seed != 1 {
		t.Errorf("want 2000 samples with seed 1, got %d, %d", u.Samples, u.Seed)
	}
	if got := v.CellText(0, 1); got != "P50" {
		t.Errorf("header: want P50, got %q", got)
	}
	// every headline row reads P50 and a P10 - P90 band in human units
	for row := 1; row <= len(HeadlineOutputs); row++ {
		label := v.CellText(row, 0)
		if label == "" {
			continue
		}
		p50, band := v.CellText(row, 1), v.CellText(row, 2)
		if p50 == "" || (!strings.Contains(band, " – ") && band != "no spread") {
			t.Errorf("row %d %s: want P50 and a band, got %q, %q", row, label, p50, band)
		}
	}
	q, _ := u.Get("costUSD.cloud")
	if want := planner.HumanUSD(q.P50); !strings.Contains(rowText(v, "Cost: cloud rent"), want) {
		t.Errorf("cloud row: want P50 %s, got %q", want, rowText(v, "Cost: cloud rent"))
	}
	if !strings.Contains(v.Ranges.Text, "MFU") {
		t.Errorf("ranges: want MFU listed, got %q", v.Ranges.Text)
	}
	if _, ok := u.Kept["costUSD.cloud"]; !ok {
		t.Errorf("want the chart output's samples kept for the fan chart")
	}

	t.Run("output select", func(t *testing.T) {
		v.Output.SetSelected("GPU-hours")
		<-done
		if _, ok := v.Result().Kept["gpuHours"]; !ok {
			t.Errorf("want the GPU-hours samples kept after choosing the output")
		}
		kind, in := v.Fan.input()
		if kind != "fan" || in.Output != "gpuHours" || in.Simulation == nil || in.Uncertainty != v.Result() {
			t.Errorf("fan input: want the shown run of gpuHours, got %s %s", kind, in.Output)
		}
	})

	t.Run("unresolved scenario shows no other figures", func(t *testing.T) {
		v.Update(State{Catalog: cat, File: f, Selected: idx, Err: errors.New("gpus: is required")})
		name := f.Scenarios[idx].Name
		if v.Result() != nil || len(v.rows) != 0 || !strings.Contains(v.Status.Text, "No uncertainty for \""+name) {
			t.Errorf("want no run shown and the reason named, got result %v, status %q", v.Result() != nil, v.Status.Text)
		}
	})

	t.Run("bad range", func(t *testing.T) {
		sc := f.Scenarios[idx].Clone()
		sc.Ranges = map[string]planner.Range{planner.KeyGPUHours: {Low: 1, Likely: 2, High: 3}}
		v.SetScenario(sc)
		<-done
		if !strings.Contains(v.Status.Text, "gpu-hours") {
			t.Errorf("want the refused range named in the status, got %q", v.Status.Text)
		}
	})
}

func rowText(v *UncertaintyView, label string) string {
	for row := 1; row <= len(v.rows); row++ {
		if v.CellText(row, 0) == label {
			return v.CellText(row, 1) + " | " + v.CellText(row, 2)
		}
	}
	return ""
}

// TestUncertaintyLatestWins starts runs faster than they finish: only the
// newest scenario's result is shown.
func TestUncertaintyLatestWins(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	v := NewUncertaintyView(cat, test.NewTempWindow(t, nil))
	v.Samples = 20000
	done := waitUpdated(v)
	for i := range f.Scenarios {
		v.Update(State{Catalog: cat, File: f, Selected: i})
	}
	last := len(f.Scenarios) - 1
	for {
		<-done
		if strings.HasPrefix(v.Status.Text, f.Scenarios[last].Name+":") {
			break
		}
	}
	sim, err := planner.NewSimulation(cat, &f.Scenarios[last])
	if err != nil {
		t.Fatal(err)
	}
	want, err := sim.Run(context.Background(), planner.Options{Samples: 20000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Result().Get("gpuHours"); got != want.Totals["gpuHours"] {
		t.Errorf("want the newest scenario's gpuHours %+v, got %+v", want.Totals["gpuHours"], got)
	}
}

func TestRangeEditor(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name             string
		low, like, high  string
		dist             string
		wantRange        *planner.Range
		wantCleared      bool
		wantErrContains  string
		wantNoCallbackOn bool
	}{
		{"valid percent", "25%", "37.5%", "50%", "pert", &planner.Range{Low: 0.25, Likely: 0.375, High: 0.5, Dist: "pert"}, false, "", false},
		{"valid plain", "0.2", "0.3", "0.5", "", &planner.Range{Low: 0.2, Likely: 0.3, High: 0.5, Dist: "triangular"}, false, "", false},
		{"order", "50%", "40%", "30%", "", nil, false, "low <= likely <= high", true},
		{"out of range", "20%", "40%", "150%", "", nil, false, "accepted", true},
		{"not a number", "abc", "40%", "50%", "", nil, false, "abc", true},
		{"partial", "20%", "", "", "", nil, false, "give low, likely and high", true},
		{"cleared", "", "", "", "", nil, true, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewRangeEditor(planner.KeyMFU)
			e.SetRange(&planner.Range{Low: 0.1, Likely: 0.2, High: 0.3}, nil)
			var got *planner.Range
			calls := 0
			e.OnChanged = func(key string, r *planner.Range) {
				if key != planner.KeyMFU {
					t.Errorf("key: want mfu, got %s", key)
				}
				got, calls = r, calls+1
			}
			if tc.dist != "" {
				e.Dist.SetSelected(tc.dist)
			}
			calls = 0
			e.Low.SetText(tc.low)
			e.Likely.SetText(tc.like)
			e.High.SetText(tc.high)
			switch {
			case tc.wantErrContains != "":
				if e.Err() == nil || !strings.Contains(e.Error.Text, tc.wantErrContains) {
					t.Errorf("%s: want an error containing %q, got %v (label %q)", tc.name, tc.wantErrContains, e.Err(), e.Error.Text)
				}
				if planner.ErrField(e.Err()) != planner.KeyMFU {
					t.Errorf("%s: want the error to name mfu, got %q", tc.name, planner.ErrField(e.Err()))
				}
			case tc.wantCleared:
				if got != nil || calls == 0 {
					t.Errorf("%s: want OnChanged(nil), got %v after %d calls", tc.name, got, calls)
				}
			default:
				if got == nil || *got != *tc.wantRange {
					t.Errorf("%s: want %+v, got %+v", tc.name, tc.wantRange, got)
				}
			}
		})
	}

	t.Run("set range and default", func(t *testing.T) {
		e := NewRangeEditor(planner.KeyMFU)
		calls := 0
		e.OnChanged = func(string, *planner.Range) { calls++ }
		e.SetRange(&planner.Range{Low: 0.25, Likely: 0.375, High: 0.5, Dist: "pert"}, nil)
		if e.Low.Text != "25%" || e.Likely.Text != "37.5%" || e.High.Text != "50%" || e.Dist.Selected != "pert" {
			t.Errorf("want 25%% / 37.5%% / 50%% pert, got %q / %q / %q %s", e.Low.Text, e.Likely.Text, e.High.Text, e.Dist.Selected)
		}
		e.SetRange(nil, &planner.Range{Low: 0.2, Likely: 0.4, High: 0.52, Dist: "uniform"})
		if e.Low.Text != "" || e.Low.PlaceHolder != "20%" || !strings.Contains(e.Error.Text, "Default range") {
			t.Errorf("want empty entries with the default as placeholder, got %q (%q), %q", e.Low.Text, e.Low.PlaceHolder, e.Error.Text)
		}
		if calls != 0 {
			t.Errorf("SetRange: want no OnChanged, got %d calls", calls)
		}
		test.Tap(e.Clear)
		if calls != 1 {
			t.Errorf("clear: want one OnChanged, got %d", calls)
		}
	})
}
