package export

import (
	"strconv"
	"strings"

	"aiplan/planner"
)

// Cells of the Bubble gap sheet's inputs (column B).
const (
	gapCellYear     = "B3"
	gapCellDC       = "B4"
	gapCellShare    = "B5"
	gapCellMargin   = "B6"
	gapCellLife     = "B7"
	gapCellCapexG   = "B8"
	gapCellRevG     = "B9"
	gapCellOverride = "B10"
	gapCellPrior    = "B12" // 1: count the earlier capex vintages
	gapNoteCell     = "A13" // the preset note
	gapItemsRow     = 15    // first revenue item
	// gapPriorRows is the number of earlier vintages the sheet lists, enough
	// for any accepted life.
	gapPriorRows = planner.GapMaxLifeYears - 1
)

// GapLayout locates the Bubble gap sheet's results for a gap model with
// items revenue lines: the first projection row and the headline cells.
type GapLayout struct {
	// FirstYearRow is the row of the projection's first year; its columns
	// are A year, C capex, D vintage requirement, E weight at age, F required
	// revenue, G AI revenue, H gap, I cumulative gap. From the same row,
	// columns L to Q list the earlier vintages (a = 1, 2, ... years before
	// the first year): L a, M year, N capex, O vintage requirement, P weight
	// at age a, Q their share of the first year (O x P).
	FirstYearRow int
	// Headline cells (column B).
	DataCentreCost, VintageRevenue, Required, AIRevenue, Gap, ItemisedGap, GapToRevenue, ClosesYear string
}

// NewGapLayout returns the layout for a revenue table of items lines.
func NewGapLayout(items int) GapLayout {
	h := gapItemsRow + items + 4 // after the totals
	cell := func(k int) string { return "B" + strconv.Itoa(h+k) }
	return GapLayout{
		DataCentreCost: cell(0), VintageRevenue: cell(1), Required: cell(2), AIRevenue: cell(3),
		Gap: cell(4), ItemisedGap: cell(5), GapToRevenue: cell(6), ClosesYear: cell(7),
		FirstYearRow: h + 11,
	}
}

