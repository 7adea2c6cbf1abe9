package export

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// SheetCurrency holds the ECB rates, the live rate cells and the price
// indexes for constant dollars.
const SheetCurrency = "Currency"

// CurrencyLayout locates the Currency sheet's live cells (all in column B):
// the rate year, EUR and GBP per USD (named RateEUR and RateGBP), the
// dollar year, and per index year the deflation factors (columns D and E
// of the index table, PPI then CPI-U, from FirstIndexRow).
type CurrencyLayout struct {
	RateYear, RateEUR, RateGBP string
	DollarYear                 string
	FirstRateRow               int
	FirstIndexRow              int
	IndexYears                 []int
	RateYears                  []int
}

// currencyRows lays the sheet out for the money file's years.
func currencyRows(m *planner.MoneyData) CurrencyLayout {
	lo, hi := m.Rates.USDPerEUR.Span()
	l := CurrencyLayout{FirstRateRow: 5}
	for y := lo; y <= hi; y++ {
		if _, ok := m.Rates.GBPPerEUR.Value(y); ok {
			l.RateYears = append(l.RateYears, y)
		}
	}
	live := l.FirstRateRow + len(l.RateYears) + 1
	l.RateYear, l.RateEUR, l.RateGBP = "B"+strconv.Itoa(live), "B"+strconv.Itoa(live+1), "B"+strconv.Itoa(live+2)
	l.DollarYear = "B" + strconv.Itoa(live+4)
	l.FirstIndexRow = live + 7
	ppi, cpi := m.Deflator("ppi-data-processing"), m.Deflator("cpi-u")
	a, b := ppi.Span()
	for y := a; y <= b; y++ {
		if _, ok := cpi.Value(y); ok {
			l.IndexYears = append(l.IndexYears, y)
		}
	}
	return l
}

// NewCurrencyLayout returns the Currency sheet's layout for the shipped
// money file.
func NewCurrencyLayout() (CurrencyLayout, error) {
	m, err := assets.Money()
	if err != nil {
		return CurrencyLayout{}, err
	}
	return currencyRows(m), nil
}

