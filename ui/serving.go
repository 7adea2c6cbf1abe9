package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/assets"
	"aiplan/planner"
)

// ServingView is the serving economics of one AI service (the Bubble gap
// tab's "Serving" page): energy, carbon, water and revenue a year, and how
// many such services close the gap model's first-year gap, and the unit
// economics of one query (cost, energy, water, carbon, margin; the annual
// figures are these times the queries of a year). Its state is its last
// valid inputs and their result; the gap comes from SetGap.
type ServingView struct {
	// Preset picks a published energy per query.
	Preset *widget.Select
	// Status shows the refused input, if any.
	Status *widget.Label
	// Energy, Carbon, Water, Revenue, Bottle and Services are the annual
	// results; Cost, PerQuery and Margin the unit economics of one query.
	Energy, Carbon, Water, Revenue, Bottle, Services *widget.Label
	Cost, PerQuery, Margin                           *widget.Label
	// OnChanged runs after a user edit that evaluates.
	OnChanged func()

	cat   *planner.Catalog
	money *planner.MoneyData
	*fields
	in      planner.ServingInputs
	res     planner.ServingResult
	unit    planner.ServingUnit
	part    filePart[planner.ServingInputs]
	content fyne.CanvasObject
}

// servingKeys are the view's entries, in form order.
var servingKeys = []string{planner.ServingKeyQueries, planner.ServingKeyEnergy, planner.ServingKeyPUE,
	planner.ServingKeyWUE, planner.ServingKeyEWIF, planner.ServingKeyRevenue, planner.ServingKeyCarbon}

var servingLabels = map[string]string{
	planner.ServingKeyQueries: "Queries per day", planner.ServingKeyEnergy: "Server Wh per query",
	planner.ServingKeyPUE: "PUE", planner.ServingKeyWUE: "On-site water (L/kWh, WUE)",
	planner.ServingKeyEWIF: "Power-plant water (L/kWh, EWIF)", planner.ServingKeyRevenue: "Revenue per query (USD)",
	planner.ServingKeyCarbon: "Carbon (gCO2e/kWh)",
}

var servingPresetTitles = map[string]string{
	planner.ServingEpoch2025:   "0.3 Wh per query (Epoch AI 2025, GPT-4o)",
	planner.ServingDeVries2023: "3 Wh per request (de Vries, Joule 2023)",
}

// newServingView shows the epoch2025 preset with no gap.
func newServingView(cat *planner.Catalog) (*ServingView, error) {
	in, err := planner.ServingPreset(cat, planner.ServingEpoch2025)
	if err != nil {
		return nil, err
	}
	money, err := assets.Money()
	if err != nil {
		return nil, err
	}
	v := &ServingView{cat: cat, money: money, fields: newFields(), part: newFilePart[planner.ServingInputs]()}
	v.Status = newStatus()
	v.Preset = widget.NewSelect([]string{servingPresetTitles[planner.ServingEpoch2025], servingPresetTitles[planner.ServingDeVries2023], presetCustom},
		func(string) { v.pickPreset() })
	form := widget.NewForm(widget.NewFormItem("Energy per query", v.Preset))
	for _, k := range servingKeys {
		form.Append(servingLabels[k], v.fields.add(k, v.apply))
	}
	for _, l := range []**widget.Label{&v.Energy, &v.Carbon, &v.Water, &v.Revenue, &v.Bottle, &v.Services,
		&v.Cost, &v.PerQuery, &v.Margin} {
		*l = widget.NewLabel("")
		(*l).Wrapping = fyne.TextWrapWord
	}
	v.content = container.NewVScroll(container.NewVBox(v.Status, heading("One AI service, per year"), form,
		v.Energy, v.Carbon, v.Water, v.Revenue, v.Bottle, v.Services,
		heading("One query"), v.Cost, v.PerQuery, v.Margin,
		caption("Energy: server (IT) energy, about 3 Wh per ChatGPT request (de Vries, Joule 2023) or about 0.3 Wh per GPT-4o query (Epoch AI 2025); "+
			"the facility draws PUE times as much. Water per query = energy × (WUE + PUE × EWIF), on site plus electricity generation; "+
			"Li et al. 2023's 16.9 mL per response (10-50 responses per 50 cl bottle) is 4 Wh at PUE 1.17, WUE 0.55, EWIF 3.142. "+
			"Cost: $2 per accelerator-hour at 1,850 output tokens/s (DeepSeek 2025), 500 tokens per query (Epoch AI 2025), "+
			"priced at $2.19 per million tokens (DeepSeek-R1 list price).")))
	v.SetInputs(in)
	return v, nil
}

