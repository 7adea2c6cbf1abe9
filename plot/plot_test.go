package plot

import (
	"bytes"
	"flag"
	"image"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"

	"aiplan/assets"
	"aiplan/planner"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedTotals are hand-made totals, so the golden files do not move when
// the catalogue does.
func fixedTotals() ([]string, []planner.Totals) {
	mk := func(days, cloud, accel, servers, energy, fin, kwh, co2, water float64) planner.Totals {
		t := planner.Totals{WallClockDays: days, FacilityEnergyKWh: kwh, EmissionsTCO2e: co2, WaterOnsiteL: water / 4, WaterOffsiteL: water * 3 / 4}
		t.CostUSD = planner.CostUSD{Cloud: cloud, Amortized: accel + servers + energy + fin, Purchase: (accel + servers) * 20, Energy: energy}
		t.CostBreakdownUSD = planner.CostBreakdown{AmortizedAccelerators: accel, AmortizedServerInterconnect: servers, Energy: energy, Financing: fin,
			PurchaseAccelerators: accel * 20, PurchaseServerInterconnect: servers * 20}
		return t
	}
	return []string{"Small", "Medium", "Large & long"}, []planner.Totals{
		mk(30, 5e6, 2e6, 0.8e6, 0.3e6, 0.2e6, 2e6, 800, 5e6),
		mk(60, 40e6, 15e6, 6e6, 2e6, 1e6, 20e6, 8000, 40e6),
		mk(90, 900e6, 160e6, 40e6, 13e6, 9e6, 160e6, 66000, 590e6),
	}
}

func fixedCharts(t testing.TB) map[string]Chart {
	names, totals := fixedTotals()
	bd, err := NewBreakdown(names, totals, "amortized")
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := NewCompare(names, totals, "cloud", "Medium")
	if err != nil {
		t.Fatal(err)
	}
	es := &EnergySources{Scenario: "Large", Rows: []EnergyRow{
		{ID: "coal", Name: "Coal", CarbonTCO2e: 130000, WaterOnsiteL: 1e7, WaterOffsiteL: 4e8},
		{ID: "us-grid", Name: "US grid", CarbonTCO2e: 66000, WaterOnsiteL: 1e7, WaterOffsiteL: 5e8, Current: true},
		{ID: "hydro", Name: "Hydropower", CarbonTCO2e: 3900, WaterOnsiteL: 1e7, WaterOffsiteL: 2.8e9},
		{ID: "wind", Name: "Wind", CarbonTCO2e: 1800, WaterOnsiteL: 1e7},
	}}
	bt := NewBacktest(fixedBacktestRows())
	return map[string]Chart{"breakdown": bd, "compare": cmp, "energy-sources": es, "backtest": bt}
}

// fixedBacktestRows are hand-made back-test rows: two runs, four metrics,
// one blind prediction far beyond 4x (drawn clamped, with an arrow).
func fixedBacktestRows() []planner.BacktestRow {
	return []planner.BacktestRow{
		{RunID: "a", Name: "Run A", Metric: "gpuHours", Label: "GPU-hours", Unit: "GPU-hours", Reported: 3.5e6, Informed: planner.Some(3.5e6), Blind: planner.Some(1.8e6)},
		{RunID: "a", Name: "Run A", Metric: "trainingFLOP", Label: "Training compute", Unit: "FLOP", Reported: 3.1e23, Informed: planner.Some(3.15e23), Blind: planner.Some(3.15e23)},
		{RunID: "b", Name: "Run B", Metric: "emissionsTCO2e", Label: "Carbon (location-based)", Unit: "tCO2e", Reported: 552, Informed: planner.Some(560), Blind: planner.Some(300)},
		{RunID: "b", Name: "Run B", Metric: "costUSD.cloud", Label: "Cost: cloud rent", Unit: "USD", Reported: 4.3e6, Informed: planner.Some(4.4e6), Blind: planner.Some(30e6)},
		{RunID: "b", Name: "Run B", Metric: "gpuHours", Label: "GPU-hours", Unit: "GPU-hours", Reported: 2e5, Informed: planner.Some(1.9e5), Blind: planner.Some(2.6e5)},
	}
}

func TestGoldenSVG(t *testing.T) {
	for name, ch := range fixedCharts(t) {
		t.Run(name, func(t *testing.T) { checkGoldenSVG(t, name, ch, Options{Width: 1000, Height: 600}) })
	}
}

// checkGoldenSVG renders ch twice (the output must be byte-identical) and
// compares it with testdata/NAME.svg; -update rewrites the file, and a
// difference is written to testdata/failed/ for a look.
func checkGoldenSVG(t *testing.T, name string, ch Chart, opt Options) {
	t.Helper()
	var a, b bytes.Buffer
	if err := Render(ch, SVG, opt, &a); err != nil {
		t.Fatal(err)
	}
	if err := Render(ch, SVG, opt, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("%s: two renderings differ", name)
	}
	path := filepath.Join("testdata", name+".svg")
	if *update {
		if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./plot -update)", err)
	}
	if !bytes.Equal(want, a.Bytes()) {
		failed := filepath.Join("testdata", "failed", name+".svg")
		os.MkdirAll(filepath.Dir(failed), 0o755) //nolint:errcheck // best effort
		os.WriteFile(failed, a.Bytes(), 0o644)   //nolint:errcheck // best effort
		t.Errorf("%s: SVG differs from %s; got written to %s", name, path, failed)
	}
}

