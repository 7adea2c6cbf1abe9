package plot

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"aiplan/planner"
)

// TestIndustryChartText: a 2-year series of $38B and $76B at Epoch's $38B
// per GW is 1 then 3 GW installed; at PUE 1 and utilisation 1, 3 GW use
// 3 x 8.766 = 26.298 TWh a year; withdrawal at 1 L/kWh on each side is
// 2 x 26.298e9 L = 0.05 billion m3 (rounded to 0.05).
func TestIndustryChartText(t *testing.T) {
	in := planner.IndustryInputs{GW: 1, CapexPerGWUSD: 38e9, ITShare: 0.5, WACC: 0.07, ITLifeYears: 5, FacilityLife: 14,
		Utilization: 1, PUE: 1, WUEWithdrawalLPerKWh: 1, EWIFWithdrawalLPerKWh: 1, HeatPerHomeMWh: 4, Margin: 0.5}
	years, err := planner.BuildOut(in, []planner.YearCapex{{Year: 2025, CapexUSD: 38e9}, {Year: 2026, CapexUSD: 76e9}})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewIndustry("Test series", "sub", years, 0.98e9)
	if err != nil {
		t.Fatal(err)
	}
	var svg bytes.Buffer
	if err := Render(ch, SVG, Options{Width: 1200, Height: 700}, &svg); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Test series, 2025–2026", "3.0 GW", "26 TWh", "0.05 bn m³ withdrawn", "2.0 GW", "Denmark"} {
		if !strings.Contains(svg.String(), w) {
			t.Errorf("want %q in the SVG", w)
		}
	}
	empty, _ := NewIndustry("", "", nil, 0)
	svg.Reset()
	if err := Render(empty, PNG, Options{Width: 600, Height: 400}, &svg); err != nil {
		t.Errorf("empty series: want an empty state, got %v", err)
	}
	if _, err := NewIndustry("", "", []planner.BuildOutYear{{Year: 2025, InstalledGW: math.NaN()}}, 0); err == nil {
		t.Error("NaN GW: want an error")
	}
}
