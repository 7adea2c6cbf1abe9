package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"aiplan/export"
	"aiplan/internal/atomicfile"
	"aiplan/planner"
	"aiplan/plot"
)

func init() {
	register("export", command{
		summary: "write the scenarios as an Excel workbook with live formulas",
		usage: `aiplan export [FILE.aiplan] -o OUT.xlsx [--currency USD|EUR|GBP]
                    [--dollar-year YYYY [--deflator ppi-data-processing|cpi-u]]

Writes the scenario file (no FILE: the built-in default scenarios) as an
Excel workbook: Summary, Assumptions, Model (every output a live formula),
Provenance, Bubble gap and Projection (formulas; the catalogue preset and
default when the file has none), Uncertainty (Monte Carlo P10/P50/P90 and a
cloud-cost tornado, 10,000 samples, seed 1, for the first 50 scenarios;
left out above 200 scenarios), Charts (pictures), Sources and About.
The workbook is written only when complete (temp file and rename); -o -
writes it to standard output. 'aiplan import' reads it back.
--currency (or the file's "currency" setting) adds a sheet "Summary EUR"
(or "Summary 2024 USD", ...): the Summary's money rows x the live rate
cell RateEUR/RateGBP of the Currency sheet (ECB annual average of
--dollar-year, else of the latest full year), and with --dollar-year each
cost x the index factor from its price's catalogue year. The Model keeps
USD, as its keys say.`,
		run: runExport,
	})
}

func runExport(e *env) int {
	var money func(string) (string, bool)
	pos, out, code, done := e.parseOutputCommandWith("export", "OUT.xlsx", "the workbook to write",
		func(f *flags) { money = declareCurrencyFlags(f) })
	if done {
		return code
	}
	if len(pos) > 1 {
		return e.usageError("export: unexpected argument %q; give one scenario file", pos[1])
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	set, err := loadScenarios(path)
	if err != nil {
		return e.usageError("export: %v", err)
	}
	if err := exportCurrency(set, money); err != nil {
		return e.usageError("export: %v", err)
	}
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, set, cat, appVersion()); err != nil {
		var se *export.ScenarioError
		if errors.As(err, &se) {
			return e.usageError("export: scenario %q: %s", se.Name, flagError(se.Err))
		}
		return e.fail("%v", err)
	}
	return writeOutput(e, out, buf.Bytes())
}

// outputFlags are -o and its long form --output.
type outputFlags struct{ o, output *string }

func declareOutputFlags(f *flags) outputFlags {
	return outputFlags{o: f.String("o"), output: f.String("output")}
}

// parseOutputCommand parses the flags of a command whose only flag is -o
// (--output): the positional arguments and the output path; -o missing is
// a usage error naming what to give (form) and what it is (what).
func (e *env) parseOutputCommand(name, form, what string) (pos []string, out string, code int, done bool) {
	return e.parseOutputCommandWith(name, form, what, nil)
}

// parseOutputCommandWith is parseOutputCommand with more flags: declare
// (when not nil) declares them on the flag set before parsing.
func (e *env) parseOutputCommandWith(name, form, what string, declare func(*flags)) (pos []string, out string, code int, done bool) {
	f := newFlags()
	o := declareOutputFlags(f)
	if declare != nil {
		declare(f)
	}
	if pos, code, done = e.parseFlags(name, f); done {
		return nil, "", code, true
	}
	out, ok := o.path()
	if !ok {
		return nil, "", e.usageError("%s: -o %s is required (%s; - for standard output)", name, form, what), true
	}
	return pos, out, exitOK, false
}

// path returns the -o / --output value.
func (f outputFlags) path() (string, bool) {
	for _, v := range []string{*f.o, *f.output} {
		if v != "" {
			return v, true
		}
	}
	return "", false
}

// writeOutput writes data to standard output ("-") or atomically to path
// (internal/atomicfile). A write error to standard output is reported by
// run; one to a file names the file.
func writeOutput(e *env, path string, data []byte) int {
	err := atomicfile.Stream(path, e.stdout, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil && path != atomicfile.Stdout {
		return e.fail("%v", err)
	}
	return exitOK
}

// appVersion is the version from FyneApp.toml, or "dev".
func appVersion() string {
	meta, err := appMetadata()
	if err != nil || meta.Version == "" {
		return "dev"
	}
	return meta.Version
}

// writeWorkbook writes the workbook of set with its charts and, for sets of
// at most export.UncertaintySetMax scenarios, the Uncertainty sheet: the
// export of both the command and the window.
func writeWorkbook(w io.Writer, set *planner.File, cat *planner.Catalog, version string) error {
	charts, err := workbookCharts(set, cat)
	if err != nil {
		return err
	}
	cur, err := workbookCurrency(set)
	if err != nil {
		return err
	}
	return export.Write(w, set, cat, export.Options{Clock: time.Now, AppVersion: version, Charts: charts,
		Uncertainty: len(set.Scenarios) <= export.UncertaintySetMax, Currency: cur})
}

// chartScenarios is the most scenarios the breakdown and compare pictures
// show.
const chartScenarios = export.ChartMax

// workbookCharts draws the Charts sheet's pictures (1200 x 700 PNG): the
// cloud cost breakdown and the comparison of the first chartScenarios
// scenarios, the first scenario on every energy source, the bubble gap by
// year and its waterfall, and the training-cost projection. A scenario
// that does not evaluate is the caller's error (export.Write names it), so
// its charts are left out rather than failing here.
func workbookCharts(set *planner.File, cat *planner.Catalog) ([]export.Image, error) {
	if len(set.Scenarios) == 0 {
		return nil, nil
	}
	scs := set.Scenarios[:min(len(set.Scenarios), chartScenarios)]
	some := ""
	if len(scs) < len(set.Scenarios) {
		some = fmt.Sprintf(" (first %d of %d scenarios)", len(scs), len(set.Scenarios))
	}
	baseline := set.Baseline
	if !slices.ContainsFunc(scs, func(sc planner.Scenario) bool { return sc.Name == baseline }) {
		baseline = ""
	}
	in := plot.Input{Catalog: cat, Scenarios: scs, Method: "cloud", Baseline: baseline,
		Scenario: set.Scenarios[0].Name, Gap: set.Gap, Projection: set.Projection}
	charts := []struct {
		kind  plot.Kind
		title string
	}{
		{plot.KindBreakdown, "Cost breakdown, cloud rent" + some},
		{plot.KindCompare, "Scenario comparison" + some},
		{plot.KindEnergySources, "Energy sources: " + set.Scenarios[0].Name},
		{plot.KindGap, "Bubble gap by year"},
		{plot.KindWaterfall, "Bubble gap waterfall"},
		{plot.KindProjection, "Frontier training-cost projection"},
	}
	var out []export.Image
	for _, c := range charts {
		ch, err := plot.Build(c.kind, in)
		var se *plot.ScenarioError
		if errors.As(err, &se) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.kind, err)
		}
		var b bytes.Buffer
		if err := plot.Render(ch, plot.PNG, plot.Options{Width: 1200, Height: 700}, &b); err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.kind, err)
		}
		out = append(out, export.Image{Title: c.title, PNG: b.Bytes()})
	}
	return out, nil
}
