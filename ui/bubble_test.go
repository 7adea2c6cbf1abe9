package ui

import (
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"aiplan/assets"
	"aiplan/planner"
	"aiplan/plot"
)

func newTestBubbleView(t testing.TB) (*BubbleView, fyne.Window, *int) {
	t.Helper()
	test.NewTempApp(t)
	cat, _ := testData(t)
	rep, err := assets.Reported()
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewBubbleView(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	v.OnChanged = func() { n++ }
	win := test.NewTempWindow(t, v.Content())
	win.Resize(fyne.NewSize(1366, 768))
	return v, win, &n
}

func bubbleIndex(t testing.TB, v *BubbleView, name string) int {
	t.Helper()
	for i, s := range v.Scenarios() {
		if s.Name == name {
			return i
		}
	}
	t.Fatalf("no scenario %q", name)
	return -1
}

// TestBubbleViewPresets: the built-in scenarios show their published
// figures in the indicator table (Cahn $600B/$500B, Kupperman $160B and
// $480B, Bain $2T and $800B), with deltas against the baseline.
func TestBubbleViewPresets(t *testing.T) {
	v, _, _ := newTestBubbleView(t)
	want := map[string][3]string{
		"Sequoia 2024: the $600B question": {"$600B", "$100B", "$500B"},
		"Kupperman 2025, no return":        {"$160B", "$60B", "$100B"},
		"Kupperman 2025, 20% return":       {"$480B", "$60B", "$420B"},
		"Bain 2030: $2T needed":            {"$2T", "$1.2T", "$800B"},
	}
	if len(v.Rows()) < 5 {
		t.Fatalf("%d scenarios", len(v.Rows()))
	}
	for i, r := range v.Rows() {
		w, ok := want[r.Name]
		if !ok {
			continue
		}
		for c, s := range w {
			if got := v.cell(i+1, 2+c); got != s {
				t.Errorf("%s column %d: %q, want %q", r.Name, c, got, s)
			}
		}
	}
	// baseline sequoia-2024 ($500B gap): Bain's gap is $300B more.
	if got := v.cell(1+bubbleIndex(t, v, "Bain 2030: $2T needed"), 9); got != "+$300B" {
		t.Errorf("Bain delta vs baseline: %q", got)
	}
}

// TestBubbleViewEdit: typing an input moves the table; an input of
// another method is disabled; a bad value names the field and keeps the
// last valid inputs.
func TestBubbleViewEdit(t *testing.T) {
	v, win, changes := newTestBubbleView(t)
	k := bubbleIndex(t, v, "Kupperman 2025, no return")
	v.List.Select(k)
	if !v.Entries[planner.GapKeyGPUShare].Disabled() || v.Entries[planner.GapKeyCapex].Disabled() {
		t.Errorf("capex-return: gpu-share should be disabled, capex enabled")
	}
	retypeBubble(win, v, planner.GapKeyCapex, "300B")
	// 300 x (1/10 + 0) / 0.25 = 120.
	if got := v.Rows()[k].Indicators.RequiredUSD; math.Abs(got-120e9) > 1 {
		t.Errorf("required after capex 300B: %g, want 120e9", got)
	}
	if *changes == 0 {
		t.Error("OnChanged not called")
	}
	retypeBubble(win, v, planner.GapKeyGrossMargin, "abc")
	if !strings.Contains(v.Status.Text, "Gross margin") {
		t.Errorf("status %q does not name the field", v.Status.Text)
	}
	retypeBubble(win, v, planner.GapKeyGrossMargin, "0")
	if !strings.Contains(v.Status.Text, "gross-margin") || v.Scenarios()[k].GrossMargin != 0.25 {
		t.Errorf("gross margin 0: status %q, kept %g", v.Status.Text, v.Scenarios()[k].GrossMargin)
	}
}

func retypeBubble(win fyne.Window, v *BubbleView, key, text string) {
	e := v.Entries[key]
	win.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

// TestBubbleViewList: new, duplicate, rename, delete, reorder, baseline,
// and the file round trip through Store and Update.
func TestBubbleViewList(t *testing.T) {
	v, _, _ := newTestBubbleView(t)
	n := len(v.Scenarios())
	v.New()
	v.Duplicate()
	if got := v.Scenarios(); len(got) != n+2 || got[n+1].Name != "New scenario (copy)" {
		t.Fatalf("after new+duplicate: %d, last %q", len(got), got[len(got)-1].Name)
	}
	v.Rename("=SUM(A1)")
	v.SetBaseline()
	v.Move(-1)
	if got := v.Scenarios(); got[n].Name != "=SUM(A1)" || v.Selected() != n || !v.Rows()[n].Baseline {
		t.Errorf("after rename, baseline, up: %q at %d, selected %d", got[n].Name, n, v.Selected())
	}
	v.Rename("New scenario")
	if !strings.Contains(v.Status.Text, "already used") {
		t.Errorf("duplicate name: status %q", v.Status.Text)
	}
	v.Delete()
	if len(v.Scenarios()) != n+1 {
		t.Errorf("after delete: %d", len(v.Scenarios()))
	}
	f := planner.NewFile("x", nil)
	v.Store(f)
	if _, err := f.Marshal(); err != nil {
		t.Fatalf("stored list does not save: %v", err)
	}
	cat, _ := testData(t)
	rep, _ := assets.Reported()
	w2, err := NewBubbleView(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	w2.Update(State{File: f})
	if len(w2.Scenarios()) != n+1 {
		t.Errorf("loaded %d scenarios, want %d", len(w2.Scenarios()), n+1)
	}
}

// TestBubbleScreenshots writes the tab at 1366x768 and 1920x1080 to
// AIPLAN_UI_PNG (skipped when unset): look at them.
func TestBubbleScreenshots(t *testing.T) {
	dir := os.Getenv("AIPLAN_UI_PNG")
	if dir == "" {
		t.Skip("AIPLAN_UI_PNG not set")
	}
	v, win, _ := newTestBubbleView(t)
	v.List.Select(bubbleIndex(t, v, "Kupperman 2025, 20% return"))
	for _, sz := range []fyne.Size{fyne.NewSize(1120, 690), fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		win.Resize(sz)
		for page, name := range []string{"indicators", "waterfall", "tornado"} {
			v.Pages.SelectIndex(page)
			v.Compare.Draw()
			v.Own.Draw()
			v.Tornado.Redraw()
			time.Sleep(1500 * time.Millisecond) // the drawings publish through fyne.Do
			img := win.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, "bubble-"+planner.FormatNumber(float64(sz.Width))+"-"+name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img) //nolint:errcheck // for looking only
			f.Close()
		}
	}
}

// BenchmarkBubbleEditRedraw: one edit of one of 10 scenarios x 10 years to
// the comparison chart redrawn at 1366x768 (evaluate, compare, build,
// render). The budget is 50 ms per edit.
func BenchmarkBubbleEditRedraw(b *testing.B) {
	v, _, _ := newTestBubbleView(b)
	for len(v.list) < 10 {
		v.Duplicate()
	}
	for i := range v.list {
		v.list[i].Years = 10
		v.list[i].Year = 2025
	}
	v.recompute()
	opt := plot.Options{Width: 1366, Height: 768}
	b.ReportAllocs()
	x := 0
	start := time.Now()
	for b.Loop() {
		x++
		v.selected = x % 10
		v.edit(planner.GapKeyCapexGrowth, planner.FormatNumber(1+float64(x%7)/10), false)
		kind, in := v.Compare.input()
		ch, err := plot.Build(kind, in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := plot.Image(ch, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(x), "ms/edit")
}

// TestBubbleViewSelectedCharts: the selected scenario's waterfall follows
// its method and ends at the planner's gap (Cahn $500B, Kupperman 20%
// $420B, Bain $800B: the published figures), the form lists that method's
// inputs only, and the tornado is centred on the gap and moves with an
// edit typed beside it.
func TestBubbleViewSelectedCharts(t *testing.T) {
	v, win, _ := newTestBubbleView(t)
	cases := []struct {
		name  string
		gap   float64
		title string
		rows  int // name, method, inputs, prior vintages
	}{
		{"Sequoia 2024: the $600B question", 500e9, "From GPU spending", 12},
		{"Kupperman 2025, 20% return", 420e9, "(Kupperman)", 12},
		{"Bain 2030: $2T needed", 800e9, "(Bain)", 9},
	}
	for _, c := range cases {
		v.List.Select(bubbleIndex(t, v, c.name))
		kind, in := v.Own.input()
		ch, err := plot.Build(kind, in)
		if err != nil {
			t.Fatalf("%s: waterfall: %v", c.name, err)
		}
		w := ch.(*plot.Waterfall)
		last := w.Steps[len(w.Steps)-1]
		if math.Abs(last.ValueUSD-c.gap) > 1 || !strings.Contains(w.Title+" "+plotTitle(w), c.title) {
			t.Errorf("%s: waterfall ends at %g (%q), want %g and %q", c.name, last.ValueUSD, w.Title, c.gap, c.title)
		}
		if got := len(v.form.Items); got != c.rows {
			t.Errorf("%s: form rows %d, want %d", c.name, got, c.rows)
		}
		tor, err := v.tornado(v.tornadoOutput())
		if err != nil || math.Abs(tor.T.Base-c.gap) > 1 {
			t.Errorf("%s: tornado base %v (%v), want %g", c.name, tor, err, c.gap)
		}
	}
	v.List.Select(bubbleIndex(t, v, "Sequoia 2024: the $600B question"))
	// GPU share 25%: $150B / 0.25 / (1 - 0.5) = $1.2T required, $1.1T gap
	retypeBubble(win, v, planner.GapKeyGPUShare, "25%")
	tor, err := v.tornado(planner.GapOutputGap)
	if err != nil || math.Abs(tor.T.Base-1.1e12) > 1 {
		t.Errorf("after gpu-share 25%%: tornado base %v (%v), want 1.1e12", tor, err)
	}
	v.TornadoOutput.SetSelected(tornadoOutputTitles[planner.GapOutputCumulative])
	if v.tornadoOutput() != planner.GapOutputCumulative || v.Tornado.Err != nil {
		t.Errorf("cumulative output: %s, %v", v.tornadoOutput(), v.Tornado.Err)
	}
}

// plotTitle is the waterfall's default (Cahn) heading when Title is unset.
func plotTitle(w *plot.Waterfall) string {
	if w.Title == "" {
		return "From GPU spending"
	}
	return w.Title
}
