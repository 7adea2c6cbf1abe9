package planner

import (
	"fmt"
	"strconv"
)

// Deflator ids of the money file's price indexes.
const (
	DeflatorPPI  = "ppi-data-processing"
	DeflatorCPIU = "cpi-u"
)

// Bounds of a file's dollar year (the money file's own year bounds).
const (
	MinDollarYear = 1990
	MaxDollarYear = 2100
)

// CurrencySetting is the display and export currency kept in a scenario
// file (its "currency" object) and in the window's preferences: a code
// (USD, EUR, GBP), a dollar year (0 = nominal dollars) and the index of
// constant dollars ("" = the money file's default). The zero value is
// nominal USD, what a file without the object means.
type CurrencySetting struct {
	Code       string `json:"code"`
	DollarYear int    `json:"dollarYear,omitempty"`
	Deflator   string `json:"deflator,omitempty"`
}

// IsNominalUSD reports whether s is the default basis.
func (s CurrencySetting) IsNominalUSD() bool {
	return (s.Code == "" || s.Code == CurrencyUSD) && s.DollarYear == 0
}

// Check validates the setting's shape; whether the money file has a rate
// and an index value for the year is ResolveCurrency's check. Errors name
// the field (currency.code, currency.dollarYear, currency.deflator) and
// the accepted values.
func (s CurrencySetting) Check() error {
	ok := false
	for _, c := range CurrencyCodes() {
		ok = ok || c == s.Code
	}
	if !ok {
		return choiceError("currency.code", s.Code, CurrencyCodes())
	}
	if s.DollarYear != 0 && (s.DollarYear < MinDollarYear || s.DollarYear > MaxDollarYear) {
		return &FieldError{Field: "currency.dollarYear", Value: strconv.Itoa(s.DollarYear),
			Msg: fmt.Sprintf("accepted: %d to %d, or absent for nominal dollars", MinDollarYear, MaxDollarYear)}
	}
	switch s.Deflator {
	case "", DeflatorPPI, DeflatorCPIU:
	default:
		return choiceError("currency.deflator", s.Deflator, []string{DeflatorPPI, DeflatorCPIU})
	}
	if s.Deflator != "" && s.DollarYear == 0 {
		return &FieldError{Field: "currency.deflator", Value: fmt.Sprintf("%q", s.Deflator),
			Msg: "needs a dollarYear (constant dollars)"}
	}
	return nil
}

// Resolve returns the basis of the setting with m's rates and indexes
// (ResolveCurrency).
func (s CurrencySetting) Resolve(m *MoneyData) (Currency, error) {
	return ResolveCurrency(m, s.Code, s.DollarYear, s.Deflator)
}

// CurrencyOf returns the file's setting: nominal USD when it has none.
func (f *File) CurrencyOf() CurrencySetting {
	if f.Currency == nil {
		return CurrencySetting{Code: CurrencyUSD}
	}
	return *f.Currency
}