// currencySheet writes the ECB quotes (inputs), the display rate per USD of
// each year as formulas (EUR = 1 / USD per EUR; GBP = GBP per EUR / USD per
// EUR, as planner.ResolveCurrency), the live rate cells of the rate year,
// and the two price indexes with factor = index(dollar year) / index(year)
// (planner.DeflateFactor).
func (wr *writer) currencySheet() error {
	m, err := assets.Money()
	if err != nil {
		return err
	}
	l := currencyRows(m)
	f, s := wr.f, SheetCurrency
	cells := &cellWriter{f: f, s: s}
	st, err := wr.plainStyles(markTitle, markHeader, markNote, markUser, markFormula)
	if err != nil {
		return err
	}
	ts, hs, note, user := st[0], st[1], st[2], st[3]
	fm, err := wr.style("0.000000", markFormula)
	if err != nil {
		return err
	}
	cells.str("A1", "Currency and constant dollars")
	cells.style("A1", "A1", ts)
	cells.str("A2", "ECB euro reference rates, annual averages of daily rates; the rate is display units per USD. Blue cells are inputs: change a quote or a year and the rates and factors follow.")
	cells.style("A2", "A2", note)
	cells.strs(4, "Year", "USD per EUR (ECB)", "GBP per EUR (ECB)", "EUR per USD", "GBP per USD", "Source")
	cells.style("A4", "F4", hs)
	first, last := l.FirstRateRow, l.FirstRateRow+len(l.RateYears)-1
	for i, y := range l.RateYears {
		r := strconv.Itoa(first + i)
		usd, _ := m.Rates.USDPerEUR.Value(y)
		gbp, _ := m.Rates.GBPPerEUR.Value(y)
		cells.value("A"+r, y)
		cells.value("B"+r, usd)
		cells.value("C"+r, gbp)
		cells.formula("D"+r, "1/B"+r)
		cells.formula("E"+r, "C"+r+"/B"+r)
		cells.str("F"+r, m.Rates.USDPerEUR.Source+" / "+m.Rates.GBPPerEUR.Source)
	}
	quote, err := wr.style("0.0000#", markUser)
	if err != nil {
		return err
	}
	cells.style("B"+strconv.Itoa(first), "C"+strconv.Itoa(last), quote)
	cells.style("D"+strconv.Itoa(first), "E"+strconv.Itoa(last), fm)
	rng := func(col string) string {
		return "$" + col + "$" + strconv.Itoa(first) + ":$" + col + "$" + strconv.Itoa(last)
	}
	live, _ := strconv.Atoi(l.RateYear[1:])
	cells.str("A"+strconv.Itoa(live), "Rate year")
	cells.value(l.RateYear, l.RateYears[len(l.RateYears)-1])
	cells.style(l.RateYear, l.RateYear, user)
	cells.str("A"+strconv.Itoa(live+1), "EUR per USD (RateEUR)")
	cells.formula(l.RateEUR, "INDEX("+rng("D")+",MATCH($"+l.RateYear[:1]+"$"+l.RateYear[1:]+","+rng("A")+",0))")
	cells.str("A"+strconv.Itoa(live+2), "GBP per USD (RateGBP)")
	cells.formula(l.RateGBP, "INDEX("+rng("E")+",MATCH($"+l.RateYear[:1]+"$"+l.RateYear[1:]+","+rng("A")+",0))")
	cells.style(l.RateEUR, l.RateGBP, fm)
	for _, d := range []struct{ name, cell string }{{"RateEUR", l.RateEUR}, {"RateGBP", l.RateGBP}} {
		if cells.err == nil {
			cells.err = f.SetDefinedName(&excelize.DefinedName{Name: d.name, RefersTo: s + "!$B$" + d.cell[1:],
				Comment: "display units per USD, ECB annual average of the rate year"})
		}
	}

	dy := l.DollarYear
	cells.str("A"+dy[1:], "Dollar year")
	cells.value(dy, l.IndexYears[len(l.IndexYears)-2]) // the latest full year
	cells.style(dy, dy, user)
	def := m.Deflator(m.Deflators.Default)
	cells.str("C"+dy[1:], "Default index: "+def.Name+" ("+m.Deflators.DefaultReason+")")
	cells.style("C"+dy[1:], "C"+dy[1:], note)
	hr := strconv.Itoa(l.FirstIndexRow - 1)
	cells.strs(l.FirstIndexRow-1, "Year", "PPI data processing (PCU518210518210)", "CPI-U (CUUR0000SA0)", "Factor to dollar year, PPI", "Factor to dollar year, CPI-U")
	cells.style("A"+hr, "E"+hr, hs)
	ppi, cpi := m.Deflator("ppi-data-processing"), m.Deflator("cpi-u")
	ifirst, ilast := l.FirstIndexRow, l.FirstIndexRow+len(l.IndexYears)-1
	irng := func(col string) string {
		return "$" + col + "$" + strconv.Itoa(ifirst) + ":$" + col + "$" + strconv.Itoa(ilast)
	}
	at := func(col string) string {
		return "INDEX(" + irng(col) + ",MATCH($B$" + dy[1:] + "," + irng("A") + ",0))"
	}
	for i, y := range l.IndexYears {
		r := strconv.Itoa(ifirst + i)
		pv, _ := ppi.Value(y)
		cv, _ := cpi.Value(y)
		cells.value("A"+r, y)
		cells.value("B"+r, pv)
		cells.value("C"+r, cv)
		cells.formula("D"+r, at("B")+"/B"+r)
		cells.formula("E"+r, at("C")+"/C"+r)
	}
	cells.style("B"+strconv.Itoa(ifirst), "C"+strconv.Itoa(ilast), user)
	cells.style("D"+strconv.Itoa(ifirst), "E"+strconv.Itoa(ilast), fm)
	nr := strconv.Itoa(ilast + 1)
	cells.str("A"+nr, "A cost dated year Y in dollar-year dollars = cost x factor of Y; in EUR or GBP, times RateEUR or RateGBP.")
	cells.style("A"+nr, "A"+nr, note)
	cells.width(map[string]float64{"A": 24, "B": 22, "C": 22, "D": 24, "E": 24, "F": 30})
	if cells.err != nil {
		return cells.err
	}
	return wr.currencyBasis()
}
