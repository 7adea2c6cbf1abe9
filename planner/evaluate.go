package planner

import (
	"math"
	"strconv"
)

// Maybe is a number that may be unknown; it marshals to JSON null when not
// Valid, so no NaN ever reaches a file or a chart.
type Maybe struct {
	Value float64
	Valid bool
}

// Some returns a valid Maybe.
func Some(v float64) Maybe { return Maybe{Value: v, Valid: true} }

// MarshalJSON writes the number or null.
func (m Maybe) MarshalJSON() ([]byte, error) {
	if !m.Valid || math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, m.Value, 'g', -1, 64), nil
}

// UnmarshalJSON reads a number or null.
func (m *Maybe) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = Maybe{}
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	*m = Some(v)
	return nil
}

// CostUSD holds the three labelled cost methods, and the energy part that
// is already inside the amortized figure.
type CostUSD struct {
	// Cloud is the rent: GPU-hours x price per GPU-hour (energy is inside).
	Cloud float64 `json:"cloud"`
	// Amortized is the hardware share of the run plus energy plus financing.
	Amortized float64 `json:"amortized"`
	// Purchase is the cluster's capital cost only.
	Purchase float64 `json:"purchase"`
	// Energy is facility energy x electricity price (inside Amortized).
	Energy float64 `json:"energy"`
}

// CostBreakdown splits the amortized and purchase figures for the charts.
type CostBreakdown struct {
	AmortizedAccelerators       float64 `json:"amortizedAccelerators"`
	AmortizedServerInterconnect float64 `json:"amortizedServerInterconnect"`
	Energy                      float64 `json:"energy"`
	Financing                   float64 `json:"financing"`
	PurchaseAccelerators        float64 `json:"purchaseAccelerators"`
	PurchaseServerInterconnect  float64 `json:"purchaseServerInterconnect"`
	// Staff is the staff and R&D cost, reported apart from every method.
	Staff float64 `json:"staff"`
}

// Totals are the outputs of one run (or of the programme, scaled).
// Units are in the names: hours, days, kWh, MW, tCO2e, litres, USD.
type Totals struct {
	TrainingFLOP         Maybe         `json:"trainingFLOP"`
	GPUHours             float64       `json:"gpuHours"`
	WallClockDays        float64       `json:"wallClockDays"`
	ImpliedMFU           Maybe         `json:"impliedMFU"`
	ITEnergyKWh          float64       `json:"itEnergyKWh"`
	FacilityEnergyKWh    float64       `json:"facilityEnergyKWh"`
	PeakPowerMW          float64       `json:"peakPowerMW"`
	EmissionsTCO2e       float64       `json:"emissionsTCO2e"`
	MarketEmissionsTCO2e float64       `json:"marketEmissionsTCO2e"`
	EmbodiedTCO2e        Maybe         `json:"embodiedTCO2e"`
	WaterOnsiteL         float64       `json:"waterOnsiteL"`
	WaterOffsiteL        float64       `json:"waterOffsiteL"`
	CostUSD              CostUSD       `json:"costUSD"`
	CostBreakdownUSD     CostBreakdown `json:"costBreakdownUSD"`
	BreakEvenGPUHours    Maybe         `json:"breakEvenGPUHours"`
}

// Result is Evaluate's output: the final run at the top level and the
// programme totals (final run x experiments multiplier) apart.
type Result struct {
	Totals
	WithExperiments Totals `json:"withExperiments"`
}

