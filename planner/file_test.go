package planner_test

import (
	"bytes"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func TestFileRoundTrip(t *testing.T) {
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Scenarios) != 6 {
		t.Fatalf("defaults: want 6 scenarios, got %d", len(f.Scenarios))
	}
	g, err := planner.GapPreset(catalog(t), "sequoia-2024")
	if err != nil {
		t.Fatal(err)
	}
	f.Gap = &g
	f.Scenarios[0].Name = "=HYPERLINK(\"http://x\")"
	f.Scenarios[0].Ranges = map[string]planner.Range{"mfu": {Low: 0.2, Likely: 0.3, High: 0.5, Dist: "pert"}}
	f.Baseline = f.Scenarios[0].Name
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := planner.ReadFile(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	b2, err := back.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Errorf("round trip: want identical bytes, got\n%s\n---\n%s", b, b2)
	}
	if back.Gap == nil || back.Gap.DCRevenueUSD != 150e9 {
		t.Errorf("round trip: want the gap inputs kept, got %+v", back.Gap)
	}
}

func TestDefaultScenarios(t *testing.T) {
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog(t)
	want := map[string]float64{
		// Epoch's GPT-4 inputs at AWS p4d 3-year $1.45: 57M x 1.45 (validation.md case 17).
		"GPT-4 class": 82.65e6,
		// AI Index 2024: Gemini Ultra $191.4M = 132M TPU v4 chip-hours x $1.45.
		"Gemini 1 Ultra class": 191.4e6,
	}
	for _, sc := range f.Scenarios {
		r, _, err := planner.Estimate(cat, &sc)
		if err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
		if w, ok := want[sc.Name]; ok {
			within(t, sc.Name+" cloud", r.CostUSD.Cloud, w, 0.05)
		}
		if strings.HasPrefix(sc.Name, "Next-gen") {
			// The next-generation run is stated to cost about $1B in the cloud.
			within(t, sc.Name+" cloud", r.CostUSD.Cloud, 1e9, 5)
		}
	}
	gas, nuc := f.Scenario("Next-gen on gas"), f.Scenario("Next-gen on nuclear")
	rg, _, _ := planner.Estimate(cat, gas)
	rn, _, _ := planner.Estimate(cat, nuc)
	if !(rn.EmissionsTCO2e < rg.EmissionsTCO2e/10) {
		t.Errorf("nuclear vs gas: want at least 10x less carbon, got %g vs %g t", rn.EmissionsTCO2e, rg.EmissionsTCO2e)
	}
	liq, air := f.Scenario("Next-gen liquid-cooled"), f.Scenario("Next-gen 1T x 50T")
	rl, _, _ := planner.Estimate(cat, liq)
	ra, _, _ := planner.Estimate(cat, air)
	if !(rl.WaterOnsiteL < ra.WaterOnsiteL) {
		t.Errorf("liquid cooling: want less on-site water than air, got %g vs %g L", rl.WaterOnsiteL, ra.WaterOnsiteL)
	}
}

func TestFileErrors(t *testing.T) {
	good, _ := assets.Defaults()
	valid, _ := good.Marshal()
	cases := []struct {
		name, data, want string
	}{
		{"empty", "", "empty"},
		{"not JSON", "hello", "not a scenario file"},
		{"truncated", string(valid[:len(valid)/2]), "not a scenario file"},
		{"other JSON", `{"a":1}`, "format"},
		{"future version", `{"format":"aiplan-scenarios","version":2,"scenarios":[]}`, "newer"},
		{"unknown field", `{"format":"aiplan-scenarios","version":1,"scenarios":[],"extra":1}`, "unknown field"},
		{"unknown input", `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","gpu":"h100","values":{"bogus":1}}]}`, "bogus"},
		{"duplicate names", `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","gpu":"h100","values":{}},{"name":"a","gpu":"h100","values":{}}]}`, "twice"},
		{"empty name", `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":" ","gpu":"h100","values":{}}]}`, "empty"},
		{"bad range", `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","gpu":"h100","values":{},"ranges":{"mfu":{"low":0.5,"likely":0.3,"high":0.4}}}]}`, "low <= likely"},
		{"huge number", `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","gpu":"h100","values":{"gpus":1e400}}]}`, "scenario file"},
		{"bad baseline", `{"format":"aiplan-scenarios","version":1,"baseline":"zz","scenarios":[]}`, "baseline"},
		{"bad gap", `{"format":"aiplan-scenarios","version":1,"scenarios":[],"gap":{"year":2024,"dcRevenueUSD":1,"gpuShare":0.5,"margin":1.5,"lifeYears":1,"capexGrowth":1,"revenueGrowth":1,"years":3}}`, "margin"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.ReadFile(strings.NewReader(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: want an error containing %q, got %v", c.name, c.want, err)
			}
		})
	}
	huge := strings.NewReader(strings.Repeat(" ", planner.MaxFileBytes+10))
	if _, err := planner.ReadFile(huge); err != planner.ErrFileTooLarge {
		t.Errorf("huge file: want ErrFileTooLarge, got %v", err)
	}
}

// FuzzParseFile: no panic on any input, and what parses marshals and parses
// back to the same bytes.
func FuzzParseFile(f *testing.F) {
	f.Add(assets.DefaultsJSON)
	f.Add([]byte(`{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","gpu":"h100","values":{"gpus":1}}]}`))
	f.Add([]byte(`{"format":"aiplan-scenarios","version":1`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := planner.ParseFile(data)
		if err != nil {
			return
		}
		b, err := file.Marshal()
		if err != nil {
			t.Fatalf("parsed file does not marshal: %v", err)
		}
		back, err := planner.ParseFile(b)
		if err != nil {
			t.Fatalf("marshalled file does not parse: %v", err)
		}
		b2, _ := back.Marshal()
		if !bytes.Equal(b, b2) {
			t.Fatalf("not stable:\n%s\n%s", b, b2)
		}
	})
}
