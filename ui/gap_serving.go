package ui

import (
	"fmt"
	"strconv"

	"aiplan/planner"
)

// The Bubble gap tab's serving-economics part (inputs, evaluation, table).

// ServingInputs returns the last valid serving inputs; GapUSD is the gap
// model's first-year gap (0 when revenue covers it).
func (v *GapView) ServingInputs() planner.ServingInputs { return v.serv }

// SetServingInputs shows the serving inputs (GapUSD is replaced by the gap
// model's); no OnChanged.
func (v *GapView) SetServingInputs(in planner.ServingInputs) {
	v.loading = true
	v.ServingPreset.SetSelected(presetTitle(servingPresetTitles, in.Preset))
	v.Queries.SetText(planner.FormatQuantity(in.QueriesPerDay))
	v.EnergyWh.SetText(planner.FormatNumber(in.EnergyPerQueryWh))
	v.WaterML.SetText(planner.FormatNumber(in.WaterPerQueryML))
	v.RevenuePerQuery.SetText(planner.FormatNumber(in.RevenuePerQueryUSD))
	v.Carbon.SetText(planner.FormatNumber(in.CarbonGPerKWh))
	v.loading = false
	in.GapUSD = max(0, v.gapRes.GapUSD)
	v.evaluateServing(false, &in)
}

func (v *GapView) pickServing() {
	if v.loading {
		return
	}
	id := presetID(servingPresetTitles, v.ServingPreset.Selected)
	if id == "" {
		v.applyServing()
		return
	}
	in, err := planner.ServingPreset(v.cat, id)
	if err != nil {
		v.showStatus(err)
		return
	}
	v.SetServingInputs(in)
	v.changed()
}

func (v *GapView) applyServing() {
	v.clear(servingKeys...)
	r := &reader{v: v}
	in := v.serv
	in.Preset = presetID(servingPresetTitles, v.ServingPreset.Selected)
	in.QueriesPerDay = r.num("queries-per-day")
	in.EnergyPerQueryWh = r.num("energy-wh")
	in.WaterPerQueryML = r.num("water-ml")
	in.RevenuePerQueryUSD = r.num("revenue-per-query")
	if c := r.num("carbon-intensity"); c != v.serv.CarbonGPerKWh {
		in.CarbonGPerKWh, in.CarbonSource = c, ""
	}
	if r.err != nil {
		v.showStatus(r.err)
		return
	}
	v.evaluateServing(true, &in)
}

func (v *GapView) evaluateServing(user bool, in *planner.ServingInputs) {
	if !user {
		v.clear(servingKeys...)
	}
	res, err := planner.EvaluateServing(*in)
	if err != nil {
		v.markModelError(err)
		v.showStatus(err)
		return
	}
	v.serv, v.servRes = *in, res
	v.showServing()
	v.showStatus(nil)
	if user {
		v.changed()
	}
}

// showServing writes the serving economics.
func (v *GapView) showServing() {
	r := &v.servRes
	v.ServingEnergy.SetText(fmt.Sprintf("Energy: %s a year (%s queries a day × %s Wh).", planner.HumanEnergyKWh(r.EnergyKWh),
		planner.HumanCount(v.serv.QueriesPerDay), planner.FormatNumber(v.serv.EnergyPerQueryWh)))
	v.ServingCarbon.SetText(fmt.Sprintf("Carbon: %s a year at %s gCO2e/kWh.", planner.HumanTCO2e(r.CarbonT), planner.FormatNumber(v.serv.CarbonGPerKWh)))
	v.ServingWater.SetText(fmt.Sprintf("Water: %s a year (%s mL a query).", planner.HumanLitres(r.WaterL), planner.FormatNumber(v.serv.WaterPerQueryML)))
	v.ServingRevenue.SetText(fmt.Sprintf("Revenue: %s a year (%s a query).", planner.HumanUSD(r.RevenueUSD), strconv.FormatFloat(v.serv.RevenuePerQueryUSD, 'g', 3, 64)+" USD"))
	if r.ResponsesPerBottle != nil {
		v.ServingBottle.SetText(fmt.Sprintf("Responses per %s cl bottle: %s.", planner.FormatNumber(v.serv.BottleL*100), strconv.FormatFloat(*r.ResponsesPerBottle, 'f', 1, 64)))
	} else {
		v.ServingBottle.SetText("Responses per bottle: n/a (no water per query).")
	}
	switch {
	case v.serv.GapUSD <= 0:
		v.ServingServices.SetText("Services needed to close the gap: none (no gap in the first year).")
	case r.ServicesToCloseGap != nil:
		v.ServingServices.SetText(fmt.Sprintf("Services like this needed to close the %s gap: %s.", planner.HumanUSD(v.serv.GapUSD), planner.HumanCount(*r.ServicesToCloseGap)))
	default:
		v.ServingServices.SetText("Services needed to close the gap: none would (the service earns nothing).")
	}
}
