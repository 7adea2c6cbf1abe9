package planner_test

import (
	"math"
	"testing"

	"aiplan/planner"
)

// flatGap is a one-year-life, flat-growth case whose gap is computable by
// hand: gap = run / share / (1 - margin) - revenue = 150 / 0.5 / 0.5 - 100
// = $500B a year.
func flatGap(years int) planner.GapInputs {
	return planner.GapInputs{Year: 2024, DCRevenueUSD: 150e9, GPUShare: 0.5, Margin: 0.5,
		AIRevenueUSD: gapPtr(100e9), LifeYears: 1, CapexGrowth: 1, RevenueGrowth: 1, Years: years}
}

func gapVar(key string, low, likely, high float64) planner.Uncertain {
	return planner.Uncertain{Key: key, Label: key, Range: planner.Range{Low: low, Likely: likely, High: high, Dist: planner.DistTriangular}}
}

// flatVars are ranges around flatGap's values.
func flatVars() []planner.Uncertain {
	return []planner.Uncertain{
		gapVar("dc-revenue", 120e9, 150e9, 180e9),
		gapVar("gpu-share", 0.4, 0.5, 0.6),
		gapVar("margin", 0.4, 0.5, 0.6),
		gapVar("ai-revenue", 70e9, 100e9, 130e9),
		gapVar("life", 1, 1, 6),
		gapVar("capex-growth", 1, 1, 2.9),
		gapVar("revenue-growth", 1, 1, 2),
	}
}

// TestGapTornadoByHand checks the swings of a constructed case against
// values computed by hand (in $B, from gap = run / share / (1 - margin) -
// revenue with L = 1 and flat growth unless the bar varies them).
func TestGapTornadoByHand(t *testing.T) {
	type bar struct {
		key       string
		low, high float64 // output at the input's low and high, $B
	}
	cases := []struct {
		name   string
		years  int
		output string
		base   float64
		bars   []bar // in the expected order
	}{
		{"first-year gap", 1, "gapUSD", 500, []bar{
			// life 6: the first vintage needs 600/6 = 100 in year one, gap 0
			{"life", 500, 0},
			// share 0.4: 150/0.4/0.5 = 750 -> 650; 0.6: 500 -> 400 (swing 250)
			{"gpu-share", 650, 400},
			// margin 0.4: 150/0.5/0.6 = 500 -> 400; 0.6: 750 -> 650 (swing 250,
			// a tie with the share kept in input order)
			{"margin", 400, 650},
			// run-rate 120: 480 -> 380; 180: 720 -> 620 (swing 240)
			{"dc-revenue", 380, 620},
			// revenue 70: 530; 130: 470 (swing 60)
			{"ai-revenue", 530, 470},
			// growth acts from the second year on
			{"capex-growth", 500, 500},
			{"revenue-growth", 500, 500},
		}},
		{"cumulative gap over 3 years", 3, "cumulativeGapUSD", 1500, []bar{
			// capex 2.9x: 600 x (1 + 2.9 + 8.41) - 300 = 7086
			{"capex-growth", 1500, 7086},
			// life 6: vintages 600 each, 100/year apiece: 100 + 200 + 300 - 300 = 300
			{"life", 1500, 300},
			{"gpu-share", 1950, 1200},
			{"margin", 1200, 1950},
			{"dc-revenue", 1140, 1860},
			// revenue 2x: 1800 - 100 x (1 + 2 + 4) = 1100
			{"revenue-growth", 1500, 1100},
			{"ai-revenue", 1590, 1410},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := planner.GapTornado(flatGap(tc.years), flatVars(), tc.output)
			if err != nil {
				t.Fatal(err)
			}
			const tol = 1e-6 // $B; exact but for float rounding
			if math.Abs(got.Base/1e9-tc.base) > tol {
				t.Errorf("base: want %g, got %g", tc.base, got.Base/1e9)
			}
			if got.Unit != "USD" || got.Output != tc.output {
				t.Errorf("want output %s in USD, got %s in %s", tc.output, got.Output, got.Unit)
			}
			if len(got.Bars) != len(tc.bars) {
				t.Fatalf("want %d bars, got %d", len(tc.bars), len(got.Bars))
			}
			for i, w := range tc.bars {
				b := got.Bars[i]
				if b.Key != w.key {
					t.Errorf("bar %d: want %s, got %s", i, w.key, b.Key)
					continue
				}
				if math.Abs(b.OutputLow/1e9-w.low) > tol || math.Abs(b.OutputHigh/1e9-w.high) > tol {
					t.Errorf("%s: want %g -> %g, got %g -> %g", w.key, w.low, w.high, b.OutputLow/1e9, b.OutputHigh/1e9)
				}
				if want := math.Abs(w.high - w.low); math.Abs(b.Swing/1e9-want) > tol {
					t.Errorf("%s: want swing %g, got %g", w.key, want, b.Swing/1e9)
				}
			}
		})
	}
}

