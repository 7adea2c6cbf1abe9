package planner_test

import (
	"testing"

	"aiplan/planner"
)

// Check, the first pass of 'estimate --scenarios' (issue 15 item 7), gives
// exactly Resolve's error, or none when Resolve succeeds, without the
// provenance: here on good scenarios and on one bad input of each kind
// Resolve refuses.
func TestCheckMatchesResolve(t *testing.T) {
	cat := catalog(t)
	cases := map[string]func(*planner.Scenario){
		"good":                   func(*planner.Scenario) {},
		"good, experiments":      func(s *planner.Scenario) { s.Set("experiments", 3) },
		"good, tokens per param": func(s *planner.Scenario) { delete(s.Values, "tokens"); s.Set("tokens-per-param", 20) },
		"unknown input":          func(s *planner.Scenario) { s.Values["bogus"] = 1 },
		"unknown gpu":            func(s *planner.Scenario) { s.GPU = "h9000" },
		"fp8 on a100":            func(s *planner.Scenario) { s.GPU, s.Precision = "a100-40gb", "fp8" },
		"bad precision":          func(s *planner.Scenario) { s.Precision = "fp4x" },
		"mfu above 1":            func(s *planner.Scenario) { s.Set("mfu", 2) },
		"active above total":     func(s *planner.Scenario) { s.Set("active-params", 1e12) },
		"no tokens":              func(s *planner.Scenario) { delete(s.Values, "tokens") },
		"no gpus":                func(s *planner.Scenario) { delete(s.Values, "gpus") },
		"mfu and gpu-hours":      func(s *planner.Scenario) { s.Set("gpu-hours", 1e6) },
		"too small":              func(s *planner.Scenario) { s.Set("params", 1000); s.Set("tokens", 1000) },
		"bad cooling":            func(s *planner.Scenario) { s.Cooling = "ice" },
		"bad energy":             func(s *planner.Scenario) { s.Energy = "coal-ish" },
		"bad tier":               func(s *planner.Scenario) { s.PriceTier = "spot-ish" },
		"bad depreciation":       func(s *planner.Scenario) { s.Depreciation = "sideways" },
		"negative pue":           func(s *planner.Scenario) { s.Set("pue", -1) },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			sc := base().Clone()
			edit(&sc)
			_, want := planner.Resolve(cat, &sc)
			got := planner.Check(cat, &sc)
			if (got == nil) != (want == nil) || (got != nil && got.Error() != want.Error()) {
				t.Errorf("Check: %v; Resolve: %v", got, want)
			}
			if (want == nil) != (name[:4] == "good") {
				t.Errorf("case not as named: Resolve gives %v", want)
			}
		})
	}
}
