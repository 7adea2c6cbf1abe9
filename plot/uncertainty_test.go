package plot

import (
	"bytes"
	"image"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// fixedFan is a hand-made distribution (a sum of three uniforms from a
// fixed PCG stream, skewed by a square), so the golden file does not move
// when the catalogue or the Monte Carlo does.
func fixedFan(t testing.TB) *Fan {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	xs := make([]float64, 10000)
	for i := range xs {
		u := (rng.Float64() + rng.Float64() + rng.Float64()) / 3
		xs[i] = 60e6 + 50e6*u*u
	}
	q := quantilesOf(xs)
	f, err := NewFan("Frontier 2025", "costUSD.cloud", xs, q, 78.4e6, 12, 1)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// quantilesOf returns the type-1 quantiles and mean of xs (as the planner
// summarises).
func quantilesOf(xs []float64) planner.Quantiles {
	s := slices.Clone(xs)
	slices.Sort(s)
	at := func(p float64) float64 { return s[max(int(math.Ceil(float64(len(s))*p))-1, 0)] }
	sum := 0.0
	for _, v := range s {
		sum += v
	}
	return planner.Quantiles{P10: at(0.1), P50: at(0.5), P90: at(0.9), Mean: sum / float64(len(s))}
}

// fixedTornado is a hand-made tornado: two large opposite swings, an input
// whose high is its likely value, a non-monotonic input (both ends above
// the base) and one without effect.
func fixedTornado(t testing.TB) *Tornado {
	t.Helper()
	tc, err := NewTornado("Frontier 2025", planner.Tornado{Output: "costUSD.cloud", Label: "Cost: cloud rent", Unit: "USD", Base: 78.4e6,
		Bars: []planner.TornadoBar{
			{Key: "mfu", Label: "MFU", Low: 0.2, High: 0.52, OutputLow: 147e6, OutputHigh: 56.5e6, Swing: 90.5e6},
			{Key: "gpu-hour-price", Label: "Cloud price", Low: 1.72, High: 2.6, OutputLow: 62.1e6, OutputHigh: 93.9e6, Swing: 31.8e6},
			{Key: "goodput", Label: "Goodput", Low: 0.9, High: 1, OutputLow: 87.1e6, OutputHigh: 78.4e6, Swing: 8.7e6},
			{Key: "depreciation-years", Label: "Depreciation life", Low: 3, High: 6, OutputLow: 84e6, OutputHigh: 81e6, Swing: 3e6},
			{Key: "pue", Label: "PUE", Low: 1.08, High: 1.21, OutputLow: 78.4e6, OutputHigh: 78.4e6},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

func TestUncertaintyGolden(t *testing.T) {
	for name, ch := range map[string]Chart{"fan": fixedFan(t), "tornado": fixedTornado(t)} {
		t.Run(name, func(t *testing.T) { checkGoldenSVG(t, name, ch, Options{Width: 1200, Height: 700}) })
	}
}

// TestUncertaintyText checks the labels a reader needs are in the picture,
// in human units.
func TestUncertaintyText(t *testing.T) {
	fan := fixedFan(t)
	tests := []struct {
		name string
		ch   Chart
		want []string
	}{
		{"fan", fan, []string{"P10 " + planner.HumanUSD(fan.Q.P10), "P50 " + planner.HumanUSD(fan.Q.P50),
			"P90 " + planner.HumanUSD(fan.Q.P90), "Point estimate $78.4M", "10,000 samples (seed 1) over 12 uncertain inputs"}},
		{"tornado", fixedTornado(t), []string{"20%: $147M", "52%: $56.5M", "$1.72/GPU-hour: $62.1M", "$2.6/GPU-hour: $93.9M",
			"100%: $78.4M", "3 years: $84M; 6 years: $81M", "No effect on this output: PUE.", "Centre line: $78.4M"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Render(tc.ch, SVG, Options{Width: 1200, Height: 700}, &b); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("%s: want the text %q in the SVG, got none", tc.name, w)
				}
			}
		})
	}
}

// TestUncertaintyNotEmpty checks the bars are drawn: the SVG has one path
// per non-empty bin or bar end, the PNG has ink in the plot area.
func TestUncertaintyNotEmpty(t *testing.T) {
	fan := fixedFan(t)
	bins := 0
	for _, n := range fan.Counts {
		if n > 0 {
			bins++
		}
	}
	for _, tc := range []struct {
		name    string
		ch      Chart
		minPath int
		minInk  int
	}{
		{"fan", fan, bins + 4, 60000},
		{"tornado", fixedTornado(t), 2 + 2 + 1 + 2, 20000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Render(tc.ch, SVG, Options{Width: 1200, Height: 700}, &b); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(b.String(), "<path"); got < tc.minPath {
				t.Errorf("%s: want at least %d paths, got %d", tc.name, tc.minPath, got)
			}
			im, err := Image(tc.ch, Options{Width: 1200, Height: 700})
			if err != nil {
				t.Fatal(err)
			}
			if n := inked(im, image.Rect(250, 150, 1150, 580)); n < tc.minInk {
				t.Errorf("%s: want at least %d non-background pixels in the plot area, got %d", tc.name, tc.minInk, n)
			}
		})
	}
}

func TestFanBins(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name        string
		xs          []float64
		wantSamples int
		wantBins    [2]int // min and max number of bins
	}{
		{"spread", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, [2]int{20, 60}},
		{"with NaN", []float64{1, nan, 3, nan, 5}, 3, [2]int{20, 60}},
		{"constant", []float64{7, 7, 7}, 3, [2]int{1, 2}},
		{"all NaN", []float64{nan, nan}, 0, [2]int{0, 0}},
		{"empty", nil, 0, [2]int{0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := planner.Quantiles{P10: 1, P50: 5, P90: 9, Mean: 5}
			if tc.wantSamples > 0 {
				var fin []float64
				for _, v := range tc.xs {
					if !math.IsNaN(v) {
						fin = append(fin, v)
					}
				}
				q = quantilesOf(fin)
			}
			f, err := NewFan("s", "gpuHours", tc.xs, q, q.P50, 3, 1)
			if err != nil {
				t.Fatal(err)
			}
			if f.Samples != tc.wantSamples {
				t.Errorf("%s: want %d samples, got %d", tc.name, tc.wantSamples, f.Samples)
			}
			sum := 0
			for _, n := range f.Counts {
				sum += n
			}
			if sum != tc.wantSamples {
				t.Errorf("%s: want the bins to hold %d samples, got %d", tc.name, tc.wantSamples, sum)
			}
			if n := len(f.Counts); n < tc.wantBins[0] || n > tc.wantBins[1] {
				t.Errorf("%s: want %d to %d bins, got %d", tc.name, tc.wantBins[0], tc.wantBins[1], n)
			}
			if err := Render(f, PNG, Options{Width: 400, Height: 300}, &bytes.Buffer{}); err != nil {
				t.Errorf("%s: want a drawing, got %v", tc.name, err)
			}
		})
	}
	// the outer 0.5% on each side go to the end bins
	f := fixedFan(t)
	if f.Clipped == 0 || f.Clipped > 120 {
		t.Errorf("fixed fan: want about 1%% of 10,000 samples clipped into the end bins, got %d", f.Clipped)
	}
	if hi := f.Lo + float64(len(f.Counts))*f.Width; f.Lo > f.Q.P10 || hi < f.Q.P90 || f.Lo > f.Point || hi < f.Point {
		t.Errorf("fixed fan: want the axis [%v, %v] to hold P10, P90 and the point estimate", f.Lo, hi)
	}
}

func TestUncertaintyBadInput(t *testing.T) {
	q := planner.Quantiles{P10: 1, P50: 2, P90: 3, Mean: 2}
	for _, tc := range []struct {
		name      string
		build     func() (Chart, error)
		wantField string // "" means an error without a field
	}{
		{"fan NaN quantile", func() (Chart, error) {
			return NewFan("s", "gpuHours", []float64{1, 2}, planner.Quantiles{P10: math.NaN()}, 1, 1, 1)
		}, ""},
		{"fan Inf point", func() (Chart, error) { return NewFan("s", "gpuHours", []float64{1, 2}, q, math.Inf(1), 1, 1) }, ""},
		{"fan Inf sample", func() (Chart, error) { return NewFan("s", "gpuHours", []float64{1, math.Inf(-1)}, q, 1, 1, 1) }, ""},
		{"fan unknown output", func() (Chart, error) { return NewFan("s", "costs", []float64{1}, q, 1, 1, 1) }, "output"},
		{"tornado NaN base", func() (Chart, error) { return NewTornado("s", planner.Tornado{Output: "gpuHours", Base: math.NaN()}) }, ""},
		{"tornado Inf bar", func() (Chart, error) {
			return NewTornado("s", planner.Tornado{Output: "gpuHours", Base: 1,
				Bars: []planner.TornadoBar{{Key: "mfu", Low: 0.2, High: 0.5, OutputLow: math.Inf(1), OutputHigh: 1}}})
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.build()
			if err == nil {
				t.Fatalf("%s: want an error, got none", tc.name)
			}
			if got := planner.ErrField(err); got != tc.wantField {
				t.Errorf("%s: want field %q, got %q (%v)", tc.name, tc.wantField, got, err)
			}
		})
	}
	// empty states draw
	for name, ch := range map[string]Chart{"fan": &Fan{}, "tornado": &Tornado{}, "tornado none": fixedTornadoNone(t)} {
		if err := Render(ch, PNG, Options{Width: 400, Height: 300}, &bytes.Buffer{}); err != nil {
			t.Errorf("%s: want an empty-state drawing, got %v", name, err)
		}
	}
}

func fixedTornadoNone(t testing.TB) *Tornado {
	tc, err := NewTornado("s", planner.Tornado{Output: "waterOnsiteL", Base: 10,
		Bars: []planner.TornadoBar{{Key: "pue", Label: "PUE", Low: 1.1, High: 1.3, OutputLow: 10, OutputHigh: 10}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(tc.T.Bars) != 0 || len(tc.None) != 1 {
		t.Fatalf("want the zero-swing input in None, got bars %v, none %v", tc.T.Bars, tc.None)
	}
	return tc
}

// TestBuildUncertainty builds both kinds from the built-in scenarios, and
// checks the errors name the flag the command line reports.
func TestBuildUncertainty(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	in := func(edit func(*Input)) Input {
		i := Input{Catalog: cat, Scenarios: f.Scenarios, Baseline: f.Baseline, Samples: 2000, Seed: 1}
		if edit != nil {
			edit(&i)
		}
		return i
	}
	for _, tc := range []struct {
		name      string
		kind      Kind
		in        Input
		wantField string
		wantErr   bool
	}{
		{"fan default", KindFan, in(nil), "", false},
		{"fan gpu-hours", KindFan, in(func(i *Input) { i.Output = "gpuHours"; i.Scenario = f.Scenarios[len(f.Scenarios)-1].Name }), "", false},
		{"fan programme", KindFan, in(func(i *Input) { i.Output = "withExperiments.emissionsTCO2e" }), "", false},
		{"tornado default", KindTornado, in(nil), "", false},
		{"tornado water", KindTornado, in(func(i *Input) { i.Output = "waterOffsiteL" }), "", false},
		{"no scenarios", KindFan, in(func(i *Input) { i.Scenarios, i.Baseline = nil, "" }), "", false},
		{"bad output", KindFan, in(func(i *Input) { i.Output = "cost" }), "output", true},
		{"bad tornado output", KindTornado, in(func(i *Input) { i.Output = "cost" }), "output", true},
		{"bad scenario", KindTornado, in(func(i *Input) { i.Scenario = "nope" }), "scenario", true},
		{"bad samples", KindFan, in(func(i *Input) { i.Samples = -1 }), "samples", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := Build(tc.kind, tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("%s: want error %v, got %v", tc.name, tc.wantErr, err)
			}
			if err != nil {
				if got := planner.ErrField(err); got != tc.wantField {
					t.Errorf("%s: want field %q, got %q (%v)", tc.name, tc.wantField, got, err)
				}
				return
			}
			if err := Render(ch, PNG, Options{Width: 800, Height: 500}, &bytes.Buffer{}); err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		})
	}
	// a run the window made is reused, whatever output it kept
	sc := f.Scenarios[0].Clone()
	sim, err := planner.NewSimulation(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	u, err := sim.Run(t.Context(), planner.Options{Samples: 3000, Seed: 5, Keep: []string{"gpuHours"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"gpuHours", "costUSD.cloud"} {
		ch, err := Build(KindFan, Input{Catalog: cat, Simulation: sim, Uncertainty: u, Output: out, Samples: 3000, Seed: 5})
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		fan := ch.(*Fan)
		q, _ := u.Get(out)
		if out == "gpuHours" && fan.Q != q {
			t.Errorf("%s: want the given run's quantiles %+v, got %+v", out, q, fan.Q)
		}
		if fan.Samples != 3000 || fan.Seed != 5 || fan.Scenario != sc.Name {
			t.Errorf("%s: want 3000 samples, seed 5 of %q, got %d, %d of %q", out, sc.Name, fan.Samples, fan.Seed, fan.Scenario)
		}
	}
}

func TestInputText(t *testing.T) {
	for _, tc := range []struct {
		key  string
		v    float64
		want string
	}{
		{"mfu", 0.2, "20%"},
		{"gpu-price", 33810, "$33.8k"},
		{"electricity-price", 0.08056, "$0.0806/kWh"},
		{"gpu-hour-price", 2.5, "$2.5/GPU-hour"},
		{"pue", 1.078, "1.08"},
		{"depreciation-years", 3, "3 years"},
		{"power-w", 770, "770 W"},
		{"carbon-intensity", 410.5, "411 gCO2e/kWh"},
		{"experiments", 2.5, "2.5×"},
		{"gpus", 25000, "25000"},
		{"params", 1.75e11, "175B parameters"},
		{"nope", 1234.5, "1230"},
	} {
		if got := InputText(tc.key, tc.v); got != tc.want {
			t.Errorf("%s %v: want %q, got %q", tc.key, tc.v, tc.want, got)
		}
	}
}

// BenchmarkUncertaintyCharts draws both kinds at 1200x700 (budget: 15 ms a
// chart), and builds them from a scenario (Monte Carlo of 10,000 samples
// included for the fan).
func BenchmarkUncertaintyCharts(b *testing.B) {
	for name, ch := range map[string]Chart{"fan": fixedFan(b), "tornado": fixedTornado(b)} {
		b.Run("image/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Image(ch, Options{Width: 1200, Height: 700}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/chart")
		})
	}
	cat, err := assets.Catalog()
	if err != nil {
		b.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []Kind{KindFan, KindTornado} {
		b.Run("build/"+string(k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(k, Input{Catalog: cat, Scenarios: f.Scenarios, Baseline: f.Baseline, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/chart")
		})
	}
}
