package planner

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Groups of inputs, in the order the editor shows them.
const (
	GroupModel     = "Model"
	GroupHardware  = "Hardware"
	GroupEnergy    = "Energy and cooling"
	GroupPrices    = "Prices"
	GroupOverheads = "Overheads"
)

// Groups lists the input groups in display order.
var Groups = []string{GroupModel, GroupHardware, GroupEnergy, GroupPrices, GroupOverheads}

// Field describes one numeric input of a Scenario. Key is the estimate
// flag name without dashes and the key in Scenario.Values; the same key names
// the input in scenario files, sweeps, uncertainty ranges and workbooks.
type Field struct {
	Key   string
	Label string
	Unit  string
	Group string
	// Min and Max bound the accepted values (inclusive).
	Min, Max float64
	// Integer requires a whole number.
	Integer bool
	// Percent shows the value as a percentage (fractions 0-1).
	Percent bool
	Help    string
}

// Numeric input keys.
const (
	KeyParams           = "params"
	KeyActiveParams     = "active-params"
	KeyTokens           = "tokens"
	KeyTokensPerParam   = "tokens-per-param"
	KeyFLOPs            = "flops"
	KeyEfficiency       = "efficiency"
	KeyYear             = "year"
	KeyGPUs             = "gpus"
	KeyMFU              = "mfu"
	KeyGoodput          = "goodput"
	KeyGPUHours         = "gpu-hours"
	KeyExperiments      = "experiments"
	KeyPowerW           = "power-w"
	KeyHostPowerFactor  = "host-power-factor"
	KeyPUE              = "pue"
	KeyWUE              = "wue"
	KeyCarbonIntensity  = "carbon-intensity"
	KeyRenewableShare   = "renewable-share"
	KeyEWIF             = "ewif"
	KeyElectricityPrice = "electricity-price"
	KeyGPUHourPrice     = "gpu-hour-price"
	KeyGPUPrice         = "gpu-price"
	KeyServerCostFactor = "server-cost-factor"
	KeyInterconnect     = "interconnect-share"
	KeyDepreciationYrs  = "depreciation-years"
	KeyWACC             = "wacc"
	KeyResidualValue    = "residual-value"
	KeyStaffCost        = "staff-cost"
)

// Choice input keys (strings, not numbers).
const (
	KeyGPU          = "gpu"
	KeyEnergy       = "energy"
	KeyCooling      = "cooling"
	KeyPrecision    = "precision"
	KeyPriceTier    = "price-tier"
	KeyDepreciation = "depreciation"
)

// Precisions and depreciation modes.
const (
	PrecisionBF16          = "bf16"
	PrecisionFP8           = "fp8"
	DepreciationStraight   = "straight-line"
	DepreciationEpoch      = "epoch"
	HoursPerYear           = 8766 // 365.25 days x 24 h, Epoch's convention
	flopPerParamToken      = 6    // Kaplan et al. 2020: C = 6 N D
	defaultEnergySourceID  = "us-grid"
	defaultCoolingID       = "air"
	defaultPrecision       = PrecisionBF16
	defaultPriceTier       = TierThreeYear
	defaultDepreciationMod = DepreciationStraight
)

// Precisions lists the valid precisions; DepreciationModes the valid modes.
var (
	Precisions        = []string{PrecisionBF16, PrecisionFP8}
	DepreciationModes = []string{DepreciationStraight, DepreciationEpoch}
)

