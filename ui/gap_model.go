package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// GapModelView is Cahn's investment-versus-revenue gap model (the Bubble
// gap tab's "Model", "Gap chart" and "Waterfall" pages): the inputs with a
// depreciation life and growth, the revenue table, the bubble-risk
// indicators and the yearly table. Its state is its last valid inputs and
// their result; refused text marks its entry and the last valid results
// stay.
type GapModelView struct {
	// Preset picks a published gap model.
	Preset *widget.Select
	// PriorVintages counts the capex vintages before the first year
	// (planner.GapInputs.PriorVintages).
	PriorVintages *widget.Check
	// Rows is the revenue table; AddRow appends a company.
	Rows   []*RevenueRow
	AddRow *widget.Button
	// Status shows the refused input; Rule the arithmetic of the first
	// year; RevenueSummary, GapRatio and Closes the indicators.
	Status, Rule, RevenueSummary, GapRatio, Closes *widget.Label
	Yearly                                         *widget.Table
	GapChart, WaterfallChart                       *ChartImage
	// OnChanged runs after a user edit that evaluates; OnResult after
	// every evaluation (the serving view follows the gap).
	OnChanged func()
	OnResult  func(planner.GapResult)

	cat *planner.Catalog
	*fields
	in      planner.GapInputs
	res     planner.GapResult
	yearly  [][]string
	rowsBox *fyne.Container
	part    filePart[planner.GapInputs]
	page    fyne.CanvasObject
}

// gapKeys are the model's entries, in form order, and gapRevenueKey the
// revenue table's.
var gapKeys = []string{planner.GapKeyYear, planner.GapKeyDCRevenue, planner.GapKeyGPUShare, planner.GapKeyMargin,
	planner.GapKeyLife, planner.GapKeyCapexGrowth, planner.GapKeyRevenueGrowth, planner.GapKeyYears, planner.GapKeyAIRevenue}

const gapRevenueKey = "revenue"

var gapLabels = map[string]string{
	planner.GapKeyYear: "First year", planner.GapKeyDCRevenue: "GPU run-rate (USD/yr)",
	planner.GapKeyGPUShare: "GPU share of TCO", planner.GapKeyMargin: "End-user margin",
	planner.GapKeyLife: "Depreciation life L (yr)", planner.GapKeyCapexGrowth: "Capex growth (×/yr)",
	planner.GapKeyRevenueGrowth: "AI revenue growth (×/yr)", planner.GapKeyYears: "Years",
	planner.GapKeyAIRevenue: "AI revenue override",
}

var gapPresetTitles = map[string]string{
	planner.GapPreset2023: "Sequoia, Sept 2023: the $200B question",
	planner.GapPreset2024: "Sequoia, June 2024: the $600B question",
}

// newGapModelView shows the sequoia-2024 preset.
func newGapModelView(cat *planner.Catalog) (*GapModelView, error) {
	in, err := planner.GapPreset(cat, planner.GapPreset2024)
	if err != nil {
		return nil, err
	}
	v := &GapModelView{cat: cat, fields: newFields(), part: newFilePart[planner.GapInputs]()}
	v.build()
	v.SetInputs(in)
	return v, nil
}