// TestNotEmpty checks the bars and markers are there: the SVG has the
// expected number of bar paths, the PNG has ink in the plot area.
func TestNotEmpty(t *testing.T) {
	charts := fixedCharts(t)
	tests := []struct {
		name    string
		minPath int
	}{
		{"breakdown", 3 * 4},          // 3 stacks x 4 segments
		{"compare", 3 * 5},            // 3 scenarios x 5 metrics
		{"energy-sources", 4 + 4 + 3}, // carbon, off-site water, on-site
		{"backtest", 7},               // informed and blind points
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Render(charts[tc.name], SVG, Options{Width: 900, Height: 600}, &b); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(b.String(), "<path"); got < tc.minPath {
				t.Errorf("%s: want at least %d paths, got %d", tc.name, tc.minPath, got)
			}
			im, err := Image(charts[tc.name], Options{Width: 900, Height: 600})
			if err != nil {
				t.Fatal(err)
			}
			if n := inked(im, image.Rect(150, 150, 850, 500)); n < 5000 {
				t.Errorf("%s: want at least 5000 non-background pixels in the plot area, got %d", tc.name, n)
			}
		})
	}
}

// TestBacktestRows checks the back-test chart's rows: one per reported
// figure, grouped by metric in the planner's output order, and the ratio
// axis the points need.
func TestBacktestRows(t *testing.T) {
	bt := NewBacktest(fixedBacktestRows())
	if bt.Figures != 5 || bt.Runs != 2 || len(bt.Points) != 10 {
		t.Fatalf("fixed rows: want 5 figures, 2 runs, 10 points, got %d, %d, %d", bt.Figures, bt.Runs, len(bt.Points))
	}
	gs := bt.groups()
	var got []string
	for _, g := range gs {
		for _, f := range g.figures {
			got = append(got, g.metric+"/"+f.run)
		}
	}
	// Outputs order: trainingFLOP, gpuHours, emissionsTCO2e, costUSD.cloud
	want := "trainingFLOP/Run A gpuHours/Run A gpuHours/Run B emissionsTCO2e/Run B costUSD.cloud/Run B"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("rows: want %q, got %q", want, s)
	}
	if f := gs[1].figures[0]; math.Abs(f.informed-1) > 1e-12 || math.Abs(f.blind-1.8/3.5) > 1e-12 {
		t.Errorf("Run A GPU-hours: want ratios 1 and %.4f, got %.4f and %.4f", 1.8/3.5, f.informed, f.blind)
	}
	for _, tc := range []struct {
		name        string
		ratios      []float64
		wantHalf    float64
		wantClamped int
	}{
		{"within 2x", []float64{1, 0.55, 1.9}, 2, 0},
		{"exactly 2x", []float64{0.5, 2}, 2, 0},
		{"2.2x", []float64{1, 0.45}, 2.5, 0},
		{"3x", []float64{3, 1}, 4, 0},
		{"beyond 4x", []float64{7, 0.1, 1}, 4, 2},
	} {
		var ps []BacktestPoint
		for _, r := range tc.ratios {
			ps = append(ps, BacktestPoint{Reported: 1, Predicted: r})
		}
		half, ticks, clamped := btRange(ps)
		if half != tc.wantHalf || clamped != tc.wantClamped {
			t.Errorf("%s: want half-range %g with %d clamped, got %g with %d", tc.name, tc.wantHalf, tc.wantClamped, half, clamped)
		}
		if ticks[0] != 1/half && math.Abs(ticks[0]-1/half) > 0.01 || ticks[len(ticks)-1] != half {
			t.Errorf("%s: want ticks from %g to %g, got %v", tc.name, 1/half, half, ticks)
		}
	}
}