// Content returns the page.
func (v *ServingView) Content() fyne.CanvasObject { return v.content }

// Inputs returns the last valid inputs; GapUSD is the gap set by SetGap.
func (v *ServingView) Inputs() planner.ServingInputs { return v.in }

// Result returns the last valid result.
func (v *ServingView) Result() planner.ServingResult { return v.res }

// SetInputs shows in, keeping the view's gap; no OnChanged.
func (v *ServingView) SetInputs(in planner.ServingInputs) {
	v.fields.loading = true
	v.Preset.SetSelected(presetTitle(servingPresetTitles, in.Preset))
	v.fields.setHuman(planner.ServingKeyQueries, in.QueriesPerDay)
	v.fields.setHuman(planner.ServingKeyEnergy, in.EnergyPerQueryWh)
	v.fields.setHuman(planner.ServingKeyPUE, in.PUE)
	v.fields.setHuman(planner.ServingKeyWUE, in.WUELPerKWh)
	v.fields.setHuman(planner.ServingKeyEWIF, in.EWIFLPerKWh)
	v.fields.setHuman(planner.ServingKeyRevenue, in.RevenuePerQueryUSD)
	v.fields.setHuman(planner.ServingKeyCarbon, in.CarbonGPerKWh)
	v.fields.loading = false
	in.GapUSD = v.in.GapUSD
	v.fields.clear(servingKeys...)
	v.evaluate(in, false)
}

// SetGap sets the yearly gap the services close (negative: none); no
// OnChanged (the gap is the gap model's, not an input of this view).
func (v *ServingView) SetGap(gapUSD float64) {
	in := v.in
	in.GapUSD = max(0, gapUSD)
	v.evaluate(in, false)
}

// update loads the file's serving part (nil: the epoch2025 preset) when it
// changed since the last load or Store.
func (v *ServingView) update(f *planner.File) {
	v.part.reload(f.Serving, func() (planner.ServingInputs, error) {
		return planner.ServingPreset(v.cat, planner.ServingEpoch2025)
	}, v.SetInputs)
}

// store writes the last valid inputs into f.
func (v *ServingView) store(f *planner.File) {
	v.part.store(&f.Serving, v.in)
}

func (v *ServingView) pickPreset() {
	pickPreset(v.fields, servingPresetTitles, v.Preset.Selected,
		func(id string) (planner.ServingInputs, error) { return planner.ServingPreset(v.cat, id) },
		v.SetInputs, v.apply, v.changed, v.Status)
}

// apply reads the entries after a user edit.
func (v *ServingView) apply() {
	v.fields.clear(servingKeys...)
	var err error
	in := v.in
	in.Preset = presetID(servingPresetTitles, v.Preset.Selected)
	in.QueriesPerDay = v.fields.num(planner.ServingKeyQueries, &err)
	in.EnergyPerQueryWh = v.fields.num(planner.ServingKeyEnergy, &err)
	in.PUE = v.fields.num(planner.ServingKeyPUE, &err)
	in.WUELPerKWh = v.fields.num(planner.ServingKeyWUE, &err)
	in.EWIFLPerKWh = v.fields.num(planner.ServingKeyEWIF, &err)
	in.RevenuePerQueryUSD = v.fields.num(planner.ServingKeyRevenue, &err)
	if c := v.fields.num(planner.ServingKeyCarbon, &err); c != v.in.CarbonGPerKWh {
		in.CarbonGPerKWh, in.CarbonSource = c, ""
	}
	if err != nil {
		showStatus(v.Status, err)
		return
	}
	if v.evaluate(in, true) {
		v.changed()
	}
}

