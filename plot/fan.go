package plot

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"aiplan/planner"
)

// Fan is the Monte Carlo distribution of one output of one scenario: a
// histogram of the samples (bins inside P10-P90 dark, the tails light),
// with P10, P50 and P90 and the deterministic point estimate marked and
// labelled in the output's human unit.
type Fan struct {
	Scenario string
	// Output is the output's path (an Outputs path, optionally prefixed by
	// "withExperiments."); Label its name.
	Output string
	Label  string
	// Samples is the number of finite samples, Inputs the number of
	// uncertain inputs they vary, Seed the random seed.
	Samples int
	Inputs  int
	Seed    uint64
	Q       planner.Quantiles
	// Point is the deterministic estimate (every input at its value).
	Point float64
	// The histogram: bin i counts the samples in [Lo + i Width, Lo + (i+1)
	// Width); Clipped samples beyond the outer 0.5% on each side are
	// counted in the end bins.
	Lo, Width float64
	Counts    []int
	Clipped   int
}

// fanBins is the number of histogram bins aimed at.
const fanBins = 40

// NewFan bins the samples of output (an Outputs path, optionally prefixed
// by "withExperiments.") of the named scenario. NaN samples (the output
// absent in that draw) are skipped; q are the run's quantiles, point the
// deterministic estimate, inputs the number of uncertain inputs. It fails
// on an infinite sample, a non-finite quantile or point, or an unknown
// output path.
func NewFan(scenario, output string, samples []float64, q planner.Quantiles, point float64, inputs int, seed uint64) (*Fan, error) {
	o := planner.OutputByPath(planner.OutputPathOf(output))
	if o == nil {
		return nil, &planner.FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
			Msg: "accepted: " + strings.Join(planner.TornadoOutputs(), ", ")}
	}
	if !finite(q.P10, q.P50, q.P90, q.Mean, point) {
		return nil, fmt.Errorf("plot: %s: the quantiles and point estimate must be finite numbers", output)
	}
	label := o.Label
	if strings.HasPrefix(output, "withExperiments.") {
		label += " (with experiments)"
	}
	fan := &Fan{Scenario: scenario, Output: output, Label: label, Inputs: inputs, Seed: seed, Q: q, Point: point}
	xs := make([]float64, 0, len(samples))
	for _, v := range samples {
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("plot: %s: an infinite sample", output)
		}
		if !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	fan.Samples = len(xs)
	if len(xs) == 0 {
		return fan, nil
	}
	slices.Sort(xs)
	at := func(p float64) float64 { return xs[min(len(xs)-1, int(p*float64(len(xs))))] }
	lo, hi := at(0.005), at(0.995)
	lo, hi = math.Min(lo, math.Min(q.P10, point)), math.Max(hi, math.Max(q.P90, point))
	width := niceStep((hi - lo) / fanBins)
	if !(width > 0) {
		// every sample equal: one bar a hundredth of the value wide
		width = math.Max(math.Abs(lo)*0.01, 1e-9)
	}
	fan.Width = width
	fan.Lo = math.Floor(lo/width) * width
	n := max(1, int(math.Ceil((hi-fan.Lo)/width-1e-9)))
	if fan.Lo+float64(n)*width <= hi {
		n++ // hi itself falls in a bin
	}
	fan.Counts = make([]int, n)
	for _, v := range xs {
		i := int(math.Floor((v - fan.Lo) / width))
		if i < 0 || i >= n {
			fan.Clipped++
			i = min(max(i, 0), n-1)
		}
		fan.Counts[i]++
	}
	return fan, nil
}

// niceStep returns the smallest 1, 2, 2.5 or 5 times a power of ten at
// least s.
func niceStep(s float64) float64 {
	if !(s > 0) || math.IsInf(s, 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(s)))
	for _, m := range niceSteps {
		if m*p >= s*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// pickScenario returns the index of the scenario named in.Scenario, else
// the baseline, else the first; the error names the field.
func pickScenario(in Input) (int, error) {
	name, field := in.Scenario, "scenario"
	if name == "" {
		name, field = in.Baseline, "baseline"
	}
	if name == "" {
		return 0, nil
	}
	names := make([]string, len(in.Scenarios))
	for i := range in.Scenarios {
		if in.Scenarios[i].Name == name {
			return i, nil
		}
		names[i] = in.Scenarios[i].Name
	}
	return -1, &planner.FieldError{Field: field, Value: fmt.Sprintf("%q", name),
		Msg: "accepted: a scenario name: " + joinNames(names)}
}

// DefaultOutput is the output of the fan and tornado charts when
// Input.Output is "".
const DefaultOutput = "costUSD.cloud"

// simulate returns the name of the chosen output (DefaultOutput when
// in.Output is "") and the simulation of the chosen scenario: in.Simulation
// when set, else one of in.Scenario (the baseline, then the first). With
// run it also returns a Monte Carlo run that kept the output's samples:
// in.Uncertainty when it did, else a new run of in.Samples with in.Seed.
// With no scenario it returns a nil simulation.
func simulate(in Input, run bool) (output string, sim *planner.Simulation, u *planner.Uncertainty, err error) {
	output = in.Output
	if output == "" {
		output = DefaultOutput
	}
	if planner.OutputByPath(planner.OutputPathOf(output)) == nil {
		return "", nil, nil, &planner.FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
			Msg: "accepted: " + strings.Join(planner.TornadoOutputs(), ", ")}
	}
	sim = in.Simulation
	if sim == nil {
		if len(in.Scenarios) == 0 {
			return output, nil, nil, nil
		}
		i, err := pickScenario(in)
		if err != nil {
			return "", nil, nil, err
		}
		sc := in.Scenarios[i].Clone()
		if sim, err = planner.NewSimulation(in.Catalog, &sc); err != nil {
			return "", nil, nil, &ScenarioError{Name: sc.Name, Err: err}
		}
	}
	if !run {
		return output, sim, nil, nil
	}
	if u = in.Uncertainty; u != nil && u.Kept[output] != nil {
		return output, sim, u, nil
	}
	u, err = sim.Run(context.Background(), planner.Options{Samples: in.Samples, Seed: in.Seed, Keep: []string{output}})
	if err != nil {
		if planner.ErrField(err) == "samples" {
			return "", nil, nil, err
		}
		return "", nil, nil, &ScenarioError{Name: sim.Scenario.Name, Err: err}
	}
	return output, sim, u, nil
}

