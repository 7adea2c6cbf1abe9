package main

import (
	"strings"
	"text/tabwriter"

	"aiplan/assets"
	"aiplan/planner"
)

func init() {
	register("data", command{
		summary: "the reported capex and AI revenue series (hyperscalers, NVIDIA, OpenAI, Anthropic) with sources",
		usage: `aiplan data [--json]

Prints every reported series: Microsoft, Alphabet, Amazon and Meta capex,
NVIDIA data-centre revenue (fiscal years and the latest quarter), OpenAI's
and Anthropic's annualised revenue. Each point has its period, value,
source, date and definition flags (fiscal-year / calendar-year,
finance-leases-included / -excluded, run-rate / recognised, guidance /
actual, secondary, unverified).`,
		run: runData,
	})
}

// dataBoolFlags are the switches of 'aiplan data'.
var dataBoolFlags = []string{"json", "help"}

func runData(e *env) int {
	f := newFlags()
	f.Bools(dataBoolFlags...)
	if code, done := e.parseOnly("data", f, "the only flag is --json"); done {
		return code
	}
	rep, err := assets.Reported()
	if err != nil {
		return e.fail("data: %v", err)
	}
	if f.Has("json") {
		return writeJSON(e, rep)
	}
	fprintf(e.stdout, "Reported series, as of %s (USD)\n%s\n", rep.AsOf, rep.Note)
	for _, s := range rep.Series {
		fprintf(e.stdout, "\n%s [%s]: %s\n", s.Name, s.ID, s.Definition)
		tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
		for _, p := range s.Points {
			v := planner.HumanUSD(p.ValueUSD)
			if p.HighUSD > 0 {
				v += " (" + planner.HumanUSD(p.LowUSD) + "-" + planner.HumanUSD(p.HighUSD) + ")"
			}
			fprintf(tw, "  %s\t%s\t%s\t%s, %s\t\n", p.Period, v, strings.Join(p.Flags, " "), p.Source, p.Published)
			if p.Note != "" {
				fprintf(tw, "  \t\t\tnote: %s\t\n", p.Note)
			}
		}
		tw.Flush() //nolint:errcheck // terminal output
	}
	return exitOK
}

// mustReported returns the embedded reported series, nil if they do not
// load (a broken build; the chart then draws no points).
func mustReported() *planner.ReportedData {
	rep, err := assets.Reported()
	if err != nil {
		return nil
	}
	return rep
}
