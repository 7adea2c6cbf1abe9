package planner

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Gap inputs that carry an uncertainty range: the flags of 'aiplan gap'
// without dashes, as GapInputs.Validate names them.
const (
	GapKeyDCRevenue     = "dc-revenue"
	GapKeyGPUShare      = "gpu-share"
	GapKeyMargin        = "margin"
	GapKeyAIRevenue     = "ai-revenue"
	GapKeyLife          = "life"
	GapKeyCapexGrowth   = "capex-growth"
	GapKeyRevenueGrowth = "revenue-growth"
)

// GapRangeKeys lists the gap inputs that can carry a range, in the order of
// the flags of 'aiplan gap'.
var GapRangeKeys = []string{GapKeyDCRevenue, GapKeyGPUShare, GapKeyMargin, GapKeyAIRevenue,
	GapKeyLife, GapKeyCapexGrowth, GapKeyRevenueGrowth}

var gapLabels = map[string]string{
	GapKeyDCRevenue:     "Data-centre revenue run-rate",
	GapKeyGPUShare:      "GPU share of TCO",
	GapKeyMargin:        "End-user gross margin",
	GapKeyAIRevenue:     "AI revenue, first year",
	GapKeyLife:          "Depreciation life",
	GapKeyCapexGrowth:   "Capex growth",
	GapKeyRevenueGrowth: "Revenue growth",
}

// gapLimits returns the accepted values of the gap input key (those of
// GapInputs.Validate).
func gapLimits(key string) (lo, hi float64, ok bool) {
	switch key {
	case GapKeyDCRevenue, GapKeyAIRevenue:
		return 0, gapMaxUSD, true
	case GapKeyGPUShare:
		return gapMinShare, 1, true
	case GapKeyMargin:
		return 0, gapMaxMargin, true
	case GapKeyLife:
		return gapMinLife, gapMaxLife, true
	case GapKeyCapexGrowth, GapKeyRevenueGrowth:
		return gapMinGrowth, gapMaxGrowth, true
	}
	return 0, 0, false
}

// Outputs of GapTornado.
const (
	// GapOutputGap is the first year's gap, GapResult.GapUSD.
	GapOutputGap = "gapUSD"
	// GapOutputCumulative is the cumulative gap of the last year of the
	// horizon.
	GapOutputCumulative = "cumulativeGapUSD"
)

// GapTornadoOutputs lists the outputs GapTornado accepts.
func GapTornadoOutputs() []string { return []string{GapOutputGap, GapOutputCumulative} }

// gapValue returns the value of the gap input key; the AI revenue is
// AIRevenueUSD when set, else the revenue table's total.
func gapValue(in *GapInputs, key string) float64 {
	switch key {
	case GapKeyDCRevenue:
		return in.DCRevenueUSD
	case GapKeyGPUShare:
		return in.GPUShare
	case GapKeyMargin:
		return in.Margin
	case GapKeyAIRevenue:
		if in.AIRevenueUSD != nil {
			return *in.AIRevenueUSD
		}
		total := 0.0
		for _, it := range in.Revenue {
			total += it.USD
		}
		return total
	case GapKeyLife:
		return in.LifeYears
	case GapKeyCapexGrowth:
		return in.CapexGrowth
	case GapKeyRevenueGrowth:
		return in.RevenueGrowth
	}
	panic("planner: unknown gap input " + key)
}

// setGap sets the gap input key of in to x.
func setGap(in *GapInputs, key string, x float64) {
	switch key {
	case GapKeyDCRevenue:
		in.DCRevenueUSD = x
	case GapKeyGPUShare:
		in.GPUShare = x
	case GapKeyMargin:
		in.Margin = x
	case GapKeyAIRevenue:
		in.AIRevenueUSD = &x
	case GapKeyLife:
		in.LifeYears = x
	case GapKeyCapexGrowth:
		in.CapexGrowth = x
	case GapKeyRevenueGrowth:
		in.RevenueGrowth = x
	default:
		panic("planner: unknown gap input " + key)
	}
}