func TestGapTornadoErrors(t *testing.T) {
	cases := []struct {
		name   string
		in     planner.GapInputs
		vars   []planner.Uncertain
		output string
		field  string
	}{
		{"unknown output", flatGap(1), flatVars(), "closesYear", "output"},
		{"bad inputs", func() planner.GapInputs { in := flatGap(1); in.Margin = 1.5; return in }(), nil, "gapUSD", "margin"},
		{"not a gap input", flatGap(1), []planner.Uncertain{gapVar("mfu", 0.2, 0.3, 0.5)}, "gapUSD", "mfu"},
		{"share above 1", flatGap(1), []planner.Uncertain{gapVar("gpu-share", 0.4, 0.5, 1.2)}, "gapUSD", "gpu-share"},
		{"likely outside", flatGap(1), []planner.Uncertain{gapVar("margin", 0.4, 0.7, 0.6)}, "gapUSD", "margin"},
		{"two ranges", flatGap(1), []planner.Uncertain{gapVar("life", 1, 1, 6), gapVar("life", 1, 2, 3)}, "gapUSD", "life"},
		{"overflow", flatGap(200), []planner.Uncertain{gapVar("capex-growth", 1, 1, 100)}, "cumulativeGapUSD", "capex-growth"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := planner.GapTornado(tc.in, tc.vars, tc.output)
			if got := planner.ErrField(err); got != tc.field {
				t.Errorf("%s: want an error naming %s, got %v", tc.name, tc.field, err)
			}
		})
	}
}

// TestGapUncertainInputs checks the default gap ranges of the sequoia-2024
// preset against the catalogue's rows, and the user spread of a given flag.
func TestGapUncertainInputs(t *testing.T) {
	cat := gapCatalog(t)
	in, err := planner.GapPreset(cat, planner.GapPreset2024)
	if err != nil {
		t.Fatal(err)
	}
	in.RevenueGrowth = 1.5
	vars, err := planner.GapUncertainInputs(cat, in, map[string]bool{"revenue-growth": true})
	if err != nil {
		t.Fatal(err)
	}
	// Expected: rows of assets/catalog.json uncertainty.gap applied to the
	// preset (run-rate $150B, share and margin 0.5, table total $100B, L = 1,
	// flat capex) and to the user's revenue growth 1.5 (x 0.8-1.2).
	want := map[string][3]float64{
		"dc-revenue":     {120e9, 150e9, 180e9},
		"gpu-share":      {0.4, 0.5, 0.6},
		"margin":         {0.4, 0.5, 0.6},
		"ai-revenue":     {70e9, 100e9, 130e9},
		"life":           {1, 1, 6},
		"capex-growth":   {1, 1, 2.9},
		"revenue-growth": {1.2, 1.5, 1.8},
	}
	if len(vars) != len(want) {
		t.Fatalf("want %d ranges, got %d: %+v", len(want), len(vars), vars)
	}
	for _, v := range vars {
		w, ok := want[v.Key]
		if !ok {
			t.Errorf("unexpected range %s", v.Key)
			continue
		}
		r := v.Range
		for i, g := range []float64{r.Low, r.Likely, r.High} {
			if math.Abs(g-w[i]) > 1e-9*math.Abs(w[i]) {
				t.Errorf("%s: want %g / %g / %g, got %g / %g / %g", v.Key, w[0], w[1], w[2], r.Low, r.Likely, r.High)
				break
			}
		}
		wantOrigin := planner.OriginCatalogue
		if v.Key == "revenue-growth" {
			wantOrigin = planner.OriginDerived
		}
		if v.Origin != wantOrigin || v.Note == "" || v.Label == "" {
			t.Errorf("%s: want origin %s with a label and a note, got %+v", v.Key, wantOrigin, v)
		}
	}
	if _, err := planner.GapTornado(in, vars, planner.GapOutputCumulative); err != nil {
		t.Errorf("tornado over the defaults: want no error, got %v", err)
	}
}
