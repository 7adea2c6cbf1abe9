package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"aiplan/planner"
)

func init() {
	register("project", command{
		summary: "project the cost of frontier training runs (Epoch AI's 2.4x a year) and the $1B/$10B/$100B years",
		usage: `aiplan project [--base-cost USD] [--base-year YEAR] [--growth X]
               [--growth-low X] [--growth-high X] [--until YEAR]
               [--basis amortized|cloud|acquisition] [--json]

cost(year) = base cost x growth^(year - base year), with a band from
--growth-low to --growth-high. Defaults: the catalogue's GPT-4 amortised cost
(2023), the catalogue's growth 2.4x and band 2.0-2.9x (widened to include
--growth when only --growth is given), until 2035. thresholdYears gives the
first whole year at or above $1B, $10B and $100B (null if after --until).
Epoch's 2.4x is fitted to amortised hardware plus energy: cloud-rental
figures sit on a higher line.`,
		run: runProject,
	})
}

var projectFlags = []string{"base-cost", "base-year", "growth", "growth-low", "growth-high", "until"}

// projectOutput is the JSON of 'aiplan project': the projection plus the
// defaults it used.
type projectOutput struct {
	planner.ProjectionResult
	Defaults []string `json:"defaults"`
}

func runProject(e *env) int {
	fs := newFlagSet()
	fs.Bool("json", "help")
	fs.Value(projectFlags...)
	fs.Value("basis")
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("project: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["project"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("project: unexpected argument %q; inputs are flags such as --base-cost 40.7M", fs.Positional()[0])
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	in, err := planner.DefaultProjection(cat)
	if err != nil {
		return e.fail("project: %v", err)
	}
	given := map[string]string{}
	for _, name := range projectFlags {
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
		case "base-cost":
			in.BaseCostUSD, in.BaseModel = v, ""
		case "growth":
			in.Growth = v
		case "growth-low":
			in.GrowthLow = v
		case "growth-high":
			in.GrowthHigh = v
		case "base-year", "until":
			if v != math.Trunc(v) || v < 1950 || v > 2400 {
				return e.usageError("--%s: %s is not accepted; accepted: a whole year from 1950 to 2400", name, s)
			}
			if name == "base-year" {
				in.BaseYear = int(v)
			} else {
				in.Until = int(v)
			}
		}
	}
	if s, ok := fs.Get("basis"); ok {
		given["basis"] = s
		in.Basis = s
	} else if fs.Has("base-cost") {
		in.Basis = planner.CostBasisAmortized
	}
	// Only --growth given: widen the catalogue's band to include it.
	if fs.Has("growth") && !fs.Has("growth-low") {
		in.GrowthLow = math.Min(in.GrowthLow, in.Growth)
	}
	if fs.Has("growth") && !fs.Has("growth-high") {
		in.GrowthHigh = math.Max(in.GrowthHigh, in.Growth)
	}
	r, err := planner.Project(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	out := projectOutput{ProjectionResult: r, Defaults: projectDefaults(fs, &in)}
	if fs.Has("json") {
		return writeJSON(e, out)
	}
	writeProjectTable(e.stdout, &out)
	return exitOK
}

// projectDefaults says which inputs came from the defaults.
func projectDefaults(fs *flagSet, in *planner.ProjectionInputs) []string {
	var d []string
	if !fs.Has("base-cost") {
		d = append(d, fmt.Sprintf("base cost: the catalogue's %s %s training cost, %s",
			in.BaseModel, in.Basis, planner.HumanUSD(in.BaseCostUSD)))
	}
	if !fs.Has("base-year") {
		d = append(d, fmt.Sprintf("base year: %d", in.BaseYear))
	}
	if !fs.Has("growth") {
		d = append(d, fmt.Sprintf("growth: the catalogue's %sx a year (Epoch AI)", planner.FormatNumber(in.Growth)))
	}
	if !fs.Has("growth-low") || !fs.Has("growth-high") {
		d = append(d, fmt.Sprintf("band: %s-%sx a year", planner.FormatNumber(in.GrowthLow), planner.FormatNumber(in.GrowthHigh)))
	}
	if !fs.Has("until") {
		d = append(d, fmt.Sprintf("until: %d", in.Until))
	}
	return d
}

func writeProjectTable(w io.Writer, out *projectOutput) {
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	fprintf(tw, "Year\tCost\tLow\tHigh\t\n")
	for _, y := range out.Years {
		fprintf(tw, "%d\t%s\t%s\t%s\t\n", y.Year, planner.HumanUSD(y.CostUSD), planner.HumanUSD(y.LowUSD), planner.HumanUSD(y.HighUSD))
	}
	tw.Flush() //nolint:errcheck // terminal output
	fprintf(w, "\nFirst year at or above (central; band high-growth to low-growth):\n")
	for i, k := range planner.ThresholdKeys {
		fprintf(w, "  %s: %s (%s to %s)\n", planner.HumanUSD(planner.Thresholds[i]), yearText(out.ThresholdYears[k], out.Inputs.Until),
			yearText(out.ThresholdYearsHigh[k], out.Inputs.Until), yearText(out.ThresholdYearsLow[k], out.Inputs.Until))
	}
	fprintf(w, "\nConventions:\n")
	for _, c := range out.Conventions {
		fprintf(w, "  - %s\n", c)
	}
	if len(out.Defaults) > 0 {
		fprintf(w, "Defaults used: %s\n", strings.Join(out.Defaults, "; "))
	}
}

func yearText(y *int, until int) string {
	if y == nil {
		return fmt.Sprintf("after %d", until)
	}
	return fmt.Sprint(*y)
}
