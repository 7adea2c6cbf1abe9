package planner_test

import (
	"math"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func TestDeflateEpochGPT4(t *testing.T) {
	// Epoch AI states GPT-4's cloud cost as $78.4M (AI Index 2024, 2023
	// dollars) and deflates with PCU518210518210: value x index(to) /
	// index(from). Their snapshot's monthly values average 118.126 over 2023
	// and 119.599 over 2024 (hand mean of the twelve months each), so in
	// 2024 dollars: 78.4M x 119.599 / 118.126 = $79.378M; back to 2020
	// (114.050): 78.4M x 114.050 / 118.126 = $75.695M. With CPI-U annual
	// averages (304.702 -> 313.689): 78.4M x 1.029494 = $80.712M.
	m := money(t)
	cases := []struct {
		name     string
		deflator string
		from, to int
		want     float64
	}{
		{"PPI 2023 to 2024", "ppi-data-processing", 2023, 2024, 78.4e6 * 119.599 / 118.126},
		{"PPI 2023 to 2020", "ppi-data-processing", 2023, 2020, 78.4e6 * 114.050 / 118.126},
		{"CPI-U 2023 to 2024", "cpi-u", 2023, 2024, 78.4e6 * 313.689 / 304.702},
		{"same year", "cpi-u", 2023, 2023, 78.4e6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := planner.DeflateFactor(m, c.deflator, c.from, c.to)
			if err != nil {
				t.Fatal(err)
			}
			if got := 78.4e6 * f; math.Abs(got-c.want) > 1 {
				t.Errorf("want $%.0f, got $%.0f", c.want, got)
			}
		})
	}
	// Against Epoch's own monthly method, Mar 2023 (117.766) to Jun 2024
	// (119.644): annual means differ by 0.35% (under 0.5%).
	f, _ := planner.DeflateFactor(m, "ppi-data-processing", 2023, 2024)
	if monthly := 119.644 / 117.766; math.Abs(f/monthly-1) > 0.005 {
		t.Errorf("annual factor %.5f vs Epoch's monthly %.5f: more than 0.5%% apart", f, monthly)
	}
	if _, err := planner.DeflateFactor(m, "ppi-data-processing", 2010, 2024); planner.ErrField(err) != "price-year" {
		t.Errorf("2010 price: want a price-year error, got %v", err)
	}
}

func TestDeflateReport(t *testing.T) {
	m := money(t)
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	sc := planner.Scenario{GPU: "h100"}
	sc.Set(planner.KeyParams, 70e9)
	sc.Set(planner.KeyTokens, 2e12)
	sc.Set(planner.KeyGPUs, 1000)
	r, res, err := planner.Estimate(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	rep := planner.NewReport("", r, res)
	nominal := rep.CostUSD
	cur, err := planner.ResolveCurrency(m, "USD", 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	steps, err := planner.DeflateReport(m, cur, &rep)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{}
	for _, s := range steps {
		d := m.Deflator("ppi-data-processing")
		vf, _ := d.Value(s.PriceYear)
		vt, _ := d.Value(2024)
		if math.Abs(s.Factor-vt/vf) > 1e-12 {
			t.Errorf("%s (%d): factor %.6f, want %.6f", s.Input, s.PriceYear, s.Factor, vt/vf)
		}
		want[s.Input] = s.Factor
	}
	if f := want[planner.KeyGPUHourPrice]; math.Abs(rep.CostUSD.Cloud-nominal.Cloud*f) > 1e-6*nominal.Cloud {
		t.Errorf("cloud: want %.0f, got %.0f", nominal.Cloud*f, rep.CostUSD.Cloud)
	}
	if f := want[planner.KeyGPUPrice]; math.Abs(rep.CostUSD.Purchase-nominal.Purchase*f) > 1e-6*nominal.Purchase {
		t.Errorf("purchase: want %.0f, got %.0f", nominal.Purchase*f, rep.CostUSD.Purchase)
	}
	b := rep.CostBreakdownUSD
	if sum := b.AmortizedAccelerators + b.AmortizedServerInterconnect + b.Energy + b.Financing; math.Abs(sum-rep.CostUSD.Amortized) > 1e-6 {
		t.Errorf("amortized %.0f is not the sum of its parts %.0f", rep.CostUSD.Amortized, sum)
	}
}

// TestDeflateNewerThanIndex: every catalogue accelerator deflates to a
// covered dollar year, including those whose cloud price is dated after
// the index's last annual value (b200's 2026 rate, the PPI to 2025): such
// a price is taken at the index's latest level, and the step says so.
func TestDeflateNewerThanIndex(t *testing.T) {
	m := money(t)
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	_, hi := m.Deflator("ppi-data-processing").Span()
	cur, err := planner.ResolveCurrency(m, "USD", 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	newer := 0
	for _, id := range cat.AcceleratorIDs() {
		sc := planner.Scenario{GPU: id}
		sc.Set(planner.KeyFLOPs, 1e24)
		sc.Set(planner.KeyGPUs, 1000)
		r, res, err := planner.Estimate(cat, &sc)
		if err != nil {
			continue // a chip without a cloud row or price: not this test's concern
		}
		rep := planner.NewReport("", r, res)
		steps, err := planner.DeflateReport(m, cur, &rep)
		if err != nil {
			t.Errorf("%s: dollar year 2024: %v", id, err)
			continue
		}
		for _, s := range steps {
			if s.PriceYear > hi {
				newer++
				if s.Note == "" {
					t.Errorf("%s %s dated %d: want a note on the index's last year %d", id, s.Input, s.PriceYear, hi)
				}
			}
		}
	}
	if newer == 0 {
		t.Errorf("want at least one catalogue price dated after %d (the case this test covers)", hi)
	}
}
