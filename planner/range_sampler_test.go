package planner

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestTriangleMatchesGonum checks the precomputed triangle gives gonum's
// distuv.Triangle quantiles bit for bit, so the Monte Carlo's samples are
// unchanged.
func TestTriangleMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct{ a, b, c float64 }{
		{0.2, 0.5, 0.35}, {1, 3, 1}, {1, 3, 3}, {1.05, 1.6, 1.1}, {1.5e4, 4e4, 2.5e4},
	} {
		tri := newTriangle(tc.a, tc.b, tc.c)
		ref := distuv.NewTriangle(tc.a, tc.b, tc.c, nil)
		for range 10000 {
			p := rng.Float64()
			if got, want := tri.quantile(p), ref.Quantile(p); got != want {
				t.Fatalf("triangle(%v, %v, %v) at %v: want %v, got %v", tc.a, tc.b, tc.c, p, want, got)
			}
		}
	}
}
