package main

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"aiplan/planner"
)

// TestServingAnnualIsPerQuery: in 'serving --json' every annual figure is
// the top-level per-query figure times queriesPerYear (one formula, one
// source of truth), for the presets and for Li et al.'s inputs; the text
// output prints the same numbers.
func TestServingAnnualIsPerQuery(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"epoch2025", nil},
		{"devries2023", []string{"--preset", "devries2023"}},
		// Li et al. (arXiv 2304.03271): 4 Wh, PUE 1.17, WUE 0.55, EWIF 3.142.
		{"Li et al.", []string{"--energy-wh", "4", "--pue", "1.17", "--wue", "0.55", "--ewif", "3.142"}},
		{"no water", []string{"--wue", "0", "--ewif", "0", "--queries-per-day", "2M"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runJSON(t, append(append([]string{"serving"}, c.args...), "--json")...)
			q := m["queriesPerYear"].(float64)
			num := func(k string) float64 {
				v, ok := m[k].(float64)
				if !ok {
					t.Fatalf("%s: want a number, got %v", k, m[k])
				}
				return v
			}
			for _, f := range []struct {
				annual   string
				perQuery string
				scale    float64
			}{
				{"energyKWh", "facilityEnergyPerQueryWh", 1e-3},
				{"itEnergyKWh", "energyPerQueryWh", 1e-3},
				{"waterL", "waterPerQueryML", 1e-3},
				{"carbonT", "emissionsPerQueryG", 1e-6},
			} {
				want := q * num(f.perQuery) * f.scale
				if got := num(f.annual); math.Abs(got-want) > 1e-12*math.Max(1, want) {
					t.Errorf("%s: want %s x queries = %g, got %g", f.annual, f.perQuery, want, got)
				}
			}
			if w := num("waterPerQueryML"); w > 0 {
				if b := num("responsesPerBottle"); math.Abs(b-500/w) > 1e-9*b {
					t.Errorf("responsesPerBottle: want 500 / %g, got %g", w, b)
				}
			} else if m["responsesPerBottle"] != nil {
				t.Errorf("no water: want responsesPerBottle null, got %v", m["responsesPerBottle"])
			}
			var out, errb bytes.Buffer
			if code := run(append([]string{"serving"}, c.args...), nil, &out, &errb); code != exitOK {
				t.Fatalf("text: exit %d: %s", code, errb.String())
			}
			for _, want := range []string{
				"energy    " + planner.HumanEnergyKWh(num("energyKWh")),
				"carbon    " + planner.HumanTCO2e(num("carbonT")),
				"water     " + planner.HumanLitres(num("waterL")),
				fmt.Sprintf("water     %.3g mL", num("waterPerQueryML")),
				fmt.Sprintf("carbon %.3g g", num("emissionsPerQueryG")),
			} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("text: want %q in\n%s", want, out.String())
				}
			}
		})
	}
}

// TestServingLiWaterAnnual: Li et al.'s 16.9 mL per response is a check
// case with their inputs, not a constant: 1e9 queries a day of it is
// 3.65e11 x 16.9 mL = 6.17e9 L a year (within 5%), and changing the energy
// per query changes the water in proportion.
func TestServingLiWaterAnnual(t *testing.T) {
	li := []string{"serving", "--pue", "1.17", "--wue", "0.55", "--ewif", "3.142", "--queries-per-day", "1B", "--json"}
	m4 := runJSON(t, append(li, "--energy-wh", "4")...)
	if w := m4["waterL"].(float64); math.Abs(w/6.1685e9-1) > 0.05 {
		t.Errorf("Li et al. a year: want 6.17e9 L within 5%%, got %g", w)
	}
	m1 := runJSON(t, append(li, "--energy-wh", "1")...)
	if r := m4["waterL"].(float64) / m1["waterL"].(float64); math.Abs(r-4) > 1e-9 {
		t.Errorf("4 Wh vs 1 Wh: want 4x the water, got %g", r)
	}
}

// TestServingSiteFlagsRefused: the site inputs name their flag and range;
// --water-ml is gone (water follows the energy).
func TestServingSiteFlagsRefused(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serving", "--pue", "0.9"}, "--pue"},
		{[]string{"serving", "--wue", "-1"}, "--wue"},
		{[]string{"serving", "--ewif", "1e400"}, "--ewif"},
		{[]string{"serving", "--ewif", "NaN"}, "--ewif"},
		{[]string{"serving", "--water-ml", "16.9"}, "--water-ml"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args[1:], " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(c.args, nil, &out, &errb); code != exitUsage {
				t.Fatalf("want exit %d, got %d: %s", exitUsage, code, errb.String())
			}
			if !strings.Contains(errb.String(), c.want) {
				t.Errorf("want %s named, got %q", c.want, errb.String())
			}
		})
	}
}
