package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// ReportedFormat is the "format" of the reported data file.
const ReportedFormat = "aiplan-reported"

// ReportedData series IDs the presets and charts use.
const (
	// ReportedNVDAQuarter is NVIDIA's latest quarterly data-centre revenue.
	ReportedNVDAQuarter = "nvda-dc-revenue-quarter"
	ReportedOpenAI      = "openai-arr"
	ReportedAnthropic   = "anthropic-arr"
)

// ReportedData series kinds.
const (
	ReportedKindCapex     = "capex"
	ReportedKindRevenue   = "revenue"    // a supplier's recognised revenue (NVIDIA)
	ReportedKindAIRevenue = "ai-revenue" // AI end revenue (run-rates)
)

// Definition flags of a reported point: where definitions differ between
// series, the flag says which one a point follows.
const (
	FlagCalendarYear   = "calendar-year"
	FlagFiscalYear     = "fiscal-year"
	FlagQuarter        = "quarter"
	FlagLeasesIncluded = "finance-leases-included"
	FlagLeasesExcluded = "finance-leases-excluded"
	FlagRunRate        = "run-rate"
	FlagRecognised     = "recognised"
	FlagGuidance       = "guidance"
	FlagActual         = "actual"
	FlagSecondary      = "secondary"
	FlagUnverified     = "unverified"
)

var reportedFlags = map[string]bool{FlagCalendarYear: true, FlagFiscalYear: true, FlagQuarter: true,
	FlagLeasesIncluded: true, FlagLeasesExcluded: true, FlagRunRate: true, FlagRecognised: true,
	FlagGuidance: true, FlagActual: true, FlagSecondary: true, FlagUnverified: true}

// ReportedPoint is one reported figure.
type ReportedPoint struct {
	// Period as the source names it: "2024", "FY2025", "Q4 FY2026", "Jun 2025".
	Period string `json:"period"`
	// Year is the calendar year the period mostly covers (for charts).
	Year int `json:"year"`
	// ValueUSD is the figure (the midpoint of a guidance range).
	ValueUSD float64 `json:"valueUSD"`
	// LowUSD and HighUSD bound a guidance range (both 0 when none).
	LowUSD  float64 `json:"lowUSD,omitempty"`
	HighUSD float64 `json:"highUSD,omitempty"`
	// Date is the end of the period or the date of a run-rate (YYYY-MM-DD).
	Date string `json:"date"`
	// Source names the document; Published is its date (YYYY-MM-DD).
	Source    string   `json:"source"`
	Published string   `json:"published"`
	Flags     []string `json:"flags"`
	Note      string   `json:"note,omitempty"`
}

// Has reports whether the point carries flag f.
func (p *ReportedPoint) Has(f string) bool {
	for _, x := range p.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// ReportedSeries is one company's series of one kind.
type ReportedSeries struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Company    string          `json:"company"`
	Kind       string          `json:"kind"`
	Definition string          `json:"definition"`
	Points     []ReportedPoint `json:"points"`
}

// ReportedData is the embedded set of reported series.
type ReportedData struct {
	Format  string           `json:"format"`
	Version string           `json:"version"`
	AsOf    string           `json:"asOf"`
	Note    string           `json:"note"`
	Series  []ReportedSeries `json:"series"`
}

// ParseReported decodes and checks the reported data: unique series IDs,
// known kinds and flags, finite positive values below 1e15 USD, dates as
// YYYY-MM-DD, a source on every point, guidance ranges low <= value <= high.
func ParseReported(data []byte) (*ReportedData, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r ReportedData
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("reported data: %v", err)
	}
	if r.Format != ReportedFormat {
		return nil, fmt.Errorf("reported data: format is %q, want %q", r.Format, ReportedFormat)
	}
	seen := map[string]bool{}
	for i := range r.Series {
		s := &r.Series[i]
		if s.ID == "" || seen[s.ID] {
			return nil, fmt.Errorf("reported data: series %d: id %q is empty or used twice", i+1, s.ID)
		}
		seen[s.ID] = true
		switch s.Kind {
		case ReportedKindCapex, ReportedKindRevenue, ReportedKindAIRevenue:
		default:
			return nil, fmt.Errorf("reported data: series %s: kind %q; accepted: capex, revenue, ai-revenue", s.ID, s.Kind)
		}
		if len(s.Points) == 0 {
			return nil, fmt.Errorf("reported data: series %s has no points", s.ID)
		}
		for j := range s.Points {
			if err := s.Points[j].check(); err != nil {
				return nil, fmt.Errorf("reported data: series %s, point %d (%s): %w", s.ID, j+1, s.Points[j].Period, err)
			}
		}
	}
	return &r, nil
}

func (p *ReportedPoint) check() error {
	if p.Period == "" || p.Source == "" {
		return fmt.Errorf("period and source are required")
	}
	if p.Year < gapMinYear || p.Year > gapMaxYear {
		return fmt.Errorf("year %d; accepted: %d to %d", p.Year, gapMinYear, gapMaxYear)
	}
	if err := checkRange("valueUSD", p.ValueUSD, 1, gapMaxUSD, "1 to 1e15 USD"); err != nil {
		return err
	}
	if p.LowUSD != 0 || p.HighUSD != 0 {
		if !(p.LowUSD <= p.ValueUSD && p.ValueUSD <= p.HighUSD) || math.IsNaN(p.LowUSD+p.HighUSD) {
			return fmt.Errorf("range %s-%s does not contain the value %s", FormatNumber(p.LowUSD), FormatNumber(p.HighUSD), FormatNumber(p.ValueUSD))
		}
	}
	for _, d := range []string{p.Date, p.Published} {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("date %q; accepted: YYYY-MM-DD", d)
		}
	}
	if len(p.Flags) == 0 {
		return fmt.Errorf("no definition flags")
	}
	for _, f := range p.Flags {
		if !reportedFlags[f] {
			return fmt.Errorf("unknown flag %q", f)
		}
	}
	return nil
}

// Find returns the series with the given ID, or nil.
func (r *ReportedData) Find(id string) *ReportedSeries {
	if r == nil {
		return nil
	}
	for i := range r.Series {
		if r.Series[i].ID == id {
			return &r.Series[i]
		}
	}
	return nil
}

// Latest returns the last point of the series with the given ID (points
// are listed oldest first); ok is false when there is none.
func (r *ReportedData) Latest(id string) (ReportedPoint, bool) {
	s := r.Find(id)
	if s == nil || len(s.Points) == 0 {
		return ReportedPoint{}, false
	}
	return s.Points[len(s.Points)-1], true
}
