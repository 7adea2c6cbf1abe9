package planner

import (
	"fmt"
	"math"
	"strings"
)

// Bubble-risk methods: how a year of AI capex turns into the revenue it
// needs. Each shares the year-by-year machinery of EvaluateGap (capex and
// revenue growth, horizon, cumulative gap, closesYear) and the revenue side
// (the table of companies or a single figure).
const (
	// MethodCahn is David Cahn's identity (Sequoia Capital, "AI's $200B
	// Question", September 2023, and "AI's $600B Question", 20 June 2024,
	// sequoiacap.com/article/ais-600b-question):
	//
	//	R = accelerator data-centre revenue run-rate / s / (1 - m)
	//
	// with s the GPU share of data-centre TCO and m the end user's gross
	// margin. Inputs: dc-revenue, gpu-share, margin, life.
	MethodCahn = "cahn"
	// MethodCapexReturn is Harris Kupperman's (Praetorian Capital, August
	// 2025, read in press coverage: futurism.com, marcellus.in):
	//
	//	R = (K / L + rho x K) / g
	//
	// with K the year's AI capex, L its useful life, rho the target return
	// on capital and g the gross margin on AI revenue (R is divided by g,
	// not by 1 - g). K = $400B, L = 10, g = 25% give $160B at rho = 0 and
	// $480B at rho = 20%. Year by year each capex vintage needs
	// K_v (1 / L + rho) / g a year for L years. Inputs: capex, life, return,
	// gross-margin.
	MethodCapexReturn = "capex-return"
	// MethodCapexRatio is Bain & Company's (Technology Report 2025,
	// 23 September 2025, read in press coverage: tomshardware.com,
	// cybernews.com):
	//
	//	R_t = K_t / c
	//
	// with c the sustainable capex-to-revenue ratio and no life or
	// vintages: $500B of capex a year at c = 0.25 needs $2T of revenue.
	// Inputs: capex, capex-revenue-ratio.
	MethodCapexRatio = "capex-ratio"
)

// Method input keys: the flags of 'aiplan gap' without dashes, as
// GapInputs.Validate names them (the cahn keys are in gaptornado.go).
const (
	GapKeyCapex             = "capex"
	GapKeyReturn            = "return"
	GapKeyGrossMargin       = "gross-margin"
	GapKeyCapexRevenueRatio = "capex-revenue-ratio"
	GapKeyPriorVintages     = "prior-vintages"
	GapKeyYear              = "year"
	GapKeyYears             = "years"
)

// Accepted ranges of the method inputs.
const (
	bubbleMaxReturn = 1
	bubbleMinGross  = 0.01
	bubbleMinRatio  = 0.01
	bubbleMaxRatio  = 10
)

// BubbleMethods lists the methods in the order of the issue.
func BubbleMethods() []string { return []string{MethodCahn, MethodCapexReturn, MethodCapexRatio} }

// MethodKeys returns the input keys that belong to method m (besides the
// keys common to all: year, ai-revenue, revenue, capex-growth,
// revenue-growth, years), in flag order; nil for an unknown method.
func MethodKeys(m string) []string {
	switch m {
	case "", MethodCahn:
		return []string{GapKeyDCRevenue, GapKeyGPUShare, GapKeyMargin, GapKeyLife, GapKeyPriorVintages}
	case MethodCapexReturn:
		return []string{GapKeyCapex, GapKeyLife, GapKeyReturn, GapKeyGrossMargin, GapKeyPriorVintages}
	case MethodCapexRatio:
		return []string{GapKeyCapex, GapKeyCapexRevenueRatio}
	case MethodPerGW:
		return []string{GapKeyGW, GapKeyAnnualCostPerGW, GapKeyMargin}
	}
	return nil
}

// MethodOf returns the method whose own inputs include key and that is
// not m, for error messages ("" when key is common to all methods).
func MethodOf(key, m string) string {
	for _, other := range GapMethods() {
		if other == m {
			continue
		}
		for _, k := range MethodKeys(other) {
			if k == key {
				return other
			}
		}
	}
	return ""
}

// method returns the method, cahn for "".
func (in *GapInputs) method() string {
	if in.Method == "" {
		return MethodCahn
	}
	return in.Method
}