// TestBacktestFitsRows draws the catalogue's back-test at the window's
// sizes: at 1200 x 700 every figure gets a row of at least btMinPt; smaller
// charts (the Charts tab at 1366 x 768 is about 900 x 430) show one row per
// metric instead of the old "Too small" message, down to plot.MinSize.
func TestBacktestFitsRows(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := Build(KindBacktest, Input{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	mw, mh := MinSize(KindBacktest)
	for _, tc := range []struct {
		w, h   int
		perRun bool
	}{{1200, 700, true}, {1700, 850, true}, {800, 500, false}, {900, 430, false}, {mw, mh, false}} {
		var b bytes.Buffer
		if err := Render(ch, SVG, Options{Width: tc.w, Height: tc.h}, &b); err != nil {
			t.Fatal(err)
		}
		svg := b.String()
		if strings.Contains(svg, "Too small") {
			t.Errorf("%dx%d: want the rows, got the too-small message", tc.w, tc.h)
		}
		want := []string{"Facility energy (kWh)", "Cost: cloud rent (USD)", "1×"}
		if tc.perRun {
			want = append(want, "GPT-3 175B", "Gemini 1.0 Ultra")
		} else {
			want = append(want, "One row per metric")
		}
		for _, name := range want {
			if !strings.Contains(svg, name) {
				t.Errorf("%dx%d: want %q in the SVG", tc.w, tc.h, name)
			}
		}
	}
}

func inked(im image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := im.At(x, y).RGBA()
			if cr < 0xf000 || cg < 0xf000 || cb < 0xf000 {
				n++
			}
		}
	}
	return n
}

// TestBadInput: NaN, Inf, negative, zero and empty inputs give an error or
// an empty-state chart, never a panic.
func TestBadInput(t *testing.T) {
	names, totals := fixedTotals()
	bad := func(f func(*planner.Totals)) []planner.Totals {
		ts := append([]planner.Totals(nil), totals...)
		f(&ts[1])
		return ts
	}
	poison := func(v float64) func(*planner.Totals) {
		return func(t *planner.Totals) {
			t.CostUSD.Cloud, t.CostUSD.Amortized, t.CostBreakdownUSD.Financing = v, v, v
		}
	}
	nan := bad(poison(math.NaN()))
	inf := bad(poison(math.Inf(1)))
	neg := bad(poison(-1))
	zero := make([]planner.Totals, 3)
	for _, tc := range []struct {
		name    string
		totals  []planner.Totals
		names   []string
		wantErr bool
	}{
		{"nan", nan, names, true},
		{"inf", inf, names, true},
		{"negative", neg, names, true},
		{"zero", zero, names, false},
		{"empty", nil, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, method := range []string{"cloud", "amortized"} {
				var charts []Chart
				bd, err1 := NewBreakdown(tc.names, tc.totals, method)
				cmp, err2 := NewCompare(tc.names, tc.totals, method, "")
				for _, err := range []error{err1, err2} {
					if (err != nil) != tc.wantErr {
						t.Errorf("%s/%s: want error %v, got %v", tc.name, method, tc.wantErr, err)
					}
				}
				if err1 == nil {
					charts = append(charts, bd)
				}
				if err2 == nil {
					charts = append(charts, cmp)
				}
				charts = append(charts, &EnergySources{}, NewBacktest(nil),
					NewBacktest([]planner.BacktestRow{{Reported: 0, Informed: planner.Some(math.NaN())}}))
				for _, ch := range charts {
					if err := Render(ch, PNG, Options{Width: 400, Height: 300}, &bytes.Buffer{}); err != nil {
						t.Errorf("%s: want a drawing, got %v", tc.name, err)
					}
				}
			}
		})
	}
	if err := Render(&Compare{}, PNG, Options{Width: 10, Height: 300}, &bytes.Buffer{}); planner.ErrField(err) != "width" {
		t.Errorf("width 10: want a width error, got %v", err)
	}
	if _, err := NewCompare(names, totals, "cloud", "nope"); planner.ErrField(err) != "baseline" {
		t.Errorf("baseline nope: want a baseline error, got %v", err)
	}
	if _, err := NewBreakdown(names, totals, "lease"); planner.ErrField(err) != "method" {
		t.Errorf("method lease: want a method error, got %v", err)
	}
}