// gapSheet writes the bubble-gap model: inputs, the revenue table, the
// headline figures and the year-by-year projection, all as formulas
// following planner.EvaluateGap.
//
// preset says the inputs are the catalogue preset because the scenario file
// has none; the sheet says so.
func (wr *writer) gapSheet(in *planner.GapInputs, preset bool) error {
	f, s := wr.f, SheetGap
	gl := NewGapLayout(len(in.Revenue))
	set := func(cell string, v any) error {
		switch v := v.(type) {
		case string:
			return f.SetCellStr(s, cell, v)
		case nil:
			return nil
		}
		return f.SetCellValue(s, cell, v)
	}
	formula := func(cell, fm string) error { return f.SetCellFormula(s, cell, fm) }
	st, err := wr.plainStyles(markTitle, markHeader)
	if err != nil {
		return err
	}
	ts, hs := st[0], st[1]
	if err := set("A1", "Bubble gap: revenue required by AI capex versus expected AI revenue (Cahn, Sequoia Capital 2023 and 2024)"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", ts); err != nil {
		return err
	}
	var override any
	if in.AIRevenueUSD != nil {
		override = *in.AIRevenueUSD
	}
	prior := 0
	if in.PriorVintages {
		prior = 1
	}
	inputs := []struct {
		label string
		v     any
		unit  string
		key   string
		fmt   string
	}{
		{"First year", in.Year, "year", "year", "0"},
		{"Data-centre revenue run-rate (the year's capex)", in.DCRevenueUSD, "USD/year", "dc-revenue", fmtBillions},
		{"GPU share of data-centre TCO", in.GPUShare, "fraction", "gpu-share", fmtPercent},
		{"End-user gross margin", in.Margin, "fraction", "margin", fmtPercent},
		{"Depreciation life L", in.LifeYears, "years", "life", fmtRatio},
		{"Capex growth", in.CapexGrowth, "x per year", "capex-growth", fmtRatio},
		{"Revenue growth", in.RevenueGrowth, "x per year", "revenue-growth", fmtRatio},
		{"AI revenue override (blank: the table total)", override, "USD/year", "ai-revenue", fmtBillions},
		{"Projection rows", in.Years, "years", "years", "0"},
		{"Count earlier capex vintages (1 = yes: steady state; 0 = only from the first year)", prior, "1/0", "prior-vintages", "0"},
	}
	for _, h := range []struct{ cell, text string }{{"A2", "Input"}, {"B2", "Value"}, {"C2", "Unit"}, {"D2", "Key (aiplan gap flag)"}} {
		if err := set(h.cell, h.text); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A2", "D2", hs); err != nil {
		return err
	}
	for i, it := range inputs {
		r := strconv.Itoa(3 + i)
		for _, c := range []struct {
			cell string
			v    any
		}{{"A" + r, it.label}, {"B" + r, it.v}, {"C" + r, it.unit}, {"D" + r, it.key}} {
			if err := set(c.cell, c.v); err != nil {
				return err
			}
		}
		st, err := wr.style(it.fmt, markUser)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "B"+r, "B"+r, st); err != nil {
			return err
		}
	}
	if in.Preset != "" {
		if err := set("E3", "Preset: "+in.Preset); err != nil {
			return err
		}
	}
	if preset {
		note := "The scenario file has no bubble-gap inputs: this is the catalogue preset " + in.Preset +
			" (Cahn, Sequoia Capital). Edit the blue cells to try other figures."
		if err := set(gapNoteCell, note); err != nil {
			return err
		}
		is, err := wr.style("", markNote)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, gapNoteCell, gapNoteCell, is); err != nil {
			return err
		}
	}
	// Revenue table.
	hr := strconv.Itoa(gapItemsRow - 1)
	for _, h := range []struct{ cell, text string }{{"A" + hr, "Expected AI revenue item"}, {"B" + hr, "USD/year"}, {"C" + hr, "Other line (1/0)"}, {"D" + hr, "Source"}} {
		if err := set(h.cell, h.text); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A"+hr, "D"+hr, hs); err != nil {
		return err
	}
	usd, err := wr.style(fmtBillions, markNone)
	if err != nil {
		return err
	}
	userUSD, err := wr.style(fmtBillions, markUser)
	if err != nil {
		return err
	}
	for i, it := range in.Revenue {
		r := strconv.Itoa(gapItemsRow + i)
		other := 0
		if it.Other {
			other = 1
		}
		for _, c := range []struct {
			cell string
			v    any
		}{{"A" + r, it.Name}, {"B" + r, it.USD}, {"C" + r, other}, {"D" + r, it.Source}} {
			if err := set(c.cell, c.v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(s, "B"+r, "B"+r, userUSD); err != nil {
			return err
		}
	}
	lastItem := gapItemsRow + len(in.Revenue) - 1
	items := func(col string) string {
		return col + strconv.Itoa(gapItemsRow) + ":" + col + strconv.Itoa(lastItem)
	}
	tr := gapItemsRow + len(in.Revenue)
	total, itemised := "0", "0"
	if len(in.Revenue) > 0 {
		total = "SUM(" + items("B") + ")"
		itemised = "SUM(" + items("B") + ")-SUMPRODUCT(" + items("B") + "," + items("C") + ")" // not 1-range: excelize cannot calculate array arithmetic
	}
	totals := []struct{ label, fm string }{
		{"Table total", total},
		{"Itemised (without other lines)", itemised},
	}
	for i, t := range totals {
		r := strconv.Itoa(tr + i)
		if err := set("A"+r, t.label); err != nil {
			return err
		}
		if err := formula("B"+r, t.fm); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "B"+r, "B"+r, usd); err != nil {
			return err
		}
	}
	tableTotal, itemisedTotal := "B"+strconv.Itoa(tr), "B"+strconv.Itoa(tr+1)

	// Projection first, so the headline can refer to it.
	p0 := gl.FirstYearRow
	head := []string{"Year", "Age t", "Capex (vintage)", "Vintage requirement", "Weight at age t", "Required revenue", "AI revenue", "Gap", "Cumulative gap", "Closed (year if gap <= 0)"}
	hrow := strconv.Itoa(p0 - 1)
	for j, h := range head {
		if err := set(colLetter(j+1)+hrow, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A"+hrow, "J"+hrow, hs); err != nil {
		return err
	}
	// Two lines for the wrapped headers: the inputs' Key (row 2), the
	// items' Other line, the projection's.
	for _, r := range []int{2, gapItemsRow - 1, p0 - 1} {
		if err := f.SetRowHeight(s, r, 30); err != nil {
			return err
		}
	}
	aiRevenue := gl.AIRevenue
	var sb strings.Builder
	for y := 0; y < in.Years; y++ {
		r := strconv.Itoa(p0 + y)
		sb.Reset()
		for k := 0; k <= y; k++ {
			if k > 0 {
				sb.WriteByte('+')
			}
			sb.WriteString("D" + strconv.Itoa(p0+k) + "*E" + strconv.Itoa(p0+y-k))
		}
		// Earlier vintages: vintage(y - a) = CapexGrowth^y x vintage(-a), so
		// row y adds growth^y times their first-year shares for a > y.
		if y < gapPriorRows {
			sb.WriteString("+" + absCell(gapCellPrior) + "*POWER($B$8,B" + r + ")*SUM($Q$" + strconv.Itoa(p0+y) +
				":$Q$" + strconv.Itoa(p0+gapPriorRows-1) + ")")
		}
		cum := "H" + r
		if y > 0 {
			cum = "I" + strconv.Itoa(p0+y-1) + "+H" + r
		}
		cells := []struct{ col, fm string }{
			{"A", "$B$3+B" + r},
			{"C", "$B$4*POWER($B$8,B" + r + ")"},
			{"D", "C" + r + "/$B$5/(1-$B$6)"},
			{"E", "IF(B" + r + ">=$B$7,0,IF($B$7<=1,1,MIN(1,$B$7-B" + r + ")/$B$7))"},
			{"F", sb.String()},
			{"G", "$" + aiRevenue[:1] + "$" + aiRevenue[1:] + "*POWER($B$9,B" + r + ")"},
			{"H", "F" + r + "-G" + r},
			{"I", cum},
			{"J", `IF(H` + r + `<=0,A` + r + `,"")`},
		}
		if err := f.SetCellInt(s, "B"+r, int64(y)); err != nil {
			return err
		}
		for _, c := range cells {
			if err := formula(c.col+r, c.fm); err != nil {
				return err
			}
		}
	}
	if err := wr.gapPriorTable(p0, hs, usd); err != nil {
		return err
	}
	last := strconv.Itoa(p0 + in.Years - 1)
	if err := f.SetCellStyle(s, "C"+strconv.Itoa(p0), "D"+last, usd); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "F"+strconv.Itoa(p0), "I"+last, usd); err != nil {
		return err
	}
	ratio, err := wr.style(fmtRatio, markNone)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "E"+strconv.Itoa(p0), "E"+last, ratio); err != nil {
		return err
	}

	// Headline figures.
	first := strconv.Itoa(p0)
	hl := []struct{ cell, label, fm, format string }{
		{gl.DataCentreCost, "Data-centre cost of the first vintage = run-rate / GPU share", gapCellDC + "/" + gapCellShare, fmtBillions},
		{gl.VintageRevenue, "Revenue the first vintage needs over its life = run-rate / share / (1 - margin)", gapCellDC + "/" + gapCellShare + "/(1-" + gapCellMargin + ")", fmtBillions},
		{gl.Required, "Required revenue, first year", "F" + first, fmtBillions},
		{gl.AIRevenue, "Expected AI revenue, first year", "IF(ISNUMBER(" + gapCellOverride + ")," + gapCellOverride + "," + tableTotal + ")", fmtBillions},
		{gl.Gap, "Gap, first year = required - AI revenue", gl.Required + "-" + gl.AIRevenue, fmtBillions},
		{gl.ItemisedGap, "Gap against the itemised revenue only", gl.Required + "-" + itemisedTotal, fmtBillions},
		{gl.GapToRevenue, "Gap / AI revenue (bubble-risk ratio)", "IF(" + gl.AIRevenue + ">0," + gl.Gap + "/" + gl.AIRevenue + `,"n/a")`, fmtRatio},
		{gl.ClosesYear, "First year the gap closes (gap <= 0)", "IF(COUNT(J" + first + ":J" + last + `)=0,"n/a",MIN(J` + first + ":J" + last + "))", "0"},
	}
	hr0 := strconv.Itoa(tr + 3)
	if err := set("A"+hr0, "Headline"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A"+hr0, "B"+hr0, hs); err != nil {
		return err
	}
	for _, h := range hl {
		r := h.cell[1:]
		if err := set("A"+r, h.label); err != nil {
			return err
		}
		if err := formula(h.cell, h.fm); err != nil {
			return err
		}
		st, err := wr.style(h.format, markNone)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, h.cell, h.cell, st); err != nil {
			return err
		}
	}
	// A to J: one landscape page wide at 64% (see pagesetup.go).
	for col, w := range map[string]float64{"A": 44, "B": 13, "C": 13, "D": 14, "E": 11, "F": 13, "G": 13, "H": 13, "I": 13, "J": 12,
		"K": 4, "L": 12, "M": 10, "N": 18, "O": 18, "P": 14, "Q": 18} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// absCell returns the absolute reference of cell: "B12" -> "$B$12".
