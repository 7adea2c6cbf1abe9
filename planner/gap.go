package planner

import (
	"fmt"
	"math"
	"strings"
)

// Gap preset IDs.
const (
	// GapPreset2023 is "AI's $200B Question" (David Cahn, Sequoia Capital,
	// September 2023): $50B run-rate -> $200B required, $125B hole.
	GapPreset2023 = "sequoia-2023"
	// GapPreset2024 is "AI's $600B Question" (David Cahn, Sequoia Capital,
	// 20 June 2024): $150B run-rate -> $600B required, $500B hole.
	GapPreset2024 = "sequoia-2024"
)

// GapPresetIDs lists the gap presets, oldest first.
func GapPresetIDs() []string { return []string{GapPreset2023, GapPreset2024} }

// GapMaxLifeYears is the longest depreciation life GapInputs.Validate
// accepts: with PriorVintages at most GapMaxLifeYears - 1 earlier vintages
// are live.
const GapMaxLifeYears = gapMaxLife

// Accepted ranges of the gap inputs. They keep every output finite.
const (
	gapMaxUSD      = 1e15
	gapMinShare    = 0.01
	gapMaxMargin   = 0.99
	gapMinGrowth   = 0.1
	gapMaxGrowth   = 100
	gapMinLife     = 0.25
	gapMaxLife     = 50
	gapMaxYears    = 200
	gapMinYear     = 1950
	gapMaxYear     = 2200
	gapMaxItems    = 1000
	gapOverflowUSD = 1e300
)

// RevenueItem is one line of the expected AI revenue table.
type RevenueItem struct {
	Name string  `json:"name"`
	USD  float64 `json:"usd"`
	// Other marks a balancing line that is not an identified company (for
	// the sequoia-2024 preset, Cahn's rounding of the listed $70B to ~$100B).
	// EvaluateGap reports the sum without such lines as ItemisedRevenueUSD.
	Other bool `json:"other,omitempty"`
	// Source is the catalogue source key of the amount, if any.
	Source string `json:"source,omitempty"`
}

// GapInputs are the parameters of the investment-versus-revenue gap model.
// Field names in errors are the flags of 'aiplan gap' without dashes:
// year, dc-revenue, gpu-share, margin, revenue, ai-revenue, life,
// capex-growth, revenue-growth, years.
type GapInputs struct {
	// Preset is the preset the inputs started from (informational).
	Preset string `json:"preset,omitempty"`
	// Year is the calendar year of the first row of the projection.
	Year int `json:"year"`
	// DCRevenueUSD is the accelerator (Nvidia) data-centre revenue run-rate
	// in USD per year: the capex of the first year's vintage.
	DCRevenueUSD float64 `json:"dcRevenueUSD"`
	// GPUShare is the GPU share of data-centre total cost of ownership, in (0, 1].
	GPUShare float64 `json:"gpuShare"`
	// Margin is the end user's gross margin, in [0, 1).
	Margin float64 `json:"margin"`
	// Revenue is the expected AI revenue table of the first year.
	Revenue []RevenueItem `json:"revenue,omitempty"`
	// AIRevenueUSD, when set, replaces the table's total as the first year's
	// AI revenue (the table is still reported).
	AIRevenueUSD *float64 `json:"aiRevenueUSD,omitempty"`
	// LifeYears is the depreciation life L of a capex vintage, in years.
	LifeYears float64 `json:"lifeYears"`
	// CapexGrowth multiplies the run-rate each year (1 = flat).
	CapexGrowth float64 `json:"capexGrowth"`
	// RevenueGrowth multiplies the AI revenue each year (1 = flat).
	RevenueGrowth float64 `json:"revenueGrowth"`
	// Years is the number of rows of the projection, starting at Year.
	Years int `json:"years"`
	// PriorVintages counts the capex vintages of the ceil(L) - 1 years
	// before Year (capex extrapolated backwards at CapexGrowth), so that the
	// first rows carry a steady-state load; false (the default, and the
	// presets) counts only the vintages from Year on.
	PriorVintages bool `json:"priorVintages,omitempty"`

	// Method is the bubble-risk method (see bubble.go): "" or MethodCahn
	// (the fields above), MethodCapexReturn or MethodCapexRatio (the fields
	// below). A field of another method must be left zero.
	Method string `json:"method,omitempty"`
	// CapexUSD is K, the first year's AI capex in USD (capex-return,
	// capex-ratio); it grows by CapexGrowth.
	CapexUSD float64 `json:"capexUSD,omitempty"`
	// ReturnRate is rho, the target return on capital per year
	// (capex-return), in [0, 1].
	ReturnRate float64 `json:"returnRate,omitempty"`
	// GrossMargin is g, the gross margin on AI revenue (capex-return), in
	// [0.01, 1]: required revenue is divided by g, not by 1 - g.
	GrossMargin float64 `json:"grossMargin,omitempty"`
	// CapexRevenueRatio is c, the sustainable capex-to-revenue ratio
	// (capex-ratio), in [0.01, 10].
	CapexRevenueRatio float64 `json:"capexRevenueRatio,omitempty"`
	// GW is the installed AI IT capacity and AnnualCostPerGWUSD its annual
	// cost of ownership per GW (per-gw, see MethodPerGW); GW grows by
	// CapexGrowth.
	GW                 float64 `json:"gw,omitempty"`
	AnnualCostPerGWUSD float64 `json:"annualCostPerGWUSD,omitempty"`
	// RevenueNotAI marks a revenue side that is not AI revenue (Bain's
	// funding sources); the coverage ratio is then null.
	RevenueNotAI bool `json:"revenueNotAI,omitempty"`
	// Source cites where the inputs come from (informational).
	Source string `json:"source,omitempty"`
}

