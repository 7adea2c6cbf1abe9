package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// DevRun is one public training disclosure of the development set: what
// was known before the run (size, tokens, hardware) and the GPU-hours it
// reported, with its source.
type DevRun struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Year      int     `json:"year"`
	GPU       string  `json:"gpu"`
	Precision string  `json:"precision"`
	Params    float64 `json:"params"`
	// ActiveParams is set for mixture-of-experts runs only.
	ActiveParams float64 `json:"activeParams,omitempty"`
	Tokens       float64 `json:"tokens"`
	// GPUs is the cluster size where it was disclosed, else 0.
	GPUs     float64 `json:"gpus,omitempty"`
	GPUHours float64 `json:"gpuHours"`
	Source   string  `json:"source"`
	// Basis says how GPUHours was obtained (reported, or derived from a
	// cluster size and a duration).
	Basis string `json:"basis"`
}

// DevSet is the development set file (assets/runs-dev.json).
type DevSet struct {
	Version string            `json:"version"`
	Date    string            `json:"date"`
	Note    string            `json:"note"`
	Sources map[string]Source `json:"sources"`
	Runs    []DevRun          `json:"runs"`
}

// MoE reports whether the run is a mixture of experts.
func (r *DevRun) MoE() bool { return r.ActiveParams > 0 && r.ActiveParams < r.Params }

// Active returns the parameters active per token.
func (r *DevRun) Active() float64 {
	if r.MoE() {
		return r.ActiveParams
	}
	return r.Params
}

// FLOP returns the training compute by 6 x active parameters x tokens.
func (r *DevRun) FLOP() float64 { return 6 * r.Active() * r.Tokens }

// Scenario returns the blind scenario of the run: size, tokens, hardware
// and cluster size only, as an analyst would enter them before the run.
func (r *DevRun) Scenario() Scenario {
	sc := Scenario{Name: r.Name + " (blind)", GPU: r.GPU, Precision: r.Precision, Values: map[string]float64{
		KeyParams: r.Params, KeyTokens: r.Tokens}}
	if r.MoE() {
		sc.Values[KeyActiveParams] = r.ActiveParams
	}
	if r.GPUs > 0 {
		sc.Values[KeyGPUs] = r.GPUs
	}
	return sc
}

// peak returns the dense peak of the run's accelerator at its precision.
func (r *DevRun) peak(cat *Catalog) (float64, error) {
	a := cat.Accelerator(r.GPU)
	if a == nil {
		return 0, &FieldError{Field: "runs." + r.ID + ".gpu", Msg: fmt.Sprintf("unknown accelerator %q; valid: %s", r.GPU, strings.Join(cat.AcceleratorIDs(), ", "))}
	}
	switch r.Precision {
	case PrecisionBF16:
		return a.PeakBF16.Value, nil
	case PrecisionFP8:
		if a.PeakFP8 == nil {
			return 0, &FieldError{Field: "runs." + r.ID + ".precision", Msg: "fp8 on an accelerator without an FP8 peak"}
		}
		return a.PeakFP8.Value, nil
	}
	return 0, &FieldError{Field: "runs." + r.ID + ".precision", Msg: fmt.Sprintf("%q is not bf16 or fp8", r.Precision)}
}

// RealisedMFU returns the utilisation over paid GPU-hours the run's
// disclosure implies: 6ND / (GPU-hours x 3600 x dense peak).
func (r *DevRun) RealisedMFU(cat *Catalog) (float64, error) {
	p, err := r.peak(cat)
	if err != nil {
		return 0, err
	}
	return r.FLOP() / (r.GPUHours * 3600 * p), nil
}

// ParseDevSet decodes and validates the development set: every run has an
// ID, a source that resolves, positive finite sizes and GPU-hours, and
// active parameters below the total where given.
func ParseDevSet(data []byte) (*DevSet, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d DevSet
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("development set: %w", err)
	}
	if len(d.Runs) == 0 {
		return nil, &FieldError{Field: "runs", Msg: "is empty"}
	}
	seen := map[string]bool{}
	for i := range d.Runs {
		r := &d.Runs[i]
		p := "runs." + r.ID
		if r.ID == "" || seen[r.ID] {
			return nil, &FieldError{Field: fmt.Sprintf("runs[%d].id", i), Msg: fmt.Sprintf("%q is empty or repeated", r.ID)}
		}
		seen[r.ID] = true
		for _, k := range sourceKeyList(r.Source) {
			if _, ok := d.Sources[k]; !ok {
				return nil, &FieldError{Field: p + ".source", Msg: fmt.Sprintf("unknown source key %q", k)}
			}
		}
		if r.Source == "" {
			return nil, &FieldError{Field: p + ".source", Msg: "is empty"}
		}
		for _, f := range []struct {
			name   string
			v      float64
			lo, hi float64
		}{{"params", r.Params, 1e6, 1e14}, {"tokens", r.Tokens, 1e9, 1e15}, {"gpuHours", r.GPUHours, 1, 1e10}} {
			if !(f.v >= f.lo && f.v <= f.hi) || math.IsNaN(f.v) {
				return nil, &FieldError{Field: p + "." + f.name, Msg: fmt.Sprintf("%g outside %g-%g", f.v, f.lo, f.hi)}
			}
		}
		if r.ActiveParams < 0 || r.ActiveParams > r.Params || math.IsNaN(r.ActiveParams) {
			return nil, &FieldError{Field: p + ".activeParams", Msg: "must be between 0 and params"}
		}
	}
	return &d, nil
}

// sourceKeyList splits a comma-separated list of source keys.
func sourceKeyList(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}
