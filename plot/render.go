package plot

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2"

	"aiplan/planner"
)

// Chart is one chart kind's data, ready to draw at any size.
type Chart interface {
	// Draw lays the chart out on c. It returns an error only when the
	// chart cannot be drawn at all; missing data draws an empty state.
	Draw(c *Canvas) error
}

// Format is an output format.
type Format int

// Formats.
const (
	PNG Format = iota
	SVG
)

// FormatFromPath returns the format named by a file's extension (.png or
// .svg, any case).
func FormatFromPath(path string) (Format, bool) {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".png"):
		return PNG, true
	case strings.HasSuffix(p, ".svg"):
		return SVG, true
	}
	return 0, false
}

// Size limits of a chart, in pixels.
const (
	MinWidth  = 240
	MinHeight = 160
	MaxSide   = 10000
)

// Options are the size and look of one rendering.
type Options struct {
	Width, Height int
	// Theme defaults to Light.
	Theme *Theme
	// Scale multiplies lengths and font sizes (0 means 1).
	Scale float64
}

func (o Options) check() (Theme, float64, error) {
	if o.Width < MinWidth || o.Width > MaxSide {
		return Theme{}, 0, &planner.FieldError{Field: "width", Value: fmt.Sprint(o.Width),
			Msg: fmt.Sprintf("accepted: %d to %d pixels", MinWidth, MaxSide)}
	}
	if o.Height < MinHeight || o.Height > MaxSide {
		return Theme{}, 0, &planner.FieldError{Field: "height", Value: fmt.Sprint(o.Height),
			Msg: fmt.Sprintf("accepted: %d to %d pixels", MinHeight, MaxSide)}
	}
	s := o.Scale
	if s == 0 {
		s = 1
	}
	if !(s >= 0.5 && s <= 4) {
		return Theme{}, 0, &planner.FieldError{Field: "scale", Value: fmt.Sprint(o.Scale), Msg: "accepted: 0.5 to 4"}
	}
	t := Light()
	if o.Theme != nil {
		t = *o.Theme
	}
	return t, s, nil
}

// Render draws ch in format f and writes the file's bytes to w.
func Render(ch Chart, f Format, opt Options, w io.Writer) error {
	theme, scale, err := opt.check()
	if err != nil {
		return err
	}
	provider := chart.PNG
	if f == SVG {
		provider = chart.SVG
	}
	r, err := provider(opt.Width, opt.Height)
	if err != nil {
		return err
	}
	if err := draw(ch, r, f == SVG, opt.Width, opt.Height, theme, scale); err != nil {
		return err
	}
	return r.Save(w)
}

// Image draws ch into an image through chart.ImageWriter, without PNG
// encoding: the window's path.
func Image(ch Chart, opt Options) (image.Image, error) {
	theme, scale, err := opt.check()
	if err != nil {
		return nil, err
	}
	r, err := chart.PNG(opt.Width, opt.Height)
	if err != nil {
		return nil, err
	}
	if err := draw(ch, r, false, opt.Width, opt.Height, theme, scale); err != nil {
		return nil, err
	}
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		return nil, err
	}
	return iw.Image()
}

func draw(ch Chart, r chart.Renderer, svg bool, w, h int, theme Theme, scale float64) (err error) {
	if ch == nil {
		return errors.New("plot: no chart")
	}
	c, err := newCanvas(r, svg, w, h, theme, scale)
	if err != nil {
		return err
	}
	defer func() {
		// A drawing bug must not take the window down with it.
		if p := recover(); p != nil {
			err = fmt.Errorf("plot: drawing failed: %v", p)
		}
	}()
	return ch.Draw(c)
}

func log10(v float64) float64 { return math.Log10(v) }

// Kind names a chart that can be built from an Input.
type Kind string

// Chart kinds built from scenarios and the catalogue.
const (
	KindBreakdown     Kind = "breakdown"
	KindCompare       Kind = "compare"
	KindEnergySources Kind = "energy-sources"
	KindBacktest      Kind = "backtest"
	KindGap           Kind = "gap"
	KindWaterfall     Kind = "waterfall"
	KindProjection    Kind = "projection"
	KindFan           Kind = "fan"
	KindTornado       Kind = "tornado"
	KindGapCompare    Kind = "gap-compare"
)

// Input is what the scenario charts are built from. Each kind reads the
// fields it needs.
type Input struct {
	Catalog   *planner.Catalog
	Scenarios []planner.Scenario
	// Method is the cost method: "cloud", "amortized" or "purchase".
	Method string
	// Baseline is the name of the compare chart's baseline scenario
	// (default: the first).
	Baseline string
	// Scenario is the name of the energy-sources chart's scenario
	// (default: the baseline, then the first).
	Scenario string
	// Gap is the bubble-gap model's inputs (nil: the sequoia-2024 preset).
	Gap *planner.GapInputs
	// Bubble and Reported are the gap-compare chart's scenarios and reported
	// series (Bubble nil: Gap as one scenario, else the sequoia-2024
	// preset; Reported nil: no points).
	Bubble   []planner.BubbleScenario
	Reported *planner.ReportedData
	// Projection is the training-cost projection's inputs (nil: the
	// catalogue's planner.DefaultProjection).
	Projection *planner.ProjectionInputs
	// Output is the output path of the fan and tornado charts (an
	// estimate --json path such as costUSD.cloud or gpuHours, optionally
	// prefixed by "withExperiments."; default DefaultOutput). Their
	// scenario is Scenario (default: the baseline, then the first).
	Output string
	// Samples and Seed drive the fan chart's Monte Carlo (Samples 0:
	// planner.DefaultSamples).
	Samples int
	Seed    uint64
	// Simulation, when set, is the fan and tornado charts' scenario already
	// compiled (the window's), used instead of Scenarios; Uncertainty, when
	// set and keeping Output's samples, is its Monte Carlo run, used
	// instead of running again.
	Simulation  *planner.Simulation
	Uncertainty *planner.Uncertainty
}