// GapYear is one row of the year-by-year projection.
type GapYear struct {
	Year int `json:"year"`
	// CapexUSD is that year's data-centre revenue run-rate (its vintage).
	CapexUSD float64 `json:"capexUSD"`
	// RequiredRevenueUSD sums the live vintages' yearly requirement.
	RequiredRevenueUSD float64 `json:"requiredRevenueUSD"`
	RevenueUSD         float64 `json:"revenueUSD"`
	// GapUSD is RequiredRevenueUSD - RevenueUSD (negative when covered).
	GapUSD float64 `json:"gapUSD"`
	// CumulativeGapUSD sums GapUSD from the first row to this one.
	CumulativeGapUSD float64 `json:"cumulativeGapUSD"`
}

// GapResult is the evaluated gap model. The headline figures
// (RequiredRevenueUSD, AIRevenueUSD, GapUSD) are those of the first year.
type GapResult struct {
	// Method is the bubble-risk method, never empty (cahn for "").
	Method string    `json:"method"`
	Inputs GapInputs `json:"inputs"`
	// AICapexUSD is the first year's AI capex: run-rate / GPU share for
	// cahn (the data-centre cost), K otherwise.
	AICapexUSD float64 `json:"aiCapexUSD"`
	// CoverageRatio is the first year's AI revenue / AICapexUSD (Exponential
	// View's "industry strain" gauge); nil when the revenue side is not AI
	// revenue (RevenueNotAI) or the capex is 0.
	CoverageRatio *float64 `json:"coverageRatio"`
	// DataCentreCostUSD is the first vintage's total data-centre cost,
	// run-rate / GPU share (the first step of the waterfall).
	DataCentreCostUSD float64 `json:"dataCentreCostUSD"`
	// VintageRevenueUSD is the revenue the first vintage needs over its
	// whole life, run-rate / share / (1 - margin); with L = 1 it is all due
	// in the first year and equals RequiredRevenueUSD.
	VintageRevenueUSD  float64 `json:"vintageRevenueUSD"`
	RequiredRevenueUSD float64 `json:"requiredRevenueUSD"`
	AIRevenueUSD       float64 `json:"aiRevenueUSD"`
	GapUSD             float64 `json:"gapUSD"`
	// Revenue is the revenue table as given.
	Revenue []RevenueItem `json:"revenue"`
	// ItemisedRevenueUSD sums the table without Other lines; OtherRevenueUSD
	// sums the Other lines; TableRevenueUSD is their total.
	ItemisedRevenueUSD float64 `json:"itemisedRevenueUSD"`
	OtherRevenueUSD    float64 `json:"otherRevenueUSD"`
	TableRevenueUSD    float64 `json:"tableRevenueUSD"`
	// ItemisedGapUSD is RequiredRevenueUSD - ItemisedRevenueUSD: the gap
	// against the identified companies only (sequoia-2024: $530B).
	ItemisedGapUSD float64 `json:"itemisedGapUSD"`
	// RevenueOverridden reports that AIRevenueUSD replaced the table total.
	RevenueOverridden bool      `json:"revenueOverridden"`
	Years             []GapYear `json:"years"`
	// ClosesYear is the first year whose annual gap is <= 0; nil when the
	// gap does not close within the horizon.
	ClosesYear *int `json:"closesYear"`
	// GapToRevenue is the first-year bubble-risk ratio gap / AI revenue;
	// nil when the revenue is 0 (or so small the ratio is not finite).
	GapToRevenue *float64 `json:"gapToRevenue"`
	// YearsToClose is ClosesYear - Year; nil when the gap does not close.
	YearsToClose *int `json:"yearsToClose"`
	// Conventions states, in plain words, how each figure is computed.
	Conventions []string `json:"conventions"`
}

