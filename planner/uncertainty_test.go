package planner_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func uncCatalog(t testing.TB) *planner.Catalog {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// frontier is a scenario with about a dozen uncertain inputs.
func frontier() planner.Scenario {
	return planner.Scenario{Name: "frontier", GPU: "a100-40gb", PriceTier: planner.TierOneYear,
		Values: map[string]float64{"params": 405e9, "tokens": 15e12, "gpus": 16384, "mfu": 0.4, "experiments": 2}}
}

func TestRunDeterministicAcrossCores(t *testing.T) {
	cat := uncCatalog(t)
	sc := frontier()
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	var want *planner.Uncertainty
	for _, procs := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			old := runtime.GOMAXPROCS(procs)
			defer runtime.GOMAXPROCS(old)
			u, err := sim.Run(context.Background(), planner.Options{Samples: 20000, Seed: 7, Keep: []string{"gpuHours"}})
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = u
				return
			}
			if !reflect.DeepEqual(u, want) {
				t.Errorf("GOMAXPROCS %d: want the GOMAXPROCS 1 result, got a different one:\n%v\n%v", procs, u.Totals["gpuHours"], want.Totals["gpuHours"])
			}
		})
	}
	t.Run("other seed differs", func(t *testing.T) {
		u, err := sim.Run(context.Background(), planner.Options{Samples: 20000, Seed: 8})
		if err != nil {
			t.Fatal(err)
		}
		if u.Totals["gpuHours"] == want.Totals["gpuHours"] {
			t.Errorf("seed 8: want quantiles different from seed 7, got the same %v", u.Totals["gpuHours"])
		}
	})
}

func TestUncertainInputs(t *testing.T) {
	cat := uncCatalog(t)
	tests := []struct {
		name    string
		sc      planner.Scenario
		want    []string // keys that must be uncertain
		notWant []string // keys that must not
	}{
		{"blind H100", planner.Scenario{GPU: "h100", Values: map[string]float64{"params": 70e9, "tokens": 2e12, "gpus": 1000}},
			[]string{"mfu", "gpu-price", "gpu-hour-price", "pue", "carbon-intensity", "ewif", "electricity-price", "depreciation-years"},
			[]string{"goodput", "server-cost-factor", "gpu-hours", "params"}},
		{"disclosed GPU-hours", planner.Scenario{GPU: "a100-80gb", Values: map[string]float64{"gpu-hours": 1e6, "gpus": 1000}},
			[]string{"pue"}, []string{"mfu", "goodput", "gpu-hours"}},
		{"user MFU brings goodput", planner.Scenario{GPU: "v100", Values: map[string]float64{"flops": 1e23, "gpus": 100, "mfu": 0.3}},
			[]string{"mfu", "goodput", "server-cost-factor"}, nil},
		{"epoch depreciation", planner.Scenario{GPU: "h100", Depreciation: "epoch", Values: map[string]float64{"flops": 1e23, "gpus": 100}},
			nil, []string{"depreciation-years"}},
		{"closed-loop water", planner.Scenario{GPU: "h100", Cooling: "liquid", Values: map[string]float64{"flops": 1e23, "gpus": 100}},
			nil, []string{"wue"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sim, err := planner.NewSimulation(cat, &tc.sc)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, u := range sim.Inputs() {
				keys = append(keys, u.Key)
				if !(u.Range.Low <= u.Range.Likely && u.Range.Likely <= u.Range.High && u.Range.Low < u.Range.High) {
					t.Errorf("%s: want low <= likely <= high, got %+v", u.Key, u.Range)
				}
			}
			for _, k := range tc.want {
				if !slices.Contains(keys, k) {
					t.Errorf("want %s uncertain, got %v", k, keys)
				}
			}
			for _, k := range tc.notWant {
				if slices.Contains(keys, k) {
					t.Errorf("want %s not uncertain, got %v", k, keys)
				}
			}
		})
	}
}

