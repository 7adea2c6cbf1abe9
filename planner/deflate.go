package planner

import (
	"fmt"
	"strconv"
	"strings"
)

// DeflateFactor returns the constant-dollar factor of the index from one
// year's dollars to another's, on annual averages:
//
//	factor = index(to) / index(from)
//
// Epoch AI does the same on monthly values of PCU518210518210
// (index(target month) / index(publication month)). The error names the
// field ("dollar-year" for to, "price-year" for from) and the years the
// index covers.
func DeflateFactor(m *MoneyData, deflator string, from, to int) (float64, error) {
	d := m.Deflator(deflator)
	if d == nil {
		return 0, choiceError("deflator", deflator, m.DeflatorIDs())
	}
	lo, hi := d.Span()
	vt, ok := d.Value(to)
	if !ok {
		return 0, &FieldError{Field: "dollar-year", Value: strconv.Itoa(to), Msg: fmt.Sprintf("accepted: %d to %d (years of the %s index)", lo, hi, d.ID)}
	}
	vf, ok := d.Value(from)
	if !ok {
		return 0, &FieldError{Field: "price-year", Value: strconv.Itoa(from), Msg: fmt.Sprintf("accepted: %d to %d (years of the %s index)", lo, hi, d.ID)}
	}
	return vt / vf, nil
}

// PriceDeflateFactor is DeflateFactor for a price dated in priceYear: a
// price newer than the index's last annual value (a 2026 cloud rate, the
// index to 2025) is in dollars of at least that year, so it is taken at the
// index's latest level, and note says so ("" otherwise).
func PriceDeflateFactor(m *MoneyData, deflator string, priceYear, to int) (factor float64, note string, err error) {
	if d := m.Deflator(deflator); d != nil {
		if _, hi := d.Span(); priceYear > hi {
			note = fmt.Sprintf("dated after the %s index's last year (%d): taken at its %d level", d.ID, hi, hi)
			priceYear = hi
		}
	}
	factor, err = DeflateFactor(m, deflator, priceYear, to)
	return factor, note, err
}

// PriceYear returns the year of a catalogue date ("2024-12" -> 2024), or 0.
func PriceYear(date string) int {
	y, _, _ := strings.Cut(strings.TrimSpace(date), "-")
	n, err := strconv.Atoi(y)
	if err != nil || n < 1900 || n > 2200 {
		return 0
	}
	return n
}

// DeflationStep records how one price was brought to constant dollars.
type DeflationStep struct {
	Input     string  `json:"input"`
	PriceYear int     `json:"priceYear"`
	Factor    float64 `json:"factor"`
	Note      string  `json:"note,omitempty"`
}

// deflationInputs are the estimate's price inputs, one per cost component.
var deflationInputs = []string{KeyGPUHourPrice, KeyGPUPrice, KeyElectricityPrice, KeyStaffCost}

// DeflateReport brings the report's costs to c's dollar year with c's index,
// each component from the catalogue date of the price it comes from:
//
//	cloud                         x factor(gpu-hour price date)
//	purchase, hardware, financing x factor(accelerator price date)
//	energy                        x factor(electricity price date)
//	staff                         x factor(staff cost date)
//	amortized = hardware + energy + financing (recomputed)
//
// A price without a date (given by the user, or an assumption) is taken to
// be in the dollar year already (factor 1, noted); a price dated after the
// index's last year is taken at that year's level (noted). Nominal c changes nothing.
func DeflateReport(m *MoneyData, c Currency, rep *Report) ([]DeflationStep, error) {
	if c.DollarYear == nil {
		return nil, nil
	}
	to := *c.DollarYear
	f := map[string]float64{}
	steps := make([]DeflationStep, 0, len(deflationInputs))
	for _, key := range deflationInputs {
		in, ok := rep.Inputs[key]
		if !ok {
			continue
		}
		st := DeflationStep{Input: key, PriceYear: PriceYear(in.Date), Factor: 1}
		if st.PriceYear == 0 {
			st.PriceYear = to
			st.Note = "no catalogue date: taken to be in " + strconv.Itoa(to) + " dollars"
		} else {
			k, note, err := PriceDeflateFactor(m, c.Deflator, st.PriceYear, to)
			st.Note = note
			if err != nil {
				return nil, fmt.Errorf("%s dated %s: %w", key, in.Date, err)
			}
			st.Factor = k
		}
		f[key] = st.Factor
		steps = append(steps, st)
	}
	get := func(k string) float64 {
		if v, ok := f[k]; ok {
			return v
		}
		return 1
	}
	deflateTotals(&rep.Totals, get)
	deflateTotals(&rep.WithExperiments, get)
	return steps, nil
}

func deflateTotals(t *Totals, f func(string) float64) {
	fh, fg, fe, fs := f(KeyGPUHourPrice), f(KeyGPUPrice), f(KeyElectricityPrice), f(KeyStaffCost)
	b := &t.CostBreakdownUSD
	b.AmortizedAccelerators *= fg
	b.AmortizedServerInterconnect *= fg
	b.Financing *= fg
	b.PurchaseAccelerators *= fg
	b.PurchaseServerInterconnect *= fg
	b.Energy *= fe
	b.Staff *= fs
	c := &t.CostUSD
	c.Cloud *= fh
	c.Purchase *= fg
	c.Energy *= fe
	c.Amortized = b.AmortizedAccelerators + b.AmortizedServerInterconnect + b.Energy + b.Financing
}
