package assets

import (
	_ "embed"
	"sync"

	"aiplan/planner"
)

// DevRunsJSON is the development set of public training disclosures the
// MFU prior is fitted on (runs-dev.json); it is kept apart from the
// catalogue's validation runs.
//
//go:embed runs-dev.json
var DevRunsJSON []byte

var devRunsOnce = sync.OnceValues(func() (*planner.DevSet, error) {
	return planner.ParseDevSet(DevRunsJSON)
})

// DevRuns returns the parsed and validated development set. The value is
// shared: callers must not modify it.
func DevRuns() (*planner.DevSet, error) { return devRunsOnce() }
