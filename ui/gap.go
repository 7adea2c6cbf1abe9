package ui

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// GapView is the "Bubble gap" tab: the investment-versus-revenue gap model
// (Cahn's identity with a depreciation life and growth), its revenue table,
// the yearly table and bubble-risk indicators, serving economics, the
// frontier training-cost projection, and the gap, waterfall and projection
// charts. Typed text is parsed with planner.ParseQuantity; text the parser
// or the model refuses marks its entry with the message and the view keeps
// showing the last valid results. Widgets are fields so tests can drive them.
type GapView struct {
	// Gap model inputs.
	Preset                                       *widget.Select
	Year, DCRevenue, GPUShare, Margin, AIRevenue *widget.Entry
	Life, CapexGrowth, RevenueGrowth, Years      *widget.Entry
	// PriorVintages counts the capex vintages before the first year
	// (planner.GapInputs.PriorVintages).
	PriorVintages                                  *widget.Check
	Rows                                           []*RevenueRow
	AddRow                                         *widget.Button
	RevenueSummary, GapRatio, Closes, Status, Rule *widget.Label
	Yearly                                         *widget.Table

	// Serving economics.
	ServingPreset                                              *widget.Select
	Queries, EnergyWh, WaterML, RevenuePerQuery, Carbon        *widget.Entry
	ServingEnergy, ServingCarbon, ServingWater, ServingRevenue *widget.Label
	ServingBottle, ServingServices                             *widget.Label
	BaseCost, BaseYear, Growth, GrowthLow, GrowthHigh, Until   *widget.Entry
	Basis                                                      *widget.Select
	Thresholds                                                 *widget.Label
	GapChart, WaterfallChart, ProjectionChart                  *ChartImage
	Tabs                                                       *container.AppTabs
	rowsBox                                                    *fyne.Container

	// OnChanged is called on the UI goroutine after the user changes a
	// valid input (not after SetInputs and friends): the window stores
	// Inputs, ProjectionInputs and ServingInputs in the scenario file and
	// marks it unsaved.
	OnChanged func()

	cat *planner.Catalog
	// Last valid inputs and results.
	gap     planner.GapInputs
	gapRes  planner.GapResult
	proj    planner.ProjectionInputs
	projRes planner.ProjectionResult
	serv    planner.ServingInputs
	servRes planner.ServingResult
	yearly  [][]string
	// scenarios drawn on the projection chart.
	scenarios []planner.Scenario
	// errs holds the refused input of each field key.
	errs    map[string]error
	entries map[string]*widget.Entry
	loading bool
	// seen is the last bubble-gap state of the window's file (see Update).
	seen    bubbleState
	seenSet bool
	content fyne.CanvasObject
}

// Preset choices of the gap and serving selects.
const (
	presetCustom = "Custom"
)

var gapPresetTitles = map[string]string{
	planner.GapPreset2023: "Sequoia, Sept 2023: the $200B question",
	planner.GapPreset2024: "Sequoia, June 2024: the $600B question",
}

var servingPresetTitles = map[string]string{
	planner.ServingEpoch2025:   "0.3 Wh per query (Epoch AI 2025, GPT-4o)",
	planner.ServingDeVries2023: "3 Wh per request (de Vries, Joule 2023)",
}

// NewGapView returns the Bubble gap tab, showing the sequoia-2024 preset,
// the catalogue's default projection and the epoch2025 serving preset. It
// fails when the catalogue lacks a figure the presets need.
func NewGapView(cat *planner.Catalog) (*GapView, error) {
	gap, err := planner.GapPreset(cat, planner.GapPreset2024)
	if err != nil {
		return nil, err
	}
	proj, err := planner.DefaultProjection(cat)
	if err != nil {
		return nil, err
	}
	serv, err := planner.ServingPreset(cat, planner.ServingEpoch2025)
	if err != nil {
		return nil, err
	}
	v := &GapView{cat: cat, errs: map[string]error{}, entries: map[string]*widget.Entry{}}
	v.build()
	v.SetInputs(gap)
	v.SetProjectionInputs(proj)
	v.SetServingInputs(serv)
	return v, nil
}

