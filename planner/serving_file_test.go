package planner_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"aiplan/planner"
)

// TestServingFileLegacy: a serving part written when water per query was
// an input (16.9 mL, no pue/wue/ewif) loads with Li et al.'s site inputs,
// its water then follows its energy; a part with its own site inputs keeps
// them; an unknown key is still refused.
func TestServingFileLegacy(t *testing.T) {
	cases := []struct {
		name           string
		part           string
		pue, wue, ewif float64
		err            string
	}{
		{"legacy 16.9 mL", `{"queriesPerDay":1e9,"energyPerQueryWh":4,"waterPerQueryML":16.9,"carbonGPerKWh":400,"revenuePerQueryUSD":0.01,"bottleL":0.5,"gapUSD":0}`,
			planner.LiPUE, planner.LiWUELPerKWh, planner.LiEWIFLPerKWh, ""},
		{"own site", `{"queriesPerDay":1e9,"energyPerQueryWh":0.3,"pue":1.1,"wueLPerKWh":0,"ewifLPerKWh":2,"carbonGPerKWh":400,"revenuePerQueryUSD":0.01,"bottleL":0.5,"gapUSD":0}`,
			1.1, 0, 2, ""},
		{"unknown key", `{"queriesPerDay":1e9,"waterMl":3}`, 0, 0, 0, "waterMl"},
		{"text", `{"pue":"high"}`, 0, 0, 0, "pue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := `{"format":"aiplan-scenarios","version":1,"catalogVersion":"x","scenarios":[],"serving":` + c.part + `}`
			f, err := planner.ParseFile([]byte(data))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("want an error naming %s, got %v", c.err, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s := f.Serving
			if s.PUE != c.pue || s.WUELPerKWh != c.wue || s.EWIFLPerKWh != c.ewif {
				t.Errorf("want PUE %g, WUE %g, EWIF %g; got %+v", c.pue, c.wue, c.ewif, *s)
			}
			r, err := planner.EvaluateServing(*s)
			if err != nil {
				t.Fatal(err)
			}
			if want := s.EnergyPerQueryWh * (c.wue + c.pue*c.ewif); math.Abs(r.PerQuery.WaterML-want) > 1e-12 {
				t.Errorf("water: want %g mL, got %g", want, r.PerQuery.WaterML)
			}
			// Round trip: written and read back, the same inputs.
			b, _ := json.Marshal(s)
			var back planner.ServingInputs
			if err := json.Unmarshal(b, &back); err != nil || back != *s {
				t.Errorf("round trip: got %+v, %v", back, err)
			}
		})
	}
}

// TestLiConstantsMatchMoneyFile: the legacy site inputs are the money
// file's Li et al. check inputs.
func TestLiConstantsMatchMoneyFile(t *testing.T) {
	li := money(t).Serving.LiCheck
	if li.PUE != planner.LiPUE || li.WUELPerKWh != planner.LiWUELPerKWh || li.EWIFLPerKWh != planner.LiEWIFLPerKWh {
		t.Errorf("money.json liCheck %+v differs from planner's Li constants", li)
	}
}
