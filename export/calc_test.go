package export

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// sheetGrid returns a sheet's cells as computed by excelize's calculation
// engine (CalcCellValue, raw) for formula cells and as stored otherwise:
// the workbook's formulas checked without LibreOffice.
func sheetGrid(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	grid := make([][]string, len(rows))
	for r := range rows {
		grid[r] = make([]string, width)
		copy(grid[r], rows[r])
		for c := range width {
			cell := cellAt(c+1, r+1)
			if fm, _ := f.GetCellFormula(sheet, cell); fm == "" {
				continue
			}
			v, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				v = "error: " + err.Error()
			}
			grid[r][c] = v
		}
	}
	return grid
}

// TestGapSheetCalcCellValue (issue 11): the Bubble gap sheet's formulas
// are checked cell by cell with excelize in plain go test, against
// planner.EvaluateGap to 1e-9 (LibreOffice checks the same under make test).
func TestGapSheetCalcCellValue(t *testing.T) {
	set, cat := testSet(t)
	gap := testGap(t, cat)
	f := openBook(t, writeBook(t, set, cat, Options{Gap: gap}))
	checkGapSheet(t, sheetGrid(t, f, SheetGap), gap)
}

// TestProjectionCalcCellValue: the same for the Projection sheet.
func TestProjectionCalcCellValue(t *testing.T) {
	set, cat := testSet(t)
	f := openBook(t, writeBook(t, set, cat, Options{}))
	g := sheetGrid(t, f, SheetProjection)
	proj, err := planner.DefaultProjection(cat)
	if err != nil {
		t.Fatal(err)
	}
	checkProjection(t, proj, func(c, r int) string {
		if r-1 >= len(g) || c-1 >= len(g[r-1]) {
			return ""
		}
		return g[r-1][c-1]
	})
}

// formulaCell matches a cell with a formula, and its cached value if any.
var formulaCell = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"[^>]*>(?:<f>[^<]*</f>|<f [^>]*>[^<]*</f>|<f[^>]*/>)(<v>[^<]*</v>)?`)

// TestCachedValues (issue 14 item 4): every formula cell of every sheet
// carries a cached value (0 of 342 on the Model sheet did), and the Model's
// and Summary's cached values are the planner's (1e-9).
func TestCachedValues(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	// The range-check column's value is the empty text when every input is
	// in range, which a cell stores as no value.
	blank := regexp.MustCompile(`^` + ModelColumn(keyInvalid) + `[0-9]+$`)
	for _, zf := range z.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		for _, m := range formulaCell.FindAllSubmatch(xml, -1) {
			total++
			if len(m[2]) == 0 && !blank.Match(m[1]) {
				t.Errorf("%s!%s: a formula without a cached value", zf.Name, m[1])
			}
		}
	}
	if total < 1000 {
		t.Fatalf("want the workbook's formulas, found %d", total)
	}
	f := openBook(t, book)
	// GetRows returns the cached values.
	model, err := f.GetRows(SheetModel, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	checkModelRows(t, set, cat, 1e-9, func(r, c int) string {
		if r-1 >= len(model) || c-1 >= len(model[r-1]) {
			return ""
		}
		return model[r-1][c-1]
	})
	sum, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for k, path := range summaryRows {
		j := mustCol(t, path)
		for i := range min(len(set.Scenarios), SummaryMax) {
			if got, want := sum[summaryFirstRow-1+k][summaryFirstCol-1+i], model[FirstRow-1+i][j-1]; got != want {
				t.Errorf("Summary %s of %q: cached %q, Model cached %q", path, set.Scenarios[i].Name, got, want)
			}
		}
	}
}

// TestSummaryScale (issue 14 item 7): each dollar row of the Summary has
// one scale and three significant figures ($1.02B, not $1.0B beside $950M).
func TestSummaryScale(t *testing.T) {
	tests := []struct {
		vals []float64
		want []string
	}{
		{[]float64{1.02e9, 9.5e8, 1.234e7}, []string{`$#,##0.00,,,"B"`, `$#,##0.000,,,"B"`, `$#,##0.0000,,,"B"`}},
		{[]float64{1.5e6, 2.5e8}, []string{`$#,##0.00,,"M"`, `$#,##0,,"M"`}},
		{[]float64{950, 12.5, 0}, []string{`$#,##0`, `$#,##0.0`, `$#,##0`}},
	}
	for _, tc := range tests {
		div, commas, suffix := usdScale(tc.vals)
		for i, v := range tc.vals {
			if got := usdFormat(v, div, commas, suffix); got != tc.want[i] {
				t.Errorf("%v in row %v: want %s, got %s", v, tc.vals, tc.want[i], got)
			}
		}
	}
	// In the workbook, excelize renders the cached values with the formats.
	set, cat := testSet(t)
	f := openBook(t, writeBook(t, set, cat, Options{Clock: fixedClock}))
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	money := regexp.MustCompile(`^\$[0-9,]+(\.[0-9]+)?([BM]?)$`)
	for k, path := range summaryRows {
		if wr := modelColumns()[mustCol(t, path)-1]; wr.format != fmtUSD {
			continue
		}
		row := rows[summaryFirstRow-1+k]
		scales := map[string]bool{}
		for _, text := range row[summaryFirstCol-1:] {
			m := money.FindStringSubmatch(text)
			if m == nil {
				t.Errorf("Summary %s: %q is not a dollar figure", path, text)
				continue
			}
			scales[m[2]] = true
			digits := strings.TrimLeft(strings.NewReplacer("$", "", ",", "", ".", "", "B", "", "M", "").Replace(text), "0")
			if n, _ := strconv.Atoi(digits); n != 0 && len(digits) < 3 {
				t.Errorf("Summary %s: %q has fewer than 3 significant figures", path, text)
			}
		}
		if len(scales) > 1 {
			t.Errorf("Summary %s: mixes scales %v in one row: %q", path, scales, row[summaryFirstCol-1:])
		}
	}
}

