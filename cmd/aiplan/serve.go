package main

import (
	"strings"

	"aiplan/planner"
)

func init() {
	register("serving", command{
		summary: "annual energy, carbon, water and revenue of serving queries, and services needed to close the gap",
		usage: `aiplan serving [--preset epoch2025|devries2023] [--queries-per-day N]
               [--energy-wh WH] [--carbon-intensity G]
               [--revenue-per-query USD] [--bottle L] [--gap USD]
               [--tokens-per-query N] [--tokens-per-second N] [--gpu-hour-price USD]
               [--price-per-million USD] [--pue P] [--wue L] [--ewif L] [--json]

Server (IT) energy per query, PUE on top, as Li et al. use it: epoch2025 =
0.3 Wh (Epoch AI 2025), devries2023 = 3 Wh (de Vries 2023). Per query, water
= energy x (WUE + PUE x EWIF), carbon = energy x PUE x intensity; each annual
figure is the per-query figure x the queries of a year (Li et al.'s 16.9 mL
is 4 Wh at PUE 1.17, WUE 0.55, EWIF 3.142). Defaults: 1e9 queries a day
(assumption), revenue per query = OpenAI's run-rate / a year of those
queries, the US grid's carbon intensity, a 0.5 L bottle, and the
sequoia-2024 gap ($500B).

Unit economics: cost per million tokens =
accelerator-hour price / (tokens per second x 3600) x 1e6. Defaults: 1,850
output tokens/s per accelerator, $2 per accelerator-hour and $2.19 per million
tokens (DeepSeek, 2025), 500 tokens per query (Epoch AI, 2025), PUE, WUE and
EWIF of the catalogue's default cooling and the grid.

` + currencyUsage,
		run: runServing,
	})
}

func runServing(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	preset := f.String("preset")
	given := typedFlags{}
	var v struct{ queries, energy, carbon, revenue, bottle, gap float64 }
	for _, q := range []struct {
		name string
		p    *float64
	}{{"queries-per-day", &v.queries}, {"energy-wh", &v.energy},
		{"carbon-intensity", &v.carbon}, {"revenue-per-query", &v.revenue}, {"bottle", &v.bottle}, {"gap", &v.gap}} {
		given.quantity(f, q.name, q.p, nil)
	}
	unitVals := declareServingUnitFlags(f, given)
	money := declareCurrencyFlags(f)
	if code, done := e.parseOnly("serving", f, "inputs are flags such as --energy-wh 0.3"); done {
		return code
	}
	basis, err := currencyFromFlags(money)
	if err != nil {
		return e.usageError("%v", err)
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	if !f.Has("preset") {
		*preset = planner.ServingEpoch2025
	}
	in, err := planner.ServingPreset(cat, *preset)
	if err != nil {
		if planner.ErrField(err) == "preset" {
			return e.usageError("--preset: %q is not accepted; accepted: %s", *preset,
				strings.Join(planner.ServingPresetIDs(), ", "))
		}
		return e.fail("serving: %v", err)
	}
	if fig, ok := cat.Macro.Figures["sequoia2024.gapUSD"]; ok {
		in.GapUSD = fig.Value
	}
	setIf(f, "queries-per-day", &in.QueriesPerDay, v.queries)
	setIf(f, "energy-wh", &in.EnergyPerQueryWh, v.energy)
	setIf(f, "pue", &in.PUE, *unitVals["pue"])
	setIf(f, "wue", &in.WUELPerKWh, *unitVals["wue"])
	setIf(f, "ewif", &in.EWIFLPerKWh, *unitVals["ewif"])
	if f.Has("carbon-intensity") {
		in.CarbonGPerKWh, in.CarbonSource = v.carbon, ""
	}
	setIf(f, "revenue-per-query", &in.RevenuePerQueryUSD, v.revenue)
	setIf(f, "bottle", &in.BottleL, v.bottle)
	setIf(f, "gap", &in.GapUSD, v.gap)
	r, err := planner.EvaluateServing(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	unit, err := planner.EvaluateServingUnit(servingUnitInputs(basis.money, in, f, unitVals))
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	if *asJSON {
		return writeMoneyJSON(e, struct {
			planner.ServingResult
			planner.ServingUnit
		}{r, unit}, basis)
	}
	w := e.stdout
	grid := ""
	if in.CarbonSource != "" && !f.Has("carbon-intensity") {
		grid = " (" + in.CarbonSource + ")"
	}
	fprintf(w, "Serving (%s): %s queries a day; per query %s Wh IT, $%.4g; %s gCO2e/kWh%s\n",
		in.Preset, planner.HumanCount(in.QueriesPerDay), planner.FormatNumber(in.EnergyPerQueryWh),
		in.RevenuePerQueryUSD, planner.FormatNumber(in.CarbonGPerKWh), grid)
	fprintf(w, "  energy    %s a year at the meter (%s IT)\n", planner.HumanEnergyKWh(r.EnergyKWh), planner.HumanEnergyKWh(r.ITEnergyKWh))
	fprintf(w, "  carbon    %s a year\n", planner.HumanTCO2e(r.CarbonT))
	fprintf(w, "  water     %s a year\n", planner.HumanLitres(r.WaterL))
	fprintf(w, "  revenue   %s a year\n", planner.HumanUSD(r.RevenueUSD))
	if r.ResponsesPerBottle != nil {
		fprintf(w, "  %.1f responses per %s L bottle\n", *r.ResponsesPerBottle, planner.FormatNumber(in.BottleL))
	}
	writeServingUnit(w, &unit)
	switch {
	case r.ServicesToCloseGap == nil:
		fprintf(w, "  no number of such services closes a %s gap (no revenue)\n", planner.HumanUSD(in.GapUSD))
	default:
		fprintf(w, "  %s such services close a %s yearly gap\n", planner.FormatNumber(*r.ServicesToCloseGap), planner.HumanUSD(in.GapUSD))
	}
	return exitOK
}
