package planner_test

import (
	"testing"

	"aiplan/planner"
)

// TestEquivalents checks the everyday-terms arithmetic against the
// catalogue's factors: a 50 cl bottle (the seed's unit), US EPA's 4.6 tCO2e
// per passenger car-year, and US EIA's 10,715 kWh per home-year.
func TestEquivalents(t *testing.T) {
	cat := catalog(t)
	tot := planner.Totals{WaterOnsiteL: 1000, WaterOffsiteL: 4000, EmissionsTCO2e: 46, FacilityEnergyKWh: 10715 * 3}
	want := map[string]float64{planner.EquivBottle: 10000, planner.EquivCar: 10, planner.EquivHome: 3}
	got := planner.Equivalents(cat, &tot)
	if len(got) != len(want) {
		t.Fatalf("want %d equivalents, got %d", len(want), len(got))
	}
	for _, e := range got {
		within(t, e.Key, e.Count, want[e.Key], 1e-9)
		if e.Factor.Source == "" && e.Factor.Assumption == "" {
			t.Errorf("%s: want a sourced factor", e.Key)
		}
	}
}
