package planner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Distribution shapes of a Range.
const (
	// DistTriangular is the triangular distribution low / likely / high.
	DistTriangular = "triangular"
	// DistPERT is the PERT distribution: a Beta scaled to [low, high] with
	// alpha = 1 + 4 (likely - low) / (high - low) and
	// beta = 1 + 4 (high - likely) / (high - low).
	DistPERT = "pert"
	// DistLognormal is the lognormal fitted to low and high as its 10th and
	// 90th percentiles; likely is only the tornado's middle value.
	DistLognormal = "lognormal"
	// DistUniform is uniform on [low, high], for evidence that bounds a
	// quantity without favouring a value; likely is only the tornado's
	// middle value.
	DistUniform = "uniform"
)

// Dists lists the valid distribution shapes.
var Dists = []string{DistTriangular, DistPERT, DistLognormal, DistUniform}

// z90 is the standard normal's 90th percentile.
var z90 = distuv.UnitNormal.Quantile(0.9)

// Validate checks the range of the numeric input key more strictly than
// Check, as the Monte Carlo needs it: low <= likely <= high,
// low < high, a known shape, and (except for lognormal tails, which are
// clamped when sampled) every bound inside the input's accepted range.
// Errors are *FieldError naming key.
func (r Range) Validate(key string) error {
	f := FieldByKey(key)
	if f == nil {
		return &FieldError{Field: key, Msg: "unknown input; valid: " + strings.Join(FieldKeys(), ", ")}
	}
	text := fmt.Sprintf("%s,%s,%s", FormatNumber(r.Low), FormatNumber(r.Likely), FormatNumber(r.High))
	for _, v := range []float64{r.Low, r.Likely, r.High} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < f.Min || v > f.Max {
			return &FieldError{Field: key, Value: text, Msg: "accepted: low, likely and high each " + f.RangeText()}
		}
	}
	if !(r.Low <= r.Likely && r.Likely <= r.High && r.Low < r.High) {
		return &FieldError{Field: key, Value: text, Msg: "accepted: low <= likely <= high with low < high"}
	}
	switch r.Dist {
	case "", DistTriangular, DistPERT, DistUniform:
	case DistLognormal:
		if r.Low <= 0 {
			return &FieldError{Field: key, Value: text, Msg: "accepted: a lognormal range needs low > 0"}
		}
	default:
		return choiceError(key+" distribution", r.Dist, Dists)
	}
	return nil
}

// Mean returns the distribution's analytic mean.
func (r Range) Mean() float64 {
	switch r.Dist {
	case DistPERT:
		return (r.Low + 4*r.Likely + r.High) / 6
	case DistLognormal:
		return r.lognormal().Mean()
	case DistUniform:
		return (r.Low + r.High) / 2
	}
	return (r.Low + r.Likely + r.High) / 3
}

// Quantile returns the distribution's analytic p-quantile (gonum distuv),
// before any clamping to the input's accepted range.
func (r Range) Quantile(p float64) float64 {
	switch r.Dist {
	case DistPERT:
		return r.Low + (r.High-r.Low)*r.beta().Quantile(p)
	case DistLognormal:
		return r.lognormal().Quantile(p)
	case DistUniform:
		return distuv.Uniform{Min: r.Low, Max: r.High}.Quantile(p)
	}
	return distuv.NewTriangle(r.Low, r.High, r.Likely, nil).Quantile(p)
}

func (r Range) beta() distuv.Beta {
	w := r.High - r.Low
	return distuv.Beta{Alpha: 1 + 4*(r.Likely-r.Low)/w, Beta: 1 + 4*(r.High-r.Likely)/w}
}

// lognormal fits mu and sigma so that Low and High are the 10th and 90th
// percentiles.
func (r Range) lognormal() distuv.LogNormal {
	lo, hi := math.Log(r.Low), math.Log(r.High)
	return distuv.LogNormal{Mu: (lo + hi) / 2, Sigma: (hi - lo) / (2 * z90)}
}

