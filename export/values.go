package export

import (
	"math"
	"strings"

	"aiplan/planner"
)

// The planner's value of every formula cell is written with the formula
// (the cell's cached value), so that previews, mail clients and scripts
// that do not recalculate see the figures. NaN stands for "n/a".

// valueFunc returns the planner's value of a Model column for one scenario.
type valueFunc func(in *planner.Inputs, r *planner.Result) float64

func maybeNaN(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v
}

// totalsValue returns the getter of an estimate --json path inside Totals.
func totalsValue(path string) func(t *planner.Totals) float64 {
	if o := planner.OutputByPath(path); o != nil {
		return func(t *planner.Totals) float64 { return maybeNaN(o.Get(t)) }
	}
	return nil
}

// clusterValue is C, the cluster value per accelerator.
func clusterValue(in *planner.Inputs) float64 {
	return in.GPUPriceUSD * in.ServerCostFactor / (1 - in.InterconnectShare)
}

// workValues are the Model's working columns, as their formulas define them.
var workValues = map[string]valueFunc{
	"work.hasFLOP": func(_ *planner.Inputs, r *planner.Result) float64 {
		if r.TrainingFLOP.Valid {
			return 1
		}
		return 0
	},
	"work.cluster":  func(in *planner.Inputs, _ *planner.Result) float64 { return clusterValue(in) },
	"work.accShare": func(in *planner.Inputs, _ *planner.Result) float64 { return in.GPUPriceUSD / clusterValue(in) },
	"work.years":    func(_ *planner.Inputs, r *planner.Result) float64 { return r.GPUHours / planner.HoursPerYear },
	"work.hardware": func(_ *planner.Inputs, r *planner.Result) float64 {
		return r.CostBreakdownUSD.AmortizedAccelerators + r.CostBreakdownUSD.AmortizedServerInterconnect
	},
	"work.eac": func(in *planner.Inputs, _ *planner.Result) float64 {
		c, w, life := clusterValue(in), in.WACC, in.DepreciationYears
		if w > 0 {
			d := math.Pow(1+w, -life)
			return (c - in.ResidualValue*c*d) * w / (1 - d)
		}
		return c * (1 - in.ResidualValue) / life
	},
	"work.financing": func(_ *planner.Inputs, r *planner.Result) float64 { return r.CostBreakdownUSD.Financing },
	"work.margin": func(in *planner.Inputs, _ *planner.Result) float64 {
		return in.GPUHourUSD - in.PowerW*in.HostPowerFactor*in.PUE/1000*in.ElectricityUSD
	},
}

// modelValueFuncs returns one getter per Model column (nil for the name).
func modelValueFuncs(cols []column) []valueFunc {
	fs := make([]valueFunc, len(cols))
	for j, c := range cols {
		if w, ok := workValues[c.key]; ok {
			fs[j] = w
			continue
		}
		if p, ok := strings.CutPrefix(c.key, "withExperiments."); ok {
			if g := totalsValue(p); g != nil {
				fs[j] = func(_ *planner.Inputs, r *planner.Result) float64 { return g(&r.WithExperiments) }
			}
			continue
		}
		if g := totalsValue(c.key); g != nil {
			fs[j] = func(_ *planner.Inputs, r *planner.Result) float64 { return g(&r.Totals) }
		}
	}
	return fs
}

// flagValue is the value of an Assumptions flag column.
func flagValue(key string, in *planner.Inputs) float64 {
	on := false
	switch key {
	case KeyHasGPUHours:
		on = in.HasGPUHours
	case KeyEpoch:
		on = in.EpochDepreciation
	case KeyHasEmbodied:
		on = in.HasEmbodied
	}
	if on {
		return 1
	}
	return 0
}

// cached returns a formula cell's cached value: the number, or NA.
func cached(v float64) any {
	if math.IsNaN(v) {
		return NA
	}
	return v
}
