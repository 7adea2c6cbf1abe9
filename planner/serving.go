package planner

import (
	"fmt"
	"math"
	"strings"
)

// DaysPerYear converts daily serving figures to annual ones.
const DaysPerYear = 365

// Serving energy presets: the published energy per chatbot query.
const (
	// ServingDeVries2023 is about 3 Wh per ChatGPT request (de Vries 2023,
	// "The growing energy footprint of artificial intelligence", Joule 7(10)).
	ServingDeVries2023 = "devries2023"
	// ServingEpoch2025 is about 0.3 Wh per typical GPT-4o query (Epoch AI
	// 2025, "How much energy does ChatGPT use?").
	ServingEpoch2025 = "epoch2025"
)

// ServingPresetIDs lists the serving presets.
func ServingPresetIDs() []string { return []string{ServingEpoch2025, ServingDeVries2023} }

// DefaultQueriesPerDay is the default traffic of a service: one billion
// queries a day, the order of ChatGPT's reported message volume (OpenAI,
// December 2024). It is an assumption of the app, not a catalogue figure.
const DefaultQueriesPerDay = 1e9

// ServingInputs describe one deployed AI service. Field names in errors are
// the flags of 'aiplan serving' without dashes.
type ServingInputs struct {
	Preset        string  `json:"preset,omitempty"`
	QueriesPerDay float64 `json:"queriesPerDay"`
	// EnergyPerQueryWh is the server (IT) energy per query in Wh, as Li et
	// al. use it; the facility draws PUE times as much.
	EnergyPerQueryWh float64 `json:"energyPerQueryWh"`
	// PUE is the facility's power usage effectiveness (1 to 5).
	PUE float64 `json:"pue"`
	// WUELPerKWh is the on-site water use per kWh of IT energy (L/kWh).
	WUELPerKWh float64 `json:"wueLPerKWh"`
	// EWIFLPerKWh is the water consumed generating one kWh of electricity
	// (off-site, L/kWh).
	EWIFLPerKWh float64 `json:"ewifLPerKWh"`
	// CarbonGPerKWh is the carbon intensity of the electricity.
	CarbonGPerKWh float64 `json:"carbonGPerKWh"`
	// CarbonSource is the catalogue energy source CarbonGPerKWh came from.
	CarbonSource string `json:"carbonSource,omitempty"`
	// RevenuePerQueryUSD is the revenue (price) earned per query.
	RevenuePerQueryUSD float64 `json:"revenuePerQueryUSD"`
	// BottleL is the bottle the water figure is expressed in (0.5 L).
	BottleL float64 `json:"bottleL"`
	// GapUSD is a yearly revenue gap to close (0 = none).
	GapUSD float64 `json:"gapUSD"`
}

// ServingResult is the annual footprint and revenue of the service. Each
// annual figure is its per-query figure (QueryFootprint) times
// QueriesPerYear.
type ServingResult struct {
	Inputs         ServingInputs `json:"inputs"`
	QueriesPerYear float64       `json:"queriesPerYear"`
	// EnergyKWh is the facility energy (IT energy x PUE).
	EnergyKWh float64 `json:"energyKWh"`
	// ITEnergyKWh is the server (IT) energy.
	ITEnergyKWh float64 `json:"itEnergyKWh"`
	CarbonT     float64 `json:"carbonT"`
	// WaterL is the water consumed, on site plus electricity generation.
	WaterL float64 `json:"waterL"`
	// PerQuery is the footprint of one query the annual figures multiply.
	PerQuery   QueryFootprint `json:"-"`
	RevenueUSD float64        `json:"revenueUSD"`
	// ResponsesPerBottle is how many queries consume one bottle of water.
	ResponsesPerBottle *float64 `json:"responsesPerBottle"`
	// ServicesToCloseGap is how many such services close GapUSD; nil when
	// the service earns nothing, 0 when there is no gap.
	ServicesToCloseGap *float64 `json:"servicesToCloseGap"`
}

// Validate checks the inputs and returns a *FieldError naming the first
// offending field.
func (in *ServingInputs) Validate() error {
	return checkRanges([]rangeCheck{
		{"queries-per-day", in.QueriesPerDay, 0, 1e13, "0 to 1e13 queries per day"},
		{"energy-wh", in.EnergyPerQueryWh, 0, 1e4, "0 to 10000 Wh per query"},
		{"pue", in.PUE, 1, 5, "1 to 5"},
		{"wue", in.WUELPerKWh, 0, 50, "0 to 50 L/kWh"},
		{"ewif", in.EWIFLPerKWh, 0, 100, "0 to 100 L/kWh"},
		{"carbon-intensity", in.CarbonGPerKWh, 0, 2000, "0 to 2000 gCO2e/kWh"},
		{"revenue-per-query", in.RevenuePerQueryUSD, 0, 1000, "0 to 1000 USD per query"},
		{"bottle", in.BottleL, 0.01, 100, "0.01 to 100 L"},
		{"gap", in.GapUSD, 0, 1e15, "0 to 1e15 USD per year"},
	})
}

