package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// TestRangeEditing types a range beside an input: it lands in the
// scenario's Ranges (so files and the Monte Carlo see it), a bad range is
// marked and not stored, and clearing returns to the default range.
func TestRangeEditing(t *testing.T) {
	w := newTestWindow(t)
	w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
	rg := w.Editor.Ranges["mfu"]
	if rg == nil {
		t.Fatal("editor: want a range control for mfu")
	}
	if rg.Content.Visible() {
		t.Errorf("mfu range: want hidden until asked for")
	}
	test.Tap(w.Editor.RangeToggle["mfu"])
	if !rg.Content.Visible() {
		t.Fatalf("mfu range: want shown after the toggle")
	}
	if rg.Low.PlaceHolder == "low" || rg.Low.PlaceHolder == "" {
		t.Errorf("mfu range: want the default range as placeholder, got %q", rg.Low.PlaceHolder)
	}
	test.Type(rg.Low, "30%")
	test.Type(rg.Likely, "40%")
	test.Type(rg.High, "50%")
	got, ok := w.File().Scenarios[w.Selected()].Ranges["mfu"]
	if !ok || got.Low != 0.3 || got.Likely != 0.4 || got.High != 0.5 {
		t.Fatalf("mfu range: want {0.3 0.4 0.5} stored, got %+v (%v)", got, ok)
	}
	if !w.Dirty() {
		t.Errorf("range edit: want the set marked unsaved")
	}
	rg.High.SetText("")
	test.Type(rg.High, "20%")
	if planner.ErrField(rg.Err()) != "mfu" || !strings.Contains(rg.Error.Text, "low <= likely") {
		t.Errorf("bad range: want an error naming mfu, got %v / %q", rg.Err(), rg.Error.Text)
	}
	if r := w.File().Scenarios[w.Selected()].Ranges["mfu"]; r.High != 0.5 {
		t.Errorf("bad range: want the last valid range kept, got %+v", r)
	}
	test.Tap(rg.Clear)
	if _, ok := w.File().Scenarios[w.Selected()].Ranges["mfu"]; ok {
		t.Errorf("cleared range: want the default range again (no stored range)")
	}
}

// TestAddScenarios adds a sweep's grid to the set with unique names.
func TestAddScenarios(t *testing.T) {
	w := newTestWindow(t)
	n := len(w.File().Scenarios)
	base := w.File().Scenarios[0]
	a, b := base.Clone(), base.Clone()
	a.Name, b.Name = "gpus=1000", base.Name
	w.AddScenarios([]planner.Scenario{a, b})
	f := w.File()
	if len(f.Scenarios) != n+2 {
		t.Fatalf("want %d scenarios, got %d", n+2, len(f.Scenarios))
	}
	if f.Scenarios[n+1].Name != base.Name+" (2)" {
		t.Errorf("taken name: want %q, got %q", base.Name+" (2)", f.Scenarios[n+1].Name)
	}
	if w.Selected() != n || !w.Dirty() {
		t.Errorf("want the first added selected and the set unsaved, got %d, dirty %v", w.Selected(), w.Dirty())
	}
	if err := f.Check(); err != nil {
		t.Errorf("set after adding: %v", err)
	}
}

// TestSaveAsRefusesUnwritableSet: Fyne's save dialog empties the chosen
// file before handing it over, so a set that cannot be written is refused
// before the dialog opens.
func TestSaveAsRefusesUnwritableSet(t *testing.T) {
	w := newTestWindow(t)
	w.file.Scenarios[1].Name = w.file.Scenarios[0].Name
	w.SaveAs()
	if err := w.LastError(); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("save as with duplicate names: want an error before the dialog, got %v", err)
	}
}