// RequiredRevenue returns the revenue a year of capex must earn over its life
// (David Cahn's identity, Sequoia Capital 2023 and 2024):
//
//	required = runRate / gpuShare / (1 - margin)
//
// With the defaults gpuShare = 0.5 (GPUs are half of data-centre TCO) and
// margin = 0.5 (the end user's gross margin) this is runRate x 2 x 2.
func RequiredRevenue(runRateUSD, gpuShare, margin float64) float64 {
	return runRateUSD / gpuShare / (1 - margin)
}

// VintageWeight returns the share of a capex vintage's lifetime revenue
// requirement that falls in the year at age (0 = the vintage's own year)
// under straight-line depreciation over lifeYears:
//
//	w(age) = min(1, L - age) / L   for 0 <= age < L
//	w(age) = 0                     otherwise
//
// A fractional life spreads the vintage over ceil(L) years with a partial last
// year, so the weights always sum to 1; a life below one year puts the whole
// requirement in the vintage's own year.
func VintageWeight(age int, lifeYears float64) float64 {
	a := float64(age)
	if age < 0 || a >= lifeYears {
		return 0
	}
	if lifeYears <= 1 {
		return 1
	}
	return math.Min(1, lifeYears-a) / lifeYears
}

// Validate checks the inputs against their accepted ranges and returns a
// *FieldError naming the first offending field.
func (in *GapInputs) Validate() error {
	if in.Year < gapMinYear || in.Year > gapMaxYear {
		return &FieldError{Field: "year", Value: fmt.Sprint(in.Year),
			Msg: fmt.Sprintf("accepted: a year from %d to %d", gapMinYear, gapMaxYear)}
	}
	if err := in.validateMethod(); err != nil {
		return err
	}
	if len(in.Revenue) > gapMaxItems {
		return &FieldError{Field: "revenue", Value: fmt.Sprint(len(in.Revenue)),
			Msg: fmt.Sprintf("accepted: at most %d items", gapMaxItems)}
	}
	for i, it := range in.Revenue {
		if err := checkRange("revenue", it.USD, 0, gapMaxUSD, "0 to 1e15 USD per item"); err != nil {
			fe := err.(*FieldError)
			fe.Msg = fmt.Sprintf("item %d (%s): %s", i+1, it.Name, fe.Msg)
			return fe
		}
	}
	if in.AIRevenueUSD != nil {
		if err := checkRange("ai-revenue", *in.AIRevenueUSD, 0, gapMaxUSD, "0 to 1e15 USD per year"); err != nil {
			return err
		}
	}
	if err := checkRange("capex-growth", in.CapexGrowth, gapMinGrowth, gapMaxGrowth, "0.1 to 100 (x per year)"); err != nil {
		return err
	}
	if err := checkRange("revenue-growth", in.RevenueGrowth, gapMinGrowth, gapMaxGrowth, "0.1 to 100 (x per year)"); err != nil {
		return err
	}
	if in.Years < 1 || in.Years > gapMaxYears {
		return &FieldError{Field: "years", Value: fmt.Sprint(in.Years),
			Msg: fmt.Sprintf("accepted: a whole number from 1 to %d", gapMaxYears)}
	}
	if in.Year+in.Years-1 > gapMaxYear+gapMaxYears {
		return &FieldError{Field: "years", Value: fmt.Sprint(in.Years), Msg: "accepted: a horizon ending by 2400"}
	}
	return nil
}

