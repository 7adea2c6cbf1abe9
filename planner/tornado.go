package planner

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// TornadoBar is one input of a tornado chart: the output with the input at
// its low and at its high, every other uncertain input at its likely value.
type TornadoBar struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Low and High are the input's values; OutputLow and OutputHigh the
	// output's at them.
	Low        float64 `json:"low"`
	High       float64 `json:"high"`
	OutputLow  float64 `json:"outputLow"`
	OutputHigh float64 `json:"outputHigh"`
	// Swing is |OutputHigh - OutputLow|.
	Swing  float64 `json:"swing"`
	Source string  `json:"source,omitempty"`
}

// Tornado ranks the uncertain inputs by the swing they cause in one output.
type Tornado struct {
	Output string `json:"output"`
	Label  string `json:"label"`
	Unit   string `json:"unit"`
	// Base is the output with every uncertain input at its likely value.
	Base float64      `json:"base"`
	Bars []TornadoBar `json:"bars"`
}

// TornadoOutputs lists the paths Tornado accepts: every Outputs path, and
// each with the prefix "withExperiments.".
func TornadoOutputs() []string {
	var p []string
	for _, o := range Outputs {
		p = append(p, o.Path)
	}
	for _, o := range Outputs {
		p = append(p, "withExperiments."+o.Path)
	}
	return p
}

// Tornado evaluates each uncertain input at its low and high with the others
// at their likely value, and returns the inputs by swing in output, largest
// first (ties in display order). output is an Outputs path, optionally
// prefixed by "withExperiments.". Errors are *FieldError naming "output".
func (s *Simulation) Tornado(output string) (Tornado, error) {
	path, prog := strings.CutPrefix(output, "withExperiments.")
	i := outputIndex(path)
	if i < 0 {
		return Tornado{}, &FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
			Msg: "valid: " + strings.Join(TornadoOutputs(), ", ")}
	}
	o := &Outputs[i]
	get := func(r *Result) (float64, bool) {
		if prog {
			return o.Get(&r.WithExperiments)
		}
		return o.Get(&r.Totals)
	}
	if _, ok := get(&s.Point); !ok {
		return Tornado{}, &FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
			Msg: "is unknown for this scenario (give params and tokens or flops for compute, a chip with embodied data for embodied carbon)"}
	}
	ev := newEvaluator(&s.Resolution.Inputs)
	likely := func(skip int) {
		ev.reset()
		for k := range s.vars {
			if k != skip {
				ev.apply(&s.vars[k], s.vars[k].Range.Likely)
			}
		}
	}
	at := func(k int, x float64) float64 {
		likely(k)
		if k >= 0 {
			ev.apply(&s.vars[k], x)
		}
		r := Evaluate(&ev.in)
		v, ok := get(&r)
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return v
	}
	t := Tornado{Output: output, Label: o.Label, Unit: o.Unit, Base: at(-1, 0)}
	for k := range s.vars {
		v := &s.vars[k]
		b := TornadoBar{Key: v.Key, Label: v.Label, Low: v.Range.Low, High: v.Range.High, Source: v.Source}
		b.OutputLow, b.OutputHigh = at(k, v.Range.Low), at(k, v.Range.High)
		b.Swing = math.Abs(b.OutputHigh - b.OutputLow)
		t.Bars = append(t.Bars, b)
	}
	sort.SliceStable(t.Bars, func(i, j int) bool { return t.Bars[i].Swing > t.Bars[j].Swing })
	return t, nil
}

// OutputPathOf returns the Outputs path of a tornado output path (without
// the "withExperiments." prefix).
func OutputPathOf(path string) string {
	return strings.TrimPrefix(path, "withExperiments.")
}
