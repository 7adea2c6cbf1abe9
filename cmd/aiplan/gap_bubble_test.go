package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// TestGapPresetsCLI checks 'aiplan gap --preset ID --json' for every
// built-in ID against the published headline (Cahn $200B/$125B and
// $600B/$500B, Sequoia 2023/2024; Kupperman $160B and $480B, Aug 2025; Bain
// $2T and $800B, Technology Report 2025) or, for cahn-latest and the bull
// and bear cases, the figure worked out by hand from their stated inputs.
func TestGapPresetsCLI(t *testing.T) {
	cases := []struct {
		id            string
		method        string
		required, gap float64
		coverage      any
	}{
		{"sequoia-2023", "cahn", 200e9, 125e9, 0.75},
		{"sequoia-2024", "cahn", 600e9, 500e9, 100.0 / 300},
		// 62.31B x 4 / 0.5 / 0.5 = 996.96B; revenue 25B + 30B.
		{"cahn-latest", "cahn", 996.96e9, 941.96e9, 55 / 498.48},
		{"kupperman-2025", "capex-return", 160e9, 100e9, 0.15},
		{"kupperman-2025-return20", "capex-return", 480e9, 420e9, 0.15},
		{"bain-2025", "capex-ratio", 2e12, 800e9, nil},
		// 400 x (1/6 + 0.1) / 0.6 = 177.78; 400 x (1/3 + 0.1) / 0.25 = 693.33.
		{"bull-2025", "capex-return", 400e9 * (1.0/6 + 0.1) / 0.6, 400e9*(1.0/6+0.1)/0.6 - 60e9, 0.15},
		{"bear-2025", "capex-return", 400e9 * (1.0/3 + 0.1) / 0.25, 400e9*(1.0/3+0.1)/0.25 - 60e9, 0.15},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			m := runJSON(t, "gap", "--preset", c.id, "--json")
			if m["method"] != c.method {
				t.Errorf("method %v, want %s", m["method"], c.method)
			}
			for k, want := range map[string]float64{"requiredRevenueUSD": c.required, "gapUSD": c.gap} {
				if got, _ := m[k].(float64); math.Abs(got-want) > 1e-6*want {
					t.Errorf("%s %v, want %g", k, m[k], want)
				}
			}
			got, _ := m["coverageRatio"].(float64)
			if want, ok := c.coverage.(float64); (ok && math.Abs(got-want) > 1e-9) || (!ok && m["coverageRatio"] != nil) {
				t.Errorf("coverageRatio %v, want %v", m["coverageRatio"], c.coverage)
			}
			if ys, _ := m["years"].([]any); len(ys) == 0 {
				t.Errorf("no years")
			}
		})
	}
}

// TestGapMethodCLI checks --method with its flags, worked by hand.
func TestGapMethodCLI(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		required float64
	}{
		// Kupperman's preset with K = 300B, rho 10%, g 40%: (30 + 30) / 0.4 = 150.
		{"capex-return", []string{"--method", "capex-return", "--capex", "300B", "--return", "10%", "--gross-margin", "40%"}, 150e9},
		// Bain's preset at c = 20%: 500 / 0.2 = 2.5T.
		{"capex-ratio", []string{"--method", "capex-ratio", "--capex-revenue-ratio", "20%"}, 2.5e12},
		// Cahn on 100B: 100 / 0.5 / 0.5 = 400.
		{"cahn", []string{"--method", "cahn", "--dc-revenue", "100B"}, 400e9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runJSON(t, append(append([]string{"gap"}, c.args...), "--json")...)
			if got, _ := m["requiredRevenueUSD"].(float64); math.Abs(got-c.required) > 1e-6*c.required {
				t.Errorf("required %v, want %g", got, c.required)
			}
		})
	}
}

// TestGapMethodBadInput checks that a flag of another method, an unknown
// method and a bad method value exit 2 with one line naming them.
func TestGapMethodBadInput(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		words []string
	}{
		{"gpu-share on capex-ratio", []string{"--method", "capex-ratio", "--gpu-share", "0.5"}, []string{"--gpu-share", "cahn", "capex-ratio"}},
		{"margin on capex-return", []string{"--method", "capex-return", "--margin", "0.5"}, []string{"--margin", "cahn", "capex-return"}},
		{"capex on the cahn preset", []string{"--capex", "500B"}, []string{"--capex", "capex-return", "cahn"}},
		{"life on bain", []string{"--preset", "bain-2025", "--life", "5"}, []string{"--life", "capex-ratio"}},
		{"unknown method", []string{"--method", "tulip"}, []string{"--method", "tulip", "capex-ratio"}},
		{"method vs preset", []string{"--method", "cahn", "--preset", "bain-2025"}, []string{"--method", "bain-2025"}},
		{"gross margin 0", []string{"--method", "capex-return", "--gross-margin", "0"}, []string{"--gross-margin", "accepted"}},
		{"ratio text", []string{"--method", "capex-ratio", "--capex-revenue-ratio", "lots"}, []string{"--capex-revenue-ratio", "lots"}},
		{"return 1e400", []string{"--method", "capex-return", "--return", "1e400"}, []string{"--return"}},
		{"scenarios with flags", []string{"--scenarios", "x.aiplan", "--capex", "1B"}, []string{"--capex", "--scenarios"}},
		{"scenarios missing", []string{"--scenarios", "/nonexistent.aiplan"}, []string{"--scenarios"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"gap"}, c.args...), nil, &out, &errb); code != exitUsage {
				t.Errorf("exit %d, want 2", code)
			}
			msg := errb.String()
			if out.Len() != 0 || strings.Count(msg, "\n") != 1 {
				t.Errorf("stdout %q, stderr %q", out.String(), msg)
			}
			for _, w := range c.words {
				if !strings.Contains(msg, w) {
					t.Errorf("%q does not name %q", msg, w)
				}
			}
		})
	}
}

