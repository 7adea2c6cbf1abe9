package export

import (
	"fmt"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// headerRows writes the label, unit and key rows of a row-per-scenario sheet.
func (wr *writer) headerRows(sw *excelize.StreamWriter, cols []column) error {
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	us, err := wr.style("", markUnit)
	if err != nil {
		return err
	}
	ks, err := wr.style("", markKey)
	if err != nil {
		return err
	}
	labels := make([]any, len(cols))
	units := make([]any, len(cols))
	keys := make([]any, len(cols))
	for i, c := range cols {
		labels[i] = excelize.Cell{StyleID: hs, Value: c.label}
		units[i] = excelize.Cell{StyleID: us, Value: c.unit}
		keys[i] = excelize.Cell{StyleID: ks, Value: c.key}
	}
	if err := sw.SetRow("A1", labels, excelize.RowOpts{Height: 45}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", units); err != nil {
		return err
	}
	return sw.SetRow("A3", keys)
}

func (wr *writer) rowSheetStart(sheet string, cols []column) (*excelize.StreamWriter, error) {
	widths := wr.rowSheetWidths(cols, func(rw *row, j int) float64 {
		switch {
		case sheet == SheetModel:
			return rw.out[j]
		case sheet == SheetAssumptions && rw.has[j]:
			return rw.vals[j]
		}
		return math.NaN()
	})
	printed := widths
	if sheet == SheetModel {
		if err := wr.modelPrintArea(cols); err != nil {
			return nil, err
		}
		printed = widths[:printedModelColumns(cols)]
	}
	if sheet != sheetData {
		if err := wr.pageSetup(sheet, printed); err != nil {
			return nil, err
		}
	}
	if sheet == SheetAssumptions || sheet == SheetModel {
		// Printed transposed on the Summary (summaryinputs.go).
		if err := wr.offPaper(sheet, len(cols)); err != nil {
			return nil, err
		}
	}
	sw, err := wr.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: FirstRow - 1,
		TopLeftCell: "C" + strconv.Itoa(FirstRow), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	return sw, wr.headerRows(sw, cols)
}

// rowColWidth is the width of a text column (a choice) on the row sheets:
// the header wraps.
const rowColWidth = 10.0

// assumptions starts the sheet of one row per scenario with its resolved
// inputs.
func (wr *writer) assumptions() (*rowSheet, error) {
	cols := wr.l.assumptions
	sw, err := wr.rowSheetStart(SheetAssumptions, cols)
	if err != nil {
		return nil, err
	}
	styles := make([][markFormula + 1]int, len(cols))
	for j := range cols {
		for m := markNone; m <= markFormula; m++ {
			if styles[j][m], err = wr.style(cols[j].format, m); err != nil {
				return nil, err
			}
		}
	}
	// Per-column lookups done once, not per cell.
	aIdx, cIdx := make([]int, len(cols)), make([]int, len(cols))
	derived := make([]*column, len(cols))
	for j := range cols {
		aIdx[j], cIdx[j], derived[j] = wr.l.aIndex[cols[j].key], wr.l.cIndex[cols[j].key], wr.l.derived[cols[j].key]
	}
	// Before Flush, which writes the validations with the sheet.
	if err := wr.validations(); err != nil {
		return nil, err
	}
	rows := func() error {
		vals := make([]any, len(cols))
		// The cells of a row are passed by pointer into one reused array,
		// not boxed one by one.
		cells := make([]excelize.Cell, len(cols))
		var buf, ref []byte
		for i := range wr.rows {
			rw := &wr.rows[i]
			r := FirstRow + i
			for j := range cols {
				vals[j] = assumptionCell(rw, i, r, &cols[j], &styles[j], aIdx[j], cIdx[j], derived[j], &cells[j], &buf)
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

// assumptionCell returns the value to stream for column c of a row: nil,
// a plain value, or cell filled in. j and k are c's Assumptions and
// choice indices, derived its derived-input formula (or nil); buf is
// scratch space for formulas.
func assumptionCell(rw *row, i, r int, c *column, styles *[markFormula + 1]int, j, k int, derived *column, cell *excelize.Cell, buf *[]byte) any {
	switch c.kind {
	case kindID:
		return i + 1
	case kindName:
		return rw.sc.Name
	case kindNote:
		if rw.sc.Note == "" {
			return nil
		}
		return rw.sc.Note
	case kindFlag:
		*cell = excelize.Cell{StyleID: styles[markFormula], Formula: c.formulaAt(r, buf), Value: rw.vals[j]}
		return cell
	}
	if !rw.has[j] {
		return nil
	}
	if c.kind == kindChoice {
		*cell = excelize.Cell{StyleID: styles[rw.marks[j]], Value: rw.choices[k]}
		return cell
	}
	v, mark := rw.vals[j], rw.marks[j]
	*cell = excelize.Cell{StyleID: styles[mark], Value: v}
	if mark == markFormula && derived != nil {
		cell.Formula = derived.formulaAt(r, buf)
	}
	return cell
}

// fill looks up every Assumptions value of a row once.
func (wr *writer) fill(rw *row) {
	for j := range wr.l.assumptions {
		c := &wr.l.assumptions[j]
		if c.kind == kindChoice {
			p, ok := rw.res.Provenance[c.key]
			if !ok {
				continue
			}
			mark := markNone
			if p.Origin == planner.OriginUser {
				mark = markUser
			}
			v, ok := p.Value.(string)
			if !ok {
				v = fmt.Sprint(p.Value)
			}
			rw.choices[wr.l.cIndex[c.key]], rw.marks[j], rw.has[j] = v, uint8(mark), true
			continue
		}
		if c.kind == kindFlag {
			rw.vals[j], rw.has[j] = flagValue(c.key, &rw.res.Inputs), true
			continue
		}
		if c.kind != kindField && c.kind != kindExtra {
			continue
		}
		v, p, ok := wr.extraValue(rw, c.key)
		if !ok {
			continue
		}
		mark := markNone
		switch {
		case p.Origin == planner.OriginUser:
			mark = markUser
		case p.Assumption != "":
			mark = markAssumption
		case p.Origin == planner.OriginDerived:
			mark = markFormula
		}
		rw.vals[j], rw.marks[j], rw.has[j] = v, uint8(mark), true
	}
}

// extraValue returns the resolved number of an Assumptions column with its
// provenance: a planner input, or a catalogue figure Evaluate uses.
func (wr *writer) extraValue(rw *row, key string) (float64, planner.Resolved, bool) {
	res := rw.res
	switch key {
	case KeyTDPW:
		a := res.Accelerator
		return res.Inputs.TDPW, planner.Resolved{Value: a.TDPW.Value, Unit: "W", Source: a.TDPW.Source,
			Date: a.TDPW.Date, Assumption: a.TDPW.Assumption, Origin: planner.OriginCatalogue}, true
	case KeyPricePerfOOM:
		k := &wr.cat.Constants.PricePerfOOMPerYear
		return res.Inputs.PricePerfOOM, planner.Resolved{Value: res.Inputs.PricePerfOOM, Unit: "OOM/year",
			Source: k.Source, Date: k.Date, Assumption: k.Assumption, Origin: planner.OriginCatalogue}, true
	}
	p, ok := res.Provenance[key]
	if !ok {
		return 0, p, false
	}
	v, ok := p.Value.(float64)
	return v, p, ok
}
