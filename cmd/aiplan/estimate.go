package main

import (
	"encoding/json"
	"io"
	"text/tabwriter"

	"aiplan/planner"
)

func init() {
	register("estimate", command{
		summary: "compute time, cost, energy, carbon and water of a training run",
		usage: `aiplan estimate [--params N --tokens N | --flops N | --gpu-hours N] --gpu ID --gpus N [flags] [--json]
aiplan estimate --scenarios FILE [--json]
aiplan estimate ... --uncertainty [--samples N] [--seed S] [--range NAME=LOW,LIKELY,HIGH[,DIST] ...]

Every planner input is a flag named after its key (see README, "Inputs"):
quantities accept 175B, 15T, 3.14e23, 70,000, $2.50, 40%, 2.4x.

--uncertainty adds a Monte Carlo over the inputs' ranges (defaults from the
catalogue evidence; --range overrides one, NAME an input flag without dashes,
DIST triangular, pert, lognormal or uniform): P10, P50, P90 and mean of every
output, under "uncertainty" in --json at the output's path.`,
		run: runEstimate,
	})
}

func runEstimate(e *env) int {
	fs := newFlagSet()
	fs.Bool("json", "help")
	fs.Value("scenarios")
	declareScenarioFlags(fs)
	declareUncertaintyFlags(fs)
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("estimate: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["estimate"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("estimate: unexpected argument %q; inputs are flags such as --params 175B", fs.Positional()[0])
	}
	mc, err := uncertaintyFromFlags(fs)
	if err != nil {
		return e.usageError("%v", err)
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	if path, ok := fs.Get("scenarios"); ok {
		if len(mc.ranges) > 0 {
			return e.usageError("--range: not accepted with --scenarios; put ranges in the scenario file")
		}
		f, err := loadScenarios(path)
		if err != nil {
			return e.usageError("--scenarios: %v", err)
		}
		reports := make([]uncertainReport, 0, len(f.Scenarios))
		for i := range f.Scenarios {
			sc := &f.Scenarios[i]
			r, res, err := planner.Estimate(cat, sc)
			if err != nil {
				return e.usageError("--scenarios: scenario %q: %v", sc.Name, err)
			}
			rep := uncertainReport{Report: planner.NewReport(sc.Name, r, res)}
			if mc.on {
				if rep.Uncertainty, err = mc.run(cat, sc); err != nil {
					return e.usageError("--scenarios: scenario %q: %v", sc.Name, err)
				}
			}
			reports = append(reports, rep)
		}
		if fs.Has("json") {
			if !mc.on {
				plain := make([]planner.Report, len(reports))
				for i := range reports {
					plain[i] = reports[i].Report
				}
				return writeJSON(e, plain)
			}
			return writeJSON(e, reports)
		}
		for i := range reports {
			fprintf(e.stdout, "== %s ==\n", reports[i].Name)
			writeTable(e.stdout, cat, &reports[i].Report)
			writeUncertainty(e.stdout, reports[i].Uncertainty)
			fprintf(e.stdout, "\n")
		}
		return exitOK
	}
	sc, err := scenarioFromFlags(fs, "")
	if err != nil {
		return e.usageError("%v", err)
	}
	sc.Ranges = mc.ranges
	r, res, err := planner.Estimate(cat, &sc)
	if err != nil {
		return e.usageError("%s", flagError(err))
	}
	rep := uncertainReport{Report: planner.NewReport("", r, res)}
	if mc.on {
		if rep.Uncertainty, err = mc.run(cat, &sc); err != nil {
			return e.usageError("%s", rangeFlagError(err))
		}
	}
	if fs.Has("json") {
		if !mc.on {
			return writeJSON(e, rep.Report)
		}
		return writeJSON(e, rep)
	}
	writeTable(e.stdout, cat, &rep.Report)
	writeUncertainty(e.stdout, rep.Uncertainty)
	return exitOK
}

func writeJSON(e *env, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return e.fail("encoding JSON: %v", err)
	}
	if _, err := e.stdout.Write(append(b, '\n')); err != nil {
		return exitFail
	}
	return exitOK
}

// writeTable prints the headline figures with units, then the inputs used.
func writeTable(w io.Writer, cat *planner.Catalog, rep *planner.Report) {
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	t := &rep.Totals
	for _, o := range planner.Outputs {
		v, ok := o.Get(t)
		s := "n/a"
		if ok {
			s = planner.Human(o.Path, v)
		}
		fprintf(tw, "%s\t%s\t(%s)\n", o.Label, s, o.Path)
	}
	if rep.CostBreakdownUSD.Staff > 0 {
		fprintf(tw, "%s\t%s\t\n", planner.OutputByPath("costBreakdownUSD.staff").Label, planner.HumanUSD(rep.CostBreakdownUSD.Staff))
	}
	if rep.WithExperiments.GPUHours != t.GPUHours {
		x := &rep.WithExperiments
		fprintf(tw, "Programme (with experiments)\t%s, %s, %s\t(withExperiments)\n",
			planner.HumanUSD(x.CostUSD.Cloud), planner.HumanEnergyKWh(x.FacilityEnergyKWh), planner.HumanTCO2e(x.EmissionsTCO2e))
	}
	if eqs := planner.Equivalents(cat, t); len(eqs) > 0 {
		fprintf(tw, "\nIn everyday terms\t\t\n")
		for _, q := range eqs {
			src := q.Factor.Source
			if q.Factor.IsAssumption() {
				src = "assumption: " + q.Factor.Assumption
			}
			fprintf(tw, "  %s\t%s\t(factor %s %s, %s)\n", planner.HumanCount(q.Count), q.What,
				planner.FormatNumber(q.Factor.Value), q.Factor.Unit, src)
		}
	}
	fprintf(tw, "\nInputs\t\t\n")
	for _, key := range inputOrder(rep.Inputs) {
		in := rep.Inputs[key]
		val := ""
		switch v := in.Value.(type) {
		case float64:
			val = planner.FormatQuantity(v)
		case string:
			val = v
		}
		src := in.Source
		if in.Assumption != "" {
			src = "assumption: " + in.Assumption
		}
		if in.Date != "" {
			src += ", " + in.Date
		}
		fprintf(tw, "  %s\t%s %s\t%s\n", key, val, in.Unit, src)
	}
	fprintf(tw, "\nCatalogue %s; %s.\n", rep.CatalogVersion, planner.CurrencyNote)
	tw.Flush() //nolint:errcheck // terminal output
}

func inputOrder(in map[string]planner.Resolved) []string {
	var keys []string
	seen := map[string]bool{}
	for _, k := range planner.ChoiceKeys {
		if _, ok := in[k]; ok {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	for _, k := range planner.FieldKeys() {
		if _, ok := in[k]; ok {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	for _, k := range []string{"peak-flops", "embodied-kgco2e", "embodied-lifetime-years"} {
		if _, ok := in[k]; ok && !seen[k] {
			keys = append(keys, k)
		}
	}
	return keys
}
