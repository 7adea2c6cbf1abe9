package export

import (
	"math"
)

// Column widths of the row sheets: as narrow as the figures allow (the
// header wraps), so that the sheets print on few pages, and never so narrow
// that a figure shows as ### (a cell that does not fit its number).

// minFigureWidth is the narrowest figure column (the wrapped header's
// longest word, roughly).
const minFigureWidth = 8

// figureWidth returns the width of a column of figures in format whose
// largest magnitude is top: the formatted length plus padding.
func figureWidth(format string, top float64) float64 {
	n := formattedLen(format, top)
	return float64(max(minFigureWidth, n+2))
}

// intDigits returns the digits and thousands commas of v's integer part.
func intDigits(v float64) int {
	d := 1
	if v >= 1 {
		d = int(math.Floor(math.Log10(v))) + 1
	}
	return d + (d-1)/3
}

// formattedLen is the length of top formatted by one of the workbook's
// number formats (an upper bound).
func formattedLen(format string, top float64) int {
	top = math.Abs(top)
	switch format {
	case fmtCount:
		return intDigits(top) + 1 // a minus sign
	case fmtDecimal:
		return intDigits(top) + 3
	case fmtPrice:
		return intDigits(top) + 4
	case fmtUSD:
		switch {
		case top >= 1e9:
			return intDigits(top/1e9) + 4 // "$1,234.5B"
		case top >= 1e6:
			return intDigits(top/1e6) + 4
		}
		return intDigits(top) + 1
	case fmtSci:
		return 9 // "-2.75E+14"
	case fmtPercent:
		return intDigits(top*100) + 3
	case fmtRatio:
		return intDigits(top) + 3
	case `0`:
		return intDigits(top)
	}
	return int(rowColWidth)
}

// rowSheetWidths returns the widths of a row sheet's columns: fixed for
// the id, name and note, from the figures for the others (values(j)
// returns column j's figures, NaN for none).
func (wr *writer) rowSheetWidths(cols []column, value func(rw *row, j int) float64) []float64 {
	widths := make([]float64, len(cols))
	for j, c := range cols {
		switch {
		case c.key == KeyID:
			widths[j] = 4
		case c.key == KeyName:
			widths[j] = 20
		case c.key == KeyNote:
			widths[j] = 48
		case c.format == fmtGeneral:
			widths[j] = rowColWidth
		default:
			top := 0.0
			for i := range wr.rows {
				if v := value(&wr.rows[i], j); !math.IsNaN(v) {
					top = max(top, math.Abs(v))
				}
			}
			widths[j] = figureWidth(c.format, top)
		}
	}
	return widths
}
