package planner_test

import (
	"strings"
	"testing"

	"aiplan/planner"
)

// CapexSum keeps only the years every capex series reports and marks a
// sum with any guidance part; HyperscalerCapexSeries names its guidance
// years. On the embedded data: Alphabet 2025 $91.45B and Amazon 2025
// $131.8B (bubble.md, 10-K / sum of quarters) are parts of the 2025 sum.
func TestCapexSum(t *testing.T) {
	pt := func(y int, usd float64, flags ...string) planner.ReportedPoint {
		return planner.ReportedPoint{Year: y, ValueUSD: usd, Flags: flags}
	}
	rep := &planner.ReportedData{Series: []planner.ReportedSeries{
		{ID: "a", Kind: planner.ReportedKindCapex, Points: []planner.ReportedPoint{pt(2024, 10e9), pt(2025, 20e9), pt(2026, 30e9, planner.FlagGuidance)}},
		{ID: "b", Kind: planner.ReportedKindCapex, Points: []planner.ReportedPoint{pt(2025, 5e9), pt(2026, 6e9)}},
		{ID: "n", Kind: planner.ReportedKindRevenue, Points: []planner.ReportedPoint{pt(2025, 1e12)}},
	}}
	got := rep.CapexSum()
	want := []planner.ReportedCapexYear{{Year: 2025, USD: 25e9}, {Year: 2026, USD: 36e9, Guidance: true}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("CapexSum %+v; want %+v", got, want)
	}
	s, err := planner.HyperscalerCapexSeries(rep)
	if err != nil || len(s.Years) != 2 || !strings.Contains(s.Name, "2026 guidance") || s.Years[1].CapexUSD != 36e9 {
		t.Errorf("series %+v, %v; want 2 years, 2026 marked guidance", s, err)
	}
	if _, err := planner.HyperscalerCapexSeries(nil); err == nil {
		t.Error("nil data: want an error")
	}
	if _, err := planner.HyperscalerCapexSeries(&planner.ReportedData{}); err == nil {
		t.Error("no capex series: want an error")
	}

	_, real := bubbleData(t)
	sums := real.CapexSum()
	var y2025 float64
	for _, y := range sums {
		if y.Year == 2025 {
			y2025 = y.USD
		}
	}
	if y2025 < 91.45e9+131.8e9 || y2025 > 1e12 {
		t.Errorf("2025 big-four capex %g; want above Alphabet + Amazon ($223.25B) and below $1T", y2025)
	}
}
