package planner

import (
	"fmt"
	"math"
)

// YearCapex is one year of capital expenditure.
type YearCapex struct {
	Year     int     `json:"year"`
	CapexUSD float64 `json:"capexUSD"`
}

// BuildOutYear is one year of a capex series read as a build-out.
type BuildOutYear struct {
	Year     int     `json:"year"`
	CapexUSD float64 `json:"capexUSD"`
	// AddedGW is the year's capex at the stated capex per GW; InstalledGW
	// the sum of the series' additions up to and including the year.
	AddedGW     float64 `json:"addedGW"`
	InstalledGW float64 `json:"installedGW"`
	// The installed base's yearly figures (see EvaluateIndustry).
	FacilityEnergyTWh  float64 `json:"facilityEnergyTWh"`
	EmissionsTCO2e     float64 `json:"emissionsTCO2e"`
	WaterConsumptionM3 float64 `json:"waterConsumptionM3"`
	WaterWithdrawalM3  float64 `json:"waterWithdrawalM3"`
	AnnualCostUSD      float64 `json:"annualCostUSD"`
	RequiredRevenueUSD float64 `json:"requiredRevenueUSD"`
}

// MaxBuildOutYears bounds a capex series.
const MaxBuildOutYears = 200

// BuildOut reads a yearly capex series as a build-out at in's capex per GW:
//
//	added GW (year)     = capex (year) / capex per GW
//	installed GW (year) = sum of added GW up to the year (no retirement:
//	                      the series is shorter than the facility life)
//
// and gives the installed base's energy, carbon and water a year with in's
// other inputs (in.GW is ignored). Years must increase; capex must be >= 0.
func BuildOut(in IndustryInputs, series []YearCapex) ([]BuildOutYear, error) {
	if len(series) == 0 || len(series) > MaxBuildOutYears {
		return nil, &FieldError{Field: "capex-series", Value: fmt.Sprint(len(series)), Msg: fmt.Sprintf("accepted: 1 to %d years", MaxBuildOutYears)}
	}
	if err := IndustryField("capex-per-gw").Check(in.CapexPerGWUSD); err != nil {
		return nil, err
	}
	out := make([]BuildOutYear, len(series))
	installed := 0.0
	for i, y := range series {
		if i > 0 && y.Year <= series[i-1].Year {
			return nil, &FieldError{Field: "capex-series", Value: fmt.Sprint(y.Year), Msg: "accepted: years in increasing order"}
		}
		if math.IsNaN(y.CapexUSD) || y.CapexUSD < 0 || y.CapexUSD > 1e14 {
			return nil, &FieldError{Field: "capex-series", Value: FormatNumber(y.CapexUSD), Msg: fmt.Sprintf("%d: accepted: 0 to 1e14 USD", y.Year)}
		}
		added := y.CapexUSD / in.CapexPerGWUSD
		installed += added
		b := BuildOutYear{Year: y.Year, CapexUSD: y.CapexUSD, AddedGW: added, InstalledGW: installed}
		if installed > 0 {
			yi := in
			yi.GW = installed
			r, err := EvaluateIndustry(yi)
			if err != nil {
				return nil, err
			}
			b.FacilityEnergyTWh, b.EmissionsTCO2e = r.FacilityEnergyTWh, r.EmissionsTCO2e
			b.WaterConsumptionM3, b.WaterWithdrawalM3 = r.WaterConsumptionM3, r.WaterWithdrawalM3
			b.AnnualCostUSD, b.RequiredRevenueUSD = r.AnnualCostUSD, r.RequiredRevenueUSD
		}
		out[i] = b
	}
	return out, nil
}
