package planner

import (
	"fmt"
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
