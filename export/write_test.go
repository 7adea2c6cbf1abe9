package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// testGap is a gap model with a multi-year life and growth, so that every
// term of the projection matters.
func testGap(t testing.TB, cat *planner.Catalog) *planner.GapInputs {
	t.Helper()
	in, err := planner.GapPreset(cat, planner.GapPreset2024)
	if err != nil {
		t.Fatal(err)
	}
	in.LifeYears, in.CapexGrowth, in.RevenueGrowth, in.Years = 3.5, 1.3, 1.6, 12
	return &in
}

// TestModelLibreOffice recalculates the workbook with LibreOffice and
// compares every Model cell with planner.Evaluate (1e-9 relative; the CSV
// carries 15 significant digits), and the Bubble gap projection with
// planner.EvaluateGap.
func TestModelLibreOffice(t *testing.T) {
	set, cat := testSet(t)
	gap := testGap(t, cat)
	book := writeBook(t, set, cat, Options{Gap: gap})
	sheets, took := recalc(t, book, SheetModel, SheetSummary, SheetGap)
	t.Logf("LibreOffice recalculation of %d scenarios: %v", len(set.Scenarios), took)
	model := sheets[SheetModel]
	cell := func(rows [][]string, r, c int) string {
		if r-1 >= len(rows) || c-1 >= len(rows[r-1]) {
			return ""
		}
		return rows[r-1][c-1]
	}
	checkModelRows(t, set, cat, 1e-9, func(r, c int) string { return cell(model, r, c) })

	// Summary cells refer to the Model.
	sum := sheets[SheetSummary]
	for k, path := range summaryRows {
		for i := range set.Scenarios[:min(len(set.Scenarios), SummaryMax)] {
			j := mustCol(t, path)
			if got, want := cell(sum, k+2, 3+i), cell(model, FirstRow+i, j); got != want {
				t.Errorf("Summary %s of %q: want the Model's %q, got %q", path, set.Scenarios[i].Name, want, got)
			}
		}
	}

	// Bubble gap.
	want, err := planner.EvaluateGap(*gap)
	if err != nil {
		t.Fatal(err)
	}
	gl := NewGapLayout(len(gap.Revenue))
	g := sheets[SheetGap]
	num := func(ref string) string {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		return cell(g, r, c)
	}
	checkNum := func(name, got string, w float64) {
		t.Helper()
		v, err := strconv.ParseFloat(got, 64)
		if err != nil || !relClose(v, w, 1e-9) {
			t.Errorf("gap %s: want %.17g, got %q", name, w, got)
		}
	}
	checkNum("required", num(gl.Required), want.RequiredRevenueUSD)
	checkNum("AI revenue", num(gl.AIRevenue), want.AIRevenueUSD)
	checkNum("gap", num(gl.Gap), want.GapUSD)
	checkNum("itemised gap", num(gl.ItemisedGap), want.ItemisedGapUSD)
	checkNum("data-centre cost", num(gl.DataCentreCost), want.DataCentreCostUSD)
	checkNum("vintage revenue", num(gl.VintageRevenue), want.VintageRevenueUSD)
	if want.GapToRevenue != nil {
		checkNum("gap/revenue", num(gl.GapToRevenue), *want.GapToRevenue)
	}
	if want.ClosesYear == nil {
		if got := num(gl.ClosesYear); got != NA {
			t.Errorf("gap closes year: want %q, got %q", NA, got)
		}
	} else {
		checkNum("closes year", num(gl.ClosesYear), float64(*want.ClosesYear))
	}
	for y, wy := range want.Years {
		r := gl.FirstYearRow + y
		checkNum("year "+strconv.Itoa(y), cell(g, r, 1), float64(wy.Year))
		checkNum("capex "+strconv.Itoa(wy.Year), cell(g, r, 3), wy.CapexUSD)
		checkNum("required "+strconv.Itoa(wy.Year), cell(g, r, 6), wy.RequiredRevenueUSD)
		checkNum("revenue "+strconv.Itoa(wy.Year), cell(g, r, 7), wy.RevenueUSD)
		checkNum("gap "+strconv.Itoa(wy.Year), cell(g, r, 8), wy.GapUSD)
		checkNum("cumulative "+strconv.Itoa(wy.Year), cell(g, r, 9), wy.CumulativeGapUSD)
	}
}

func mustCol(t *testing.T, path string) int {
	t.Helper()
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	j, ok := l.mIndex[path]
	if !ok {
		t.Fatalf("no Model column %s", path)
	}
	return j + 1
}

// TestModelCalcCellValue evaluates every Model cell with excelize's own
// calculation engine (15 significant digits, hence 1e-12... relative is
// too tight for its text output; 1e-9 as for LibreOffice).
func TestModelCalcCellValue(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	checkModelRows(t, set, cat, 1e-9, func(r, c int) string {
		ref, _ := excelize.CoordinatesToCellName(c, r)
		v, err := f.CalcCellValue(SheetModel, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			return "error: " + err.Error()
		}
		return v
	})
}

