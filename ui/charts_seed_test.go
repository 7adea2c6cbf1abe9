package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/plot"
)

// TestChartsViewBuildsWithoutDrawing: building the Charts tab schedules no
// drawing before every field the drawing reads exists (issue 13 item 5:
// the redraw timer reached input() with a nil Method, seen under -race).
func TestChartsViewBuildsWithoutDrawing(t *testing.T) {
	test.NewTempApp(t)
	cat, _ := testData(t)
	v := NewChartsView(cat, test.NewTempWindow(t, nil))
	v.Chart.mu.Lock()
	pending := v.Chart.timer != nil
	v.Chart.mu.Unlock()
	if pending {
		t.Error("NewChartsView: want no drawing scheduled while the view is built, got a pending timer")
	}
	if v.Method == nil || v.Baseline == nil || v.Kind.SelectedIndex() != 0 || v.Method.Selected != "cloud" {
		t.Errorf("NewChartsView: want kind 0 and method cloud, got %d / %v", v.Kind.SelectedIndex(), v.Method)
	}
}

// TestOneSeed: the Charts tab's fan chart and the Uncertainty tab use one
// seed, shown on both (issue 13 item 4: seed 0 gave P10 $66.2M on the
// Charts tab, seed 1 $66.3M on the Uncertainty tab).
func TestOneSeed(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	win := test.NewTempWindow(t, nil)
	c := NewChartsView(cat, win)
	c.Update(f.Scenarios, f.Baseline)
	for i, k := range plot.Kinds {
		if k.Kind == plot.KindFan {
			c.Kind.SetSelectedIndex(i)
		}
	}
	u := NewUncertaintyView(cat, win)
	kind, in := c.input()
	if kind != plot.KindFan {
		t.Fatalf("kind: want %s, got %s", plot.KindFan, kind)
	}
	if in.Seed != u.Seed || in.Seed != DefaultSeed {
		t.Errorf("seed: want Charts = Uncertainty = %d, got Charts %d, Uncertainty %d", DefaultSeed, in.Seed, u.Seed)
	}
	if !strings.Contains(c.Seed.Text, "seed 1") {
		t.Errorf("Charts tab: want the seed shown, got %q", "")
	}
}
