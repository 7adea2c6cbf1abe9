package main

import (
	"aiplan/assets"
	"aiplan/planner"
)

// exportCurrency applies export's --currency, --dollar-year and --deflator
// to the set's currency setting (none given: the file's own setting is
// kept). The error names the flag and the accepted values or range.
func exportCurrency(set *planner.File, get func(string) (string, bool)) error {
	if get == nil {
		return nil
	}
	given := false
	for _, n := range currencyFlagNames {
		_, ok := get(n)
		given = given || ok
	}
	if !given {
		_, err := workbookCurrency(set)
		return err
	}
	b, err := currencyFromFlags(get)
	if err != nil {
		return err
	}
	s := planner.CurrencySetting{Code: b.cur.Code}
	if b.cur.DollarYear != nil {
		s.DollarYear = *b.cur.DollarYear
		if _, ok := get("deflator"); ok {
			s.Deflator = b.cur.Deflator
		}
	}
	set.Currency = &s
	if s.IsNominalUSD() && s.Deflator == "" {
		set.Currency = nil
	}
	return nil
}

// workbookCurrency resolves the set's currency setting for the workbook:
// nil for none (nominal USD, no converted sheet).
func workbookCurrency(set *planner.File) (*planner.Currency, error) {
	if set.Currency == nil {
		return nil, nil
	}
	m, err := assets.Money()
	if err != nil {
		return nil, err
	}
	c, err := set.Currency.Resolve(m)
	if err != nil {
		return nil, err
	}
	return &c, nil
}