func absCell(cell string) string { return "$" + cell[:1] + "$" + cell[1:] }

// gapPriorTable writes the earlier vintages (columns L to Q from row p0, see
// GapLayout): the vintage a years before the first year has capex
// run-rate x growth^-a and weight at age a in the first year; Q, their
// product with its requirement, is its share of the first year, which the
// projection counts when the prior-vintages cell is 1.
func (wr *writer) gapPriorTable(p0 int, hs, usd int) error {
	f, s := wr.f, SheetGap
	note := "Earlier capex vintages, counted when " + gapCellPrior + " = 1: capex = run-rate x capex growth^(year - first year)"
	if err := f.SetCellStr(s, "L"+strconv.Itoa(p0-2), note); err != nil {
		return err
	}
	hrow := strconv.Itoa(p0 - 1)
	for j, h := range []string{"Years before a", "Year", "Capex (vintage)", "Vintage requirement", "Weight at age a", "Share of the first year"} {
		if err := f.SetCellStr(s, colLetter(12+j)+hrow, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "L"+hrow, "Q"+hrow, hs); err != nil {
		return err
	}
	for i := 0; i < gapPriorRows; i++ {
		r := strconv.Itoa(p0 + i)
		if err := f.SetCellInt(s, "L"+r, int64(i+1)); err != nil {
			return err
		}
		for _, c := range []struct{ col, fm string }{
			{"M", "$B$3-L" + r},
			{"N", "$B$4*POWER($B$8,-L" + r + ")"},
			{"O", "N" + r + "/$B$5/(1-$B$6)"},
			{"P", "IF(L" + r + ">=$B$7,0,IF($B$7<=1,1,MIN(1,$B$7-L" + r + ")/$B$7))"},
			{"Q", "O" + r + "*P" + r},
		} {
			if err := f.SetCellFormula(s, c.col+r, c.fm); err != nil {
				return err
			}
		}
	}
	last := strconv.Itoa(p0 + gapPriorRows - 1)
	for _, cols := range [][2]string{{"N", "O"}, {"Q", "Q"}} {
		if err := f.SetCellStyle(s, cols[0]+strconv.Itoa(p0), cols[1]+last, usd); err != nil {
			return err
		}
	}
	ratio, err := wr.style(fmtRatio, markNone)
	if err != nil {
		return err
	}
	return f.SetCellStyle(s, "P"+strconv.Itoa(p0), "P"+last, ratio)
}
