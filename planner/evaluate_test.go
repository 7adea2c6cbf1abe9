package planner_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"aiplan/planner"
)

func base() planner.Scenario {
	return planner.Scenario{Name: "base", GPU: "h100", Energy: "us-grid", Values: map[string]float64{
		"params": 70e9, "tokens": 15e12, "gpus": 8192, "mfu": 0.4}}
}

func resolve(t testing.TB, sc planner.Scenario) planner.Inputs {
	t.Helper()
	res, err := planner.Resolve(catalog(t), &sc)
	if err != nil {
		t.Fatalf("%s: %v", sc.Name, err)
	}
	return res.Inputs
}

// TestCrossWalk reproduces the cross-walk of anchors.md section 11 (70B
// dense, 15T tokens, 8,192 H100, MFU 40%): 6.3e24 FLOP, 4.42M GPU-hours,
// 22.5 days; $2.50/h gives $11.1M; PUE 1.2 at TDP gives 3.72 GWh.
func TestCrossWalk(t *testing.T) {
	sc := base()
	sc.Set("pue", 1.2)
	sc.Set("gpu-hour-price", 2.5)
	sc.Set("carbon-intensity", 400)
	sc.Set("gpu-price", 30000)
	sc.Set("server-cost-factor", 1.64)
	r := planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "FLOP", r.TrainingFLOP.Value, 6.3e24, 0.01)
	within(t, "GPU-hours", r.GPUHours, 4.42e6, 0.5)
	within(t, "days", r.WallClockDays, 22.5, 0.5)
	within(t, "energy", r.FacilityEnergyKWh, 3.72e6, 0.5)
	within(t, "carbon", r.EmissionsTCO2e, 1.49e3, 0.5)
	within(t, "cloud", r.CostUSD.Cloud, 11.1e6, 0.5)
	// Upfront acquisition (anchors.md: 8192 x $49.2k / 0.81 = $498M).
	within(t, "purchase", r.CostUSD.Purchase, 498e6, 0.5)
}

func ptr[T any](v T) *T { return &v }

// TestEpochAmortisation follows catalog.md's worked example: H100 at
// $33,810 (HGX system price / 8, server included) / 0.81 x 0.14 ln 10 /
// 8,766 h = $1.53 per GPU-hour of hardware.
func TestEpochAmortisation(t *testing.T) {
	sc := planner.Scenario{Name: "epoch", GPU: "h100", Depreciation: "epoch", Values: map[string]float64{
		"gpu-hours": 1e6, "gpus": 1000, "gpu-price": 33810, "server-cost-factor": 1, "electricity-price": 0}}
	r := planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "hardware per GPU-hour", r.CostUSD.Amortized/1e6, 1.53, 0.5)
}

// TestStraightLineFinancing checks the capital recovery arithmetic by hand:
// C = 10,000 (factor 1, no interconnect), life 4, r = 10%, residual 0:
// EAC = 10,000 x 0.1 / (1 - 1.1^-4) = 3,154.71 per year; depreciation 2,500;
// financing 654.71 per accelerator-year.
func TestStraightLineFinancing(t *testing.T) {
	sc := planner.Scenario{Name: "fin", GPU: "h100", Values: map[string]float64{
		"gpu-hours": planner.HoursPerYear, "gpus": 1, "gpu-price": 10000, "server-cost-factor": 1,
		"interconnect-share": 0, "depreciation-years": 4, "wacc": 0.1, "electricity-price": 0}}
	r := planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "hardware", r.CostBreakdownUSD.AmortizedAccelerators, 2500, 1e-9)
	within(t, "financing", r.CostBreakdownUSD.Financing, 654.7080370609765, 1e-6)
	within(t, "amortized", r.CostUSD.Amortized, 3154.7080370609765, 1e-6)
	// With a 20% residual value and no financing: (10,000 - 2,000) / 4.
	sc.Set("wacc", 0)
	sc.Set("residual-value", 0.2)
	r = planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "hardware with residual", r.CostUSD.Amortized, 2000, 1e-9)
}

