package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// convertedSheetName is the sheet of the Summary's money rows in the
// display basis: "Summary EUR", "Summary 2024 USD".
func convertedSheetName(c *planner.Currency) string {
	if c.DollarYear != nil {
		return "Summary " + strconv.Itoa(*c.DollarYear) + " " + c.Code
	}
	return "Summary " + c.Code
}

// convertedWanted reports whether opts ask for a converted Summary (a
// basis other than nominal USD).
func convertedWanted(c *planner.Currency) bool {
	return c != nil && (c.Code != planner.CurrencyUSD || c.DollarYear != nil)
}

// rateName is the defined name of the live rate cell of a currency (the
// Currency sheet's RateEUR, RateGBP); "" for USD.
func rateName(code string) string {
	if code == planner.CurrencyUSD {
		return ""
	}
	return "Rate" + code
}

// deflationKey is the input whose price date deflates each money row
// (planner.DeflateReport); amortized rows are sums of their parts.
var deflationKey = map[string]string{
	"costUSD.cloud": planner.KeyGPUHourPrice, "withExperiments.costUSD.cloud": planner.KeyGPUHourPrice,
	"costUSD.purchase": planner.KeyGPUPrice, "costUSD.energy": planner.KeyElectricityPrice,
	"costBreakdownUSD.amortizedAccelerators": planner.KeyGPUPrice, "costBreakdownUSD.amortizedServerInterconnect": planner.KeyGPUPrice,
	"costBreakdownUSD.energy": planner.KeyElectricityPrice, "costBreakdownUSD.financing": planner.KeyGPUPrice,
	"costBreakdownUSD.purchaseAccelerators": planner.KeyGPUPrice, "costBreakdownUSD.purchaseServerInterconnect": planner.KeyGPUPrice,
	"costBreakdownUSD.staff": planner.KeyStaffCost,
}

// amortizedParts are the rows whose sum is the amortized cost.
var amortizedParts = []string{"costBreakdownUSD.amortizedAccelerators", "costBreakdownUSD.amortizedServerInterconnect",
	"costBreakdownUSD.energy", "costBreakdownUSD.financing"}

// currencyBasis sets the Currency sheet's rate year and dollar year inputs
// to the basis's (before the sheet's formulas are cached), so that the
// live RateEUR/RateGBP cells and the factors are those of the export.
func (wr *writer) currencyBasis() error {
	c := wr.opts.Currency
	if !convertedWanted(c) {
		return nil
	}
	l, err := NewCurrencyLayout()
	if err != nil {
		return err
	}
	year, err := strconv.Atoi(strings.Fields(c.RateDate)[0])
	if err != nil {
		return fmt.Errorf("export: currency rate date %q is not a year", c.RateDate)
	}
	if err := wr.f.SetCellValue(SheetCurrency, l.RateYear, year); err != nil {
		return err
	}
	if c.DollarYear != nil {
		return wr.f.SetCellValue(SheetCurrency, l.DollarYear, *c.DollarYear)
	}
	return nil
}

