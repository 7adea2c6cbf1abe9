package plot

import (
	"math"
	"strconv"

	"aiplan/planner"
)

// Tick is one labelled axis position (in axis units: log10 of the data on
// a log axis).
type Tick struct {
	Value float64
	Label string
}

// Axis describes one axis of a Frame: a value axis (linear, or log10 when
// Log is set) or, when Categories is set, a band axis with one slot per
// category.
type Axis struct {
	Title string
	// Min and Max bound the data, in data units (positive on a log axis).
	Min, Max float64
	// Log plots log10 of the data with power-of-ten ticks.
	Log bool
	// ZeroBased extends a linear axis to include 0 (bars start at 0).
	ZeroBased bool
	// Format labels a tick from its data value (planner.HumanUSD, ...).
	Format func(v float64) string
	// Categories makes a band axis.
	Categories []string
}

// Scale maps axis values to pixels along one axis.
type Scale struct {
	Min, Max float64 // in axis units (exponents on a log axis)
	Lo, Hi   int     // pixels of Min and Max
	Log      bool
	Ticks    []Tick
	N        int // number of bands of a band axis
}

// Px returns the pixel of data value v (clamped to the axis).
func (s Scale) Px(v float64) int {
	if s.Log {
		if v <= 0 || math.IsNaN(v) {
			return s.Lo
		}
		v = math.Log10(v)
	}
	return s.PxAxis(v)
}

// PxAxis returns the pixel of axis value u (clamped).
func (s Scale) PxAxis(u float64) int {
	if s.Max == s.Min || math.IsNaN(u) {
		return s.Lo
	}
	f := (u - s.Min) / (s.Max - s.Min)
	f = math.Max(-0.02, math.Min(1.02, f))
	return s.Lo + int(math.Round(f*float64(s.Hi-s.Lo)))
}

// Band returns the pixel bounds of band i of a band axis.
func (s Scale) Band(i int) (lo, hi int) {
	if s.N == 0 {
		return s.Lo, s.Hi
	}
	w := float64(s.Hi-s.Lo) / float64(s.N)
	return s.Lo + int(math.Round(float64(i)*w)), s.Lo + int(math.Round(float64(i+1)*w))
}

// niceSteps are the mantissas of linear tick steps.
var niceSteps = []float64{1, 2, 2.5, 5}

// linearTicks returns the densest nice ticks over [min, max] whose labels
// keep at least minGap pixels apart along an axis of length pixels; size
// gives a label's extent along the axis.
func linearTicks(min, max float64, length int, format func(float64) string, size func(string) int, minGap int) (lo, hi float64, ticks []Tick) {
	if !(max > min) {
		if min == 0 {
			max = 1
		} else {
			lo, hi := min-math.Abs(min)*0.1, max+math.Abs(max)*0.1
			min, max = lo, hi
		}
	}
	span := max - min
	k := math.Floor(math.Log10(span)) - 2
	for tries := 0; tries < 40; tries++ {
		for _, m := range niceSteps {
			step := m * math.Pow(10, k)
			lo, hi := math.Floor(min/step+1e-9)*step, math.Ceil(max/step-1e-9)*step
			n := int(math.Round((hi - lo) / step))
			if n > 60 || n < 1 {
				continue
			}
			ts := make([]Tick, 0, n+1)
			seen := map[string]bool{}
			dup := false
			for i := 0; i <= n; i++ {
				v := lo + float64(i)*step
				if math.Abs(v) < step*1e-9 {
					v = 0
				}
				l := format(v)
				if seen[l] {
					dup = true
					break
				}
				seen[l] = true
				ts = append(ts, Tick{Value: v, Label: l})
			}
			if dup || !fits(ts, lo, hi, length, size, minGap) {
				continue
			}
			return lo, hi, ts
		}
		k++
	}
	return min, max, []Tick{{min, format(min)}, {max, format(max)}}
}

// logTicks returns power-of-ten ticks over [min, max] (exponents), every
// decade or every 2nd, 3rd, 5th, 10th... so that labels do not collide.
func logTicks(min, max float64, length int, format func(float64) string, size func(string) int, minGap int) (lo, hi float64, ticks []Tick) {
	lo, hi = math.Floor(min), math.Ceil(max)
	if hi <= lo {
		hi = lo + 1
	}
	for _, step := range []float64{1, 2, 3, 5, 10, 20, 50, 100} {
		a, b := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
		var ts []Tick
		for e := a; e <= b+1e-9; e += step {
			ts = append(ts, Tick{Value: e, Label: format(math.Pow(10, e))})
		}
		if fits(ts, a, b, length, size, minGap) {
			return a, b, ts
		}
	}
	return lo, hi, []Tick{{lo, format(math.Pow(10, lo))}, {hi, format(math.Pow(10, hi))}}
}

// fits reports whether tick labels centred on their positions along an axis
// of length pixels keep minGap pixels apart.
func fits(ts []Tick, lo, hi float64, length int, size func(string) int, minGap int) bool {
	if len(ts) < 2 {
		return true
	}
	prevEnd := math.Inf(-1)
	for _, t := range ts {
		pos := (t.Value - lo) / (hi - lo) * float64(length)
		half := float64(size(t.Label)) / 2
		if pos-half < prevEnd+float64(minGap) {
			return false
		}
		prevEnd = pos + half
	}
	return true
}

// superscripts are the Unicode superscript digits (Roboto has them).
var superscripts = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

// PowerOfTen labels a power of ten as 10ⁿ (10⁻³, 10²⁴); other values in
// scientific notation.
func PowerOfTen(v float64) string {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	e := math.Round(math.Log10(v))
	if math.Abs(math.Pow(10, e)-v) > v*1e-9 {
		return planner.HumanNumber(v)
	}
	switch e {
	case 0:
		return "1"
	case 1:
		return "10"
	}
	s := []rune("10")
	if e < 0 {
		s = append(s, '⁻')
		e = -e
	}
	for _, d := range strconv.Itoa(int(e)) {
		s = append(s, superscripts[d-'0'])
	}
	return string(s)
}

// finite reports whether every value is a finite number.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
