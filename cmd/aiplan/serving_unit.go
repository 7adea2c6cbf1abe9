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
// per query, PUE, WUE, EWIF and carbon intensity (flags already applied),
// the money file's cited defaults, then the flags given.
func servingUnitInputs(m *planner.MoneyData, in planner.ServingInputs, f *flags, vals map[string]*float64) planner.ServingUnitInputs {
	u := planner.ServingUnitDefaults(m, in)
	for name, dst := range map[string]*float64{"tokens-per-query": &u.TokensPerQuery, "tokens-per-second": &u.TokensPerSecond,
		"gpu-hour-price": &u.GPUHourUSD, "price-per-million": &u.PricePerMillionTokensUSD} {
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
	fprintf(w, "    water     %.3g mL from the energy (WUE %.3g + PUE %.3g x EWIF %.4g L/kWh); carbon %.3g g\n", u.WaterPerQueryML,
		in.WUELPerKWh, in.PUE, in.EWIFLPerKWh, u.EmissionsPerQueryG)
}
