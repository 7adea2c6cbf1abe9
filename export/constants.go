package export

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// constants writes the shared constants and defines a name for each.
func (wr *writer) constants() error {
	f := wr.f
	s := SheetConstants
	rows := [][]any{
		{"Name", "Value", "Unit", "Meaning"},
		{constHoursPerYear, planner.HoursPerYear, "hours/year", "365.25 days x 24 h (Epoch AI's convention); depreciation, embodied carbon and financing"},
		{"FLOPPerParamToken", 6, "FLOP per parameter per token", "Training compute C = 6 N D (Kaplan et al. 2020)"},
		{"SecondsPerHour", 3600, "s/h", "GPU-hours from FLOP and FLOP/s"},
		{"HoursPerDay", 24, "h/day", "Wall-clock days from GPU-hours per accelerator"},
	}
	for i, r := range rows {
		cell := "A" + strconv.Itoa(i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			return err
		}
		if i == 0 {
			continue
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: r[0].(string),
			RefersTo: s + "!$B$" + strconv.Itoa(i+1), Comment: r[3].(string)}); err != nil {
			return err
		}
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "D1", hs); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "A", "A", 20); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "C", "C", 26); err != nil {
		return err
	}
	return f.SetColWidth(s, "D", "D", 90)
}
