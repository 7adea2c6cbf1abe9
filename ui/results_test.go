package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// TestOutputsInEveryView proves every row of planner.Outputs reaches the
// results panel (one value label each, the programme rows again) and the
// Comparison table (one row each, with the row's label and value).
func TestOutputsInEveryView(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	r := NewResults(cat)
	if len(r.Values) != len(planner.Outputs) {
		t.Errorf("results: want %d value labels, got %d", len(planner.Outputs), len(r.Values))
	}
	res, _, err := planner.Estimate(cat, &f.Scenarios[0])
	if err != nil {
		t.Fatal(err)
	}
	r.Show(f.Scenarios[0].Name, res)
	v := NewCompareView(cat)
	v.Update(f.Scenarios, f.Baseline)
	if rows, _ := v.size(); rows != len(planner.Outputs)+1 {
		t.Errorf("compare: want %d rows, got %d", len(planner.Outputs)+1, rows)
	}
	for i, o := range planner.Outputs {
		t.Run(o.Path, func(t *testing.T) {
			l, ok := r.Values[o.Path]
			if !ok {
				t.Fatalf("results: want a label for %s, got none", o.Path)
			}
			if want := human(o.Path, &res.Totals); l.Text != want {
				t.Errorf("results: want %q, got %q", want, l.Text)
			}
			if _, ok := r.Programme[o.Path]; ok != o.Programme {
				t.Errorf("results programme row: want %v, got %v", o.Programme, ok)
			}
			if got := v.CellText(i+1, 0); got != o.Label {
				t.Errorf("compare label: want %q, got %q", o.Label, got)
			}
			if got := v.CellText(i+1, 1); got == "" {
				t.Errorf("compare value: want text, got none")
			}
		})
	}
}
