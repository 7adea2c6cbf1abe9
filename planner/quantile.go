package planner

import (
	"math"
	"slices"
)

// summarise returns the P10, P50, P90 and mean of x's finite values,
// reordering x. A quantile is the order statistic at rank ceil(n p) (the
// inverse of the empirical distribution, R's type 1): with thousands of
// samples it differs from interpolating ones by far less than the sampling
// error, and needs no extra pass.
func summarise(x []float64) (Quantiles, bool) {
	var s summariser
	return s.summarise(x)
}

// summariser finds the quantiles of a column with scratch space it keeps
// from one column to the next (one per worker).
//
// Comparison-based selection (Floyd-Rivest, below) spends most of its time
// on branches the CPU cannot predict: on fresh random data each partition
// step is a coin toss, about 12 ns a value for the three ranks. Large
// columns therefore go through a bucket select with no data-dependent
// branch: one pass counts the values in histBuckets equal-width buckets
// between the minimum and the maximum, the prefix sums name the bucket
// holding each rank, a second pass copies those buckets' values out
// (written unconditionally, kept by advancing a length), and the search
// repeats inside each copy (usually a few dozen values, then sorted). The
// answer is the exact order statistic whatever the data: a bucket holding
// every value cannot occur, since the minimum and the maximum fall in the
// first and the last bucket, so each round shrinks the search.
type summariser struct {
	counts [histBuckets]int32
	// buf holds the copies of each round, by depth.
	buf [][3][]float64
}

// Sizes of the bucket select.
const (
	histBuckets = 1024
	histMin     = 2048 // smaller columns are selected directly
	histSort    = 48   // at most this many values are sorted
)

func (s *summariser) summarise(x []float64) (Quantiles, bool) {
	k := 0
	sum := 0.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v == v { // NaN marks an output absent in that sample
			x[k] = v
			k++
			sum += v
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	x = x[:k]
	if k == 0 {
		return Quantiles{}, false
	}
	if lo == hi {
		return Quantiles{P10: lo, P50: lo, P90: lo, Mean: lo}, true
	}
	q := Quantiles{Mean: sum / float64(k)}
	ranks := [3]int{rank(k, 0.1), rank(k, 0.5), rank(k, 0.9)}
	if k < histMin {
		selectK(x, ranks[1])
		if ranks[0] < ranks[1] {
			selectK(x[:ranks[1]], ranks[0])
		}
		if ranks[2] > ranks[1] {
			selectK(x[ranks[1]+1:], ranks[2]-ranks[1]-1)
		}
		q.P10, q.P50, q.P90 = x[ranks[0]], x[ranks[1]], x[ranks[2]]
		return q, true
	}
	var out [3]float64
	s.bucketSelect(x, lo, hi, ranks[:], out[:], 0)
	q.P10, q.P50, q.P90 = out[0], out[1], out[2]
	return q, true
}

// bucketSelect sets out[j] to the value at ranks[j] (ascending) of x, whose
// values are finite, lo its minimum and hi its maximum (lo < hi). depth 0
// is the round (the summariser keeps one set of copies per round).
func (s *summariser) bucketSelect(x []float64, lo, hi float64, ranks []int, out []float64, depth int) {
	if len(x) <= histSort {
		slices.Sort(x)
		for j, r := range ranks {
			out[j] = x[r]
		}
		return
	}
	// bucket of v: floor((v - lo) x scale), the maximum clamped into the last
	const last = histBuckets - 1
	scale := histBuckets / (hi - lo)
	c := &s.counts
	*c = [histBuckets]int32{}
	for _, v := range x {
		c[min(int((v-lo)*scale), last)&last]++
	}
	// the bucket of each rank and the rank inside it
	var target, inside [3]int
	j, below := 0, 0
	for b := 0; b < histBuckets && j < len(ranks); b++ {
		n := int(c[b])
		for j < len(ranks) && ranks[j] < below+n {
			target[j], inside[j] = b, ranks[j]-below
			j++
		}
		below += n
	}
	// distinct target buckets, each copied once
	var bufs [3][]float64
	var size [3]int
	nb := 0
	var slot [3]int
	for j := range ranks {
		if j > 0 && target[j] == target[j-1] {
			slot[j] = slot[j-1]
			continue
		}
		slot[j] = nb
		size[nb] = int(c[target[j]])
		if depth >= len(s.buf) {
			s.buf = append(s.buf, [3][]float64{})
		}
		if cap(s.buf[depth][nb]) < size[nb]+1 {
			s.buf[depth][nb] = make([]float64, size[nb]+1+size[nb]/2)
		}
		bufs[nb] = s.buf[depth][nb][:size[nb]+1]
		nb++
	}
	t0, t1, t2 := -1, -1, -1
	for i := range nb {
		b := target[slices.Index(slot[:len(ranks)], i)]
		switch i {
		case 0:
			t0 = b
		case 1:
			t1 = b
		case 2:
			t2 = b
		}
	}
	// the copy pass: every value is written to each copy and kept where it
	// belongs; the extra slot at the end of each copy takes the last writes
	n0, n1, n2 := 0, 0, 0
	switch nb {
	case 1:
		b0 := bufs[0]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0] = v
			n0 += b2i(b == t0)
		}
	case 2:
		b0, b1 := bufs[0], bufs[1]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0], b1[n1] = v, v
			n0 += b2i(b == t0)
			n1 += b2i(b == t1)
		}
	default:
		b0, b1, b2 := bufs[0], bufs[1], bufs[2]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0], b1[n1], b2[n2] = v, v, v
			n0 += b2i(b == t0)
			n1 += b2i(b == t1)
			n2 += b2i(b == t2)
		}
	}
	// search inside each copy
	for i := range nb {
		sub := bufs[i][:size[i]]
		var rs [3]int
		var res [3]float64
		var js [3]int
		m := 0
		for j := range ranks {
			if slot[j] == i {
				rs[m], js[m] = inside[j], j
				m++
			}
		}
		mn, mx := sub[0], sub[0]
		for _, v := range sub {
			mn, mx = min(mn, v), max(mx, v)
		}
		if mn == mx {
			res = [3]float64{mn, mn, mn}
		} else {
			s.bucketSelect(sub, mn, mx, rs[:m], res[:m], depth+1)
		}
		for k := range m {
			out[js[k]] = res[k]
		}
	}
}

