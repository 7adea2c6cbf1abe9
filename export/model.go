package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// model starts the sheet of one row of live formulas per scenario.
func (wr *writer) model() (*rowSheet, error) {
	cols := wr.l.model
	sw, err := wr.rowSheetStart(SheetModel, cols)
	if err != nil {
		return nil, err
	}
	ids := make([]int, len(cols))
	for j, c := range cols {
		mark := markNone
		if strings.HasPrefix(c.key, "work.") {
			mark = markFormula
		}
		if ids[j], err = wr.style(c.format, mark); err != nil {
			return nil, err
		}
	}
	rows := func() error {
		vals := make([]any, len(cols))
		cells := make([]excelize.Cell, len(cols))
		for j := range cols {
			cells[j].StyleID = ids[j]
			vals[j] = &cells[j]
		}
		var buf, ref []byte
		for i := range wr.rows {
			r := FirstRow + i
			rw := &wr.rows[i]
			for j := range cols {
				cells[j].Formula = cols[j].formulaAt(r, &buf)
				switch cols[j].key {
				case KeyName:
					cells[j].Value = rw.sc.Name
				case keyInvalid, keyInvalidCol:
					cells[j].Value = 0 // Write refuses a scenario the planner refuses
				default:
					cells[j].Value = cached(rw.out[j])
				}
			}
			ref = strconv.AppendInt(append(ref[:0], 'A'), int64(r), 10)
			if err := sw.SetRow(string(ref), vals); err != nil {
				return err
			}
		}
		return nil
	}
	return &rowSheet{sw: sw, rows: rows}, nil
}
