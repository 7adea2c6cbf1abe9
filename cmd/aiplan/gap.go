package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"aiplan/assets"
	"aiplan/planner"
)

func init() {
	register("gap", command{
		summary: "bubble-risk scenarios: the AI investment-versus-revenue gap by Cahn's, Kupperman's or Bain's method, year by year",
		usage: `aiplan gap [--preset ID | --method cahn|capex-return|capex-ratio|per-gw] [method flags]
           [--ai-revenue USD] [--capex-growth X] [--revenue-growth X] [--years N]
           [--currency USD|EUR|GBP] [--json]
aiplan gap --scenarios FILE [--currency USD|EUR|GBP] [--json]
aiplan gap --presets

Methods and their flags (a flag of another method is an error):
  cahn          (Cahn, Sequoia 2023/2024) required = run-rate / GPU share / (1 - margin)
                --dc-revenue USD --gpu-share F --margin F --life YEARS --prior-vintages
  capex-return  (Kupperman, Praetorian Capital 2025) required = (K / L + return x K) / gross margin
                --capex USD --life YEARS --return F --gross-margin F --prior-vintages
  capex-ratio   (Bain, Technology Report 2025) required = capex / ratio
                --capex USD --capex-revenue-ratio F
  per-gw        (installed capacity) required = GW x annual cost per GW / (1 - margin)
                --gw GW --annual-cost-per-gw USD --margin F
gap = required revenue - revenue, per year, over --years rows from the
preset's year. Flags override the preset (--preset; else the method's own:
cahn sequoia-2024, capex-return kupperman-2025, capex-ratio bain-2025).
--ai-revenue replaces the revenue table's total. With --life L > 1 each
year's capex is spread over L years and only the vintages from the first
year on count; --prior-vintages also counts the vintages of the L - 1 years
before (the steady state). coverageRatio = first-year AI revenue / AI capex
(null where the revenue side is not AI revenue). --scenarios FILE evaluates
every bubble-risk scenario of a .aiplan file (an older file's one gap model
counts as one). per-gw starts from the industry preset epoch-1gw-2026 (1 GW,
its annual cost of ownership per GW, about $8.5B) and Cahn's 50% margin,
from 2026; --capex-growth grows the installed GW. Every model also reports
its implied build-out: its capex in GW at the industry preset's capex per GW
($38B) and that build-out's TWh, tCO2e, water consumed and withdrawn a year
(JSON buildOut). --currency converts the JSON's USD figures at the ECB
annual average (nominal; --dollar-year is not applied here). Quantities
accept 150B, $150B, 50%, 2.4x, 1e9.`,
		run: runGap,
	})
}

// Flags of 'aiplan gap', in one block (gapFlags and gapPriorFlag are
// shared with 'aiplan tornado --gap').
var (
	// gapFlags are the numeric flags of the cahn gap model, in usage order.
	gapFlags = []string{"dc-revenue", "gpu-share", "margin", "ai-revenue", "life",
		"capex-growth", "revenue-growth", "years"}
	// gapMethodFlags are the numeric flags of the other methods.
	gapMethodFlags = []string{planner.GapKeyCapex, planner.GapKeyReturn, planner.GapKeyGrossMargin,
		planner.GapKeyCapexRevenueRatio, planner.GapKeyGW, planner.GapKeyAnnualCostPerGW}
	// gapChoiceFlags take a word or a path.
	gapChoiceFlags = []string{"preset", "method", "scenarios"}
	// gapBoolFlags are the switches.
	gapBoolFlags = []string{"json", "help", gapPriorFlag, "presets"}
)

// gapPriorFlag is the boolean flag that sets GapInputs.PriorVintages.
const gapPriorFlag = "prior-vintages"