// FanFromRun builds the fan chart of output from a Monte Carlo run of sim
// that kept output's samples (planner.Options.Keep).
func FanFromRun(sim *planner.Simulation, u *planner.Uncertainty, output string) (*Fan, error) {
	if sim == nil || u == nil {
		return nil, errors.New("plot: fan: no Monte Carlo run")
	}
	samples, ok := u.Kept[output]
	q, okQ := u.Get(output)
	if !ok || !okQ {
		if _, known := pointOf(sim, output); !known {
			return nil, unknownOutput(output)
		}
		return nil, fmt.Errorf("plot: fan: the run did not keep the samples of %s", output)
	}
	point, _ := pointOf(sim, output)
	return NewFan(sim.Scenario.Name, output, samples, q, point, len(u.Inputs), u.Seed)
}

func unknownOutput(output string) error {
	return &planner.FieldError{Field: "output", Value: fmt.Sprintf("%q", output),
		Msg: "is unknown for this scenario (give params and tokens or flops for compute, a chip with embodied data for embodied carbon)"}
}

// pointOf returns the deterministic value of output.
func pointOf(sim *planner.Simulation, output string) (float64, bool) {
	path, prog := strings.CutPrefix(output, "withExperiments.")
	o := planner.OutputByPath(path)
	if o == nil {
		return 0, false
	}
	if prog {
		return o.Get(&sim.Point.WithExperiments)
	}
	return o.Get(&sim.Point.Totals)
}

func buildFan(in Input) (Chart, error) {
	output, sim, u, err := simulate(in, true)
	if err != nil {
		return nil, err
	}
	if sim == nil {
		return &Fan{Output: output}, nil
	}
	return FanFromRun(sim, u, output)
}