// firstCapex is the first year's capex vintage: the accelerator run-rate
// for cahn, K otherwise.
func (in *GapInputs) firstCapex() float64 {
	switch in.method() {
	case MethodCahn:
		return in.DCRevenueUSD
	case MethodPerGW:
		return in.perGWCost()
	}
	return in.CapexUSD
}

// life is the life that spreads a vintage: 1 for capex-ratio (no vintages:
// each year's capex is set against that year's revenue).
func (in *GapInputs) life() float64 {
	if m := in.method(); m == MethodCapexRatio || m == MethodPerGW {
		return 1
	}
	return in.LifeYears
}

// vintageUSD is the revenue a vintage of capex needs over its whole life
// (spread by VintageWeight):
//
//	cahn          capex / s / (1 - m)
//	capex-return  capex x (1 / L + rho) x L / g = capex (1 + rho L) / g
//	capex-ratio   capex / c                     (all in its own year)
func (in *GapInputs) vintageUSD(capex float64) float64 {
	switch in.method() {
	case MethodCapexReturn:
		return capex * (1 + in.ReturnRate*in.LifeYears) / in.GrossMargin
	case MethodCapexRatio:
		return capex / in.CapexRevenueRatio
	case MethodPerGW:
		// PerGWRequiredRevenue with G x cost per GW = capex (the year's cost)
		return capex / (1 - in.Margin)
	}
	return RequiredRevenue(capex, in.GPUShare, in.Margin)
}

// KuppermanRequired is Kupperman's single-year identity
// R = (K / L + rho K) / g (see MethodCapexReturn).
func KuppermanRequired(capexUSD, lifeYears, rho, grossMargin float64) float64 {
	return (capexUSD/lifeYears + rho*capexUSD) / grossMargin
}

// BainRequired is Bain's identity R = K / c (see MethodCapexRatio).
func BainRequired(capexUSD, ratio float64) float64 { return capexUSD / ratio }

// methodInput returns whether key is set (non-zero) on in, and its value as
// text, for the foreign-input check.
func (in *GapInputs) methodInput(key string) (bool, string) {
	switch key {
	case GapKeyDCRevenue:
		return in.DCRevenueUSD != 0, FormatNumber(in.DCRevenueUSD)
	case GapKeyGPUShare:
		return in.GPUShare != 0, FormatNumber(in.GPUShare)
	case GapKeyMargin:
		return in.Margin != 0, FormatNumber(in.Margin)
	case GapKeyLife:
		return in.LifeYears != 0, FormatNumber(in.LifeYears)
	case GapKeyPriorVintages:
		return in.PriorVintages, "true"
	case GapKeyCapex:
		return in.CapexUSD != 0, FormatNumber(in.CapexUSD)
	case GapKeyReturn:
		return in.ReturnRate != 0, FormatNumber(in.ReturnRate)
	case GapKeyGrossMargin:
		return in.GrossMargin != 0, FormatNumber(in.GrossMargin)
	case GapKeyCapexRevenueRatio:
		return in.CapexRevenueRatio != 0, FormatNumber(in.CapexRevenueRatio)
	case GapKeyGW:
		return in.GW != 0, FormatNumber(in.GW)
	case GapKeyAnnualCostPerGW:
		return in.AnnualCostPerGWUSD != 0, FormatNumber(in.AnnualCostPerGWUSD)
	}
	return false, ""
}

var allMethodKeys = []string{GapKeyDCRevenue, GapKeyGPUShare, GapKeyMargin, GapKeyCapex, GapKeyLife,
	GapKeyReturn, GapKeyGrossMargin, GapKeyCapexRevenueRatio, GapKeyPriorVintages, GapKeyGW, GapKeyAnnualCostPerGW}

