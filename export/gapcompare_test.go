package export

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// bubbleSet is the defaults (eight bubble-risk presets, three methods) plus
// hand-made cases covering prior vintages, fractional lives, growths and a
// name that looks like a formula.
func bubbleSet(t testing.TB) *planner.File {
	set, _ := testSet(t)
	extra := []planner.BubbleScenario{
		{Name: "=1+1 prior", GapInputs: planner.GapInputs{Method: planner.MethodCapexReturn, Year: 2025, CapexUSD: 300e9,
			LifeYears: 3.5, ReturnRate: 0.08, GrossMargin: 0.4, CapexGrowth: 1.2, RevenueGrowth: 1.7, Years: 9,
			AIRevenueUSD: ptrF(80e9), PriorVintages: true}},
		{Name: "Cahn life 4 prior", GapInputs: planner.GapInputs{Year: 2024, DCRevenueUSD: 150e9, GPUShare: 0.5, Margin: 0.5,
			LifeYears: 4, CapexGrowth: 1.3, RevenueGrowth: 1.9, Years: 7, AIRevenueUSD: ptrF(100e9), PriorVintages: true}},
		{Name: "Bain growing", GapInputs: planner.GapInputs{Method: planner.MethodCapexRatio, Year: 2026, CapexUSD: 500e9,
			CapexRevenueRatio: 0.3, CapexGrowth: 1.1, RevenueGrowth: 1.4, Years: 6, AIRevenueUSD: ptrF(900e9)}},
	}
	set.BubbleScenarios = append(set.BubbleList(), extra...)
	return set
}

func ptrF(v float64) *float64 { return &v }

// bubbleChecks compares every scenario's indicators and years in a sheet
// (read through get(col, row)) with planner.EvaluateGap, relative tol.
func bubbleChecks(t *testing.T, list []planner.BubbleScenario, tol float64, get func(col, row int) string) {
	t.Helper()
	lay := BubbleLayout{}
	for i := range list {
		lay.MaxYears = max(lay.MaxYears, list[i].Years)
	}
	num := func(col, row int) float64 {
		v, err := parseCell(get(col, row))
		if err != nil {
			t.Fatalf("cell %s: %q: %v", cellAt(col, row), get(col, row), err)
		}
		return v
	}
	for i := range list {
		r, err := planner.EvaluateGap(list[i].GapInputs)
		if err != nil {
			t.Fatal(err)
		}
		col := 2 + i
		if got := get(col, bubRowName); got != list[i].Name {
			t.Errorf("scenario %d: name %q, want %q", i, got, list[i].Name)
		}
		for k, y := range r.Years {
			for s, want := range []float64{float64(y.Year), y.RequiredRevenueUSD, y.RevenueUSD, y.GapUSD, y.CumulativeGapUSD} {
				if got := num(col, lay.Row(s, k)); !relClose(got, want, tol) {
					t.Errorf("%s, %s %d: sheet %g, planner %g", list[i].Name, BubbleSections[s], y.Year, got, want)
				}
			}
		}
		closes := "not within horizon"
		if r.ClosesYear != nil {
			closes = strconv.Itoa(*r.ClosesYear)
		}
		if got := get(col, bubRowCloses); got != closes {
			t.Errorf("%s: closes %q, want %q", list[i].Name, got, closes)
		}
		if r.CoverageRatio != nil {
			if got := num(col, bubRowCoverage); !relClose(got, *r.CoverageRatio, tol) {
				t.Errorf("%s: coverage %g, want %g", list[i].Name, got, *r.CoverageRatio)
			}
		} else if got := get(col, bubRowCoverage); got[:3] != NA {
			t.Errorf("%s: coverage %q, want n/a", list[i].Name, got)
		}
	}
}

// TestBubbleSheetCalcCellValue recalculates the Bubble scenarios sheet with
// excelize and checks every scenario and year against the planner (1e-9).
func TestBubbleSheetCalcCellValue(t *testing.T) {
	set := bubbleSet(t)
	_, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := excelize.Options{RawCellValue: true}
	bubbleChecks(t, set.BubbleScenarios, 1e-9, func(col, row int) string {
		c := cellAt(col, row)
		if fm, _ := f.GetCellFormula(SheetBubble, c); fm == "" {
			v, _ := f.GetCellValue(SheetBubble, c, opts)
			return v
		}
		v, err := f.CalcCellValue(SheetBubble, c, opts)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		return v
	})
	rows, err := f.GetRows(SheetReported)
	if err != nil || len(rows) < 30 {
		t.Fatalf("Reported data sheet: %d rows, %v", len(rows), err)
	}
}

// TestBubbleSheetLibreOffice recalculates the workbook with LibreOffice and
// checks every scenario and year against the planner (1e-9).
func TestBubbleSheetLibreOffice(t *testing.T) {
	set := bubbleSet(t)
	_, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	sheets, _ := recalc(t, book, SheetBubble)
	g := sheets[SheetBubble]
	bubbleChecks(t, set.BubbleScenarios, 1e-9, func(col, row int) string {
		if row-1 >= len(g) || col-1 >= len(g[row-1]) {
			return ""
		}
		return g[row-1][col-1]
	})
}
