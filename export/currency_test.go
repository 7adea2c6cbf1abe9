package export

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// TestCurrencySheetMatchesPlanner recalculates the Currency sheet's live
// rate cells and deflation factors with excelize for several rate and
// dollar years and compares them with planner.ResolveCurrency and
// planner.DeflateFactor (hand figures: 2024 EUR 1 / 1.0824 = 0.923873,
// GBP 0.84662 / 1.0824 = 0.782169).
func TestCurrencySheetMatchesPlanner(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	set, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewCurrencyLayout()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(writeBook(t, set, cat, Options{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // test
	num := func(cell string) float64 {
		t.Helper()
		s, err := f.CalcCellValue(SheetCurrency, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", cell, err)
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s: %q is not a number", cell, s)
		}
		return v
	}
	for _, y := range []int{2016, 2022, 2024, 2025} {
		t.Run("rates "+strconv.Itoa(y), func(t *testing.T) {
			if err := f.SetCellValue(SheetCurrency, l.RateYear, y); err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct{ code, cell string }{{"EUR", l.RateEUR}, {"GBP", l.RateGBP}} {
				want, err := planner.ResolveCurrency(m, c.code, y, "")
				if err != nil {
					t.Fatal(err)
				}
				if got := num(c.cell); math.Abs(got/want.Rate-1) > 1e-12 {
					t.Errorf("%s %d: sheet %.9f, planner %.9f", c.code, y, got, want.Rate)
				}
			}
		})
	}
	for _, to := range []int{2020, 2024} {
		t.Run("factors to "+strconv.Itoa(to), func(t *testing.T) {
			if err := f.SetCellValue(SheetCurrency, l.DollarYear, to); err != nil {
				t.Fatal(err)
			}
			for i, from := range l.IndexYears {
				r := strconv.Itoa(l.FirstIndexRow + i)
				for _, c := range []struct{ id, col string }{{"ppi-data-processing", "D"}, {"cpi-u", "E"}} {
					want, err := planner.DeflateFactor(m, c.id, from, to)
					if err != nil {
						t.Fatal(err)
					}
					if got := num(c.col + r); math.Abs(got/want-1) > 1e-12 {
						t.Errorf("%s %d -> %d: sheet %.9f, planner %.9f", c.id, from, to, got, want)
					}
				}
			}
		})
	}
	if n, err := f.GetDefinedName(), error(nil); err != nil || len(n) == 0 {
		t.Fatal("no defined names")
	} else {
		found := 0
		for _, d := range n {
			if d.Name == "RateEUR" || d.Name == "RateGBP" {
				found++
			}
		}
		if found != 2 {
			t.Errorf("want the names RateEUR and RateGBP, found %d", found)
		}
	}
}

// TestCurrencySheetLibreOffice recalculates the workbook with LibreOffice
// and compares the Currency sheet's live rates (rate year 2025) and the
// factors to the default dollar year with the planner, to 1e-6 (the CSV
// holds General-format text).
func TestCurrencySheetLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice recalculation")
	}
	cat, _ := assets.Catalog()
	set, _ := assets.Defaults()
	m, _ := assets.Money()
	l, err := NewCurrencyLayout()
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := recalc(t, writeBook(t, set, cat, Options{}), SheetCurrency)
	sheet := rows[SheetCurrency]
	cell := func(ref string) float64 {
		t.Helper()
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil || row > len(sheet) || col > len(sheet[row-1]) {
			t.Fatalf("%s: not in the CSV", ref)
		}
		v, err := parseCell(sheet[row-1][col-1])
		if err != nil {
			t.Fatalf("%s: %q", ref, sheet[row-1][col-1])
		}
		return v
	}
	year := int(cell(l.RateYear))
	for _, c := range []struct{ code, ref string }{{"EUR", l.RateEUR}, {"GBP", l.RateGBP}} {
		want, err := planner.ResolveCurrency(m, c.code, year, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := cell(c.ref); !relClose(got, want.Rate, 1e-6) {
			t.Errorf("%s %d: LibreOffice %.9f, planner %.9f", c.code, year, got, want.Rate)
		}
	}
	to := int(cell(l.DollarYear))
	for i, from := range l.IndexYears {
		r := strconv.Itoa(l.FirstIndexRow + i)
		for _, c := range []struct{ id, col string }{{"ppi-data-processing", "D"}, {"cpi-u", "E"}} {
			want, _ := planner.DeflateFactor(m, c.id, from, to)
			if got := cell(c.col + r); !relClose(got, want, 1e-6) {
				t.Errorf("%s %d -> %d: LibreOffice %.9f, planner %.9f", c.id, from, to, got, want)
			}
		}
	}
}