// EvaluateServing returns the annual figures of the service, each the
// per-query figure of QueryFootprint times the queries of a year:
//
//	queriesPerYear     = queriesPerDay x 365
//	itEnergyKWh        = queriesPerYear x energyPerQueryWh / 1000
//	energyKWh          = queriesPerYear x energyPerQueryWh x PUE / 1000
//	carbonT            = queriesPerYear x emissionsPerQueryG / 1e6
//	waterL             = queriesPerYear x waterPerQueryML / 1000
//	revenueUSD         = queriesPerYear x revenuePerQueryUSD
//	responsesPerBottle = bottleL x 1000 / waterPerQueryML
//	servicesToCloseGap = ceil(gapUSD / revenueUSD)
//
// With Li et al.'s US inputs (4 Wh, PUE 1.17, WUE 0.55, EWIF 3.142 L/kWh)
// a response consumes 16.9 mL and a 500 mL bottle holds 29.6 responses,
// inside their "10-50 medium-length responses" (Li, Yang, Islam, Ren,
// "Making AI Less Thirsty", arXiv 2304.03271). ResponsesPerBottle is nil
// when the water per query is 0 (or so small the count is not finite).
func EvaluateServing(in ServingInputs) (ServingResult, error) {
	if err := in.Validate(); err != nil {
		return ServingResult{}, err
	}
	q := Footprint(in.EnergyPerQueryWh, in.PUE, in.WUELPerKWh, in.EWIFLPerKWh, in.CarbonGPerKWh)
	r := ServingResult{Inputs: in, QueriesPerYear: in.QueriesPerDay * DaysPerYear, PerQuery: q}
	r.ITEnergyKWh = r.QueriesPerYear * q.ITEnergyWh / 1000
	r.EnergyKWh = r.QueriesPerYear * q.FacilityEnergyWh / 1000
	r.CarbonT = r.QueriesPerYear * q.CarbonG / 1e6
	r.WaterL = r.QueriesPerYear * q.WaterML / 1000
	r.RevenueUSD = r.QueriesPerYear * in.RevenuePerQueryUSD
	if b := in.BottleL * 1000 / q.WaterML; q.WaterML > 0 && !math.IsInf(b, 0) {
		r.ResponsesPerBottle = &b
	}
	if n, ok := ServicesToClose(in.GapUSD, r.RevenueUSD); ok {
		r.ServicesToCloseGap = &n
	}
	return r, nil
}

// ServicesToClose returns how many services each earning annualRevenueUSD
// close a yearly gap:
//
//	n = ceil(gapUSD / annualRevenueUSD)   (0 when gapUSD <= 0)
//
// ok is false when the revenue is 0 and the gap positive (no number does).
func ServicesToClose(gapUSD, annualRevenueUSD float64) (n float64, ok bool) {
	if gapUSD <= 0 {
		return 0, true
	}
	if !(annualRevenueUSD > 0) {
		return 0, false
	}
	n = math.Ceil(gapUSD / annualRevenueUSD)
	if math.IsInf(n, 0) || math.IsNaN(n) {
		return 0, false
	}
	return n, true
}

// ServingPreset returns a service built from the catalogue: energy per query
// from the preset (epoch2025: 0.3 Wh, devries2023: 3 Wh), the 0.5 L bottle,
// DefaultQueriesPerDay, the carbon intensity of the US grid (else the
// catalogue's first grid energy source, else 0), the PUE and WUE of the
// catalogue's default cooling and the EWIF of that grid (as a training
// scenario resolves them, so water follows the energy), and a
// revenue per query derived as OpenAI's revenue run-rate spread over a year
// of those queries:
//
//	revenuePerQueryUSD = openai.revenueRunRateUSD / (DefaultQueriesPerDay x 365)
//
// The error names a missing catalogue key.
func ServingPreset(cat *Catalog, id string) (ServingInputs, error) {
	if cat == nil {
		return ServingInputs{}, fmt.Errorf("serving preset %s: no catalogue", id)
	}
	var energyKey string
	switch id {
	case ServingEpoch2025:
		energyKey = "query.energyWh.epoch2025"
	case ServingDeVries2023:
		energyKey = "query.energyWh.devries2023"
	default:
		return ServingInputs{}, choiceError("preset", id, ServingPresetIDs())
	}
	var missing []string
	get := func(key string) float64 {
		f, ok := cat.Macro.Figures[key]
		if !ok {
			missing = append(missing, "macro.figures."+key)
		}
		return f.Value
	}
	in := ServingInputs{Preset: id, QueriesPerDay: DefaultQueriesPerDay,
		EnergyPerQueryWh: get(energyKey), BottleL: get("equivalent.bottleL"), PUE: 1}
	in.RevenuePerQueryUSD = get("openai.revenueRunRateUSD") / (DefaultQueriesPerDay * DaysPerYear)
	grid := cat.EnergySource("us-grid")
	for i := range cat.EnergySources {
		if grid == nil && cat.EnergySources[i].Kind == "grid" {
			grid = &cat.EnergySources[i]
		}
	}
	if grid != nil {
		in.CarbonGPerKWh, in.CarbonSource = grid.CarbonGPerKWh.Value, grid.ID
	}
	in.PUE, in.WUELPerKWh, in.EWIFLPerKWh = siteWater(cat, in.CarbonSource)
	if len(missing) > 0 {
		return ServingInputs{}, fmt.Errorf("serving preset %s: the catalogue lacks %s", id, strings.Join(missing, ", "))
	}
	return in, nil
}
