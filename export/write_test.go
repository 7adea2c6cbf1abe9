package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
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
	sheets, took := recalc(t, book, SheetModel, SheetSummary, SheetGap, SheetProjection)
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
			if got, want := cell(sum, summaryFirstRow+k, summaryFirstCol+i), cell(model, FirstRow+i, j); got != want {
				t.Errorf("Summary %s of %q: want the Model's %q, got %q", path, set.Scenarios[i].Name, want, got)
			}
		}
	}

	// Bubble gap.
	checkGapSheet(t, sheets[SheetGap], gap)
	proj, err := planner.DefaultProjection(cat)
	if err != nil {
		t.Fatal(err)
	}
	checkProjection(t, proj, func(c, r int) string { return cell(sheets[SheetProjection], r, c) })
}

// checkGapSheet compares the recalculated Bubble gap sheet rows with
// planner.EvaluateGap(*gap) to 1e-9 relative.
func checkGapSheet(t *testing.T, g [][]string, gap *planner.GapInputs) {
	t.Helper()
	cell := func(r, c int) string {
		if r-1 >= len(g) || c-1 >= len(g[r-1]) {
			return ""
		}
		return g[r-1][c-1]
	}
	want, err := planner.EvaluateGap(*gap)
	if err != nil {
		t.Fatal(err)
	}
	gl := NewGapLayout(len(gap.Revenue))
	num := func(ref string) string {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		return cell(r, c)
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
		checkNum("year "+strconv.Itoa(y), cell(r, 1), float64(wy.Year))
		checkNum("capex "+strconv.Itoa(wy.Year), cell(r, 3), wy.CapexUSD)
		checkNum("required "+strconv.Itoa(wy.Year), cell(r, 6), wy.RequiredRevenueUSD)
		checkNum("revenue "+strconv.Itoa(wy.Year), cell(r, 7), wy.RevenueUSD)
		checkNum("gap "+strconv.Itoa(wy.Year), cell(r, 8), wy.GapUSD)
		checkNum("cumulative "+strconv.Itoa(wy.Year), cell(r, 9), wy.CumulativeGapUSD)
	}
}

// TestGapPriorVintagesLibreOffice recalculates the Bubble gap sheet with
// the earlier capex vintages counted and compares it with
// planner.EvaluateGap (1e-9 relative). "toggled in the sheet" writes the
// option off and sets its cell to 1 before recalculating: the cell is live.
func TestGapPriorVintagesLibreOffice(t *testing.T) {
	set, cat := testSet(t)
	set.Scenarios = set.Scenarios[:1]
	cases := []struct {
		name   string
		edit   func(*planner.GapInputs)
		toggle bool
		// first is the hand-checked first-year requirement, 0 if none.
		first float64
	}{
		// L = 3, capex 1.5x: 600/3 x (1 + 1/1.5 + 1/2.25) = 3800/9 = $422.2B.
		{name: "L3 capex 1.5x", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.PriorVintages = 3, 1.5, true
		}, first: 3800e9 / 9},
		// L = 6, flat: the steady state, Cahn's $600B.
		{name: "L6 flat", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.PriorVintages = 6, true
		}, first: 600e9},
		// A fractional life, both growths and a long horizon.
		{name: "L3.5 growth 12 years", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.RevenueGrowth, in.Years, in.PriorVintages = 3.5, 1.3, 1.6, 12, true
		}},
		{name: "toggled in the sheet", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.PriorVintages = 3, 1.5, true
		}, toggle: true, first: 3800e9 / 9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in, err := planner.GapPreset(cat, planner.GapPreset2024)
			if err != nil {
				t.Fatal(err)
			}
			c.edit(&in)
			written := in
			written.PriorVintages = in.PriorVintages && !c.toggle
			book := writeBook(t, set, cat, Options{Gap: &written})
			if c.toggle {
				book = setCell(t, book, SheetGap, gapCellPrior, 1)
			}
			sheets, _ := recalc(t, book, SheetGap)
			checkGapSheet(t, sheets[SheetGap], &in)
			if c.first != 0 {
				r, err := planner.EvaluateGap(in)
				if err != nil {
					t.Fatal(err)
				}
				if !relClose(r.RequiredRevenueUSD, c.first, 1e-12) {
					t.Errorf("%s: first-year required: want %.17g, got %.17g", c.name, c.first, r.RequiredRevenueUSD)
				}
			}
		})
	}
}