func (v *GapModelView) build() {
	v.Status = newStatus()
	v.Preset = widget.NewSelect([]string{gapPresetTitles[planner.GapPreset2023], gapPresetTitles[planner.GapPreset2024], presetCustom},
		func(string) { v.pickPreset() })
	v.PriorVintages = widget.NewCheck("Count earlier capex vintages (steady state)", func(bool) {
		if !v.fields.loading {
			v.apply()
		}
	})
	labels := make([]*widget.Label, 4)
	for i := range labels {
		labels[i] = widget.NewLabel("")
		labels[i].Wrapping = fyne.TextWrapWord
	}
	v.Rule, v.RevenueSummary, v.GapRatio, v.Closes = labels[0], labels[1], labels[2], labels[3]
	v.Rule.TextStyle = fyne.TextStyle{Italic: true}
	v.rowsBox = container.NewVBox()
	v.AddRow = widget.NewButtonWithIcon("Add a company", theme.ContentAddIcon(), func() {
		v.addRow(planner.RevenueItem{Name: "New company"})
		v.apply()
	})
	v.Yearly = v.newYearlyTable()
	v.GapChart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.Inputs()
		return plot.KindGap, plot.Input{Catalog: v.cat, Gap: &in}
	})
	v.WaterfallChart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.Inputs()
		return plot.KindWaterfall, plot.Input{Catalog: v.cat, Gap: &in}
	})

	form := widget.NewForm(widget.NewFormItem("Preset", v.Preset))
	for _, k := range gapKeys {
		en := v.fields.add(k, v.apply)
		form.Append(gapLabels[k], en)
		if k == planner.GapKeyLife {
			form.Append("", v.PriorVintages)
		}
	}
	v.fields.entries[planner.GapKeyAIRevenue].SetPlaceHolder("the table's total")
	inputs := container.NewVBox(v.Status, form, v.Rule,
		heading("Expected AI revenue, first year"), v.rowsBox, v.AddRow, v.RevenueSummary)
	indicators := container.NewVBox(heading("Bubble-risk indicators"), v.GapRatio, v.Closes, heading("Year by year"))
	// inputs over results: the tab sits in the window's right pane, about
	// 600 px wide at 1366x768, too narrow for the two side by side
	split := container.NewVSplit(container.NewVScroll(inputs), container.NewBorder(indicators, nil, nil, nil, v.Yearly))
	split.Offset = 0.55
	v.page = split
}

// Inputs returns the last valid inputs (a copy).
func (v *GapModelView) Inputs() planner.GapInputs { return cloneGapInputs(v.in) }

// Result returns the last valid result.
func (v *GapModelView) Result() planner.GapResult { return v.res }

func cloneGapInputs(in planner.GapInputs) planner.GapInputs {
	in.Revenue = append([]planner.RevenueItem(nil), in.Revenue...)
	if in.AIRevenueUSD != nil {
		x := *in.AIRevenueUSD
		in.AIRevenueUSD = &x
	}
	return in
}

// SetInputs shows in (the entries, the revenue table and the results);
// no OnChanged. Invalid inputs are shown with their error.
func (v *GapModelView) SetInputs(in planner.GapInputs) {
	f := v.fields
	f.loading = true
	v.Preset.SetSelected(presetTitle(gapPresetTitles, in.Preset))
	f.set(planner.GapKeyYear, float64(in.Year), strconv.Itoa(in.Year))
	f.set(planner.GapKeyDCRevenue, in.DCRevenueUSD, usdText(in.DCRevenueUSD))
	f.set(planner.GapKeyGPUShare, in.GPUShare, percentText(in.GPUShare))
	f.set(planner.GapKeyMargin, in.Margin, percentText(in.Margin))
	f.set(planner.GapKeyAIRevenue, 0, "")
	if in.AIRevenueUSD != nil {
		f.set(planner.GapKeyAIRevenue, *in.AIRevenueUSD, usdText(*in.AIRevenueUSD))
	}
	f.set(planner.GapKeyLife, in.LifeYears, planner.FormatNumber(in.LifeYears))
	v.PriorVintages.SetChecked(in.PriorVintages)
	f.set(planner.GapKeyCapexGrowth, in.CapexGrowth, growthText(in.CapexGrowth))
	f.set(planner.GapKeyRevenueGrowth, in.RevenueGrowth, growthText(in.RevenueGrowth))
	f.set(planner.GapKeyYears, float64(in.Years), strconv.Itoa(in.Years))
	v.Rows = nil
	v.rowsBox.RemoveAll()
	for _, it := range in.Revenue {
		v.addRow(it)
	}
	f.loading = false
	f.clear(append(gapKeys, gapRevenueKey)...)
	v.evaluate(cloneGapInputs(in))
}

