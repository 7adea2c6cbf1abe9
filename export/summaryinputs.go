package export

import (
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The Summary's inputs block is the print view of the Assumptions sheet:
// the same inputs transposed (one row per input, one column per scenario,
// as the outputs above it), each cell a formula over its Assumptions cell
// with the value cached. Only the inputs that at least one shown scenario
// sets or resolves get a row. The Assumptions sheet itself (one row per
// scenario, 60 columns: five landscape pages of six rows) stays on screen
// and off paper while the Summary shows every scenario; so does the Model,
// whose outputs the Summary prints above the inputs.

// summaryInputRows returns the Assumptions columns the inputs block shows
// for the first n scenarios.
func (wr *writer) summaryInputRows(n int) []int {
	var js []int
	for j, c := range wr.l.assumptions {
		if c.kind != kindChoice && c.kind != kindField && c.kind != kindExtra {
			continue
		}
		for i := range n {
			if wr.rows[i].has[j] {
				js = append(js, j)
				break
			}
		}
	}
	return js
}

// summaryInputs streams the inputs block from row top: a title, then one
// row per input.
func (wr *writer) summaryInputs(sw *excelize.StreamWriter, n, top int) error {
	st, err := wr.plainStyles(markTitle, markUnit, markNone)
	if err != nil {
		return err
	}
	ts, us, ns := st[0], st[1], st[2]
	title := []any{excelize.Cell{StyleID: ts, Value: "Inputs (the Assumptions sheet, transposed; blue: set by the scenario)"}}
	if err := sw.SetRow(cellAt(summaryLabelCol, top), title); err != nil {
		return err
	}
	for k, j := range wr.summaryInputRows(n) {
		c := &wr.l.assumptions[j]
		row := []any{excelize.Cell{StyleID: ns, Value: c.label}, excelize.Cell{StyleID: us, Value: c.unit}}
		for i := range n {
			rw := &wr.rows[i]
			if !rw.has[j] {
				row = append(row, nil)
				continue
			}
			var v any = rw.vals[j]
			if c.kind == kindChoice {
				v = rw.choices[wr.l.cIndex[c.key]]
			}
			format := c.format
			if format == "" && c.kind != kindChoice && math.Abs(rw.vals[j]) >= 1e6 {
				// General prints 989400000000000 in a wide column.
				format = "0.00E+00"
			}
			s, err := wr.style(format, int(rw.marks[j]))
			if err != nil {
				return err
			}
			row = append(row, excelize.Cell{StyleID: s, Value: v,
				Formula: SheetAssumptions + "!" + c.letter + strconv.Itoa(FirstRow+i)})
		}
		if err := sw.SetRow(cellAt(summaryLabelCol, top+1+k), row); err != nil {
			return err
		}
	}
	return nil
}

// offPaper gives a sheet of ncols columns an empty print area (a cell
// right of its last column): LibreOffice then prints no page of it. The
// Constants (the named figures the Model's formulas use, machine-facing;
// the About sheet names them) always; Assumptions and Model only
// while the Summary shows every scenario: its outputs are the Model's name
// and output columns (the formulas do not print, their values do), its
// inputs block the Assumptions.
func (wr *writer) offPaper(sheet string, ncols int) error {
	if len(wr.rows) > SummaryMax && sheet != SheetConstants {
		return nil
	}
	cell := "$" + colLetter(ncols+2) + "$1"
	return wr.definePrint(sheet, "_xlnm.Print_Area", "'"+sheet+"'!"+cell+":"+cell)
}
