package assets

import (
	_ "embed"

	"aiplan/planner"
)

// DevRunsJSON is the development set of public training disclosures the
// MFU prior is fitted on (runs-dev.json); it is kept apart from the
// catalogue's validation runs.
//
//go:embed runs-dev.json
var DevRunsJSON []byte

// DevRuns returns a freshly parsed and validated copy of the development
// set (39 runs: parsing is cheap).
func DevRuns() (*planner.DevSet, error) { return planner.ParseDevSet(DevRunsJSON) }
