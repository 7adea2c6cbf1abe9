package planner_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func gapPtr[T any](v T) *T { return &v }

func gapCatalog(t *testing.T) *planner.Catalog {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	return cat
}

// TestGapPresets checks that the presets reproduce David Cahn's published
// figures to the dollar.
func TestGapPresets(t *testing.T) {
	cat := gapCatalog(t)
	cases := []struct {
		id                    string
		year                  int
		required, ai, gap     float64
		itemised, itemisedGap float64
		other                 float64
		items                 int
	}{
		// "AI's $200B Question", Sequoia, Sept 2023: 50 x 2 x 2 = 200;
		// hole $125B, so AI revenue 200 - 125 = 75 (derived).
		{id: "sequoia-2023", year: 2023, required: 200e9, ai: 75e9, gap: 125e9,
			itemised: 75e9, itemisedGap: 125e9, other: 0, items: 1},
		// "AI's $600B Question", Sequoia, 20 June 2024: 150 x 2 x 2 = 600;
		// listed companies 4 x 10 + 6 x 5 = 70, rounded to ~100 ("$500B
		// hole"); 600 - 70 = 530 against the listed items.
		{id: "sequoia-2024", year: 2024, required: 600e9, ai: 100e9, gap: 500e9,
			itemised: 70e9, itemisedGap: 530e9, other: 30e9, items: 11},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			in, err := planner.GapPreset(cat, c.id)
			if err != nil {
				t.Fatalf("%s: %v", c.id, err)
			}
			if in.LifeYears != 1 || in.Year != c.year || len(in.Revenue) != c.items {
				t.Errorf("%s: want L=1, year %d, %d items; got L=%g, year %d, %d items",
					c.id, c.year, c.items, in.LifeYears, in.Year, len(in.Revenue))
			}
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatalf("%s: %v", c.id, err)
			}
			for _, f := range []struct {
				name      string
				want, got float64
			}{
				{"requiredRevenueUSD", c.required, r.RequiredRevenueUSD},
				{"aiRevenueUSD", c.ai, r.AIRevenueUSD},
				{"gapUSD", c.gap, r.GapUSD},
				{"itemisedRevenueUSD", c.itemised, r.ItemisedRevenueUSD},
				{"itemisedGapUSD", c.itemisedGap, r.ItemisedGapUSD},
				{"otherRevenueUSD", c.other, r.OtherRevenueUSD},
				{"years[0].gapUSD", c.gap, r.Years[0].GapUSD},
				{"years[0].requiredRevenueUSD", c.required, r.Years[0].RequiredRevenueUSD},
			} {
				if math.Abs(f.got-f.want) >= 0.5 { // to the dollar
					t.Errorf("%s: %s: want %.0f, got %.0f", c.id, f.name, f.want, f.got)
				}
			}
			// The catalogue's own headline figures agree with the model.
			prefix := map[string]string{"sequoia-2023": "sequoia2023.", "sequoia-2024": "sequoia2024."}[c.id]
			for key, got := range map[string]float64{"requiredRevenueUSD": r.RequiredRevenueUSD, "gapUSD": r.GapUSD} {
				if f, ok := cat.Macro.Figures[prefix+key]; !ok || math.Abs(f.Value-got) >= 0.5 {
					t.Errorf("%s: catalogue %s%s = %v, model %.0f", c.id, prefix, key, f.Value, got)
				}
			}
			if r.ClosesYear != nil {
				t.Errorf("%s: flat capex and revenue: want closesYear nil, got %d", c.id, *r.ClosesYear)
			}
		})
	}
}

func TestGapPresetErrors(t *testing.T) {
	cat := gapCatalog(t)
	if _, err := planner.GapPreset(cat, "sequoia-2025"); planner.ErrField(err) != "preset" {
		t.Errorf("unknown preset: want a preset field error, got %v", err)
	}
	// A catalogue without the figures names the missing key.
	empty := &planner.Catalog{}
	_, err := planner.GapPreset(empty, "sequoia-2024")
	if err == nil || !strings.Contains(err.Error(), "macro.figures.sequoia2024.dcRevenueUSD") {
		t.Errorf("empty catalogue: want an error naming sequoia2024.dcRevenueUSD, got %v", err)
	}
}

