package main

import (
	"fmt"
	"io"

	"aiplan/assets"
	"aiplan/planner"
)

// gapBuildOutPreset is the industry preset that costs a GW for 'aiplan
// gap': the per-gw method's annual cost per GW and every scenario's
// implied build-out (capex per GW, PUE, energy, water).
const gapBuildOutPreset = planner.IndustryPresetEpoch

// gapIndustry resolves and evaluates gapBuildOutPreset.
func gapIndustry(cat *planner.Catalog) (planner.IndustryInputs, planner.IndustryResult, error) {
	data, err := assets.Industry()
	if err != nil {
		return planner.IndustryInputs{}, planner.IndustryResult{}, err
	}
	res, err := planner.ResolveIndustry(cat, data, planner.IndustryRequest{Preset: gapBuildOutPreset, Values: map[string]float64{}})
	if err != nil {
		return planner.IndustryInputs{}, planner.IndustryResult{}, err
	}
	r, err := planner.EvaluateIndustry(res.Inputs)
	return res.Inputs, r, err
}

// perGWStart is where 'aiplan gap --method per-gw' starts: the industry
// preset's GW and annual cost per GW, Cahn's margin.
func perGWStart(cat *planner.Catalog) (planner.GapInputs, error) {
	_, r, err := gapIndustry(cat)
	if err != nil {
		return planner.GapInputs{}, err
	}
	return planner.PerGWGapInputs(cat, r, fmt.Sprintf("annual cost per GW: industry preset %s (Epoch AI, 2026-05-14; aiplan industry --preset %s)",
		gapBuildOutPreset, gapBuildOutPreset))
}

// gapJSON is one gap model as 'aiplan gap --json' prints it: the result
// and its implied build-out (or why there is none).
type gapJSON struct {
	Name string `json:"name,omitempty"`
	planner.GapResult
	BuildOut      *planner.BubbleBuildOut `json:"buildOut,omitempty"`
	BuildOutError string                  `json:"buildOutError,omitempty"`
}

// withBuildOut adds the implied build-out to r (an error is stated in the
// output, not fatal: the gap stands on its own).
func withBuildOut(ind planner.IndustryInputs, name string, r planner.GapResult) gapJSON {
	out := gapJSON{Name: name, GapResult: r}
	b, err := planner.ScenarioBuildOut(ind, &out.GapResult)
	if err != nil {
		out.BuildOutError = err.Error()
		return out
	}
	out.BuildOut = &b
	return out
}

// writeBuildOut prints the implied build-out under the gap table.
func writeBuildOut(w io.Writer, g *gapJSON) {
	if g.BuildOut == nil {
		if g.BuildOutError != "" {
			fprintf(w, "\nImplied build-out: none (%s)\n", g.BuildOutError)
		}
		return
	}
	b := g.BuildOut
	fprintf(w, "\nImplied build-out at %s per GW (%s; industry preset %s):\n", planner.HumanUSD(b.CapexPerGWUSD), b.Basis, gapBuildOutPreset)
	for _, y := range b.Years {
		fprintf(w, "  %d  +%s GW, %s GW installed: %s TWh, %s tCO2e, water %s m3 consumed, %s m3 withdrawn a year\n",
			y.Year, planner.HumanNumber(y.AddedGW), planner.HumanNumber(y.InstalledGW), planner.HumanNumber(y.FacilityEnergyTWh),
			planner.HumanNumber(y.EmissionsTCO2e), planner.HumanNumber(y.WaterConsumptionM3), planner.HumanNumber(y.WaterWithdrawalM3))
	}
}