// Evaluate computes the whole chain for resolved inputs. It allocates
// nothing and never fails: Resolve has checked every input.
//
//	FLOP         = 6 x active params x tokens / k          (or flops / k)
//	GPU-hours    = disclosed, else FLOP / (peak x MFU x 3600) / goodput
//	wall clock   = GPU-hours / count
//	impliedMFU   = FLOP / (GPU-hours x 3600 x peak)
//	IT energy    = GPU-hours x power x host factor;  facility = IT x PUE
//	peak power   = count x TDP x host factor x PUE
//	carbon       = facility x intensity;  market = carbon x (1 - renewable share)
//	embodied     = GPU-hours x kgCO2e / (lifetime x 8,766 h) / 1000
//	water        = WUE x IT (on-site) and EWIF x facility (off-site)
//	cluster value per accelerator  C = price x server factor / (1 - interconnect share)
//	cloud        = GPU-hours x price per GPU-hour
//	purchase     = count x C
//	energy cost  = facility x electricity price
//	hardware     = GPU-hours x C x (1 - residual) / (life x 8,766)   straight-line
//	             = GPU-hours x C x 0.14 ln 10 / 8,766                  epoch
//	financing    = (EAC - C (1 - residual) / life) x GPU-hours / 8,766, with
//	               EAC = (C - residual C (1+r)^-life) r / (1 - (1+r)^-life)   straight-line
//	             = C x r x GPU-hours / 8,766                           epoch
//	amortized    = hardware + energy cost + financing
//	break-even   = purchase / (cloud price - energy cost per GPU-hour)
func Evaluate(in *Inputs) (r Result) {
	t := &r.Totals // written in place: no copy of the result
	gpuHours := in.GPUHours
	if !in.HasGPUHours {
		gpuHours = in.FLOP / (in.PeakFLOPS * in.MFU * 3600) / in.Goodput
	}
	if in.HasFLOP {
		t.TrainingFLOP = Some(in.FLOP)
		t.ImpliedMFU = Some(in.FLOP / (gpuHours * 3600 * in.PeakFLOPS))
	}
	t.GPUHours = gpuHours
	t.WallClockDays = gpuHours / in.GPUs / 24

	t.ITEnergyKWh = gpuHours * in.PowerW * in.HostPowerFactor / 1000
	t.FacilityEnergyKWh = t.ITEnergyKWh * in.PUE
	t.PeakPowerMW = in.GPUs * in.TDPW * in.HostPowerFactor * in.PUE / 1e6
	t.EmissionsTCO2e = t.FacilityEnergyKWh * in.CarbonGPerKWh / 1e6
	t.MarketEmissionsTCO2e = t.EmissionsTCO2e * (1 - in.RenewableShare)
	if in.HasEmbodied {
		t.EmbodiedTCO2e = Some(gpuHours * in.EmbodiedKgCO2e / (in.EmbodiedLifetimeYears * HoursPerYear) / 1000)
	}
	t.WaterOnsiteL = in.WUELPerKWh * t.ITEnergyKWh
	t.WaterOffsiteL = in.EWIFLPerKWh * t.FacilityEnergyKWh

	cluster := in.GPUPriceUSD * in.ServerCostFactor / (1 - in.InterconnectShare)
	accShare := in.GPUPriceUSD / cluster
	years := gpuHours / HoursPerYear // accelerator-years used
	var hardware, financing float64
	if in.EpochDepreciation {
		hardware = years * cluster * in.PricePerfOOM * math.Ln10
		financing = years * cluster * in.WACC
	} else {
		life := in.DepreciationYears
		depreciable := cluster * (1 - in.ResidualValue)
		hardware = years * depreciable / life
		if in.WACC > 0 {
			disc := math.Pow(1+in.WACC, -life)
			eac := (cluster - in.ResidualValue*cluster*disc) * in.WACC / (1 - disc)
			financing = years * (eac - depreciable/life)
		}
	}
	c := &t.CostUSD
	c.Cloud = gpuHours * in.GPUHourUSD
	c.Purchase = in.GPUs * cluster
	c.Energy = t.FacilityEnergyKWh * in.ElectricityUSD
	c.Amortized = hardware + c.Energy + financing
	b := &t.CostBreakdownUSD
	b.AmortizedAccelerators = hardware * accShare
	b.AmortizedServerInterconnect = hardware - b.AmortizedAccelerators
	b.Energy = c.Energy
	b.Financing = financing
	b.PurchaseAccelerators = c.Purchase * accShare
	b.PurchaseServerInterconnect = c.Purchase - b.PurchaseAccelerators
	b.Staff = in.StaffUSD

	energyPerHour := in.PowerW * in.HostPowerFactor * in.PUE / 1000 * in.ElectricityUSD
	if margin := in.GPUHourUSD - energyPerHour; margin > 0 {
		t.BreakEvenGPUHours = Some(c.Purchase / margin)
	}
	r.WithExperiments = r.Totals
	r.WithExperiments.scale(in.Experiments)
	return r
}

// Estimate resolves and evaluates a scenario in one call.
func Estimate(cat *Catalog, sc *Scenario) (Result, *Resolution, error) {
	res, err := Resolve(cat, sc)
	if err != nil {
		return Result{}, nil, err
	}
	return Evaluate(&res.Inputs), res, nil
}