func runGap(e *env) int {
	fs := newFlags()
	fs.Bools(gapBoolFlags...)
	fs.Texts(gapChoiceFlags...)
	fs.Texts(gapFlags...)
	fs.Texts(gapMethodFlags...)
	money := declareCurrencyFlags(fs)
	if code, done := e.parseOnly("gap", fs, "inputs are flags such as --dc-revenue 150B"); done {
		return code
	}
	basis, err := nominalCurrencyFromFlags("gap", money)
	if err != nil {
		return e.usageError("%v", err)
	}
	if fs.Has("presets") {
		return writeGapPresets(e, fs.Has("json"))
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	ind, _, err := gapIndustry(cat)
	if err != nil {
		return e.fail("gap: %v", err)
	}
	if path, ok := fs.Get("scenarios"); ok {
		return runGapScenarios(e, fs, path, ind, basis)
	}
	in, given, code, ok := gapFromFlags(e, fs)
	if !ok {
		return code
	}
	r, err := planner.EvaluateGap(in)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	g := withBuildOut(ind, "", r)
	if fs.Has("json") {
		return writeMoneyJSON(e, g, basis)
	}
	writeGapTable(e.stdout, &r)
	writeBuildOut(e.stdout, &g)
	basis.printText(e)
	return exitOK
}

// gapFromFlags builds the gap inputs from --preset or --method (when the
// caller declares it), the gap flags and --prior-vintages: the inputs, the
// flags given as typed (for cliFieldError), and, when ok is false, the exit
// code after the error has been reported.
func gapFromFlags(e *env, fs *flags) (in planner.GapInputs, given map[string]string, code int, ok bool) {
	cat, ok := e.catalog()
	if !ok {
		return in, nil, exitFail, false
	}
	rep, err := assets.Reported()
	if err != nil {
		return in, nil, e.fail("gap: %v", err), false
	}
	preset, hasPreset := fs.Get("preset")
	method, hasMethod := fs.Get("method")
	switch {
	case hasMethod && method == planner.MethodPerGW:
		if hasPreset {
			return in, nil, e.usageError("--preset: not accepted with --method per-gw (it starts from the industry preset %s)", gapBuildOutPreset), false
		}
		if in, err = perGWStart(cat); err != nil {
			return in, nil, e.fail("gap: %v", err), false
		}
		preset = planner.MethodPerGW
	case hasMethod:
		if preset, err = planner.MethodDefaultPreset(method); err != nil {
			return in, nil, e.usageError("--method: %q is not accepted; accepted: %s", method, strings.Join(planner.GapMethods(), ", ")), false
		}
		if p, _ := fs.Get("preset"); hasPreset {
			preset = p
		}
		fallthrough
	default:
		if preset == "" {
			preset = planner.GapPreset2024
		}
		in, err = planner.BubblePreset(cat, rep, preset)
	}
	if err != nil {
		if planner.ErrField(err) == "preset" {
			return in, nil, e.usageError("--preset: %q is not accepted; accepted: %s", preset,
				strings.Join(planner.BubblePresetIDs(), ", ")), false
		}
		return in, nil, e.fail("gap: %v", err), false
	}
	inMethod := planner.MethodCahn
	if in.Method != "" {
		inMethod = in.Method
	}
	if hasMethod && method != inMethod {
		return in, nil, e.usageError("--method: %s does not match --preset %s, a %s scenario; drop one of them", method, preset, inMethod), false
	}
	if code, ok := checkMethodFlags(e, fs, inMethod, preset, hasMethod); !ok {
		return in, nil, code, false
	}
	if fs.Has(gapPriorFlag) {
		in.PriorVintages = true
	}
	given = map[string]string{}
	for _, name := range append(append([]string{}, gapFlags...), gapMethodFlags...) {
		s, ok := fs.Get(name)
		if !ok {
			continue
		}
		given[name] = s
		v, err := planner.ParseQuantity(s)
		if err != nil {
			return in, nil, e.usageError("--%s: %v", name, err), false
		}
		if name == "years" && (v != math.Trunc(v) || v < 1 || v > 200) {
			return in, nil, e.usageError("--years: %s is not accepted; accepted: a whole number from 1 to 200", s), false
		}
		if err := in.SetInput(name, v); err != nil {
			return in, nil, e.usageError("--%s: %v", name, err), false
		}
	}
	if len(given) > 0 && in.Source != "" {
		in.Source += "; edited with flags"
	}
	return in, given, exitOK, true
}

// checkMethodFlags refuses a flag that belongs to another method than the
// scenario's, naming the flag and both methods.
func checkMethodFlags(e *env, fs *flags, method, preset string, hasMethod bool) (int, bool) {
	own := planner.MethodKeys(method)
	for _, name := range append(append([]string{gapPriorFlag}, gapFlags...), gapMethodFlags...) {
		if _, set := fs.Get(name); !set && !fs.Has(name) {
			continue
		}
		other := planner.MethodOf(name, method)
		if other == "" || slices.Contains(own, name) {
			continue
		}
		from := "--method " + method
		if !hasMethod {
			from = fmt.Sprintf("method %s (of --preset %s)", method, preset)
		}
		return e.usageError("--%s: belongs to method %s, not to %s; its flags: --%s", name, other, from,
			strings.Join(own, ", --")), false
	}
	return exitOK, true
}

// runGapScenarios evaluates every bubble-risk scenario of a file.
func runGapScenarios(e *env, fs *flags, path string, ind planner.IndustryInputs, basis moneyBasis) int {
	for _, name := range append(append([]string{"preset", "method", gapPriorFlag}, gapFlags...), gapMethodFlags...) {
		if _, set := fs.Get(name); set || fs.Has(name) {
			return e.usageError("--%s: not accepted with --scenarios (the file holds the inputs)", name)
		}
	}
	f, err := loadScenarios(path)
	if err != nil {
		return e.usageError("--scenarios: %v", err)
	}
	list := f.BubbleList()
	if len(list) == 0 {
		return e.usageError("--scenarios: %s has no bubble-risk scenarios (no bubbleScenarios and no gap)", path)
	}
	res, err := planner.EvaluateBubble(list)
	if err != nil {
		return e.usageError("--scenarios: %s: %v", path, err)
	}
	if fs.Has("json") {
		out := make([]gapJSON, len(res))
		for i := range res {
			out[i] = withBuildOut(ind, res[i].Name, res[i].GapResult)
		}
		return writeMoneyJSON(e, out, basis)
	}
	writeBubbleTable(e.stdout, planner.CompareBubble(res, f.BubbleBaseline))
	basis.printText(e)
	return exitOK
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
	fprintf(w, "Gap model (%s, method %s), first year %d\n", name, r.Method, in.Year)
	switch r.Method {
	case planner.MethodCapexReturn:
		fprintf(w, "  (capex %s / life %s years + return %s x capex) / gross margin %s = %s needed in the first year\n\n",
			planner.HumanUSD(in.CapexUSD), planner.FormatNumber(in.LifeYears), planner.HumanPercent(in.ReturnRate),
			planner.HumanPercent(in.GrossMargin), planner.HumanUSD(planner.KuppermanRequired(in.CapexUSD, in.LifeYears, in.ReturnRate, in.GrossMargin)))
	case planner.MethodPerGW:
		fprintf(w, "  %s GW x annual cost %s per GW = %s / (1 - margin %s) = %s needed in the first year\n\n",
			planner.HumanNumber(in.GW), planner.HumanUSD(in.AnnualCostPerGWUSD), planner.HumanUSD(r.DataCentreCostUSD),
			planner.HumanPercent(in.Margin), planner.HumanUSD(r.VintageRevenueUSD))
	case planner.MethodCapexRatio:
		fprintf(w, "  capex %s / capex-to-revenue ratio %s = %s needed per year\n\n",
			planner.HumanUSD(in.CapexUSD), planner.HumanPercent(in.CapexRevenueRatio), planner.HumanUSD(r.VintageRevenueUSD))
	default:
		fprintf(w, "  run-rate %s / GPU share %s = data-centre cost %s / (1 - margin %s) = %s needed per year of capex\n\n",
			planner.HumanUSD(in.DCRevenueUSD), planner.HumanPercent(in.GPUShare), planner.HumanUSD(r.DataCentreCostUSD),
			planner.HumanPercent(in.Margin), planner.HumanUSD(r.VintageRevenueUSD))
	}

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
	if r.CoverageRatio != nil {
		fprintf(w, "Coverage (AI revenue / AI capex %s), first year: %s\n", planner.HumanUSD(r.AICapexUSD), planner.HumanPercent(*r.CoverageRatio))
	} else {
		fprintf(w, "Coverage, first year: n/a (the revenue side is not AI revenue, or no capex)\n")
	}
	if in.Source != "" {
		fprintf(w, "Source: %s\n", in.Source)
	}
	fprintf(w, "\nConventions:\n")
	for _, c := range r.Conventions {
		fprintf(w, "  - %s\n", c)
	}
}

// writeBubbleTable prints the side-by-side indicator table, deltas against
// the baseline when one is set.
func writeBubbleTable(w io.Writer, rows []planner.BubbleRow) {
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fprintf(tw, "Scenario\tMethod\tYears\tRequired\tRevenue\tGap\tGap/revenue\tCumulative gap\tCloses\tCoverage\tGap vs baseline\t\n")
	for _, r := range rows {
		in := r.Indicators
		name := r.Name
		if r.Baseline {
			name += " (baseline)"
		}
		delta := ""
		if r.DeltaGapUSD != nil && !r.Baseline {
			delta = signedUSD(*r.DeltaGapUSD)
		}
		fprintf(tw, "%s\t%s\t%d-%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, in.Method, in.FirstYear, in.LastYear,
			planner.HumanUSD(in.RequiredUSD), planner.HumanUSD(in.RevenueUSD), planner.HumanUSD(in.GapUSD),
			optRatio(in.GapToRevenue, "%.2f"), planner.HumanUSD(in.CumulativeGapUSD), optYear(in.ClosesYear),
			optRatio(in.CoverageRatio, "pct"), delta)
	}
	tw.Flush() //nolint:errcheck // terminal output
}

func optRatio(v *float64, format string) string {
	switch {
	case v == nil:
		return "n/a"
	case format == "pct":
		return planner.HumanPercent(*v)
	}
	return fmt.Sprintf(format, *v)
}

func optYear(y *int) string {
	if y == nil {
		return "not within horizon"
	}
	return fmt.Sprint(*y)
}

func signedUSD(v float64) string {
	if v >= 0 {
		return "+" + planner.HumanUSD(v)
	}
	return "-" + planner.HumanUSD(-v)
}

// writeGapPresets lists the built-in bubble-risk presets.
func writeGapPresets(e *env, asJSON bool) int {
	if asJSON {
		return writeJSON(e, planner.BubblePresets())
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fprintf(tw, "ID\tMethod\tTitle\tSource\t\n")
	for _, p := range planner.BubblePresets() {
		fprintf(tw, "%s\t%s\t%s\t%s\t\n", p.ID, p.Method, p.Title, p.Source)
	}
	tw.Flush() //nolint:errcheck // terminal output
	return exitOK
}
