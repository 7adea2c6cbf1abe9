package planner

import (
	"fmt"
	"math"
)

// IndustryInputs describes a build-out of GW gigawatts of IT capacity (the
// nameplate power of the IT equipment, as in Epoch AI's 1 GW model). Keys in
// the doc comments are the input keys of IndustryFields (the CLI flags).
type IndustryInputs struct {
	GW            float64 `json:"gw"`           // gw: IT capacity, GW
	CapexPerGWUSD float64 `json:"capexPerGW"`   // capex-per-gw: IT + facility capex per GW
	ITShare       float64 `json:"itShare"`      // it-share: IT share of capex-per-gw
	WACC          float64 `json:"wacc"`         // wacc: cost of capital r
	ITLifeYears   float64 `json:"itLife"`       // it-life
	FacilityLife  float64 `json:"facilityLife"` // facility-life, years
	OpexUSDPerGW  float64 `json:"opexPerGW"`    // opex: non-energy opex per GW-year
	Utilization   float64 `json:"utilization"`  // utilization: average IT load / nameplate
	PUE           float64 `json:"pue"`          // pue
	// WUELPerKWh is on-site water CONSUMPTION per kWh of IT energy (wue).
	WUELPerKWh float64 `json:"wue"`
	// WUEWithdrawalLPerKWh is on-site water WITHDRAWAL per kWh of IT energy (wue-withdrawal).
	WUEWithdrawalLPerKWh float64 `json:"wueWithdrawal"`
	// EWIFLPerKWh is off-site water CONSUMPTION per kWh generated (ewif).
	EWIFLPerKWh float64 `json:"ewif"`
	// EWIFWithdrawalLPerKWh is off-site water WITHDRAWAL per kWh generated (ewif-withdrawal).
	EWIFWithdrawalLPerKWh float64 `json:"ewifWithdrawal"`
	// CarbonGPerKWh is the location-based intensity (carbon); MarketCarbonGPerKWh
	// the market-based one (market-carbon), after contractual instruments.
	CarbonGPerKWh       float64 `json:"carbon"`
	MarketCarbonGPerKWh float64 `json:"marketCarbon"`
	PriceUSDPerKWh      float64 `json:"price"`        // price
	HeatReuseShare      float64 `json:"heatReuse"`    // heat-reuse: share of facility energy reused as heat
	HeatPerHomeMWh      float64 `json:"heatPerHome"`  // heat-per-home: MWh of heat a home uses a year
	RevenuePerGWUSD     float64 `json:"revenuePerGW"` // revenue-per-gw: revenue per GW-year
	Margin              float64 `json:"margin"`       // margin: target margin on the annual cost
	// SupplyMW is a dedicated power supply to compare with the campus
	// (supply-mw; 0 = none), e.g. the Crane Clean Energy Center's 835 MW.
	SupplyMW float64 `json:"supplyMW"`
}

// IndustryFields are the inputs of the industry model with their units and
// accepted ranges, in CLI order.
var IndustryFields = []Field{
	{Key: "gw", Label: "IT capacity", Unit: "GW", Min: 1e-6, Max: 10000},
	{Key: "capex-per-gw", Label: "Capex per GW (IT + facility)", Unit: "USD/GW", Min: 1e8, Max: 1e12},
	{Key: "it-share", Percent: true, Label: "IT share of capex", Unit: "fraction", Min: 0, Max: 1},
	{Key: "wacc", Percent: true, Label: "Cost of capital", Unit: "fraction", Min: 0, Max: 1},
	{Key: "it-life", Label: "IT life", Unit: "years", Min: 1, Max: 50},
	{Key: "facility-life", Label: "Facility life", Unit: "years", Min: 1, Max: 100},
	{Key: "opex", Label: "Opex other than energy", Unit: "USD/GW-year", Min: 0, Max: 1e11},
	{Key: "utilization", Percent: true, Label: "Utilisation", Unit: "fraction", Min: 0.01, Max: 1},
	{Key: "pue", Label: "PUE", Unit: "ratio", Min: 1, Max: 3},
	{Key: "wue", Label: "On-site water consumption (WUE)", Unit: "L/kWh", Min: 0, Max: 20},
	{Key: "wue-withdrawal", Label: "On-site water withdrawal", Unit: "L/kWh", Min: 0, Max: 50},
	{Key: "ewif", Label: "Off-site water consumption (EWIF)", Unit: "L/kWh", Min: 0, Max: 100},
	{Key: "ewif-withdrawal", Label: "Off-site water withdrawal", Unit: "L/kWh", Min: 0, Max: 500},
	{Key: "carbon", Label: "Carbon intensity, location-based", Unit: "gCO2e/kWh", Min: 0, Max: 2000},
	{Key: "market-carbon", Label: "Carbon intensity, market-based", Unit: "gCO2e/kWh", Min: 0, Max: 2000},
	{Key: "price", Label: "Electricity price", Unit: "USD/kWh", Min: 0, Max: 10},
	{Key: "heat-reuse", Percent: true, Label: "Heat reused", Unit: "fraction", Min: 0, Max: 1},
	{Key: "heat-per-home", Label: "Heat per home", Unit: "MWh/home-year", Min: 0.1, Max: 100},
	{Key: "revenue-per-gw", Label: "Revenue per GW-year", Unit: "USD/GW-year", Min: 0, Max: 1e12},
	{Key: "margin", Percent: true, Label: "Target margin", Unit: "fraction", Min: 0, Max: 0.99},
	{Key: "supply-mw", Label: "Dedicated supply", Unit: "MW", Min: 0, Max: 1e6},
}

