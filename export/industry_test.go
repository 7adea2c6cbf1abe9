package export

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// industryWant evaluates what the Industry sheet shows: Epoch AI's 1 GW
// preset and the example capex series, with the planner.
func industryWant(t *testing.T, cat *planner.Catalog) (planner.IndustryResult, []planner.BuildOutYear) {
	t.Helper()
	data, err := assets.Industry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := planner.ResolveIndustry(cat, data, planner.IndustryRequest{Preset: planner.IndustryPresetEpoch})
	if err != nil {
		t.Fatal(err)
	}
	r, err := planner.EvaluateIndustry(res.Inputs)
	if err != nil {
		t.Fatal(err)
	}
	rep, _ := assets.Reported()
	series, err := planner.HyperscalerCapexSeries(rep)
	if err != nil {
		t.Fatal(err)
	}
	years, err := planner.BuildOut(res.Inputs, series.Years)
	if err != nil {
		t.Fatal(err)
	}
	return r, years
}

type industryCheck struct {
	name, cell string
	want       float64
}

func industryChecks(r planner.IndustryResult, years []planner.BuildOutYear) []industryCheck {
	cs := []industryCheck{
		{"capex", IndustryCell("capex"), r.CapexUSD},
		{"annual cost", IndustryCell("annual-cost"), r.AnnualCostUSD},
		{"required revenue", IndustryCell("required-revenue"), r.RequiredRevenueUSD},
		{"facility energy", IndustryCell("facility-energy"), r.FacilityEnergyTWh},
		{"emissions", IndustryCell("emissions"), r.EmissionsTCO2e},
		{"consumption", IndustryCell("consumption"), r.WaterConsumptionM3},
		{"withdrawal", IndustryCell("withdrawal"), r.WaterWithdrawalM3},
		{"homes", IndustryCell("homes"), r.HomesHeated},
	}
	for i, y := range years {
		row := strconv.Itoa(IndustryBuildOutRow + i)
		cs = append(cs,
			industryCheck{strconv.Itoa(y.Year) + " installed GW", "D" + row, y.InstalledGW},
			industryCheck{strconv.Itoa(y.Year) + " TWh", "E" + row, y.FacilityEnergyTWh},
			industryCheck{strconv.Itoa(y.Year) + " tCO2e", "F" + row, y.EmissionsTCO2e},
			industryCheck{strconv.Itoa(y.Year) + " consumption", "G" + row, y.WaterConsumptionM3},
			industryCheck{strconv.Itoa(y.Year) + " withdrawal", "H" + row, y.WaterWithdrawalM3})
	}
	return cs
}

// TestIndustrySheetCalc evaluates the Industry sheet's formulas with
// excelize and compares them with the planner (relative 1e-9).
func TestIndustrySheetCalc(t *testing.T) {
	set, cat := testSet(t)
	f, err := excelize.OpenReader(bytes.NewReader(writeBook(t, set, cat, Options{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	r, years := industryWant(t, cat)
	for _, c := range industryChecks(r, years) {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.CalcCellValue(SheetIndustry, c.cell, excelize.Options{RawCellValue: true})
			v, perr := strconv.ParseFloat(got, 64)
			if err != nil || perr != nil || !relClose(v, c.want, 1e-9) {
				t.Errorf("%s (%s): want %.10g, got %q (%v)", c.name, c.cell, c.want, got, err)
			}
		})
	}
}

// TestIndustrySheetLibreOffice recalculates the workbook in LibreOffice
// and compares the Industry sheet with the planner (relative 1e-9).
func TestIndustrySheetLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice recalculation in -short mode")
	}
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	sheets, _ := recalc(t, book, SheetIndustry)
	rows := sheets[SheetIndustry]
	r, years := industryWant(t, cat)
	for _, c := range industryChecks(r, years) {
		col, row, err := excelize.CellNameToCoordinates(c.cell)
		if err != nil || row > len(rows) || col > len(rows[row-1]) {
			t.Errorf("%s: cell %s not in the CSV", c.name, c.cell)
			continue
		}
		v, err := parseCell(rows[row-1][col-1])
		if err != nil || !relClose(v, c.want, 1e-9) {
			t.Errorf("%s (%s): want %.10g, got %q (%v)", c.name, c.cell, c.want, rows[row-1][col-1], err)
		}
	}
}