// Fields lists every numeric input in display order.
var Fields = []Field{
	{Key: KeyParams, Label: "Parameters", Unit: "parameters", Group: GroupModel, Min: 1e3, Max: 1e15,
		Help: "Total parameters, e.g. 175B."},
	{Key: KeyActiveParams, Label: "Active parameters", Unit: "parameters", Group: GroupModel, Min: 1e3, Max: 1e15,
		Help: "Parameters used per token (mixture-of-experts); compute uses these. Default: all parameters."},
	{Key: KeyTokens, Label: "Training tokens", Unit: "tokens", Group: GroupModel, Min: 1e3, Max: 1e17,
		Help: "Tokens seen in training, e.g. 15T."},
	{Key: KeyTokensPerParam, Label: "Tokens per parameter", Unit: "tokens/parameter", Group: GroupModel, Min: 0.01, Max: 1e5,
		Help: "Sets tokens = parameters x this when tokens are not given (Chinchilla-optimal is about 20)."},
	{Key: KeyFLOPs, Label: "Training compute", Unit: "FLOP", Group: GroupModel, Min: 1e10, Max: 1e32,
		Help: "Total training FLOP; replaces 6 x active parameters x tokens."},
	{Key: KeyEfficiency, Label: "Algorithmic efficiency", Unit: "x", Group: GroupModel, Min: 0.01, Max: 1000,
		Help: "Divides compute (DeepMind's JEST claims up to 10x less compute). 1 = none."},
	{Key: KeyYear, Label: "Year of the run", Unit: "year", Group: GroupModel, Min: 2010, Max: 2100, Integer: true,
		Help: "Places the scenario on the cost projection chart."},
	{Key: KeyGPUs, Label: "Accelerators", Unit: "count", Group: GroupHardware, Min: 1, Max: 1e8, Integer: true,
		Help: "Accelerators in the cluster."},
	{Key: KeyMFU, Label: "MFU", Unit: "fraction", Group: GroupHardware, Min: 0.001, Max: 1, Percent: true,
		Help: "Model FLOPs utilisation of the dense peak. Default: Epoch's median 37.5%."},
	{Key: KeyGoodput, Label: "Goodput", Unit: "fraction", Group: GroupHardware, Min: 0.01, Max: 1, Percent: true,
		Help: "Share of paid accelerator time doing useful work after failures and restarts."},
	{Key: KeyPeakFLOPS, Label: "Peak FLOP/s (dense)", Unit: "FLOP/s", Group: GroupHardware, Min: 1e9, Max: 1e18,
		Help: "Dense peak per accelerator at the precision used; replaces the catalogue figure. Required with gpu custom."},
	{Key: KeyTDPW, Label: "TDP per accelerator", Unit: "W", Group: GroupHardware, Min: 1, Max: 20000,
		Help: "Nameplate power; replaces the catalogue figure and is the default average power. Required with gpu custom."},
	{Key: KeyGPUHours, Label: "Disclosed GPU-hours", Unit: "GPU-hours", Group: GroupHardware, Min: 1, Max: 1e13,
		Help: "Reported accelerator-hours; replaces the computed figure (and MFU)."},
	{Key: KeyExperiments, Label: "Experiments multiplier", Unit: "x", Group: GroupOverheads, Min: 1, Max: 1000,
		Help: "Programme total over the final run (experiments, ablations, failed runs)."},
	{Key: KeyPowerW, Label: "Average power per accelerator", Unit: "W", Group: GroupEnergy, Min: 1, Max: 20000,
		Help: "Default: measured system power where published, else TDP."},
	{Key: KeyHostPowerFactor, Label: "Host power factor", Unit: "x", Group: GroupEnergy, Min: 1, Max: 5,
		Help: "CPUs, memory and network per accelerator. 1 = accelerator only; Epoch's server convention is about 1.37 for H100."},
	{Key: KeyPUE, Label: "PUE", Unit: "ratio", Group: GroupEnergy, Min: 1, Max: 5,
		Help: "Facility energy / IT energy. Default from the cooling preset."},
	{Key: KeyWUE, Label: "On-site WUE", Unit: "L/kWh", Group: GroupEnergy, Min: 0, Max: 50,
		Help: "Litres of water evaporated on site per kWh of IT energy. Default from the cooling preset."},
	{Key: KeyCarbonIntensity, Label: "Carbon intensity", Unit: "gCO2e/kWh", Group: GroupEnergy, Min: 0, Max: 2000,
		Help: "Lifecycle grams CO2e per kWh. Default from the energy source."},
	{Key: KeyRenewableShare, Label: "Renewable-matched share", Unit: "fraction", Group: GroupEnergy, Min: 0, Max: 1, Percent: true,
		Help: "Share matched by renewable purchases, for market-based carbon."},
	{Key: KeyEWIF, Label: "Water per kWh generated (EWIF)", Unit: "L/kWh", Group: GroupEnergy, Min: 0, Max: 100,
		Help: "Off-site water consumed generating the electricity. Default from the energy source."},
	{Key: KeyElectricityPrice, Label: "Electricity price", Unit: "USD/kWh", Group: GroupPrices, Min: 0, Max: 10,
		Help: "Default from the energy source."},
	{Key: KeyGPUHourPrice, Label: "Cloud price", Unit: "USD/GPU-hour", Group: GroupPrices, Min: 0.001, Max: 1000,
		Help: "Rent per accelerator-hour. Default: the catalogue's row at the chosen price tier."},
	{Key: KeyGPUPrice, Label: "Accelerator price", Unit: "USD", Group: GroupPrices, Min: 1, Max: 1e7,
		Help: "Purchase price per accelerator (bare, or a system price / 8)."},
	{Key: KeyServerCostFactor, Label: "Server cost factor", Unit: "x", Group: GroupPrices, Min: 1, Max: 10,
		Help: "Server cost / accelerator cost; 1 for system prices, which include the server."},
	{Key: KeyInterconnect, Label: "Interconnect share", Unit: "fraction", Group: GroupPrices, Min: 0, Max: 0.95, Percent: true,
		Help: "Share of cluster cost in networking (Epoch: 19%)."},
	{Key: KeyDepreciationYrs, Label: "Depreciation life", Unit: "years", Group: GroupPrices, Min: 0.1, Max: 50,
		Help: "Straight-line life of the hardware."},
	{Key: KeyWACC, Label: "Cost of capital (WACC)", Unit: "fraction/year", Group: GroupPrices, Min: 0, Max: 1, Percent: true,
		Help: "Financing cost of the hardware capital. 0 = none."},
	{Key: KeyResidualValue, Label: "Residual value", Unit: "fraction", Group: GroupPrices, Min: 0, Max: 1, Percent: true,
		Help: "Resale value at the end of the life, as a share of the price (straight-line mode)."},
	{Key: KeyStaffCost, Label: "Staff and R&D cost", Unit: "USD", Group: GroupOverheads, Min: 0, Max: 1e13,
		Help: "Reported apart, never inside the three cost methods."},
}

