package planner_test

import (
	"strings"
	"testing"

	"aiplan/planner"
)

// epochIndustry is the industry preset epoch-1gw-2026 resolved and
// evaluated (Epoch AI data insight, 2026-05-14: $38B a GW, about $8.5B a
// GW-year of ownership).
func epochIndustry(t *testing.T) (planner.IndustryInputs, planner.IndustryResult) {
	t.Helper()
	cat, d := industryFixtures(t)
	res, err := planner.ResolveIndustry(cat, d, planner.IndustryRequest{Preset: planner.IndustryPresetEpoch, Values: map[string]float64{}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := planner.EvaluateIndustry(res.Inputs)
	if err != nil {
		t.Fatal(err)
	}
	return res.Inputs, r
}

// TestPerGWMethod: the per-gw gap method gives PerGWRequiredRevenue each
// year for the installed GW: 10 GW x Epoch's $8.5B per GW-year / (1 -
// Cahn's 50%) = $170B (Epoch's published $8.5B within 5%); the GW grows
// by capex-growth; inputs of other methods are refused naming both.
func TestPerGWMethod(t *testing.T) {
	cat, _ := industryFixtures(t)
	_, ind := epochIndustry(t)
	in, err := planner.PerGWGapInputs(cat, ind, "test")
	if err != nil {
		t.Fatal(err)
	}
	in.GW, in.CapexGrowth, in.Years = 10, 1.5, 3
	r, err := planner.EvaluateGap(in)
	if err != nil {
		t.Fatal(err)
	}
	for i, y := range r.Years {
		gw := 10 * []float64{1, 1.5, 2.25}[i]
		want, err := planner.PerGWRequiredRevenue(gw, ind.AnnualCostPerGWUSD, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		if !relWithin(y.RequiredRevenueUSD, want, 1e-12) {
			t.Errorf("%d: required %g; want PerGWRequiredRevenue %g", y.Year, y.RequiredRevenueUSD, want)
		}
	}
	if !relWithin(r.RequiredRevenueUSD, 170e9, 0.05) || r.CoverageRatio != nil || r.Method != planner.MethodPerGW {
		t.Errorf("first year %g (want $170B within 5%%), coverage %v (want null), method %q", r.RequiredRevenueUSD, r.CoverageRatio, r.Method)
	}
	bad := in
	bad.CapexUSD = 1e9
	if _, err := planner.EvaluateGap(bad); err == nil || !strings.Contains(err.Error(), "capex-return") || !strings.Contains(err.Error(), "per-gw") {
		t.Errorf("capex on per-gw: %v; want an error naming both methods", err)
	}
	bad = in
	bad.GW = 1e9
	if _, err := planner.EvaluateGap(bad); planner.ErrField(err) != "gw" {
		t.Errorf("gw 1e9: %v; want an error on gw", err)
	}
	if err := planner.CheckBubbleScenarios([]planner.BubbleScenario{{Name: "x", GapInputs: in}}, ""); err == nil || !strings.Contains(err.Error(), "per-gw") {
		t.Errorf("per-gw in a file: %v; want refused naming the method", err)
	}
	f := planner.NewFile(cat.Version, nil)
	f.Gap = &in
	if err := f.Check(); err == nil || !strings.Contains(err.Error(), "per-gw") {
		t.Errorf("per-gw as a file's gap: %v; want refused naming the method", err)
	}
}

// TestScenarioBuildOut: a scenario's capex read in GW at Epoch's capex per
// GW. Sequoia 2024: run-rate $150B / GPU share 0.5 = $300B of data-centre
// capex a year -> 7.89 GW a year at $38B; Kupperman: $400B -> 10.5 GW;
// per-gw: the added GW only.
func TestScenarioBuildOut(t *testing.T) {
	cat, rep := bubbleData(t)
	indIn, ind := epochIndustry(t)
	perGW := ind.CapexUSD / ind.GW
	cases := []struct {
		preset string
		added  []float64 // GW
	}{
		{planner.GapPreset2024, []float64{300e9 / perGW, 300e9 / perGW}},
		{planner.BubblePresetKupperman, []float64{400e9 / perGW, 400e9 / perGW}},
		{planner.BubblePresetBear, []float64{400e9 / perGW, 520e9 / perGW}},
	}
	for _, c := range cases {
		t.Run(c.preset, func(t *testing.T) {
			in, err := planner.BubblePreset(cat, rep, c.preset)
			if err != nil {
				t.Fatal(err)
			}
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatal(err)
			}
			b, err := planner.ScenarioBuildOut(indIn, &r)
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Years) != len(r.Years) || b.CapexPerGWUSD != perGW {
				t.Fatalf("%d years at %g a GW; want %d at %g", len(b.Years), b.CapexPerGWUSD, len(r.Years), perGW)
			}
			for i, want := range c.added {
				if !relWithin(b.Years[i].AddedGW, want, 1e-9) {
					t.Errorf("year %d: added %g GW; want %g", i, b.Years[i].AddedGW, want)
				}
			}
			// the installed base's energy is the industry model's at that GW
			last := b.Years[len(b.Years)-1]
			x := indIn
			x.GW = last.InstalledGW
			want, err := planner.EvaluateIndustry(x)
			if err != nil {
				t.Fatal(err)
			}
			if !relWithin(last.FacilityEnergyTWh, want.FacilityEnergyTWh, 1e-12) || !relWithin(last.WaterWithdrawalM3, want.WaterWithdrawalM3, 1e-12) {
				t.Errorf("last year %g TWh %g m3; want %g, %g", last.FacilityEnergyTWh, last.WaterWithdrawalM3, want.FacilityEnergyTWh, want.WaterWithdrawalM3)
			}
		})
	}
	in, _ := planner.PerGWGapInputs(cat, ind, "test")
	in.GW, in.CapexGrowth, in.Years = 4, 1.25, 3
	r, err := planner.EvaluateGap(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := planner.ScenarioBuildOut(indIn, &r)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{4, 1, 1.25} {
		if !relWithin(b.Years[i].AddedGW, want, 1e-9) {
			t.Errorf("per-gw year %d: added %g GW; want %g", i, b.Years[i].AddedGW, want)
		}
	}
}