// Draw implements Chart.
func (f *Fan) Draw(c *Canvas) error {
	label := f.Label
	if label == "" {
		label = "Output"
	}
	if len(f.Counts) == 0 {
		c.Header(label+": Monte Carlo distribution", "")
		c.Empty("No samples to chart: select a scenario that evaluates.")
		return nil
	}
	path := planner.OutputPathOf(f.Output)
	h := func(v float64) string { return planner.Human(path, v) }
	band := ""
	if f.Q.P10 > 0 {
		band = fmt.Sprintf("; P90 / P10 = %s", Ratio(roundTo(f.Q.P90/f.Q.P10, 2)))
	}
	c.Header(label+": Monte Carlo distribution",
		fmt.Sprintf("%s: %s samples (seed %d) over %d uncertain inputs. 80%% of samples lie between P10 and P90%s.",
			quoted(f.Scenario), planner.HumanCount(float64(f.Samples)), f.Seed, f.Inputs, band))
	inner, tail := c.Theme.SeriesColour(0), c.Theme.SeriesColour(4)
	c.Legend([]LegendItem{
		{Label: "Samples between P10 and P90", Colour: inner},
		{Label: "Samples in the tails", Colour: tail},
		{Label: "P10, P50, P90", Colour: c.Theme.Foreground, Line: true},
		{Label: "Point estimate", Colour: c.Theme.Highlight, Line: true, Dash: []float64{6, 3}},
	})
	notes := []string{fmt.Sprintf("Bars: share of samples per bin of %s. The point estimate sets every input to its resolved value; "+
		"P50 differs from it where ranges are skewed or outputs are non-linear in the inputs (time is 1 / MFU).", h(f.Width))}
	if f.Clipped > 0 {
		notes = append(notes, fmt.Sprintf("The outer 0.5%% on each side (%s samples) are counted in the end bins.", planner.HumanCount(float64(f.Clipped))))
	}
	c.Footnote(notes...)

	top := 0
	for _, n := range f.Counts {
		top = max(top, n)
	}
	share := func(n int) float64 { return float64(n) / float64(f.Samples) }
	// two rows of marker labels above the plot, so the share axis is
	// scaled to the tallest bar alone (a third row, rare, goes inside)
	lh := c.lineHeight(sizeLabel)
	const labelRows = 2
	c.Area.Top += labelRows * lh
	hi := f.Lo + float64(len(f.Counts))*f.Width
	fr := c.Frame(Axis{Title: axisTitle(label, path), Min: f.Lo, Max: hi, Format: tickFormat(path)},
		Axis{Title: "Share of samples", Min: 0, Max: share(top), ZeroBased: true, Format: planner.HumanPercent})
	p := fr.Plot
	for i, n := range f.Counts {
		if n == 0 {
			continue
		}
		a, b := f.Lo+float64(i)*f.Width, f.Lo+float64(i+1)*f.Width
		col := tail
		if mid := (a + b) / 2; mid >= f.Q.P10 && mid <= f.Q.P90 {
			col = inner
		}
		box := Box{fr.X.Px(a), fr.Y.Px(share(n)), fr.X.Px(b), p.Bottom}
		if box.W() > 2 {
			box.Right -= c.px(1)
		}
		if box.Top == box.Bottom {
			box.Top-- // a sample is never invisible
		}
		c.FillRect(box, col)
	}
	// markers and their labels, in rows from the top of the plot
	var rows [][][2]int
	place := func(x0, x1 int) int {
		for r := range rows {
			free := true
			for _, s := range rows[r] {
				if x0 < s[1]+c.px(8) && x1 > s[0]-c.px(8) {
					free = false
					break
				}
			}
			if free {
				rows[r] = append(rows[r], [2]int{x0, x1})
				return r
			}
		}
		rows = append(rows, [][2]int{{x0, x1}})
		return len(rows) - 1
	}
	type mark struct {
		text  string
		v     float64
		point bool
		width float64
		dash  []float64
		align Align
	}
	marks := []mark{
		{"P50 " + h(f.Q.P50), f.Q.P50, false, 2, nil, AlignCenter},
		{"P10 " + h(f.Q.P10), f.Q.P10, false, 1.5, []float64{4, 3}, AlignRight},
		{"P90 " + h(f.Q.P90), f.Q.P90, false, 1.5, []float64{4, 3}, AlignLeft},
		{"Point estimate " + h(f.Point), f.Point, true, 2, []float64{6, 3}, AlignLeft},
	}
	if f.Point < f.Q.P50 {
		marks[3].align = AlignRight
	}
	colour := func(m mark) color.Color {
		if m.point {
			return c.Theme.Highlight
		}
		return c.Theme.Foreground
	}
	for _, m := range marks {
		x := fr.X.Px(m.v)
		c.Line(x, p.Top-labelRows*lh+c.px(4), x, p.Bottom, colour(m), m.width, m.dash)
	}
	for _, m := range marks {
		x := fr.X.Px(m.v)
		w, _ := c.Measure(m.text, sizeLabel)
		tx, x0 := x, x-w/2
		switch m.align {
		case AlignRight:
			tx, x0 = x-c.px(5), x-c.px(5)-w
		case AlignLeft:
			tx, x0 = x+c.px(5), x+c.px(5)
		}
		// keep the label inside the plot
		if x0 < p.Left {
			tx += p.Left - x0
			x0 = p.Left
		}
		if x0+w > p.Right {
			tx -= x0 + w - p.Right
			x0 = p.Right - w
		}
		r := place(x0, x0+w)
		c.plateText(m.text, tx, p.Top+lh*(r+1-labelRows)-c.px(3), sizeLabel, colour(m), m.align)
	}
	return nil
}

// axisTitle is an output's label with its unit, once.
func axisTitle(label, path string) string {
	u := unitOf(path)
	if u == "" || strings.Contains(label, u) {
		return label
	}
	return label + " (" + u + ")"
}

// tickFormat labels axis ticks of an output: planner.Human without a
// trailing unit word the axis title already carries ("180M" rather than
// "180 million GPU-hours").
func tickFormat(path string) func(float64) string {
	switch path {
	case "gpuHours", "breakEvenGPUHours":
		return compactCount
	}
	return func(v float64) string { return planner.Human(path, v) }
}

// compactCount writes a count with a k, M, B or T suffix: 180e6 -> "180M".
func compactCount(v float64) string {
	a := math.Abs(v)
	for _, s := range []struct {
		f   float64
		sfx string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if a >= s.f {
			return sig3(v/s.f) + s.sfx
		}
	}
	return sig3(v)
}

// unitOf names the unit of an output path on an axis title.
func unitOf(path string) string {
	if o := planner.OutputByPath(path); o != nil {
		if o.Unit == "fraction" {
			return "%"
		}
		return o.Unit
	}
	return ""
}

func quoted(name string) string {
	if name == "" {
		return "Scenario"
	}
	return "Scenario " + fmt.Sprintf("%q", name)
}

// roundTo rounds v to d decimals.
func roundTo(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}