func TestUserRange(t *testing.T) {
	cat := uncCatalog(t)
	tests := []struct {
		name, key string
		r         planner.Range
		values    map[string]float64
		wantErr   string // field named by the error, "" for none
	}{
		{"mfu override", "mfu", planner.Range{Low: 0.25, Likely: 0.375, High: 0.5}, nil, ""},
		{"params scales compute", "params", planner.Range{Low: 60e9, Likely: 70e9, High: 80e9, Dist: "pert"}, nil, ""},
		{"mfu with gpu-hours", "mfu", planner.Range{Low: 0.25, Likely: 0.375, High: 0.5}, map[string]float64{"gpu-hours": 1e6}, "mfu"},
		{"low above high", "pue", planner.Range{Low: 1.5, Likely: 1.2, High: 1.1}, nil, "pue"},
		{"outside field", "mfu", planner.Range{Low: 0.5, Likely: 0.9, High: 1.5}, nil, "mfu"},
		{"bad dist", "pue", planner.Range{Low: 1.1, Likely: 1.2, High: 1.3, Dist: "normal"}, nil, "pue distribution"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := planner.Scenario{GPU: "h100", Values: map[string]float64{"params": 70e9, "tokens": 2e12, "gpus": 1000},
				Ranges: map[string]planner.Range{tc.key: tc.r}}
			for k, v := range tc.values {
				sc.Set(k, v)
			}
			sim, err := planner.NewSimulation(cat, &sc)
			if got := planner.ErrField(err); got != tc.wantErr {
				t.Fatalf("want error field %q, got %q (%v)", tc.wantErr, got, err)
			}
			if err != nil {
				return
			}
			for _, u := range sim.Inputs() {
				if u.Key == tc.key && u.Origin != planner.OriginUser {
					t.Errorf("%s: want origin user, got %s", tc.key, u.Origin)
				}
			}
			u, err := sim.Run(context.Background(), planner.Options{Samples: 5000, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			q := u.Totals["gpuHours"]
			if !(q.P10 < q.P50 && q.P50 < q.P90) {
				t.Errorf("gpuHours: want P10 < P50 < P90, got %+v", q)
			}
		})
	}
}

// TestSamplers compares Monte Carlo draws of one input with the analytic
// distribution (gonum distuv quantiles; PERT mean (a + 4m + c) / 6).
func TestSamplers(t *testing.T) {
	cat := uncCatalog(t)
	tests := []struct {
		name string
		r    planner.Range
		tol  float64 // relative tolerance on mean and quantiles at 200k samples
	}{
		{"triangular", planner.Range{Low: 1.0, Likely: 1.1, High: 1.6, Dist: "triangular"}, 0.003},
		{"pert", planner.Range{Low: 1.0, Likely: 1.1, High: 1.6, Dist: "pert"}, 0.003},
		{"lognormal", planner.Range{Low: 1.1, Likely: 1.3, High: 1.9, Dist: "lognormal"}, 0.004},
		{"uniform", planner.Range{Low: 1.0, Likely: 1.2, High: 2.0, Dist: "uniform"}, 0.003},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// peak power = count x TDP x host factor x PUE / 1e6 = 0.7 MW x PUE
			// for 1,000 H100 (700 W)
			sc := planner.Scenario{GPU: "h100", Values: map[string]float64{"gpus": 1000, "flops": 1e23, "pue": 1.2},
				Ranges: map[string]planner.Range{"pue": tc.r}}
			sim, err := planner.NewSimulation(cat, &sc)
			if err != nil {
				t.Fatal(err)
			}
			u, err := sim.Run(context.Background(), planner.Options{Samples: 200000, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			q := u.Totals["peakPowerMW"]
			q.P10, q.P50, q.P90, q.Mean = q.P10/0.7, q.P50/0.7, q.P90/0.7, q.Mean/0.7
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"mean", q.Mean, tc.r.Mean()},
				{"p10", q.P10, tc.r.Quantile(0.1)},
				{"p50", q.P50, tc.r.Quantile(0.5)},
				{"p90", q.P90, tc.r.Quantile(0.9)},
			} {
				if math.Abs(c.got-c.want) > tc.tol*c.want {
					t.Errorf("%s: want %.5f ± %.2g%%, got %.5f", c.name, c.want, tc.tol*100, c.got)
				}
			}
		})
	}
}

func TestTornadoOrder(t *testing.T) {
	cat := uncCatalog(t)
	// cloud cost = GPU-hours x price; GPU-hours ∝ 1 / MFU. Constructed
	// swings: MFU 0.2-0.5 around 0.4 moves cost by 0.4/0.2 - 0.4/0.5 = 1.2x
	// the base, price ±10% by 0.2x, PUE not at all.
	sc := planner.Scenario{GPU: "h100", Values: map[string]float64{"flops": 1e24, "gpus": 1000, "mfu": 0.4, "gpu-hour-price": 2},
		Ranges: map[string]planner.Range{
			"mfu":            {Low: 0.2, Likely: 0.4, High: 0.5},
			"gpu-hour-price": {Low: 1.8, Likely: 2, High: 2.2},
			"pue":            {Low: 1.1, Likely: 1.2, High: 1.5},
		}}
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	tor, err := sim.Tornado("costUSD.cloud")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, b := range tor.Bars {
		order = append(order, b.Key)
	}
	if order[0] != "mfu" || order[1] != "gpu-hour-price" {
		t.Errorf("want mfu then gpu-hour-price first, got %v", order)
	}
	for _, b := range tor.Bars {
		switch b.Key {
		case "mfu":
			if want := 1.2 * tor.Base; math.Abs(b.Swing-want) > 1e-9*want {
				t.Errorf("mfu swing: want %g, got %g", want, b.Swing)
			}
		case "pue", "electricity-price":
			if b.Swing != 0 {
				t.Errorf("%s swing on cloud cost: want 0, got %g", b.Key, b.Swing)
			}
		}
	}
	if _, err := sim.Tornado("nonsense"); planner.ErrField(err) != "output" {
		t.Errorf("unknown output: want an error naming output, got %v", err)
	}
	if _, err := sim.Tornado("withExperiments.emissionsTCO2e"); err != nil {
		t.Errorf("withExperiments path: want no error, got %v", err)
	}
}

