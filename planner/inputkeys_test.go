package planner

import (
	"math"
	"testing"
)

// TestInputKeysNameErrors: each key constant is the Field of the error of
// an out-of-range value of its input, so a view can mark the entry.
func TestInputKeysNameErrors(t *testing.T) {
	serving := ServingInputs{QueriesPerDay: 1e9, EnergyPerQueryWh: 0.3, PUE: 1.17, WUELPerKWh: 0.55, EWIFLPerKWh: 3.142, CarbonGPerKWh: 367,
		RevenuePerQueryUSD: 0.01, BottleL: 0.5}
	proj := ProjectionInputs{BaseCostUSD: 40e6, BaseYear: 2023, Basis: CostBasisAmortized, Growth: 2.4,
		GrowthLow: 2, GrowthHigh: 2.9, Until: 2030}
	cases := []struct {
		key string
		err func() error
	}{
		{ServingKeyQueries, func() error { s := serving; s.QueriesPerDay = -1; return s.Validate() }},
		{ServingKeyEnergy, func() error { s := serving; s.EnergyPerQueryWh = 1e5; return s.Validate() }},
		{ServingKeyPUE, func() error { s := serving; s.PUE = 0.9; return s.Validate() }},
		{ServingKeyWUE, func() error { s := serving; s.WUELPerKWh = math.NaN(); return s.Validate() }},
		{ServingKeyEWIF, func() error { s := serving; s.EWIFLPerKWh = -1; return s.Validate() }},
		{ServingKeyCarbon, func() error { s := serving; s.CarbonGPerKWh = 5000; return s.Validate() }},
		{ServingKeyRevenue, func() error { s := serving; s.RevenuePerQueryUSD = -0.01; return s.Validate() }},
		{ProjKeyBaseCost, func() error { p := proj; p.BaseCostUSD = 0; return p.Validate() }},
		{ProjKeyBaseYear, func() error { p := proj; p.BaseYear = 1900; return p.Validate() }},
		{ProjKeyBasis, func() error { p := proj; p.Basis = "rent"; return p.Validate() }},
		{ProjKeyGrowth, func() error { p := proj; p.Growth = 200; return p.Validate() }},
		{ProjKeyGrowthLow, func() error { p := proj; p.GrowthLow = 2.5; return p.Validate() }},
		{ProjKeyGrowthHigh, func() error { p := proj; p.GrowthHigh = 2; return p.Validate() }},
		{ProjKeyUntil, func() error { p := proj; p.Until = 2000; return p.Validate() }},
	}
	if err := serving.Validate(); err != nil {
		t.Fatalf("valid serving inputs refused: %v", err)
	}
	if err := proj.Validate(); err != nil {
		t.Fatalf("valid projection inputs refused: %v", err)
	}
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			err := c.err()
			if err == nil || ErrField(err) != c.key {
				t.Errorf("want an error naming %s, got %v", c.key, err)
			}
		})
	}
}