// rank returns the 0-based index of the p-quantile of n sorted values:
// ceil(n p) - 1, at least 0.
func rank(n int, p float64) int {
	return max(int(math.Ceil(float64(n)*p))-1, 0)
}

// selectK reorders x so that x[k] is the k-th smallest, with x[:k] <= x[k]
// <= x[k+1:]: Floyd and Rivest's SELECT (CACM 18(3), 1975, Algorithm 489),
// which narrows the search to a band around k chosen from a sample, so it
// needs about n + min(k, n-k) comparisons. Deterministic.
func selectK(x []float64, k int) { floydRivest(x, 0, len(x)-1, k) }

func floydRivest(x []float64, left, right, k int) {
	for right > left {
		if right-left > 600 {
			n := float64(right - left + 1)
			i := float64(k - left + 1)
			z := math.Log(n)
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(n-s)/n)
			if i < n/2 {
				sd = -sd
			}
			newLeft := max(left, int(float64(k)-i*s/n+sd))
			newRight := min(right, int(float64(k)+(n-i)*s/n+sd))
			floydRivest(x, newLeft, newRight, k)
		}
		t := x[k]
		i, j := left, right
		x[left], x[k] = x[k], x[left]
		if x[right] > t {
			x[right], x[left] = x[left], x[right]
		}
		for i < j {
			x[i], x[j] = x[j], x[i]
			i++
			j--
			for x[i] < t {
				i++
			}
			for x[j] > t {
				j--
			}
		}
		if x[left] == t {
			x[left], x[j] = x[j], x[left]
		} else {
			j++
			x[j], x[right] = x[right], x[j]
		}
		if j <= k {
			left = j + 1
		}
		if k <= j {
			right = j - 1
		}
	}
}
