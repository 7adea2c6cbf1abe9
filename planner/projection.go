package planner

import (
	"fmt"
	"math"
	"strings"
)

// Thresholds of the frontier training-cost projection, in USD: Dario
// Amodei's $1B, $10B and $100B training runs. ThresholdKeys are their keys in
// ProjectionResult.ThresholdYears.
var (
	Thresholds    = []float64{1e9, 1e10, 1e11}
	ThresholdKeys = []string{"1e9", "1e10", "1e11"}
)

// Cost bases of training-cost figures (CostPoint.Basis).
const (
	CostBasisAmortized   = "amortized"
	CostBasisCloud       = "cloud"
	CostBasisAcquisition = "acquisition"
)

// Accepted ranges of the projection inputs.
const (
	projMaxUSD     = 1e15
	projMinGrowth  = 0.1
	projMaxGrowth  = 100
	projMaxSpan    = 200
	projMinYear    = 1950
	projMaxYear    = 2200
	projOverflowUS = 1e300
)

// ProjectionInputs parameterise the frontier training-cost projection. Field
// names in errors are the flags of 'aiplan project' without dashes:
// base-cost, base-year, growth, growth-low, growth-high, until.
type ProjectionInputs struct {
	// BaseCostUSD is the cost of the frontier run of BaseYear.
	BaseCostUSD float64 `json:"baseCostUSD"`
	BaseYear    int     `json:"baseYear"`
	// BaseModel names the run the base cost comes from (informational).
	BaseModel string `json:"baseModel,omitempty"`
	// Basis is the cost basis of the base figure: amortized, cloud or
	// acquisition. Epoch's 2.4x growth is fitted to amortised hardware plus
	// energy; cloud-rental figures (the AI Index's) sit on a higher line.
	Basis string `json:"basis"`
	// Growth is the central multiplier per year; GrowthLow and GrowthHigh
	// bound the band (GrowthLow <= Growth <= GrowthHigh).
	Growth     float64 `json:"growth"`
	GrowthLow  float64 `json:"growthLow"`
	GrowthHigh float64 `json:"growthHigh"`
	// Until is the last year of the projection (inclusive).
	Until int `json:"until"`
}

// ProjectionYear is one year of the training-cost projection.
type ProjectionYear struct {
	Year    int     `json:"year"`
	CostUSD float64 `json:"costUSD"`
	LowUSD  float64 `json:"lowUSD"`
	HighUSD float64 `json:"highUSD"`
}

// ProjectionResult is the projected cost of the largest training run by year.
type ProjectionResult struct {
	Inputs ProjectionInputs `json:"inputs"`
	Years  []ProjectionYear `json:"years"`
	// ThresholdYears maps "1e9", "1e10", "1e11" to the first whole year the
	// central cost is at or above the threshold; nil when that is after Until.
	// ThresholdYearsLow and ThresholdYearsHigh do the same along the low and
	// high growth (the high growth crosses first).
	ThresholdYears     map[string]*int `json:"thresholdYears"`
	ThresholdYearsLow  map[string]*int `json:"thresholdYearsLow"`
	ThresholdYearsHigh map[string]*int `json:"thresholdYearsHigh"`
	// Conventions state the formula and the cost basis.
	Conventions []string `json:"conventions"`
}

// ProjectedCost returns the cost of the frontier run of year:
//
//	cost(year) = base x growth^(year - baseYear)
//
// (Cottier et al. 2024, "The rising costs of training frontier AI models",
// arXiv 2405.21015: 2.4x per year since 2016, 90% CI 2.0-2.9x, for amortised
// hardware plus energy).
func ProjectedCost(baseUSD float64, baseYear int, growth float64, year int) float64 {
	return baseUSD * math.Pow(growth, float64(year-baseYear))
}

// Validate checks the inputs and returns a *FieldError naming the first
// offending field.
func (in *ProjectionInputs) Validate() error {
	if err := checkRange("base-cost", in.BaseCostUSD, 1, projMaxUSD, "1 to 1e15 USD"); err != nil {
		return err
	}
	if in.BaseYear < projMinYear || in.BaseYear > projMaxYear {
		return &FieldError{Field: "base-year", Value: fmt.Sprint(in.BaseYear),
			Msg: fmt.Sprintf("accepted: a year from %d to %d", projMinYear, projMaxYear)}
	}
	switch in.Basis {
	case "", CostBasisAmortized, CostBasisCloud, CostBasisAcquisition:
	default:
		return choiceError("basis", in.Basis, []string{CostBasisAmortized, CostBasisCloud, CostBasisAcquisition})
	}
	for _, g := range []struct {
		field string
		v     float64
	}{{"growth", in.Growth}, {"growth-low", in.GrowthLow}, {"growth-high", in.GrowthHigh}} {
		if err := checkRange(g.field, g.v, projMinGrowth, projMaxGrowth, "0.1 to 100 (x per year)"); err != nil {
			return err
		}
	}
	if in.GrowthLow > in.Growth {
		return &FieldError{Field: "growth-low", Value: FormatNumber(in.GrowthLow),
			Msg: "accepted: 0.1 up to --growth (" + HumanNumber(in.Growth) + ")"}
	}
	if in.GrowthHigh < in.Growth {
		return &FieldError{Field: "growth-high", Value: FormatNumber(in.GrowthHigh),
			Msg: "accepted: --growth (" + HumanNumber(in.Growth) + ") up to 100"}
	}
	if in.Until < in.BaseYear || in.Until > in.BaseYear+projMaxSpan {
		return &FieldError{Field: "until", Value: fmt.Sprint(in.Until),
			Msg: fmt.Sprintf("accepted: a year from the base year %d to %d", in.BaseYear, in.BaseYear+projMaxSpan)}
	}
	return nil
}

