package planner

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
)

// MoneyData is the money reference file (assets/money.json): ECB annual
// average exchange rates, price indexes for constant dollars, and the cost
// points and forecasts that are about money rather than hardware.
type MoneyData struct {
	Version    string                 `json:"version"`
	Sources    map[string]MoneySource `json:"sources"`
	Rates      MoneyRates             `json:"rates"`
	Deflators  MoneyDeflators         `json:"deflators"`
	CostPoints []MoneyCostPoint       `json:"costPoints"`
	BasisNotes map[string]string      `json:"basisNotes"`
	Forecasts  []CostForecast         `json:"forecasts"`
	Serving    ServingMoney           `json:"serving"`
}

// MoneySource is one cited source of the money file.
type MoneySource struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Date      string `json:"date"`
	Secondary bool   `json:"secondary,omitempty"`
}

// YearSeries is an annual series keyed by year ("2024").
type YearSeries struct {
	Source     string             `json:"source"`
	Unverified string             `json:"unverified,omitempty"`
	Years      map[string]float64 `json:"years"`
}

// Value returns the value of year.
func (s *YearSeries) Value(year int) (float64, bool) {
	v, ok := s.Years[strconv.Itoa(year)]
	return v, ok
}

// Span returns the first and last year of the series.
func (s *YearSeries) Span() (lo, hi int) {
	ys := s.years()
	if len(ys) == 0 {
		return 0, 0
	}
	return ys[0], ys[len(ys)-1]
}

