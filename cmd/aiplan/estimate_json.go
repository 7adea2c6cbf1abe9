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

// reportEncoder writes one estimate report as JSON, byte for byte what
// json.Marshal(planner.ConvertJSON(rep, cur)) writes, or, made with an
// indent, what json.MarshalIndent lays out for a report that is an element
// of a top-level array (prefix and indent "  "), without the marshal /
// decode / re-marshal round trip ConvertJSON takes (which was 90% of
// 'estimate --scenarios FILE --json' on 100,000 scenarios, issue 15 item
// 7), nor a second pass to indent. It knows the report's layout field by
// field; anything it does not expect (a value that is neither number nor
// text, an input key that ConvertJSON would rename, a NaN) makes it
// refuse, and the caller takes the general path.
// TestReportEncoderMatchesConvertJSON holds it to the general path over
// every accelerator, currency and dollar basis, compact and indented.
type reportEncoder struct {
	cur      planner.Currency
	currency []byte // the "currency" object, marshalled (and laid out) once
	// nl[d] is a line break at depth d inside the report ("" when compact);
	// colon follows a key.
	nl    [4]string
	colon string
	keys  []string
}

// newReportEncoder returns a compact encoder, or with indented one laid
// out as an element of an indented top-level array.
func newReportEncoder(cur planner.Currency, indented bool) (*reportEncoder, error) {
	if !(cur.Rate > 0) || math.IsInf(cur.Rate, 0) {
		return nil, &planner.FieldError{Field: "currency", Value: planner.FormatNumber(cur.Rate), Msg: "rate must be a positive number"}
	}
	c, err := json.Marshal(cur)
	if err != nil {
		return nil, err
	}
	e := &reportEncoder{cur: cur, currency: c, colon: ":"}
	if indented {
		const prefix, indent = "  ", "  "
		for d := range e.nl {
			e.nl[d] = "\n" + prefix + strings.Repeat(indent, d)
		}
		e.colon = ": "
		e.currency = appendIndent(nil, c, prefix+indent, indent)
	}
	return e, nil
}

// clone returns an encoder for another goroutine.
func (e *reportEncoder) clone() *reportEncoder {
	c := *e
	c.keys = nil
	return &c
}

// key appends the separator before a member at depth d (a comma unless
// first, the line break) and its key, quoted, with the colon.
func (e *reportEncoder) key(dst []byte, d int, first bool, k string) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = append(dst, e.nl[d]...)
	dst = append(dst, '"')
	dst = append(dst, k...)
	dst = append(dst, '"')
	return append(dst, e.colon...)
}

// end appends the line break before the closing brace at depth d and the brace.
func (e *reportEncoder) end(dst []byte, d int) []byte {
	return append(append(dst, e.nl[d]...), '}')
}

// appendReport appends rep's JSON to dst; ok is false when rep holds
// something the encoder does not handle (dst is then unspecified).
func (e *reportEncoder) appendReport(dst []byte, rep *planner.Report) (_ []byte, ok bool) {
	dst = append(dst, '{')
	first := true
	if rep.Name != "" {
		dst = e.key(dst, 1, true, "name")
		if dst, ok = appendJSONString(dst, rep.Name); !ok {
			return dst, false
		}
		first = false
	}
	if dst, ok = e.appendTotals(dst, 1, first, &rep.Totals); !ok {
		return dst, false
	}
	dst = append(e.key(dst, 1, false, "withExperiments"), '{')
	if dst, ok = e.appendTotals(dst, 2, true, &rep.WithExperiments); !ok {
		return dst, false
	}
	dst = e.key(e.end(dst, 1), 1, false, "catalogVersion")
	if dst, ok = appendJSONString(dst, rep.CatalogVersion); !ok {
		return dst, false
	}
	dst = append(e.key(dst, 1, false, "currency"), e.currency...)
	dst = e.key(dst, 1, false, "inputs")
	if rep.Inputs == nil {
		return e.end(append(dst, "null"...), 0), true
	}
	e.keys = e.keys[:0]
	for k := range rep.Inputs {
		if k == "currency" || strings.HasSuffix(k, "USD") || strings.Contains(k, "USD.") || !plainKey(k) {
			return dst, false // ConvertJSON would rename or replace it; or it needs escaping
		}
		e.keys = append(e.keys, k)
	}
	if len(e.keys) == 0 {
		return e.end(append(dst, "{}"...), 0), true
	}
	slices.Sort(e.keys)
	dst = append(dst, '{')
	for i, k := range e.keys {
		dst = append(e.key(dst, 2, i == 0, k), '{')
		if dst, ok = e.appendResolved(dst, rep.Inputs[k]); !ok {
			return dst, false
		}
		dst = e.end(dst, 2)
	}
	return e.end(e.end(dst, 1), 0), true
}

