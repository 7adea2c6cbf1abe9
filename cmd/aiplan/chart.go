package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
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
of published runs). Scenarios default to the built-in set; the baseline to
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
	fs := newFlagSet()
	fs.Bool("help", "dark")
	fs.Value("scenarios", "method", "baseline", "scenario", "width", "height", "o", "output", "samples", "seed")
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("chart: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["chart"].usage)
		return exitOK
	}
	pos := fs.Positional()
	kinds := strings.Join(plot.KindNames(), ", ")
	if len(pos) != 1 {
		if len(pos) == 0 {
			return e.usageError("chart: KIND is required; accepted: %s", kinds)
		}
		return e.usageError("chart: unexpected argument %q; give one KIND (%s)", pos[1], kinds)
	}
	kind := plot.Kind(pos[0])
	uncertain := kind == plot.KindFan || kind == plot.KindTornado
	out, ok := fs.Get("o")
	if o2, ok2 := fs.Get("output"); ok2 && !uncertain {
		if ok {
			return e.usageError("-o: given twice (as -o and --output)")
		}
		out, ok = o2, true
	}
	if o2, ok2 := fs.Get("output"); uncertain && !ok && ok2 {
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
		s, ok := fs.Get(dim.name)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < dim.min || n > plot.MaxSide {
			return e.usageError("--%s: %q is not accepted; accepted: a whole number of pixels from %d to %d", dim.name, s, dim.min, plot.MaxSide)
		}
		*dim.v = n
	}
	if fs.Has("dark") {
		t := plot.Dark()
		opt.Theme = &t
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	path, _ := fs.Get("scenarios")
	f, err := loadScenarios(path)
	if err != nil {
		return e.usageError("--scenarios: %v", err)
	}
	in := plot.Input{Catalog: cat, Scenarios: f.Scenarios, Baseline: f.Baseline, Gap: f.Gap, Projection: f.Projection}
	if kind == plot.KindGapCompare {
		in.Bubble, in.Reported = f.BubbleList(), mustReported()
	}
	in.Method, _ = fs.Get("method")
	if b, ok := fs.Get("baseline"); ok {
		in.Baseline = b
	}
	in.Scenario, _ = fs.Get("scenario")
	if uncertain {
		var err error
		if in.Samples, in.Seed, err = samplesAndSeed(fs); err != nil {
			return e.usageError("%v", err)
		}
		in.Output, _ = fs.Get("output")
	} else {
		for _, f := range []string{"samples", "seed"} {
			if fs.Has(f) {
				return e.usageError("--%s: only for the fan and tornado charts", f)
			}
		}
	}
	ch, err := plot.Build(kind, in)
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

// samplesAndSeed reads --samples (default planner.DefaultSamples) and
// --seed (default 1), as estimate --uncertainty does.
func samplesAndSeed(fs *flagSet) (int, uint64, error) {
	n, seed := planner.DefaultSamples, uint64(1)
	if s, ok := fs.Get("samples"); ok {
		v, err := planner.ParseQuantity(s)
		if err != nil || v != math.Trunc(v) || v < 1 || v > planner.MaxSamples {
			return 0, 0, fmt.Errorf("--samples: %q is not accepted; accepted: a whole number 1 to %d", s, planner.MaxSamples)
		}
		n = int(v)
	}
	if s, ok := fs.Get("seed"); ok {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("--seed: %q is not accepted; accepted: a whole number 0 to %d", s, uint64(math.MaxUint64))
		}
		seed = v
	}
	return n, seed, nil
}
