package planner

// ServingUnitInputs are the per-query inputs of the serving unit economics.
// Energy per query is the server (IT) energy, as Li et al. use it: the
// facility draws PUE times as much. Field names in errors are the flags of
// 'aiplan serving' without dashes.
type ServingUnitInputs struct {
	ITEnergyPerQueryWh float64 `json:"energyPerQueryWh"`
	PUE                float64 `json:"pue"`
	WUELPerKWh         float64 `json:"wueLPerKWh"`
	EWIFLPerKWh        float64 `json:"ewifLPerKWh"`
	CarbonGPerKWh      float64 `json:"carbonGPerKWh"`
	TokensPerQuery     float64 `json:"tokensPerQuery"`
	// TokensPerSecond is the output throughput of one accelerator.
	TokensPerSecond          float64 `json:"tokensPerSecondPerAccelerator"`
	GPUHourUSD               float64 `json:"gpuHourUSD"`
	PricePerMillionTokensUSD float64 `json:"pricePerMillionTokensUSD"`
}

// ServingUnit is the cost, footprint and margin of one query.
type ServingUnit struct {
	UnitInputs              ServingUnitInputs `json:"unitInputs"`
	CostPerMillionTokensUSD float64           `json:"costPerMillionTokensUSD"`
	CostPerQueryUSD         float64           `json:"costPerQueryUSD"`
	EnergyPerQueryWh        float64           `json:"energyPerQueryWh"`
	FacilityEnergyPerQuery  float64           `json:"facilityEnergyPerQueryWh"`
	EnergyPerTokenWh        float64           `json:"energyPerTokenWh"`
	WaterPerQueryML         float64           `json:"waterPerQueryML"`
	EmissionsPerQueryG      float64           `json:"emissionsPerQueryG"`
	PricePerQueryUSD        float64           `json:"pricePerQueryUSD"`
	MarginPerQueryUSD       float64           `json:"marginPerQueryUSD"`
}

// rangeCheck is one input's accepted range, for checkRanges.
type rangeCheck struct {
	field    string
	v, lo    float64
	hi       float64
	accepted string
}

