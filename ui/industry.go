package ui

import (
	"aiplan/assets"
	"fmt"
	"image"
	"math"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// industryKeys are the inputs the Industry view edits, in order; "capex"
// sizes the build-out instead of "gw".
var industryKeys = []string{"gw", "capex", "capex-per-gw", "it-share", "wacc", "it-life", "facility-life", "opex",
	"utilization", "pue", "heat-reuse", "revenue-per-gw", "margin"}

// industryCustom is the preset choice with no preset.
const industryCustom = "(none: defaults)"

// IndustryView is the "Industry" tab: a build-out in gigawatts (Epoch AI's
// 1 GW model) with its capex, annual cost, required revenue (the per-gw gap
// method), energy, carbon, water consumption and withdrawal (Li et al.),
// heat reuse and a dedicated supply; the cooling trade-off side by side;
// and the reported hyperscaler capex series as a build-out chart. Every input shows its
// source. Widgets are fields so tests can drive them.
type IndustryView struct {
	Preset, Energy, Cooling *widget.Select
	Entries                 map[string]*widget.Entry
	Sources                 map[string]*widget.Label
	// Results in human units, one label per line.
	Capacity, Capex, AnnualCost, Required, Energy2, Emissions *widget.Label
	Withdrawal, Consumption, Heat, Supply                     *widget.Label
	CoolingTable, Status                                      *widget.Label
	// SourceList cites every source of the inputs on show.
	SourceList *widget.Label
	Chart      *canvas.Image

	cat     *planner.Catalog
	data    *planner.IndustryData
	edited  map[string]bool
	loading bool
	latest  Latest
	res     planner.IndustryResolution
	result  planner.IndustryResult
	content fyne.CanvasObject
}

// NewIndustryView builds the view on Epoch AI's 1 GW preset.
func NewIndustryView(cat *planner.Catalog, data *planner.IndustryData) *IndustryView {
	v := &IndustryView{cat: cat, data: data, Entries: map[string]*widget.Entry{}, Sources: map[string]*widget.Label{}, edited: map[string]bool{}}
	v.build()
	v.Preset.SetSelected(planner.IndustryPresetEpoch)
	return v
}

// View returns the tab for the window's Views list (it does not depend on
// the scenario set).
func (v *IndustryView) View() View { return View{Title: "Industry", Content: v.content} }

func (v *IndustryView) build() {
	v.Preset = widget.NewSelect(append([]string{industryCustom}, v.data.PresetIDs()...), func(string) {
		if v.loading {
			return
		}
		v.edited = map[string]bool{}
		v.Energy.ClearSelected()
		v.Cooling.ClearSelected()
		v.recompute()
	})
	v.Energy = widget.NewSelect(v.cat.EnergySourceIDs(), func(string) { v.changed("") })
	v.Cooling = widget.NewSelect(v.cat.CoolingIDs(), func(string) { v.changed("") })
	form := container.New(layout.NewFormLayout())
	for _, k := range industryKeys {
		en := widget.NewEntry()
		en.AlwaysShowValidationError = true
		key := k
		en.OnChanged = func(string) { v.changed(key) }
		v.Entries[k] = en
		src := widget.NewLabel("")
		src.Truncation = fyne.TextTruncateEllipsis
		src.Importance = widget.LowImportance
		v.Sources[k] = src
		label := "Capex (instead of GW)"
		if f := planner.IndustryField(k); f != nil {
			label = f.Label + " (" + f.Unit + ")"
		}
		form.Add(widget.NewLabel(label))
		form.Add(container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(150, en.MinSize().Height), src), en))
	}
	lbl := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	v.Capacity, v.Capex, v.AnnualCost, v.Required, v.Energy2 = lbl(), lbl(), lbl(), lbl(), lbl()
	v.Emissions, v.Withdrawal, v.Consumption, v.Heat, v.Supply = lbl(), lbl(), lbl(), lbl(), lbl()
	v.CoolingTable, v.Status = lbl(), lbl()
	v.Status.Importance = widget.DangerImportance
	v.Status.Hide()
	v.Chart = canvas.NewImageFromImage(nil)
	v.Chart.FillMode = canvas.ImageFillContain
	if w, h := plot.MinSize(plot.KindIndustry); w > 0 {
		v.Chart.SetMinSize(fyne.NewSize(float32(w), float32(h)))
	}
	v.coolingText()
	choices := container.New(layout.NewFormLayout(), widget.NewLabel("Preset"), v.Preset, widget.NewLabel("Energy source"), v.Energy,
		widget.NewLabel("Cooling"), v.Cooling)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.SourceList = lbl()
	v.content = container.NewVBox(choices, v.Status,
		bold("Results (a year unless stated)"),
		v.Capacity, v.Capex, v.AnnualCost, v.Required, v.Energy2, v.Emissions, v.Withdrawal, v.Consumption, v.Heat, v.Supply,
		bold("Build-out of a capex series at these inputs"), v.Chart,
		bold("Inputs (blank Capex: sized by GW)"), form,
		bold("Cooling: energy vs on-site water vs heat reuse"), v.CoolingTable,
		bold("Sources"), v.SourceList)
}

