package planner

import (
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// pilotSamples is the size of the pilot of a streamed run: its samples are
// stored, and bracket each quantile for the samples after them.
const pilotSamples = 64 * chunkSamples

// streamMin is the smallest run that streams: below, storing every sample
// (at most 70 MB) costs less than the pilot's selection.
const streamMin = 4 * pilotSamples

// bracketSigmas is the half-width of a bracket in standard errors of the
// pilot's quantile: a quantile of the whole run falls outside with a
// probability far below 1e-9, and then Run falls back to storing every
// sample.
const bracketSigmas = 6

// bracket gathers the values of one column around one quantile: how many
// fall below lo, how many equal lo or hi, and the values strictly between.
// Together they give the column's order statistics at every rank from
// below to below + atLo + len(inside) + atHi - 1 exactly.
type bracket struct {
	lo, hi     float64
	below      int
	atLo, atHi int
	inside     []float64
}

// addInside counts v, which lies in [lo, hi] (below is counted apart).
func (b *bracket) addInside(v float64) {
	switch v {
	case b.lo:
		b.atLo++
	case b.hi:
		b.atHi++
	default:
		b.inside = append(b.inside, v)
	}
}

// merge adds o's counts and values to b.
func (b *bracket) merge(o *bracket) {
	b.below += o.below
	b.atLo += o.atLo
	b.atHi += o.atHi
	b.inside = append(b.inside, o.inside...)
}

// at returns the value of rank r (0-based, among the column's finite
// values), false when r is outside the bracket. It reorders b.inside.
func (b *bracket) at(r int) (float64, bool) {
	r -= b.below
	switch {
	case r < 0:
		return 0, false
	case r < b.atLo:
		return b.lo, true
	}
	r -= b.atLo
	if r < len(b.inside) {
		selectK(b.inside, r)
		return b.inside[r], true
	}
	if r -= len(b.inside); r < b.atHi {
		return b.hi, true
	}
	return 0, false
}

// stream is one worker's (or the merged) state of every column: the
// count of unknown values and a bracket per quantile.
type stream struct {
	nan []int
	br  [][3]bracket
}

func newStream(proto [][3]bracket) *stream {
	st := &stream{nan: make([]int, len(proto)), br: make([][3]bracket, len(proto))}
	for j := range proto {
		for q := range 3 {
			st.br[j][q] = bracket{lo: proto[j][q].lo, hi: proto[j][q].hi}
		}
	}
	return st
}

// addColumn counts the values x of column j and returns the sum of the
// known ones, added in order. The bounds and counts stay in registers; a
// value inside a bracket (rare) takes a branch.
func (st *stream) addColumn(j int, x []float64) (sum float64) {
	b := &st.br[j]
	lo0, hi0, lo1, hi1, lo2, hi2 := b[0].lo, b[0].hi, b[1].lo, b[1].hi, b[2].lo, b[2].hi
	var n0, n1, n2, nan int
	for _, v := range x {
		if v != v { // NaN marks an output absent in that sample
			nan++
			continue
		}
		sum += v
		n0 += b2i(v < lo0)
		n1 += b2i(v < lo1)
		n2 += b2i(v < lo2)
		if b2i(v >= lo0)&b2i(v <= hi0) != 0 {
			b[0].addInside(v)
		}
		if b2i(v >= lo1)&b2i(v <= hi1) != 0 {
			b[1].addInside(v)
		}
		if b2i(v >= lo2)&b2i(v <= hi2) != 0 {
			b[2].addInside(v)
		}
	}
	b[0].below += n0
	b[1].below += n1
	b[2].below += n2
	st.nan[j] += nan
	return sum
}

// size returns the number of values held inside the brackets.
func (st *stream) size() int {
	n := 0
	for j := range st.br {
		for q := range 3 {
			n += len(st.br[j][q].inside)
		}
	}
	return n
}

// quantileProbs are the probabilities of P10, P50 and P90.
var quantileProbs = [3]float64{0.1, 0.5, 0.9}

// pilotBrackets returns the brackets of a pilot column: around each
// quantile p, the pilot's order statistics at p -/+ bracketSigmas standard
// errors (selected as summarise does, without sorting). A column with no
// known value gets empty brackets (every later value falls outside, and
// the run falls back to storing every sample).
func (sm *summariser) pilotBrackets(x []float64) [3]bracket {
	k := 0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v == v {
			x[k] = v
			k++
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	x = x[:k]
	var br [3]bracket
	var below, above [3]int
	for q, p := range quantileProbs {
		d := bracketSigmas*math.Sqrt(p*(1-p)/float64(k)) + 2/float64(k)
		below[q] = max(int(math.Floor(float64(k)*(p-d))), 0)
		above[q] = min(int(math.Ceil(float64(k)*(p+d))), k-1)
	}
	var vlo, vhi [3]float64
	switch {
	case k == 0:
		vlo, vhi = [3]float64{lo, lo, lo}, [3]float64{lo, lo, lo} // +Inf
	case lo == hi || k < histMin:
		slices.Sort(x)
		for q := range br {
			vlo[q], vhi[q] = x[below[q]], x[above[q]]
		}
	default:
		sm.bucketSelect(x, lo, hi, below[:], vlo[:], 0)
		sm.bucketSelect(x, lo, hi, above[:], vhi[:], 0)
	}
	for q := range br {
		br[q].lo, br[q].hi = vlo[q], vhi[q]
	}
	return br
}

// runStream draws the pilot into stored columns, brackets each quantile
// from it, then streams every sample (the pilot's included) through the
// brackets; the means come from per-chunk sums added in chunk order, so
// the result does not depend on the number of workers. It returns nil
// quantiles (and no error) when a quantile falls outside its bracket or
// the brackets grow past a quarter of the samples: Run then stores every
// sample instead.
func (s *Simulation) runStream(ctx context.Context, n, workers int, seed uint64) ([]Quantiles, []bool, error) {
	nCols := s.columns()
	chunks := (n + chunkSamples - 1) / chunkSamples
	sums := make([]float64, chunks*nCols) // sums[c*nCols+j]: chunk c, column j

	// the pilot, stored
	pilot := splitColumns(make([]float64, pilotSamples*nCols), nCols, pilotSamples)
	var next atomic.Int64
	s.forWorkers(workers, func(ws *workerState) {
		s.drawColumns(ctx, ws, pilot, &next, 0, pilotSamples, seed)
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	proto := make([][3]bracket, nCols)
	parallel(workers, nCols, func(j int) {
		sm := summariserPool.Get().(*summariser)
		proto[j] = sm.pilotBrackets(slices.Clone(pilot[j]))
		summariserPool.Put(sm)
	})
	all := newStream(proto)
	for j, col := range pilot {
		for c := range pilotSamples / chunkSamples {
			sums[c*nCols+j] = all.addColumn(j, col[c*chunkSamples:(c+1)*chunkSamples])
		}
	}
	pilot = nil //nolint:ineffassign,wastedassign // free the pilot before the stream

	// the rest, streamed
	budget := n * nCols / 4
	var held atomic.Int64
	held.Store(int64(all.size()))
	var mu sync.Mutex
	next.Store(0)
	s.forWorkers(workers, func(ws *workerState) {
		st := newStream(proto)
		buf := splitColumns(make([]float64, chunkSamples*nCols), nCols, chunkSamples)
		last := 0
		for {
			c := pilotSamples/chunkSamples + int(next.Add(1)-1)
			if c >= chunks || ctx.Err() != nil || held.Load() > int64(budget) {
				break
			}
			m := min((c+1)*chunkSamples, n) - c*chunkSamples
			s.drawChunk(ws, buf, c, n, c*chunkSamples, seed)
			for j := range buf {
				sums[c*nCols+j] = st.addColumn(j, buf[j][:m])
			}
			size := st.size()
			held.Add(int64(size - last))
			last = size
		}
		mu.Lock()
		for j := range st.br {
			all.nan[j] += st.nan[j]
			for q := range 3 {
				all.br[j][q].merge(&st.br[j][q])
			}
		}
		mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if held.Load() > int64(budget) {
		return nil, nil, nil
	}

	qs := make([]Quantiles, nCols)
	oks := make([]bool, nCols)
	failed := atomic.Bool{}
	parallel(workers, nCols, func(j int) {
		k := n - all.nan[j]
		if k == 0 {
			return
		}
		sum := 0.0
		for c := range chunks {
			sum += sums[c*nCols+j]
		}
		q := Quantiles{Mean: sum / float64(k)}
		out := [3]*float64{&q.P10, &q.P50, &q.P90}
		for i, p := range quantileProbs {
			v, ok := all.br[j][i].at(rank(k, p))
			if !ok {
				failed.Store(true)
				return
			}
			*out[i] = v
		}
		qs[j], oks[j] = q, true
	})
	if failed.Load() {
		return nil, nil, nil
	}
	return qs, oks, nil
}

// parallel calls f(0) ... f(n-1) on at most workers goroutines.
func parallel(workers, n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(workers)
	for i := range n {
		g.Go(func() error {
			f(i)
			return nil
		})
	}
	g.Wait() //nolint:errcheck // the tasks return nil
}