func checkRange(field string, v, lo, hi float64, accepted string) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return &FieldError{Field: field, Value: FormatNumber(v), Msg: "accepted: " + accepted}
	}
	return nil
}

// EvaluateGap runs the gap model. For the vintage of year t (t = 0 for the
// first row, negative before it) and the row of year y:
//
//	capex(t)     = DCRevenueUSD x CapexGrowth^t
//	vintage(t)   = RequiredRevenue(capex(t), GPUShare, Margin)
//	required(y)  = sum over t = t0..y of vintage(t) x VintageWeight(y - t, LifeYears)
//	revenue(y)   = AI revenue x RevenueGrowth^y
//	gap(y)       = required(y) - revenue(y)
//	cumulative(y) = gap(0) + ... + gap(y)
//
// where AI revenue is AIRevenueUSD when set, else the revenue table's total,
// and t0 is the first live vintage:
//
//	t0 = 0                   PriorVintages false: no vintages before the
//	                         first year, so with L > 1 the first rows carry
//	                         only part of a steady-state load
//	t0 = 1 - ceil(LifeYears) PriorVintages true: the earlier years' vintages,
//	                         capex extrapolated backwards at CapexGrowth, are
//	                         live too; then required(y) = required(0) x
//	                         CapexGrowth^y, and with flat capex every row
//	                         equals vintage(0), Cahn's single-year figure
//
// With L <= 1 both give the same rows; with L = 1 and growth 1 every row
// equals Cahn's single-year figure. ClosesYear is the first year with
// gap(y) <= 0. An error is a *FieldError; a projection that would exceed
// 1e300 USD names the growth that drives it.
func EvaluateGap(in GapInputs) (GapResult, error) {
	if err := in.Validate(); err != nil {
		return GapResult{}, err
	}
	r := GapResult{Inputs: in, Revenue: append([]RevenueItem{}, in.Revenue...)}
	for _, it := range in.Revenue {
		if it.Other {
			r.OtherRevenueUSD += it.USD
		} else {
			r.ItemisedRevenueUSD += it.USD
		}
	}
	r.TableRevenueUSD = r.ItemisedRevenueUSD + r.OtherRevenueUSD
	revenue0 := r.TableRevenueUSD
	if in.AIRevenueUSD != nil {
		revenue0 = *in.AIRevenueUSD
		r.RevenueOverridden = true
	}
	r.Method = in.method()
	capex0, life := in.firstCapex(), in.life()
	r.DataCentreCostUSD = capex0
	if r.Method == MethodCahn {
		r.DataCentreCostUSD = in.DCRevenueUSD / in.GPUShare
	}
	r.AICapexUSD = r.DataCentreCostUSD
	if r.Method == MethodPerGW {
		r.AICapexUSD = 0 // a yearly cost, not capex: no coverage ratio
	}
	r.VintageRevenueUSD = in.vintageUSD(capex0)

	vintages := make([]float64, in.Years)
	cumulative := 0.0
	r.Years = make([]GapYear, in.Years)
	for y := 0; y < in.Years; y++ {
		capex := capex0 * math.Pow(in.CapexGrowth, float64(y))
		vintages[y] = in.vintageUSD(capex)
		required := 0.0
		for t := 0; t <= y; t++ {
			required += vintages[t] * VintageWeight(y-t, life)
		}
		if in.PriorVintages {
			required += priorVintagesUSD(&in, y)
		}
		revenue := revenue0 * math.Pow(in.RevenueGrowth, float64(y))
		if !(required <= gapOverflowUSD) {
			return GapResult{}, &FieldError{Field: "capex-growth", Value: FormatNumber(in.CapexGrowth),
				Msg: fmt.Sprintf("accepted: a growth that keeps required revenue below 1e300 USD over %d years; lower it or --years", in.Years)}
		}
		if !(revenue <= gapOverflowUSD) {
			return GapResult{}, &FieldError{Field: "revenue-growth", Value: FormatNumber(in.RevenueGrowth),
				Msg: fmt.Sprintf("accepted: a growth that keeps revenue below 1e300 USD over %d years; lower it or --years", in.Years)}
		}
		gap := required - revenue
		cumulative += gap
		r.Years[y] = GapYear{Year: in.Year + y, CapexUSD: capex, RequiredRevenueUSD: required,
			RevenueUSD: revenue, GapUSD: gap, CumulativeGapUSD: cumulative}
		if r.ClosesYear == nil && gap <= 0 {
			cy, n := in.Year+y, y
			r.ClosesYear, r.YearsToClose = &cy, &n
		}
	}
	first := r.Years[0]
	r.RequiredRevenueUSD = first.RequiredRevenueUSD
	r.AIRevenueUSD = first.RevenueUSD
	r.GapUSD = first.GapUSD
	r.ItemisedGapUSD = first.RequiredRevenueUSD - r.ItemisedRevenueUSD
	if ratio := first.GapUSD / first.RevenueUSD; first.RevenueUSD > 0 && !math.IsInf(ratio, 0) {
		r.GapToRevenue = &ratio
	}
	if cov := first.RevenueUSD / r.AICapexUSD; !in.RevenueNotAI && r.AICapexUSD > 0 && !math.IsInf(cov, 0) {
		r.CoverageRatio = &cov
	}
	r.Conventions = gapConventions(&in, &r)
	return r, nil
}