// changed records an edit of key ("" for a select) and recomputes.
func (v *IndustryView) changed(key string) {
	if v.loading {
		return
	}
	switch key {
	case "":
	case "gw":
		v.edited["gw"], v.edited["capex"] = true, false
	case "capex":
		v.edited["capex"], v.edited["gw"] = true, false
	default:
		v.edited[key] = true
	}
	v.recompute()
}

// request builds the planner request from the selects and edited entries,
// marking refused text; ok is false when some entry was refused.
func (v *IndustryView) request() (planner.IndustryRequest, bool) {
	req := planner.IndustryRequest{Energy: v.Energy.Selected, Cooling: v.Cooling.Selected, Values: map[string]float64{}}
	if p := v.Preset.Selected; p != industryCustom {
		req.Preset = p
	}
	ok := true
	for _, k := range industryKeys {
		en := v.Entries[k]
		en.SetValidationError(nil)
		if !v.edited[k] {
			continue
		}
		x, err := planner.ParseQuantity(en.Text)
		if err != nil {
			fe := &planner.FieldError{Field: k, Value: fmt.Sprintf("%q", strings.TrimSpace(en.Text)), Msg: "accepted: a number such as 38B, 50%, 1.1"}
			en.SetValidationError(fe)
			v.showError(fe)
			ok = false
			continue
		}
		if k == "capex" {
			req.CapexUSD = &x
			continue
		}
		req.Values[k] = x
	}
	return req, ok
}

func (v *IndustryView) showError(err error) {
	v.Status.SetText(err.Error())
	v.Status.Show()
	v.relayout()
}

// relayout lays the tab out again after the status line shows or hides.
func (v *IndustryView) relayout() {
	if c, ok := v.content.(*fyne.Container); ok {
		c.Refresh()
	}
}

// recompute resolves and evaluates the build-out and refreshes the view;
// a refused input keeps the last valid results on show.
func (v *IndustryView) recompute() {
	req, ok := v.request()
	if !ok {
		return
	}
	res, err := planner.ResolveIndustry(v.cat, v.data, req)
	var r planner.IndustryResult
	if err == nil {
		r, err = planner.EvaluateIndustry(res.Inputs)
	}
	if err != nil {
		if en := v.Entries[planner.ErrField(err)]; en != nil {
			en.SetValidationError(err)
		}
		v.showError(err)
		return
	}
	if v.Status.Visible() {
		v.Status.Hide()
		v.relayout()
	}
	v.res, v.result = res, r
	v.loading = true
	v.Energy.SetSelected(res.Energy)
	v.Cooling.SetSelected(res.Cooling)
	for _, k := range industryKeys {
		p, has := res.Prov[k]
		if !v.edited[k] && has {
			x, _ := p.Value.(float64)
			v.Entries[k].SetText(industryFormat(k, x))
		} else if k == "capex" && !v.edited[k] {
			v.Entries[k].SetText("")
		}
		v.Sources[k].SetText(provenanceText(p, has))
	}
	v.loading = false
	v.SourceList.SetText(v.sourceList())
	v.showResult()
	v.drawChart()
}

// industryFormat shows an input as typed: fractions as percentages.
func industryFormat(key string, x float64) string {
	if f := planner.IndustryField(key); f != nil && f.Percent {
		return planner.FormatNumber(round4(x*100)) + "%"
	}
	return planner.FormatQuantity(round4(x))
}