// IndustryField returns the industry input field with key, or nil.
func IndustryField(key string) *Field {
	for i := range IndustryFields {
		if IndustryFields[i].Key == key {
			return &IndustryFields[i]
		}
	}
	return nil
}

// ptr returns the address of the input's value for key, or nil.
func (in *IndustryInputs) ptr(key string) *float64 {
	switch key {
	case "gw":
		return &in.GW
	case "capex-per-gw":
		return &in.CapexPerGWUSD
	case "it-share":
		return &in.ITShare
	case "wacc":
		return &in.WACC
	case "it-life":
		return &in.ITLifeYears
	case "facility-life":
		return &in.FacilityLife
	case "opex":
		return &in.OpexUSDPerGW
	case "utilization":
		return &in.Utilization
	case "pue":
		return &in.PUE
	case "wue":
		return &in.WUELPerKWh
	case "wue-withdrawal":
		return &in.WUEWithdrawalLPerKWh
	case "ewif":
		return &in.EWIFLPerKWh
	case "ewif-withdrawal":
		return &in.EWIFWithdrawalLPerKWh
	case "carbon":
		return &in.CarbonGPerKWh
	case "market-carbon":
		return &in.MarketCarbonGPerKWh
	case "price":
		return &in.PriceUSDPerKWh
	case "heat-reuse":
		return &in.HeatReuseShare
	case "heat-per-home":
		return &in.HeatPerHomeMWh
	case "revenue-per-gw":
		return &in.RevenuePerGWUSD
	case "margin":
		return &in.Margin
	case "supply-mw":
		return &in.SupplyMW
	}
	return nil
}

// Set sets the input named key (an IndustryFields key) after checking its range.
func (in *IndustryInputs) Set(key string, v float64) error {
	f, p := IndustryField(key), in.ptr(key)
	if f == nil || p == nil {
		return &FieldError{Field: key, Msg: "unknown industry input"}
	}
	if err := f.Check(v); err != nil {
		return err
	}
	*p = v
	return nil
}

// Validate checks every input against its field's range.
func (in *IndustryInputs) Validate() error {
	for i := range IndustryFields {
		f := &IndustryFields[i]
		if err := f.Check(*in.ptr(f.Key)); err != nil {
			return err
		}
	}
	return nil
}

