package planner

import "fmt"

// BubbleIndicators are the comparison figures of one bubble-risk scenario.
// Pointers are nil where the figure does not exist (no revenue, a gap that
// does not close, a revenue side that is not AI revenue).
type BubbleIndicators struct {
	Method      string  `json:"method"`
	FirstYear   int     `json:"firstYear"`
	LastYear    int     `json:"lastYear"`
	RequiredUSD float64 `json:"requiredRevenueUSD"`
	RevenueUSD  float64 `json:"revenueUSD"`
	// GapUSD is the first year's gap; GapToRevenue the first year's gap /
	// revenue; CumulativeGapUSD the cumulative gap at the horizon.
	GapUSD           float64  `json:"gapUSD"`
	GapToRevenue     *float64 `json:"gapToRevenue"`
	CumulativeGapUSD float64  `json:"cumulativeGapUSD"`
	ClosesYear       *int     `json:"closesYear"`
	CoverageRatio    *float64 `json:"coverageRatio"`
}

// Indicators returns the comparison figures of an evaluated scenario.
func (r *GapResult) Indicators() BubbleIndicators {
	last := r.Years[len(r.Years)-1]
	return BubbleIndicators{Method: r.Method, FirstYear: r.Years[0].Year, LastYear: last.Year,
		RequiredUSD: r.RequiredRevenueUSD, RevenueUSD: r.AIRevenueUSD, GapUSD: r.GapUSD,
		GapToRevenue: r.GapToRevenue, CumulativeGapUSD: last.CumulativeGapUSD,
		ClosesYear: r.ClosesYear, CoverageRatio: r.CoverageRatio}
}

// BubbleResult is one evaluated scenario of a comparison.
type BubbleResult struct {
	Name string `json:"name"`
	GapResult
}

// BubbleRow is one line of the side-by-side indicator table: the
// scenario's indicators and, when a baseline is set, their differences
// from the baseline's (nil where either side has no value).
type BubbleRow struct {
	Name       string           `json:"name"`
	Baseline   bool             `json:"baseline"`
	Indicators BubbleIndicators `json:"indicators"`
	// Deltas against the baseline (this - baseline).
	DeltaRequiredUSD   *float64 `json:"deltaRequiredRevenueUSD"`
	DeltaGapUSD        *float64 `json:"deltaGapUSD"`
	DeltaCumulativeUSD *float64 `json:"deltaCumulativeGapUSD"`
	DeltaClosesYears   *int     `json:"deltaClosesYears"`
	DeltaCoverage      *float64 `json:"deltaCoverageRatio"`
}

// EvaluateBubble evaluates every scenario of the list, in order. The error
// names the scenario and the field.
func EvaluateBubble(list []BubbleScenario) ([]BubbleResult, error) {
	out := make([]BubbleResult, 0, len(list))
	for i := range list {
		r, err := EvaluateGap(list[i].GapInputs)
		if err != nil {
			return nil, fmt.Errorf("bubble-risk scenario %q: %w", list[i].Name, err)
		}
		out = append(out, BubbleResult{Name: list[i].Name, GapResult: r})
	}
	return out, nil
}

// CompareBubble builds the indicator table of evaluated scenarios with
// deltas against the one named baseline ("" or an unknown name: no
// deltas).
func CompareBubble(results []BubbleResult, baseline string) []BubbleRow {
	var base *BubbleIndicators
	for i := range results {
		if results[i].Name == baseline {
			b := results[i].Indicators()
			base = &b
		}
	}
	rows := make([]BubbleRow, len(results))
	for i := range results {
		ind := results[i].Indicators()
		row := BubbleRow{Name: results[i].Name, Baseline: base != nil && results[i].Name == baseline, Indicators: ind}
		if base != nil {
			row.DeltaRequiredUSD = ptr(ind.RequiredUSD - base.RequiredUSD)
			row.DeltaGapUSD = ptr(ind.GapUSD - base.GapUSD)
			row.DeltaCumulativeUSD = ptr(ind.CumulativeGapUSD - base.CumulativeGapUSD)
			if ind.ClosesYear != nil && base.ClosesYear != nil {
				row.DeltaClosesYears = ptr(*ind.ClosesYear - *base.ClosesYear)
			}
			if ind.CoverageRatio != nil && base.CoverageRatio != nil {
				row.DeltaCoverage = ptr(*ind.CoverageRatio - *base.CoverageRatio)
			}
		}
		rows[i] = row
	}
	return rows
}

func ptr[T any](v T) *T { return &v }
