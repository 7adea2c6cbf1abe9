package planner

import (
	"fmt"
	"math"
)

// ChinchillaTokensPerParam is the compute-optimal ratio of training tokens
// to parameters, about 20 (Hoffmann et al. 2022, "Training Compute-Optimal
// Large Language Models", arXiv 2203.15556: Chinchilla, 70B parameters on
// 1.4T tokens; their Table 3 gives about 20 tokens per parameter across
// compute budgets).
const ChinchillaTokensPerParam = 20

// DefaultSolveDays is the wall-clock time the accelerator count is sized
// for when neither days nor an accelerator count is given: 90 days, an
// assumption of the app (frontier runs of 2023-24 took about 3 months).
const DefaultSolveDays = 90

// Solve methods: which cost the budget buys.
const (
	SolveCloud     = "cloud"
	SolveAmortized = "amortized"
)

// SolveInputs are the inverse question: what does a budget buy. Field
// names in errors are the flags of 'aiplan solve' without dashes.
type SolveInputs struct {
	BudgetUSD float64 `json:"budgetUSD"`
	// Method is "cloud" (rent) or "amortized" (ownership share + energy).
	Method string `json:"method"`
	// Days is the wall-clock target; 0 = the scenario's accelerator count,
	// else DefaultSolveDays.
	Days float64 `json:"days"`
	// TokensPerParam is R in N = sqrt(C / (6R)), D = R N; 0 = Chinchilla's 20.
	TokensPerParam float64 `json:"tokensPerParam"`
}

// SolveResult is what the budget buys on the scenario's hardware.
type SolveResult struct {
	Inputs            SolveInputs `json:"inputs"`
	GPU               string      `json:"gpu"`
	CostPerGPUHourUSD float64     `json:"costPerGPUHourUSD"`
	GPUHours          float64     `json:"gpuHours"`
	TrainingFLOP      float64     `json:"trainingFLOP"`
	Params            float64     `json:"params"`
	Tokens            float64     `json:"tokens"`
	Accelerators      float64     `json:"accelerators"`
	WallClockDays     float64     `json:"wallClockDays"`
	FacilityEnergyKWh float64     `json:"facilityEnergyKWh"`
	EmissionsTCO2e    float64     `json:"emissionsTCO2e"`
	WaterL            float64     `json:"waterL"`
	CostUSD           float64     `json:"costUSD"`
	// Totals is the full estimate of the solved run.
	Totals Totals `json:"totals"`
}

// sizeKeys are the scenario inputs Solve replaces with what the budget buys.
var sizeKeys = []string{KeyParams, KeyActiveParams, KeyTokens, KeyTokensPerParam, KeyFLOPs, KeyGPUHours}

