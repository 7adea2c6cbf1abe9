package main

import (
	"fmt"
	"math"
	"testing"

	"aiplan/planner"
)

// Issue 15 item 7: the hand-written report encoder of 'estimate
// --scenarios --json' writes exactly what the general path writes
// (planner.ConvertJSON, then json.Marshal), for every accelerator of the
// catalogue, in every currency, nominal and in constant dollars, with the
// optional inputs that change the report's shape (staff cost, experiments,
// disclosed GPU-hours, FP8, epoch depreciation, financing).
func TestReportEncoderMatchesConvertJSON(t *testing.T) {
	cat := embeddedCatalog(t)
	bases := []map[string]string{
		{},
		{"currency": "EUR"},
		{"currency": "GBP"},
		{"dollar-year": "2024"},
		{"currency": "EUR", "dollar-year": "2020", "deflator": "cpi-u"},
	}
	variants := []planner.Scenario{
		{Name: "dense", Values: map[string]float64{"params": 70e9, "tokens": 15e12, "gpus": 2048}},
		{Name: "programme <R&D> \u00e9t\u00e9 \"q\"", Values: map[string]float64{"params": 405e9, "active-params": 100e9,
			"tokens-per-param": 20, "gpus": 16384, "experiments": 2.5, "staff-cost": 3e6, "wacc": 0.08, "residual-value": 0.1}},
		{Name: "", Depreciation: planner.DepreciationEpoch, PriceTier: "on-demand",
			Values: map[string]float64{"gpu-hours": 3.1e6, "gpus": 1000, "gpu-hour-price": 2.5, "wacc": 0.1}},
		{Name: "tiny", Values: map[string]float64{"flops": 1e16, "gpus": 1, "efficiency": 3}},
	}
	for _, set := range bases {
		basis, err := currencyFromFlags(func(k string) (string, bool) { v, ok := set[k]; return v, ok })
		if err != nil {
			t.Fatal(err)
		}
		enc, err := newReportEncoder(basis.cur, false)
		if err != nil {
			t.Fatal(err)
		}
		indented, err := newReportEncoder(basis.cur, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, acc := range cat.Accelerators {
			for i, sc := range variants {
				sc.GPU = acc.ID
				if i == 1 && acc.PeakFP8 != nil {
					sc.Precision = planner.PrecisionFP8
				}
				t.Run(fmt.Sprintf("%v/%s/%d", set, acc.ID, i), func(t *testing.T) {
					r, res, err := planner.Estimate(cat, &sc)
					if err != nil {
						t.Skipf("not a valid scenario on %s: %v", acc.ID, err)
					}
					rep := uncertainReport{Report: planner.NewReport(sc.Name, r, res)}
					if err := deflateReports(basis, &rep.Report); err != nil {
						t.Fatalf("not deflatable: %v", err)
					}
					want, err := convertedJSON(rep, false, basis.cur)
					if err != nil {
						t.Fatal(err)
					}
					got, ok := enc.appendReport(nil, &rep.Report)
					if !ok || string(got) != string(want) {
						t.Errorf("compact: ok %v\n got %s\nwant %s", ok, got, want)
					}
					want = appendIndent(nil, want, "  ", "  ")
					got, ok = indented.appendReport(nil, &rep.Report)
					if !ok || string(got) != string(want) {
						t.Errorf("indented: ok %v\n got %s\nwant %s", ok, got, want)
					}
				})
			}
		}
	}
}

// The encoder refuses what it does not know, so the caller takes the
// general path: an input value that is neither number nor text, a key
// ConvertJSON would rename, a number JSON cannot hold.
func TestReportEncoderRefusesTheUnexpected(t *testing.T) {
	cat := embeddedCatalog(t)
	sc := planner.Scenario{Name: "x", GPU: "h100", Values: map[string]float64{"params": 7e9, "tokens": 1e12, "gpus": 64}}
	enc, err := newReportEncoder(planner.NominalUSD(), true)
	if err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func(*planner.Report){
		"int value":   func(r *planner.Report) { r.Inputs["gpus"] = planner.Resolved{Value: 64} },
		"USD key":     func(r *planner.Report) { r.Inputs["priceUSD"] = planner.Resolved{Value: 1.0} },
		"path key":    func(r *planner.Report) { r.Inputs["costUSD.cloud"] = planner.Resolved{Value: 1.0} },
		"currency":    func(r *planner.Report) { r.Inputs["currency"] = planner.Resolved{Value: "EUR"} },
		"escaped key": func(r *planner.Report) { r.Inputs["a<b"] = planner.Resolved{Value: 1.0} },
		"NaN total":   func(r *planner.Report) { r.GPUHours = math.NaN() },
		"NaN input":   func(r *planner.Report) { r.Inputs["mfu"] = planner.Resolved{Value: math.NaN()} },
		"Inf in cost": func(r *planner.Report) { r.WithExperiments.CostUSD.Cloud = math.Inf(1) },
	} {
		t.Run(name, func(t *testing.T) {
			r, res, err := planner.Estimate(cat, &sc)
			if err != nil {
				t.Fatal(err)
			}
			rep := planner.NewReport(sc.Name, r, res)
			if _, ok := enc.appendReport(nil, &rep); !ok {
				t.Fatal("unspoilt report refused")
			}
			spoil(&rep)
			if _, ok := enc.appendReport(nil, &rep); ok {
				t.Error("accepted; want the general path")
			}
		})
	}
	if _, err := newReportEncoder(planner.Currency{Code: "EUR"}, false); err == nil {
		t.Error("rate 0 accepted")
	}
}

// A report with no inputs, or an empty map of them, is written as the
// general path writes it ("null", "{}"), compact and indented.
func TestReportEncoderEmptyInputs(t *testing.T) {
	cat := embeddedCatalog(t)
	sc := planner.Scenario{Name: "x", GPU: "h100", Values: map[string]float64{"params": 7e9, "tokens": 1e12, "gpus": 64}}
	r, res, err := planner.Estimate(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]map[string]planner.Resolved{"nil": nil, "empty": {}} {
		rep := planner.NewReport("x", r, res)
		rep.Inputs = in
		want, err := convertedJSON(uncertainReport{Report: rep}, false, planner.NominalUSD())
		if err != nil {
			t.Fatal(err)
		}
		for _, indented := range []bool{false, true} {
			enc, err := newReportEncoder(planner.NominalUSD(), indented)
			if err != nil {
				t.Fatal(err)
			}
			w := want
			if indented {
				w = appendIndent(nil, want, "  ", "  ")
			}
			if got, ok := enc.appendReport(nil, &rep); !ok || string(got) != string(w) {
				t.Errorf("%s inputs, indented %v: ok %v\n got %s\nwant %s", name, indented, ok, got, w)
			}
		}
	}
}
