package planner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSummarise checks the selection against sorting, with ties.
func TestSummarise(t *testing.T) {
	for _, n := range []int{1, 2, 10, 599, 601, 5000, 100003} {
		for _, distinct := range []int{3, 1 << 30} {
			t.Run(fmt.Sprintf("n=%d/distinct=%d", n, distinct), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(n), uint64(distinct)))
				x := make([]float64, n)
				for i := range x {
					x[i] = float64(rng.IntN(distinct))
				}
				sorted := slices.Clone(x)
				slices.Sort(sorted)
				q, ok := summarise(x)
				if !ok {
					t.Fatal("want ok")
				}
				want := [3]float64{sorted[rank(n, 0.1)], sorted[rank(n, 0.5)], sorted[rank(n, 0.9)]}
				if got := [3]float64{q.P10, q.P50, q.P90}; got != want {
					t.Errorf("want P10/P50/P90 %v, got %v", want, got)
				}
			})
		}
	}
}

// TestSummariseLarge checks the bucket select of large columns against
// sorting, on shapes that crowd the buckets: heavy tails (most values in
// the first bucket), a spike of ties at the median, two values, sorted and
// reversed columns, NaNs.
func TestSummariseLarge(t *testing.T) {
	const n = 50001
	rng := rand.New(rand.NewPCG(3, 4))
	shapes := map[string]func(i int) float64{
		"uniform":  func(int) float64 { return rng.Float64() },
		"sorted":   func(i int) float64 { return float64(i) },
		"reversed": func(i int) float64 { return float64(n - i) },
		"heavy":    func(int) float64 { return 1 / (rng.Float64() + 1e-12) },
		"spike": func(int) float64 {
			if rng.IntN(3) == 0 {
				return 0.5
			}
			return rng.Float64()
		},
		"sawtooth": func(i int) float64 { return float64(i % 1024) },
		"two":      func(i int) float64 { return float64(i % 2) },
		"extreme": func(i int) float64 {
			if i == 17 {
				return 1e300
			}
			return rng.Float64() * 1e-300
		},
		"nan": func(i int) float64 {
			if i%7 == 0 {
				return math.NaN()
			}
			return rng.NormFloat64()
		},
	}
	var sm summariser // reused across columns, as a worker does
	for name, gen := range shapes {
		t.Run(name, func(t *testing.T) {
			x := make([]float64, n)
			var fin []float64
			sum := 0.0
			for i := range x {
				x[i] = gen(i)
				if !math.IsNaN(x[i]) {
					fin = append(fin, x[i])
					sum += x[i]
				}
			}
			slices.Sort(fin)
			k := len(fin)
			q, ok := sm.summarise(x)
			if !ok {
				t.Fatal("want ok")
			}
			want := [3]float64{fin[rank(k, 0.1)], fin[rank(k, 0.5)], fin[rank(k, 0.9)]}
			if got := [3]float64{q.P10, q.P50, q.P90}; got != want {
				t.Errorf("%s: want P10/P50/P90 %v, got %v", name, want, got)
			}
			if m := sum / float64(k); math.Abs(q.Mean-m) > 1e-9*math.Abs(m)+1e-12 {
				t.Errorf("%s: want mean %v, got %v", name, m, q.Mean)
			}
		})
	}
}

// BenchmarkSummarise measures the quantiles of one column. The columns
// rotate among fresh random data: on a column it has seen, the CPU's
// branch predictor learns the comparisons and the figure flatters
// comparison-based selection several times over.
func BenchmarkSummarise(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			src := make([][]float64, 32)
			for c := range src {
				src[c] = make([]float64, n)
				for i := range src[c] {
					src[c][i] = math.Exp(rng.NormFloat64())
				}
			}
			x := make([]float64, n)
			var sm summariser
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				copy(x, src[i%len(src)])
				i++
				sm.summarise(x)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(n*b.N), "ns/value")
		})
	}
}