// priorVintagesUSD returns the part of row y's requirement due to the
// vintages before the first year: vintage(t) x VintageWeight(y - t, L) for
// t = 1 - ceil(L) .. -1 (see EvaluateGap).
func priorVintagesUSD(in *GapInputs, y int) float64 {
	sum, life := 0.0, in.life()
	for age := y + 1; float64(age) < life; age++ {
		capex := in.firstCapex() * math.Pow(in.CapexGrowth, float64(y-age))
		sum += in.vintageUSD(capex) * VintageWeight(age, life)
	}
	return sum
}

func gapConventions(in *GapInputs, r *GapResult) []string {
	c := []string{methodConvention(in)}
	if r.Method == MethodCapexRatio {
		c = append(c, "capex-ratio: no depreciation life or vintages; each year's capex needs capex / c of revenue that year")
	} else if r.Method == MethodPerGW {
		c = append(c, "per-gw: no vintages; the installed GW (grown by capex-growth) is costed whole each year; capexUSD rows are that annual cost of ownership; coverageRatio is null (a cost, not capex)")
	} else if in.LifeYears == 1 {
		c = append(c, "depreciation life L = 1: each year's capex is set against one year of revenue, Cahn's convention; the presets reproduce his published figures")
	} else {
		c = append(c, fmt.Sprintf("depreciation life L = %s years: each vintage needs 1/L of its lifetime requirement per year for ceil(L) years (partial last year); Cahn's published figures use L = 1, Kupperman's L = 10",
			FormatNumber(in.LifeYears)))
		if in.PriorVintages {
			c = append(c, fmt.Sprintf("earlier capex vintages counted (steady state): the vintages of the ceil(L) - 1 years before %d are live too, their capex extrapolated backwards as run-rate x capex growth^(year - %d); with flat capex every year carries Cahn's single-year figure",
				in.Year, in.Year))
		} else {
			c = append(c, fmt.Sprintf("no capex vintages before %d: with L > 1 the first years carry only the vintages since then (--prior-vintages counts the earlier ones)", in.Year))
		}
	}
	if in.RevenueNotAI {
		c = append(c, "the revenue side is not AI revenue (funding sources), so coverageRatio is null")
	}
	if r.RevenueOverridden {
		c = append(c, "AI revenue: --ai-revenue replaces the table total; itemisedGapUSD still uses the listed items")
	} else if r.OtherRevenueUSD != 0 {
		c = append(c, fmt.Sprintf("gapUSD uses the table total including the other line (%s); itemisedGapUSD uses the listed items only (%s)",
			HumanUSD(r.TableRevenueUSD), HumanUSD(r.ItemisedRevenueUSD)))
	}
	c = append(c, "capex and AI revenue grow by their multipliers each year; gapUSD and requiredRevenueUSD are the first year's; closesYear is the first year with gap <= 0")
	return c
}

