package planner_test

import (
	"encoding/json"
	"math"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// BenchmarkConvertJSON converts one estimate report (about 60 inputs with
// provenance) to EUR, as every --json output with --currency does.
func BenchmarkConvertJSON(b *testing.B) {
	cat, _ := assets.Catalog()
	m, _ := assets.Money()
	sc := planner.Scenario{GPU: "h100"}
	sc.Set(planner.KeyParams, 70e9)
	sc.Set(planner.KeyTokens, 2e12)
	sc.Set(planner.KeyGPUs, 1000)
	r, res, err := planner.Estimate(cat, &sc)
	if err != nil {
		b.Fatal(err)
	}
	rep := planner.NewReport("", r, res)
	cur, _ := planner.ResolveCurrency(m, "EUR", 2024, "")
	b.ReportAllocs()
	for b.Loop() {
		out, err := planner.ConvertJSON(rep, cur)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(out); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseMoney: a hostile money file is an error or a file whose every
// rate and index value is finite and positive; never a panic.
func FuzzParseMoney(f *testing.F) {
	f.Add(assets.MoneyJSON)
	f.Add([]byte(`{"rates":{"usdPerEUR":{"source":"x","years":{"2024":-1}}}}`))
	f.Add([]byte(`{"sources":{"x":{}},"rates":{"usdPerEUR":{"source":"x","years":{"1e400":1}}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := planner.ParseMoney(b)
		if err != nil {
			return
		}
		for _, s := range []*planner.YearSeries{&m.Rates.USDPerEUR, &m.Rates.GBPPerEUR} {
			for _, v := range s.Years {
				if !(v > 0) || math.IsInf(v, 0) {
					t.Fatalf("accepted %v", v)
				}
			}
		}
		for _, code := range planner.CurrencyCodes() {
			if c, err := planner.ResolveCurrency(m, code, 0, ""); err == nil && (!(c.Rate > 0) || math.IsInf(c.Rate, 0)) {
				t.Fatalf("%s: rate %v", code, c.Rate)
			}
		}
	})
}
