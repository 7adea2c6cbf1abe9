package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"

	"aiplan/planner"
	"aiplan/plot"
	"aiplan/report"
)

func init() {
	register("report", command{summary: "write a report of at most two pages (A4 or Letter PDF)", usage: reportUsage, run: runReport})
}

const reportUsage = `aiplan report [FILE.aiplan] -o OUT.pdf [--paper a4|letter]
           [--scenario NAME ...] [--max N]

Writes a printable report of at most two pages: the key figures of the
chosen scenarios (outputs as rows, scenarios as columns), the cost
breakdown and comparison charts, the bubble-risk chart of the file's gap
model, the assumptions that drive the baseline's cloud cost (the top of
its tornado) and the numbered sources. FILE defaults to the built-in
scenarios. --scenario (repeatable) names the scenarios to show, in order;
without it the baseline and the next scenarios up to --max (default and
most: 6). --paper is a4 (default) or letter. The file is written whole or
not at all; -o - writes the PDF to standard output.`

func runReport(e *env) int {
	f := newFlags()
	o := declareOutputFlags(f)
	paper, maxN, names := f.String("paper"), f.String("max"), f.List("scenario")
	pos, code, done := e.parseFlags("report", f)
	if done {
		return code
	}
	out, ok := o.path()
	if !ok {
		return e.usageError("report: -o OUT.pdf is required (the report to write; - for standard output)")
	}
	opt := report.Options{Scenarios: *names, AppVersion: appVersion(), Paper: *paper}
	if f.Has("max") {
		n, err := strconv.Atoi(*maxN)
		if err != nil || n < 1 || n > report.MaxScenarios {
			return e.usageError("--max: %q is not accepted; accepted: a whole number from 1 to %d", *maxN, report.MaxScenarios)
		}
		opt.Max = n
	}
	if len(pos) > 1 {
		return e.usageError("report: unexpected argument %q; give one scenario file", pos[1])
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
		opt.Source = filepath.Base(path)
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	set, err := loadScenarios(path)
	if err != nil {
		return e.usageError("report: %v", err)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, set, cat, opt); err != nil {
		var se *plot.ScenarioError
		if errors.As(err, &se) {
			return e.usageError("report: scenario %q: %s", se.Name, flagError(se.Err))
		}
		if f := planner.ErrField(err); f == "paper" || f == "scenario" || f == "max" {
			return e.usageError("--%v", err)
		}
		return e.fail("report: %v", err)
	}
	return writeOutput(e, out, buf.Bytes())
}
