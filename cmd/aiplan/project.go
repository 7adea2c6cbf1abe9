package main

import (
	"errors"
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

// projectOutput is the JSON of 'aiplan project': the projection plus the
// defaults it used.
type projectOutput struct {
	planner.ProjectionResult
	Defaults []string `json:"defaults"`
}

func runProject(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	basis := f.String("basis")
	var baseCost, growth, growthLow, growthHigh, baseYear, until float64
	given := typedFlags{}
	given.quantity(f, "base-cost", &baseCost, nil)
	given.quantity(f, "growth", &growth, nil)
	given.quantity(f, "growth-low", &growthLow, nil)
	given.quantity(f, "growth-high", &growthHigh, nil)
	for _, y := range []struct {
		name string
		p    *float64
	}{{"base-year", &baseYear}, {"until", &until}} {
		given.quantity(f, y.name, y.p, func(v float64) error {
			if v != math.Trunc(v) || v < 1950 || v > 2400 {
				return errors.New("accepted: a whole year from 1950 to 2400")
			}
			return nil
		})
	}
	money := declareCurrencyFlags(f)
	if code, done := e.parseOnly("project", f, "inputs are flags such as --base-cost 40.7M"); done {
		return code
	}
	moneyBasis, err := nominalCurrencyFromFlags("project", money)
	if err != nil {
		return e.usageError("%v", err)
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	in, err := planner.DefaultProjection(cat)
	if err != nil {
		return e.fail("project: %v", err)
	}
	if f.Has("base-cost") {
		in.BaseCostUSD, in.BaseModel, in.Basis = baseCost, "", planner.CostBasisAmortized
	}
	setIf(f, "growth", &in.Growth, growth)
	setIf(f, "growth-low", &in.GrowthLow, growthLow)
	setIf(f, "growth-high", &in.GrowthHigh, growthHigh)
	if f.Has("base-year") {
		in.BaseYear = int(baseYear)
	}
	if f.Has("until") {
		in.Until = int(until)
	}
	if f.Has("basis") {
		given["basis"] = *basis
		in.Basis = *basis
	}
	// Only --growth given: widen the catalogue's band to include it.
	if f.Has("growth") && !f.Has("growth-low") {
		in.GrowthLow = math.Min(in.GrowthLow, in.Growth)
	}
	if f.Has("growth") && !f.Has("growth-high") {
		in.GrowthHigh = math.Max(in.GrowthHigh, in.Growth)
	}
	r, err := planner.Project(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	out := projectOutput{ProjectionResult: r, Defaults: projectDefaults(f, &in)}
	if *asJSON {
		return writeMoneyJSON(e, out, moneyBasis)
	}
	writeProjectTable(e.stdout, &out)
	return exitOK
}

// projectDefaults says which inputs came from the defaults.
func projectDefaults(f *flags, in *planner.ProjectionInputs) []string {
	var d []string
	if !f.Has("base-cost") {
		d = append(d, fmt.Sprintf("base cost: the catalogue's %s %s training cost, %s",
			in.BaseModel, in.Basis, planner.HumanUSD(in.BaseCostUSD)))
	}
	if !f.Has("base-year") {
		d = append(d, fmt.Sprintf("base year: %d", in.BaseYear))
	}
	if !f.Has("growth") {
		d = append(d, fmt.Sprintf("growth: the catalogue's %sx a year (Epoch AI)", planner.FormatNumber(in.Growth)))
	}
	if !f.Has("growth-low") || !f.Has("growth-high") {
		d = append(d, fmt.Sprintf("band: %s-%sx a year", planner.FormatNumber(in.GrowthLow), planner.FormatNumber(in.GrowthHigh)))
	}
	if !f.Has("until") {
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