// IndustryResult is the build-out's money, energy, carbon and water per year.
type IndustryResult struct {
	Inputs IndustryInputs `json:"-"`
	GW     float64        `json:"gw"`
	// CapexUSD = GW x capex per GW; ITCapexUSD its IT share, the rest facility.
	CapexUSD         float64 `json:"capexUSD"`
	ITCapexUSD       float64 `json:"itCapexUSD"`
	FacilityCapexUSD float64 `json:"facilityCapexUSD"`
	// AnnualCostUSD is the annual cost of ownership: capital recovery of IT
	// and facility, plus opex and energy.
	AnnualCostUSD      float64 `json:"annualCostUSD"`
	ITAnnualUSD        float64 `json:"itAnnualUSD"`
	FacilityAnnualUSD  float64 `json:"facilityAnnualUSD"`
	OpexUSD            float64 `json:"opexUSD"`
	EnergyCostUSD      float64 `json:"energyCostUSD"`
	AnnualCostPerGWUSD float64 `json:"annualCostPerGWUSD"`
	ITEnergyTWh        float64 `json:"itEnergyTWh"`
	FacilityEnergyTWh  float64 `json:"facilityEnergyTWh"`
	// EmissionsTCO2e is location-based; MarketEmissionsTCO2e market-based.
	EmissionsTCO2e       float64 `json:"emissionsTCO2e"`
	MarketEmissionsTCO2e float64 `json:"marketEmissionsTCO2e"`
	// WaterConsumptionM3 (evaporated) and WaterWithdrawalM3 (taken), each
	// on-site (scope 1) plus off-site (scope 2).
	WaterConsumptionM3         float64 `json:"waterConsumptionM3"`
	WaterConsumptionOnSiteM3   float64 `json:"waterConsumptionOnSiteM3"`
	WaterWithdrawalM3          float64 `json:"waterWithdrawalM3"`
	WaterWithdrawalOnSiteM3    float64 `json:"waterWithdrawalOnSiteM3"`
	HeatReusedMWh              float64 `json:"heatReusedMWh"`
	HomesHeated                float64 `json:"homesHeated"`
	RevenueUSD                 float64 `json:"revenueUSD"`
	RequiredRevenueUSD         float64 `json:"requiredRevenueUSD"`
	RequiredRevenuePerGWUSD    float64 `json:"requiredRevenuePerGWUSD"`
	FacilityPowerMW            float64 `json:"facilityPowerMW"`
	SupplyShareOfFacilityPower float64 `json:"supplyShareOfFacilityPower"`
}

// CRF is the capital recovery factor: the annual payment that repays 1 over
// n years at rate r.
//
//	CRF(r, n) = r / (1 - (1 + r)^-n),   CRF(0, n) = 1 / n
func CRF(r, n float64) float64 {
	if r == 0 {
		return 1 / n
	}
	return r / (1 - math.Pow(1+r, -n))
}

// EvaluateIndustry computes a build-out. Sources: Epoch AI's 1 GW cost
// model (2026-05-14) for the cost structure, Li et al. "Making AI Less
// Thirsty" (CACM 2025, Appendix) for water withdrawal and consumption.
//
//	capex            = G x capex per GW;  IT capex = capex x IT share
//	annual cost      = IT capex x CRF(r, IT life) + facility capex x CRF(r, facility life)
//	                   + G x opex + facility energy x price
//	IT energy        = G x 8,766 h x utilisation              (TWh)
//	facility energy  = IT energy x PUE                        (TWh)
//	tCO2e            = facility energy x gCO2e/kWh (location- and market-based)
//	consumption      = WUE x IT energy + EWIF x facility energy
//	withdrawal       = WUE_w x IT energy + EWIF_w x facility energy
//	homes heated     = facility energy x heat reuse / heat per home
//	required revenue = annual cost / (1 - margin)             (PerGWRequiredRevenue)
func EvaluateIndustry(in IndustryInputs) (IndustryResult, error) {
	if err := in.Validate(); err != nil {
		return IndustryResult{}, err
	}
	r := IndustryResult{Inputs: in, GW: in.GW}
	r.CapexUSD = CapexFromGW(in.GW, in.CapexPerGWUSD)
	r.ITCapexUSD = r.CapexUSD * in.ITShare
	r.FacilityCapexUSD = r.CapexUSD - r.ITCapexUSD
	r.ITAnnualUSD = r.ITCapexUSD * CRF(in.WACC, in.ITLifeYears)
	r.FacilityAnnualUSD = r.FacilityCapexUSD * CRF(in.WACC, in.FacilityLife)
	r.ITEnergyTWh = in.GW * HoursPerYear * in.Utilization / 1000
	r.FacilityEnergyTWh = r.ITEnergyTWh * in.PUE
	kwh := r.FacilityEnergyTWh * 1e9
	itKWh := r.ITEnergyTWh * 1e9
	r.OpexUSD = in.GW * in.OpexUSDPerGW
	r.EnergyCostUSD = kwh * in.PriceUSDPerKWh
	r.AnnualCostUSD = r.ITAnnualUSD + r.FacilityAnnualUSD + r.OpexUSD + r.EnergyCostUSD
	r.AnnualCostPerGWUSD = r.AnnualCostUSD / in.GW
	r.EmissionsTCO2e = kwh * in.CarbonGPerKWh / 1e6
	r.MarketEmissionsTCO2e = kwh * in.MarketCarbonGPerKWh / 1e6
	r.WaterConsumptionOnSiteM3 = itKWh * in.WUELPerKWh / 1000
	r.WaterConsumptionM3 = r.WaterConsumptionOnSiteM3 + kwh*in.EWIFLPerKWh/1000
	r.WaterWithdrawalOnSiteM3 = itKWh * in.WUEWithdrawalLPerKWh / 1000
	r.WaterWithdrawalM3 = r.WaterWithdrawalOnSiteM3 + kwh*in.EWIFWithdrawalLPerKWh/1000
	r.HeatReusedMWh = kwh / 1000 * in.HeatReuseShare
	r.HomesHeated = r.HeatReusedMWh / in.HeatPerHomeMWh
	r.RevenueUSD = in.GW * in.RevenuePerGWUSD
	req, err := PerGWRequiredRevenue(in.GW, r.AnnualCostPerGWUSD, in.Margin)
	if err != nil {
		return IndustryResult{}, err
	}
	r.RequiredRevenueUSD = req
	r.RequiredRevenuePerGWUSD = req / in.GW
	r.FacilityPowerMW = in.GW * 1000 * in.PUE
	r.SupplyShareOfFacilityPower = in.SupplyMW / r.FacilityPowerMW
	for _, v := range []float64{r.AnnualCostUSD, r.WaterWithdrawalM3, r.EmissionsTCO2e, r.RequiredRevenueUSD} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return IndustryResult{}, &FieldError{Field: "gw", Value: FormatNumber(in.GW), Msg: "gives a result too large to compute"}
		}
	}
	return r, nil
}

