package main

import (
	"io"

	"aiplan/planner"
)

// servingUnitFlags are the unit-economics inputs (planner.ServingUnitInputs).
var servingUnitFlags = []string{"tokens-per-query", "tokens-per-second", "gpu-hour-price", "price-per-million", "pue", "wue", "ewif"}

// declareServingUnitFlags declares the unit-economics flags as quantities
// (typed text kept in given) and returns their values by name.
func declareServingUnitFlags(f *flags, given typedFlags) map[string]*float64 {
	vals := map[string]*float64{}
	for _, n := range servingUnitFlags {
		vals[n] = new(float64)
		given.quantity(f, n, vals[n], nil)
	}
	return vals
}

// servingUnitInputs builds the unit-economics inputs: the service's energy
// per query and carbon intensity, the PUE and WUE of the catalogue's
// default cooling and the EWIF of the service's grid (as estimate resolves
// them), the money file's cited defaults, then the flags given.
func servingUnitInputs(cat *planner.Catalog, m *planner.MoneyData, in planner.ServingInputs, f *flags, vals map[string]*float64) planner.ServingUnitInputs {
	probe := planner.Scenario{Energy: in.CarbonSource}
	if len(cat.Accelerators) > 0 {
		probe.GPU = cat.Accelerators[0].ID
	}
	probe.Set(planner.KeyFLOPs, 1e20)
	probe.Set(planner.KeyGPUs, 1)
	pue, wue, ewif := 1.0, 0.0, 0.0
	if res, err := planner.Resolve(cat, &probe); err == nil {
		pue, wue, ewif = res.Inputs.PUE, res.Inputs.WUELPerKWh, res.Inputs.EWIFLPerKWh
	}
	u := planner.ServingUnitDefaults(m, in.EnergyPerQueryWh, pue, wue, ewif, in.CarbonGPerKWh)
	for name, dst := range map[string]*float64{"tokens-per-query": &u.TokensPerQuery, "tokens-per-second": &u.TokensPerSecond,
		"gpu-hour-price": &u.GPUHourUSD, "price-per-million": &u.PricePerMillionTokensUSD, "pue": &u.PUE,
		"wue": &u.WUELPerKWh, "ewif": &u.EWIFLPerKWh} {
		setIf(f, name, dst, *vals[name])
	}
	return u
}

// writeServingUnit prints the per-query economics.
func writeServingUnit(w io.Writer, u *planner.ServingUnit) {
	in := &u.UnitInputs
	fprintf(w, "  per query (%s tokens, %s tok/s per accelerator at $%.4g/h):\n", planner.FormatNumber(in.TokensPerQuery),
		planner.FormatNumber(in.TokensPerSecond), in.GPUHourUSD)
	fprintf(w, "    cost      $%.4g per million tokens, $%.4g per query; price $%.4g, margin $%.4g\n",
		u.CostPerMillionTokensUSD, u.CostPerQueryUSD, u.PricePerQueryUSD, u.MarginPerQueryUSD)
	fprintf(w, "    energy    %.4g Wh IT (%.3g Wh per token), %.4g Wh at PUE %.3g\n", u.EnergyPerQueryWh,
		u.EnergyPerTokenWh, u.FacilityEnergyPerQuery, in.PUE)
	fprintf(w, "    water     %.3g mL from the energy (WUE %.3g + PUE x EWIF %.4g L/kWh); carbon %.3g g\n", u.WaterPerQueryML,
		in.WUELPerKWh, in.EWIFLPerKWh, u.EmissionsPerQueryG)
}