// convertedSummary writes the Summary's money rows in the display basis:
// each cell = Summary cell x deflation factor of its price's year (constant
// dollars only; the Currency sheet's PPI or CPI-U column) x the live rate
// cell (RateEUR, RateGBP), so the analyst can change the rate. Amortized
// rows are the sum of their converted parts, as planner.DeflateReport
// recomputes them. Cached values are the planner's figures computed the
// same way.
func (wr *writer) convertedSummary() error {
	c := wr.opts.Currency
	if !convertedWanted(c) {
		return nil
	}
	m, err := assets.Money()
	if err != nil {
		return err
	}
	l := currencyRows(m)
	sheet := convertedSheetName(c)
	// Set up for paper before streaming, which keeps it (the widths below).
	widths := []float64{40, 11}
	for range max(min(len(wr.rows), SummaryMax), 1) {
		widths = append(widths, 18)
	}
	if err := wr.pageSetup(sheet, widths); err != nil {
		return err
	}
	sw, err := wr.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	st, err := wr.plainStyles(markTitle, markNote, markHeader, markUnit, markNone)
	if err != nil {
		return err
	}
	ts, note, hs, us, ns := st[0], st[1], st[2], st[3], st[4]
	n := min(len(wr.rows), SummaryMax)
	for col, w := range map[int]float64{1: 40, 2: 11} {
		if err := sw.SetColWidth(col, col, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(3, 2+max(n, 1), 18); err != nil {
		return err
	}
	title := "Money in " + c.Label
	if r := rateText(c); r != "" {
		title = "Money in " + c.Code + " " + r + " " + c.Label
	}
	rows := [][]any{
		{excelize.Cell{StyleID: ts, Value: title}},
	}
	for _, line := range []string{
		"Each cell: the Summary's USD figure" + deflateNote(c) + rateNote(c) + ".",
		"Change the rate year, the dollar year or a quote on the Currency sheet and these follow.",
		"The Model and the Summary keep USD, as their keys say.",
	} {
		rows = append(rows, []any{excelize.Cell{StyleID: note, Value: line}})
	}
	rows = append(rows, []any{})
	head := []any{excelize.Cell{StyleID: hs, Value: "Output"}, excelize.Cell{StyleID: hs, Value: "Unit"}}
	for i := range n {
		head = append(head, excelize.Cell{StyleID: hs, Value: wr.rows[i].sc.Name})
	}
	rows = append(rows, head)
	first := len(rows) + 1 // sheet row of the first money row
	var paths []string
	for _, p := range summaryRows {
		if strings.Contains(p, "USD") {
			paths = append(paths, p)
		}
	}
	rowOf := map[string]int{}
	for k, p := range paths {
		rowOf[p] = first + k
	}
	vals := make([][]float64, len(paths)) // converted, per path per scenario
	for k := range paths {
		vals[k] = make([]float64, n)
	}
	// The parts first, then the amortized sums (in summaryRows order:
	// costUSD.amortized before its withExperiments multiple).
	for _, parts := range []bool{true, false} {
		for k, p := range paths {
			if _, ok := deflationKey[p]; ok == parts {
				for i := range n {
					vals[k][i] = wr.convertedValue(p, i, c, m, vals, paths)
				}
			}
		}
	}
	symbol := map[string]string{planner.CurrencyUSD: `"$"`, planner.CurrencyEUR: `"€"`, planner.CurrencyGBP: `"£"`}[c.Code]
	for k, p := range paths {
		mc := wr.l.model[wr.l.mIndex[p]]
		div, commas, suffix := usdScale(vals[k])
		row := []any{excelize.Cell{StyleID: ns, Value: mc.label}, excelize.Cell{StyleID: us, Value: c.Code}}
		for i := range n {
			format := strings.Replace(usdFormat(vals[k][i], div, commas, suffix), "$", symbol, 1)
			sid, err := wr.style(format, markFormula)
			if err != nil {
				return err
			}
			row = append(row, excelize.Cell{StyleID: sid, Value: cached(vals[k][i]),
				Formula: wr.convertedFormula(p, i, c, m, l, rowOf)})
		}
		rows = append(rows, row)
	}
	rows = append(rows, []any{})
	for i := range n {
		if err := wr.deflateError(i, c, m); err != nil {
			rows = append(rows, []any{excelize.Cell{StyleID: note, Value: "Not deflated (nominal, converted at the rate only): " +
				wr.rows[i].sc.Name + ": " + err.Error()}})
		}
	}
	for r, row := range rows {
		if err := sw.SetRow(cellAt(1, r+1), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// priceFactor returns the deflation factor of row p for scenario i and
// the year of its price (0: not deflated, factor 1).
func (wr *writer) priceFactor(p string, i int, c *planner.Currency, m *planner.MoneyData) (float64, int) {
	key, ok := deflationKey[p]
	res := wr.rows[i].res
	if c.DollarYear == nil || !ok || res == nil || wr.deflateError(i, c, m) != nil {
		return 1, 0
	}
	in, ok := res.Provenance[key]
	if !ok {
		return 1, 0
	}
	y := planner.PriceYear(in.Date)
	if y == 0 {
		return 1, 0
	}
	k, _, err := planner.PriceDeflateFactor(m, c.Deflator, y, *c.DollarYear)
	if err != nil {
		return 1, 0
	}
	return k, y
}

// deflateError is why scenario i's prices cannot all be brought to the
// dollar year (planner.DeflateReport's refusal: a price dated after the
// index's last year), or nil. Such a scenario is converted at the rate
// only, all its costs nominal, and the sheet says so.
func (wr *writer) deflateError(i int, c *planner.Currency, m *planner.MoneyData) error {
	res := wr.rows[i].res
	if c.DollarYear == nil || res == nil {
		return nil
	}
	for _, key := range []string{planner.KeyGPUHourPrice, planner.KeyGPUPrice, planner.KeyElectricityPrice, planner.KeyStaffCost} {
		in, ok := res.Provenance[key]
		if !ok {
			continue
		}
		if y := planner.PriceYear(in.Date); y != 0 {
			if _, _, err := planner.PriceDeflateFactor(m, c.Deflator, y, *c.DollarYear); err != nil {
				return fmt.Errorf("%s dated %s: %w", key, in.Date, err)
			}
		}
	}
	return nil
}

// convertedValue is the planner's figure of row p, scenario i, in c.
func (wr *writer) convertedValue(p string, i int, c *planner.Currency, m *planner.MoneyData, done [][]float64, paths []string) float64 {
	at := func(q string) float64 {
		for k, x := range paths {
			if x == q {
				return done[k][i]
			}
		}
		return 0
	}
	usd := wr.rows[i].out[wr.l.mIndex[p]]
	switch p {
	case "costUSD.amortized":
		return at(amortizedParts[0]) + at(amortizedParts[1]) + at(amortizedParts[2]) + at(amortizedParts[3])
	case "withExperiments.costUSD.amortized":
		if base := wr.rows[i].out[wr.l.mIndex["costUSD.amortized"]]; base != 0 {
			return usd * at("costUSD.amortized") / base
		}
		return 0
	}
	k, _ := wr.priceFactor(p, i, c, m)
	return usd * k * c.Rate
}

// convertedFormula is the live formula of row p, scenario i.
func (wr *writer) convertedFormula(p string, i int, c *planner.Currency, m *planner.MoneyData, l CurrencyLayout, rowOf map[string]int) string {
	col := colLetter(summaryFirstCol + i)
	sum := func(q string) string { return SheetSummary + "!" + col + strconv.Itoa(summaryRowOf(q)) }
	own := func(q string) string { return col + strconv.Itoa(rowOf[q]) }
	switch p {
	case "costUSD.amortized":
		parts := make([]string, len(amortizedParts))
		for k, q := range amortizedParts {
			parts[k] = own(q)
		}
		return strings.Join(parts, "+")
	case "withExperiments.costUSD.amortized":
		return "IF(" + sum("costUSD.amortized") + "=0,0," + sum(p) + "*" + own("costUSD.amortized") + "/" + sum("costUSD.amortized") + ")"
	}
	fm := sum(p)
	if _, y := wr.priceFactor(p, i, c, m); y != 0 {
		fcol := "D"
		if c.Deflator == planner.DeflatorCPIU {
			fcol = "E"
		}
		if last := len(l.IndexYears) - 1; last >= 0 && y > l.IndexYears[last] {
			y = l.IndexYears[last] // a price newer than the index: its latest level (planner.PriceDeflateFactor)
		}
		for j, iy := range l.IndexYears {
			if iy == y {
				fm += "*" + SheetCurrency + "!$" + fcol + "$" + strconv.Itoa(l.FirstIndexRow+j)
			}
		}
	}
	if r := rateName(c.Code); r != "" {
		fm += "*" + r
	}
	return fm
}

// rateText is "at 0.9239 EUR/USD, 2024 ECB average" ("" for USD).
func rateText(c *planner.Currency) string {
	if c.Code == planner.CurrencyUSD {
		return ""
	}
	year, _, _ := strings.Cut(c.RateDate, " ")
	return "at " + strconv.FormatFloat(c.Rate, 'f', 4, 64) + " " + c.Code + "/USD, " + year + " ECB average;"
}

func deflateNote(c *planner.Currency) string {
	if c.DollarYear == nil {
		return ""
	}
	return fmt.Sprintf(" x the %s factor of its price's year to %d", c.Deflator, *c.DollarYear)
}

func rateNote(c *planner.Currency) string {
	if r := rateName(c.Code); r != "" {
		return " x the live rate " + r + " (Currency sheet)"
	}
	return ""
}