// flat600 is the sequoia-2024 arithmetic with explicit inputs: $150B
// run-rate, share 0.5, margin 0.5, so a vintage needs $600B over its life.
func flat600() planner.GapInputs {
	return planner.GapInputs{Year: 2024, DCRevenueUSD: 150e9, GPUShare: 0.5, Margin: 0.5,
		Revenue:   []planner.RevenueItem{{Name: "AI revenue", USD: 100e9}},
		LifeYears: 1, CapexGrowth: 1, RevenueGrowth: 1, Years: 4}
}

func TestGapProjection(t *testing.T) {
	type row struct{ required, revenue, gap, cumulative float64 } // $B
	cases := []struct {
		name   string
		edit   func(*planner.GapInputs)
		rows   []row
		closes *int
	}{
		// L = 1, flat: every year is Cahn's 600 - 100 = 500.
		{name: "L1 flat", edit: func(in *planner.GapInputs) {},
			rows: []row{{600, 100, 500, 500}, {600, 100, 500, 1000}, {600, 100, 500, 1500}, {600, 100, 500, 2000}}},
		// L = 3, flat. Each vintage needs 600/3 = 200 a year for 3 years and
		// none exists before 2024: 200, 200+200, 3 x 200, 3 x 200.
		{name: "L3 flat", edit: func(in *planner.GapInputs) { in.LifeYears = 3 },
			rows: []row{{200, 100, 100, 100}, {400, 100, 300, 400}, {600, 100, 500, 900}, {600, 100, 500, 1400}}},
		// L = 2.5, flat. Weights by age 1/2.5, 1/2.5, 0.5/2.5 = 0.4, 0.4, 0.2:
		// 240, 480, 600, 600.
		{name: "L2.5 flat", edit: func(in *planner.GapInputs) { in.LifeYears = 2.5 },
			rows: []row{{240, 100, 140, 140}, {480, 100, 380, 520}, {600, 100, 500, 1020}, {600, 100, 500, 1520}}},
		// L = 0.25 puts the whole vintage in its own year, like L = 1.
		{name: "L0.25 flat", edit: func(in *planner.GapInputs) { in.LifeYears = 0.25 },
			rows: []row{{600, 100, 500, 500}, {600, 100, 500, 1000}, {600, 100, 500, 1500}, {600, 100, 500, 2000}}},
		// L = 1, revenue doubling: 100, 200, 400, 800 against 600; the gap
		// 500, 400, 200, -200 closes in 2027.
		{name: "L1 revenue 2x", edit: func(in *planner.GapInputs) { in.RevenueGrowth = 2 },
			rows:   []row{{600, 100, 500, 500}, {600, 200, 400, 900}, {600, 400, 200, 1100}, {600, 800, -200, 900}},
			closes: gapPtr(2027)},
		// L = 3, capex 1.5x, revenue 2x, 7 years. Vintages 600, 900, 1350,
		// 2025, 3037.5, 4556.25, 6834.375; required = (sum of the last three)/3:
		// 200, 500, 950, 1425, 2137.5, 3206.25, 4809.375. Revenue 100 x 2^t:
		// 100, 200, 400, 800, 1600, 3200, 6400. Gap 100, 300, 550, 625,
		// 537.5, 6.25, -1590.625; closes 2030.
		{name: "L3 capex 1.5x revenue 2x", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.RevenueGrowth, in.Years = 3, 1.5, 2, 7
		},
			rows: []row{{200, 100, 100, 100}, {500, 200, 300, 400}, {950, 400, 550, 950},
				{1425, 800, 625, 1575}, {2137.5, 1600, 537.5, 2112.5}, {3206.25, 3200, 6.25, 2118.75},
				{4809.375, 6400, -1590.625, 528.125}},
			closes: gapPtr(2030)},
		// Earlier vintages counted, L = 6, flat: six live vintages of
		// 600/6 = 100 each, so every year is Cahn's steady-state 600 and the
		// gap 500 (without them 2024 would need only 100, a gap of 0).
		{name: "L6 flat prior", edit: func(in *planner.GapInputs) { in.LifeYears, in.PriorVintages = 6, true },
			rows: []row{{600, 100, 500, 500}, {600, 100, 500, 1000}, {600, 100, 500, 1500}, {600, 100, 500, 2000}}},
		// Earlier vintages counted, L = 2.5, flat: weights 0.4 + 0.4 + 0.2 = 1,
		// so 600 every year.
		{name: "L2.5 flat prior", edit: func(in *planner.GapInputs) { in.LifeYears, in.PriorVintages = 2.5, true },
			rows: []row{{600, 100, 500, 500}, {600, 100, 500, 1000}, {600, 100, 500, 1500}, {600, 100, 500, 2000}}},
		// Earlier vintages counted, L = 3, capex 1.5x: the 2022 and 2023
		// vintages are 600/1.5^2 and 600/1.5, so 2024 needs
		// 600/3 x (1 + 1/1.5 + 1/2.25) = 200 x 19/9 = 3800/9 = 422.2B and each
		// later year 1.5 times the one before: 5700/9, 950, 1425 (from 2026 on
		// as without them). Gap: 2900/9, 4800/9, 850, 1325; cumulative 2900/9,
		// 7700/9, 15350/9, 27275/9.
		{name: "L3 capex 1.5x prior", edit: func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.PriorVintages = 3, 1.5, true
		},
			rows: []row{{3800.0 / 9, 100, 2900.0 / 9, 2900.0 / 9}, {5700.0 / 9, 100, 4800.0 / 9, 7700.0 / 9},
				{950, 100, 850, 15350.0 / 9}, {1425, 100, 1325, 27275.0 / 9}}},
		// L = 1 has no earlier vintage live: the option changes nothing.
		{name: "L1 flat prior", edit: func(in *planner.GapInputs) { in.PriorVintages = true },
			rows: []row{{600, 100, 500, 500}, {600, 100, 500, 1000}, {600, 100, 500, 1500}, {600, 100, 500, 2000}}},
		// A 0 gap counts as closed: revenue 600 against 600 in the first year.
		{name: "closed at once", edit: func(in *planner.GapInputs) { in.AIRevenueUSD = gapPtr(600e9) },
			rows:   []row{{600, 600, 0, 0}, {600, 600, 0, 0}, {600, 600, 0, 0}, {600, 600, 0, 0}},
			closes: gapPtr(2024)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := flat600()
			c.edit(&in)
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if len(r.Years) != len(c.rows) {
				t.Fatalf("%s: want %d rows, got %d", c.name, len(c.rows), len(r.Years))
			}
			for i, w := range c.rows {
				g := r.Years[i]
				if g.Year != 2024+i {
					t.Errorf("%s: row %d: want year %d, got %d", c.name, i, 2024+i, g.Year)
				}
				for _, f := range []struct {
					name      string
					want, got float64
				}{{"required", w.required, g.RequiredRevenueUSD}, {"revenue", w.revenue, g.RevenueUSD},
					{"gap", w.gap, g.GapUSD}, {"cumulative", w.cumulative, g.CumulativeGapUSD}} {
					if math.Abs(f.got-f.want*1e9) > 1 { // $1 on figures up to $7T
						t.Errorf("%s: %d %s: want %gB, got %gB", c.name, g.Year, f.name, f.want, f.got/1e9)
					}
				}
			}
			switch {
			case c.closes == nil && r.ClosesYear != nil:
				t.Errorf("%s: want closesYear nil, got %d", c.name, *r.ClosesYear)
			case c.closes != nil && (r.ClosesYear == nil || *r.ClosesYear != *c.closes):
				t.Errorf("%s: want closesYear %d, got %v", c.name, *c.closes, r.ClosesYear)
			case c.closes != nil && *r.YearsToClose != *c.closes-2024:
				t.Errorf("%s: want yearsToClose %d, got %d", c.name, *c.closes-2024, *r.YearsToClose)
			}
			if r.GapUSD != r.Years[0].GapUSD || r.RequiredRevenueUSD != r.Years[0].RequiredRevenueUSD {
				t.Errorf("%s: headline figures differ from the first year's", c.name)
			}
		})
	}
}

