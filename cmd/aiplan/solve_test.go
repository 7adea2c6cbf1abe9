package main

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestSolveRoundTripCLI(t *testing.T) {
	// Solving for the budget estimate reports gives back the scenario's
	// compute within 1e-9 (issue 17).
	est := runJSON(t, "estimate", "--params", "70B", "--tokens", "2T", "--gpu", "h100", "--gpus", "1000", "--json")
	cost := est["costUSD"].(map[string]any)
	for _, method := range []string{"cloud", "amortized"} {
		t.Run(method, func(t *testing.T) {
			budget := cost[method].(float64)
			s := runJSON(t, "solve", "--budget", strconv.FormatFloat(budget, 'f', -1, 64), "--gpu", "h100", "--gpus", "1000", "--method", method, "--json")
			want := est["trainingFLOP"].(float64)
			if got := s["trainingFLOP"].(float64); math.Abs(got/want-1) > 1e-9 {
				t.Errorf("trainingFLOP: want %g, got %g", want, got)
			}
			for _, k := range []string{"gpuHours", "trainingFLOP", "params", "tokens", "accelerators", "wallClockDays", "facilityEnergyKWh", "emissionsTCO2e", "costUSD"} {
				if _, ok := s[k].(float64); !ok {
					t.Errorf("solve --json: want the number %q, got %v", k, s[k])
				}
			}
		})
	}
}

func TestCurrencyJSON(t *testing.T) {
	// EUR at the 2024 ECB annual average (USD per EUR 1.0824): every money
	// key renamed and scaled by 1 / 1.0824; non-money numbers unchanged.
	args := []string{"estimate", "--params", "70B", "--tokens", "2T", "--gpu", "h100", "--gpus", "1000", "--json"}
	usd := runJSON(t, args...)
	eur := runJSON(t, append(args, "--currency", "EUR", "--dollar-year", "2024", "--deflator", "cpi-u")...)
	if _, ok := eur["costUSD"]; ok {
		t.Error("costUSD kept with --currency EUR")
	}
	cur := eur["currency"].(map[string]any)
	if cur["code"] != "EUR" || cur["dollarYear"] != 2024.0 || cur["deflator"] != "cpi-u" || math.Abs(cur["rate"].(float64)-1/1.0824) > 1e-12 {
		t.Errorf("currency: got %v", cur)
	}
	if eur["gpuHours"] != usd["gpuHours"] {
		t.Errorf("gpuHours changed: %v vs %v", eur["gpuHours"], usd["gpuHours"])
	}
	// Nominal EUR: cloud cost x rate exactly.
	nom := runJSON(t, append(args, "--currency", "GBP")...)
	want := usd["costUSD"].(map[string]any)["cloud"].(float64) * 0.85680 / 1.1300 // 2025, the latest full year
	if got := nom["costGBP"].(map[string]any)["cloud"].(float64); math.Abs(got/want-1) > 1e-12 {
		t.Errorf("costGBP.cloud: want %.2f, got %.2f", want, got)
	}
	if c := usd["currency"].(map[string]any); c["code"] != "USD" || c["rate"] != 1.0 || c["dollarYear"] != nil {
		t.Errorf("default currency object: got %v", c)
	}
}

func TestMoneyBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		text string
	}{
		{"unknown currency", []string{"estimate", "--params", "7B", "--tokens", "1T", "--gpu", "h100", "--gpus", "8", "--currency", "JPY"}, "EUR, GBP, USD"},
		{"year without index", []string{"solve", "--budget", "1B", "--gpu", "h100", "--dollar-year", "2012"}, "2015 to 2025"},
		{"year text", []string{"solve", "--budget", "1B", "--gpu", "h100", "--dollar-year", "soon"}, "--dollar-year"},
		{"budget below an hour", []string{"solve", "--budget", "$1", "--gpu", "h100", "--json"}, "accelerator-hour"},
		{"budget missing", []string{"solve", "--gpu", "h100"}, "--budget"},
		{"gpu missing", []string{"solve", "--budget", "1B"}, "--gpu"},
		{"method", []string{"solve", "--budget", "1B", "--gpu", "h100", "--method", "lease"}, "amortized, cloud"},
		{"serving throughput", []string{"serving", "--tokens-per-second", "0"}, "--tokens-per-second"},
		{"dollar year with uncertainty", []string{"estimate", "--params", "7B", "--tokens", "1T", "--gpu", "h100", "--gpus", "8", "--uncertainty", "--dollar-year", "2024"}, "--currency alone"},
		{"dollar year on project", []string{"project", "--dollar-year", "2024", "--json"}, "--currency USD|EUR|GBP"},
		{"deflator without year", []string{"solve", "--budget", "1B", "--gpu", "h100", "--deflator", "cpi-u"}, "--dollar-year"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(c.args, nil, &out, &errb); code != exitUsage {
				t.Fatalf("want exit 2, got %d: %s", code, errb.String())
			}
			if !strings.Contains(errb.String(), c.text) {
				t.Errorf("want %q in %q", c.text, errb.String())
			}
		})
	}
}

func TestServingUnitJSON(t *testing.T) {
	// Li et al.'s inputs through the CLI: 4 Wh of server energy, PUE 1.17,
	// WUE 0.55, EWIF 3.142 L/kWh -> 16.9 mL per response (within 5%).
	// DeepSeek's defaults: $2 / (1,850 tok/s x 3600) x 1e6 = $0.3003 per
	// million tokens; 500 tokens a query -> $0.00015015.
	m := runJSON(t, "serving", "--energy-wh", "4", "--pue", "1.17", "--wue", "0.55", "--ewif", "3.142",
		"--carbon-intensity", "400", "--json")
	if w := m["waterPerQueryML"].(float64); math.Abs(w/16.9-1) > 0.05 {
		t.Errorf("waterPerQueryML: want 16.9 within 5%%, got %.3f", w)
	}
	if c := m["costPerMillionTokensUSD"].(float64); math.Abs(c-2/6.66) > 1e-9 {
		t.Errorf("costPerMillionTokensUSD: want 0.3003, got %g", c)
	}
	if c := m["costPerQueryUSD"].(float64); math.Abs(c-2/6.66e6*500) > 1e-12 {
		t.Errorf("costPerQueryUSD: want 0.00015015, got %g", c)
	}
	// 4 Wh x 1.17 x 400 g/kWh / 1000 = 1.872 g.
	if g := m["emissionsPerQueryG"].(float64); math.Abs(g-1.872) > 1e-9 {
		t.Errorf("emissionsPerQueryG: want 1.872, got %g", g)
	}
	if e := m["energyPerQueryWh"].(float64); e != 4 {
		t.Errorf("energyPerQueryWh: want 4, got %g", e)
	}
}