func TestSweep(t *testing.T) {
	cat := uncCatalog(t)
	base := planner.Scenario{Name: "base", GPU: "h100", Values: map[string]float64{"params": 70e9, "tokens": 2e12, "gpus": 1000}}
	tests := []struct {
		name      string
		vary      []string
		wantN     int
		wantFirst string
		wantLast  string
		wantErr   string
	}{
		{"two axes", []string{"gpus=1000,10000,100000", "energy=coal,gas,nuclear"}, 9, "gpus=1000 energy=coal", "gpus=100000 energy=nuclear", ""},
		{"three axes", []string{"gpu=h100,a100-80gb", "mfu=30%,40%", "params=7B,70B"}, 8, "gpu=h100 mfu=30% params=7B", "gpu=a100-80gb mfu=40% params=70B", ""},
		{"bad energy", []string{"energy=coal,peat"}, 0, "", "", "energy"},
		{"bad number", []string{"gpus=10,abc"}, 0, "", "", "gpus"},
		{"out of range", []string{"mfu=0.5,2"}, 0, "", "", "mfu"},
		{"unknown key", []string{"colour=red"}, 0, "", "", "vary"},
		{"four axes", []string{"gpus=1", "mfu=0.3", "pue=1.1", "wue=1"}, 0, "", "", "vary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var vary []planner.Vary
			for _, s := range tc.vary {
				v, err := planner.ParseVary(s)
				if err != nil {
					t.Fatal(err)
				}
				vary = append(vary, v)
			}
			calls := 0
			scs, err := planner.Sweep(context.Background(), cat, base, vary, func(done, total int) { calls++ })
			if got := planner.ErrField(err); got != tc.wantErr {
				t.Fatalf("want error field %q, got %q (%v)", tc.wantErr, got, err)
			}
			if err != nil {
				return
			}
			if len(scs) != tc.wantN || calls != tc.wantN {
				t.Fatalf("want %d scenarios and progress calls, got %d and %d", tc.wantN, len(scs), calls)
			}
			if scs[0].Name != tc.wantFirst || scs[len(scs)-1].Name != tc.wantLast {
				t.Errorf("want names %q .. %q, got %q .. %q", tc.wantFirst, tc.wantLast, scs[0].Name, scs[len(scs)-1].Name)
			}
			if base.Values["gpus"] != 1000 || base.Energy != "" {
				t.Errorf("base scenario modified: %+v", base)
			}
			f := planner.NewFile(cat.Version, scs)
			if err := f.Check(); err != nil {
				t.Errorf("sweep file: want valid, got %v", err)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		v, _ := planner.ParseVary("gpus=1,2,3")
		if _, err := planner.Sweep(ctx, cat, base, []planner.Vary{v}, nil); err != context.Canceled {
			t.Errorf("want context.Canceled, got %v", err)
		}
	})
}

// TestBlindCoverage is the honesty check of issue 7: over the catalogue's
// published runs with reported GPU-hours, the blind Monte Carlo (default
// ranges, no tuning per run) must put the reported figure inside its
// P10-P90 band for at least 80% of runs, with P90/P10 <= 2.5 for every run.
func TestBlindCoverage(t *testing.T) {
	cat := uncCatalog(t)
	in, total := 0, 0
	worst := 0.0
	for _, run := range cat.Runs {
		rep, ok := run.Reported["gpuHours"]
		if !ok || run.Blind.GPU == "" {
			continue
		}
		sc := run.Blind.Clone()
		sim, err := planner.NewSimulation(cat, &sc)
		if err != nil {
			t.Fatalf("%s: %v", run.ID, err)
		}
		u, err := sim.Run(context.Background(), planner.Options{Samples: 20000, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		q := u.Totals["gpuHours"]
		inside := q.P10 <= rep.Value && rep.Value <= q.P90
		total++
		if inside {
			in++
		}
		width := q.P90 / q.P10
		worst = max(worst, width)
		t.Logf("%-16s reported %9.4g  P10 %9.4g  P50 %9.4g  P90 %9.4g  P90/P10 %.2f  inside %v",
			run.ID, rep.Value, q.P10, q.P50, q.P90, width, inside)
		if width > 2.5 {
			t.Errorf("%s: want P90/P10 <= 2.5, got %.2f", run.ID, width)
		}
	}
	cov := float64(in) / float64(total)
	t.Logf("coverage %d/%d = %.0f%%, widest band P90/P10 = %.2f", in, total, cov*100, worst)
	if total < 10 {
		t.Errorf("want at least 10 runs with reported GPU-hours, got %d", total)
	}
	if cov < 0.8 {
		t.Errorf("coverage: want >= 80%%, got %.0f%% (%d of %d)", cov*100, in, total)
	}
}