// Uncertain is one input the Monte Carlo varies: its range and where the
// range comes from.
type Uncertain struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Range Range  `json:"range"`
	// Origin is OriginUser for a range the user gave, OriginCatalogue for a
	// default range from the evidence table, OriginDerived for a default
	// spread centred on a value the user set.
	Origin string `json:"origin"`
	// Source holds catalogue source keys; Note says what the range rests on.
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// ParseRange reads "LOW,LIKELY,HIGH" or "LOW,LIKELY,HIGH,DIST" for the
// numeric input key; each number is a quantity (ParseQuantity: 30%, 35k,
// $2.50). Errors are *FieldError naming key.
func ParseRange(key, s string) (Range, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 && len(parts) != 4 {
		return Range{}, &FieldError{Field: key, Value: fmt.Sprintf("%q", s),
			Msg: "accepted: LOW,LIKELY,HIGH[,DIST] with DIST one of " + strings.Join(Dists, ", ")}
	}
	var v [3]float64
	for i := range v {
		x, err := ParseQuantity(parts[i])
		if err != nil {
			return Range{}, &FieldError{Field: key, Value: fmt.Sprintf("%q", s), Msg: err.Error()}
		}
		v[i] = x
	}
	r := Range{Low: v[0], Likely: v[1], High: v[2], Dist: DistTriangular}
	if len(parts) == 4 {
		r.Dist = strings.TrimSpace(parts[3])
	}
	return r, r.Validate(key)
}

// sampler draws one variable: triangular and uniform through their
// quantile functions from one uniform draw (the same arithmetic as gonum's
// distuv, with the constants worked out once), PERT as a scaled gonum
// Beta, lognormal from a gonum normal draw.
type sampler struct {
	dist   int
	tri    triangle
	beta   distuv.Beta
	logn   distuv.LogNormal
	lo, hi float64 // PERT scale; clamp bounds for lognormal
}

const (
	sampTri = iota
	sampUni
	sampPERT
	sampLogn
)

func newSampler(r Range, key string) sampler {
	f := FieldByKey(key)
	s := sampler{lo: r.Low, hi: r.High}
	switch r.Dist {
	case DistPERT:
		s.dist, s.beta = sampPERT, r.beta()
	case DistLognormal:
		s.dist, s.logn = sampLogn, r.lognormal()
		s.lo, s.hi = f.Min, f.Max
	case DistUniform:
		s.dist = sampUni
	default:
		s.dist, s.tri = sampTri, newTriangle(r.Low, r.High, r.Likely)
	}
	return s
}

// withSource returns a copy whose gonum distribution draws from src.
func (s sampler) withSource(src rand.Source) sampler {
	s.beta.Src = src
	s.logn.Src = src
	return s
}

func (s *sampler) draw(rng *rand.Rand) float64 {
	switch s.dist {
	case sampUni:
		return rng.Float64()*(s.hi-s.lo) + s.lo // distuv.Uniform.Quantile
	case sampPERT:
		return s.lo + (s.hi-s.lo)*s.beta.Rand()
	case sampLogn:
		return min(max(s.logn.Rand(), s.lo), s.hi)
	}
	return s.tri.quantile(rng.Float64())
}

// triangle is the triangular distribution on [a, b] with mode c, as
// distuv.Triangle computes its quantile, with the constants precomputed:
//
//	Q(p) = a + sqrt(p (b-a) (c-a))          p < (c-a)/(b-a)
//	     = b - sqrt((1-p) (b-a) (b-c))      otherwise
type triangle struct{ a, b, f, ba, ca, bc float64 }

func newTriangle(a, b, c float64) triangle {
	return triangle{a: a, b: b, f: (c - a) / (b - a), ba: b - a, ca: c - a, bc: b - c}
}

// quantile works out both branches and picks one by a mask: the branch on
// a fresh random p would be mispredicted half the time, which costs more
// than the second square root.
func (t *triangle) quantile(p float64) float64 {
	left := math.Float64bits(t.a + math.Sqrt(p*t.ba*t.ca))
	right := math.Float64bits(t.b - math.Sqrt((1-p)*t.ba*t.bc))
	m := -uint64(b2i(p < t.f))
	return math.Float64frombits(left&m | right&^m)
}
