package planner_test

import (
	"math"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func TestSolveRoundTrip(t *testing.T) {
	// Solving for the budget estimate reports gives back the scenario's
	// compute (and GPU-hours) within 1e-9.
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		gpu    string
		method string
		set    map[string]float64
	}{
		{"Llama-like on H100, cloud", "h100", planner.SolveCloud, map[string]float64{planner.KeyParams: 70e9, planner.KeyTokens: 2e12, planner.KeyGPUs: 2048}},
		{"H100, amortized", "h100", planner.SolveAmortized, map[string]float64{planner.KeyParams: 70e9, planner.KeyTokens: 2e12, planner.KeyGPUs: 2048}},
		{"A100 flops, mfu 0.35", "a100-40gb", planner.SolveCloud, map[string]float64{planner.KeyFLOPs: 3.14e23, planner.KeyGPUs: 1024, planner.KeyMFU: 0.35}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := planner.Scenario{GPU: c.gpu}
			for k, v := range c.set {
				sc.Set(k, v)
			}
			r, _, err := planner.Estimate(cat, &sc)
			if err != nil {
				t.Fatal(err)
			}
			budget := r.CostUSD.Cloud
			if c.method == planner.SolveAmortized {
				budget = r.CostUSD.Amortized
			}
			s, _, err := planner.Solve(cat, &sc, planner.SolveInputs{BudgetUSD: budget, Method: c.method})
			if err != nil {
				t.Fatal(err)
			}
			if rel := math.Abs(s.TrainingFLOP/r.TrainingFLOP.Value - 1); rel > 1e-9 {
				t.Errorf("compute: want %g, got %g (rel %g)", r.TrainingFLOP.Value, s.TrainingFLOP, rel)
			}
			if rel := math.Abs(s.GPUHours/r.GPUHours - 1); rel > 1e-9 {
				t.Errorf("GPU-hours: want %g, got %g", r.GPUHours, s.GPUHours)
			}
			if s.Accelerators != c.set[planner.KeyGPUs] || math.Abs(s.WallClockDays/r.WallClockDays-1) > 1e-9 {
				t.Errorf("accelerators %g, days %g; want %g, %g", s.Accelerators, s.WallClockDays, c.set[planner.KeyGPUs], r.WallClockDays)
			}
			if math.Abs(s.CostUSD/budget-1) > 1e-9 || math.Abs(s.FacilityEnergyKWh/r.FacilityEnergyKWh-1) > 1e-9 {
				t.Errorf("cost %g energy %g; want %g, %g", s.CostUSD, s.FacilityEnergyKWh, budget, r.FacilityEnergyKWh)
			}
		})
	}
}

func TestSolveChinchilla(t *testing.T) {
	// Hoffmann et al. 2022: Chinchilla, 70B parameters on 1.4T tokens
	// (R = 20), C = 6 N D = 5.88e23 FLOP. A budget buying exactly that
	// compute gives N = sqrt(5.88e23 / 120) = 7.0e10 and D = 1.4e12.
	cat, _ := assets.Catalog()
	sc := planner.Scenario{GPU: "h100"}
	sc.Set(planner.KeyFLOPs, 5.88e23)
	sc.Set(planner.KeyGPUs, 1000)
	r, _, err := planner.Estimate(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := planner.Solve(cat, &sc, planner.SolveInputs{BudgetUSD: r.CostUSD.Cloud, Days: 10})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(s.Params/70e9-1) > 1e-9 || math.Abs(s.Tokens/1.4e12-1) > 1e-9 {
		t.Errorf("want 70B params on 1.4T tokens, got %g on %g", s.Params, s.Tokens)
	}
	// 10 days: n = ceil(H / 240).
	if want := math.Ceil(r.GPUHours / 240); s.Accelerators != want {
		t.Errorf("accelerators for 10 days: want %g, got %g", want, s.Accelerators)
	}
}

func TestSolveErrors(t *testing.T) {
	cat, _ := assets.Catalog()
	sc := planner.Scenario{GPU: "h100"}
	cases := []struct {
		name  string
		in    planner.SolveInputs
		field string
		text  string
	}{
		{"below one accelerator-hour", planner.SolveInputs{BudgetUSD: 0.5}, "budget", "accepted: "},
		{"zero", planner.SolveInputs{BudgetUSD: 0}, "budget", "accepted: "},
		{"NaN", planner.SolveInputs{BudgetUSD: math.NaN()}, "budget", "1e13"},
		{"absurd", planner.SolveInputs{BudgetUSD: math.Inf(1)}, "budget", "1e13"},
		{"method", planner.SolveInputs{BudgetUSD: 1e6, Method: "lease"}, "method", "amortized, cloud"},
		{"ratio", planner.SolveInputs{BudgetUSD: 1e6, TokensPerParam: -1}, "tokens-per-param", "0.01"},
		{"days", planner.SolveInputs{BudgetUSD: 1e6, Days: -3}, "days", "36500"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := planner.Solve(cat, &sc, c.in)
			if planner.ErrField(err) != c.field || !strings.Contains(err.Error(), c.text) {
				t.Errorf("want field %s with %q, got %v", c.field, c.text, err)
			}
		})
	}
}