// checkRanges returns the *FieldError of the first check out of range.
func checkRanges(checks []rangeCheck) error {
	for _, c := range checks {
		if err := checkRange(c.field, c.v, c.lo, c.hi, c.accepted); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the inputs and returns a *FieldError naming the first
// offending field.
func (in *ServingUnitInputs) Validate() error {
	return checkRanges([]rangeCheck{
		{"energy-wh", in.ITEnergyPerQueryWh, 0, 1e4, "0 to 10000 Wh per query"},
		{"pue", in.PUE, 1, 5, "1 to 5"},
		{"wue", in.WUELPerKWh, 0, 50, "0 to 50 L/kWh"},
		{"ewif", in.EWIFLPerKWh, 0, 100, "0 to 100 L/kWh"},
		{"carbon-intensity", in.CarbonGPerKWh, 0, 2000, "0 to 2000 gCO2e/kWh"},
		{"tokens-per-query", in.TokensPerQuery, 1, 1e7, "1 to 1e7 tokens per query"},
		{"tokens-per-second", in.TokensPerSecond, 0.01, 1e7, "0.01 to 1e7 tokens per second per accelerator"},
		{"gpu-hour-price", in.GPUHourUSD, 0, 1000, "0 to 1000 USD per accelerator-hour"},
		{"price-per-million", in.PricePerMillionTokensUSD, 0, 1e5, "0 to 100000 USD per million tokens"},
	})
}

// EvaluateServingUnit returns the unit economics of one query:
//
//	cost per million tokens = accelerator-hour price / (tokens/s x 3600) x 1e6
//	cost per query          = cost per million x tokens per query / 1e6
//	energy per token        = IT Wh / tokens
//	facility energy, water, carbon: Footprint
//	margin per query        = price per million x tokens / 1e6 - cost per query
func EvaluateServingUnit(in ServingUnitInputs) (ServingUnit, error) {
	if err := in.Validate(); err != nil {
		return ServingUnit{}, err
	}
	q := Footprint(in.ITEnergyPerQueryWh, in.PUE, in.WUELPerKWh, in.EWIFLPerKWh, in.CarbonGPerKWh)
	u := ServingUnit{UnitInputs: in, EnergyPerQueryWh: q.ITEnergyWh}
	u.CostPerMillionTokensUSD = in.GPUHourUSD / (in.TokensPerSecond * 3600) * 1e6
	u.CostPerQueryUSD = u.CostPerMillionTokensUSD * in.TokensPerQuery / 1e6
	u.FacilityEnergyPerQuery = q.FacilityEnergyWh
	u.EnergyPerTokenWh = in.ITEnergyPerQueryWh / in.TokensPerQuery
	u.WaterPerQueryML = q.WaterML
	u.EmissionsPerQueryG = q.CarbonG
	u.PricePerQueryUSD = in.PricePerMillionTokensUSD * in.TokensPerQuery / 1e6
	u.MarginPerQueryUSD = u.PricePerQueryUSD - u.CostPerQueryUSD
	return u, nil
}

// QueryFootprint is the energy, water and carbon of one query.
type QueryFootprint struct {
	ITEnergyWh, FacilityEnergyWh, WaterML, CarbonG float64
}

// Footprint is the one formula of a query's footprint, from its server (IT)
// energy and the site's PUE, WUE, EWIF and carbon intensity:
//
//	facility Wh = IT Wh x PUE
//	water (mL)  = IT Wh x (WUE + PUE x EWIF)     (Wh x L/kWh = mL)
//	carbon (g)  = IT Wh x PUE x intensity / 1000
//
// Li et al.'s US average: 4 Wh x (0.55 + 1.17 x 3.142) = 16.9 mL.
func Footprint(itWh, pue, wue, ewif, carbonGPerKWh float64) QueryFootprint {
	return QueryFootprint{ITEnergyWh: itWh, FacilityEnergyWh: itWh * pue,
		WaterML: itWh * (wue + pue*ewif), CarbonG: itWh * pue * carbonGPerKWh / 1000}
}

// siteWater returns the PUE and WUE of the catalogue's default cooling and
// the EWIF of the energy source (as Resolve gives them to a training
// scenario on it); PUE 1 and no water when the catalogue resolves none.
func siteWater(cat *Catalog, energy string) (pue, wue, ewif float64) {
	probe := Scenario{Energy: energy}
	if len(cat.Accelerators) > 0 {
		probe.GPU = cat.Accelerators[0].ID
	}
	probe.Set(KeyFLOPs, 1e20)
	probe.Set(KeyGPUs, 1)
	if res, err := Resolve(cat, &probe); err == nil {
		return res.Inputs.PUE, res.Inputs.WUELPerKWh, res.Inputs.EWIFLPerKWh
	}
	return 1, 0, 0
}

// ServingUnitDefaults returns the unit inputs of a service: its IT energy
// per query, PUE, WUE, EWIF and carbon intensity, with the money file's
// cited throughput, accelerator-hour price, tokens per query and price per
// million tokens.
func ServingUnitDefaults(m *MoneyData, in ServingInputs) ServingUnitInputs {
	s := &m.Serving
	return ServingUnitInputs{ITEnergyPerQueryWh: in.EnergyPerQueryWh, PUE: in.PUE, WUELPerKWh: in.WUELPerKWh,
		EWIFLPerKWh: in.EWIFLPerKWh, CarbonGPerKWh: in.CarbonGPerKWh, TokensPerQuery: s.TokensPerQuery.Value, TokensPerSecond: s.TokensPerSecondPerAccelerator.Value,
		GPUHourUSD: s.GPUHourUSD.Value, PricePerMillionTokensUSD: s.PricePerMillionTokensUSD.Value}
}