// GapPreset returns the inputs of a published Sequoia figure, built from the
// catalogue's macro figures; the error names a missing key. Both presets use
// L = 1, flat capex and revenue (Cahn's "each year of CapEx at today's
// levels") and a 5-year horizon.
//
//	sequoia-2023: $50B run-rate / 0.5 / (1 - 0.5) = $200B; AI revenue $75B
//	              (derived, 200 - 125); gap $125B
//	sequoia-2024: $150B / 0.5 / (1 - 0.5) = $600B; ten listed companies sum
//	              to $70B, plus an Other line of $30B (Cahn's rounding to
//	              ~$100B); gap $500B, $530B against the listed items only
func GapPreset(cat *Catalog, id string) (GapInputs, error) {
	if cat == nil {
		return GapInputs{}, fmt.Errorf("gap preset %s: no catalogue", id)
	}
	var missing []string
	get := func(key string) Figure {
		f, ok := cat.Macro.Figures[key]
		if !ok {
			missing = append(missing, "macro.figures."+key)
		}
		return f
	}
	in := GapInputs{Preset: id, LifeYears: 1, CapexGrowth: 1, RevenueGrowth: 1, Years: 5}
	share, margin := get("sequoia.gpuShareOfTCO"), get("sequoia.endUserGrossMargin")
	in.GPUShare, in.Margin = share.Value, margin.Value
	switch id {
	case GapPreset2023:
		in.Year = 2023
		dc, ai := get("sequoia2023.dcRevenueUSD"), get("sequoia2023.aiRevenueUSD")
		in.DCRevenueUSD = dc.Value
		in.Revenue = []RevenueItem{{Name: "Identifiable AI revenue (derived: $200B required - $125B hole)",
			USD: ai.Value, Source: ai.Source}}
	case GapPreset2024:
		in.Year = 2024
		dc := get("sequoia2024.dcRevenueUSD")
		in.DCRevenueUSD = dc.Value
		listed := 0.0
		for _, co := range sequoia2024Companies {
			f := get("sequoia2024.revenue." + co.key)
			in.Revenue = append(in.Revenue, RevenueItem{Name: co.name, USD: f.Value, Source: f.Source})
			listed += f.Value
		}
		rounded := get("sequoia2024.aiRevenueRoundedUSD")
		in.Revenue = append(in.Revenue, RevenueItem{Name: "Other (Cahn's rounding to ~$100B)",
			USD: rounded.Value - listed, Other: true, Source: rounded.Source})
	default:
		return GapInputs{}, choiceError("preset", id, GapPresetIDs())
	}
	if len(missing) > 0 {
		return GapInputs{}, fmt.Errorf("gap preset %s: the catalogue lacks %s", id, strings.Join(missing, ", "))
	}
	return in, nil
}

var sequoia2024Companies = []struct{ key, name string }{
	{"google", "Google"}, {"microsoft", "Microsoft"}, {"apple", "Apple"}, {"meta", "Meta"},
	{"oracle", "Oracle"}, {"bytedance", "ByteDance"}, {"alibaba", "Alibaba"},
	{"tencent", "Tencent"}, {"x", "X"}, {"tesla", "Tesla"},
}
