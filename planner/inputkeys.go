package planner

// Input keys of the serving economics (the flags of 'aiplan serving'
// without dashes, and the Field of their errors).
const (
	ServingKeyQueries = "queries-per-day"
	ServingKeyEnergy  = "energy-wh"
	ServingKeyPUE     = "pue"
	ServingKeyWUE     = "wue"
	ServingKeyEWIF    = "ewif"
	ServingKeyCarbon  = "carbon-intensity"
	ServingKeyRevenue = "revenue-per-query"
)

// Input keys of the training-cost projection (the flags of 'aiplan
// project' without dashes, and the Field of their errors).
const (
	ProjKeyBaseCost   = "base-cost"
	ProjKeyBaseYear   = "base-year"
	ProjKeyBasis      = "basis"
	ProjKeyGrowth     = "growth"
	ProjKeyGrowthLow  = "growth-low"
	ProjKeyGrowthHigh = "growth-high"
	ProjKeyUntil      = "until"
)
