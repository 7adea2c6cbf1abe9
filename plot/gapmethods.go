package plot

import (
	"fmt"

	"aiplan/planner"
)

// NewMethodWaterfall builds the first-year waterfall of r for its method:
// Cahn's (NewWaterfall), or, for capex-return (Kupperman) and capex-ratio
// (Bain), the same walk from the year's AI capex to the required revenue
// and the gap, in that method's own steps:
//
//	capex-return  K, + return over the life rho x L x K, = K (1 + rho L),
//	              + gross margin: / g, = the vintage's lifetime need, then
//	              the life steps as Cahn's (later years, earlier vintages)
//	capex-ratio   K, + K / c - K, = required revenue (no life: all due in
//	              its own year)
//
// and then minus the revenue side (Bain's funding sources when it is not AI
// revenue) down to the gap.
func NewMethodWaterfall(r *planner.GapResult) (*Waterfall, error) {
	w, err := NewWaterfall(r)
	if err != nil || r.Method == "" || r.Method == planner.MethodCahn {
		return w, err
	}
	// NewWaterfall's first four steps are Cahn's run-rate, rest of the
	// data-centre cost, data-centre cost and margin; the rest (life,
	// revenue, gap) is the same for every method.
	in := &r.Inputs
	k, need := r.AICapexUSD, r.VintageRevenueUSD
	head := []WaterfallStep{{Label: "AI capex, first year", Kind: StepTotal, ValueUSD: k}}
	switch r.Method {
	case planner.MethodCapexReturn:
		w.Title = fmt.Sprintf("From AI capex to the revenue gap, %d (Kupperman)", in.Year)
		w.Subtitle = "Kupperman (Praetorian Capital, 2025): (K / L + ρK) / g a year for L years; minus revenue = gap."
		withReturn := k * (1 + in.ReturnRate*in.LifeYears)
		if in.ReturnRate > 0 {
			head = append(head,
				WaterfallStep{Label: fmt.Sprintf("+ return on capital (%s a year × %s years)", planner.HumanPercent(in.ReturnRate), planner.FormatNumber(in.LifeYears)), Kind: StepAdd, ValueUSD: withReturn - k},
				WaterfallStep{Label: "= Capital to recover", Kind: StepTotal, ValueUSD: withReturn})
		}
		head = append(head, WaterfallStep{Label: "÷ gross margin on AI revenue (" + planner.HumanPercent(in.GrossMargin) + ")", Kind: StepAdd, ValueUSD: need - withReturn})
	case planner.MethodCapexRatio:
		w.Title = fmt.Sprintf("From AI capex to the revenue gap, %d (Bain)", in.Year)
		w.Subtitle = "Bain & Company (Technology Report 2025): capex / sustainable capex-to-revenue ratio = required revenue; minus revenue = gap."
		head = append(head, WaterfallStep{Label: "÷ capex-to-revenue ratio (" + planner.HumanPercent(in.CapexRevenueRatio) + ")", Kind: StepAdd, ValueUSD: need - k})
	default:
		return nil, fmt.Errorf("plot: waterfall: unknown method %q", r.Method)
	}
	w.Steps = append(head, w.Steps[4:]...)
	if in.RevenueNotAI {
		for i := range w.Steps {
			if w.Steps[i].Label == revenueStepLabel {
				w.Steps[i].Label = "− revenue side (funding sources, not AI revenue)"
			}
		}
	}
	return w, nil
}

// gapInputText formats the value of a bubble-gap input for a tornado label;
// ok is false for other keys.
func gapInputText(key string, v float64) (string, bool) {
	switch key {
	case planner.GapKeyDCRevenue, planner.GapKeyAIRevenue, planner.GapKeyCapex:
		return planner.HumanUSD(v), true
	case planner.GapKeyGPUShare, planner.GapKeyMargin, planner.GapKeyReturn, planner.GapKeyGrossMargin, planner.GapKeyCapexRevenueRatio:
		return planner.HumanPercent(v), true
	case planner.GapKeyLife:
		if v == 1 {
			return "1 year", true
		}
		return planner.HumanNumber(v) + " years", true
	case planner.GapKeyCapexGrowth, planner.GapKeyRevenueGrowth:
		return planner.HumanNumber(v) + "×", true
	}
	return "", false
}
