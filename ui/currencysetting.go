package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"aiplan/assets"
	"aiplan/planner"
)

// Preference keys of the display and export currency.
const (
	// PrefCurrency is the currency code (USD, EUR, GBP).
	PrefCurrency = "currency"
	// PrefDollarYear is the dollar year (0: nominal dollars).
	PrefDollarYear = "dollarYear"
	// PrefDeflator is the index of constant dollars ("" the default).
	PrefDeflator = "deflator"
)

// nominalChoice is the dollar-year select's entry for nominal dollars.
const nominalChoice = "nominal (as dated)"

// CurrencySetting edits the display and export currency: a currency, a
// dollar year and the index of constant dollars. Each change that the
// planner accepts is passed to OnChanged; a refused one is shown in
// Message and not passed on.
type CurrencySetting struct {
	Code       *widget.Select
	DollarYear *widget.Select
	Deflator   *widget.Select
	// Message states the rate in force, or why a choice is refused.
	Message *widget.Label
	Content fyne.CanvasObject
	// OnChanged receives each accepted setting.
	OnChanged func(planner.CurrencySetting)

	money    *planner.MoneyData
	setting  planner.CurrencySetting
	updating bool
}

// NewCurrencySetting builds the editor on the money file's years, showing s.
func NewCurrencySetting(m *planner.MoneyData, s planner.CurrencySetting) *CurrencySetting {
	c := &CurrencySetting{money: m, Message: detailLabel()}
	c.Message.Wrapping = fyne.TextWrapWord
	c.Code = widget.NewSelect(planner.CurrencyCodes(), func(string) { c.changed() })
	years := []string{nominalChoice}
	if d := m.Deflator(m.Deflators.Default); d != nil {
		lo, hi := d.Span()
		for y := hi; y >= lo; y-- {
			years = append(years, strconv.Itoa(y))
		}
	}
	c.DollarYear = widget.NewSelect(years, func(string) { c.changed() })
	c.Deflator = widget.NewSelect(m.DeflatorIDs(), func(string) { c.changed() })
	c.Set(s)
	c.Content = container.NewVBox(widget.NewForm(
		widget.NewFormItem("Currency", c.Code),
		widget.NewFormItem("Dollar year", c.DollarYear),
		widget.NewFormItem("Price index", c.Deflator),
	), c.Message)
	return c
}

// Set shows s without calling OnChanged.
func (c *CurrencySetting) Set(s planner.CurrencySetting) {
	if s.Code == "" {
		s.Code = planner.CurrencyUSD
	}
	c.updating = true
	c.Code.SetSelected(s.Code)
	if s.DollarYear == 0 {
		c.DollarYear.SetSelected(nominalChoice)
	} else {
		c.DollarYear.SetSelected(strconv.Itoa(s.DollarYear))
	}
	def := s.Deflator
	if def == "" {
		def = c.money.Deflators.Default
	}
	c.Deflator.SetSelected(def)
	c.updating = false
	c.setting = s
	c.showBasis()
}

// Setting returns the setting shown.
func (c *CurrencySetting) Setting() planner.CurrencySetting { return c.setting }

func (c *CurrencySetting) changed() {
	if c.updating {
		return
	}
	s := planner.CurrencySetting{Code: c.Code.Selected}
	if y, err := strconv.Atoi(c.DollarYear.Selected); err == nil {
		s.DollarYear = y
		if c.Deflator.Selected != c.money.Deflators.Default {
			s.Deflator = c.Deflator.Selected
		}
	}
	if err := s.Check(); err != nil {
		setLabel(c.Message, "Refused: "+err.Error()+".", widget.DangerImportance)
		return
	}
	if _, err := s.Resolve(c.money); err != nil {
		setLabel(c.Message, "Refused: "+err.Error()+".", widget.DangerImportance)
		return
	}
	c.setting = s
	c.showBasis()
	if c.OnChanged != nil {
		c.OnChanged(s)
	}
}

func (c *CurrencySetting) showBasis() {
	cur, err := c.setting.Resolve(c.money)
	if err != nil {
		setLabel(c.Message, "Refused: "+err.Error()+".", widget.DangerImportance)
		return
	}
	if c.setting.DollarYear == 0 {
		c.Deflator.Disable()
	} else {
		c.Deflator.Enable()
	}
	setLabel(c.Message, basisText(cur), widget.LowImportance)
}

