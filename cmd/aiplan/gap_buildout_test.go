package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// 'aiplan gap --method per-gw --gw 10 --json': 10 GW x Epoch's $8.5B per
// GW-year (Epoch AI, 2026-05-14) / (1 - 50%) = $170B within 5%, with the
// implied build-out (10 GW added at $38B a GW); --currency EUR converts
// every USD figure, the build-out's too, at the same rate.
func TestGapPerGWCLI(t *testing.T) {
	type out struct {
		Method             string   `json:"method"`
		RequiredRevenueUSD float64  `json:"requiredRevenueUSD"`
		RequiredRevenueEUR float64  `json:"requiredRevenueEUR"`
		CoverageRatio      *float64 `json:"coverageRatio"`
		BuildOut           struct {
			CapexPerGWUSD float64 `json:"capexPerGWUSD"`
			CapexPerGWEUR float64 `json:"capexPerGWEUR"`
			Years         []struct {
				AddedGW, InstalledGW, FacilityEnergyTWh, WaterWithdrawalM3 float64
			} `json:"years"`
		} `json:"buildOut"`
	}
	read := func(args ...string) out {
		t.Helper()
		stdout, stderr, code := runCmd(t, args...)
		if code != exitOK {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		var o out
		if err := json.Unmarshal([]byte(stdout), &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	usd := read("gap", "--method", "per-gw", "--gw", "10", "--json")
	if usd.Method != "per-gw" || math.Abs(usd.RequiredRevenueUSD-170e9) > 0.05*170e9 || usd.CoverageRatio != nil {
		t.Errorf("method %q required %g coverage %v; want per-gw, $170B within 5%%, null", usd.Method, usd.RequiredRevenueUSD, usd.CoverageRatio)
	}
	if b := usd.BuildOut; b.CapexPerGWUSD != 38e9 || len(b.Years) != 5 || b.Years[0].AddedGW != 10 || b.Years[4].InstalledGW != 10 || !(b.Years[0].FacilityEnergyTWh > 0) {
		t.Errorf("build-out %+v; want 10 GW added the first year at $38B a GW, 10 installed after 5 years", b)
	}
	eur := read("gap", "--method", "per-gw", "--gw", "10", "--json", "--currency", "EUR")
	rate := eur.RequiredRevenueEUR / usd.RequiredRevenueUSD
	if !(rate > 0.5 && rate < 1.5) || math.Abs(eur.BuildOut.CapexPerGWEUR/38e9-rate) > 1e-12 {
		t.Errorf("EUR rate %g, build-out capex per GW %g; want one rate for both", rate, eur.BuildOut.CapexPerGWEUR)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"gap", "--method", "per-gw", "--preset", "sequoia-2024"}, []string{"--preset", "per-gw"}},
		{[]string{"gap", "--method", "per-gw", "--capex", "1B"}, []string{"--capex", "per-gw", "capex-return"}},
		{[]string{"gap", "--method", "capex-ratio", "--gw", "3"}, []string{"--gw", "per-gw", "capex-ratio"}},
		{[]string{"gap", "--method", "per-gw", "--gw", "1e9"}, []string{"--gw", "1e9", "10,000"}},
		{[]string{"gap", "--dollar-year", "2024"}, []string{"--dollar-year", "--currency"}},
		{[]string{"gap", "--currency", "JPY"}, []string{"--currency", "JPY"}},
	} {
		_, stderr, code := runCmd(t, c.args...)
		for _, w := range c.want {
			if code != exitUsage || !strings.Contains(stderr, w) {
				t.Errorf("%q: exit %d %q; want exit 2 naming %s", c.args, code, stderr, w)
			}
		}
	}
}

// Every scenario of 'gap --scenarios FILE --json' carries its build-out.
func TestGapScenariosBuildOut(t *testing.T) {
	stdout, stderr, code := runCmd(t, "gap", "--scenarios", "../../assets/defaults.aiplan", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var list []struct {
		Name     string `json:"name"`
		BuildOut *struct {
			Years []struct{ InstalledGW float64 } `json:"years"`
		} `json:"buildOut"`
	}
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 8 {
		t.Fatalf("%d scenarios; want the 8 presets", len(list))
	}
	for _, s := range list {
		if s.Name == "" || s.BuildOut == nil || len(s.BuildOut.Years) == 0 || !(s.BuildOut.Years[0].InstalledGW > 0) {
			t.Errorf("%q: no build-out", s.Name)
		}
	}
}