func (s *YearSeries) years() []int {
	ys := make([]int, 0, len(s.Years))
	for k := range s.Years {
		if y, err := strconv.Atoi(k); err == nil {
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	return ys
}

// MoneyRates are the ECB quotes: units of the currency per EUR.
type MoneyRates struct {
	Note      string     `json:"note"`
	USDPerEUR YearSeries `json:"usdPerEUR"`
	GBPPerEUR YearSeries `json:"gbpPerEUR"`
}

// MoneyDeflators are the price indexes for constant dollars.
type MoneyDeflators struct {
	Default       string     `json:"default"`
	DefaultReason string     `json:"defaultReason"`
	Series        []Deflator `json:"series"`
}

// Deflator is one annual price index.
type Deflator struct {
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Title   string            `json:"title"`
	Base    string            `json:"base"`
	Partial map[string]string `json:"partial,omitempty"`
	YearSeries
}

// MoneyCostPoint is a training-cost statement whose basis is not one of the
// catalogue's compute-only bases (e.g. "all-in").
type MoneyCostPoint struct {
	Model      string  `json:"model"`
	Year       int     `json:"year"`
	Basis      string  `json:"basis"`
	USD        float64 `json:"usd"`
	LowerBound bool    `json:"lowerBound,omitempty"`
	Source     string  `json:"source"`
	Date       string  `json:"date"`
	Note       string  `json:"note"`
}

// CostForecast is a dated forecast of frontier training-run cost: a run of
// USD expected in Year (to YearHigh when a range was given).
type CostForecast struct {
	Who      string  `json:"who"`
	Said     string  `json:"said"`
	Year     int     `json:"year"`
	YearHigh int     `json:"yearHigh,omitempty"`
	USD      float64 `json:"usd"`
	Label    string  `json:"label"`
	Source   string  `json:"source"`
}

// Deflator returns the index with id, or nil.
func (m *MoneyData) Deflator(id string) *Deflator {
	for i := range m.Deflators.Series {
		if m.Deflators.Series[i].ID == id {
			return &m.Deflators.Series[i]
		}
	}
	return nil
}

// DeflatorIDs lists the indexes' ids.
func (m *MoneyData) DeflatorIDs() []string {
	ids := make([]string, len(m.Deflators.Series))
	for i := range m.Deflators.Series {
		ids[i] = m.Deflators.Series[i].ID
	}
	return ids
}

// ParseMoney decodes and validates the money file: every series cites a
// known source and holds values from 1e-6 to 1e9 for years 1990-2100.
func ParseMoney(b []byte) (*MoneyData, error) {
	var m MoneyData
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("money file: %w", err)
	}
	check := func(name string, s *YearSeries) error {
		if _, ok := m.Sources[s.Source]; !ok {
			return fmt.Errorf("money file: %s: unknown source %q", name, s.Source)
		}
		if len(s.Years) == 0 {
			return fmt.Errorf("money file: %s: no years", name)
		}
		for k, v := range s.Years {
			y, err := strconv.Atoi(k)
			if err != nil || y < 1990 || y > 2100 {
				return fmt.Errorf("money file: %s: year %q is not 1990-2100", name, k)
			}
			if !(v >= 1e-6 && v <= 1e9) {
				return fmt.Errorf("money file: %s.%s: %v is not 1e-6 to 1e9", name, k, v)
			}
		}
		return nil
	}
	if err := check("rates.usdPerEUR", &m.Rates.USDPerEUR); err != nil {
		return nil, err
	}
	if err := check("rates.gbpPerEUR", &m.Rates.GBPPerEUR); err != nil {
		return nil, err
	}
	for i := range m.Deflators.Series {
		d := &m.Deflators.Series[i]
		if d.ID == "" || d.Name == "" {
			return nil, fmt.Errorf("money file: deflators.series[%d]: needs an id and a name", i)
		}
		if err := check("deflators."+d.ID, &d.YearSeries); err != nil {
			return nil, err
		}
	}
	if m.Deflator(m.Deflators.Default) == nil {
		return nil, fmt.Errorf("money file: deflators.default %q is not a series", m.Deflators.Default)
	}
	for i, cp := range m.CostPoints {
		if _, ok := m.Sources[cp.Source]; !ok || !(cp.USD > 0) || math.IsInf(cp.USD, 0) {
			return nil, fmt.Errorf("money file: costPoints[%d]: needs a known source and a positive cost", i)
		}
	}
	for i, f := range m.Forecasts {
		if _, ok := m.Sources[f.Source]; !ok || !(f.USD > 0) || math.IsInf(f.USD, 0) || f.Year < 1990 || f.Year > 2100 {
			return nil, fmt.Errorf("money file: forecasts[%d]: needs a known source, a positive cost and a year 1990-2100", i)
		}
	}
	for name, f := range map[string]MoneyFigure{"tokensPerSecondPerAccelerator": m.Serving.TokensPerSecondPerAccelerator,
		"gpuHourUSD": m.Serving.GPUHourUSD, "pricePerMillionTokensUSD": m.Serving.PricePerMillionTokensUSD,
		"tokensPerQuery": m.Serving.TokensPerQuery} {
		if _, ok := m.Sources[f.Source]; !ok || !(f.Value > 0) || math.IsInf(f.Value, 0) {
			return nil, fmt.Errorf("money file: serving.%s: needs a known source and a positive value", name)
		}
	}
	return &m, nil
}

// MoneyFigure is one cited default of the serving unit economics.
type MoneyFigure struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
}

// ServingMoney holds the cited defaults of the serving unit economics and
// Li et al.'s inputs for the per-query water check.
type ServingMoney struct {
	Meaning                       string      `json:"meaning"`
	TokensPerSecondPerAccelerator MoneyFigure `json:"tokensPerSecondPerAccelerator"`
	GPUHourUSD                    MoneyFigure `json:"gpuHourUSD"`
	PricePerMillionTokensUSD      MoneyFigure `json:"pricePerMillionTokensUSD"`
	TokensPerQuery                MoneyFigure `json:"tokensPerQuery"`
	LiCheck                       struct {
		EnergyPerQueryWh float64 `json:"energyPerQueryWh"`
		PUE              float64 `json:"pue"`
		WUELPerKWh       float64 `json:"wueLPerKWh"`
		EWIFLPerKWh      float64 `json:"ewifLPerKWh"`
		WaterPerQueryML  float64 `json:"waterPerQueryML"`
		Source           string  `json:"source"`
	} `json:"liCheck"`
}