// entry makes a numeric entry for field key; edits run apply.
func (v *GapView) entry(key string, apply func()) *widget.Entry {
	en := widget.NewEntry()
	en.AlwaysShowValidationError = true
	en.OnChanged = func(string) {
		if !v.loading {
			apply()
		}
	}
	v.entries[key] = en
	return en
}

func (v *GapView) build() {
	g, p, s := v.applyGap, v.applyProjection, v.applyServing
	v.Status = widget.NewLabel("")
	v.Status.Wrapping = fyne.TextWrapWord
	v.Status.Importance = widget.DangerImportance
	v.Status.Hide()

	v.Preset = widget.NewSelect(nil, func(string) { v.pickPreset() })
	v.Preset.Options = []string{gapPresetTitles[planner.GapPreset2023], gapPresetTitles[planner.GapPreset2024], presetCustom}
	v.Year = v.entry(planner.GapKeyYear, g)
	v.DCRevenue = v.entry(planner.GapKeyDCRevenue, g)
	v.GPUShare = v.entry(planner.GapKeyGPUShare, g)
	v.Margin = v.entry(planner.GapKeyMargin, g)
	v.AIRevenue = v.entry(planner.GapKeyAIRevenue, g)
	v.AIRevenue.SetPlaceHolder("the table's total")
	v.Life = v.entry(planner.GapKeyLife, g)
	v.PriorVintages = widget.NewCheck("Count earlier capex vintages (steady state)", func(bool) {
		if !v.loading {
			v.applyGap()
		}
	})
	v.CapexGrowth = v.entry(planner.GapKeyCapexGrowth, g)
	v.RevenueGrowth = v.entry(planner.GapKeyRevenueGrowth, g)
	v.Years = v.entry(planner.GapKeyYears, g)
	v.Rule = widget.NewLabel("")
	v.Rule.Wrapping = fyne.TextWrapWord
	v.Rule.TextStyle = fyne.TextStyle{Italic: true}
	v.rowsBox = container.NewVBox()
	v.AddRow = widget.NewButtonWithIcon("Add a company", theme.ContentAddIcon(), func() {
		v.addRow(planner.RevenueItem{Name: "New company"})
		v.applyGap()
	})
	v.RevenueSummary = widget.NewLabel("")
	v.RevenueSummary.Wrapping = fyne.TextWrapWord
	v.GapRatio = widget.NewLabel("")
	v.GapRatio.Wrapping = fyne.TextWrapWord
	v.Closes = widget.NewLabel("")
	v.Closes.Wrapping = fyne.TextWrapWord
	v.Yearly = v.newYearlyTable()

	v.ServingPreset = widget.NewSelect(nil, func(string) { v.pickServing() })
	v.ServingPreset.Options = []string{servingPresetTitles[planner.ServingEpoch2025], servingPresetTitles[planner.ServingDeVries2023], presetCustom}
	v.Queries = v.entry("queries-per-day", s)
	v.EnergyWh = v.entry("energy-wh", s)
	v.WaterML = v.entry("water-ml", s)
	v.RevenuePerQuery = v.entry("revenue-per-query", s)
	v.Carbon = v.entry("carbon-intensity", s)
	for _, l := range []**widget.Label{&v.ServingEnergy, &v.ServingCarbon, &v.ServingWater, &v.ServingRevenue, &v.ServingBottle, &v.ServingServices} {
		*l = widget.NewLabel("")
		(*l).Wrapping = fyne.TextWrapWord
	}

	v.BaseCost = v.entry("base-cost", p)
	v.BaseYear = v.entry("base-year", p)
	v.Growth = v.entry("growth", p)
	v.GrowthLow = v.entry("growth-low", p)
	v.GrowthHigh = v.entry("growth-high", p)
	v.Until = v.entry("until", p)
	v.Basis = widget.NewSelect([]string{planner.CostBasisAmortized, planner.CostBasisCloud, planner.CostBasisAcquisition}, func(string) {
		if !v.loading {
			v.applyProjection()
		}
	})
	v.Thresholds = widget.NewLabel("")
	v.Thresholds.Wrapping = fyne.TextWrapWord

	v.GapChart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.gapSnapshot()
		return plot.KindGap, plot.Input{Catalog: v.cat, Gap: &in}
	})
	v.WaterfallChart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.gapSnapshot()
		return plot.KindWaterfall, plot.Input{Catalog: v.cat, Gap: &in}
	})
	v.ProjectionChart = NewChartImage(func() (plot.Kind, plot.Input) {
		in := v.proj
		return plot.KindProjection, plot.Input{Catalog: v.cat, Projection: &in, Scenarios: cloneScenarios(v.scenarios)}
	})

	form := widget.NewForm(
		widget.NewFormItem("Preset", v.Preset),
		widget.NewFormItem("First year", v.Year),
		widget.NewFormItem("GPU run-rate (USD/yr)", v.DCRevenue),
		widget.NewFormItem("GPU share of TCO", v.GPUShare),
		widget.NewFormItem("End-user margin", v.Margin),
		widget.NewFormItem("Depreciation life L (yr)", v.Life),
		widget.NewFormItem("", v.PriorVintages),
		widget.NewFormItem("Capex growth (×/yr)", v.CapexGrowth),
		widget.NewFormItem("AI revenue growth (×/yr)", v.RevenueGrowth),
		widget.NewFormItem("Years", v.Years),
		widget.NewFormItem("AI revenue override", v.AIRevenue),
	)
	inputs := container.NewVBox(v.Status, form, v.Rule,
		heading("Expected AI revenue, first year"), v.rowsBox, v.AddRow, v.RevenueSummary)
	indicators := container.NewVBox(heading("Bubble-risk indicators"), v.GapRatio, v.Closes, heading("Year by year"))
	model := container.NewHSplit(container.NewVScroll(inputs), container.NewBorder(indicators, nil, nil, nil, v.Yearly))
	model.Offset = 0.5

	servingForm := widget.NewForm(
		widget.NewFormItem("Energy per query", v.ServingPreset),
		widget.NewFormItem("Queries per day", v.Queries),
		widget.NewFormItem("Wh per query", v.EnergyWh),
		widget.NewFormItem("mL water per query", v.WaterML),
		widget.NewFormItem("Revenue per query (USD)", v.RevenuePerQuery),
		widget.NewFormItem("Carbon (gCO2e/kWh)", v.Carbon),
	)
	serving := container.NewVScroll(container.NewVBox(heading("One AI service, per year"), servingForm,
		v.ServingEnergy, v.ServingCarbon, v.ServingWater, v.ServingRevenue, v.ServingBottle, v.ServingServices,
		caption("Energy: about 3 Wh per ChatGPT request (de Vries, Joule 2023) or about 0.3 Wh per GPT-4o query (Epoch AI 2025). "+
			"Water: about 16.9 mL per response in the US, on site plus electricity generation (Li et al. 2023), i.e. 10-50 responses per 50 cl bottle.")))

	projForm := container.NewGridWithColumns(2,
		widget.NewForm(
			widget.NewFormItem("Base cost (USD)", v.BaseCost),
			widget.NewFormItem("Base year", v.BaseYear),
			widget.NewFormItem("Cost basis", v.Basis),
		),
		widget.NewForm(
			widget.NewFormItem("Growth (×/yr)", v.Growth),
			widget.NewFormItem("Band low / high", container.NewGridWithColumns(2, v.GrowthLow, v.GrowthHigh)),
			widget.NewFormItem("Until", v.Until),
		),
	)
	projection := container.NewBorder(container.NewVBox(projForm, v.Thresholds), nil, nil, nil, v.ProjectionChart)

	v.Tabs = container.NewAppTabs(
		container.NewTabItem("Model", model),
		container.NewTabItem("Gap chart", v.GapChart),
		container.NewTabItem("Waterfall", v.WaterfallChart),
		container.NewTabItem("Serving", serving),
		container.NewTabItem("Training cost", projection),
	)
	v.Tabs.OnSelected = func(*container.TabItem) { v.scheduleCharts() }
	v.content = v.Tabs
}