// provenanceText says where an input comes from, in a few words.
func provenanceText(p planner.Resolved, has bool) string {
	if !has {
		return ""
	}
	src := p.Source
	if len(src) > 40 {
		src = "derived"
	}
	if p.Assumption != "" {
		src += "*"
	}
	return src
}

// sourceList cites the sources of the inputs on show, with the
// assumptions spelled out.
func (v *IndustryView) sourceList() string {
	seen := map[string]bool{}
	var keys, notes []string
	for _, k := range append(append([]string(nil), industryKeys...), "wue", "wue-withdrawal", "ewif", "ewif-withdrawal", "carbon", "supply-mw") {
		p, ok := v.res.Prov[k]
		if !ok {
			continue
		}
		for _, s := range strings.Split(p.Source, ",") {
			if _, known := v.data.Sources[s]; known && !seen[s] {
				seen[s] = true
				keys = append(keys, s)
			}
		}
		if p.Assumption != "" {
			notes = append(notes, "* "+k+": "+p.Assumption)
		}
	}
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + ": " + v.data.Sources[k].Citation + "\n")
	}
	b.WriteString("Catalogue figures (carbon, on-site WUE, EWIF, price, PUE) cite the catalogue's sources (aiplan catalog --sources).\n")
	b.WriteString(strings.Join(notes, "\n"))
	return b.String()
}

// waterM3 formats cubic metres: billion or million m³ when large.
func waterM3(m3 float64) string {
	switch {
	case m3 >= 1e9:
		return sig3(m3/1e9) + " billion m³"
	case m3 >= 1e6:
		return sig3(m3/1e6) + " million m³"
	}
	return planner.Grouped(m3) + " m³"
}

// pct formats a signed change in percent, "±0%" when it rounds to zero.
func pct(x float64) string {
	if math.Abs(x) < 0.005 {
		return "±0%"
	}
	return fmt.Sprintf("%+.0f%%", x*100)
}

// round4 keeps 4 significant digits, so that derived inputs show as typed.
func round4(x float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 4, 64), 64)
	if err != nil {
		return x
	}
	return r
}

func (v *IndustryView) showResult() {
	r, in := &v.result, &v.res.Inputs
	v.Capacity.SetText(fmt.Sprintf("IT capacity: %s GW", sig3(r.GW)))
	v.Capex.SetText(fmt.Sprintf("Capex: %s (IT %s, facility %s)", planner.HumanUSD(r.CapexUSD), planner.HumanUSD(r.ITCapexUSD), planner.HumanUSD(r.FacilityCapexUSD)))
	v.AnnualCost.SetText(fmt.Sprintf("Annual cost of ownership: %s (IT %s, facility %s, opex %s, energy %s)", planner.HumanUSD(r.AnnualCostUSD),
		planner.HumanUSD(r.ITAnnualUSD), planner.HumanUSD(r.FacilityAnnualUSD), planner.HumanUSD(r.OpexUSD), planner.HumanUSD(r.EnergyCostUSD)))
	v.Required.SetText(fmt.Sprintf("Revenue required at a %s margin (per-gw): %s, %s per GW; at %s per GW-year (OpenAI's CFO): %s",
		planner.HumanPercent(in.Margin), planner.HumanUSD(r.RequiredRevenueUSD), planner.HumanUSD(r.RequiredRevenuePerGWUSD),
		planner.HumanUSD(in.RevenuePerGWUSD), planner.HumanUSD(r.RevenueUSD)))
	v.Energy2.SetText(fmt.Sprintf("Energy: %s TWh at the facility (%s TWh of IT, PUE %s)", sig3(r.FacilityEnergyTWh), sig3(r.ITEnergyTWh), planner.FormatNumber(in.PUE)))
	v.Emissions.SetText(fmt.Sprintf("Emissions: %s location-based, %s market-based", planner.HumanTCO2e(r.EmissionsTCO2e), planner.HumanTCO2e(r.MarketEmissionsTCO2e)))
	dk := 0.0
	if f, ok := v.data.Reference("denmarkWithdrawalM3"); ok {
		dk = r.WaterWithdrawalM3 / f.Value
	}
	v.Withdrawal.SetText(fmt.Sprintf("Water WITHDRAWAL (taken): %s = %s× Denmark's annual withdrawal (0.98 billion m³, CIA 2020; Li et al.)",
		waterM3(r.WaterWithdrawalM3), sig3(dk)))
	v.Consumption.SetText(fmt.Sprintf("Water CONSUMPTION (evaporated): %s, %s of it on site", waterM3(r.WaterConsumptionM3), waterM3(r.WaterConsumptionOnSiteM3)))
	v.Heat.SetText(fmt.Sprintf("Heat reused: %s MWh, the heat of about %s homes (Jean Zay: 4,000 MWh, 1,000 new homes)", planner.Grouped(r.HeatReusedMWh), planner.Grouped(r.HomesHeated)))
	if in.SupplyMW > 0 {
		v.Supply.SetText(fmt.Sprintf("Dedicated supply: %s MW covers %s of the facility's %s MW at full load", planner.FormatNumber(in.SupplyMW),
			planner.HumanPercent(r.SupplyShareOfFacilityPower), planner.Grouped(r.FacilityPowerMW)))
	} else {
		v.Supply.SetText(fmt.Sprintf("Dedicated supply: none (preset three-mile-island: the Crane Clean Energy Center's 835 MW against %s MW)", planner.Grouped(r.FacilityPowerMW)))
	}
}

