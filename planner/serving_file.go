package planner

import (
	"bytes"
	"encoding/json"
	"math"
)

// Li et al.'s US averages ("Making AI Less Thirsty", arXiv 2304.03271,
// Table 1): the site inputs a serving part written before water followed
// the energy is read with (assets/money.json's liCheck holds the same).
const (
	LiPUE         = 1.17
	LiWUELPerKWh  = 0.55
	LiEWIFLPerKWh = 3.142
)

// servingFields is ServingInputs without its methods, plus the key of the
// files written when water per query was an input (Li et al.'s 16.9 mL).
type servingFields ServingInputs

// UnmarshalJSON reads a serving part strictly (an unknown key is refused).
// A part written before water followed the energy has "waterPerQueryML"
// and no pue, wue or ewif: the water figure is dropped and each missing
// site input is Li et al.'s US average (LiPUE, LiWUELPerKWh,
// LiEWIFLPerKWh), so the part loads and its water is computed.
func (in *ServingInputs) UnmarshalJSON(data []byte) error {
	var raw struct {
		servingFields
		LegacyWaterPerQueryML *float64 `json:"waterPerQueryML"`
	}
	nan := math.NaN()
	raw.PUE, raw.WUELPerKWh, raw.EWIFLPerKWh = nan, nan, nan
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	for _, f := range []struct {
		p   *float64
		def float64
	}{{&raw.PUE, LiPUE}, {&raw.WUELPerKWh, LiWUELPerKWh}, {&raw.EWIFLPerKWh, LiEWIFLPerKWh}} {
		if math.IsNaN(*f.p) {
			*f.p = f.def
		}
	}
	*in = ServingInputs(raw.servingFields)
	return nil
}