func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// Content returns the tab body.
func (v *GapView) Content() fyne.CanvasObject { return v.content }

// View returns the tab for the window's Views list: it follows the
// scenario set (the projection chart draws the scenarios at their year) and
// loads the file's bubble-gap inputs when they change (a file opened).
func (v *GapView) View() View {
	return View{Title: "Bubble gap", Content: v.content, Update: v.Update}
}

// bubbleState is the bubble-gap part of a scenario file.
type bubbleState struct {
	gap  *planner.GapInputs
	proj *planner.ProjectionInputs
	serv *planner.ServingInputs
}

// Update shows a new window state. The projection chart takes the
// scenarios; the inputs are reloaded from s.File (nil parts mean the
// presets) only when the file's bubble-gap inputs changed since the last
// Update and differ from what the view shows, so typing is never undone.
func (v *GapView) Update(s State) {
	if s.File == nil {
		return
	}
	v.scenarios = cloneScenarios(s.File.Scenarios)
	now := bubbleState{copyPtr(s.File.Gap), copyPtr(s.File.Projection), copyPtr(s.File.Serving)}
	if !v.seenSet || !reflect.DeepEqual(now, v.seen) {
		first := !v.seenSet
		v.seen, v.seenSet = now, true
		if !first || now.gap != nil || now.proj != nil || now.serv != nil {
			v.Load(s.File)
		}
	}
	v.scheduleCharts()
}