// GapUncertainInputs returns the default ranges of the gap inputs from the
// catalogue's evidence table (cat.Uncertainty.Gap), likely at the inputs'
// values. An input named in set (one the user gave) gets the row's spread
// centred on its value; the others get the row's range as for a catalogue
// value (absolute bounds widened to hold the value, or relative factors).
// Bounds are rounded to 4 significant digits and clamped to the accepted
// values; an input whose range collapses (a zero revenue) is left out.
// Errors are *FieldError from GapInputs.Validate.
func GapUncertainInputs(cat *Catalog, in GapInputs, set map[string]bool) ([]Uncertain, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out []Uncertain
	m := in.method()
	for _, key := range GapRangeKeys {
		d := cat.GapDefaultRange(key)
		if d == nil || (MethodOf(key, m) != "" && !containsKey(MethodKeys(m), key)) {
			continue // no range, or an input of another method
		}
		v := gapValue(&in, key)
		u := Uncertain{Key: key, Label: gapLabels[key], Source: d.Source, Note: d.Basis()}
		r := Range{Likely: v, Dist: d.Dist}
		switch {
		case set[key]:
			if d.UserLow == 0 {
				continue
			}
			r.Low, r.High = v*d.UserLow, v*d.UserHigh
			u.Origin = OriginDerived
			u.Note = "spread centred on the user's value; " + d.Basis()
		case d.Kind == RangeAbsolute:
			r.Low, r.High = math.Min(d.Low, v), math.Max(d.High, v)
			u.Origin = OriginCatalogue
		case d.Kind == RangeRelative:
			lo, hi := d.Factors()
			r.Low, r.High = v*lo, v*hi
			u.Origin = OriginCatalogue
		default:
			continue
		}
		accLo, accHi, _ := gapLimits(key)
		r.Low, r.High = math.Max(roundSig(r.Low), accLo), math.Min(roundSig(r.High), accHi)
		r.Likely = math.Min(math.Max(r.Likely, r.Low), r.High)
		if !(r.Low < r.High) {
			continue
		}
		u.Range = r
		out = append(out, u)
	}
	return out, nil
}

// GapTornado sets each of vars at its low and at its high, the others at
// their likely value, evaluates the gap model and returns the inputs by
// the swing in output (GapTornadoOutputs), largest first (ties in vars
// order). Keys of vars are GapRangeKeys; a range must hold
// low <= likely <= high inside the input's accepted values.
//
//	gapUSD            first year: required(0) - revenue(0)
//	cumulativeGapUSD  last year of the horizon: gap(0) + ... + gap(Years-1)
//
// With L = 1 and flat growth the first year's gap is
// dc-revenue / gpu-share / (1 - margin) - ai-revenue. Errors are
// *FieldError naming "output", the input of a bad range, or the input whose
// value makes the model overflow.
func GapTornado(in GapInputs, vars []Uncertain, output string) (Tornado, error) {
	var get func(r *GapResult) float64
	switch output {
	case GapOutputGap:
		get = func(r *GapResult) float64 { return r.GapUSD }
	case GapOutputCumulative:
		get = func(r *GapResult) float64 { return r.Years[len(r.Years)-1].CumulativeGapUSD }
	default:
		return Tornado{}, &FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
			Msg: "valid: " + strings.Join(GapTornadoOutputs(), ", ")}
	}
	if err := in.Validate(); err != nil {
		return Tornado{}, err
	}
	for i, v := range vars {
		if slices.ContainsFunc(vars[:i], func(w Uncertain) bool { return w.Key == v.Key }) {
			return Tornado{}, &FieldError{Field: v.Key, Msg: "has two ranges; give one"}
		}
		lo, hi, ok := gapLimits(v.Key)
		if !ok {
			return Tornado{}, &FieldError{Field: v.Key, Msg: "not a gap input; valid: " + strings.Join(GapRangeKeys, ", ")}
		}
		r := v.Range
		if !(lo <= r.Low && r.Low <= r.Likely && r.Likely <= r.High && r.High <= hi) {
			return Tornado{}, &FieldError{Field: v.Key,
				Value: fmt.Sprintf("%s,%s,%s", FormatNumber(r.Low), FormatNumber(r.Likely), FormatNumber(r.High)),
				Msg:   fmt.Sprintf("accepted: %s <= low <= likely <= high <= %s", HumanNumber(lo), HumanNumber(hi))}
		}
	}
	likely := in
	for _, v := range vars {
		setGap(&likely, v.Key, v.Range.Likely)
	}
	at := func(k int, x float64) (float64, error) {
		p := likely
		if k >= 0 {
			setGap(&p, vars[k].Key, x)
		}
		r, err := EvaluateGap(p)
		if err != nil {
			return 0, err
		}
		return get(&r), nil
	}
	base, err := at(-1, 0)
	if err != nil {
		return Tornado{}, err
	}
	label := "Gap, first year"
	if output == GapOutputCumulative {
		label = "Cumulative gap, last year"
	}
	t := Tornado{Output: output, Label: label, Unit: "USD", Base: base}
	for k, v := range vars {
		b := TornadoBar{Key: v.Key, Label: v.Label, Low: v.Range.Low, High: v.Range.High, Source: v.Source}
		if b.OutputLow, err = at(k, v.Range.Low); err != nil {
			return Tornado{}, err
		}
		if b.OutputHigh, err = at(k, v.Range.High); err != nil {
			return Tornado{}, err
		}
		b.Swing = math.Abs(b.OutputHigh - b.OutputLow)
		t.Bars = append(t.Bars, b)
	}
	sort.SliceStable(t.Bars, func(i, j int) bool { return t.Bars[i].Swing > t.Bars[j].Swing })
	return t, nil
}