// TestGapScenariosCLI checks --scenarios FILE --json: one object per
// bubble-risk scenario with its name, and an old file's gap as one.
func TestGapScenariosCLI(t *testing.T) {
	cat, _ := assets.Catalog()
	rep, _ := assets.Reported()
	defs, err := planner.BubbleDefaults(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	f := planner.NewFile(cat.Version, nil)
	f.BubbleScenarios = defs
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "b.aiplan")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"gap", "--scenarios", path, "--json"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var arr []map[string]any
	if err := json.Unmarshal(out.Bytes(), &arr); err != nil {
		t.Fatal(err)
	}
	if len(arr) != len(defs) {
		t.Fatalf("%d objects, want %d", len(arr), len(defs))
	}
	for i, o := range arr {
		if o["name"] != defs[i].Name || o["method"] == nil || o["requiredRevenueUSD"] == nil || o["years"] == nil {
			t.Errorf("object %d: %v", i, o["name"])
		}
	}
	if arr[5]["requiredRevenueUSD"].(float64) != 2e12 {
		t.Errorf("Bain: %v", arr[5]["requiredRevenueUSD"])
	}

	old := planner.NewFile(cat.Version, nil)
	g, _ := planner.GapPreset(cat, planner.GapPreset2023)
	old.Gap = &g
	b, _ = old.Marshal()
	os.WriteFile(path, b, 0o644) //nolint:errcheck // checked by the run below
	out.Reset()
	if code := run([]string{"gap", "--scenarios", path, "--json"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("old file: exit %d", code)
	}
	arr = nil
	if err := json.Unmarshal(out.Bytes(), &arr); err != nil || len(arr) != 1 || arr[0]["gapUSD"].(float64) != 125e9 {
		t.Errorf("old file: %v %v", err, arr)
	}
}

// TestDataCLI checks 'aiplan data --json' round-trips the reported series
// and the table names every source.
func TestDataCLI(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"data", "--json"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, err := planner.ParseReported(out.Bytes()); err != nil {
		t.Errorf("data --json does not parse back: %v", err)
	}
	out.Reset()
	if code := run([]string{"data"}, nil, &out, &errb); code != exitOK {
		t.Fatal(code)
	}
	for _, w := range []string{"Microsoft capex", "Q4 FY2026", "$62.3B", "guidance", "run-rate"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("data table lacks %q", w)
		}
	}
	if code := run([]string{"data", "extra"}, nil, &out, &errb); code != exitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
}

// TestChartGapCompare checks 'aiplan chart gap-compare' writes a PNG of the
// built-in bubble-risk scenarios.
func TestChartGapCompare(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gc.png")
	var so, se bytes.Buffer
	if code := run([]string{"chart", "gap-compare", "-o", out}, nil, &so, &se); code != exitOK {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("not a PNG: %v", err)
	}
}

// TestGapTornadoMethods: 'aiplan tornado --gap' on a capex-return or
// capex-ratio preset varies only inputs of that method (and the common
// ones); the first-year gap is the preset's ($100B Kupperman, $800B Bain).
func TestGapTornadoMethods(t *testing.T) {
	for preset, base := range map[string]float64{"kupperman-2025": 100e9, "bain-2025": 800e9} {
		m := runJSON(t, "tornado", "--gap", "--preset", preset, "--output", "gapUSD", "--json")
		if got, _ := m["base"].(float64); math.Abs(got-base) > 1 {
			t.Errorf("%s: base %v, want %g (keys %v)", preset, m["base"], base, keys(m))
		}
		b, _ := json.Marshal(m)
		if strings.Contains(string(b), "gpu-share") || strings.Contains(string(b), "dc-revenue") {
			t.Errorf("%s: a cahn input is varied", preset)
		}
	}
}

func keys(m map[string]any) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	return k
}