func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// Load shows the bubble-gap inputs of f (nil parts: the catalogue presets)
// unless they equal what the view shows. It does not call OnChanged.
func (v *GapView) Load(f *planner.File) {
	if f.Gap != nil {
		if !reflect.DeepEqual(*f.Gap, v.gap) {
			v.SetInputs(*f.Gap)
		}
	} else if g, err := planner.GapPreset(v.cat, planner.GapPreset2024); err == nil && !reflect.DeepEqual(g, v.gap) {
		v.SetInputs(g)
	}
	if f.Projection != nil {
		if *f.Projection != v.proj {
			v.SetProjectionInputs(*f.Projection)
		}
	} else if p, err := planner.DefaultProjection(v.cat); err == nil && p != v.proj {
		v.SetProjectionInputs(p)
	}
	if f.Serving != nil {
		sv := *f.Serving
		sv.GapUSD = v.serv.GapUSD
		if sv != v.serv {
			v.SetServingInputs(*f.Serving)
		}
	} else if sv, err := planner.ServingPreset(v.cat, planner.ServingEpoch2025); err == nil {
		sv.GapUSD = v.serv.GapUSD
		if sv != v.serv {
			v.SetServingInputs(sv)
		}
	}
}

// Store writes the view's last valid inputs into f.
func (v *GapView) Store(f *planner.File) {
	g, p, s := v.Inputs(), v.ProjectionInputs(), v.ServingInputs()
	f.Gap, f.Projection, f.Serving = &g, &p, &s
	v.seen = bubbleState{copyPtr(f.Gap), copyPtr(f.Projection), copyPtr(f.Serving)}
	v.seenSet = true
}

// Inputs returns the last valid gap inputs.
func (v *GapView) Inputs() planner.GapInputs { return v.gapSnapshot() }

func (v *GapView) gapSnapshot() planner.GapInputs {
	in := v.gap
	in.Revenue = append([]planner.RevenueItem(nil), v.gap.Revenue...)
	if v.gap.AIRevenueUSD != nil {
		x := *v.gap.AIRevenueUSD
		in.AIRevenueUSD = &x
	}
	return in
}

// Result returns the last valid gap result.
func (v *GapView) Result() planner.GapResult { return v.gapRes }

// InputError returns the refused input of a field key (an 'aiplan gap',
// 'project' or 'serving' flag name, or "revenue"), or nil.
func (v *GapView) InputError(key string) error { return v.errs[key] }

