package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"aiplan/planner"
)

func init() {
	register("tornado", command{
		summary: "rank a scenario's uncertain inputs by the swing they cause in one output",
		usage: `aiplan tornado [scenario flags] [--range NAME=LOW,LIKELY,HIGH[,DIST] ...] [--output PATH] [--json]
aiplan tornado --gap [gap flags] [--output gapUSD|cumulativeGapUSD] [--json]

Each uncertain input (default ranges from the catalogue evidence, or --range)
is set to its low and its high with the others at their likely value; inputs
are listed by the swing in --output (default costUSD.cloud): any estimate
--json path such as gpuHours, wallClockDays, emissionsTCO2e, costUSD.amortized,
or one under withExperiments.

With --gap the inputs are those of 'aiplan gap' (--preset, --dc-revenue,
--gpu-share, --margin, --ai-revenue, --life, --capex-growth, --revenue-growth,
--years, --prior-vintages) and the output is the first year's gap (gapUSD, the default) or the
cumulative gap of the last year (cumulativeGapUSD). The run-rate, GPU share,
margin, AI revenue, life and growths take the catalogue's default ranges; a
flag you give gets a spread centred on its value.`,
		run: runTornado,
	})
}

// uncertainReport is an estimate report with its Monte Carlo summary.
type uncertainReport struct {
	planner.Report
	Uncertainty *planner.Uncertainty `json:"uncertainty,omitempty"`
}

// mcFlags are the Monte Carlo flags of estimate.
type mcFlags struct {
	on      bool
	samples int
	seed    uint64
	ranges  map[string]planner.Range
}

// mcFlagSet holds the declared Monte Carlo flags until they are read.
type mcFlagSet struct {
	f      *flags
	on     *bool
	mc     *mcOptions
	ranges *[]string
}

// mcOptions are --samples and --seed (estimate --uncertainty, chart fan
// and tornado).
type mcOptions struct {
	f             *flags
	samples, seed *string
}

func declareMCOptions(f *flags) *mcOptions {
	return &mcOptions{f: f, samples: f.String("samples"), seed: f.String("seed")}
}

// read returns --samples (default planner.DefaultSamples) and --seed
// (default 1).
func (o *mcOptions) read() (int, uint64, error) {
	n, seed := planner.DefaultSamples, uint64(1)
	if o.f.Has("samples") {
		v, err := planner.ParseQuantity(*o.samples)
		if err != nil || v != math.Trunc(v) || v < 1 || v > planner.MaxSamples {
			return 0, 0, fmt.Errorf("--samples: %q is not accepted; accepted: a whole number 1 to %d", *o.samples, planner.MaxSamples)
		}
		n = int(v)
	}
	if o.f.Has("seed") {
		v, err := strconv.ParseUint(*o.seed, 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("--seed: %q is not accepted; accepted: a whole number 0 to %d", *o.seed, uint64(math.MaxUint64))
		}
		seed = v
	}
	return n, seed, nil
}

func declareUncertaintyFlags(f *flags) *mcFlagSet {
	return &mcFlagSet{f: f, on: f.Bool("uncertainty"), mc: declareMCOptions(f), ranges: f.List("range")}
}

// rangesFromFlags reads every --range NAME=LOW,LIKELY,HIGH[,DIST].
func rangesFromFlags(list []string) (map[string]planner.Range, error) {
	var ranges map[string]planner.Range
	for _, s := range list {
		name, spec, ok := strings.Cut(s, "=")
		if !ok || planner.FieldByKey(name) == nil {
			return nil, fmt.Errorf("--range: %q is not accepted; accepted: NAME=LOW,LIKELY,HIGH[,DIST] with NAME one of %s",
				s, strings.Join(planner.FieldKeys(), ", "))
		}
		if _, dup := ranges[name]; dup {
			return nil, fmt.Errorf("--range: %s is given twice", name)
		}
		r, err := planner.ParseRange(name, spec)
		if err != nil {
			return nil, fmt.Errorf("--range: %v", err)
		}
		if ranges == nil {
			ranges = map[string]planner.Range{}
		}
		ranges[name] = r
	}
	return ranges, nil
}

func (m *mcFlagSet) read() (mcFlags, error) {
	mc := mcFlags{on: *m.on}
	var err error
	if mc.samples, mc.seed, err = m.mc.read(); err != nil {
		return mc, err
	}
	if mc.ranges, err = rangesFromFlags(*m.ranges); err != nil {
		return mc, err
	}
	if !mc.on {
		for _, name := range []string{"samples", "seed", "range"} {
			if m.f.Has(name) {
				return mc, fmt.Errorf("--%s: needs --uncertainty", name)
			}
		}
	}
	return mc, nil
}

func (mc *mcFlags) run(cat *planner.Catalog, sc *planner.Scenario) (*planner.Uncertainty, error) {
	sim, err := planner.NewSimulation(cat, sc)
	if err != nil {
		return nil, err
	}
	return sim.Run(context.Background(), planner.Options{Samples: mc.samples, Seed: mc.seed})
}

// rangeFlagError names --range for a range the simulation refused.
func rangeFlagError(err error) string {
	if f := planner.ErrField(err); f != "" {
		return "--range: " + err.Error()
	}
	return err.Error()
}

