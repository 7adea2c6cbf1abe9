package plot

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func gapCatalog(t testing.TB) *planner.Catalog {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	return cat
}

func gapInputs(t testing.TB, preset string, edit func(*planner.GapInputs)) planner.GapInputs {
	t.Helper()
	in, err := planner.GapPreset(gapCatalog(t), preset)
	if err != nil {
		t.Fatalf("preset %s: %v", preset, err)
	}
	if edit != nil {
		edit(&in)
	}
	return in
}

// gapChartCases are the golden cases of the gap, waterfall and projection
// charts, at 1200x700.
func gapChartCases(t testing.TB) []struct {
	name string
	kind Kind
	in   Input
} {
	cat := gapCatalog(t)
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatalf("defaults: %v", err)
	}
	growth := gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
		in.LifeYears, in.CapexGrowth, in.RevenueGrowth, in.Years = 4, 1.25, 1.6, 10
	})
	life := gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) { in.LifeYears = 4 })
	prior := gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
		in.LifeYears, in.CapexGrowth, in.PriorVintages = 3, 1.5, true
	})
	p2023 := gapInputs(t, planner.GapPreset2023, nil)
	cloud, err := planner.DefaultProjection(cat)
	if err != nil {
		t.Fatal(err)
	}
	cloud.Basis, cloud.BaseCostUSD, cloud.Growth, cloud.GrowthLow, cloud.GrowthHigh = planner.CostBasisCloud, 78.6e6, 2.6, 2.2, 3.1
	return []struct {
		name string
		kind Kind
		in   Input
	}{
		{"gap-sequoia-2024", KindGap, Input{Catalog: cat}},
		{"gap-growth-closes", KindGap, Input{Catalog: cat, Gap: &growth}},
		{"waterfall-sequoia-2024", KindWaterfall, Input{Catalog: cat}},
		{"waterfall-sequoia-2023", KindWaterfall, Input{Catalog: cat, Gap: &p2023}},
		{"waterfall-life-4", KindWaterfall, Input{Catalog: cat, Gap: &life}},
		{"waterfall-life-3-prior", KindWaterfall, Input{Catalog: cat, Gap: &prior}},
		{"projection-default", KindProjection, Input{Catalog: cat, Scenarios: defs.Scenarios}},
		{"projection-cloud", KindProjection, Input{Catalog: cat, Scenarios: defs.Scenarios, Projection: &cloud}},
	}
}

