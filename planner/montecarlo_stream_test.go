package planner_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"aiplan/planner"
)

// TestStreamMatchesExact checks that a run past the pilot, which streams
// the samples through brackets, gives the same order statistics as storing
// every sample (Options.Keep forces that), means to 1e-12 (they are summed
// in another order), and the same result on 1, 2 and 3 workers.
func TestStreamMatchesExact(t *testing.T) {
	cat := uncCatalog(t)
	varied := frontier()
	varied.Ranges = map[string]planner.Range{"experiments": {Low: 1, Likely: 2, High: 4, Dist: planner.DistTriangular}}
	gpuHours := planner.Scenario{Name: "disclosed", GPU: "v100", Values: map[string]float64{"gpus": 10000, "gpu-hours": 3.552e6}}
	for _, tc := range []struct {
		name string
		sc   planner.Scenario
		n    int
	}{
		{"frontier, 300k", frontier(), 300000},
		{"experiments vary, 270k", varied, 270000},
		{"gpu-hours given, 263k", gpuHours, 262145},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim, err := planner.NewSimulation(cat, &tc.sc)
			if err != nil {
				t.Fatal(err)
			}
			if !planner.StreamedForTest(sim, tc.n, 3) {
				t.Fatalf("want the streamed path to hold every quantile, got the fallback")
			}
			exact, err := sim.Run(context.Background(), planner.Options{Samples: tc.n, Seed: 3, Keep: []string{"gpuHours"}})
			if err != nil {
				t.Fatal(err)
			}
			var first *planner.Uncertainty
			for _, workers := range []int{1, 2, 3} {
				u, err := sim.Run(context.Background(), planner.Options{Samples: tc.n, Seed: 3, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if first == nil {
					first = u
				} else if !reflect.DeepEqual(u.Totals, first.Totals) || !reflect.DeepEqual(u.WithExperiments, first.WithExperiments) {
					t.Errorf("workers %d: want the 1-worker result, got another", workers)
				}
			}
			for _, part := range []struct {
				name      string
				got, want map[string]planner.Quantiles
			}{{"run", first.Totals, exact.Totals}, {"programme", first.WithExperiments, exact.WithExperiments}} {
				if len(part.got) != len(part.want) {
					t.Fatalf("%s: want %d outputs, got %d", part.name, len(part.want), len(part.got))
				}
				for path, w := range part.want {
					g := part.got[path]
					if g.P10 != w.P10 || g.P50 != w.P50 || g.P90 != w.P90 {
						t.Errorf("%s %s: want %+v, got %+v", part.name, path, w, g)
					}
					if d := math.Abs(g.Mean - w.Mean); d > 1e-12*math.Abs(w.Mean) {
						t.Errorf("%s %s mean: want %v, got %v", part.name, path, w.Mean, g.Mean)
					}
				}
			}
		})
	}
}

// BenchmarkMonteCarloLarge measures a 2,000,000-sample run (the streamed
// path) per core.
func BenchmarkMonteCarloLarge(b *testing.B) {
	cat := uncCatalog(b)
	sc := frontier()
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		b.Fatal(err)
	}
	const n = 2000000
	b.Run(fmt.Sprintf("samples=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		var u *planner.Uncertainty
		for b.Loop() {
			if u, err = sim.Run(context.Background(), planner.Options{Samples: n, Seed: 1, Workers: 1}); err != nil {
				b.Fatal(err)
			}
		}
		checkOrdered(b, u)
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "samples/s/core")
	})
}
