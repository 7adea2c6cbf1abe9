package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// SheetBubble holds every bubble-risk scenario side by side as live
// formulas (one column each).
const SheetBubble = "Bubble scenarios"

// Rows of the Bubble scenarios sheet (column A labels, scenario i in
// column 2 + i).
const (
	bubRowName     = 4
	bubRowMethod   = 5
	bubRowYear     = 6
	bubRowCapex    = 7
	bubRowShare    = 8
	bubRowMargin   = 9
	bubRowLife     = 10
	bubRowReturn   = 11
	bubRowGross    = 12
	bubRowRatio    = 13
	bubRowCapexG   = 14
	bubRowRevG     = 15
	bubRowRevenue  = 16
	bubRowYears    = 17
	bubRowPrior    = 18
	bubRowFactor   = 19
	bubRowAICapex  = 20
	bubRowRequired = 22
	bubRowRev0     = 23
	bubRowGap      = 24
	bubRowGapRatio = 25
	bubRowCumul    = 26
	bubRowCloses   = 27
	bubRowCoverage = 28
	bubRowTable    = 30 // first section header of the year-by-year table
	// bubAges is the number of vintage ages the weight rows list: enough
	// for any accepted life (planner.GapMaxLifeYears).
	bubAges = planner.GapMaxLifeYears
	// bubNever marks "does not close" inside the closes-year formula.
	bubNever = 99999
)

// BubbleLayout locates the year-by-year rows of the Bubble scenarios sheet
// for a longest horizon of maxYears: section s (0 year, 1 required, 2
// revenue, 3 gap, 4 cumulative gap) has its year k at row Row(s, k).
type BubbleLayout struct{ MaxYears int }

// Row returns the row of section s, year offset k.
func (l BubbleLayout) Row(s, k int) int { return bubRowTable + s*(l.MaxYears+2) + 1 + k }

// weightRow is the row of the vintage weight at age a.
func (l BubbleLayout) weightRow(a int) int { return l.Row(5, 0) + a }

// BubbleSections names the year-by-year sections in order.
var BubbleSections = []string{"Calendar year", "Required revenue", "Revenue", "Gap", "Cumulative gap",
	"Vintage weight w(age) = IF(age < L, MIN(1, L - age) / L, 0), age 0, 1, ..."}

// bubRowKeys are the method-specific input rows and their keys.
var bubRowKeys = map[int]string{bubRowShare: planner.GapKeyGPUShare, bubRowMargin: planner.GapKeyMargin,
	bubRowReturn: planner.GapKeyReturn, bubRowGross: planner.GapKeyGrossMargin,
	bubRowRatio: planner.GapKeyCapexRevenueRatio, bubRowPrior: planner.GapKeyPriorVintages}