// TestGapPriorVintages checks the steady-state convention on the
// sequoia-2024 preset with a 6-year life: without the earlier vintages
// 2024 needs only 600/6 = $100B against $100B of revenue (a $0 gap, "closes
// at once"); with them Cahn's $600B and $500B hole come back, and the
// conventions say which figures were used.
func TestGapPriorVintages(t *testing.T) {
	in, err := planner.GapPreset(gapCatalog(t), planner.GapPreset2024)
	if err != nil {
		t.Fatal(err)
	}
	in.LifeYears = 6
	cases := []struct {
		name          string
		prior         bool
		required, gap float64 // $B, first year
		closes        *int
		convention    string
	}{
		{name: "off", prior: false, required: 100, gap: 0, closes: gapPtr(2024), convention: "no capex vintages before 2024"},
		{name: "on", prior: true, required: 600, gap: 500, closes: nil, convention: "earlier capex vintages counted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := in
			in.PriorVintages = c.prior
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if math.Abs(r.RequiredRevenueUSD-c.required*1e9) > 1 || math.Abs(r.GapUSD-c.gap*1e9) > 1 {
				t.Errorf("%s: want required %gB, gap %gB; got %gB, %gB", c.name, c.required, c.gap,
					r.RequiredRevenueUSD/1e9, r.GapUSD/1e9)
			}
			if (c.closes == nil) != (r.ClosesYear == nil) || (c.closes != nil && *r.ClosesYear != *c.closes) {
				t.Errorf("%s: want closesYear %v, got %v", c.name, c.closes, r.ClosesYear)
			}
			if !strings.Contains(strings.Join(r.Conventions, "\n"), c.convention) {
				t.Errorf("%s: want a convention %q, got %q", c.name, c.convention, r.Conventions)
			}
		})
	}
}

