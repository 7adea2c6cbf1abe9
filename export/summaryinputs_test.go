package export

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
)

// TestSummaryInputs: the Summary's inputs block is the Assumptions sheet
// transposed: every input a built-in scenario sets or resolves has a row
// whose cell for each scenario is a formula over that scenario's
// Assumptions cell, holding the same value (scaled only by its format); the Assumptions, Model and
// Constants sheets print nothing (their print area is one empty cell).
func TestSummaryInputs(t *testing.T) {
	set, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, writeBook(t, set, cat, Options{Clock: fixedClock, AppVersion: "test"}))
	raw := excelize.Options{RawCellValue: true}
	arows, err := f.GetRows(SheetAssumptions, raw)
	if err != nil {
		t.Fatal(err)
	}
	srows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	top := 0
	for r, row := range srows {
		if len(row) > 0 && strings.HasPrefix(row[0], "Inputs (") {
			top = r + 1
		}
	}
	if top == 0 {
		t.Fatal("no inputs block on the Summary")
	}
	n := len(arows) - (FirstRow - 1)
	checked := 0
	for r := top + 1; r <= len(srows); r++ {
		label := srows[r-1][0]
		col := -1
		for c, l := range arows[rowLabel-1] {
			if l == label {
				col = c
			}
		}
		if col < 0 {
			t.Errorf("Summary row %d %q: no such Assumptions column", r, label)
			continue
		}
		for i := range n {
			a := ""
			if row := arows[FirstRow-1+i]; col < len(row) {
				a = row[col]
			}
			cell := cellAt(summaryFirstCol+i, r)
			got, _ := f.GetCellValue(SheetSummary, cell, raw)
			if got != a {
				t.Errorf("%s %s: Summary shows %q, Assumptions %q", label, "scenario "+strconv.Itoa(i+1), got, a)
			}
			if a == "" {
				continue
			}
			want := SheetAssumptions + "!" + colLetter(col+1) + strconv.Itoa(FirstRow+i)
			if fm, _ := f.GetCellFormula(SheetSummary, cell); fm != want {
				t.Errorf("%s %s: formula %q, want %q", label, "scenario "+strconv.Itoa(i+1), fm, want)
			}
			checked++
		}
	}
	if checked < 6*10 {
		t.Errorf("checked %d input cells; want the built-in scenarios' inputs (at least 60)", checked)
	}
	for _, sh := range []string{SheetAssumptions, SheetModel, SheetConstants} {
		var area string
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Area" && d.Scope == sh {
				area = d.RefersTo
			}
		}
		ref := area[strings.LastIndex(area, ":")+1:]
		if v, err := f.GetCellValue(sh, strings.ReplaceAll(ref, "$", "")); err != nil || v != "" || area == "" {
			t.Errorf("%s: print area %q, want one empty cell (printed on the Summary)", sh, area)
		}
	}
}