func TestGapChartsGolden(t *testing.T) {
	pngDir := os.Getenv("AIPLAN_CHART_PNG") // set to look at the charts
	for _, tc := range gapChartCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := Build(tc.kind, tc.in)
			if err != nil {
				t.Fatalf("%s: build: %v", tc.name, err)
			}
			var svg bytes.Buffer
			if err := Render(ch, SVG, Options{Width: 1200, Height: 700}, &svg); err != nil {
				t.Fatalf("%s: render: %v", tc.name, err)
			}
			for _, bad := range []string{"NaN", "Inf"} {
				if strings.Contains(svg.String(), bad) {
					t.Errorf("%s: SVG contains %s", tc.name, bad)
				}
			}
			checkGoldenSVG(t, tc.name, ch, Options{Width: 1200, Height: 700})
			if pngDir != "" {
				var png bytes.Buffer
				if err := Render(ch, PNG, Options{Width: 1200, Height: 700}, &png); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(pngDir, tc.name+".png"), png.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestGapChartText checks that the published figures appear in the charts.
func TestGapChartText(t *testing.T) {
	cat := gapCatalog(t)
	cases := []struct {
		name string
		kind Kind
		in   Input
		want []string
	}{
		// Cahn 2024: $150B run-rate, x2 x2 = $600B, $500B hole; the ten
		// listed companies sum to $70B (gap $530B).
		{"waterfall 2024", KindWaterfall, Input{Catalog: cat}, []string{"$150B", "$300B", "$600B", "−$100B", "$500B", "listed only: $530B", "$70B"}},
		// Cahn 2023: $50B -> $200B, $125B hole.
		{"waterfall 2023", KindWaterfall, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2023, nil))}, []string{"$50B", "$200B", "$125B"}},
		{"gap 2024", KindGap, Input{Catalog: cat}, []string{"$600B", "$100B", "$500B", "does not close within the horizon (2024–2028)"}},
		{"gap closes", KindGap, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
			in.RevenueGrowth, in.Years = 2, 6
		}))}, []string{"Gap closes in 2027"}},
		// L = 6 without the earlier vintages: 600/6 = $100B due in 2024, the
		// other $500B in later years; a $0 gap.
		{"waterfall life 6", KindWaterfall, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
			in.LifeYears = 6
		}))}, []string{"$600B", "− due in later years", "−$500B", "$100B", "no earlier vintages counted"}},
		// L = 6 with them, flat capex: six vintages x $100B = Cahn's $600B,
		// no later-years step, the $500B hole.
		{"waterfall life 6 prior", KindWaterfall, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
			in.LifeYears, in.PriorVintages = 6, true
		}))}, []string{"$600B", "= Required revenue<", "$500B", "earlier vintages counted", "since 2019"}},
		// L = 3, capex 1.5x, with them: the 2024 vintage's $600B less $400B
		// due later, plus the 2022-2023 vintages' 200/2.25 + 200/1.5 = $222B:
		// 3800/9 = $422B required.
		{"waterfall life 3 prior growth", KindWaterfall, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
			in.LifeYears, in.CapexGrowth, in.PriorVintages = 3, 1.5, true
		}))}, []string{"$600B", "−$400B", "+$222B", "+ earlier vintages'", "share (2022–2023)", "$422B"}},
		{"gap life 6 prior", KindGap, Input{Catalog: cat, Gap: ptr(gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) {
			in.LifeYears, in.PriorVintages = 6, true
		}))}, []string{"earlier vintages counted", "required $600B", "gap $500B"}},
		// DefaultProjection: GPT-4 $40.7M (2023) x 2.4^n crosses $1B in
		// 2027 (40.7M x 2.4^4 = $1.35B), $10B in 2030, $100B in 2032.
		{"projection", KindProjection, Input{Catalog: cat}, []string{"$1B run: 2027", "$10B run: 2030", "$100B run: 2032", "GPT-4", "amortised hardware plus energy"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := Build(tc.kind, tc.in)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			var svg bytes.Buffer
			if err := Render(ch, SVG, Options{Width: 1200, Height: 700}, &svg); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(svg.String(), w) {
					t.Errorf("%s: want %q in the SVG, not found", tc.name, w)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestProjectionBasis checks that only the projection's basis is drawn and
// that scenarios are costed with the matching method.
func TestProjectionBasis(t *testing.T) {
	cat := gapCatalog(t)
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	for _, basis := range []string{planner.CostBasisAmortized, planner.CostBasisCloud, planner.CostBasisAcquisition} {
		t.Run(basis, func(t *testing.T) {
			in, err := planner.DefaultProjection(cat)
			if err != nil {
				t.Fatal(err)
			}
			in.Basis = basis
			p, err := NewProjection(cat, in, defs.Scenarios)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, cp := range cat.CostPoints {
				if cp.Basis == basis {
					n++
				}
			}
			if p.OtherBasis != len(cat.CostPoints)-n {
				t.Errorf("%s: want %d points left out, got %d", basis, len(cat.CostPoints)-n, p.OtherBasis)
			}
			if len(p.Points) == 0 || len(p.Points) > n {
				t.Errorf("%s: want 1..%d points, got %d", basis, n, len(p.Points))
			}
			if want := BasisMethod(basis); p.Method != want {
				t.Errorf("%s: want method %s, got %s", basis, want, p.Method)
			}
			if len(p.Scenarios) != len(defs.Scenarios) {
				t.Errorf("%s: want %d scenarios drawn, got %d (skipped %v)", basis, len(defs.Scenarios), len(p.Scenarios), p.Skipped)
			}
			for i, m := range p.Scenarios {
				sc := defs.Scenarios[i].Clone()
				r, _, err := planner.Estimate(cat, &sc)
				if err != nil {
					t.Fatal(err)
				}
				if want := costOf(&r.Totals, p.Method); m.USD != want {
					t.Errorf("%s: %s: want %v, got %v", basis, m.Label, want, m.USD)
				}
			}
		})
	}
}

// TestGapChartsBadInput: errors name the field; odd but valid inputs draw.
func TestGapChartsBadInput(t *testing.T) {
	cat := gapCatalog(t)
	bad := gapInputs(t, planner.GapPreset2024, func(in *planner.GapInputs) { in.GPUShare = 0 })
	if _, err := Build(KindGap, Input{Catalog: cat, Gap: &bad}); planner.ErrField(err) != "gpu-share" {
		t.Errorf("gap with share 0: want a gpu-share error, got %v", err)
	}
	if _, err := Build(KindWaterfall, Input{Catalog: cat, Gap: &bad}); planner.ErrField(err) != "gpu-share" {
		t.Errorf("waterfall with share 0: want a gpu-share error, got %v", err)
	}
	pin, _ := planner.DefaultProjection(cat)
	pin.Until = pin.BaseYear - 1
	if _, err := Build(KindProjection, Input{Catalog: cat, Projection: &pin}); planner.ErrField(err) != "until" {
		t.Errorf("projection until before base: want an until error, got %v", err)
	}
	if _, err := NewGap(nil); err == nil {
		t.Error("NewGap(nil): want an error, got nil")
	}
	if _, err := NewWaterfall(nil); err == nil {
		t.Error("NewWaterfall(nil): want an error, got nil")
	}
	odd := []struct {
		name string
		edit func(*planner.GapInputs)
	}{
		{"one year", func(in *planner.GapInputs) { in.Years = 1 }},
		{"no revenue", func(in *planner.GapInputs) {
			z := 0.0
			in.AIRevenueUSD = &z
		}},
		{"surplus", func(in *planner.GapInputs) {
			v := 2e12
			in.AIRevenueUSD = &v
		}},
		{"long horizon", func(in *planner.GapInputs) { in.Years, in.CapexGrowth, in.RevenueGrowth = 200, 1.01, 1.05 }},
		{"zero run-rate", func(in *planner.GapInputs) { in.DCRevenueUSD = 0 }},
	}
	for _, tc := range odd {
		t.Run(tc.name, func(t *testing.T) {
			in := gapInputs(t, planner.GapPreset2024, tc.edit)
			for _, k := range []Kind{KindGap, KindWaterfall} {
				ch, err := Build(k, Input{Catalog: cat, Gap: &in})
				if err != nil {
					t.Fatalf("%s %s: %v", tc.name, k, err)
				}
				var buf bytes.Buffer
				if err := Render(ch, SVG, Options{Width: 320, Height: 200}, &buf); err != nil {
					t.Errorf("%s %s: %v", tc.name, k, err)
				}
				if strings.Contains(buf.String(), "NaN") {
					t.Errorf("%s %s: NaN in the SVG", tc.name, k)
				}
			}
		})
	}
	var empty Gap
	if err := Render(&empty, SVG, Options{Width: 400, Height: 300}, &bytes.Buffer{}); err != nil {
		t.Errorf("empty gap chart: %v", err)
	}
	var fe *planner.FieldError
	if _, err := Build(KindGap, Input{}); err == nil || errors.As(err, &fe) {
		t.Errorf("no catalogue: want a plain error, got %v", err)
	}
}

// BenchmarkGapCharts draws each chart into an image at 1200x700, the
// window's path (target: at most 15 ms each).
func BenchmarkGapCharts(b *testing.B) {
	cases := gapChartCases(b)
	// the breakdown chart of the built-in scenarios, for scale on a busy machine
	defs, err := assets.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		kind Kind
		in   Input
	}{"reference-breakdown", KindBreakdown, Input{Catalog: gapCatalog(b), Scenarios: defs.Scenarios}})
	for _, tc := range cases {
		ch, err := Build(tc.kind, tc.in)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Image(ch, Options{Width: 1200, Height: 700}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/chart")
		})
	}
}
