package main

import (
	"text/tabwriter"

	"aiplan/planner"
)

func init() {
	register("backtest", command{
		summary: "compare the planner with published training disclosures",
		usage: `aiplan backtest [--json]

Evaluates every published run of the catalogue in informed mode (disclosed
GPU-hours, power, PUE and grid) and blind mode (size, tokens and hardware
only, MFU at Epoch's median) and prints the % error against each reported
figure.`,
		run: runBacktest,
	})
}

func runBacktest(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	if code, done := e.parseOnly("backtest", f, ""); done {
		return code
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	rows, err := planner.Backtest(cat)
	if err != nil {
		return e.fail("backtest: %v", err)
	}
	if *asJSON {
		return writeJSON(e, rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fprintf(tw, "Run\tYear\tFigure\tReported\tInformed\terr\tBlind\terr\tSource\n")
	for _, r := range rows {
		fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, r.Year, r.Label,
			planner.Human(r.Metric, r.Reported), human(r.Metric, r.Informed), pct(r.InformedErr),
			human(r.Metric, r.Blind), pct(r.BlindErr), r.ReportedSource)
	}
	fprintf(tw, "\nerr = (predicted - reported) / reported. Informed uses disclosed GPU-hours and power;\n")
	fprintf(tw, "blind uses only size, tokens and hardware with MFU at the catalogue default.\n")
	tw.Flush() //nolint:errcheck // terminal output
	return exitOK
}

func human(path string, m planner.Maybe) string {
	if !m.Valid {
		return "-"
	}
	return planner.Human(path, m.Value)
}

func pct(m planner.Maybe) string {
	if !m.Valid {
		return "-"
	}
	s := planner.FormatNumber(float64(int64(m.Value*10+copysignHalf(m.Value))) / 10)
	if m.Value >= 0 {
		s = "+" + s
	}
	return s + "%"
}

func copysignHalf(v float64) float64 {
	if v < 0 {
		return -0.5
	}
	return 0.5
}
