package main

import (
	"io"
	"text/tabwriter"

	"aiplan/assets"
	"aiplan/planner"
)

func init() {
	register("backtest", command{
		summary: "compare the planner with published training disclosures",
		usage: `aiplan backtest [--json] [--calibration]

Evaluates every published run of the catalogue in informed mode (disclosed
GPU-hours, power, PUE and grid) and blind mode (size, tokens and hardware
only, MFU at Epoch's median) and prints the % error against each reported
figure, then the calibration panel: how often the blind P10-P90 GPU-hours
band (nominal 80%) holds the reported figure, for the former uniform
20-52% MFU range and for the MFU prior (leave-one-out on the development
set, and on the catalogue's runs, which the fit never saw), with each run's
band and reported value.

  --calibration   print only the calibration panel (with --json: as JSON)`,
		run: runBacktest,
	})
}

func runBacktest(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	onlyCalibration := f.Bool("calibration")
	if code, done := e.parseOnly("backtest", f, ""); done {
		return code
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	ds, err := assets.DevRuns()
	if err != nil {
		return e.fail("backtest: %v", err)
	}
	panel, err := planner.CalibrateMFU(cat, ds)
	if err != nil {
		return e.fail("backtest: %v", err)
	}
	if *onlyCalibration {
		if *asJSON {
			return writeJSON(e, panel)
		}
		writeCalibration(e.stdout, panel)
		return exitOK
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
	fprintf(e.stdout, "\n")
	writeCalibration(e.stdout, panel)
	return exitOK
}

// writeCalibration prints the calibration panel: the summary of each
// method, then each run's band with its reported GPU-hours.
func writeCalibration(w io.Writer, p *planner.MFUCalibrationPanel) {
	fprintf(w, "Calibration of the blind GPU-hours band (P10-P90, nominal %.0f%% inside)\n", p.After.Nominal*100)
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fprintf(tw, "Method\tRuns\tInside\tMedian P90/P10\tWidest\n")
	for _, c := range []*planner.Calibration{p.Before, p.After, p.Catalogue} {
		fprintf(tw, "%s\t%d\t%.0f%%\t%.2f\t%.2f\n", c.Method, len(c.Rows), c.Coverage*100, c.MedianRatio, c.WidestRatio)
	}
	tw.Flush() //nolint:errcheck // terminal output
	for _, c := range []*planner.Calibration{p.After, p.Catalogue} {
		fprintf(w, "\n%s: each run's band and reported GPU-hours\n", c.Method)
		tw = tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fprintf(tw, "Run\tP10\tMedian\tP90\tReported\tRealised MFU\tInside\n")
		for _, r := range c.Rows {
			mark := "yes"
			if !r.Inside {
				mark = "NO"
			}
			fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, planner.Human("gpuHours", r.Low), planner.Human("gpuHours", r.Median),
				planner.Human("gpuHours", r.High), planner.Human("gpuHours", r.Reported), planner.HumanPercent(r.RealisedMFU), mark)
		}
		tw.Flush() //nolint:errcheck // terminal output
	}
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
