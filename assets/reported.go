package assets

import (
	_ "embed"
	"sync"

	"aiplan/planner"
)

// ReportedJSON is the reported data series (reported.json): hyperscaler
// capex, NVIDIA data-centre revenue, OpenAI and Anthropic annualised
// revenue, each point with its source, date and definition flags.
//
//go:embed reported.json
var ReportedJSON []byte

// Reported returns the parsed and checked reported series. The value is
// shared: callers must not modify it.
var Reported = sync.OnceValues(func() (*planner.ReportedData, error) { return planner.ParseReported(ReportedJSON) })
