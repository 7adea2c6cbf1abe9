package planner_test

import (
	"math"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// FuzzParseIndustry: any bytes either fail with an error or give data whose
// presets all resolve and evaluate to finite figures or a field error;
// never a panic.
func FuzzParseIndustry(f *testing.F) {
	f.Add(assets.IndustryJSON)
	f.Add([]byte(`{"presets":[{"id":"x","energy":"nope","values":{"gw":{"value":1e300,"unit":"GW","assumption":"a"}}}]}`))
	f.Add([]byte(`{"defaults":{"pue":{"value":1.1,"unit":"x","assumption":"a"}}}`))
	cat, err := assets.Catalog()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := planner.ParseIndustry(data)
		if err != nil {
			return
		}
		for _, id := range append(d.PresetIDs(), "") {
			res, err := planner.ResolveIndustry(cat, d, planner.IndustryRequest{Preset: id})
			if err != nil {
				continue
			}
			r, err := planner.EvaluateIndustry(res.Inputs)
			if err != nil {
				continue
			}
			for _, v := range []float64{r.AnnualCostUSD, r.WaterWithdrawalM3, r.RequiredRevenueUSD, r.FacilityEnergyTWh} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("preset %q: non-finite result %v", id, v)
				}
			}
		}
	})
}