// Solve turns a budget into a training run on the scenario's hardware,
// prices and energy (its size inputs are ignored):
//
//	cost per GPU-hour  c = the method's cost of one GPU-hour (Evaluate)
//	GPU-hours          H = budget / c
//	compute            C = H x 3600 x peak x MFU x goodput
//	parameters         N = sqrt(C / (6 R)),  tokens D = R N
//	accelerators       n = ceil(H / (24 x days))   (or the scenario's count)
//	wall clock           = H / n / 24
//
// then energy, carbon, water and cost as Evaluate computes them for H. The
// budget is the final run's (no experiments multiplier, no staff). A budget
// below one accelerator-hour is an error naming the accepted range.
func Solve(cat *Catalog, sc *Scenario, in SolveInputs) (SolveResult, *Resolution, error) {
	if in.Method == "" {
		in.Method = SolveCloud
	}
	if in.Method != SolveCloud && in.Method != SolveAmortized {
		return SolveResult{}, nil, choiceError("method", in.Method, []string{SolveCloud, SolveAmortized})
	}
	if in.TokensPerParam == 0 {
		in.TokensPerParam = ChinchillaTokensPerParam
	}
	if err := checkRange("tokens-per-param", in.TokensPerParam, 0.01, 1e5, "0.01 to 100000 tokens per parameter"); err != nil {
		return SolveResult{}, nil, err
	}
	if err := checkRange("days", in.Days, 0, 36500, "0 (size by --gpus, else 90 days) to 36500 days"); err != nil {
		return SolveResult{}, nil, err
	}
	if err := checkRange("budget", in.BudgetUSD, 0, 1e13, "more than 0 to 1e13 USD"); err != nil {
		return SolveResult{}, nil, err
	}
	probe := sc.Clone()
	for _, k := range sizeKeys {
		probe.Unset(k)
	}
	probe.Set(KeyFLOPs, 1e24) // placeholder: only prices, power and peak are used
	_, hasGPUs := probe.Value(KeyGPUs)
	if !hasGPUs {
		probe.Set(KeyGPUs, 1)
	}
	res, err := Resolve(cat, &probe)
	if err != nil {
		return SolveResult{}, nil, err
	}
	delete(res.Provenance, KeyFLOPs)
	x := res.Inputs
	x.HasFLOP, x.HasGPUHours, x.GPUHours, x.GPUs = false, true, 1, 1
	unit := Evaluate(&x).CostUSD
	perHour := unit.Cloud
	if in.Method == SolveAmortized {
		perHour = unit.Amortized
	}
	if !(perHour > 0) {
		return SolveResult{}, nil, &FieldError{Field: "method", Value: in.Method, Msg: "costs nothing per GPU-hour with these prices; give a price"}
	}
	if in.BudgetUSD < perHour {
		return SolveResult{}, nil, &FieldError{Field: "budget", Value: FormatNumber(in.BudgetUSD),
			Msg: fmt.Sprintf("accepted: %s (one %s accelerator-hour, %s) to 1e13 USD", HumanNumber(perHour), sc.GPU, in.Method)}
	}
	r := SolveResult{Inputs: in, GPU: sc.GPU, CostPerGPUHourUSD: perHour}
	r.GPUHours = in.BudgetUSD / perHour
	if hi := FieldByKey(KeyGPUHours).Max; r.GPUHours > hi {
		return SolveResult{}, nil, &FieldError{Field: "budget", Value: FormatNumber(in.BudgetUSD),
			Msg: fmt.Sprintf("buys %s GPU-hours; the planner accepts at most %s", HumanNumber(r.GPUHours), HumanNumber(hi))}
	}
	g := res.Inputs
	r.TrainingFLOP = r.GPUHours * 3600 * g.PeakFLOPS * g.MFU * g.Goodput
	r.Params = math.Sqrt(r.TrainingFLOP / (6 * in.TokensPerParam))
	r.Tokens = in.TokensPerParam * r.Params
	switch {
	case in.Days > 0:
		r.Accelerators = math.Max(1, math.Ceil(r.GPUHours/(24*in.Days)))
	case hasGPUs:
		r.Accelerators = g.GPUs
	default:
		r.Inputs.Days = DefaultSolveDays
		r.Accelerators = math.Max(1, math.Ceil(r.GPUHours/(24*DefaultSolveDays)))
	}
	if r.Accelerators > FieldByKey(KeyGPUs).Max {
		return SolveResult{}, nil, &FieldError{Field: "days", Value: FormatNumber(in.Days),
			Msg: fmt.Sprintf("needs %s accelerators; the planner accepts at most %s", HumanNumber(r.Accelerators), HumanNumber(FieldByKey(KeyGPUs).Max))}
	}
	g.GPUs, g.GPUHours, g.HasGPUHours = r.Accelerators, r.GPUHours, true
	g.FLOP, g.HasFLOP = r.TrainingFLOP, true
	t := Evaluate(&g).Totals
	r.Totals = t
	r.WallClockDays = t.WallClockDays
	r.FacilityEnergyKWh = t.FacilityEnergyKWh
	r.EmissionsTCO2e = t.EmissionsTCO2e
	r.WaterL = t.WaterOnsiteL + t.WaterOffsiteL
	r.CostUSD = t.CostUSD.Cloud
	if in.Method == SolveAmortized {
		r.CostUSD = t.CostUSD.Amortized
	}
	if !hasGPUs || in.Days > 0 {
		res.Provenance[KeyGPUs] = Resolved{Value: r.Accelerators, Unit: "count", Source: "= ceil(GPU-hours / (24 x days))", Origin: OriginDerived}
	}
	return r, res, nil
}
