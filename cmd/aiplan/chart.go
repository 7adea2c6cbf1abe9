package main

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"aiplan/internal/atomicfile"
	"aiplan/planner"
	"aiplan/plot"
)

func init() {
	register("chart", command{
		summary: "draw a chart (breakdown, compare, energy-sources, backtest, fan, tornado, ...) to PNG or SVG",
		usage: `aiplan chart KIND [--scenarios FILE] [--method cloud|amortized|purchase]
           [--baseline NAME] [--scenario NAME] [--width W --height H] [--dark] -o OUT.png|OUT.svg
       aiplan chart fan|tornado [--scenarios FILE] [--scenario NAME] [--output PATH]
           [--samples N --seed S] -o OUT.png|OUT.svg

KIND is one of: breakdown (cost components per scenario), compare (headline
metrics against a baseline scenario), energy-sources (carbon and water of one
scenario on every energy source), backtest (predicted against reported figures
of published runs), industry (a capex series as a GW build-out with its TWh
and water; see aiplan industry). Scenarios default to the built-in set; the baseline to
the file's baseline; --scenario (energy-sources, fan, tornado) to the
baseline. fan is the Monte Carlo distribution of one output (--output, an
estimate --json path such as costUSD.cloud, the default, gpuHours or
emissionsTCO2e) with P10, P50, P90 and the point estimate; tornado ranks
the scenario's uncertain inputs by the swing they cause in it. For these two
--output names the output, so the file is given with -o. Size
defaults to 1200 x 700 pixels. The file is written whole or not at all.`,
		run: runChart,
	})
}

func runChart(e *env) int {
	f := newFlags()
	dark := f.Bool("dark")
	str := map[string]*string{}
	for _, name := range []string{"scenarios", "method", "baseline", "scenario", "width", "height", "o", "output"} {
		str[name] = f.String(name)
	}
	mco := declareMCOptions(f)
	pos, code, done := e.parseFlags("chart", f)
	if done {
		return code
	}
	kinds := strings.Join(plot.KindNames(), ", ")
	if len(pos) != 1 {
		if len(pos) == 0 {
			return e.usageError("chart: KIND is required; accepted: %s", kinds)
		}
		return e.usageError("chart: unexpected argument %q; give one KIND (%s)", pos[1], kinds)
	}
	kind := plot.Kind(pos[0])
	uncertain := kind == plot.KindFan || kind == plot.KindTornado
	out, ok := *str["o"], f.Has("o")
	if o2, ok2 := *str["output"], f.Has("output"); ok2 && !uncertain {
		if ok {
			return e.usageError("-o: given twice (as -o and --output)")
		}
		out, ok = o2, true
	}
	if o2, ok2 := *str["output"], f.Has("output"); uncertain && !ok && ok2 {
		if _, isFile := plot.FormatFromPath(o2); isFile {
			return e.usageError("--output: %q is not accepted; for %s, --output names the output to chart (such as costUSD.cloud) and -o the file", o2, kind)
		}
	}
	if !ok || out == "" {
		return e.usageError("-o: an output file is required; accepted: a path ending in .png or .svg")
	}
	format, ok := plot.FormatFromPath(out)
	if !ok {
		return e.usageError("-o: %q is not accepted; accepted: a path ending in .png or .svg", out)
	}
	opt := plot.Options{Width: 1200, Height: 700}
	for _, dim := range []struct {
		name string
		v    *int
		min  int
	}{{"width", &opt.Width, plot.MinWidth}, {"height", &opt.Height, plot.MinHeight}} {
		s := *str[dim.name]
		if !f.Has(dim.name) {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < dim.min || n > plot.MaxSide {
			return e.usageError("--%s: %q is not accepted; accepted: a whole number of pixels from %d to %d", dim.name, s, dim.min, plot.MaxSide)
		}
		*dim.v = n
	}
	if *dark {
		t := plot.Dark()
		opt.Theme = &t
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	set, err := loadScenarios(*str["scenarios"])
	if err != nil {
		return e.usageError("--scenarios: %v", err)
	}
	in := plot.Input{Catalog: cat, Scenarios: set.Scenarios, Baseline: set.Baseline, Gap: set.Gap, Projection: set.Projection}
	if kind == plot.KindGapCompare {
		in.Bubble, in.Reported = set.BubbleList(), mustReported()
	}
	in.Method = *str["method"]
	if f.Has("baseline") {
		in.Baseline = *str["baseline"]
	}
	in.Scenario = *str["scenario"]
	if uncertain {
		var err error
		if in.Samples, in.Seed, err = mco.read(); err != nil {
			return e.usageError("%v", err)
		}
		in.Output = *str["output"]
	} else {
		for _, name := range []string{"samples", "seed"} {
			if f.Has(name) {
				return e.usageError("--%s: only for the fan and tornado charts", name)
			}
		}
	}
	var ch plot.Chart
	if kind == industryChartKind {
		ch, err = industryChart(cat)
	} else {
		ch, err = plot.Build(kind, in)
	}
	if err != nil {
		var se *plot.ScenarioError
		switch field := planner.ErrField(err); {
		case errors.As(err, &se):
			return e.usageError("--scenarios: %v", err)
		case field == "kind":
			return e.usageError("chart: KIND %q is not accepted; accepted: %s", pos[0], kinds)
		case field == "method" || field == "baseline" || field == "scenario" || field == "output" || field == "samples":
			return e.usageError("--%v", err)
		}
		return e.fail("chart: %v", err)
	}
	var buf bytes.Buffer
	if err := plot.Render(ch, format, opt, &buf); err != nil {
		return e.fail("chart: %v", err)
	}
	if err := atomicfile.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return e.fail("chart: %v", err)
	}
	return exitOK
}