// bubbleSheet writes every scenario of list side by side as formulas
// following planner.EvaluateGap; the projection horizons are fixed at
// export (the Years row is for information).
func (wr *writer) bubbleSheet(list []planner.BubbleScenario) error {
	f, s := wr.f, SheetBubble
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	lay := BubbleLayout{}
	for i := range list {
		lay.MaxYears = max(lay.MaxYears, list[i].Years)
	}
	st, err := wr.plainStyles(markTitle, markHeader)
	if err != nil {
		return err
	}
	w := cellWriter{f: f, s: s}
	w.str("A1", "Bubble-risk scenarios side by side: required revenue by Cahn's, Kupperman's or Bain's method versus revenue, as live formulas")
	w.str("A2", "cahn: lifetime revenue = capex / GPU share / (1 - margin); capex-return: capex x (1 + return x L) / gross margin, 1/L of it a year; capex-ratio: capex / ratio, all in its year. Edit the blue inputs (blank: not an input of the method); horizons are fixed at export.")
	labels := map[int]string{bubRowName: "Scenario", bubRowMethod: "Method", bubRowYear: "First year",
		bubRowCapex: "Capex, first year (cahn: accelerator DC revenue run-rate), USD", bubRowShare: "GPU share of TCO (cahn)",
		bubRowMargin: "End-user gross margin (cahn)", bubRowLife: "Life L, years (capex-ratio: 1, no vintages)",
		bubRowReturn: "Target return rho (capex-return)", bubRowGross: "Gross margin g on AI revenue (capex-return)",
		bubRowRatio: "Capex-to-revenue ratio c (capex-ratio)", bubRowCapexG: "Capex growth, x per year",
		bubRowRevG: "Revenue growth, x per year", bubRowRevenue: "Revenue, first year, USD",
		bubRowYears: "Projection rows (fixed)", bubRowPrior: "Count earlier vintages (1/0)",
		bubRowFactor: "Lifetime revenue per USD of capex", bubRowAICapex: "AI capex, first year (cahn: run-rate / share)",
		bubRowRequired: "Required revenue, first year", bubRowRev0: "Revenue, first year",
		bubRowGap: "Gap, first year", bubRowGapRatio: "Gap / revenue, first year", bubRowCumul: "Cumulative gap at the horizon",
		bubRowCloses: "Year the gap closes", bubRowCoverage: "Coverage = AI revenue / AI capex, first year"}
	for r, l := range labels {
		w.str(cellAt(1, r), l)
	}
	w.str(cellAt(1, 3), "Inputs")
	w.str(cellAt(1, 21), "Indicators")
	for si, name := range BubbleSections {
		w.str(cellAt(1, lay.Row(si, 0)-1), name)
		if si == 5 {
			break
		}
		for k := 0; k < lay.MaxYears; k++ {
			w.num(cellAt(1, lay.Row(si, k)), float64(k))
		}
	}
	for a := 0; a < bubAges; a++ {
		w.num(cellAt(1, lay.weightRow(a)), float64(a))
	}
	for i := range list {
		wr.bubbleColumn(&w, lay, 2+i, &list[i])
	}
	if w.err != nil {
		return w.err
	}
	if err := f.SetCellStyle(s, "A1", "A1", st[0]); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A3", cellAt(1+len(list), 3), st[1]); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "A", "A", 34); err != nil {
		return err
	}
	if err := wr.bubbleFormats(lay, 1+max(1, len(list))); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(1 + max(1, len(list)))
	if err := f.SetColWidth(s, "B", last, 16); err != nil {
		return err
	}
	wrap, err := wr.wrapStyle()
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, cellAt(2, bubRowName), cellAt(1+len(list), bubRowName), wrap); err != nil {
		return err
	}
	// On paper: the inputs, indicators and year-by-year table; the vintage
	// weights below them (bubAges working rows) stay on screen.
	area := "'" + s + "'!$A$1:$" + last + "$" + strconv.Itoa(lay.Row(5, 0)-2)
	return wr.definePrint(s, "_xlnm.Print_Area", area)
}

// bubbleFormats sets the number formats of the sheet's rows (inputs in the
// blue user font) across columns B..last.
func (wr *writer) bubbleFormats(lay BubbleLayout, last int) error {
	type band struct {
		rows   []int
		format string
		mark   int
	}
	var sections [4][]int
	for s := range sections {
		for k := 0; k < lay.MaxYears; k++ {
			sections[s] = append(sections[s], lay.Row(1+s, k))
		}
	}
	bands := []band{
		{[]int{bubRowCapex, bubRowRevenue}, fmtBillions, markUser},
		{[]int{bubRowShare, bubRowMargin, bubRowReturn, bubRowGross, bubRowRatio}, fmtPercent, markUser},
		{[]int{bubRowLife, bubRowCapexG, bubRowRevG}, fmtRatio, markUser},
		{[]int{bubRowYear, bubRowPrior}, "0", markUser},
		{[]int{bubRowAICapex, bubRowRequired, bubRowRev0, bubRowGap, bubRowCumul}, fmtBillions, markFormula},
		{[]int{bubRowFactor, bubRowGapRatio}, fmtRatio, markFormula},
		{[]int{bubRowCoverage}, fmtPercent, markFormula},
		{append(append(append(sections[0], sections[1]...), sections[2]...), sections[3]...), fmtBillions, markFormula},
	}
	for _, b := range bands {
		id, err := wr.style(b.format, b.mark)
		if err != nil {
			return err
		}
		for _, r := range b.rows {
			if err := wr.f.SetCellStyle(SheetBubble, cellAt(2, r), cellAt(last, r), id); err != nil {
				return err
			}
		}
	}
	return nil
}