// basisText states a basis for people: "EUR at 0.9239 EUR/USD, 2024 ECB
// average; nominal EUR".
func basisText(c planner.Currency) string {
	s := c.Label
	if c.Code != planner.CurrencyUSD {
		s = c.Code + " " + rateText(c) + "; " + s
	}
	return s
}

// rateText is "at 0.9239 EUR/USD, 2024 ECB average".
func rateText(c planner.Currency) string {
	year, _, _ := strings.Cut(c.RateDate, " ")
	return "at " + strconv.FormatFloat(c.Rate, 'f', 4, 64) + " " + c.Code + "/USD, " + year + " ECB average"
}

// currencySymbols prefix money in each display currency.
var currencySymbols = map[string]string{planner.CurrencyUSD: "$", planner.CurrencyEUR: "€", planner.CurrencyGBP: "£"}

// HumanMoney formats a USD amount in the basis c for people: the amount
// times c's rate with the currency's symbol, e.g. "€945M".
func HumanMoney(usd float64, c planner.Currency) string {
	s := planner.HumanUSD(usd * c.Rate) // "$945M", "-$1.2k", "n/a"
	sym, ok := currencySymbols[c.Code]
	if !ok || c.Code == planner.CurrencyUSD {
		return s
	}
	return strings.Replace(s, "$", sym, 1)
}

// loadCurrency applies the currency of a newly opened file: its own
// setting, else the one kept in Preferences (recorded in the file, which
// stays unchanged on disk until saved).
func (w *Window) loadCurrency(f *planner.File) {
	m, err := assets.Money()
	if err != nil {
		w.ShowError(err)
		return
	}
	w.Results.CurrencyButton.OnTapped = w.ShowCurrency
	s := w.prefCurrency()
	if f.Currency != nil {
		s = *f.Currency
	} else if !s.IsNominalUSD() {
		f.Currency = &s
	}
	if err := w.Results.SetCurrency(m, s); err != nil {
		// A year the money file has no rate or index value for: say so
		// and show nominal USD (the file keeps its setting).
		w.Results.money = nominalView()
		w.ShowError(err)
	}
}

// prefCurrency is the setting kept in Preferences (nominal USD when none,
// or when what is kept is refused).
func (w *Window) prefCurrency() planner.CurrencySetting {
	s := planner.CurrencySetting{
		Code:       w.prefs.StringWithFallback(PrefCurrency, planner.CurrencyUSD),
		DollarYear: w.prefs.IntWithFallback(PrefDollarYear, 0),
		Deflator:   w.prefs.StringWithFallback(PrefDeflator, ""),
	}
	if s.Check() != nil {
		return planner.CurrencySetting{Code: planner.CurrencyUSD}
	}
	return s
}

// SetCurrency shows money in s, keeps s in Preferences and in the open
// file (marked unsaved when that changes it), and refreshes the results.
func (w *Window) SetCurrency(s planner.CurrencySetting) error {
	m, err := assets.Money()
	if err != nil {
		return err
	}
	if err := w.Results.SetCurrency(m, s); err != nil {
		return err
	}
	w.prefs.SetString(PrefCurrency, s.Code)
	w.prefs.SetInt(PrefDollarYear, s.DollarYear)
	w.prefs.SetString(PrefDeflator, s.Deflator)
	if w.file.CurrencyOf() != s {
		w.EditFile(func(f *planner.File) {
			f.Currency = &s
			if s.IsNominalUSD() && s.Deflator == "" {
				f.Currency = nil
			}
		})
	}
	w.refresh(false)
	return nil
}

// ShowCurrency opens the currency setting (the results panel's
// Currency… button; a menu item can call it too).
func (w *Window) ShowCurrency() {
	m, err := assets.Money()
	if err != nil {
		w.ShowError(err)
		return
	}
	c := NewCurrencySetting(m, w.Results.Setting())
	c.OnChanged = func(s planner.CurrencySetting) {
		if err := w.SetCurrency(s); err != nil {
			setLabel(c.Message, "Refused: "+err.Error()+".", widget.DangerImportance)
		}
	}
	d := dialog.NewCustom("Currency", "Close", c.Content, w.Window)
	d.Resize(fyne.NewSize(460, 260))
	d.Show()
}