// TestGapPriorVintagesGrowth checks that with the earlier vintages counted
// every row is the first row grown at the capex growth (the load is in
// steady growth), for fractional and whole lives.
func TestGapPriorVintagesGrowth(t *testing.T) {
	for _, life := range []float64{0.5, 1, 2.5, 3, 4.75, 6, 50} {
		in := flat600()
		in.LifeYears, in.CapexGrowth, in.Years, in.PriorVintages = life, 1.3, 12, true
		r, err := planner.EvaluateGap(in)
		if err != nil {
			t.Fatalf("L=%g: %v", life, err)
		}
		for y, g := range r.Years {
			want := r.Years[0].RequiredRevenueUSD * math.Pow(1.3, float64(y))
			if math.Abs(g.RequiredRevenueUSD-want) > 1e-12*want {
				t.Errorf("L=%g: %d: want required %.17g, got %.17g", life, g.Year, want, g.RequiredRevenueUSD)
			}
		}
	}
}

// TestVintageWeights checks that a vintage's weights sum to 1 for any life.
func TestVintageWeights(t *testing.T) {
	for _, life := range []float64{0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4.75, 6, 50} {
		sum := 0.0
		for age := 0; age < 60; age++ {
			sum += planner.VintageWeight(age, life)
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("L=%g: want weights summing to 1, got %.15g", life, sum)
		}
	}
}

