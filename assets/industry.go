package assets

import (
	_ "embed"
	"sync"

	"aiplan/planner"
)

// IndustryJSON is the industry reference file as shipped (industry.json):
// the cited defaults and presets of the industry-scale model.
//
//go:embed industry.json
var IndustryJSON []byte

var industryOnce = sync.OnceValues(func() (*planner.IndustryData, error) {
	return planner.ParseIndustry(IndustryJSON)
})

// Industry returns the parsed and validated industry file. The value is
// shared: callers must not modify it.
func Industry() (*planner.IndustryData, error) { return industryOnce() }
