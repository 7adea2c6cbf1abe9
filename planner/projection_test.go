package planner_test

import (
	"math"
	"testing"

	"aiplan/planner"
)

// gpt4 is Epoch AI's amortised GPT-4 training cost (model_costs.csv, 2023,
// $40.7M) with Epoch's 2.4x per year and the 2.0-2.9x band (Cottier et al.
// 2024, v2 abstract).
func gpt4(until int) planner.ProjectionInputs {
	return planner.ProjectionInputs{BaseCostUSD: 40.7e6, BaseYear: 2023, Basis: "amortized",
		Growth: 2.4, GrowthLow: 2.0, GrowthHigh: 2.9, Until: until}
}

func TestProjectThresholds(t *testing.T) {
	cases := []struct {
		name      string
		in        planner.ProjectionInputs
		central   map[string]*int
		low, high map[string]*int
	}{
		// By hand: 40.7e6 x 2.4^4 = 1.35e9 (2.4^3 gives 0.56e9) -> 2027;
		// 2.4^6 = 191.1 -> 7.78e9, 2.4^7 = 458.6 -> 18.7e9 -> 2030;
		// 2.4^8 = 1100.7 -> 44.8e9, 2.4^9 = 2641.8 -> 107.5e9 -> 2032.
		// Low 2.0: 2^4 = 16 -> 0.65e9, 2^5 = 32 -> 1.30e9 -> 2028;
		// 2^8 = 256 -> 10.4e9 -> 2031; 2^11 = 2048 -> 83.4e9, 2^12 -> 166.7e9 -> 2035.
		// High 2.9: 2.9^3 = 24.389 -> 0.993e9 (just under), 2.9^4 -> 2.88e9 -> 2027;
		// 2.9^6 = 594.8 -> 24.2e9 (2.9^5 -> 8.35e9) -> 2029;
		// 2.9^8 = 5002 -> 203.6e9 (2.9^7 -> 70.2e9) -> 2031.
		{name: "GPT-4 to 2035", in: gpt4(2035),
			central: map[string]*int{"1e9": gapPtr(2027), "1e10": gapPtr(2030), "1e11": gapPtr(2032)},
			low:     map[string]*int{"1e9": gapPtr(2028), "1e10": gapPtr(2031), "1e11": gapPtr(2035)},
			high:    map[string]*int{"1e9": gapPtr(2027), "1e10": gapPtr(2029), "1e11": gapPtr(2031)}},
		// Until 2031: $100B centrally comes in 2032, after the horizon.
		{name: "GPT-4 to 2031", in: gpt4(2031),
			central: map[string]*int{"1e9": gapPtr(2027), "1e10": gapPtr(2030), "1e11": nil},
			low:     map[string]*int{"1e9": gapPtr(2028), "1e10": gapPtr(2031), "1e11": nil},
			high:    map[string]*int{"1e9": gapPtr(2027), "1e10": gapPtr(2029), "1e11": gapPtr(2031)}},
		// A base already above $1B: the base year; 2e9 x 10 = 2e10, x100 = 2e11.
		{name: "base above 1B", in: planner.ProjectionInputs{BaseCostUSD: 2e9, BaseYear: 2025,
			Growth: 10, GrowthLow: 10, GrowthHigh: 10, Until: 2030},
			central: map[string]*int{"1e9": gapPtr(2025), "1e10": gapPtr(2026), "1e11": gapPtr(2027)},
			low:     map[string]*int{"1e9": gapPtr(2025), "1e10": gapPtr(2026), "1e11": gapPtr(2027)},
			high:    map[string]*int{"1e9": gapPtr(2025), "1e10": gapPtr(2026), "1e11": gapPtr(2027)}},
		// An exact hit counts: 1e8 x 10 = 1e9 in 2021.
		{name: "exact hit", in: planner.ProjectionInputs{BaseCostUSD: 1e8, BaseYear: 2020,
			Growth: 10, GrowthLow: 10, GrowthHigh: 10, Until: 2023},
			central: map[string]*int{"1e9": gapPtr(2021), "1e10": gapPtr(2022), "1e11": gapPtr(2023)},
			low:     map[string]*int{"1e9": gapPtr(2021), "1e10": gapPtr(2022), "1e11": gapPtr(2023)},
			high:    map[string]*int{"1e9": gapPtr(2021), "1e10": gapPtr(2022), "1e11": gapPtr(2023)}},
		// Falling costs never cross.
		{name: "declining", in: planner.ProjectionInputs{BaseCostUSD: 1e8, BaseYear: 2020,
			Growth: 0.5, GrowthLow: 0.5, GrowthHigh: 0.5, Until: 2040},
			central: map[string]*int{"1e9": nil, "1e10": nil, "1e11": nil},
			low:     map[string]*int{"1e9": nil, "1e10": nil, "1e11": nil},
			high:    map[string]*int{"1e9": nil, "1e10": nil, "1e11": nil}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := planner.Project(c.in)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			for _, m := range []struct {
				band      string
				want, got map[string]*int
			}{{"central", c.central, r.ThresholdYears}, {"low", c.low, r.ThresholdYearsLow}, {"high", c.high, r.ThresholdYearsHigh}} {
				for _, k := range planner.ThresholdKeys {
					w, g := m.want[k], m.got[k]
					if (w == nil) != (g == nil) || w != nil && *w != *g {
						t.Errorf("%s: %s %s: want %v, got %v", c.name, m.band, k, gapShow(w), gapShow(g))
					}
				}
			}
			if n := c.in.Until - c.in.BaseYear + 1; len(r.Years) != n {
				t.Errorf("%s: want %d rows, got %d", c.name, n, len(r.Years))
			}
		})
	}
}

