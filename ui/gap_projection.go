package ui

import (
	"fmt"
	"strconv"
	"strings"

	"aiplan/planner"
)

// The Bubble gap tab's training-cost projection part (inputs, evaluation).

// ProjectionInputs returns the last valid projection inputs.
func (v *GapView) ProjectionInputs() planner.ProjectionInputs { return v.proj }

// SetProjectionInputs shows the projection inputs; no OnChanged.
func (v *GapView) SetProjectionInputs(in planner.ProjectionInputs) {
	v.loading = true
	v.BaseCost.SetText(usdText(in.BaseCostUSD))
	v.BaseYear.SetText(strconv.Itoa(in.BaseYear))
	v.Growth.SetText(growthText(in.Growth))
	v.GrowthLow.SetText(growthText(in.GrowthLow))
	v.GrowthHigh.SetText(growthText(in.GrowthHigh))
	v.Until.SetText(strconv.Itoa(in.Until))
	basis := in.Basis
	if basis == "" {
		basis = planner.CostBasisAmortized
	}
	v.Basis.SetSelected(basis)
	v.loading = false
	v.evaluateProjection(false, &in)
}

func (v *GapView) applyProjection() {
	v.clear(projKeys...)
	r := &reader{v: v}
	in := planner.ProjectionInputs{BaseModel: v.proj.BaseModel}
	in.BaseCostUSD = r.num("base-cost")
	in.BaseYear = r.whole("base-year")
	in.Growth = r.num("growth")
	in.GrowthLow = r.num("growth-low")
	in.GrowthHigh = r.num("growth-high")
	in.Until = r.whole("until")
	in.Basis = v.Basis.Selected
	if r.err != nil {
		v.showStatus(r.err)
		return
	}
	if in.BaseCostUSD != v.proj.BaseCostUSD || in.BaseYear != v.proj.BaseYear {
		in.BaseModel = ""
	}
	v.evaluateProjection(true, &in)
}

func (v *GapView) evaluateProjection(user bool, in *planner.ProjectionInputs) {
	if !user {
		v.clear(projKeys...)
	}
	res, err := planner.Project(*in)
	if err != nil {
		v.markModelError(err)
		v.showStatus(err)
		return
	}
	v.proj, v.projRes = res.Inputs, res
	var parts []string
	for i, k := range planner.ThresholdKeys {
		parts = append(parts, fmt.Sprintf("%s run: %s", planner.HumanUSD(planner.Thresholds[i]), yearOrAfter(res.ThresholdYears[k], in.Until)))
	}
	v.Thresholds.SetText("Frontier run crosses " + strings.Join(parts, "; ") + " (central growth, " + in.Basis + " basis).")
	v.showStatus(nil)
	v.scheduleCharts()
	if user {
		v.changed()
	}
}

func yearOrAfter(y *int, until int) string {
	if y == nil {
		return fmt.Sprintf("not by %d", until)
	}
	return strconv.Itoa(*y)
}