// TestProperties checks the invariants of the chain that any correct
// implementation must satisfy.
func TestProperties(t *testing.T) {
	in := resolve(t, base())
	r0 := planner.Evaluate(&in)

	more := in
	more.GPUs *= 2
	r1 := planner.Evaluate(&more)
	if r1.WallClockDays >= r0.WallClockDays || r1.GPUHours != r0.GPUHours {
		t.Errorf("more GPUs: want shorter wall time and equal GPU-hours, got %g->%g days, %g->%g h",
			r0.WallClockDays, r1.WallClockDays, r0.GPUHours, r1.GPUHours)
	}

	pue := in
	pue.PUE *= 1.3
	r2 := planner.Evaluate(&pue)
	for _, c := range []struct {
		name          string
		before, after float64
	}{
		{"facility energy", r0.FacilityEnergyKWh, r2.FacilityEnergyKWh},
		{"location carbon", r0.EmissionsTCO2e, r2.EmissionsTCO2e},
		{"off-site water", r0.WaterOffsiteL, r2.WaterOffsiteL},
		{"energy cost", r0.CostUSD.Energy, r2.CostUSD.Energy},
		{"peak power", r0.PeakPowerMW, r2.PeakPowerMW},
	} {
		if !(c.after > c.before) {
			t.Errorf("higher PUE: want %s to rise, got %g -> %g", c.name, c.before, c.after)
		}
	}
	if r2.TrainingFLOP != r0.TrainingFLOP || r2.GPUHours != r0.GPUHours || r2.WaterOnsiteL != r0.WaterOnsiteL {
		t.Errorf("higher PUE: want compute, GPU-hours and on-site water unchanged")
	}

	sc := base()
	sc.Set("efficiency", 4)
	r3 := planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "efficiency FLOP", r3.TrainingFLOP.Value, r0.TrainingFLOP.Value/4, 1e-12)
	within(t, "efficiency GPU-hours", r3.GPUHours, r0.GPUHours/4, 1e-12)

	sc = base()
	sc.Set("goodput", 0.8)
	r4 := planner.Evaluate(ptr(resolve(t, sc)))
	within(t, "goodput GPU-hours", r4.GPUHours, r0.GPUHours/0.8, 1e-12)
	within(t, "goodput energy", r4.FacilityEnergyKWh, r0.FacilityEnergyKWh/0.8, 1e-12)

	sc = base()
	sc.Set("experiments", 3)
	r5 := planner.Evaluate(ptr(resolve(t, sc)))
	if r5.GPUHours != r0.GPUHours {
		t.Errorf("experiments: top level is the final run, want %g GPU-hours, got %g", r0.GPUHours, r5.GPUHours)
	}
	within(t, "programme GPU-hours", r5.WithExperiments.GPUHours, 3*r0.GPUHours, 1e-12)
	within(t, "programme cloud", r5.WithExperiments.CostUSD.Cloud, 3*r0.CostUSD.Cloud, 1e-12)

	sc = base()
	sc.Set("renewable-share", 1)
	r6 := planner.Evaluate(ptr(resolve(t, sc)))
	if r6.MarketEmissionsTCO2e != 0 || r6.EmissionsTCO2e != r0.EmissionsTCO2e {
		t.Errorf("100%% renewable matching: want market-based 0 and location-based unchanged, got %g and %g",
			r6.MarketEmissionsTCO2e, r6.EmissionsTCO2e)
	}
}