// KindInfo describes a chart kind of the Kinds list.
type KindInfo struct {
	Kind  Kind
	Title string
	// Uses lists the Input fields the kind reads besides Catalog:
	// "scenarios", "method", "baseline", "scenario", "output".
	Uses  []string
	Build func(in Input) (Chart, error)
}

// Kinds lists the chart kinds built from an Input, in menu order.
var Kinds = []KindInfo{
	{KindBreakdown, "Cost breakdown", []string{"scenarios", "method"}, buildBreakdown},
	{KindCompare, "Scenario comparison", []string{"scenarios", "method", "baseline"}, buildCompare},
	{KindEnergySources, "Energy sources", []string{"scenarios", "scenario"}, buildEnergySources},
	{KindBacktest, "Back-test", nil, buildBacktest},
	{KindGap, "Bubble gap by year", []string{"gap"}, buildGap},
	{KindWaterfall, "Bubble gap waterfall", []string{"gap"}, buildWaterfall},
	{KindProjection, "Training-cost projection", []string{"scenarios", "projection"}, buildProjection},
	{KindFan, "Uncertainty distribution", []string{"scenarios", "scenario", "output"}, buildFan},
	{KindTornado, "Tornado sensitivity", []string{"scenarios", "scenario", "output"}, buildTornado},
	{KindGapCompare, "Bubble-risk scenarios compared", []string{"bubble"}, buildGapCompare},
}

// KindNames lists the names of Kinds.
func KindNames() []string {
	n := make([]string, len(Kinds))
	for i, k := range Kinds {
		n[i] = string(k.Kind)
	}
	return n
}

// Build builds the chart kind from in. Errors about in name the field
// (*planner.FieldError with Field "kind", "method", "baseline",
// "scenario", "output" or "samples"); a scenario that does not evaluate gives a *ScenarioError.
func Build(kind Kind, in Input) (Chart, error) {
	for _, k := range Kinds {
		if k.Kind == kind {
			if in.Catalog == nil {
				return nil, errors.New("plot: no catalogue")
			}
			return k.Build(in)
		}
	}
	return nil, &planner.FieldError{Field: "kind", Value: fmt.Sprintf("%q", kind),
		Msg: "accepted: " + strings.Join(KindNames(), ", ")}
}

// ScenarioError says which scenario failed to evaluate.
type ScenarioError struct {
	Name string
	Err  error
}

func (e *ScenarioError) Error() string { return fmt.Sprintf("scenario %q: %v", e.Name, e.Err) }

func (e *ScenarioError) Unwrap() error { return e.Err }

// Methods lists the cost methods.
var Methods = []string{"cloud", "amortized", "purchase"}

func checkMethod(m string) (string, error) {
	if m == "" {
		return "cloud", nil
	}
	for _, v := range Methods {
		if v == m {
			return m, nil
		}
	}
	return "", &planner.FieldError{Field: "method", Value: fmt.Sprintf("%q", m), Msg: "accepted: " + strings.Join(Methods, ", ")}
}

// evaluate runs every scenario; the error names the scenario.
func evaluate(cat *planner.Catalog, scs []planner.Scenario) ([]planner.Result, error) {
	rs := make([]planner.Result, len(scs))
	for i := range scs {
		sc := scs[i].Clone()
		r, _, err := planner.Estimate(cat, &sc)
		if err != nil {
			return nil, &ScenarioError{Name: scs[i].Name, Err: err}
		}
		rs[i] = r
	}
	return rs, nil
}

// namedTotals evaluates the input's scenarios and returns their names and
// final-run totals.
func namedTotals(in Input) ([]string, []planner.Totals, error) {
	rs, err := evaluate(in.Catalog, in.Scenarios)
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(rs))
	totals := make([]planner.Totals, len(rs))
	for i := range rs {
		names[i], totals[i] = in.Scenarios[i].Name, rs[i].Totals
	}
	return names, totals, nil
}

// costOf returns the total of method from t.
func costOf(t *planner.Totals, method string) float64 {
	switch method {
	case "amortized":
		return t.CostUSD.Amortized
	case "purchase":
		return t.CostUSD.Purchase
	}
	return t.CostUSD.Cloud
}

// methodLabel is the name of a cost method in titles.
func methodLabel(method string) string {
	switch method {
	case "amortized":
		return "amortized ownership"
	case "purchase":
		return "outright purchase"
	}
	return "cloud rent"
}