// evaluate shows in's result and makes in the view's state when the
// planner accepts it; it reports whether it did.
func (v *ServingView) evaluate(in planner.ServingInputs, user bool) bool {
	res, err := planner.EvaluateServing(in)
	var unit planner.ServingUnit
	if err == nil {
		unit, err = planner.EvaluateServingUnit(planner.ServingUnitDefaults(v.money, in))
	}
	if err != nil {
		v.fields.mark(err)
		showStatus(v.Status, err)
		return false
	}
	v.in, v.res, v.unit = in, res, unit
	v.show()
	showStatus(v.Status, v.fields.firstErr(servingKeys))
	return true
}

func (v *ServingView) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// show writes the results.
func (v *ServingView) show() {
	r, in := &v.res, &v.in
	q := &r.PerQuery
	v.Energy.SetText(fmt.Sprintf("Energy: %s a year at the meter (%s queries a day × %s Wh × PUE %s).", planner.HumanEnergyKWh(r.EnergyKWh),
		planner.HumanCount(in.QueriesPerDay), planner.HumanNumber(in.EnergyPerQueryWh), planner.HumanNumber(in.PUE)))
	v.Carbon.SetText(fmt.Sprintf("Carbon: %s a year at %s gCO2e/kWh.", planner.HumanTCO2e(r.CarbonT), planner.HumanNumber(in.CarbonGPerKWh)))
	v.Water.SetText(fmt.Sprintf("Water: %s a year (%s mL a query).", planner.HumanLitres(r.WaterL), planner.HumanNumber(q.WaterML)))
	v.Revenue.SetText(fmt.Sprintf("Revenue: %s a year (%s USD a query).", planner.HumanUSD(r.RevenueUSD), planner.HumanNumber(in.RevenuePerQueryUSD)))
	if r.ResponsesPerBottle != nil {
		v.Bottle.SetText(fmt.Sprintf("Responses per %s cl bottle: %s.", planner.HumanNumber(in.BottleL*100), planner.HumanNumber(*r.ResponsesPerBottle)))
	} else {
		v.Bottle.SetText("Responses per bottle: n/a (no water per query).")
	}
	u := &v.unit
	v.Cost.SetText(fmt.Sprintf("Cost: %s per million tokens, %s per query (%s tokens).", smallUSD(u.CostPerMillionTokensUSD),
		smallUSD(u.CostPerQueryUSD), planner.HumanNumber(u.UnitInputs.TokensPerQuery)))
	v.PerQuery.SetText(fmt.Sprintf("Per query: %s Wh at the meter, %s mL of water, %s g CO2e.",
		planner.HumanNumber(q.FacilityEnergyWh), planner.HumanNumber(q.WaterML), planner.HumanNumber(q.CarbonG)))
	v.Margin.SetText(fmt.Sprintf("Margin: %s per query at %s per million tokens (price %s a query).", smallUSD(u.MarginPerQueryUSD),
		smallUSD(u.UnitInputs.PricePerMillionTokensUSD), smallUSD(u.PricePerQueryUSD)))
	switch {
	case in.GapUSD <= 0:
		v.Services.SetText("Services needed to close the gap: none (no gap in the first year).")
	case r.ServicesToCloseGap != nil:
		v.Services.SetText(fmt.Sprintf("Services like this needed to close the %s gap: %s.", planner.HumanUSD(in.GapUSD), planner.HumanCount(*r.ServicesToCloseGap)))
	default:
		v.Services.SetText("Services needed to close the gap: none would (the service earns nothing).")
	}
}

// smallUSD formats dollars down to fractions of a cent: 0.00015 ->
// "$0.00015", -0.002 -> "-$0.002", 2.19 -> "$2.19".
func smallUSD(v float64) string {
	if v < 0 {
		return "-$" + planner.HumanNumber(-v)
	}
	return "$" + planner.HumanNumber(v)
}
