package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// ProjectionView is the frontier training-cost projection (the Bubble gap
// tab's "Training cost" page): base cost and year, growth with its band,
// the years the $1B, $10B and $100B runs arrive, and the chart with the
// window's scenarios at their year. Its state is its last valid inputs and
// result.
type ProjectionView struct {
	// Basis picks the cost basis of the base figure.
	Basis *widget.Select
	// Status shows the refused input, if any; Thresholds the crossing years.
	Status, Thresholds *widget.Label
	Chart              *ChartImage
	// OnChanged runs after a user edit that evaluates.
	OnChanged func()

	cat *planner.Catalog
	*fields
	in        planner.ProjectionInputs
	res       planner.ProjectionResult
	scenarios []planner.Scenario
	part      filePart[planner.ProjectionInputs]
	content   fyne.CanvasObject
}

// projKeys are the view's inputs.
var projKeys = []string{planner.ProjKeyBaseCost, planner.ProjKeyBaseYear, planner.ProjKeyGrowth,
	planner.ProjKeyGrowthLow, planner.ProjKeyGrowthHigh, planner.ProjKeyUntil, planner.ProjKeyBasis}

// newProjectionView shows the catalogue's default projection.
func newProjectionView(cat *planner.Catalog) (*ProjectionView, error) {
	in, err := planner.DefaultProjection(cat)
	if err != nil {
		return nil, err
	}
	v := &ProjectionView{cat: cat, fields: newFields(), part: newFilePart[planner.ProjectionInputs]()}
	v.Status = newStatus()
	e := func(k string) *widget.Entry { return v.fields.add(k, v.apply) }
	v.Basis = widget.NewSelect([]string{planner.CostBasisAmortized, planner.CostBasisCloud, planner.CostBasisAcquisition}, func(string) {
		if !v.fields.loading {
			v.apply()
		}
	})
	v.Thresholds = widget.NewLabel("")
	v.Thresholds.Wrapping = fyne.TextWrapWord
	v.Chart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.in
		return plot.KindProjection, plot.Input{Catalog: v.cat, Projection: &in, Scenarios: cloneScenarios(v.scenarios)}
	})
	form := container.NewGridWithColumns(2,
		widget.NewForm(
			widget.NewFormItem("Base cost (USD)", e(planner.ProjKeyBaseCost)),
			widget.NewFormItem("Base year", e(planner.ProjKeyBaseYear)),
			widget.NewFormItem("Cost basis", v.Basis),
		),
		widget.NewForm(
			widget.NewFormItem("Growth (×/yr)", e(planner.ProjKeyGrowth)),
			widget.NewFormItem("Band low / high", container.NewGridWithColumns(2, e(planner.ProjKeyGrowthLow), e(planner.ProjKeyGrowthHigh))),
			widget.NewFormItem("Until", e(planner.ProjKeyUntil)),
		),
	)
	v.content = container.NewBorder(container.NewVBox(v.Status, form, v.Thresholds), nil, nil, nil, v.Chart)
	v.SetInputs(in)
	return v, nil
}

// Content returns the page.
func (v *ProjectionView) Content() fyne.CanvasObject { return v.content }

// Inputs returns the last valid inputs.
func (v *ProjectionView) Inputs() planner.ProjectionInputs { return v.in }

// Result returns the last valid result.
func (v *ProjectionView) Result() planner.ProjectionResult { return v.res }

// SetInputs shows in; no OnChanged.
func (v *ProjectionView) SetInputs(in planner.ProjectionInputs) {
	v.fields.loading = true
	v.fields.set(planner.ProjKeyBaseCost, in.BaseCostUSD, usdText(in.BaseCostUSD))
	v.fields.set(planner.ProjKeyBaseYear, float64(in.BaseYear), strconv.Itoa(in.BaseYear))
	v.fields.set(planner.ProjKeyGrowth, in.Growth, growthText(in.Growth))
	v.fields.set(planner.ProjKeyGrowthLow, in.GrowthLow, growthText(in.GrowthLow))
	v.fields.set(planner.ProjKeyGrowthHigh, in.GrowthHigh, growthText(in.GrowthHigh))
	v.fields.set(planner.ProjKeyUntil, float64(in.Until), strconv.Itoa(in.Until))
	basis := in.Basis
	if basis == "" {
		basis = planner.CostBasisAmortized
	}
	v.Basis.SetSelected(basis)
	v.fields.loading = false
	v.fields.clear(projKeys...)
	v.evaluate(in)
}

// update takes the window's scenarios (drawn at their year) and loads the
// file's projection part (nil: the default) when it changed since the last
// load or Store.
func (v *ProjectionView) update(f *planner.File) {
	v.scenarios = cloneScenarios(f.Scenarios)
	v.part.reload(f.Projection, func() (planner.ProjectionInputs, error) { return planner.DefaultProjection(v.cat) }, v.SetInputs)
	scheduleShown(v.Chart)
}

// store writes the last valid inputs into f.
func (v *ProjectionView) store(f *planner.File) {
	v.part.store(&f.Projection, v.in)
}

// apply reads the entries after a user edit.
func (v *ProjectionView) apply() {
	v.fields.clear(projKeys...)
	var err error
	in := planner.ProjectionInputs{BaseModel: v.in.BaseModel, Basis: v.Basis.Selected}
	in.BaseCostUSD = v.fields.num(planner.ProjKeyBaseCost, &err)
	in.BaseYear = v.fields.whole(planner.ProjKeyBaseYear, &err)
	in.Growth = v.fields.num(planner.ProjKeyGrowth, &err)
	in.GrowthLow = v.fields.num(planner.ProjKeyGrowthLow, &err)
	in.GrowthHigh = v.fields.num(planner.ProjKeyGrowthHigh, &err)
	in.Until = v.fields.whole(planner.ProjKeyUntil, &err)
	if err != nil {
		showStatus(v.Status, err)
		return
	}
	if in.BaseCostUSD != v.in.BaseCostUSD || in.BaseYear != v.in.BaseYear {
		in.BaseModel = ""
	}
	if v.evaluate(in) && v.OnChanged != nil {
		v.OnChanged()
	}
}

// evaluate shows in's projection and makes in the view's state when the
// planner accepts it; it reports whether it did.
func (v *ProjectionView) evaluate(in planner.ProjectionInputs) bool {
	res, err := planner.Project(in)
	if err != nil {
		v.fields.mark(err)
		showStatus(v.Status, err)
		return false
	}
	v.in, v.res = res.Inputs, res
	var parts []string
	for i, k := range planner.ThresholdKeys {
		parts = append(parts, fmt.Sprintf("%s run: %s", planner.HumanUSD(planner.Thresholds[i]), yearOrAfter(res.ThresholdYears[k], in.Until)))
	}
	v.Thresholds.SetText("Frontier run crosses " + strings.Join(parts, "; ") + " (central growth, " + v.in.Basis + " basis).")
	showStatus(v.Status, v.fields.firstErr(projKeys))
	scheduleShown(v.Chart)
	return true
}

func yearOrAfter(y *int, until int) string {
	if y == nil {
		return fmt.Sprintf("not by %d", until)
	}
	return strconv.Itoa(*y)
}

// scheduleShown redraws the charts that are on screen; a hidden chart is
// drawn when its page is selected.
func scheduleShown(charts ...*ChartImage) {
	for _, c := range charts {
		if c != nil && c.Visible() && c.Size().Width > 0 {
			c.Schedule()
		}
	}
}
