package export

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// cacheFormulaValues gives every formula cell of a sheet written cell by
// cell (the Bubble gap and Projection sheets) its value as excelize's
// calculation engine computes it: all values are computed first (setting a
// value clears the engine's cache), then each is written under its formula.
// The row sheets and the Summary get the planner's values as they are
// streamed instead.
func cacheFormulaValues(f *excelize.File, sheet string) error {
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil // a sheet this workbook does not have (no bubble-risk scenarios, a large sweep)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	type cached struct {
		cell, formula string
		value         any
	}
	var cells []cached
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for r := range rows {
		for c := range width {
			cell := cellAt(c+1, r+1)
			fm, err := f.GetCellFormula(sheet, cell)
			if err != nil || fm == "" {
				continue
			}
			text, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			var v any = text
			if x, perr := strconv.ParseFloat(text, 64); perr == nil && err == nil {
				v = x
			}
			cells = append(cells, cached{cell, fm, v})
		}
	}
	for _, c := range cells {
		if err := f.SetCellValue(sheet, c.cell, c.value); err != nil {
			return err
		}
		if err := f.SetCellFormula(sheet, c.cell, c.formula); err != nil {
			return err
		}
	}
	return nil
}