// setCell returns book with sheet!cell set to v.
func setCell(t *testing.T, book []byte, sheet, cell string, v any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
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
	// LibreOffice silently closes a missing parenthesis; excelize and
	// Excel refuse the formula.
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
					if !balanced(string(tok)) {
						t.Errorf("%s: unbalanced parentheses: %q", zf.Name, tok)
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

// checkProjection compares the Projection sheet (cell returns a cell's
// text by column and row) with planner.Project to 1e-9 relative.
func checkProjection(t *testing.T, in planner.ProjectionInputs, cell func(c, r int) string) {
	t.Helper()
	want, err := planner.Project(in)
	if err != nil {
		t.Fatal(err)
	}
	pl := NewProjectionLayout()
	num := func(name, got string, w float64) {
		t.Helper()
		v, err := strconv.ParseFloat(got, 64)
		if err != nil || !relClose(v, w, 1e-9) {
			t.Errorf("projection %s: want %.17g, got %q", name, w, got)
		}
	}
	for y, wy := range want.Years {
		r := pl.FirstYearRow + y
		num("year "+strconv.Itoa(wy.Year), cell(1, r), float64(wy.Year))
		num("central "+strconv.Itoa(wy.Year), cell(3, r), wy.CostUSD)
		num("low "+strconv.Itoa(wy.Year), cell(4, r), wy.LowUSD)
		num("high "+strconv.Itoa(wy.Year), cell(5, r), wy.HighUSD)
	}
	if got := cell(1, pl.FirstYearRow+len(want.Years)); got != "" {
		t.Errorf("projection: want %d year rows, got a row after them (%q)", len(want.Years), got)
	}
	for i, k := range planner.ThresholdKeys {
		for j, m := range []map[string]*int{want.ThresholdYears, want.ThresholdYearsLow, want.ThresholdYearsHigh} {
			got := cell(2+j, pl.ThresholdRow+i)
			if m[k] == nil {
				if got != NA {
					t.Errorf("threshold %s (column %d): want %q, got %q", k, 2+j, NA, got)
				}
				continue
			}
			num("threshold "+k, got, float64(*m[k]))
		}
	}
}

// TestProjectionSheet evaluates the Projection sheet's formulas with
// excelize for the default projection and for edge inputs (a base already
// above $1B, a falling cost, an exact hit of $1B).
func TestProjectionSheet(t *testing.T) {
	set, cat := testSet(t)
	def, err := planner.DefaultProjection(cat)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   *planner.ProjectionInputs
		want planner.ProjectionInputs
	}{
		{"catalogue default", nil, def},
		{"base above $1B", &planner.ProjectionInputs{BaseCostUSD: 2e9, BaseYear: 2025, Basis: "cloud", Growth: 2, GrowthLow: 1.5, GrowthHigh: 3, Until: 2030}, planner.ProjectionInputs{}},
		{"falling cost", &planner.ProjectionInputs{BaseCostUSD: 5e8, BaseYear: 2024, Growth: 0.5, GrowthLow: 0.4, GrowthHigh: 0.9, Until: 2034}, planner.ProjectionInputs{}},
		{"exact hit", &planner.ProjectionInputs{BaseCostUSD: 1e8, BaseYear: 2020, Growth: 10, GrowthLow: 10, GrowthHigh: 10, Until: 2023}, planner.ProjectionInputs{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := *set
			s.Projection = tc.in
			want := tc.want
			if tc.in != nil {
				want = *tc.in
			}
			book := writeBook(t, &s, cat, Options{})
			f, err := excelize.OpenReader(bytes.NewReader(book))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close() //nolint:errcheck
			checkProjection(t, want, func(c, r int) string {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				v, err := f.CalcCellValue(SheetProjection, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					return "error: " + err.Error()
				}
				return v
			})
		})
	}
}

// TestGapPresetSheet: a set without gap inputs still gets the Bubble gap
// sheet, from the sequoia-2024 preset, and says so.
func TestGapPresetSheet(t *testing.T) {
	set, cat := testSet(t)
	set.Gap = nil
	book := writeBook(t, set, cat, Options{})
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	preset, err := planner.GapPreset(cat, planner.GapPreset2024)
	if err != nil {
		t.Fatal(err)
	}
	want, err := planner.EvaluateGap(preset)
	if err != nil {
		t.Fatal(err)
	}
	note, err := f.GetCellValue(SheetGap, gapNoteCell)
	if err != nil || !strings.Contains(note, "preset "+planner.GapPreset2024) {
		t.Errorf("note: want it to name the preset %s, got %q (%v)", planner.GapPreset2024, note, err)
	}
	gl := NewGapLayout(len(preset.Revenue))
	for _, c := range []struct {
		name, cell string
		want       float64
	}{{"required", gl.Required, want.RequiredRevenueUSD}, {"gap", gl.Gap, want.GapUSD}, {"AI revenue", gl.AIRevenue, want.AIRevenueUSD}} {
		got, err := f.CalcCellValue(SheetGap, c.cell, excelize.Options{RawCellValue: true})
		v, perr := strconv.ParseFloat(got, 64)
		if err != nil || perr != nil || !relClose(v, c.want, 1e-9) {
			t.Errorf("preset %s: want %.17g, got %q (%v)", c.name, c.want, got, err)
		}
	}
}

// TestUncertaintySheet compares the Uncertainty sheet with the planner's
// Monte Carlo (same samples and seed) and tornado; sweeps above
// UncertaintySetMax get only a note, and without the option no sheet.
func TestUncertaintySheet(t *testing.T) {
	_, cat := testSet(t)
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	set := *defs
	set.Scenarios = defs.Scenarios[:2]
	book := writeBook(t, &set, cat, Options{Uncertainty: true})
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	rows, err := f.GetRows(SheetUncertainty, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || !strings.Contains(rows[0][0], "values, not formulas") || !strings.Contains(rows[1][0], "10,000 samples, seed 1") {
		t.Fatalf("heading: want the simulation label, samples and seed, got %q", rows[:min(2, len(rows))])
	}
	get := func(r []string, c int) string {
		if c < len(r) {
			return r[c]
		}
		return ""
	}
	quant, bars := 0, 0
	for i := range set.Scenarios {
		sc := &set.Scenarios[i]
		sim, err := planner.NewSimulation(cat, sc)
		if err != nil {
			t.Fatal(err)
		}
		u, err := sim.Run(context.Background(), planner.Options{Samples: UncertaintySamples, Seed: UncertaintySeed})
		if err != nil {
			t.Fatal(err)
		}
		tor, err := sim.Tornado(tornadoOutput)
		if err != nil {
			t.Fatal(err)
		}
		l, _ := newLayout()
		for _, r := range rows[uncertaintyHeadRw:] {
			if get(r, 0) == sc.Name {
				for _, path := range uncertaintyOutputs {
					if get(r, 1) != l.model[l.mIndex[path]].label {
						continue
					}
					q, _ := u.Get(path)
					for j, w := range []float64{q.P10, q.P50, q.P90, q.Mean} {
						v, err := strconv.ParseFloat(get(r, 3+j), 64)
						if err != nil || !relClose(v, w, 1e-12) {
							t.Errorf("%s %s column %d: want %.17g, got %q", sc.Name, path, 4+j, w, get(r, 3+j))
						}
					}
					quant++
				}
			}
			if get(r, 9) == sc.Name {
				for _, b := range tor.Bars {
					if get(r, 11) != b.Key {
						continue
					}
					v, err := strconv.ParseFloat(get(r, 16), 64)
					if err != nil || !relClose(v, b.Swing, 1e-12) {
						t.Errorf("%s tornado %s swing: want %.17g, got %q", sc.Name, b.Key, b.Swing, get(r, 16))
					}
					bars++
				}
			}
		}
		if len(tor.Bars) == 0 {
			t.Errorf("%s: want tornado bars, got none", sc.Name)
		}
	}
	if quant < 8*len(set.Scenarios) || bars < len(set.Scenarios) {
		t.Errorf("want at least %d quantile rows and %d tornado rows checked, got %d and %d", 8*len(set.Scenarios), len(set.Scenarios), quant, bars)
	}

	t.Run("off by default", func(t *testing.T) {
		book := writeBook(t, &set, cat, Options{})
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close() //nolint:errcheck
		if idx, _ := f.GetSheetIndex(SheetUncertainty); idx >= 0 {
			t.Errorf("want no Uncertainty sheet without the option, got index %d", idx)
		}
	})
	t.Run("sweep above the limit", func(t *testing.T) {
		sweep, _ := sweepSet(t, UncertaintySetMax+1)
		book := writeBook(t, sweep, cat, Options{Uncertainty: true})
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close() //nolint:errcheck
		got, _ := f.GetCellValue(SheetUncertainty, "A2")
		if !strings.HasPrefix(got, "Not computed") {
			t.Errorf("want a 'Not computed' note, got %q", got)
		}
		if v, _ := f.GetCellValue(SheetUncertainty, "A5"); v != "" {
			t.Errorf("want no table, got %q in A5", v)
		}
	})
}

// balanced reports whether the parentheses of a formula outside string
// literals match.
func balanced(fm string) bool {
	depth, inStr := 0, false
	for _, r := range fm {
		switch {
		case r == '"':
			inStr = !inStr
		case inStr:
		case r == '(':
			depth++
		case r == ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0 && !inStr
}