// SetInputs shows in (the entries, the revenue table and the results). It
// does not call OnChanged. Invalid inputs are shown with their error.
func (v *GapView) SetInputs(in planner.GapInputs) {
	v.loading = true
	v.Preset.SetSelected(presetTitle(gapPresetTitles, in.Preset))
	v.Year.SetText(strconv.Itoa(in.Year))
	v.DCRevenue.SetText(usdText(in.DCRevenueUSD))
	v.GPUShare.SetText(percentText(in.GPUShare))
	v.Margin.SetText(percentText(in.Margin))
	v.AIRevenue.SetText("")
	if in.AIRevenueUSD != nil {
		v.AIRevenue.SetText(usdText(*in.AIRevenueUSD))
	}
	v.Life.SetText(planner.FormatNumber(in.LifeYears))
	v.PriorVintages.SetChecked(in.PriorVintages)
	v.CapexGrowth.SetText(growthText(in.CapexGrowth))
	v.RevenueGrowth.SetText(growthText(in.RevenueGrowth))
	v.Years.SetText(strconv.Itoa(in.Years))
	v.Rows = nil
	v.rowsBox.RemoveAll()
	for _, it := range in.Revenue {
		v.addRow(it)
	}
	v.loading = false
	v.evaluateGap(false, &in)
}

// pickPreset loads the chosen gap preset.
func (v *GapView) pickPreset() {
	if v.loading {
		return
	}
	id := presetID(gapPresetTitles, v.Preset.Selected)
	if id == "" {
		v.applyGap()
		return
	}
	in, err := planner.GapPreset(v.cat, id)
	if err != nil {
		v.showStatus(err)
		return
	}
	v.SetInputs(in)
	v.scheduleCharts()
	v.changed()
}

func (v *GapView) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// reader parses the entries of one group, marking each refused one.
type reader struct {
	v   *GapView
	err error
}

func (r *reader) num(key string) float64 {
	en := r.v.entries[key]
	x, err := planner.ParseQuantity(en.Text)
	if err != nil {
		fe := &planner.FieldError{Field: key, Value: strconv.Quote(strings.TrimSpace(en.Text)), Msg: "accepted: a number such as 150B, 50%, 2.4x"}
		r.v.errs[key] = fe
		en.SetValidationError(fe)
		if r.err == nil {
			r.err = fe
		}
		return 0
	}
	return x
}

func (r *reader) whole(key string) int {
	x := r.num(key)
	if r.v.errs[key] != nil {
		return 0
	}
	if x != float64(int(x)) || x < -1e6 || x > 1e6 {
		en := r.v.entries[key]
		fe := &planner.FieldError{Field: key, Value: strings.TrimSpace(en.Text), Msg: "accepted: a whole number"}
		r.v.errs[key] = fe
		en.SetValidationError(fe)
		if r.err == nil {
			r.err = fe
		}
		return 0
	}
	return int(x)
}

// clear removes the marks of keys.
func (v *GapView) clear(keys ...string) {
	for _, k := range keys {
		delete(v.errs, k)
		if en := v.entries[k]; en != nil {
			en.SetValidationError(nil)
		}
	}
}

var (
	gapKeys     = []string{planner.GapKeyYear, planner.GapKeyDCRevenue, planner.GapKeyGPUShare, planner.GapKeyMargin, planner.GapKeyAIRevenue, planner.GapKeyLife, planner.GapKeyCapexGrowth, planner.GapKeyRevenueGrowth, planner.GapKeyYears}
	projKeys    = []string{"base-cost", "base-year", "growth", "growth-low", "growth-high", "until", "basis"}
	servingKeys = []string{"queries-per-day", "energy-wh", "water-ml", "carbon-intensity", "revenue-per-query"}
)

