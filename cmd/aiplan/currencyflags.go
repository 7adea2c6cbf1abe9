package main

import (
	"fmt"
	"strconv"
	"strings"

	"aiplan/assets"
	"aiplan/planner"
)

// currencyFlagNames are the money-basis flags every command that prints
// money accepts: --currency USD|EUR|GBP, --dollar-year YYYY and
// --deflator ppi-data-processing|cpi-u.
var currencyFlagNames = []string{"currency", "dollar-year", "deflator"}

// currencyUsage is the usage text of the money-basis flags.
const currencyUsage = `--currency USD|EUR|GBP converts money in --json (keys renamed costUSD ->
costEUR; "currency" is {code, rate, rateDate, dollarYear, deflator}) at the
ECB annual average rate of --dollar-year, else of the latest full year.
--dollar-year YYYY [--deflator ppi-data-processing|cpi-u] gives constant
dollars: each price deflated from its catalogue date (default index: PPI
data processing, as Epoch AI uses).`

// moneyBasis is the money basis a command prints in.
type moneyBasis struct {
	cur   planner.Currency
	money *planner.MoneyData
}

// currencyFromFlags resolves the money basis from the flags; get looks a
// flag up (the flag set's Get). The error names the flag and the accepted
// values or range.
func currencyFromFlags(get func(string) (string, bool)) (moneyBasis, error) {
	m, err := assets.Money()
	if err != nil {
		return moneyBasis{}, err
	}
	code, _ := get("currency")
	deflator, _ := get("deflator")
	year := 0
	if s, ok := get("dollar-year"); ok {
		y, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || y < 1900 || y > 2200 {
			lo, hi := m.Deflator(m.Deflators.Default).Span()
			return moneyBasis{}, fmt.Errorf("--dollar-year: %q is not accepted; accepted: a year, %d to %d", s, lo, hi)
		}
		year = y
	}
	c, err := planner.ResolveCurrency(m, code, year, deflator)
	if err != nil {
		return moneyBasis{}, fmt.Errorf("%s", flagError(err))
	}
	return moneyBasis{cur: c, money: m}, nil
}

// nominal reports whether the basis is the default: nominal USD.
func (b moneyBasis) nominal() bool {
	return b.cur.Code == planner.CurrencyUSD && b.cur.DollarYear == nil
}

// writeMoneyJSON prints v as JSON in the basis: money keys renamed for the
// currency and scaled by its rate, "currency" set to the basis object.
func writeMoneyJSON(e *env, v any, b moneyBasis) int {
	out, err := planner.ConvertJSON(v, b.cur)
	if err != nil {
		return e.fail("converting to %s: %v", b.cur.Code, err)
	}
	return writeJSON(e, out)
}

// deflateReports brings estimate reports to the basis's dollar year.
func deflateReports(b moneyBasis, reps ...*planner.Report) error {
	for _, r := range reps {
		if _, err := planner.DeflateReport(b.money, b.cur, r); err != nil {
			return fmt.Errorf("--dollar-year: %v", err)
		}
	}
	return nil
}

// textLabel states the basis of text output, which stays in US dollars:
// "nominal USD" or "2024 USD, PPI data processing", and the --json
// conversion when another currency is asked for.
func (b moneyBasis) textLabel() string {
	s := "nominal USD"
	if b.cur.DollarYear != nil {
		s = strconv.Itoa(*b.cur.DollarYear) + " USD, " + b.money.Deflator(b.cur.Deflator).Name
	}
	if b.cur.Code != planner.CurrencyUSD {
		s += fmt.Sprintf("; --json in %s at %.6g per USD, %s", b.cur.Code, b.cur.Rate, b.cur.RateDate)
	}
	return s
}

// nominalCurrencyFromFlags is currencyFromFlags for a command that does not
// deflate yet: --dollar-year is refused with what is accepted.
func nominalCurrencyFromFlags(command string, get func(string) (string, bool)) (moneyBasis, error) {
	if _, ok := get("dollar-year"); ok {
		return moneyBasis{}, fmt.Errorf("--dollar-year: not applied by 'aiplan %s' yet; accepted here: --currency USD|EUR|GBP (nominal)", command)
	}
	return currencyFromFlags(get)
}

// printText states a basis other than nominal USD under a text table.
func (b moneyBasis) printText(e *env) {
	if !b.nominal() {
		fprintf(e.stdout, "Money: %s.\n", b.textLabel())
	}
}

// declareCurrencyFlags declares --currency, --dollar-year and --deflator on
// f and returns their lookup for currencyFromFlags.
func declareCurrencyFlags(f *flags) func(string) (string, bool) {
	f.Texts(currencyFlagNames...)
	return f.Get
}
