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
	register("gap", command{
		summary: "the AI investment-versus-revenue gap (Sequoia's $200B / $600B question), year by year",
		usage: `aiplan gap [--preset sequoia-2023|sequoia-2024] [--dc-revenue USD] [--gpu-share F]
           [--margin F] [--ai-revenue USD] [--life YEARS] [--capex-growth X]
           [--revenue-growth X] [--years N] [--prior-vintages] [--json]

required revenue = data-centre revenue run-rate / GPU share of TCO / (1 - margin)
gap = required revenue - AI revenue, per year, over --years rows from the
preset's year (2023 or 2024). Flags override the preset (sequoia-2024 when
none is named); --ai-revenue replaces the revenue table's total. The presets
use a depreciation life of 1 year, flat capex and revenue, 5 rows.
With --life L > 1 each year's capex is spread over L years and only the
vintages from the first year on count, so the first years carry a fraction
of Cahn's figure; --prior-vintages also counts the vintages of the L - 1
years before (capex extrapolated backwards at --capex-growth): the steady
state, where flat capex needs Cahn's figure every year.
Quantities accept 150B, $150B, 50%, 2.4x, 1e9.`,
		run: runGap,
	})
}

// gapFlags are the numeric flags of 'aiplan gap', in usage order.
var gapFlags = []string{"dc-revenue", "gpu-share", "margin", "ai-revenue", "life",
	"capex-growth", "revenue-growth", "years"}

// gapPriorFlag is the boolean flag that sets GapInputs.PriorVintages.
const gapPriorFlag = "prior-vintages"

func runGap(e *env) int {
	fs := newFlagSet()
	fs.Bool("json", "help", gapPriorFlag)
	fs.Value("preset")
	fs.Value(gapFlags...)
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("gap: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["gap"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("gap: unexpected argument %q; inputs are flags such as --dc-revenue 150B", fs.Positional()[0])
	}
	in, given, code, ok := gapFromFlags(e, fs)
	if !ok {
		return code
	}
	r, err := planner.EvaluateGap(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	if fs.Has("json") {
		return writeJSON(e, r)
	}
	writeGapTable(e.stdout, &r)
	return exitOK
}

// gapFromFlags builds the gap inputs from --preset, the gap flags and
// --prior-vintages (which the caller declares as a boolean flag): the
// inputs, the flags given as typed (for cliFieldError), and, when ok is
// false, the exit code after the error has been reported.
func gapFromFlags(e *env, fs *flagSet) (in planner.GapInputs, given map[string]string, code int, ok bool) {
	cat, ok := e.catalog()
	if !ok {
		return in, nil, exitFail, false
	}
	preset, _ := fs.Get("preset")
	if preset == "" {
		preset = planner.GapPreset2024
	}
	in, err := planner.GapPreset(cat, preset)
	if err != nil {
		if planner.ErrField(err) == "preset" {
			return in, nil, e.usageError("--preset: %q is not accepted; accepted: %s", preset,
				strings.Join(planner.GapPresetIDs(), ", ")), false
		}
		return in, nil, e.fail("gap: %v", err), false
	}
	if fs.Has(gapPriorFlag) {
		in.PriorVintages = true
	}
	given = map[string]string{}
	for _, name := range gapFlags {
		s, ok := fs.Get(name)
		if !ok {
			continue
		}
		given[name] = s
		v, err := planner.ParseQuantity(s)
		if err != nil {
			return in, nil, e.usageError("--%s: %v", name, err), false
		}
		switch name {
		case "dc-revenue":
			in.DCRevenueUSD = v
		case "gpu-share":
			in.GPUShare = v
		case "margin":
			in.Margin = v
		case "ai-revenue":
			in.AIRevenueUSD = &v
		case "life":
			in.LifeYears = v
		case "capex-growth":
			in.CapexGrowth = v
		case "revenue-growth":
			in.RevenueGrowth = v
		case "years":
			if v != math.Trunc(v) || v < 1 || v > 200 {
				return in, nil, e.usageError("--years: %s is not accepted; accepted: a whole number from 1 to 200", s), false
			}
			in.Years = int(v)
		}
	}
	return in, given, exitOK, true
}

// cliFieldError turns a planner *FieldError into "--flag: VALUE is not
// accepted; accepted: ...", quoting the value as the user typed it.
func cliFieldError(err error, given map[string]string) string {
	var fe *planner.FieldError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	v := fe.Value
	if s, ok := given[fe.Field]; ok {
		v = s
	}
	if v == "" {
		return fmt.Sprintf("--%s: %s", fe.Field, fe.Msg)
	}
	return fmt.Sprintf("--%s: %s is not accepted; %s", fe.Field, v, fe.Msg)
}

// writeGapTable prints the identity, the revenue table and the yearly rows.
func writeGapTable(w io.Writer, r *planner.GapResult) {
	in := &r.Inputs
	name := in.Preset
	if name == "" {
		name = "custom"
	}
	fprintf(w, "Gap model (%s), first year %d\n", name, in.Year)
	fprintf(w, "  run-rate %s / GPU share %s = data-centre cost %s / (1 - margin %s) = %s needed per year of capex\n\n",
		planner.HumanUSD(in.DCRevenueUSD), planner.HumanPercent(in.GPUShare), planner.HumanUSD(r.DataCentreCostUSD),
		planner.HumanPercent(in.Margin), planner.HumanUSD(r.VintageRevenueUSD))

	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fprintf(tw, "AI revenue (first year)\t\t\n")
	for _, it := range r.Revenue {
		fprintf(tw, "  %s\t%s\t\n", it.Name, planner.HumanUSD(it.USD))
	}
	fprintf(tw, "  Listed items\t%s\tgap against them %s\t\n", planner.HumanUSD(r.ItemisedRevenueUSD), planner.HumanUSD(r.ItemisedGapUSD))
	if r.OtherRevenueUSD != 0 {
		fprintf(tw, "  Table total\t%s\t\n", planner.HumanUSD(r.TableRevenueUSD))
	}
	if r.RevenueOverridden {
		fprintf(tw, "  --ai-revenue (replaces the total)\t%s\t\n", planner.HumanUSD(r.AIRevenueUSD))
	}
	tw.Flush() //nolint:errcheck // terminal output

	tw = tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	fprintf(tw, "\nYear\tRequired\tAI revenue\tGap\tCumulative gap\t\n")
	for _, y := range r.Years {
		fprintf(tw, "%d\t%s\t%s\t%s\t%s\t\n", y.Year, planner.HumanUSD(y.RequiredRevenueUSD),
			planner.HumanUSD(y.RevenueUSD), planner.HumanUSD(y.GapUSD), planner.HumanUSD(y.CumulativeGapUSD))
	}
	tw.Flush() //nolint:errcheck // terminal output

	last := r.Years[len(r.Years)-1].Year
	if r.ClosesYear != nil {
		fprintf(w, "\nCloses: %d (%d years after %d)\n", *r.ClosesYear, *r.YearsToClose, in.Year)
	} else {
		fprintf(w, "\nCloses: not within the horizon (%d-%d)\n", in.Year, last)
	}
	if r.GapToRevenue != nil {
		fprintf(w, "Gap / AI revenue, first year: %.2f\n", *r.GapToRevenue)
	} else {
		fprintf(w, "Gap / AI revenue, first year: n/a (no revenue)\n")
	}
	fprintf(w, "\nConventions:\n")
	for _, c := range r.Conventions {
		fprintf(w, "  - %s\n", c)
	}
}
