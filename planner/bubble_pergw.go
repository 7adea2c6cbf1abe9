package planner

import (
	"fmt"
	"math"
	"strings"
)

// MethodPerGW reads the gap from the installed capacity instead of the
// capex (issue 16; industry.go):
//
//	R = G x annual cost of ownership per GW / (1 - margin)
//
// with G the AI data-centre IT capacity in GW, the annual cost per GW from
// EvaluateIndustry (Epoch AI's 1 GW campus, 2026-05-14: about $8.5B a
// GW-year) and m the end user's gross margin (Cahn's 50%): $17.0B per GW.
// The installed base grows by capex-growth a year and is costed whole each
// year (no vintages, as capex-ratio). Inputs: gw, annual-cost-per-gw,
// margin. It is a method of 'aiplan gap' (GapMethods); the bubble-risk
// scenarios of a file keep to BubbleMethods.
const MethodPerGW = "per-gw"

// Input keys of the per-gw method (the flags of 'aiplan gap').
const (
	GapKeyGW               = "gw"
	GapKeyAnnualCostPerGW  = "annual-cost-per-gw"
	perGWStartYear         = 2026
	perGWDefaultHorizonYrs = 5
)

// GapMethods lists every method of 'aiplan gap': the bubble-risk methods
// and per-gw.
func GapMethods() []string { return append(BubbleMethods(), MethodPerGW) }

// PerGWGapInputs starts a per-gw gap model from an evaluated industry
// build-out ind (its GW and annual cost per GW) and the catalogue's end-user
// gross margin (Cahn's): first year 2026 (Epoch's campus year), flat, five
// years, no revenue side (give one with ai-revenue).
func PerGWGapInputs(cat *Catalog, ind IndustryResult, source string) (GapInputs, error) {
	if cat == nil {
		return GapInputs{}, fmt.Errorf("gap method %s: no catalogue", MethodPerGW)
	}
	margin, ok := cat.Macro.Figures["sequoia.endUserGrossMargin"]
	if !ok {
		return GapInputs{}, fmt.Errorf("gap method %s: the catalogue lacks macro.figures.sequoia.endUserGrossMargin", MethodPerGW)
	}
	in := GapInputs{Method: MethodPerGW, Year: perGWStartYear, Years: perGWDefaultHorizonYrs, CapexGrowth: 1, RevenueGrowth: 1,
		GW: ind.GW, AnnualCostPerGWUSD: ind.AnnualCostPerGWUSD, Margin: margin.Value,
		Source: source + "; margin: Cahn's end-user gross margin (Sequoia 2024)"}
	return in, in.Validate()
}

// checkFileMethod refuses per-gw in a scenario file: the window's tab and
// the workbook's sheet model the bubble-risk methods only.
func (in *GapInputs) checkFileMethod() error {
	if in.Method != MethodPerGW {
		return nil
	}
	return &FieldError{Field: "method", Value: MethodPerGW,
		Msg: "is a method of 'aiplan gap' only; accepted in a file: " + strings.Join(BubbleMethods(), ", ")}
}

// perGWCost is the installed base's annual cost of ownership, the yearly
// quantity the per-gw method grows (its "capex" row).
func (in *GapInputs) perGWCost() float64 { return in.GW * in.AnnualCostPerGWUSD }

// BubbleBuildOut is a bubble-risk scenario's capex read as a build-out:
// its yearly AI data-centre capex in GW at CapexPerGWUSD and the installed
// base's energy, carbon and water a year (BuildOut).
type BubbleBuildOut struct {
	CapexPerGWUSD float64 `json:"capexPerGWUSD"`
	// Basis says which capex of the scenario was read (per method).
	Basis string         `json:"basis"`
	Years []BuildOutYear `json:"years"`
}

// ScenarioBuildOut reads the capex of an evaluated gap model r as a
// build-out with ind's capex per GW, PUE, energy and water inputs:
//
//	cahn          data-centre capex = run-rate / GPU share (Cahn's identity)
//	capex-return  the year's AI capex K
//	capex-ratio   the year's AI capex K
//	per-gw        the added GW (installed GW grows by capex-growth) x capex per GW
func ScenarioBuildOut(ind IndustryInputs, r *GapResult) (BubbleBuildOut, error) {
	in := &r.Inputs
	out := BubbleBuildOut{CapexPerGWUSD: ind.CapexPerGWUSD}
	series := make([]YearCapex, len(r.Years))
	prevGW := 0.0
	for i, y := range r.Years {
		capex := y.CapexUSD
		switch r.Method {
		case MethodCahn:
			capex, out.Basis = y.CapexUSD/in.GPUShare, "data-centre capex = accelerator run-rate / GPU share of TCO"
		case MethodPerGW:
			gw := in.GW * math.Pow(in.CapexGrowth, float64(i))
			capex, out.Basis = CapexFromGW(max(gw-prevGW, 0), ind.CapexPerGWUSD), "added GW x capex per GW"
			prevGW = gw
		default:
			out.Basis = "the scenario's AI capex"
		}
		series[i] = YearCapex{Year: y.Year, CapexUSD: capex}
	}
	years, err := BuildOut(ind, series)
	out.Years = years
	return out, err
}
