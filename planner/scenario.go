package planner

import (
	"maps"
	"sort"
)

// Scenario is one training run as the user describes it: catalogue choices
// by ID and numeric inputs by key (the estimate flag names, see Fields).
// A numeric input that is absent takes its catalogue default when resolved.
type Scenario struct {
	Name string `json:"name"`
	// GPU is the accelerator ID (e.g. "h100").
	GPU string `json:"gpu"`
	// Energy is the energy source ID (default "us-grid").
	Energy string `json:"energy,omitempty"`
	// Cooling is the cooling preset ID (default "air").
	Cooling string `json:"cooling,omitempty"`
	// Precision is "bf16" (default) or "fp8".
	Precision string `json:"precision,omitempty"`
	// PriceTier is "on-demand", "1-year" or "3-year" (default).
	PriceTier string `json:"priceTier,omitempty"`
	// Depreciation is "straight-line" (default) or "epoch".
	Depreciation string `json:"depreciation,omitempty"`
	// Values holds the numeric inputs the user set, by Field key.
	Values map[string]float64 `json:"values"`
	// Ranges holds uncertainty distributions by Field key.
	Ranges map[string]Range `json:"ranges,omitempty"`
	// Note is free text shown with the scenario.
	Note string `json:"note,omitempty"`
}

// Range is an uncertainty distribution of one input: low / likely / high
// with a shape ("triangular", "pert", "lognormal" or "uniform"; lognormal
// reads low and high as its 10th and 90th percentiles, uniform ignores likely).
type Range struct {
	Low    float64 `json:"low"`
	Likely float64 `json:"likely"`
	High   float64 `json:"high"`
	Dist   string  `json:"dist,omitempty"`
}

// Value returns the numeric input key and whether it is set.
func (s *Scenario) Value(key string) (float64, bool) {
	v, ok := s.Values[key]
	return v, ok
}

// Set sets the numeric input key.
func (s *Scenario) Set(key string, v float64) {
	if s.Values == nil {
		s.Values = map[string]float64{}
	}
	s.Values[key] = v
}

// Unset removes the numeric input key, so that it takes its default.
func (s *Scenario) Unset(key string) { delete(s.Values, key) }

// Choice returns the string input key ("gpu", "energy", "cooling",
// "precision", "price-tier", "depreciation").
func (s *Scenario) Choice(key string) string {
	switch key {
	case KeyGPU:
		return s.GPU
	case KeyEnergy:
		return s.Energy
	case KeyCooling:
		return s.Cooling
	case KeyPrecision:
		return s.Precision
	case KeyPriceTier:
		return s.PriceTier
	case KeyDepreciation:
		return s.Depreciation
	}
	return ""
}

// SetChoice sets the string input key; it reports false for an unknown key.
func (s *Scenario) SetChoice(key, v string) bool {
	switch key {
	case KeyGPU:
		s.GPU = v
	case KeyEnergy:
		s.Energy = v
	case KeyCooling:
		s.Cooling = v
	case KeyPrecision:
		s.Precision = v
	case KeyPriceTier:
		s.PriceTier = v
	case KeyDepreciation:
		s.Depreciation = v
	default:
		return false
	}
	return true
}

// ChoiceKeys lists the string inputs.
var ChoiceKeys = []string{KeyGPU, KeyEnergy, KeyCooling, KeyPrecision, KeyPriceTier, KeyDepreciation}

// Clone returns a deep copy.
func (s Scenario) Clone() Scenario {
	s.Values = maps.Clone(s.Values)
	s.Ranges = maps.Clone(s.Ranges)
	return s
}

// SetKeys lists the numeric inputs that are set, in display order.
func (s *Scenario) SetKeys() []string {
	var keys []string
	for _, f := range Fields {
		if _, ok := s.Values[f.Key]; ok {
			keys = append(keys, f.Key)
		}
	}
	var unknown []string
	for k := range s.Values {
		if FieldByKey(k) == nil {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	return append(keys, unknown...)
}