// TestWorkbookXML parses every XML part of the package: a workbook with
// invalid XML opens with a repair prompt. No formula may start with "=".
func TestWorkbookXML(t *testing.T) {
	set, cat := testSet(t)
	set.Scenarios[0].Note = "bad \ufffe char, <tag> & \"quotes\" _x0041_ \x01"
	book := writeBook(t, set, cat, Options{Gap: testGap(t, cat)})
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	formulas := 0
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		inF := false
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: invalid XML: %v", zf.Name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inF = tok.Name.Local == "f"
			case xml.EndElement:
				inF = false
			case xml.CharData:
				if inF {
					formulas++
					if strings.HasPrefix(strings.TrimSpace(string(tok)), "=") {
						t.Errorf("%s: formula starts with '=': %q", zf.Name, tok)
					}
				}
			}
		}
		rc.Close() //nolint:errcheck
	}
	if formulas < 40*len(set.Scenarios) {
		t.Errorf("want at least %d formulas, got %d", 40*len(set.Scenarios), formulas)
	}
}

// TestFormulaInjection reads back the raw cell XML of every sheet: each
// scenario name that looks like a formula is a string cell with no formula.
func TestFormulaInjection(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var shared []string
	type cellXML struct {
		T string `xml:"t,attr"`
		F *struct {
			Text string `xml:",chardata"`
		} `xml:"f"`
		V  string `xml:"v"`
		IS struct {
			T string `xml:"t"`
		} `xml:"is"`
	}
	read := func(name string) []byte {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close() //nolint:errcheck
				return b
			}
		}
		return nil
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
		} `xml:"si"`
	}
	if b := read("xl/sharedStrings.xml"); b != nil {
		if err := xml.Unmarshal(b, &sst); err != nil {
			t.Fatal(err)
		}
		for _, si := range sst.SI {
			shared = append(shared, si.T)
		}
	}
	found := map[string]int{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		var ws struct {
			Rows []struct {
				C []cellXML `xml:"c"`
			} `xml:"sheetData>row"`
		}
		if err := xml.Unmarshal(read(zf.Name), &ws); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		for _, r := range ws.Rows {
			for _, c := range r.C {
				text := c.IS.T
				if c.T == "s" {
					k, err := strconv.Atoi(c.V)
					if err != nil || k >= len(shared) {
						t.Fatalf("%s: bad shared string index %q", zf.Name, c.V)
					}
					text = shared[k]
				}
				for _, n := range injectionNames {
					if text != n {
						continue
					}
					found[n]++
					if c.F != nil || (c.T != "s" && c.T != "inlineStr") {
						t.Errorf("%s: name %q: want a string cell without formula, got t=%q formula=%v", zf.Name, n, c.T, c.F != nil)
					}
				}
			}
		}
	}
	for _, n := range injectionNames {
		// Summary, Assumptions and Provenance rows.
		if found[n] < 3 {
			t.Errorf("name %q: want it as text on at least 3 sheets, found %d", n, found[n])
		}
	}
}

// TestWriteErrors checks that bad input writes nothing.
func TestWriteErrors(t *testing.T) {
	set, cat := testSet(t)
	bad := *set
	bad.Scenarios = append([]planner.Scenario{}, set.Scenarios...)
	bad.Scenarios[1].GPU = "no-such-chip"
	tests := []struct {
		name string
		set  *planner.File
		want string
	}{
		{"unresolvable scenario", &bad, "no-such-chip"},
		{"empty set", planner.NewFile(cat.Version, nil), "empty"},
		{"nil set", nil, "no scenario set"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tc.set, cat, Options{Clock: fixedClock})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error containing %q, got %v", tc.want, err)
			}
			if buf.Len() != 0 {
				t.Errorf("want nothing written on error, got %d bytes", buf.Len())
			}
		})
	}
}

// TestAboutDate checks the injected clock and the versions on About.
func TestAboutDate(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{AppVersion: "1.2.3"})
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	rows, err := f.GetRows(SheetAbout)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			got[r[0]] = r[1]
		}
	}
	for k, want := range map[string]string{"App version": "1.2.3", "Catalogue version": cat.Version,
		"Exported": "2026-12-01 09:30 UTC", "Scenarios": strconv.Itoa(len(set.Scenarios))} {
		if got[k] != want {
			t.Errorf("About %s: want %q, got %q", k, want, got[k])
		}
	}
	if vis, _ := f.GetSheetVisible(sheetData); vis {
		t.Errorf("data sheet: want hidden, got visible")
	}
	names, err := f.GetDefinedName(), error(nil)
	_ = err
	have := map[string]bool{}
	for _, n := range names {
		have[n.Name] = true
	}
	for _, n := range []string{"HoursPerYear", "FLOPPerParamToken", "SecondsPerHour", "HoursPerDay"} {
		if !have[n] {
			t.Errorf("defined name %s: want it, got none", n)
		}
	}
}