// writeUncertainty prints P50 with the P10-P90 band of each output.
func writeUncertainty(w io.Writer, u *planner.Uncertainty) {
	if u == nil {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fprintf(tw, "\nUncertainty (%d samples, seed %d)\tP50\tP10 - P90\n", u.Samples, u.Seed)
	for _, o := range planner.Outputs {
		q, ok := u.Totals[o.Path]
		if !ok || q.P10 == q.P90 {
			continue
		}
		fprintf(tw, "%s\t%s\t%s - %s\n", o.Label, planner.Human(o.Path, q.P50), planner.Human(o.Path, q.P10), planner.Human(o.Path, q.P90))
	}
	fprintf(tw, "\nRanges\t\t\n")
	for _, in := range u.Inputs {
		src := in.Source
		if src == "" {
			src = "assumption"
		}
		fprintf(tw, "  %s\t%s / %s / %s\t%s, %s\n", in.Key, planner.FormatQuantity(in.Range.Low), planner.FormatQuantity(in.Range.Likely),
			planner.FormatQuantity(in.Range.High), in.Range.Dist, src)
	}
	tw.Flush() //nolint:errcheck // terminal output
}

func runTornado(e *env) int {
	if hasGapFlag(e.args) {
		return runGapTornado(e)
	}
	f := newFlags()
	asJSON := f.Bool("json")
	output := f.String("output")
	rangeList := f.List("range")
	inputs := declareScenarioFlags(f)
	if code, done := e.parseOnly("tornado", f, "inputs are flags such as --params 175B"); done {
		return code
	}
	if !f.Has("output") {
		*output = "costUSD.cloud"
	}
	ranges, err := rangesFromFlags(*rangeList)
	if err != nil {
		return e.usageError("%v", err)
	}
	sc := inputs.scenario("")
	sc.Ranges = ranges
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	if _, err := planner.Resolve(cat, &sc); err != nil {
		return e.usageError("%s", flagError(err))
	}
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		return e.usageError("%s", rangeFlagError(err))
	}
	t, err := sim.Tornado(*output)
	if err != nil {
		return e.usageError("--output: %v", strings.TrimPrefix(err.Error(), "output: "))
	}
	if *asJSON {
		return writeJSON(e, t)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fprintf(tw, "%s (%s) with every input at its likely value: %s\n\n", t.Label, t.Output, planner.Human(planner.OutputPathOf(t.Output), t.Base))
	fprintf(tw, "Input\tLow -> output\tHigh -> output\tSwing\n")
	for _, b := range t.Bars {
		p := planner.OutputPathOf(t.Output)
		fprintf(tw, "%s\t%s -> %s\t%s -> %s\t%s\n", b.Key, planner.FormatQuantity(b.Low), planner.Human(p, b.OutputLow),
			planner.FormatQuantity(b.High), planner.Human(p, b.OutputHigh), planner.Human(p, b.Swing))
	}
	tw.Flush() //nolint:errcheck // terminal output
	return exitOK
}

// hasGapFlag reports whether args ask for the gap tornado (--gap before any
// "--").
func hasGapFlag(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if strings.HasPrefix(a, "-") && strings.TrimLeft(a, "-") == "gap" {
			return true
		}
	}
	return false
}

// runGapTornado is 'aiplan tornado --gap': the gap inputs by the swing they
// cause in the first-year or the cumulative gap.
func runGapTornado(e *env) int {
	fs := newFlags()
	fs.Bools("gap", "json", gapPriorFlag)
	fs.Texts("preset", "output")
	fs.Texts(gapFlags...)
	pos, code, done := e.parseFlags("tornado", fs)
	if done {
		return code
	}
	if code, done := e.noArgs("tornado --gap", pos, "inputs are flags such as --gpu-share 0.5"); done {
		return code
	}
	output := planner.GapOutputGap
	if s, ok := fs.Get("output"); ok {
		output = s
	}
	if !slices.Contains(planner.GapTornadoOutputs(), output) {
		return e.usageError("--output: %q is not accepted with --gap; accepted: %s", output,
			strings.Join(planner.GapTornadoOutputs(), ", "))
	}
	in, given, code, ok := gapFromFlags(e, fs)
	if !ok {
		return code
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	set := map[string]bool{}
	for name := range given {
		set[name] = true
	}
	vars, err := planner.GapUncertainInputs(cat, in, set)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	t, err := planner.GapTornado(in, vars, output)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	if fs.Has("json") {
		return writeJSON(e, t)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fprintf(tw, "%s (%s) with every input at its likely value: %s\n\n", t.Label, t.Output, planner.HumanUSD(t.Base))
	fprintf(tw, "Input\tLow -> output\tHigh -> output\tSwing\tSource\n")
	for _, b := range t.Bars {
		src := b.Source
		if d := cat.GapDefaultRange(b.Key); d != nil && d.IsAssumption() {
			src = catJoinKeys(src, "assumption")
		}
		fprintf(tw, "%s\t%s -> %s\t%s -> %s\t%s\t%s\n", b.Key, planner.FormatQuantity(b.Low), planner.HumanUSD(b.OutputLow),
			planner.FormatQuantity(b.High), planner.HumanUSD(b.OutputHigh), planner.HumanUSD(b.Swing), src)
	}
	tw.Flush() //nolint:errcheck // terminal output
	return exitOK
}