// update loads the file's gap part (nil: the sequoia-2024 preset) when it
// changed since the last load or Store, so typing is never undone.
func (v *GapModelView) update(f *planner.File) {
	v.part.reload(f.Gap, func() (planner.GapInputs, error) { return planner.GapPreset(v.cat, planner.GapPreset2024) }, v.SetInputs)
	scheduleShown(v.GapChart, v.WaterfallChart)
}

// store writes the last valid inputs into f.
func (v *GapModelView) store(f *planner.File) {
	v.part.store(&f.Gap, v.Inputs())
}

func (v *GapModelView) pickPreset() {
	pickPreset(v.fields, gapPresetTitles, v.Preset.Selected,
		func(id string) (planner.GapInputs, error) { return planner.GapPreset(v.cat, id) },
		v.SetInputs, v.apply, v.changed, v.Status)
}

func (v *GapModelView) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// read parses the entries and the revenue table.
func (v *GapModelView) read() (planner.GapInputs, error) {
	f := v.fields
	f.clear(append(gapKeys, gapRevenueKey)...)
	var err error
	in := planner.GapInputs{Preset: presetID(gapPresetTitles, v.Preset.Selected)}
	in.Year = f.whole(planner.GapKeyYear, &err)
	in.DCRevenueUSD = f.num(planner.GapKeyDCRevenue, &err)
	in.GPUShare = f.num(planner.GapKeyGPUShare, &err)
	in.Margin = f.num(planner.GapKeyMargin, &err)
	if strings.TrimSpace(f.entries[planner.GapKeyAIRevenue].Text) != "" {
		x := f.num(planner.GapKeyAIRevenue, &err)
		in.AIRevenueUSD = &x
	}
	in.LifeYears = f.num(planner.GapKeyLife, &err)
	in.PriorVintages = v.PriorVintages.Checked
	in.CapexGrowth = f.num(planner.GapKeyCapexGrowth, &err)
	in.RevenueGrowth = f.num(planner.GapKeyRevenueGrowth, &err)
	in.Years = f.whole(planner.GapKeyYears, &err)
	for i, row := range v.Rows {
		row.Amount.SetValidationError(nil)
		x, e := planner.ParseQuantity(row.Amount.Text)
		if e != nil {
			fe := &planner.FieldError{Field: gapRevenueKey, Value: strconv.Quote(strings.TrimSpace(row.Amount.Text)),
				Msg: fmt.Sprintf("item %d (%s): accepted: an amount such as 10B or $5B", i+1, row.Name.Text)}
			row.Amount.SetValidationError(fe)
			f.errs[gapRevenueKey] = fe
			if err == nil {
				err = fe
			}
		}
		in.Revenue = append(in.Revenue, planner.RevenueItem{Name: strings.TrimSpace(row.Name.Text), USD: x, Other: row.Other.Checked, Source: row.source})
	}
	return in, err
}

// apply runs the model on the entries after a user edit.
func (v *GapModelView) apply() {
	in, err := v.read()
	if err != nil {
		showStatus(v.Status, err)
		return
	}
	if v.evaluate(in) {
		v.changed()
	}
}

// evaluate shows in's result and makes in the view's state when the
// planner accepts it; it reports whether it did.
func (v *GapModelView) evaluate(in planner.GapInputs) bool {
	res, err := planner.EvaluateGap(in)
	if err != nil {
		v.markError(err)
		showStatus(v.Status, err)
		return false
	}
	for _, row := range v.Rows {
		row.Amount.SetValidationError(nil)
	}
	v.in, v.res = in, res
	v.show()
	showStatus(v.Status, v.fields.firstErr(append(gapKeys, gapRevenueKey)))
	scheduleShown(v.GapChart, v.WaterfallChart)
	if v.OnResult != nil {
		v.OnResult(res)
	}
	return true
}

// markError marks the entry or revenue row a planner refusal names.
func (v *GapModelView) markError(err error) {
	if v.fields.mark(err) || planner.ErrField(err) != gapRevenueKey {
		return
	}
	for _, row := range v.Rows {
		if x, e := planner.ParseQuantity(row.Amount.Text); e == nil && !(x >= 0 && x <= 1e15) {
			row.Amount.SetValidationError(err)
			return
		}
	}
}
