package main

import (
	"strings"

	"aiplan/planner"
)

func init() {
	register("serving", command{
		summary: "annual energy, carbon, water and revenue of serving queries, and services needed to close the gap",
		usage: `aiplan serving [--preset epoch2025|devries2023] [--queries-per-day N]
               [--energy-wh WH] [--water-ml ML] [--carbon-intensity G]
               [--revenue-per-query USD] [--bottle L] [--gap USD] [--json]

Energy per query at the meter: epoch2025 = 0.3 Wh (Epoch AI 2025), devries2023
= 3 Wh (de Vries 2023). Water: 16.9 mL per response (Li et al., US average).
Defaults: 1e9 queries a day (assumption), revenue per query = OpenAI's
run-rate / a year of those queries, the catalogue's first grid carbon
intensity, a 0.5 L bottle, and the sequoia-2024 gap ($500B).`,
		run: runServing,
	})
}

var servingFlags = []string{"queries-per-day", "energy-wh", "water-ml", "carbon-intensity",
	"revenue-per-query", "bottle", "gap"}

func runServing(e *env) int {
	fs := newFlagSet()
	fs.Bool("json", "help")
	fs.Value("preset")
	fs.Value(servingFlags...)
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("serving: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["serving"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("serving: unexpected argument %q; inputs are flags such as --energy-wh 0.3", fs.Positional()[0])
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	preset, _ := fs.Get("preset")
	if preset == "" {
		preset = planner.ServingEpoch2025
	}
	in, err := planner.ServingPreset(cat, preset)
	if err != nil {
		if planner.ErrField(err) == "preset" {
			return e.usageError("--preset: %q is not accepted; accepted: %s", preset,
				strings.Join(planner.ServingPresetIDs(), ", "))
		}
		return e.fail("serving: %v", err)
	}
	if f, ok := cat.Macro.Figures["sequoia2024.gapUSD"]; ok {
		in.GapUSD = f.Value
	}
	given := map[string]string{}
	for _, name := range servingFlags {
		s, ok := fs.Get(name)
		if !ok {
			continue
		}
		given[name] = s
		v, err := planner.ParseQuantity(s)
		if err != nil {
			return e.usageError("--%s: %v", name, err)
		}
		switch name {
		case "queries-per-day":
			in.QueriesPerDay = v
		case "energy-wh":
			in.EnergyPerQueryWh = v
		case "water-ml":
			in.WaterPerQueryML = v
		case "carbon-intensity":
			in.CarbonGPerKWh, in.CarbonSource = v, ""
		case "revenue-per-query":
			in.RevenuePerQueryUSD = v
		case "bottle":
			in.BottleL = v
		case "gap":
			in.GapUSD = v
		}
	}
	r, err := planner.EvaluateServing(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	if fs.Has("json") {
		return writeJSON(e, r)
	}
	w := e.stdout
	grid := ""
	if in.CarbonSource != "" && !fs.Has("carbon-intensity") {
		grid = " (" + in.CarbonSource + ")"
	}
	fprintf(w, "Serving (%s): %s queries a day; per query %s Wh, %s mL, $%.4g; %s gCO2e/kWh%s\n",
		in.Preset, planner.HumanCount(in.QueriesPerDay), planner.FormatNumber(in.EnergyPerQueryWh),
		planner.FormatNumber(in.WaterPerQueryML), in.RevenuePerQueryUSD, planner.FormatNumber(in.CarbonGPerKWh), grid)
	fprintf(w, "  energy    %s a year\n", planner.HumanEnergyKWh(r.EnergyKWh))
	fprintf(w, "  carbon    %s a year\n", planner.HumanTCO2e(r.CarbonT))
	fprintf(w, "  water     %s a year\n", planner.HumanLitres(r.WaterL))
	fprintf(w, "  revenue   %s a year\n", planner.HumanUSD(r.RevenueUSD))
	if r.ResponsesPerBottle != nil {
		fprintf(w, "  %.1f responses per %s L bottle\n", *r.ResponsesPerBottle, planner.FormatNumber(in.BottleL))
	}
	switch {
	case r.ServicesToCloseGap == nil:
		fprintf(w, "  no number of such services closes a %s gap (no revenue)\n", planner.HumanUSD(in.GapUSD))
	default:
		fprintf(w, "  %s such services close a %s yearly gap\n", planner.FormatNumber(*r.ServicesToCloseGap), planner.HumanUSD(in.GapUSD))
	}
	return exitOK
}
