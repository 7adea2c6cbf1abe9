package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// TestExportCurrency: export --currency adds the converted Summary, its
// cloud cost (recalculated by excelize) = the planner's USD figure x the
// rate (money.json, ECB annual averages: 2025 USD per EUR 1.13; 2024 GBP
// per EUR 0.84662, USD per EUR 1.0824), and the workbook still imports.
// The file's own setting is used when no flag is given.
func TestExportCurrency(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	res, _, err := planner.Estimate(cat, &defs.Scenarios[0])
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gbpFile := filepath.Join(dir, "gbp.aiplan")
	f := *defs
	f.Currency = &planner.CurrencySetting{Code: "GBP"}
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gbpFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		sheet string
		rate  float64
	}{
		{"flag EUR", []string{"--currency", "EUR"}, "Summary EUR", 1 / 1.13},
		{"file GBP", []string{gbpFile}, "Summary GBP", 0.8568 / 1.13},
		{"flag over file", []string{gbpFile, "--currency", "eur"}, "Summary EUR", 1 / 1.13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			book := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".xlsx")
			if _, stderr, code := runCmd(t, append([]string{"export", "-o", book}, tc.args...)...); code != exitOK {
				t.Fatalf("export: want exit 0, got %d (%s)", code, stderr)
			}
			x, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close() //nolint:errcheck // test
			rows, err := x.GetRows(tc.sheet)
			if err != nil {
				t.Fatalf("want sheet %q: %v", tc.sheet, err)
			}
			r := 0
			for i, row := range rows {
				if len(row) > 0 && row[0] == "Cost: cloud rent" {
					r = i + 1
				}
			}
			if r == 0 {
				t.Fatalf("no cloud cost row in %q", tc.sheet)
			}
			s, err := x.CalcCellValue(tc.sheet, "C"+strconv.Itoa(r), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := strconv.ParseFloat(s, 64)
			if want := res.CostUSD.Cloud * tc.rate; math.Abs(got-want) > 1e-9*want {
				t.Errorf("cloud cost: want %.2f, got %.2f (%q)", want, got, s)
			}
			back := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".aiplan")
			if _, stderr, code := runCmd(t, "import", book, "-o", back); code != exitOK {
				t.Errorf("import of the converted workbook: want exit 0, got %d (%s)", code, stderr)
			}
		})
	}
}

// TestExportCurrencyRefused: a bad money flag exits 2 naming the flag and
// what is accepted, and writes nothing.
func TestExportCurrencyRefused(t *testing.T) {
	dir := t.TempDir()
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	defs.Currency = &planner.CurrencySetting{Code: "EUR", DollarYear: 1995}
	b, err := defs.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "1995.aiplan")
	if err := os.WriteFile(old, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown currency", []string{"--currency", "JPY"}, "EUR, GBP, USD"},
		{"year text", []string{"--dollar-year", "soon"}, "--dollar-year"},
		{"year without index", []string{"--dollar-year", "1999"}, "2015 to 2025"},
		{"unknown deflator", []string{"--dollar-year", "2024", "--deflator", "gdp"}, "cpi-u, ppi-data-processing"},
		{"deflator alone", []string{"--deflator", "cpi-u"}, "dollar-year"},
		{"file year without index", []string{old}, "dollar-year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			book := filepath.Join(dir, "x.xlsx")
			stdout, stderr, code := runCmd(t, append([]string{"export", "-o", book}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) || stdout != "" {
				t.Errorf("want exit 2 naming %q, got %d: %q", tc.want, code, stderr)
			}
			if _, err := os.Stat(book); err == nil {
				t.Errorf("want no workbook written")
			}
		})
	}
}
