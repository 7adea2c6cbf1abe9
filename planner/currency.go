package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Currency codes accepted for display and export.
const (
	CurrencyUSD = "USD"
	CurrencyEUR = "EUR"
	CurrencyGBP = "GBP"
)

// CurrencyCodes lists the accepted display currencies.
func CurrencyCodes() []string { return []string{CurrencyUSD, CurrencyEUR, CurrencyGBP} }

// Currency is the money basis of an output, printed as the "currency"
// object of every JSON output:
//
//	rate = display units per USD, the annual average of RateDate:
//	       EUR: 1 / (USD per EUR);  GBP: (GBP per EUR) / (USD per EUR)
//
// DollarYear is nil for nominal dollars (each price as dated in the
// catalogue); Deflator names the index of constant dollars.
type Currency struct {
	Code       string  `json:"code"`
	Rate       float64 `json:"rate"`
	RateDate   string  `json:"rateDate"`
	DollarYear *int    `json:"dollarYear"`
	Deflator   string  `json:"deflator"`
	// Label is how charts and sheets state the basis ("2024 USD, PPI data
	// processing" or "nominal USD").
	Label string `json:"label"`
}

// NominalUSD is the default basis: nominal dollars, no conversion.
func NominalUSD() Currency {
	return Currency{Code: CurrencyUSD, Rate: 1, Deflator: "none", Label: "nominal USD"}
}

// ResolveCurrency returns the basis for code (USD, EUR, GBP), a dollar year
// (0 = nominal) and a deflator id ("" = the file's default). The rate is the
// annual average of the dollar year, else of the latest year both ECB
// series cover. Errors name the field (currency, dollar-year, deflator) and
// the accepted values.
func ResolveCurrency(m *MoneyData, code string, dollarYear int, deflator string) (Currency, error) {
	if m == nil {
		return Currency{}, fmt.Errorf("currency: no money reference file")
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		code = CurrencyUSD
	}
	okCode := false
	for _, c := range CurrencyCodes() {
		okCode = okCode || c == code
	}
	if !okCode {
		return Currency{}, choiceError("currency", code, CurrencyCodes())
	}
	c := Currency{Code: code, Rate: 1, Deflator: "none"}
	if deflator != "" && dollarYear == 0 {
		return Currency{}, &FieldError{Field: "deflator", Value: fmt.Sprintf("%q", deflator), Msg: "needs --dollar-year (constant dollars)"}
	}
	lo, hi := rateSpan(m)
	year := hi
	if dollarYear != 0 {
		if deflator == "" {
			deflator = m.Deflators.Default
		}
		d := m.Deflator(deflator)
		if d == nil {
			return Currency{}, choiceError("deflator", deflator, m.DeflatorIDs())
		}
		if _, ok := d.Value(dollarYear); !ok {
			dlo, dhi := d.Span()
			return Currency{}, &FieldError{Field: "dollar-year", Value: strconv.Itoa(dollarYear),
				Msg: fmt.Sprintf("accepted: %d to %d (years of the %s index)", dlo, dhi, d.ID)}
		}
		c.DollarYear = &dollarYear
		c.Deflator = d.ID
		year = dollarYear
	}
	c.RateDate = strconv.Itoa(year)
	if code != CurrencyUSD {
		usd, ok1 := m.Rates.USDPerEUR.Value(year)
		gbp, ok2 := m.Rates.GBPPerEUR.Value(year)
		if !ok1 || !ok2 {
			return Currency{}, &FieldError{Field: "dollar-year", Value: strconv.Itoa(year),
				Msg: fmt.Sprintf("accepted with --currency %s: %d to %d (years with an ECB annual average rate)", code, lo, hi)}
		}
		c.Rate = 1 / usd
		if code == CurrencyGBP {
			c.Rate = gbp / usd
		}
		c.RateDate = strconv.Itoa(year) + " (ECB annual average)"
	}
	c.Label = c.label(m)
	return c, nil
}

// rateSpan returns the years both ECB series cover.
func rateSpan(m *MoneyData) (lo, hi int) {
	a, b := m.Rates.USDPerEUR.Span()
	c, d := m.Rates.GBPPerEUR.Span()
	return max(a, c), min(b, d)
}

func (c Currency) label(m *MoneyData) string {
	if c.DollarYear == nil {
		return "nominal " + c.Code
	}
	name := c.Deflator
	if d := m.Deflator(c.Deflator); d != nil {
		name = d.Name
	}
	return fmt.Sprintf("%d %s, %s", *c.DollarYear, c.Code, name)
}

// ConvertJSON turns a command's output into the display currency: v is
// marshalled to JSON; in every object, a key ending in "USD" is renamed for
// the currency (costUSD -> costEUR) and every number under it multiplied by
// the rate; every object holding a "currency" key (and the top-level object,
// or each object of a top-level array) gets c as its "currency". Output-path
// keys ("costUSD.cloud", as the uncertainty block uses) are renamed and
// scaled the same way. Key order and every number that is not money are
// kept as marshalled; at rate 1 money is kept too, so nominal USD output
// differs from v's only in "currency".
func ConvertJSON(v any, c Currency) (any, error) {
	if !(c.Rate > 0) || math.IsInf(c.Rate, 0) {
		return nil, &FieldError{Field: "currency", Value: FormatNumber(c.Rate), Msg: "rate must be a positive number"}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tree, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	switch t := tree.(type) {
	case *orderedObject:
		t.set("currency", c)
	case []any:
		for _, e := range t {
			if o, ok := e.(*orderedObject); ok {
				o.set("currency", c)
			}
		}
	}
	return convertTree(tree, c, false), nil
}

// orderedObject is a JSON object that keeps its key order.
type orderedObject struct {
	keys []string
	vals map[string]any
}

func (o *orderedObject) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// MarshalJSON writes the keys in order.
func (o *orderedObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(o.vals[k])
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// decodeOrdered reads one JSON value: objects as *orderedObject, numbers as
// json.Number.
func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := &orderedObject{vals: map[string]any{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				o.set(k, v)
			}
			_, err := dec.Token()
			return o, err
		case '[':
			a := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			_, err := dec.Token()
			return a, err
		}
	}
	return tok, nil
}

// convertTree walks the decoded JSON; money is true under a key ending in
// "USD", where numbers are scaled.
func convertTree(v any, c Currency, money bool) any {
	switch t := v.(type) {
	case json.Number:
		if !money || c.Rate == 1 {
			return t
		}
		f, err := t.Float64()
		if err != nil {
			return t
		}
		return f * c.Rate
	case []any:
		for i := range t {
			t[i] = convertTree(t[i], c, money)
		}
		return t
	case *orderedObject:
		out := &orderedObject{vals: make(map[string]any, len(t.keys))}
		for _, k := range t.keys {
			e := t.vals[k]
			switch {
			case k == "currency":
				out.set(k, c)
			case strings.HasSuffix(k, "USD") && k != "USD":
				out.set(strings.TrimSuffix(k, "USD")+c.Code, convertTree(e, c, true))
			case strings.Contains(k, "USD."): // an output path, e.g. "costUSD.cloud"
				out.set(strings.ReplaceAll(k, "USD.", c.Code+"."), convertTree(e, c, true))
			default:
				out.set(k, convertTree(e, c, money))
			}
		}
		return out
	}
	return v
}