// TestResolveErrors checks that bad input names the field.
func TestResolveErrors(t *testing.T) {
	cases := []struct {
		name, field string
		edit        func(*planner.Scenario)
	}{
		{"unknown GPU", "gpu", func(s *planner.Scenario) { s.GPU = "h1000" }},
		{"empty GPU", "gpu", func(s *planner.Scenario) { s.GPU = "" }},
		{"fp8 on A100", "precision", func(s *planner.Scenario) { s.GPU = "a100-40gb"; s.Precision = "fp8" }},
		{"mfu and gpu-hours", "mfu", func(s *planner.Scenario) { s.Set("gpu-hours", 1e6) }},
		{"negative gpus", "gpus", func(s *planner.Scenario) { s.Set("gpus", -1) }},
		{"fractional gpus", "gpus", func(s *planner.Scenario) { s.Set("gpus", 2.5) }},
		{"no gpus", "gpus", func(s *planner.Scenario) { s.Unset("gpus") }},
		{"NaN mfu", "mfu", func(s *planner.Scenario) { s.Set("mfu", math.NaN()) }},
		{"Inf tokens", "tokens", func(s *planner.Scenario) { s.Set("tokens", math.Inf(1)) }},
		{"PUE below 1", "pue", func(s *planner.Scenario) { s.Set("pue", 0.9) }},
		{"zero mfu", "mfu", func(s *planner.Scenario) { s.Set("mfu", 0) }},
		{"active above total", "active-params", func(s *planner.Scenario) { s.Set("active-params", 1e12) }},
		{"no size", "params", func(s *planner.Scenario) { s.Unset("params"); s.Unset("tokens") }},
		{"params without tokens", "tokens", func(s *planner.Scenario) { s.Unset("tokens") }},
		{"unknown energy", "energy", func(s *planner.Scenario) { s.Energy = "peat" }},
		{"unknown cooling", "cooling", func(s *planner.Scenario) { s.Cooling = "ice" }},
		{"unknown tier", "price-tier", func(s *planner.Scenario) { s.PriceTier = "5-year" }},
		{"unknown depreciation", "depreciation", func(s *planner.Scenario) { s.Depreciation = "double" }},
		{"unknown input", "bogus", func(s *planner.Scenario) { s.Set("bogus", 1) }},
		{"absurd size", "mfu", func(s *planner.Scenario) { s.Set("params", 1e15); s.Set("tokens", 1e17); s.Set("mfu", 0.001) }},
	}
	cat := catalog(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := base()
			c.edit(&sc)
			_, err := planner.Resolve(cat, &sc)
			if err == nil {
				t.Fatalf("%s: want an error naming %q, got none", c.name, c.field)
			}
			if got := planner.ErrField(err); got != c.field {
				t.Errorf("%s: want field %q, got %q (%v)", c.name, c.field, got, err)
			}
			if c.field == "gpu" && !strings.Contains(err.Error(), "h100") {
				t.Errorf("%s: want the valid IDs listed, got %v", c.name, err)
			}
		})
	}
}

// TestJSONKeys checks the estimate --json contract: every key present, null
// where unknown, never NaN.
func TestJSONKeys(t *testing.T) {
	sc := planner.Scenario{Name: "hours", GPU: "mi300x", Values: map[string]float64{"gpu-hours": 1000, "gpus": 8}}
	r, res, err := planner.Estimate(catalog(t), &sc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(planner.NewReport("", r, res))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"trainingFLOP", "gpuHours", "wallClockDays", "impliedMFU", "itEnergyKWh",
		"facilityEnergyKWh", "peakPowerMW", "emissionsTCO2e", "marketEmissionsTCO2e", "embodiedTCO2e",
		"waterOnsiteL", "waterOffsiteL", "costUSD", "breakEvenGPUHours", "catalogVersion", "inputs", "withExperiments"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON: want key %q, missing", k)
		}
	}
	if m["trainingFLOP"] != nil || m["impliedMFU"] != nil {
		t.Errorf("JSON: FLOP unknown, want trainingFLOP and impliedMFU null, got %v and %v", m["trainingFLOP"], m["impliedMFU"])
	}
	cost := m["costUSD"].(map[string]any)
	for _, k := range []string{"cloud", "amortized", "purchase", "energy"} {
		if _, ok := cost[k].(float64); !ok {
			t.Errorf("JSON: costUSD.%s want a number, got %v", k, cost[k])
		}
	}
	in := m["inputs"].(map[string]any)["mfu"].(map[string]any)
	for _, k := range []string{"value", "unit", "source"} {
		if _, ok := in[k]; !ok {
			t.Errorf("JSON: inputs.mfu.%s missing", k)
		}
	}
}

// randomScenario draws a valid scenario across the whole input space.
func randomScenario(cat *planner.Catalog, rng *rand.Rand) planner.Scenario {
	logU := func(lo, hi float64) float64 {
		return math.Exp(math.Log(lo) + rng.Float64()*(math.Log(hi)-math.Log(lo)))
	}
	acc := cat.Accelerators[rng.IntN(len(cat.Accelerators))]
	sc := planner.Scenario{Name: "fuzz", GPU: acc.ID, Values: map[string]float64{}}
	sc.Energy = cat.EnergySources[rng.IntN(len(cat.EnergySources))].ID
	sc.Cooling = cat.Cooling[rng.IntN(len(cat.Cooling))].ID
	sc.Depreciation = planner.DepreciationModes[rng.IntN(2)]
	sc.PriceTier = planner.PriceTiers[rng.IntN(3)]
	if acc.PeakFP8 != nil && rng.IntN(2) == 0 {
		sc.Precision = "fp8"
	}
	sc.Set("gpus", math.Round(logU(1, 1e6)))
	switch rng.IntN(3) {
	case 0:
		sc.Set("gpu-hours", logU(1, 1e10))
	case 1:
		sc.Set("flops", logU(1e18, 1e27))
		sc.Set("mfu", logU(0.05, 1))
	default:
		sc.Set("params", logU(1e6, 1e13))
		sc.Set("tokens", logU(1e9, 1e14))
	}
	for _, k := range []string{"goodput", "renewable-share", "wacc", "residual-value"} {
		if rng.IntN(2) == 0 {
			f := planner.FieldByKey(k)
			sc.Set(k, f.Min+rng.Float64()*(f.Max-f.Min))
		}
	}
	if rng.IntN(2) == 0 {
		sc.Set("pue", 1+rng.Float64()*2)
	}
	if rng.IntN(2) == 0 {
		sc.Set("depreciation-years", logU(0.1, 50))
	}
	if rng.IntN(2) == 0 {
		sc.Set("experiments", logU(1, 100))
	}
	return sc
}