// bubbleColumn writes one scenario's column.
func (wr *writer) bubbleColumn(w *cellWriter, lay BubbleLayout, col int, sc *planner.BubbleScenario) {
	in := &sc.GapInputs
	method := in.Method
	if method == "" {
		method = planner.MethodCahn
	}
	c := func(r int) string { return cellAt(col, r) }
	abs := func(r int) string { return "$" + colName(col) + "$" + strconv.Itoa(r) }
	w.str(c(bubRowName), sc.Name)
	w.str(c(bubRowMethod), method)
	w.num(c(bubRowYear), float64(in.Year))
	capex, life, prior := in.CapexUSD, in.LifeYears, 0.0
	if method == planner.MethodCahn {
		capex = in.DCRevenueUSD
	}
	if method == planner.MethodCapexRatio {
		life = 1
	}
	if in.PriorVintages {
		prior = 1
	}
	revenue := 0.0
	for _, it := range in.Revenue {
		revenue += it.USD
	}
	if in.AIRevenueUSD != nil {
		revenue = *in.AIRevenueUSD
	}
	for r, v := range map[int]float64{bubRowCapex: capex, bubRowShare: in.GPUShare, bubRowMargin: in.Margin,
		bubRowLife: life, bubRowReturn: in.ReturnRate, bubRowGross: in.GrossMargin, bubRowRatio: in.CapexRevenueRatio,
		bubRowCapexG: in.CapexGrowth, bubRowRevG: in.RevenueGrowth, bubRowRevenue: revenue,
		bubRowYears: float64(in.Years), bubRowPrior: prior} {
		if k, ok := bubRowKeys[r]; ok && !slices.Contains(planner.MethodKeys(method), k) {
			continue // an input of another method: left blank
		}
		w.num(c(r), v)
	}
	switch method {
	case planner.MethodCapexReturn:
		w.formula(c(bubRowFactor), fmt.Sprintf("(1+%s*%s)/%s", c(bubRowReturn), c(bubRowLife), c(bubRowGross)))
		w.formula(c(bubRowAICapex), c(bubRowCapex))
	case planner.MethodCapexRatio:
		w.formula(c(bubRowFactor), "1/"+c(bubRowRatio))
		w.formula(c(bubRowAICapex), c(bubRowCapex))
	default:
		w.formula(c(bubRowFactor), fmt.Sprintf("1/%s/(1-%s)", c(bubRowShare), c(bubRowMargin)))
		w.formula(c(bubRowAICapex), fmt.Sprintf("%s/%s", c(bubRowCapex), c(bubRowShare)))
	}
	for a := 0; a < bubAges; a++ {
		L := abs(bubRowLife)
		w.formula(c(lay.weightRow(a)), fmt.Sprintf("IF(%d<%s,MIN(1,%s-%d)/%s,0)", a, L, L, a, L))
	}
	g := abs(bubRowCapexG)
	closes := make([]string, 0, in.Years)
	for k := 0; k < in.Years; k++ {
		terms := make([]string, 0, bubAges)
		var priorTerms []string
		for a := 0; a < bubAges; a++ {
			t := fmt.Sprintf("%s*%s^(%d)", cellAbsRow(col, lay.weightRow(a)), g, k-a)
			if a <= k {
				terms = append(terms, t)
			} else {
				priorTerms = append(priorTerms, t)
			}
		}
		sum := strings.Join(terms, "+")
		if len(priorTerms) > 0 {
			sum += "+" + abs(bubRowPrior) + "*(" + strings.Join(priorTerms, "+") + ")"
		}
		yr, req, rev, gap, cum := c(lay.Row(0, k)), c(lay.Row(1, k)), c(lay.Row(2, k)), c(lay.Row(3, k)), c(lay.Row(4, k))
		w.formula(yr, fmt.Sprintf("%s+%d", abs(bubRowYear), k))
		w.formula(req, fmt.Sprintf("%s*%s*(%s)", abs(bubRowCapex), abs(bubRowFactor), sum))
		w.formula(rev, fmt.Sprintf("%s*%s^%d", abs(bubRowRevenue), abs(bubRowRevG), k))
		w.formula(gap, req+"-"+rev)
		if k == 0 {
			w.formula(cum, gap)
		} else {
			w.formula(cum, c(lay.Row(4, k-1))+"+"+gap)
		}
		closes = append(closes, fmt.Sprintf("IF(%s<=0,%s,%d)", gap, yr, bubNever))
	}
	w.formula(c(bubRowRequired), c(lay.Row(1, 0)))
	w.formula(c(bubRowRev0), c(lay.Row(2, 0)))
	w.formula(c(bubRowGap), c(lay.Row(3, 0)))
	w.formula(c(bubRowGapRatio), fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, c(bubRowRev0), c(bubRowGap), c(bubRowRev0), NA))
	w.formula(c(bubRowCumul), c(lay.Row(4, in.Years-1)))
	w.formula(c(bubRowCloses), fmt.Sprintf(`IF(MIN(%s)=%d,"not within horizon",MIN(%s))`, strings.Join(closes, ","), bubNever, strings.Join(closes, ",")))
	if in.RevenueNotAI {
		w.str(c(bubRowCoverage), NA+" (revenue side is not AI revenue)")
	} else {
		w.formula(c(bubRowCoverage), fmt.Sprintf(`IF(%s>0,%s/%s,"%s")`, c(bubRowAICapex), c(bubRowRev0), c(bubRowAICapex), NA))
	}
}

// num writes a number.
func (w *cellWriter) num(c string, v float64) {
	if w.err == nil {
		w.err = w.f.SetCellFloat(w.s, c, v, -1, 64)
	}
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

func cellAbsRow(col, row int) string { return colName(col) + "$" + strconv.Itoa(row) }
