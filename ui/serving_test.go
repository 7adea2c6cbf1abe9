package ui

import (
	"math"
	"strings"
	"testing"

	"aiplan/planner"
)

// TestServingViewLiWater: typed into the window, Li et al.'s US inputs
// ("Making AI Less Thirsty", arXiv 2304.03271: 4 Wh of server energy, PUE
// 1.17, WUE 0.55, EWIF 3.142 L/kWh) give their 16.9 mL per response and
// 500 / 16.9 = 29.6 responses per bottle (4 x (0.55 + 1.17 x 3.142) =
// 16.905 mL, shown to 3 figures); the water a year is that per query times
// the queries of a year, and doubling the energy doubles the water.
func TestServingViewLiWater(t *testing.T) {
	v, win, _ := newTestGapView(t)
	s := v.Serving
	for _, in := range []struct{ key, text string }{
		{planner.ServingKeyQueries, "1B"}, {planner.ServingKeyEnergy, "4"}, {planner.ServingKeyPUE, "1.17"},
		{planner.ServingKeyWUE, "0.55"}, {planner.ServingKeyEWIF, "3.142"},
	} {
		retype(win, s.Entry(in.key), in.text)
	}
	r := s.Result()
	water := 3.65e11 * 4 * (0.55 + 1.17*3.142) / 1000 // litres a year
	for _, c := range []struct{ label, text, want string }{
		{"per query", s.PerQuery.Text, "16.9 mL of water"},
		{"bottle", s.Bottle.Text, ": 29.6."},
		{"water a year", s.Water.Text, planner.HumanLitres(water) + " a year (16.9 mL a query)"},
		// 4 Wh x 1.17 = 4.68 Wh at the meter, times the grid's intensity.
		{"carbon per query", s.PerQuery.Text, planner.HumanNumber(4*1.17*s.Inputs().CarbonGPerKWh/1000) + " g CO2e"},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s: want %q in %q", c.label, c.want, c.text)
		}
	}
	if math.Abs(r.WaterL/water-1) > 1e-12 {
		t.Errorf("water a year: want %g L, got %g", water, r.WaterL)
	}
	retype(win, s.Entry(planner.ServingKeyEnergy), "8")
	if got := s.Result().WaterL / r.WaterL; math.Abs(got-2) > 1e-9 {
		t.Errorf("8 Wh: want twice the water, got %g times", got)
	}
	if !strings.Contains(s.PerQuery.Text, "33.8 mL") {
		t.Errorf("8 Wh: want 33.8 mL a query, got %q", s.PerQuery.Text)
	}
}
