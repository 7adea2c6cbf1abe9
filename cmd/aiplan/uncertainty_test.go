package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/planner"
)

func path(m map[string]any, p string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(p, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

var base70B = []string{"--params", "70B", "--tokens", "2T", "--gpu", "h100", "--gpus", "1000"}

func TestEstimateUncertaintyJSON(t *testing.T) {
	args := append([]string{"estimate"}, base70B...)
	args = append(args, "--uncertainty", "--samples", "5000", "--seed", "3", "--range", "mfu=0.25,0.375,0.5", "--json")
	m := runJSON(t, args...)
	for _, p := range []string{"uncertainty.gpuHours", "uncertainty.costUSD.cloud", "uncertainty.emissionsTCO2e", "uncertainty.withExperiments.costUSD.amortized"} {
		var q [4]float64
		for i, k := range []string{"p10", "p50", "p90", "mean"} {
			v, ok := path(m, p+"."+k)
			f, isNum := v.(float64)
			if !ok || !isNum {
				t.Fatalf("%s.%s: want a number, got %v", p, k, v)
			}
			q[i] = f
		}
		if !(q[0] < q[1] && q[1] < q[2]) {
			t.Errorf("%s: want p10 < p50 < p90, got %v", p, q)
		}
	}
	if v, _ := path(m, "uncertainty.ranges.mfu.origin"); v != planner.OriginUser {
		t.Errorf("ranges.mfu.origin: want user, got %v", v)
	}
	if _, ok := path(m, "gpuHours"); !ok {
		t.Errorf("gpuHours: want the point estimate kept at the top level")
	}
	// same seed, same numbers
	m2 := runJSON(t, args...)
	a, _ := path(m, "uncertainty.costUSD.cloud.p90")
	b, _ := path(m2, "uncertainty.costUSD.cloud.p90")
	if a != b {
		t.Errorf("same seed: want identical p90, got %v and %v", a, b)
	}
	// without --uncertainty the JSON has no uncertainty key
	plain := runJSON(t, append([]string{"estimate"}, append(base70B, "--json")...)...)
	if _, ok := plain["uncertainty"]; ok {
		t.Errorf("estimate without --uncertainty: want no uncertainty key")
	}
}

func TestTornadoJSON(t *testing.T) {
	var out, errb bytes.Buffer
	args := append([]string{"tornado"}, base70B...)
	args = append(args, "--output", "costUSD.cloud", "--json")
	if code := run(args, nil, &out, &errb); code != exitOK {
		t.Fatalf("want exit 0, got %d: %s", code, errb.String())
	}
	m := runJSON(t, args...)
	bars, _ := m["bars"].([]any)
	if len(bars) < 5 {
		t.Fatalf("bars: want at least 5, got %d", len(bars))
	}
	prev := 1e300
	for _, b := range bars {
		s := b.(map[string]any)["swing"].(float64)
		if s > prev {
			t.Errorf("bars: want descending swing, got %g after %g", s, prev)
		}
		prev = s
	}
	if first := bars[0].(map[string]any)["key"]; first != "mfu" {
		t.Errorf("costUSD.cloud: want mfu first (GPU-hours ∝ 1/MFU over 0.2-0.52), got %v", first)
	}
}

func TestSweepFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "grid.aiplan")
	var out, errb bytes.Buffer
	args := append([]string{"sweep", "--vary", "gpus=1000,10000,100000", "--vary", "energy=coal,gas,nuclear"}, base70B...)
	args = append(args, "-o", file)
	if code := run(args, nil, &out, &errb); code != exitOK {
		t.Fatalf("want exit 0, got %d: %s", code, errb.String())
	}
	f, err := loadScenarios(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Scenarios) != 9 || f.Scenarios[0].Name != "gpus=1000 energy=coal" {
		t.Errorf("want 9 scenarios from \"gpus=1000 energy=coal\", got %d from %q", len(f.Scenarios), f.Scenarios[0].Name)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("want only the file in the folder (no temp left), got %d entries", len(entries))
	}
}

func TestUncertaintyUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		flag string // the stderr line must name it
	}{
		{"bad range", append([]string{"estimate", "--uncertainty", "--range", "mfu=0.5,0.2,0.1"}, base70B...), "--range"},
		{"range name", append([]string{"estimate", "--uncertainty", "--range", "colour=1,2,3"}, base70B...), "--range"},
		{"range unused", []string{"estimate", "--uncertainty", "--range", "mfu=0.2,0.3,0.4", "--gpu-hours", "1e6", "--gpus", "10", "--gpu", "h100"}, "--range"},
		{"samples", append([]string{"estimate", "--uncertainty", "--samples", "0"}, base70B...), "--samples"},
		{"seed", append([]string{"estimate", "--uncertainty", "--seed", "-4"}, base70B...), "--seed"},
		{"seed without uncertainty", append([]string{"estimate", "--seed", "4"}, base70B...), "--seed"},
		{"tornado output", append([]string{"tornado", "--output", "cost"}, base70B...), "--output"},
		{"sweep four", append([]string{"sweep", "--vary", "gpus=1", "--vary", "mfu=0.3", "--vary", "pue=1.1", "--vary", "wue=1", "-o", filepath.Join(dir, "x")}, base70B...), "--vary"},
		{"sweep energy", append([]string{"sweep", "--vary", "energy=coal,peat", "-o", filepath.Join(dir, "x")}, base70B...), "energy"},
		{"sweep no file", append([]string{"sweep", "--vary", "gpus=1,2"}, base70B...), "-o"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, nil, &out, &errb)
			if code != exitUsage {
				t.Errorf("want exit 2, got %d (%s)", code, errb.String())
			}
			if out.Len() != 0 {
				t.Errorf("want nothing on stdout, got %q", out.String())
			}
			msg := errb.String()
			if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tc.flag) {
				t.Errorf("want one stderr line naming %s, got %q", tc.flag, msg)
			}
		})
	}
}