// plainKey reports whether k needs no escaping in JSON (printable ASCII
// other than " \ < > &).
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if needsEscape(k[i]) {
			return false
		}
	}
	return true
}

// needsEscape reports whether c is a byte encoding/json may write other
// than as itself inside a string.
func needsEscape(c byte) bool {
	return c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
}

// appendTotals appends the members of t at depth d (without the braces);
// the money objects are renamed for the currency and scaled by its rate.
func (e *reportEncoder) appendTotals(dst []byte, d int, first bool, t *planner.Totals) ([]byte, bool) {
	ok := true
	num := func(first bool, key string, v float64) {
		dst = e.key(dst, d, first, key)
		dst, ok = appendJSONFloat(dst, v, ok)
	}
	maybe := func(key string, m planner.Maybe) {
		dst = appendMaybe(e.key(dst, d, key == "trainingFLOP" && first, key), m)
	}
	open := func(key string) {
		dst = append(e.key(dst, d, false, key+e.cur.Code), '{')
	}
	money := func(first bool, key string, v float64) {
		if e.cur.Rate != 1 {
			v *= e.cur.Rate
		}
		d++
		num(first, key, v)
		d--
	}
	maybe("trainingFLOP", t.TrainingFLOP)
	num(false, "gpuHours", t.GPUHours)
	num(false, "wallClockDays", t.WallClockDays)
	maybe("impliedMFU", t.ImpliedMFU)
	num(false, "itEnergyKWh", t.ITEnergyKWh)
	num(false, "facilityEnergyKWh", t.FacilityEnergyKWh)
	num(false, "peakPowerMW", t.PeakPowerMW)
	num(false, "emissionsTCO2e", t.EmissionsTCO2e)
	num(false, "marketEmissionsTCO2e", t.MarketEmissionsTCO2e)
	maybe("embodiedTCO2e", t.EmbodiedTCO2e)
	num(false, "waterOnsiteL", t.WaterOnsiteL)
	num(false, "waterOffsiteL", t.WaterOffsiteL)
	c, b := &t.CostUSD, &t.CostBreakdownUSD
	open("cost")
	money(true, "cloud", c.Cloud)
	money(false, "amortized", c.Amortized)
	money(false, "purchase", c.Purchase)
	money(false, "energy", c.Energy)
	dst = e.end(dst, d)
	open("costBreakdown")
	money(true, "amortizedAccelerators", b.AmortizedAccelerators)
	money(false, "amortizedServerInterconnect", b.AmortizedServerInterconnect)
	money(false, "energy", b.Energy)
	money(false, "financing", b.Financing)
	money(false, "purchaseAccelerators", b.PurchaseAccelerators)
	money(false, "purchaseServerInterconnect", b.PurchaseServerInterconnect)
	money(false, "staff", b.Staff)
	dst = e.end(dst, d)
	maybe("breakEvenGPUHours", t.BreakEvenGPUHours)
	return dst, ok
}

// appendResolved appends the members of r at depth 3 (without the braces).
func (e *reportEncoder) appendResolved(dst []byte, r planner.Resolved) ([]byte, bool) {
	ok := true
	str := func(key, s string) {
		dst = e.key(dst, 3, false, key)
		if ok {
			dst, ok = appendJSONString(dst, s)
		}
	}
	dst = e.key(dst, 3, true, "value")
	switch v := r.Value.(type) {
	case float64:
		dst, ok = appendJSONFloat(dst, v, ok)
	case string:
		dst, ok = appendJSONString(dst, v)
	default:
		return dst, false
	}
	str("unit", r.Unit)
	str("source", r.Source)
	if r.Date != "" {
		str("date", r.Date)
	}
	if r.Assumption != "" {
		str("assumption", r.Assumption)
	}
	str("origin", r.Origin)
	return dst, ok
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
		if needsEscape(s[i]) {
			b, err := json.Marshal(s)
			return append(dst, b...), err == nil
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"'), true
}