// invalidBook returns the test workbook with the first scenario's inputs
// set as in issue 14 item 1 (MFU 1.5, GPUs -5), or MFU alone.
func invalidBook(t *testing.T, gpusToo bool) ([]byte, *planner.File) {
	t.Helper()
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	at := func(key string) string { return l.assumptions[l.aIndex[key]].letter + strconv.Itoa(FirstRow) }
	book = setCell(t, book, SheetAssumptions, at(planner.KeyMFU), 1.5)
	if gpusToo {
		book = setCell(t, book, SheetAssumptions, at(planner.KeyGPUs), -5)
	}
	return book, set
}

// checkInvalidRow checks that every output of the first Model row shows
// want instead of a number, and that the second row is unaffected.
func checkInvalidRow(t *testing.T, cell func(r, c int) string, want string) {
	t.Helper()
	for j, c := range guarded(modelColumns()) {
		if c.key == KeyName || c.key == keyInvalidCol {
			continue
		}
		if got := cell(FirstRow, j+1); got != want {
			t.Errorf("Model %s of the edited row: want %q, got %q", c.key, want, got)
		}
		if got := cell(FirstRow+1, j+1); strings.HasPrefix(got, invalidPrefix) {
			t.Errorf("Model %s of an untouched row: got %q", c.key, got)
		}
	}
}

// TestInvalidInputCalcCellValue (issue 14 item 1): with MFU 1.5 and GPUs -5
// the Model shows "invalid input: <label>" in every output of the row,
// not an implied MFU of 150% and a negative wall-clock (excelize engine).
func TestInvalidInputCalcCellValue(t *testing.T) {
	for _, tc := range []struct {
		gpus bool
		want string
	}{{true, invalidPrefix + "Accelerators"}, {false, invalidPrefix + "MFU"}} {
		t.Run(tc.want, func(t *testing.T) {
			book, _ := invalidBook(t, tc.gpus)
			f := openBook(t, book)
			checkInvalidRow(t, func(r, c int) string {
				v, err := f.CalcCellValue(SheetModel, cellAt(c, r), excelize.Options{RawCellValue: true})
				if err != nil {
					return "error: " + err.Error()
				}
				return v
			}, tc.want)
		})
	}
}

// TestInvalidInputLibreOffice: the same, recalculated by LibreOffice.
func TestInvalidInputLibreOffice(t *testing.T) {
	book, _ := invalidBook(t, true)
	sheets, _ := recalc(t, book, SheetModel)
	model := sheets[SheetModel]
	checkInvalidRow(t, func(r, c int) string {
		if r-1 >= len(model) || c-1 >= len(model[r-1]) {
			return ""
		}
		return model[r-1][c-1]
	}, invalidPrefix+"Accelerators")
}

// TestDataValidation (issue 14 item 1): every numeric input column of the
// Assumptions sheet has Excel data validation with the planner's range and
// an input message naming it.
func TestDataValidation(t *testing.T) {
	set, cat := testSet(t)
	f := openBook(t, writeBook(t, set, cat, Options{Clock: fixedClock}))
	dvs, err := f.GetDataValidations(SheetAssumptions)
	if err != nil {
		t.Fatal(err)
	}
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	last := strconv.Itoa(FirstRow + len(set.Scenarios) - 1)
	for i := range planner.Fields {
		fd := &planner.Fields[i]
		col := l.assumptions[l.aIndex[fd.Key]].letter
		dv := bySqref[col+strconv.Itoa(FirstRow)+":"+col+last]
		if dv == nil {
			t.Errorf("%s: no data validation on %s", fd.Key, col)
			continue
		}
		if dv.Operator != "between" || dv.Formula1 != rangeNum(fd.Min) || dv.Formula2 != rangeNum(fd.Max) {
			t.Errorf("%s: want between %s and %s, got %s %q %q", fd.Key, rangeNum(fd.Min), rangeNum(fd.Max), dv.Operator, dv.Formula1, dv.Formula2)
		}
		if dv.Prompt == nil || !strings.Contains(*dv.Prompt, fd.RangeText()) {
			t.Errorf("%s: want an input message naming %q, got %v", fd.Key, fd.RangeText(), dv.Prompt)
		}
	}
}
