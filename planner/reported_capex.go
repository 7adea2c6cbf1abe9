package planner

import (
	"errors"
	"sort"
)

// ReportedCapexYear is the reported capex series summed in one year.
type ReportedCapexYear struct {
	Year int
	USD  float64
	// Guidance is set when any part of the sum is guidance.
	Guidance bool
}

// CapexSum sums the capex series (the big four hyperscalers) by year,
// keeping only the years every capex series reports, in year order.
func (r *ReportedData) CapexSum() []ReportedCapexYear {
	type acc struct {
		ReportedCapexYear
		n int
	}
	byYear := map[int]*acc{}
	nCapex := 0
	for _, s := range r.Series {
		if s.Kind != ReportedKindCapex {
			continue
		}
		nCapex++
		for _, p := range s.Points {
			a := byYear[p.Year]
			if a == nil {
				a = &acc{ReportedCapexYear: ReportedCapexYear{Year: p.Year}}
				byYear[p.Year] = a
			}
			a.USD += p.ValueUSD
			a.n++
			a.Guidance = a.Guidance || p.Has(FlagGuidance)
		}
	}
	var out []ReportedCapexYear
	for _, a := range byYear {
		if a.n == nCapex {
			out = append(out, a.ReportedCapexYear)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// ReportedCapexSource is the source named for the series of
// HyperscalerCapexSeries ('aiplan data' lists every figure's source).
const ReportedCapexSource = "reported data, aiplan data"

// HyperscalerCapexSeries is the reported big-four capex (CapexSum) as a
// capex series for BuildOut: the industry chart, tab and sheet's series.
// Its name says which years are guidance.
func HyperscalerCapexSeries(r *ReportedData) (CapexSeries, error) {
	if r == nil {
		return CapexSeries{}, errors.New("no reported data")
	}
	sums := r.CapexSum()
	if len(sums) == 0 {
		return CapexSeries{}, errors.New("reported data: no year that every capex series reports")
	}
	s := CapexSeries{Name: "Big-four hyperscaler capex (MSFT+GOOGL+AMZN+META, reported)", Source: ReportedCapexSource}
	var guidance []int
	for _, y := range sums {
		s.Years = append(s.Years, YearCapex{Year: y.Year, CapexUSD: y.USD})
		if y.Guidance {
			guidance = append(guidance, y.Year)
		}
	}
	if len(guidance) > 0 {
		s.Name += ", " + joinYears(guidance) + " guidance"
	}
	return s, nil
}

func joinYears(ys []int) string {
	out := ""
	for i, y := range ys {
		if i > 0 {
			out += ", "
		}
		out += FormatNumber(float64(y))
	}
	return out
}
