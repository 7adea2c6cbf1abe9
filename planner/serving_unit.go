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
//	facility energy (Wh)    = IT energy x PUE;  energy per token = IT / tokens
//	water (mL)              = IT Wh x (WUE + PUE x EWIF)     (Wh x L/kWh = mL)
//	carbon (g)              = IT Wh x PUE x intensity / 1000
//	margin per query        = price per million x tokens / 1e6 - cost per query
//
// Li et al.'s US average: 4 Wh x (0.55 + 1.17 x 3.142) = 16.9 mL.
func EvaluateServingUnit(in ServingUnitInputs) (ServingUnit, error) {
	if err := in.Validate(); err != nil {
		return ServingUnit{}, err
	}
	u := ServingUnit{UnitInputs: in, EnergyPerQueryWh: in.ITEnergyPerQueryWh}
	u.CostPerMillionTokensUSD = in.GPUHourUSD / (in.TokensPerSecond * 3600) * 1e6
	u.CostPerQueryUSD = u.CostPerMillionTokensUSD * in.TokensPerQuery / 1e6
	u.FacilityEnergyPerQuery = in.ITEnergyPerQueryWh * in.PUE
	u.EnergyPerTokenWh = in.ITEnergyPerQueryWh / in.TokensPerQuery
	u.WaterPerQueryML = in.ITEnergyPerQueryWh * (in.WUELPerKWh + in.PUE*in.EWIFLPerKWh)
	u.EmissionsPerQueryG = u.FacilityEnergyPerQuery * in.CarbonGPerKWh / 1000
	u.PricePerQueryUSD = in.PricePerMillionTokensUSD * in.TokensPerQuery / 1e6
	u.MarginPerQueryUSD = u.PricePerQueryUSD - u.CostPerQueryUSD
	return u, nil
}

// ServingUnitDefaults returns the unit inputs for an IT energy per query
// and the scenario's PUE, WUE, EWIF and carbon intensity, with the money
// file's cited throughput, accelerator-hour price, tokens per query and
// price per million tokens.
func ServingUnitDefaults(m *MoneyData, energyWh, pue, wue, ewif, carbon float64) ServingUnitInputs {
	s := &m.Serving
	return ServingUnitInputs{ITEnergyPerQueryWh: energyWh, PUE: pue, WUELPerKWh: wue, EWIFLPerKWh: ewif,
		CarbonGPerKWh: carbon, TokensPerQuery: s.TokensPerQuery.Value, TokensPerSecond: s.TokensPerSecondPerAccelerator.Value,
		GPUHourUSD: s.GPUHourUSD.Value, PricePerMillionTokensUSD: s.PricePerMillionTokensUSD.Value}
}
