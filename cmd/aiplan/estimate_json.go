package main

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"aiplan/planner"
)

// reportEncoder writes one estimate report as compact JSON, byte for byte
// what json.Marshal(planner.ConvertJSON(rep, cur)) writes, without the
// marshal / decode / re-marshal round trip ConvertJSON takes (which was
// most of 'estimate --scenarios FILE --json' on 100,000 scenarios, issue
// 15 item 7). It knows the report's layout field by field; anything it
// does not expect (a value that is neither number nor text, an input key
// that ConvertJSON would rename, a NaN) makes it refuse, and the caller
// takes the general path. TestReportEncoderMatchesConvertJSON holds it to
// the general path over every accelerator, currency and dollar basis.
type reportEncoder struct {
	cur      planner.Currency
	currency []byte // the "currency" object, marshalled once
	keys     []string
}

func newReportEncoder(cur planner.Currency) (*reportEncoder, error) {
	if !(cur.Rate > 0) || math.IsInf(cur.Rate, 0) {
		return nil, &planner.FieldError{Field: "currency", Value: planner.FormatNumber(cur.Rate), Msg: "rate must be a positive number"}
	}
	c, err := json.Marshal(cur)
	if err != nil {
		return nil, err
	}
	return &reportEncoder{cur: cur, currency: c}, nil
}

// appendReport appends rep's JSON to dst; ok is false when rep holds
// something the encoder does not handle (dst is then unspecified).
func (e *reportEncoder) appendReport(dst []byte, rep *planner.Report) (_ []byte, ok bool) {
	dst = append(dst, '{')
	if rep.Name != "" {
		dst = append(dst, `"name":`...)
		if dst, ok = appendJSONString(dst, rep.Name); !ok {
			return dst, false
		}
		dst = append(dst, ',')
	}
	if dst, ok = e.appendTotals(dst, &rep.Totals); !ok {
		return dst, false
	}
	dst = append(dst, `,"withExperiments":{`...)
	if dst, ok = e.appendTotals(dst, &rep.WithExperiments); !ok {
		return dst, false
	}
	dst = append(dst, `},"catalogVersion":`...)
	if dst, ok = appendJSONString(dst, rep.CatalogVersion); !ok {
		return dst, false
	}
	dst = append(dst, `,"currency":`...)
	dst = append(dst, e.currency...)
	dst = append(dst, `,"inputs":`...)
	if rep.Inputs == nil {
		return append(dst, "null}"...), true
	}
	dst = append(dst, '{')
	e.keys = e.keys[:0]
	for k := range rep.Inputs {
		if k == "currency" || strings.HasSuffix(k, "USD") || strings.Contains(k, "USD.") {
			return dst, false // ConvertJSON would rename or replace it
		}
		e.keys = append(e.keys, k)
	}
	slices.Sort(e.keys)
	for i, k := range e.keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, ok = appendJSONString(dst, k); !ok {
			return dst, false
		}
		dst = append(dst, ':')
		if dst, ok = appendResolved(dst, rep.Inputs[k]); !ok {
			return dst, false
		}
	}
	return append(dst, "}}"...), true
}

// appendTotals appends the fields of t (without the braces); the money
// objects are renamed for the currency and scaled by its rate.
func (e *reportEncoder) appendTotals(dst []byte, t *planner.Totals) ([]byte, bool) {
	ok := true
	num := func(key string, v float64) {
		dst = append(dst, key...)
		dst, ok = appendJSONFloat(dst, v, ok)
	}
	money := func(key string, v float64) {
		if e.cur.Rate != 1 {
			v *= e.cur.Rate
		}
		num(key, v)
	}
	dst = append(dst, `"trainingFLOP":`...)
	dst = appendMaybe(dst, t.TrainingFLOP)
	num(`,"gpuHours":`, t.GPUHours)
	num(`,"wallClockDays":`, t.WallClockDays)
	dst = append(dst, `,"impliedMFU":`...)
	dst = appendMaybe(dst, t.ImpliedMFU)
	num(`,"itEnergyKWh":`, t.ITEnergyKWh)
	num(`,"facilityEnergyKWh":`, t.FacilityEnergyKWh)
	num(`,"peakPowerMW":`, t.PeakPowerMW)
	num(`,"emissionsTCO2e":`, t.EmissionsTCO2e)
	num(`,"marketEmissionsTCO2e":`, t.MarketEmissionsTCO2e)
	dst = append(dst, `,"embodiedTCO2e":`...)
	dst = appendMaybe(dst, t.EmbodiedTCO2e)
	num(`,"waterOnsiteL":`, t.WaterOnsiteL)
	num(`,"waterOffsiteL":`, t.WaterOffsiteL)
	c, b := &t.CostUSD, &t.CostBreakdownUSD
	dst = append(dst, `,"cost`...)
	dst = append(dst, e.cur.Code...)
	money(`":{"cloud":`, c.Cloud)
	money(`,"amortized":`, c.Amortized)
	money(`,"purchase":`, c.Purchase)
	money(`,"energy":`, c.Energy)
	dst = append(dst, `},"costBreakdown`...)
	dst = append(dst, e.cur.Code...)
	money(`":{"amortizedAccelerators":`, b.AmortizedAccelerators)
	money(`,"amortizedServerInterconnect":`, b.AmortizedServerInterconnect)
	money(`,"energy":`, b.Energy)
	money(`,"financing":`, b.Financing)
	money(`,"purchaseAccelerators":`, b.PurchaseAccelerators)
	money(`,"purchaseServerInterconnect":`, b.PurchaseServerInterconnect)
	money(`,"staff":`, b.Staff)
	dst = append(dst, `},"breakEvenGPUHours":`...)
	dst = appendMaybe(dst, t.BreakEvenGPUHours)
	return dst, ok
}

func appendResolved(dst []byte, r planner.Resolved) ([]byte, bool) {
	ok := true
	str := func(key, s string) {
		dst = append(dst, key...)
		if ok {
			dst, ok = appendJSONString(dst, s)
		}
	}
	dst = append(dst, `{"value":`...)
	switch v := r.Value.(type) {
	case float64:
		dst, ok = appendJSONFloat(dst, v, ok)
	case string:
		dst, ok = appendJSONString(dst, v)
	default:
		return dst, false
	}
	str(`,"unit":`, r.Unit)
	str(`,"source":`, r.Source)
	if r.Date != "" {
		str(`,"date":`, r.Date)
	}
	if r.Assumption != "" {
		str(`,"assumption":`, r.Assumption)
	}
	str(`,"origin":`, r.Origin)
	return append(dst, '}'), ok
}

// appendMaybe appends m as planner.Maybe's MarshalJSON writes it.
func appendMaybe(dst []byte, m planner.Maybe) []byte {
	if !m.Valid || math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		return append(dst, "null"...)
	}
	return strconv.AppendFloat(dst, m.Value, 'g', -1, 64)
}

// appendJSONFloat appends v as encoding/json writes a float64; ok turns
// false for NaN and infinities, which encoding/json refuses.
func appendJSONFloat(dst []byte, v float64, ok bool) ([]byte, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dst, false
	}
	abs := math.Abs(v)
	fmt := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmt = 'e'
	}
	dst = strconv.AppendFloat(dst, v, fmt, -1, 64)
	if fmt == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, ok
}

// appendJSONString appends s quoted as encoding/json quotes it: as is
// when it is printable ASCII other than " \ < > &, else through
// json.Marshal (rare in reports: a few catalogue sources).
func appendJSONString(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, err := json.Marshal(s)
			return append(dst, b...), err == nil
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"'), true
}