var fieldIndex = func() map[string]*Field {
	m := make(map[string]*Field, len(Fields))
	for i := range Fields {
		m[Fields[i].Key] = &Fields[i]
	}
	return m
}()

// FieldByKey returns the numeric input with key, or nil.
func FieldByKey(key string) *Field { return fieldIndex[key] }

// FieldKeys lists the numeric input keys in display order.
func FieldKeys() []string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = f.Key
	}
	return keys
}

// RangeText describes the accepted range in numbers for people, e.g.
// "0.1% to 100%" or "1 to 100,000,000" (HumanNumber); years stay as
// written ("2010 to 2100").
func (f *Field) RangeText() string {
	num := HumanNumber
	if f.Unit == "year" {
		num = FormatNumber
	}
	if f.Percent {
		return fmt.Sprintf("%s to %s (or %s to %s)", num(f.Min), num(f.Max),
			num(f.Min*100)+"%", num(f.Max*100)+"%")
	}
	s := num(f.Min) + " to " + num(f.Max)
	if f.Unit != "" && f.Unit != "x" && f.Unit != "ratio" && f.Unit != "count" && f.Unit != "fraction" && f.Unit != "year" {
		s += " " + f.Unit
	}
	if f.Integer {
		s += ", a whole number"
	}
	return s
}

// Check validates v against the field's range.
func (f *Field) Check(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < f.Min || v > f.Max || (f.Integer && v != math.Trunc(v)) {
		return &FieldError{Field: f.Key, Value: FormatNumber(v), Msg: "accepted: " + f.RangeText()}
	}
	return nil
}

// FieldError is a validation error of one input. Field is the input key
// (an estimate flag name without dashes, or "scenario" for the whole).
type FieldError struct {
	Field string
	Value string
	Msg   string
}

func (e *FieldError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("%s: %s is not accepted; %s", e.Field, e.Value, e.Msg)
	}
	return e.Field + ": " + e.Msg
}

// ErrField returns the field key of a *FieldError in err's chain, or "".
func ErrField(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func choiceError(field, given string, valid []string) error {
	v := append([]string(nil), valid...)
	sort.Strings(v)
	if given == "" {
		return &FieldError{Field: field, Msg: "is required; valid: " + strings.Join(v, ", ")}
	}
	return &FieldError{Field: field, Value: fmt.Sprintf("%q", given), Msg: "valid: " + strings.Join(v, ", ")}
}
