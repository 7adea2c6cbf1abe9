package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// TestModelHasEveryOutput (issue 11): every row of planner.OutputTable, its
// programme total and every planner.Working is a Model column with the
// table's key, label and unit, and its formula is the table's (compiled);
// the Summary lists every output and the programme totals the results
// panel repeats. Adding an output to the planner's table adds it here.
func TestModelHasEveryOutput(t *testing.T) {
	set, cat := testSet(t)
	f := openBook(t, writeBook(t, set, cat, Options{Clock: fixedClock}))
	rows, err := f.GetRows(SheetModel)
	if err != nil {
		t.Fatal(err)
	}
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ key, label, unit, formula string }
	var wants []want
	for i := range planner.OutputTable {
		o := &planner.OutputTable[i]
		wants = append(wants, want{o.Path, o.Label, o.Unit, o.Formula},
			want{programmeKey(o.Path), "Programme: " + o.Label, o.Unit, o.ProgrammeFormula("{" + o.Path + "}")})
	}
	for _, w := range planner.Workings {
		wants = append(wants, want{w.Key, w.Label, w.Unit, w.Formula})
	}
	col := map[string]int{}
	for j, k := range rows[rowKey-1] {
		col[k] = j
	}
	for _, w := range wants {
		t.Run(w.key, func(t *testing.T) {
			j, ok := col[w.key]
			if !ok {
				t.Fatalf("no Model column with key %s", w.key)
			}
			if got := rows[rowLabel-1][j]; got != w.label {
				t.Errorf("label: want %q, got %q", w.label, got)
			}
			if got := rows[rowUnit-1][j]; got != w.unit {
				t.Errorf("unit: want %q, got %q", w.unit, got)
			}
			parts, err := l.compile(w.formula)
			if err != nil {
				t.Fatal(err)
			}
			c := column{parts: parts}
			var buf []byte
			body := c.formulaAt(FirstRow, &buf)
			cell, _ := excelize.CoordinatesToCellName(j+1, FirstRow)
			got, err := f.GetCellFormula(SheetModel, cell)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, body) {
				t.Errorf("%s: formula %q does not hold the table's %q", cell, got, body)
			}
		})
	}
	sum := map[string]bool{}
	for _, p := range summaryRows {
		sum[p] = true
	}
	for _, o := range planner.OutputTable {
		if !sum[o.Path] || (o.Programme && !sum[programmeKey(o.Path)]) {
			t.Errorf("Summary lacks %s (or its programme total)", o.Path)
		}
	}
}