func gapShow(p *int) any {
	if p == nil {
		return "null"
	}
	return *p
}

func TestProjectRows(t *testing.T) {
	r, err := planner.Project(gpt4(2035))
	if err != nil {
		t.Fatal(err)
	}
	// 2027 by hand: 40.7e6 x 2.4^4 = 40.7e6 x 33.1776 = 1,350,328,320.
	if got := r.Years[4]; got.Year != 2027 || math.Abs(got.CostUSD-1350328320) > 1e-3 {
		t.Errorf("2027: want 1350328320, got %d %.3f", got.Year, got.CostUSD)
	}
	for _, y := range r.Years {
		if !(y.LowUSD <= y.CostUSD && y.CostUSD <= y.HighUSD) {
			t.Errorf("%d: want low <= cost <= high, got %g %g %g", y.Year, y.LowUSD, y.CostUSD, y.HighUSD)
		}
	}
	if r.Years[0].CostUSD != 40.7e6 || r.Years[0].LowUSD != 40.7e6 || r.Years[0].HighUSD != 40.7e6 {
		t.Errorf("base year: want the base cost in all three, got %+v", r.Years[0])
	}
}

func TestProjectValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*planner.ProjectionInputs)
		field string
	}{
		{"base 0", func(in *planner.ProjectionInputs) { in.BaseCostUSD = 0 }, "base-cost"},
		{"base NaN", func(in *planner.ProjectionInputs) { in.BaseCostUSD = math.NaN() }, "base-cost"},
		{"year", func(in *planner.ProjectionInputs) { in.BaseYear = 0 }, "base-year"},
		{"growth 0", func(in *planner.ProjectionInputs) { in.Growth = 0 }, "growth"},
		{"low above", func(in *planner.ProjectionInputs) { in.GrowthLow = 2.5 }, "growth-low"},
		{"high below", func(in *planner.ProjectionInputs) { in.GrowthHigh = 2.3 }, "growth-high"},
		{"until before", func(in *planner.ProjectionInputs) { in.Until = 2022 }, "until"},
		{"until far", func(in *planner.ProjectionInputs) { in.Until = 2300 }, "until"},
		{"basis", func(in *planner.ProjectionInputs) { in.Basis = "retail" }, "basis"},
		// 1e15 x 100^200 would be 1e415: refused, not +Inf.
		{"overflow", func(in *planner.ProjectionInputs) {
			in.BaseCostUSD, in.Growth, in.GrowthHigh, in.Until = 1e15, 100, 100, 2223
		}, "growth-high"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := gpt4(2035)
			c.edit(&in)
			_, err := planner.Project(in)
			if got := planner.ErrField(err); got != c.field {
				t.Errorf("%s: want a field error on %s, got %v", c.name, c.field, err)
			}
		})
	}
}

func TestDefaultProjection(t *testing.T) {
	in, err := planner.DefaultProjection(gapCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	// Epoch AI model_costs.csv: GPT-4, amortised hardware + energy, $40.7M.
	if in.BaseYear != 2023 || math.Abs(in.BaseCostUSD-40.7e6)/40.7e6 > 0.01 || in.Basis != "amortized" ||
		in.Growth != 2.4 || in.GrowthLow != 2.0 || in.GrowthHigh != 2.9 || in.Until != 2035 {
		t.Errorf("want GPT-4 2023 ~$40.7M amortized, 2.4x (2.0-2.9), until 2035; got %+v", in)
	}
	r, err := planner.Project(in)
	if err != nil {
		t.Fatal(err)
	}
	// Epoch projects the largest runs above $1B by 2027; the catalogue says so too.
	want := 2027
	if f, ok := gapCatalog(t).Macro.Figures["epoch.frontier1BYear"]; ok {
		want = int(f.Value)
	}
	if y := r.ThresholdYears["1e9"]; y == nil || *y != want {
		t.Errorf("1e9: want %d, got %v", want, gapShow(y))
	}
}