// PerGWRequiredRevenue is the "per-gw" gap method: the revenue a build-out
// of gw gigawatts must earn a year to cover its annual cost of ownership
// and leave the target margin.
//
//	R = G x annual cost of ownership per GW / (1 - margin)
//
// Epoch AI's $8.5B per GW-year at Cahn's 50% margin gives $17B per GW, against
// OpenAI's CFO's rule of thumb of about $10B of revenue per GW-year.
func PerGWRequiredRevenue(gw, annualCostPerGWUSD, margin float64) (float64, error) {
	if f := IndustryField("gw"); f.Check(gw) != nil {
		return 0, f.Check(gw)
	}
	if math.IsNaN(annualCostPerGWUSD) || annualCostPerGWUSD < 0 || annualCostPerGWUSD > 1e13 {
		return 0, &FieldError{Field: "annual-cost-per-gw", Value: FormatNumber(annualCostPerGWUSD), Msg: "accepted: 0 to 1e13 USD/GW-year"}
	}
	if f := IndustryField("margin"); f.Check(margin) != nil {
		return 0, f.Check(margin)
	}
	return gw * annualCostPerGWUSD / (1 - margin), nil
}

// CapexFromGW is the capex of gw gigawatts at capexPerGW (USD per GW).
func CapexFromGW(gw, capexPerGW float64) float64 { return gw * capexPerGW }

// GWFromCapex is the IT capacity that capexUSD buys at capexPerGW.
func GWFromCapex(capexUSD, capexPerGW float64) (float64, error) {
	if math.IsNaN(capexUSD) || capexUSD <= 0 || capexUSD > 1e14 {
		return 0, &FieldError{Field: "capex", Value: FormatNumber(capexUSD), Msg: "accepted: more than 0, up to 1e14 USD"}
	}
	if err := IndustryField("capex-per-gw").Check(capexPerGW); err != nil {
		return 0, err
	}
	return capexUSD / capexPerGW, nil
}

// GWFromTWh is the IT capacity whose energy over a year is twh at the given
// utilisation and PUE (pue = 1 when twh is IT energy, as de Vries's 85-134 TWh).
//
//	G = TWh x 1000 / (8,766 h x utilisation x PUE)
func GWFromTWh(twh, utilization, pue float64) (float64, error) {
	if math.IsNaN(twh) || twh <= 0 || twh > 1e6 {
		return 0, &FieldError{Field: "twh", Value: FormatNumber(twh), Msg: "accepted: more than 0, up to 1e6 TWh"}
	}
	if err := IndustryField("utilization").Check(utilization); err != nil {
		return 0, err
	}
	if err := IndustryField("pue").Check(pue); err != nil {
		return 0, err
	}
	return twh * 1000 / (HoursPerYear * utilization * pue), nil
}

// CoolingEnergySaving is the facility energy (and energy cost) saved by a
// PUE against a baseline PUE at the same IT energy: 1 - pue / baseline.
// Negative when pue is worse than the baseline.
func CoolingEnergySaving(baselinePUE, pue float64) (float64, error) {
	f := IndustryField("pue")
	if err := f.Check(baselinePUE); err != nil {
		return 0, fmt.Errorf("baseline %w", err)
	}
	if err := f.Check(pue); err != nil {
		return 0, err
	}
	return 1 - pue/baselinePUE, nil
}
