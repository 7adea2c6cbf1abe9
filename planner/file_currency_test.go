package planner_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func TestFileCurrencyRoundTrip(t *testing.T) {
	for _, cs := range []planner.CurrencySetting{
		{Code: "EUR"},
		{Code: "GBP", DollarYear: 2024},
		{Code: "USD", DollarYear: 2020, Deflator: planner.DeflatorCPIU},
	} {
		t.Run(cs.Code, func(t *testing.T) {
			f, err := assets.Defaults()
			if err != nil {
				t.Fatal(err)
			}
			f.Currency = &cs
			b, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			back, err := planner.ParseFile(b)
			if err != nil {
				t.Fatal(err)
			}
			if got := back.CurrencyOf(); got != cs {
				t.Errorf("want %+v, got %+v", cs, got)
			}
			b2, err := back.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, b2) {
				t.Errorf("want identical bytes after a round trip")
			}
		})
	}
}

// TestFileCurrencyAbsent: a file written before the setting opens as
// nominal USD and is written back without a "currency" key.
func TestFileCurrencyAbsent(t *testing.T) {
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(`"currency"`)) {
		t.Fatalf("a file without a setting: want no currency key")
	}
	back, err := planner.ParseFile(b)
	if err != nil {
		t.Fatal(err)
	}
	got := back.CurrencyOf()
	if got.Code != "USD" || got.DollarYear != 0 || !got.IsNominalUSD() {
		t.Errorf("want nominal USD, got %+v", got)
	}
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	c, err := got.Resolve(m)
	if err != nil || c.Rate != 1 || c.DollarYear != nil {
		t.Errorf("want rate 1 nominal, got %+v, %v", c, err)
	}
}

func TestFileCurrencyRefused(t *testing.T) {
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, obj, want string }{
		{"unknown code", `{"code":"JPY"}`, "currency.code"},
		{"empty code", `{"code":""}`, "currency.code"},
		{"lower case", `{"code":"eur"}`, "currency.code"},
		{"year too low", `{"code":"EUR","dollarYear":1066}`, "1990 to 2100"},
		{"year huge", `{"code":"EUR","dollarYear":1e400}`, "scenario file"},
		{"year text", `{"code":"EUR","dollarYear":"2024"}`, "scenario file"},
		{"unknown deflator", `{"code":"EUR","dollarYear":2024,"deflator":"gdp"}`, "cpi-u, ppi-data-processing"},
		{"deflator without year", `{"code":"EUR","deflator":"cpi-u"}`, "needs a dollarYear"},
		{"unknown key", `{"code":"EUR","rate":0.9}`, "rate"},
		{"not an object", `"EUR"`, "scenario file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bytes.Replace(b, []byte(`"scenarios":`), []byte(`"currency": `+tc.obj+`, "scenarios":`), 1)
			_, err := planner.ParseFile(data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error naming %q, got %v", tc.want, err)
			}
		})
	}
}

// TestFileCurrencyResolve: the file's setting resolves to the ECB annual
// average of the dollar year (money.json: 2024 USD per EUR 1.0824).
func TestFileCurrencyResolve(t *testing.T) {
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	c, err := planner.CurrencySetting{Code: "EUR", DollarYear: 2024}.Resolve(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 / 1.0824; math.Abs(c.Rate-want) > 1e-12 {
		t.Errorf("EUR 2024: want %v, got %v", want, c.Rate)
	}
	if c.Deflator != planner.DeflatorPPI {
		t.Errorf("default index: want %s, got %s", planner.DeflatorPPI, c.Deflator)
	}
}
