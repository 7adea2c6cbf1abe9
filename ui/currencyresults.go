package ui

import (
	"fmt"

	"aiplan/planner"
)

// moneyView is the basis the results panel shows money in: the setting,
// its resolution (rate and date) and the money file for deflation.
type moneyView struct {
	setting planner.CurrencySetting
	basis   planner.Currency
	file    *planner.MoneyData
}

func nominalView() moneyView {
	return moneyView{setting: planner.CurrencySetting{Code: planner.CurrencyUSD}, basis: planner.NominalUSD()}
}

// nominal reports whether the view is the default (figures as computed).
func (v moneyView) nominal() bool {
	return v.basis.Code == planner.CurrencyUSD && v.basis.DollarYear == nil
}

// note is the status line's basis.
func (v moneyView) note() string {
	if v.nominal() {
		return planner.CurrencyNote
	}
	return v.basis.Label + " (converted from USD)"
}

// rateLine is the line beside the cost figures.
func (v moneyView) rateLine() string {
	if v.basis.Code == planner.CurrencyUSD {
		return v.basis.Label
	}
	return v.basis.Code + " " + rateText(v.basis) + " (" + v.basis.Label + ")"
}

// deflate brings res to the basis's dollar year (planner.DeflateReport),
// each cost from the date of the input price it comes from; nominal bases
// return res unchanged. A failure is stated and the nominal figures kept.
func (v moneyView) deflate(res planner.Result, inputs map[string]planner.Resolved) (planner.Result, string) {
	if v.basis.DollarYear == nil || v.file == nil {
		return res, ""
	}
	rep := planner.Report{Result: res, Inputs: inputs}
	if _, err := planner.DeflateReport(v.file, v.basis, &rep); err != nil {
		return res, fmt.Sprintf(" (not deflated: %v; nominal)", err)
	}
	return rep.Result, ""
}

// money formats a USD amount in the basis.
func (v moneyView) money(usd float64) string {
	if v.nominal() {
		return planner.HumanUSD(usd)
	}
	return HumanMoney(usd, v.basis)
}

// human formats output path of t: money in the basis, the rest as before.
func (v moneyView) human(path string, t *planner.Totals) string {
	o := planner.OutputByPath(path)
	if v.nominal() || o == nil || o.Unit != "USD" {
		return human(path, t)
	}
	x, ok := o.Get(t)
	if !ok {
		return "n/a"
	}
	return HumanMoney(x, v.basis)
}

// SetCurrency resolves s with the money file m and shows money in it from
// the next Show. The error names the field and the accepted values.
func (r *Results) SetCurrency(m *planner.MoneyData, s planner.CurrencySetting) error {
	if err := s.Check(); err != nil {
		return err
	}
	c, err := s.Resolve(m)
	if err != nil {
		return err
	}
	r.money = moneyView{setting: s, basis: c, file: m}
	return nil
}

// Setting returns the currency setting shown.
func (r *Results) Setting() planner.CurrencySetting { return r.money.setting }

// Basis returns the resolved basis shown (rate, date, label).
func (r *Results) Basis() planner.Currency { return r.money.basis }