// FuzzEvaluate evaluates random valid scenarios: no panic, no error, and no
// NaN or Inf anywhere in the result.
func FuzzEvaluate(f *testing.F) {
	for i := uint64(0); i < 20; i++ {
		f.Add(i, i*7+1)
	}
	cat := catalog(f)
	f.Fuzz(func(t *testing.T, s1, s2 uint64) {
		sc := randomScenario(cat, rand.New(rand.NewPCG(s1, s2)))
		r, _, err := planner.Estimate(cat, &sc)
		if err != nil {
			if planner.ErrField(err) == "mfu" && strings.Contains(err.Error(), "GPU-hours") {
				return // a run beyond 1e13 GPU-hours is refused by design
			}
			t.Fatalf("valid scenario %+v: %v", sc, err)
		}
		for _, tot := range []*planner.Totals{&r.Totals, &r.WithExperiments} {
			for _, o := range planner.Outputs {
				if v, ok := o.Get(tot); ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
					t.Fatalf("%+v: %s = %g", sc, o.Path, v)
				}
			}
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("marshal: %v", err)
		}
	})
}

func TestRandomScenarios(t *testing.T) {
	cat := catalog(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		sc := randomScenario(cat, rng)
		r, _, err := planner.Estimate(cat, &sc)
		if err != nil {
			if planner.ErrField(err) == "mfu" {
				continue
			}
			t.Fatalf("scenario %d %+v: %v", i, sc, err)
		}
		for _, o := range planner.Outputs {
			if v, ok := o.Get(&r.Totals); ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
				t.Fatalf("scenario %d: %s = %g", i, o.Path, v)
			}
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	in := resolve(b, base())
	var sink float64
	b.ReportAllocs()
	for b.Loop() {
		r := planner.Evaluate(&in)
		sink += r.CostUSD.Cloud
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
	_ = sink
}

func BenchmarkEstimate(b *testing.B) {
	cat := catalog(b)
	sc := base()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := planner.Estimate(cat, &sc); err != nil {
			b.Fatal(err)
		}
	}
}

// ExampleEvaluate estimates a 70B-parameter model on 15T tokens on 8,192
// H100 at 40% MFU.
func ExampleEvaluate() {
	cat, _ := planner.ParseCatalog(catalogBytes())
	sc := planner.Scenario{Name: "70B", GPU: "h100", Values: map[string]float64{
		"params": 70e9, "tokens": 15e12, "gpus": 8192, "mfu": 0.4}}
	res, err := planner.Resolve(cat, &sc)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := planner.Evaluate(&res.Inputs)
	fmt.Println(planner.HumanFLOP(r.TrainingFLOP.Value))
	fmt.Println(planner.HumanCount(r.GPUHours), "GPU-hours")
	fmt.Println(planner.HumanDays(r.WallClockDays))
	// Output:
	// 6.3e24 FLOP
	// 4.42 million GPU-hours
	// 22.5 days
}

// ExampleResolve shows a validation error naming the field.
func ExampleResolve() {
	cat, _ := planner.ParseCatalog(catalogBytes())
	sc := planner.Scenario{Name: "bad", GPU: "h100", Values: map[string]float64{
		"params": 70e9, "tokens": 15e12, "gpus": 8192, "mfu": 1.5}}
	_, err := planner.Resolve(cat, &sc)
	fmt.Println(planner.ErrField(err))
	fmt.Println(err)
	// Output:
	// mfu
	// mfu: 1.5 is not accepted; accepted: 0.001 to 1 (or 0.1% to 100%)
}
