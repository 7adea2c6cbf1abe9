package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestIndustryJSON checks the CLI against the published figures its presets
// reproduce (sources in planner/industry_test.go): Epoch AI's $8.5B a year
// for 1 GW (5%), Li et al.'s 4.2 / 6.6 billion m3 of withdrawal in 2027 (5%),
// the Crane Clean Energy Center's 835 MW against 1.1 GW of facility power.
func TestIndustryJSON(t *testing.T) {
	cases := []struct {
		name string
		args []string
		key  string
		want float64
		tol  float64
	}{
		{"epoch annual cost", []string{"--preset", "epoch-1gw-2026"}, "annualCostUSD", 8.5e9, 0.05},
		{"epoch 3-year IT life", []string{"--preset", "epoch-1gw-2026", "--it-life", "3"}, "annualCostUSD", 12e9, 0.05},
		{"epoch 7-year IT life", []string{"--preset", "epoch-1gw-2026", "--it-life", "7"}, "annualCostUSD", 7e9, 0.05},
		{"epoch per-gw at 50%", []string{"--preset", "epoch-1gw-2026"}, "requiredRevenueUSD", 17e9, 0.05},
		{"li low withdrawal", []string{"--preset", "li-2027-low"}, "waterWithdrawalM3", 4.2e9, 0.05},
		{"li high withdrawal", []string{"--preset", "li-2027-high"}, "waterWithdrawalM3", 6.6e9, 0.05},
		{"li low consumption", []string{"--preset", "li-2027-low"}, "waterConsumptionM3", 0.38e9, 0.05},
		{"three mile island share", []string{"--preset", "three-mile-island"}, "supplyShareOfFacilityPower", 835.0 / 1100, 1e-9},
		// $380B at Epoch's $38B per GW is 10 GW.
		{"capex to GW", []string{"--capex", "380B"}, "gw", 10, 1e-12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runJSON(t, append(append([]string{"industry"}, c.args...), "--json")...)
			got, _ := m[c.key].(float64)
			if d := got - c.want; d > c.tol*c.want || -d > c.tol*c.want {
				t.Errorf("%s: want %.4g +-%g, got %.4g", c.key, c.want, c.tol, got)
			}
			for _, k := range []string{"gw", "capexUSD", "annualCostUSD", "facilityEnergyTWh", "emissionsTCO2e",
				"waterConsumptionM3", "waterWithdrawalM3", "requiredRevenueUSD"} {
				if _, ok := m[k].(float64); !ok {
					t.Errorf("want %s in the JSON", k)
				}
			}
			in, _ := m["inputs"].(map[string]any)
			pue, _ := in["pue"].(map[string]any)
			if pue["source"] == "" || pue["origin"] == nil {
				t.Errorf("want the pue's provenance in inputs, got %v", pue)
			}
		})
	}
}

func TestIndustryBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		flag string
	}{
		{"gw and capex", []string{"--gw", "1", "--capex", "38B"}, "--gw and --capex"},
		{"negative gw", []string{"--gw", "-1"}, "--gw"},
		{"text margin", []string{"--margin", "abc"}, "--margin"},
		{"margin 100%", []string{"--margin", "100%"}, "--margin"},
		{"pue below 1", []string{"--pue", "0.5"}, "--pue"},
		{"huge", []string{"--capex", "1e400"}, "--capex"},
		{"unknown preset", []string{"--preset", "=cmd"}, "--preset"},
		{"unknown energy", []string{"--energy", "moon"}, "--energy"},
		{"bad series", []string{"--series", "2025"}, "--series"},
		{"series out of order", []string{"--series", "2025:1B,2024:1B"}, "--series"},
		{"empty flag", []string{"--wacc", ""}, "--wacc"},
		{"positional", []string{"oops"}, "oops"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"industry"}, c.args...), nil, &out, &errb)
			if code != exitUsage {
				t.Fatalf("want exit 2, got %d (%s)", code, errb.String())
			}
			if !strings.Contains(errb.String(), c.flag) {
				t.Errorf("want %q in %q", c.flag, errb.String())
			}
		})
	}
}

// TestIndustryChart: 'aiplan chart industry' writes a PNG and an SVG.
func TestIndustryChart(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.png", "b.svg"} {
		var out, errb bytes.Buffer
		path := dir + "/" + name
		if code := run([]string{"chart", "industry", "-o", path}, nil, &out, &errb); code != exitOK {
			t.Fatalf("%s: want exit 0, got %d: %s", name, code, errb.String())
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) < 1000 {
			t.Errorf("%s: want a chart file, got %d bytes (%v)", name, len(b), err)
		}
		if strings.HasSuffix(name, ".svg") && !strings.Contains(string(b), "Denmark") {
			t.Errorf("%s: want the Denmark comparison in the chart", name)
		}
	}
}