// Project returns the yearly projection from BaseYear to Until inclusive:
//
//	costUSD(y) = BaseCostUSD x Growth^(y - BaseYear)
//	lowUSD(y)  = BaseCostUSD x GrowthLow^(y - BaseYear)
//	highUSD(y) = BaseCostUSD x GrowthHigh^(y - BaseYear)
//
// so lowUSD <= costUSD <= highUSD. A threshold year is the first row whose
// cost is at or above the threshold (the base year when the base already is);
// it is nil when no row up to Until reaches it. A projection above 1e300 USD
// is refused with an error naming growth-high.
func Project(in ProjectionInputs) (ProjectionResult, error) {
	if err := in.Validate(); err != nil {
		return ProjectionResult{}, err
	}
	if in.Basis == "" {
		in.Basis = CostBasisAmortized
	}
	r := ProjectionResult{Inputs: in,
		ThresholdYears:     map[string]*int{},
		ThresholdYearsLow:  map[string]*int{},
		ThresholdYearsHigh: map[string]*int{},
	}
	for _, k := range ThresholdKeys {
		r.ThresholdYears[k], r.ThresholdYearsLow[k], r.ThresholdYearsHigh[k] = nil, nil, nil
	}
	for y := in.BaseYear; y <= in.Until; y++ {
		row := ProjectionYear{Year: y,
			CostUSD: ProjectedCost(in.BaseCostUSD, in.BaseYear, in.Growth, y),
			LowUSD:  ProjectedCost(in.BaseCostUSD, in.BaseYear, in.GrowthLow, y),
			HighUSD: ProjectedCost(in.BaseCostUSD, in.BaseYear, in.GrowthHigh, y),
		}
		if !(row.HighUSD <= projOverflowUS) {
			return ProjectionResult{}, &FieldError{Field: "growth-high", Value: FormatNumber(in.GrowthHigh),
				Msg: fmt.Sprintf("accepted: a growth that keeps the cost below 1e300 USD until %d; lower it or --until", in.Until)}
		}
		r.Years = append(r.Years, row)
		for i, t := range Thresholds {
			k := ThresholdKeys[i]
			markThreshold(r.ThresholdYears, k, row.CostUSD, t, y)
			markThreshold(r.ThresholdYearsLow, k, row.LowUSD, t, y)
			markThreshold(r.ThresholdYearsHigh, k, row.HighUSD, t, y)
		}
	}
	r.Conventions = []string{
		fmt.Sprintf("cost(year) = %s x %s^(year - %d), band %s-%sx per year",
			HumanUSD(in.BaseCostUSD), FormatNumber(in.Growth), in.BaseYear,
			FormatNumber(in.GrowthLow), FormatNumber(in.GrowthHigh)),
		"cost basis: " + basisText(in.Basis),
		fmt.Sprintf("threshold years: first whole year at or above $1B, $10B, $100B; null when after %d", in.Until),
	}
	return r, nil
}

// markThreshold sets m[k] to year the first time cost reaches threshold. The
// relative tolerance of 1e-12 keeps an exact hit (1e8 x 10 = 1e9) a hit.
func markThreshold(m map[string]*int, k string, cost, threshold float64, year int) {
	if m[k] == nil && cost >= threshold*(1-1e-12) {
		y := year
		m[k] = &y
	}
}

func basisText(basis string) string {
	switch basis {
	case CostBasisCloud:
		return "cloud rental prices (e.g. the Stanford AI Index); higher than amortised costs, while Epoch's 2.4x growth is fitted to amortised costs"
	case CostBasisAcquisition:
		return "hardware acquisition cost (the whole cluster's purchase price); far above amortised costs, while Epoch's 2.4x growth is fitted to amortised costs"
	}
	return "amortised hardware plus energy (Epoch AI, Cottier et al. 2024), the basis of the 2.4x per year growth"
}

// DefaultProjection returns the projection inputs the app starts from: the
// catalogue's amortised GPT-4 training cost (Epoch AI, model_costs.csv, 2023,
// about $40.7M), the catalogue's growth and its band (2.4x, 2.0-2.9x), until
// 2035. The error names a missing catalogue entry.
func DefaultProjection(cat *Catalog) (ProjectionInputs, error) {
	if cat == nil {
		return ProjectionInputs{}, fmt.Errorf("projection: no catalogue")
	}
	var base *CostPoint
	for i := range cat.CostPoints {
		cp := &cat.CostPoints[i]
		if cp.Basis == CostBasisAmortized && strings.EqualFold(strings.TrimSpace(cp.Model), "GPT-4") {
			base = cp
			break
		}
	}
	if base == nil {
		return ProjectionInputs{}, fmt.Errorf("projection: the catalogue lacks costPoints GPT-4 (amortized)")
	}
	return ProjectionInputs{
		BaseCostUSD: base.USD, BaseYear: base.Year, BaseModel: base.Model, Basis: base.Basis,
		Growth: cat.Macro.CostGrowth.Value, GrowthLow: cat.Macro.CostGrowthLow.Value,
		GrowthHigh: cat.Macro.CostGrowthHigh.Value, Until: 2035,
	}, nil
}
