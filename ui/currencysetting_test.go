package ui

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/assets"
	"aiplan/planner"
)

// TestCurrencyResults selects a currency in the setting and checks the
// results panel: the cloud cost label is the planner's USD figure times the
// ECB annual average (money.json, ECB euro reference rates: 2025 USD per
// EUR 1.1300, GBP per EUR 0.8568; 2024 1.0824, 0.84662), formatted for
// people, with the rate and its date beside it.
func TestCurrencyResults(t *testing.T) {
	w := newTestWindow(t)
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	usd := w.State().Result.CostUSD.Cloud
	if !(usd > 0) {
		t.Fatalf("want a cloud cost for the first scenario, got %v", usd)
	}
	c := NewCurrencySetting(m, w.Results.Setting())
	c.OnChanged = func(s planner.CurrencySetting) {
		if err := w.SetCurrency(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		code, year, sym string
		rate            float64
		rateText        string
	}{
		{"EUR", nominalChoice, "€", 1 / 1.13, "at 0.8850 EUR/USD, 2025 ECB average"},
		{"GBP", nominalChoice, "£", 0.8568 / 1.13, "at 0.7582 GBP/USD, 2025 ECB average"},
		{"USD", nominalChoice, "$", 1, "nominal USD"},
	} {
		t.Run(tc.code, func(t *testing.T) {
			c.Code.SetSelected(tc.code)
			c.DollarYear.SetSelected(tc.year)
			if got := w.Results.Basis().Rate; math.Abs(got-tc.rate) > 1e-12 {
				t.Fatalf("rate: want %v, got %v", tc.rate, got)
			}
			want := strings.Replace(planner.HumanUSD(usd*tc.rate), "$", tc.sym, 1)
			if got := w.Results.Values["costUSD.cloud"].Text; got != want {
				t.Errorf("cloud cost: want %q, got %q", want, got)
			}
			if got := w.Results.Rate.Text; !strings.Contains(got, tc.rateText) {
				t.Errorf("rate line: want %q in it, got %q", tc.rateText, got)
			}
			if got := w.prefs.String(PrefCurrency); got != tc.code {
				t.Errorf("preferences: want %s, got %q", tc.code, got)
			}
		})
	}
	if w.File().Currency != nil {
		t.Errorf("back to nominal USD: want no currency in the file, got %+v", w.File().Currency)
	}
}

// TestCurrencyConstantDollars: EUR in 2024 dollars is the planner's
// deflated report (DeflateReport, PPI by default) times the 2024 rate.
func TestCurrencyConstantDollars(t *testing.T) {
	w := newTestWindow(t)
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	s := planner.CurrencySetting{Code: "EUR", DollarYear: 2024}
	if err := w.SetCurrency(s); err != nil {
		t.Fatal(err)
	}
	st := w.State()
	cur, err := s.Resolve(m)
	if err != nil {
		t.Fatal(err)
	}
	rep := planner.Report{Result: st.Result, Inputs: st.Resolution.Provenance}
	if _, err := planner.DeflateReport(m, cur, &rep); err != nil {
		t.Fatal(err)
	}
	want := HumanMoney(rep.CostUSD.Cloud, cur)
	if !strings.HasPrefix(want, "€") {
		t.Fatalf("want euros, got %q", want)
	}
	if got := w.Results.Values["costUSD.cloud"].Text; got != want {
		t.Errorf("cloud cost: want %q, got %q", want, got)
	}
	if got := w.Results.Rate.Text; !strings.Contains(got, "0.9239 EUR/USD, 2024 ECB average") || !strings.Contains(got, "2024 EUR") {
		t.Errorf("rate line: got %q", got)
	}
	if got := w.File().Currency; got == nil || *got != s || !w.Dirty() {
		t.Errorf("file: want %+v kept and unsaved, got %+v (dirty %v)", s, got, w.Dirty())
	}
}

// TestCurrencyFromFile: a file's setting is shown on open; a file without
// one takes the Preferences' setting.
func TestCurrencyFromFile(t *testing.T) {
	w := newTestWindow(t)
	f := w.File()
	f.Currency = &planner.CurrencySetting{Code: "GBP"}
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.openReader(bytes.NewReader(b), nil); err != nil {
		t.Fatal(err)
	}
	if got := w.Results.Values["costUSD.cloud"].Text; !strings.HasPrefix(got, "£") {
		t.Errorf("GBP file: want pounds, got %q", got)
	}
	w.prefs.SetString(PrefCurrency, "EUR")
	f.Currency = nil
	b, _ = f.Marshal()
	if err := w.openReader(bytes.NewReader(b), nil); err != nil {
		t.Fatal(err)
	}
	if got := w.Results.Values["costUSD.cloud"].Text; !strings.HasPrefix(got, "€") {
		t.Errorf("file without a setting, EUR in Preferences: want euros, got %q", got)
	}
	// A year the index does not cover: refused with the field named, nominal USD shown.
	f.Currency = &planner.CurrencySetting{Code: "EUR", DollarYear: 1995}
	b, _ = f.Marshal()
	if err := w.openReader(bytes.NewReader(b), nil); err != nil {
		t.Fatal(err)
	}
	if err := w.LastError(); err == nil || !strings.Contains(err.Error(), "dollar-year") {
		t.Errorf("1995: want an error naming dollar-year, got %v", err)
	}
	if got := w.Results.Values["costUSD.cloud"].Text; !strings.HasPrefix(got, "$") {
		t.Errorf("1995: want nominal dollars shown, got %q", got)
	}
	w.prefs.SetString(PrefCurrency, "JPY") // refused: nominal USD
	if got := w.prefCurrency(); !got.IsNominalUSD() {
		t.Errorf("refused preference: want nominal USD, got %+v", got)
	}
}

// TestCurrencyButton: the results panel's Currency… button opens the
// setting as a dialog over the window.
func TestCurrencyButton(t *testing.T) {
	w := newTestWindow(t)
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("want no dialog before the tap")
	}
	test.Tap(w.Results.CurrencyButton)
	if w.Window.Canvas().Overlays().Top() == nil {
		t.Error("want the currency dialog open after tapping Currency…")
	}
}