func TestGapIndicators(t *testing.T) {
	in := flat600()
	r, err := planner.EvaluateGap(in)
	if err != nil {
		t.Fatal(err)
	}
	// 500 / 100 = 5 dollars of gap per dollar of AI revenue.
	if r.GapToRevenue == nil || *r.GapToRevenue != 5 {
		t.Errorf("gapToRevenue: want 5, got %v", r.GapToRevenue)
	}
	if r.YearsToClose != nil {
		t.Errorf("yearsToClose: want nil, got %d", *r.YearsToClose)
	}
	in.AIRevenueUSD = gapPtr(0.0)
	r, err = planner.EvaluateGap(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.GapToRevenue != nil || !r.RevenueOverridden || r.ItemisedGapUSD != 500e9 {
		t.Errorf("zero revenue: want gapToRevenue nil, overridden, itemised gap 500B; got %v, %v, %g",
			r.GapToRevenue, r.RevenueOverridden, r.ItemisedGapUSD)
	}
}

func TestGapValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*planner.GapInputs)
		field string
	}{
		{"margin 1.5", func(in *planner.GapInputs) { in.Margin = 1.5 }, "margin"},
		{"margin 1", func(in *planner.GapInputs) { in.Margin = 1 }, "margin"},
		{"margin negative", func(in *planner.GapInputs) { in.Margin = -0.1 }, "margin"},
		{"share 0", func(in *planner.GapInputs) { in.GPUShare = 0 }, "gpu-share"},
		{"share NaN", func(in *planner.GapInputs) { in.GPUShare = math.NaN() }, "gpu-share"},
		{"run-rate negative", func(in *planner.GapInputs) { in.DCRevenueUSD = -1 }, "dc-revenue"},
		{"run-rate Inf", func(in *planner.GapInputs) { in.DCRevenueUSD = math.Inf(1) }, "dc-revenue"},
		{"years 0", func(in *planner.GapInputs) { in.Years = 0 }, "years"},
		{"years 201", func(in *planner.GapInputs) { in.Years = 201 }, "years"},
		{"life 0", func(in *planner.GapInputs) { in.LifeYears = 0 }, "life"},
		{"capex growth 0", func(in *planner.GapInputs) { in.CapexGrowth = 0 }, "capex-growth"},
		{"revenue growth 101", func(in *planner.GapInputs) { in.RevenueGrowth = 101 }, "revenue-growth"},
		{"ai revenue negative", func(in *planner.GapInputs) { in.AIRevenueUSD = gapPtr(-1.0) }, "ai-revenue"},
		{"item NaN", func(in *planner.GapInputs) { in.Revenue[0].USD = math.NaN() }, "revenue"},
		{"year 0", func(in *planner.GapInputs) { in.Year = 0 }, "year"},
		// 100^199 x $6e11 overflows 1e300: refused, not +Inf.
		{"capex overflow", func(in *planner.GapInputs) { in.CapexGrowth, in.Years = 100, 200 }, "capex-growth"},
		{"revenue overflow", func(in *planner.GapInputs) { in.RevenueGrowth, in.Years = 100, 200 }, "revenue-growth"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := flat600()
			c.edit(&in)
			_, err := planner.EvaluateGap(in)
			var fe *planner.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("%s: want a FieldError on %s, got %v", c.name, c.field, err)
			}
		})
	}
	// Extremes inside the ranges stay finite.
	in := flat600()
	in.DCRevenueUSD, in.GPUShare, in.Margin, in.CapexGrowth, in.RevenueGrowth, in.Years, in.LifeYears = 1e15, 0.01, 0.99, 0.1, 0.1, 200, 50
	r, err := planner.EvaluateGap(in)
	if err != nil {
		t.Fatalf("extremes: %v", err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("extremes: JSON: %v", err)
	}
	if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
		t.Errorf("extremes: non-finite output")
	}
}

// TestGapInputsJSON checks that the inputs round-trip through JSON, as
// scenario files store them.
func TestGapInputsJSON(t *testing.T) {
	in := flat600()
	in.AIRevenueUSD = gapPtr(123e9)
	if b, _ := json.Marshal(in); strings.Contains(string(b), "priorVintages") {
		t.Errorf("priorVintages false: want it omitted, got %s", b)
	}
	in.PriorVintages = true
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var back planner.GapInputs
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.DCRevenueUSD != in.DCRevenueUSD || back.AIRevenueUSD == nil || *back.AIRevenueUSD != 123e9 ||
		len(back.Revenue) != 1 || back.Years != 4 || !back.PriorVintages {
		t.Errorf("round trip: want %+v, got %+v", in, back)
	}
}

// TestGapTinyRevenue checks that a revenue too small for a finite ratio gives
// a null indicator rather than +Inf (which JSON cannot encode).
func TestGapTinyRevenue(t *testing.T) {
	in := flat600()
	in.AIRevenueUSD = gapPtr(5e-324)
	r, err := planner.EvaluateGap(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.GapToRevenue != nil {
		t.Errorf("tiny revenue: want gapToRevenue nil, got %g", *r.GapToRevenue)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("tiny revenue: JSON: %v", err)
	}
	s, err := planner.EvaluateServing(planner.ServingInputs{EnergyPerQueryWh: 5e-324, PUE: 1, WUELPerKWh: 1, BottleL: 100})
	if err != nil || s.ResponsesPerBottle != nil {
		t.Errorf("tiny water: want responsesPerBottle nil, got %v, %v", s.ResponsesPerBottle, err)
	}
}