// validateMethod checks the method, that no input of another method is set
// (the error names the input and both methods), and the method's own
// inputs against their ranges.
func (in *GapInputs) validateMethod() error {
	m := in.method()
	own := MethodKeys(m)
	if own == nil {
		return choiceError("method", in.Method, GapMethods())
	}
	for _, k := range allMethodKeys {
		if set, v := in.methodInput(k); set && !containsKey(own, k) {
			return &FieldError{Field: k, Value: v, Msg: fmt.Sprintf("it is an input of method %s, not of method %s (whose inputs are %s)",
				MethodOf(k, m), m, strings.Join(own, ", "))}
		}
	}
	for _, k := range own {
		if err := in.checkMethodInput(k); err != nil {
			return err
		}
	}
	return nil
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

func (in *GapInputs) checkMethodInput(k string) error {
	switch k {
	case GapKeyDCRevenue:
		return checkRange(k, in.DCRevenueUSD, 0, gapMaxUSD, "0 to 1e15 USD per year")
	case GapKeyGPUShare:
		return checkRange(k, in.GPUShare, gapMinShare, 1, "0.01 to 1 (or 1% to 100%)")
	case GapKeyMargin:
		return checkRange(k, in.Margin, 0, gapMaxMargin, "0 to 0.99 (or 0% to 99%)")
	case GapKeyLife:
		return checkRange(k, in.LifeYears, gapMinLife, gapMaxLife, "0.25 to 50 years")
	case GapKeyCapex:
		return checkRange(k, in.CapexUSD, 0, gapMaxUSD, "0 to 1e15 USD per year")
	case GapKeyReturn:
		return checkRange(k, in.ReturnRate, 0, bubbleMaxReturn, "0 to 1 (or 0% to 100%) per year")
	case GapKeyGrossMargin:
		return checkRange(k, in.GrossMargin, bubbleMinGross, 1, "0.01 to 1 (or 1% to 100%)")
	case GapKeyCapexRevenueRatio:
		return checkRange(k, in.CapexRevenueRatio, bubbleMinRatio, bubbleMaxRatio, "0.01 to 10 (or 1% to 1000%)")
	case GapKeyGW:
		// the industry model's ranges of gw, annual-cost-per-gw and margin
		_, err := PerGWRequiredRevenue(in.GW, in.AnnualCostPerGWUSD, in.Margin)
		return err
	}
	return nil
}

// methodConvention states the method's formula and source in plain words.
func methodConvention(in *GapInputs) string {
	switch in.method() {
	case MethodCapexReturn:
		return "capex-return (Kupperman, Praetorian Capital 2025): required revenue = (K / L + return x K) / gross margin per year of each capex vintage's life"
	case MethodCapexRatio:
		return "capex-ratio (Bain & Company, Technology Report 2025): required revenue = capex / sustainable capex-to-revenue ratio, each year"
	case MethodPerGW:
		return "per-gw: required revenue = GW x annual cost of ownership per GW / (1 - margin), each year for the installed base (annual cost per GW: the industry model, Epoch AI 2026)"
	}
	return "required revenue = data-centre revenue run-rate / GPU share of TCO / (1 - end-user gross margin) per year of capex (Cahn, Sequoia 2023 and 2024)"
}

// finite reports whether v is a finite number (for indicators).
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// SetInput stores x as the input named key (the flags of 'aiplan gap'
// without dashes; GapKeyAIRevenue sets the override); the value is checked
// by Validate, except that year and years must be whole numbers.
func (in *GapInputs) SetInput(key string, x float64) error {
	switch key {
	case GapKeyYear, GapKeyYears:
		if x != math.Trunc(x) || math.Abs(x) > 1e6 {
			return &FieldError{Field: key, Value: FormatNumber(x), Msg: "accepted: a whole number"}
		}
		if key == GapKeyYear {
			in.Year = int(x)
		} else {
			in.Years = int(x)
		}
	case GapKeyAIRevenue:
		in.AIRevenueUSD = &x
	case GapKeyCapex:
		in.CapexUSD = x
	case GapKeyReturn:
		in.ReturnRate = x
	case GapKeyGrossMargin:
		in.GrossMargin = x
	case GapKeyCapexRevenueRatio:
		in.CapexRevenueRatio = x
	case GapKeyGW:
		in.GW = x
	case GapKeyAnnualCostPerGW:
		in.AnnualCostPerGWUSD = x
	default:
		if _, _, ok := gapLimits(key); !ok {
			return &FieldError{Field: key, Msg: "not a gap input"}
		}
		setGap(in, key, x)
	}
	return nil
}
