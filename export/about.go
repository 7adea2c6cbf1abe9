package export

import (
	"strconv"

	"aiplan/planner"
)

// about writes the version, catalogue and date, and how to read the book.
func (wr *writer) about() error {
	f, s := wr.f, SheetAbout
	rows := [][2]string{
		{"AI Cost Planner (aiplan)", ""},
		{"App version", wr.version()},
		{"Catalogue version", wr.cat.Version},
		{"Catalogue date", wr.cat.Date},
		{"Exported", wr.now.UTC().Format("2006-01-02 15:04 MST")},
		{"Scenarios", strconv.Itoa(len(wr.rows))},
		{"Currency", planner.CurrencyNote},
		{"", ""},
		{"How to read this workbook", ""},
		{"Assumptions", "One row per scenario: every input as resolved by the planner. Blue = set by the user; orange fill = a catalogue assumption (no published source); formulas = derived. Change a value and the Model recomputes."},
		{"Model", "One row per scenario: every output as a live formula over the same row of Assumptions, in the unit of its 'aiplan estimate --json' key (row 3). n/a = unknown (null in JSON)."},
		{"Constants", "Shared constants, each a defined name used in the formulas (HoursPerYear, FLOPPerParamToken, SecondsPerHour, HoursPerDay)."},
		{"Provenance", "Every input's value, origin, source, citation and vintage; figures older than two years at the export date are marked stale."},
		{"Summary", "The scenarios side by side; every figure refers to the Model sheet."},
		{"Sources", "The catalogue citations used."},
		{"Bubble gap", "The investment-versus-revenue gap model and its yearly projection, as formulas over the blue inputs (the catalogue preset when the scenario file has none)."},
		{"Projection", "The frontier training-cost projection cost(year) = base x growth^(year - base year), its band and threshold years, as formulas over the blue inputs."},
		{"Uncertainty", wr.uncertaintyAbout()},
		{"Charts", "Pictures of the app's charts at export time (not live), when the export includes them."},
		{"Import", "'aiplan import THIS.xlsx -o FILE.aiplan' reads the scenarios back; edited Assumptions values become user inputs. Accelerator, precision and catalogue figures (peak, TDP) are not recomputed in the workbook when their choice is edited: import the workbook to re-resolve them."},
	}
	for i, r := range rows {
		if err := f.SetCellStr(s, cellAt(1, i+1), r[0]); err != nil {
			return err
		}
		if r[1] != "" {
			if err := f.SetCellStr(s, cellAt(2, i+1), r[1]); err != nil {
				return err
			}
		}
	}
	ts, err := wr.style("", markTitle)
	if err != nil {
		return err
	}
	// Titles are the rows with a heading and no text beside it.
	for i, r := range rows {
		if r[0] == "" || r[1] != "" {
			continue
		}
		cell := cellAt(1, i+1)
		if err := f.SetCellStyle(s, cell, cell, ts); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(s, "A", "A", 26); err != nil {
		return err
	}
	return f.SetColWidth(s, "B", "B", 120)
}