// readGap parses the gap entries and the revenue table.
func (v *GapView) readGap() (planner.GapInputs, error) {
	v.clear(gapKeys...)
	delete(v.errs, "revenue")
	r := &reader{v: v}
	in := planner.GapInputs{Preset: presetID(gapPresetTitles, v.Preset.Selected)}
	in.Year = r.whole(planner.GapKeyYear)
	in.DCRevenueUSD = r.num(planner.GapKeyDCRevenue)
	in.GPUShare = r.num(planner.GapKeyGPUShare)
	in.Margin = r.num(planner.GapKeyMargin)
	if strings.TrimSpace(v.AIRevenue.Text) != "" {
		x := r.num(planner.GapKeyAIRevenue)
		in.AIRevenueUSD = &x
	}
	in.LifeYears = r.num(planner.GapKeyLife)
	in.PriorVintages = v.PriorVintages.Checked
	in.CapexGrowth = r.num(planner.GapKeyCapexGrowth)
	in.RevenueGrowth = r.num(planner.GapKeyRevenueGrowth)
	in.Years = r.whole(planner.GapKeyYears)
	for i, row := range v.Rows {
		row.Amount.SetValidationError(nil)
		x, err := planner.ParseQuantity(row.Amount.Text)
		if err != nil {
			fe := &planner.FieldError{Field: "revenue", Value: strconv.Quote(strings.TrimSpace(row.Amount.Text)),
				Msg: fmt.Sprintf("item %d (%s): accepted: an amount such as 10B or $5B", i+1, row.Name.Text)}
			row.Amount.SetValidationError(fe)
			v.errs["revenue"] = fe
			if r.err == nil {
				r.err = fe
			}
		}
		in.Revenue = append(in.Revenue, planner.RevenueItem{Name: strings.TrimSpace(row.Name.Text), USD: x, Other: row.Other.Checked, Source: row.source})
	}
	return in, r.err
}

// markModelError marks the entry named by a planner error.
func (v *GapView) markModelError(err error) {
	var fe *planner.FieldError
	if !errors.As(err, &fe) {
		return
	}
	v.errs[fe.Field] = err
	if en := v.entries[fe.Field]; en != nil {
		en.SetValidationError(err)
		return
	}
	if fe.Field == "revenue" {
		for _, row := range v.Rows {
			if x, e := planner.ParseQuantity(row.Amount.Text); e == nil && !(x >= 0 && x <= 1e15) {
				row.Amount.SetValidationError(err)
				return
			}
		}
	}
}

// applyGap runs the gap model on the entries after a user edit.
func (v *GapView) applyGap() {
	in, err := v.readGap()
	if err != nil {
		v.showStatus(err)
		return
	}
	v.evaluateGap(true, &in)
}

func (v *GapView) evaluateGap(user bool, in *planner.GapInputs) {
	if !user {
		v.clear(gapKeys...)
		delete(v.errs, "revenue")
		for _, row := range v.Rows {
			row.Amount.SetValidationError(nil)
		}
	}
	res, err := planner.EvaluateGap(*in)
	if err != nil {
		v.markModelError(err)
		v.showStatus(err)
		return
	}
	v.gap, v.gapRes = *in, res
	v.showGap()
	// serving's gap follows the model
	sv := v.serv
	sv.GapUSD = max(0, res.GapUSD)
	if sr, err := planner.EvaluateServing(sv); err == nil {
		v.serv, v.servRes = sv, sr
		v.showServing()
	}
	v.showStatus(nil)
	v.scheduleCharts()
	if user {
		v.changed()
	}
}

// showStatus shows err (with a note that the results are the last valid
// ones) or hides the status line when no input is refused.
func (v *GapView) showStatus(err error) {
	if err == nil {
		for _, keys := range [][]string{gapKeys, {"revenue"}, projKeys, servingKeys} {
			for _, k := range keys {
				if e := v.errs[k]; e != nil && err == nil {
					err = e
				}
			}
		}
	}
	if err == nil {
		v.Status.SetText("")
		v.Status.Hide()
		return
	}
	v.Status.SetText(err.Error() + " (showing the last valid results)")
	v.Status.Show()
}

// scheduleCharts redraws the charts that are on screen; a hidden chart is
// drawn when its tab is selected.
func (v *GapView) scheduleCharts() {
	for _, c := range []*ChartImage{v.GapChart, v.WaterfallChart, v.ProjectionChart} {
		if c != nil && c.Visible() && c.Size().Width > 0 {
			c.Schedule()
		}
	}
}