// TestTicksDoNotOverlap measures the tick labels with the renderer for
// ranges spanning 1e18..1e26 FLOP and $1k..$100B at several sizes.
func TestTicksDoNotOverlap(t *testing.T) {
	r, err := chart.PNG(800, 600)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCanvas(r, false, 800, 600, Light(), 1)
	if err != nil {
		t.Fatal(err)
	}
	width := func(s string) int { w, _ := c.Measure(s, sizeLabel); return w }
	height := func(string) int { return c.lineHeight(sizeLabel) }
	for _, tc := range []struct {
		name     string
		min, max float64
		log      bool
		format   func(float64) string
	}{
		{"flop-log", 1e18, 1e26, true, planner.HumanFLOP},
		{"flop-power", 1e18, 1e26, true, PowerOfTen},
		{"usd-linear", 1e3, 1e11, false, planner.HumanUSD},
		{"usd-log", 1e3, 1e11, true, planner.HumanUSD},
		{"litres", 0, 2.84e9, false, planner.HumanLitres},
	} {
		for _, length := range []int{150, 300, 600, 1200} {
			for _, vertical := range []bool{false, true} {
				size, gap := width, 12
				if vertical {
					size, gap = height, 4
				}
				ax := Axis{Min: tc.min, Max: tc.max, Log: tc.log, Format: tc.format, ZeroBased: !tc.log}
				lo, hi, ts := c.valueTicks(ax, length, size, gap)
				if len(ts) < 2 {
					t.Errorf("%s/%d: want at least 2 ticks, got %d", tc.name, length, len(ts))
				}
				prev := math.Inf(-1)
				for _, tk := range ts {
					pos := (tk.Value - lo) / (hi - lo) * float64(length)
					half := float64(size(tk.Label)) / 2
					if pos-half < prev+float64(gap)-0.5 && len(ts) > 2 {
						t.Errorf("%s/%d vertical=%v: label %q overlaps the previous one", tc.name, length, vertical, tk.Label)
					}
					prev = pos + half
					if strings.Contains(tk.Label, "e+") {
						t.Errorf("%s: want human labels, got %q", tc.name, tk.Label)
					}
				}
			}
		}
	}
}

// TestGreyscale checks the first six series colours differ in greyscale.
func TestGreyscale(t *testing.T) {
	for _, th := range []struct {
		name string
		t    Theme
	}{{"light", Light()}, {"dark", Dark()}} {
		for i := 0; i < 6; i++ {
			for j := i + 1; j < 6; j++ {
				if d := math.Abs(luma(th.t.Series[i]) - luma(th.t.Series[j])); d < 14 && th.t.Patterns[i] == th.t.Patterns[j] {
					t.Errorf("%s: series %d and %d: want greyscale difference >= 14 or different patterns, got %.1f", th.name, i, j, d)
				}
			}
		}
	}
}

func TestBuildFromCatalog(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		t.Run(string(k.Kind), func(t *testing.T) {
			ch, err := Build(k.Kind, Input{Catalog: cat, Scenarios: f.Scenarios, Method: "amortized", Baseline: f.Baseline})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Image(ch, Options{Width: 1200, Height: 700}); err != nil {
				t.Fatal(err)
			}
		})
	}
	if _, err := Build("pie", Input{Catalog: cat}); planner.ErrField(err) != "kind" {
		t.Errorf("pie: want a kind error, got %v", err)
	}
}

func BenchmarkImage(b *testing.B) {
	cat, err := assets.Catalog()
	if err != nil {
		b.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range Kinds {
		ch, err := Build(k.Kind, Input{Catalog: cat, Scenarios: f.Scenarios, Method: "amortized", Baseline: f.Baseline})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(k.Kind), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Image(ch, Options{Width: 1200, Height: 700}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/chart")
		})
	}
}
