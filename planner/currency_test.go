package planner_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func money(t *testing.T) *planner.MoneyData {
	t.Helper()
	m, err := assets.Money()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestResolveCurrencyRates(t *testing.T) {
	// Hand-computed from the ECB annual averages in assets/money.json:
	// 2024 USD per EUR 1.0824, GBP per EUR 0.84662; 2022: 1.0530, 0.85276;
	// 2025 (latest full year, the default): 1.1300, 0.85680.
	m := money(t)
	cases := []struct {
		code     string
		year     int
		wantRate float64
		wantDate string
	}{
		{"USD", 0, 1, "2025"},
		{"EUR", 2024, 1 / 1.0824, "2024"},       // 0.923873
		{"GBP", 2024, 0.84662 / 1.0824, "2024"}, // 0.782169
		{"eur", 2022, 1 / 1.0530, "2022"},       // 0.949668
		{"GBP", 2022, 0.85276 / 1.0530, "2022"}, // 0.809839
		{"EUR", 0, 1 / 1.1300, "2025"},          // latest full year
	}
	for _, c := range cases {
		t.Run(c.code+"-"+c.wantDate, func(t *testing.T) {
			cur, err := planner.ResolveCurrency(m, c.code, c.year, "")
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(cur.Rate-c.wantRate) > 1e-12 {
				t.Errorf("rate: want %.6f, got %.6f", c.wantRate, cur.Rate)
			}
			if !strings.HasPrefix(cur.RateDate, c.wantDate) {
				t.Errorf("rateDate: want %s, got %q", c.wantDate, cur.RateDate)
			}
		})
	}
	// $1M in 2024 euros and pounds, by hand: 1e6 / 1.0824 = 923,872.87;
	// 1e6 x 0.84662 / 1.0824 = 782,169.25.
	eur, _ := planner.ResolveCurrency(m, "EUR", 2024, "")
	gbp, _ := planner.ResolveCurrency(m, "GBP", 2024, "")
	if v := 1e6 * eur.Rate; math.Abs(v-923872.87) > 0.01 {
		t.Errorf("EUR: want 923,872.87, got %.2f", v)
	}
	if v := 1e6 * gbp.Rate; math.Abs(v-782169.25) > 0.01 {
		t.Errorf("GBP: want 782,169.25, got %.2f", v)
	}
}

func TestResolveCurrencyErrors(t *testing.T) {
	m := money(t)
	cases := []struct {
		name, code string
		year       int
		deflator   string
		field      string
		accepted   string
	}{
		{"unknown code", "JPY", 0, "", "currency", "EUR, GBP, USD"},
		{"year without an index value", "USD", 1999, "", "dollar-year", "2015 to 2025"},
		{"year without a rate", "EUR", 2015, "", "dollar-year", "2016 to 2025"},
		{"unknown deflator", "USD", 2024, "gdp", "deflator", "cpi-u, ppi-data-processing"},
		{"deflator without year", "USD", 0, "cpi-u", "deflator", "--dollar-year"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.ResolveCurrency(m, c.code, c.year, c.deflator)
			if err == nil {
				t.Fatal("want an error")
			}
			if planner.ErrField(err) != c.field || !strings.Contains(err.Error(), c.accepted) {
				t.Errorf("want field %s naming %q, got %v", c.field, c.accepted, err)
			}
		})
	}
}

func TestConvertJSON(t *testing.T) {
	m := money(t)
	eur, err := planner.ResolveCurrency(m, "EUR", 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{
		"costUSD":          map[string]any{"cloud": 1e6, "amortized": 5e5},
		"costBreakdownUSD": map[string]any{"staff": 2e6},
		"gpuHours":         1000.0,
		"currency":         "USD, nominal",
		"list":             []any{map[string]any{"gapUSD": 1e9, "n": 3.0}},
	}
	out, err := planner.ConvertJSON(in, eur)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(out)
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if _, ok := got["costUSD"]; ok {
		t.Error("costUSD kept its USD name")
	}
	cost := got["costEUR"].(map[string]any)
	if v := cost["cloud"].(float64); math.Abs(v-1e6/1.0824) > 1e-6 {
		t.Errorf("costEUR.cloud: want %.2f, got %.2f", 1e6/1.0824, v)
	}
	if v := got["costBreakdownEUR"].(map[string]any)["staff"].(float64); math.Abs(v-2e6/1.0824) > 1e-6 {
		t.Errorf("costBreakdownEUR.staff: got %.2f", v)
	}
	if got["gpuHours"].(float64) != 1000 {
		t.Error("gpuHours is not money and must not be converted")
	}
	item := got["list"].([]any)[0].(map[string]any)
	if v := item["gapEUR"].(float64); math.Abs(v-1e9/1.0824) > 1e-3 || item["n"].(float64) != 3 {
		t.Errorf("nested: got %v", item)
	}
	cur := got["currency"].(map[string]any)
	if cur["code"] != "EUR" || math.Abs(cur["rate"].(float64)-1/1.0824) > 1e-12 || cur["dollarYear"].(float64) != 2024 {
		t.Errorf("currency object: got %v", cur)
	}
	// Nominal USD leaves every number as it was.
	usd, _ := planner.ConvertJSON(in, planner.NominalUSD())
	b, _ = json.Marshal(usd)
	if !strings.Contains(string(b), `"costUSD":{"amortized":500000,"cloud":1000000}`) {
		t.Errorf("USD changed the numbers: %s", b)
	}
}

func TestParseMoneyRejects(t *testing.T) {
	cases := []struct{ name, edit, want string }{
		{"tiny rate", `"2024": 1.0824`, `"2024": 5e-324`},
		{"negative index", `"2024": 119.599`, `"2024": -119.599`},
		{"unknown source", `"source": "ECB-EXR-SECONDARY"`, `"source": "NOWHERE"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := strings.Replace(string(assets.MoneyJSON), c.edit, c.want, 1)
			if b == string(assets.MoneyJSON) {
				t.Fatalf("the edit %q found nothing", c.edit)
			}
			if _, err := planner.ParseMoney([]byte(b)); err == nil {
				t.Errorf("%s: accepted", c.name)
			}
		})
	}
	if _, err := planner.ParseMoney([]byte("{")); err == nil {
		t.Error("truncated file accepted")
	}
}
