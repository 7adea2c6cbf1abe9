package planner_test

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"

	"aiplan/planner"
)

// checkOrdered fails a benchmark whose run produced nonsense: every
// output's P10 <= P50 <= P90, with finite values.
func checkOrdered(t testing.TB, u *planner.Uncertainty) {
	t.Helper()
	if u == nil || len(u.Totals) == 0 {
		t.Fatalf("Monte Carlo: want quantiles of every output, got none")
	}
	for path, q := range u.Totals {
		if !(q.P10 <= q.P50 && q.P50 <= q.P90) || math.IsNaN(q.Mean) || math.IsInf(q.P90, 0) {
			t.Fatalf("Monte Carlo %s: want finite P10 <= P50 <= P90, got %+v", path, q)
		}
	}
}

// BenchmarkMonteCarlo measures the full training chain with about a dozen
// uncertain inputs, percentiles of every output included, per core.
func BenchmarkMonteCarlo(b *testing.B) {
	cat := uncCatalog(b)
	sc := frontier()
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		b.Fatal(err)
	}
	for _, procs := range []int{1, 2} {
		for _, n := range []int{10000, 100000} {
			b.Run(fmt.Sprintf("cores=%d/samples=%d", procs, n), func(b *testing.B) {
				old := runtime.GOMAXPROCS(procs)
				defer runtime.GOMAXPROCS(old)
				b.ReportAllocs()
				var u *planner.Uncertainty
				for b.Loop() {
					if u, err = sim.Run(context.Background(), planner.Options{Samples: n, Seed: 1}); err != nil {
						b.Fatal(err)
					}
				}
				checkOrdered(b, u)
				sps := float64(n) * float64(b.N) / b.Elapsed().Seconds()
				b.ReportMetric(sps, "samples/s")
				b.ReportMetric(sps/float64(procs), "samples/s/core")
				b.ReportMetric(float64(len(sim.Inputs())), "inputs")
			})
		}
	}
}

// BenchmarkTenScenarios is the budget: 10 scenarios x 10,000
// samples plus a tornado each, <= 50 ms on 2 cores.
func BenchmarkTenScenarios(b *testing.B) {
	cat := uncCatalog(b)
	var scs []planner.Scenario
	for i := 0; i < 10; i++ {
		sc := frontier()
		sc.Set("gpus", float64(1000*(i+1)))
		scs = append(scs, sc)
	}
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("cores=%d", procs), func(b *testing.B) {
			old := runtime.GOMAXPROCS(procs)
			defer runtime.GOMAXPROCS(old)
			b.ReportAllocs()
			for b.Loop() {
				for i := range scs {
					sim, err := planner.NewSimulation(cat, &scs[i])
					if err != nil {
						b.Fatal(err)
					}
					if _, err := sim.Run(context.Background(), planner.Options{Samples: 10000, Seed: 1}); err != nil {
						b.Fatal(err)
					}
					if _, err := sim.Tornado("costUSD.cloud"); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/set")
		})
	}
}

// BenchmarkDraw measures one input's draws by shape (gonum distuv).
func BenchmarkDraw(b *testing.B) {
	cat := uncCatalog(b)
	for _, dist := range []string{"triangular", "uniform", "pert", "lognormal"} {
		b.Run(dist, func(b *testing.B) {
			sc := planner.Scenario{GPU: "h100", Depreciation: "epoch", Cooling: "liquid",
				Values: map[string]float64{"gpus": 1000, "gpu-hours": 1e6, "pue": 1.2, "carbon-intensity": 400, "ewif": 3, "electricity-price": 0.08,
					"gpu-hour-price": 2, "gpu-price": 30000, "power-w": 700},
				Ranges: map[string]planner.Range{"pue": {Low: 1.1, Likely: 1.2, High: 1.5, Dist: dist}}}
			// a copy whose user values carry no default spread
			own := *cat
			own.Uncertainty.Inputs = slices.Clone(cat.Uncertainty.Inputs)
			for _, k := range []string{"carbon-intensity", "ewif", "electricity-price", "gpu-hour-price", "gpu-price", "power-w"} {
				own.DefaultRange(k).UserLow, own.DefaultRange(k).UserHigh = 0, 0
			}
			sim, err := planner.NewSimulation(&own, &sc)
			if err != nil {
				b.Fatal(err)
			}
			if n := len(sim.Inputs()); n != 1 {
				b.Fatalf("want 1 uncertain input, got %d", n)
			}
			old := runtime.GOMAXPROCS(1)
			defer runtime.GOMAXPROCS(old)
			const n = 100000
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sim.Run(context.Background(), planner.Options{Samples: n, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(n*b.N), "ns/sample")
		})
	}
}
