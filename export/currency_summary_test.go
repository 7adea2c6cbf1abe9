package export

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// convertedWant returns the planner's figure of Summary money row path for
// scenario sc in basis c: DeflateReport (constant dollars) then x rate.
func convertedWant(t *testing.T, cat *planner.Catalog, m *planner.MoneyData, sc *planner.Scenario, c planner.Currency, path string) float64 {
	t.Helper()
	res, rs, err := planner.Estimate(cat, sc)
	if err != nil {
		t.Fatal(err)
	}
	rep := planner.Report{Result: res, Inputs: rs.Provenance}
	if _, err := planner.DeflateReport(m, c, &rep); err != nil {
		// A price dated after the index's last year: the sheet keeps
		// the scenario nominal (and says so), as the window does.
		rep = planner.Report{Result: res}
	}
	tot := &rep.Totals
	if p, ok := strings.CutPrefix(path, "withExperiments."); ok {
		tot, path = &rep.WithExperiments, p
	}
	v, ok := planner.OutputByPath(path).Get(tot)
	if !ok {
		t.Fatalf("%s: no planner value", path)
	}
	return v * c.Rate
}

// TestConvertedSummary recalculates the converted Summary with excelize
// and compares every money cell with the planner's USD figure (deflated
// from its price's catalogue year for constant dollars) x the rate
// (money.json ECB annual averages: 2025 EUR 1 / 1.13; 2024 GBP 0.84662 /
// 1.0824), to 1e-9 relative.
func TestConvertedSummary(t *testing.T) {
	set, cat := testSet(t)
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, code, deflator string
		year                 int
		rate                 float64
	}{
		{"EUR nominal", "EUR", "", 0, 1 / 1.13},
		{"GBP 2024 PPI", "GBP", "", 2024, 0.84662 / 1.0824},
		{"USD 2020 CPI-U", "USD", planner.DeflatorCPIU, 2020, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := planner.ResolveCurrency(m, tc.code, tc.year, tc.deflator)
			if err != nil {
				t.Fatal(err)
			}
			if !relClose(c.Rate, tc.rate, 1e-12) {
				t.Fatalf("rate: want %v, got %v", tc.rate, c.Rate)
			}
			f, err := excelize.OpenReader(bytes.NewReader(writeBook(t, set, cat, Options{Currency: &c})))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close() //nolint:errcheck // test
			sheet := convertedSheetName(&c)
			head, err := f.GetCellValue(sheet, "A1")
			if err != nil || !strings.Contains(head, tc.code) || !strings.Contains(head, c.Label) {
				t.Errorf("title: want the code and %q, got %q (%v)", c.Label, head, err)
			}
			if tc.code != "USD" && !strings.Contains(head, strconv.FormatFloat(tc.rate, 'f', 4, 64)+" "+tc.code+"/USD") {
				t.Errorf("title: want the rate, got %q", head)
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			checked, deflated := 0, 0
			for r := 7; r <= len(rows); r++ {
				if len(rows[r-1]) == 0 {
					break // the notes below the table
				}
				label := rows[r-1][0]
				var path string
				for _, p := range summaryRows {
					if strings.Contains(p, "USD") && wrLabel(p) == label {
						path = p
					}
				}
				if path == "" {
					t.Fatalf("row %d: %q is not a Summary money row", r, label)
				}
				for i := range min(len(set.Scenarios), SummaryMax) {
					cell := cellAt(summaryFirstCol+i, r)
					s, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatalf("%s: %v", cell, err)
					}
					got, err := strconv.ParseFloat(s, 64)
					if err != nil {
						t.Fatalf("%s: %q is not a number", cell, s)
					}
					want := convertedWant(t, cat, m, &set.Scenarios[i], c, path)
					if !relClose(got, want, 1e-9) {
						fm, _ := f.GetCellFormula(sheet, cell)
						t.Errorf("%s %s (%s, =%s): want %.6f, got %.6f", set.Scenarios[i].Name, path, cell, fm, want, got)
					}
					checked++
					if fm, _ := f.GetCellFormula(sheet, cell); strings.Contains(fm, SheetCurrency+"!$") {
						deflated++
					}
				}
			}
			if (tc.year != 0) != (deflated > 0) {
				t.Errorf("want cells times a deflation factor only in constant dollars, got %d", deflated)
			}
			for i := range min(len(set.Scenarios), SummaryMax) {
				res, rs, _ := planner.Estimate(cat, &set.Scenarios[i])
				rep := planner.Report{Result: res, Inputs: rs.Provenance}
				_, derr := planner.DeflateReport(m, c, &rep)
				noted := false
				for _, row := range rows {
					noted = noted || (len(row) == 1 && strings.HasPrefix(row[0], "Not deflated") && strings.Contains(row[0], set.Scenarios[i].Name+": "))
				}
				if noted != (derr != nil) {
					t.Errorf("%s: want a 'Not deflated' note exactly when the planner refuses (%v), got %v", set.Scenarios[i].Name, derr, noted)
				}
			}
			if checked < 17*6 {
				t.Errorf("want every money row checked, got %d cells", checked)
			}
		})
	}
}

// wrLabel is the Model label of a path.
func wrLabel(path string) string {
	l, err := newLayout()
	if err != nil {
		return ""
	}
	return l.model[l.mIndex[path]].label
}

// TestConvertedSummaryAbsent: nominal USD adds no sheet.
func TestConvertedSummaryAbsent(t *testing.T) {
	set, cat := testSet(t)
	c := planner.NominalUSD()
	f, err := excelize.OpenReader(bytes.NewReader(writeBook(t, set, cat, Options{Currency: &c})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // test
	for _, s := range f.GetSheetList() {
		if strings.HasPrefix(s, "Summary ") {
			t.Errorf("nominal USD: want no converted sheet, got %q", s)
		}
	}
}

// TestConvertedSummaryLibreOffice recalculates the converted Summary (GBP,
// 2024 dollars, PPI) with LibreOffice and compares every money cell with
// the planner (DeflateReport x rate), to 1e-9 relative.
func TestConvertedSummaryLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice recalculation")
	}
	set, cat := testSet(t)
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	c, err := planner.ResolveCurrency(m, "GBP", 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	sheet := convertedSheetName(&c)
	rows, _ := recalc(t, writeBook(t, set, cat, Options{Currency: &c}), sheet)
	got := rows[sheet]
	checked := 0
	for r := 6; r < len(got) && len(got[r]) > 2 && got[r][0] != ""; r++ {
		var path string
		for _, p := range summaryRows {
			if strings.Contains(p, "USD") && wrLabel(p) == got[r][0] {
				path = p
			}
		}
		if path == "" {
			t.Fatalf("row %d: %q is not a money row", r+1, got[r][0])
		}
		for i := range min(len(set.Scenarios), SummaryMax) {
			v, err := parseCell(got[r][summaryFirstCol-1+i])
			if err != nil {
				t.Fatalf("%s %s: %q", set.Scenarios[i].Name, path, got[r][summaryFirstCol-1+i])
			}
			if want := convertedWant(t, cat, m, &set.Scenarios[i], c, path); !relClose(v, want, 1e-9) {
				t.Errorf("%s %s: LibreOffice %.4f, planner %.4f", set.Scenarios[i].Name, path, v, want)
			}
			checked++
		}
	}
	if checked < 17*6 {
		t.Errorf("want every money cell checked, got %d", checked)
	}
}