// coolingText lists the cooling presets side by side with the facility
// energy they save against the two baselines.
func (v *IndustryView) coolingText() {
	ent, hyp := v.cat.CoolingPreset("enterprise"), v.cat.CoolingPreset("air")
	ids := v.cat.CoolingIDs()
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		c := v.cat.CoolingPreset(id)
		line := fmt.Sprintf("%s: PUE %s, on-site water %s L/kWh", c.Name, planner.FormatNumber(c.PUE.Value), planner.FormatNumber(c.WUELPerKWh.Value))
		if ent != nil && hyp != nil {
			se, _ := planner.CoolingEnergySaving(ent.PUE.Value, c.PUE.Value)
			sh, _ := planner.CoolingEnergySaving(hyp.PUE.Value, c.PUE.Value)
			line += "; facility energy vs enterprise air " + pct(-se) + ", vs hyperscale air " + pct(-sh)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("Water cooling's claimed 20-30% energy saving (Atos, in the seed article) holds against enterprise air rooms (PUE 1.56-1.7), not against hyperscale air (1.1): there its gains are no evaporated water on site and warm-water heat to reuse (Jean Zay heats about 1,000 homes).")
	v.CoolingTable.SetText(b.String())
}

// industryChartOptions are the options of the industry chart's drawing:
// twice plot.MinSize(plot.KindIndustry) at scale 2, in the window's theme.
func industryChartOptions() plot.Options {
	w, h := plot.MinSize(plot.KindIndustry)
	t := themeFor(fyne.CurrentApp())
	return plot.Options{Width: 2 * w, Height: 2 * h, Scale: 2, Theme: &t}
}

// drawChart renders the reported hyperscaler capex series' build-out at the current
// inputs off the UI goroutine.
func (v *IndustryView) drawChart() {
	in := v.res.Inputs
	dk, _ := v.data.Reference("denmarkWithdrawalM3")
	// Drawn at twice the legible minimum with text scaled to match, in the
	// window's theme, and shown at the minimum or larger.
	opt := industryChartOptions()
	v.latest.Run(func() func() {
		rep, _ := assets.Reported() // reported hyperscaler capex; nil: error below
		series, err := planner.HyperscalerCapexSeries(rep)
		var years []planner.BuildOutYear
		if err == nil {
			years, err = planner.BuildOut(in, series.Years)
		}
		var im image.Image
		if err == nil {
			var ch *plot.Industry
			sub := fmt.Sprintf("Capex (%s) / %s per GW; energy at %s utilisation, PUE %s; all segments' capex, not only AI.",
				series.Source, planner.HumanUSD(in.CapexPerGWUSD), planner.HumanPercent(in.Utilization), planner.FormatNumber(in.PUE))
			if ch, err = plot.NewIndustry(series.Name, sub, years, dk.Value); err == nil {
				im, err = plot.Image(ch, opt)
			}
		}
		return func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.Chart.Image = im
			v.Chart.Refresh()
		}
	})
}
