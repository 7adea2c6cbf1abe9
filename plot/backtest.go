package plot

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"aiplan/planner"
)

// Backtest is the back-test chart: the planner's predictions against the
// figures developers reported for published runs, log-log, informed and
// blind predictions told apart by colour and marker shape.
type Backtest struct {
	Points []BacktestPoint
	Runs   int
	// Figures counts the reported figures with at least one point.
	Figures int
	// Skipped counts rows with no positive reported or predicted value.
	Skipped int
}

// BacktestPoint is one prediction of one reported figure.
type BacktestPoint struct {
	Run, Metric         string
	Reported, Predicted float64
	Blind               bool
}

// NewBacktest turns back-test rows into points: one per valid informed and
// blind prediction; rows without a positive finite value are counted in
// Skipped.
func NewBacktest(rows []planner.BacktestRow) *Backtest {
	b := &Backtest{}
	runs := map[string]bool{}
	add := func(r *planner.BacktestRow, m planner.Maybe, blind bool) {
		if !m.Valid {
			return
		}
		if !finite(r.Reported, m.Value) || r.Reported <= 0 || m.Value <= 0 {
			b.Skipped++
			return
		}
		b.Points = append(b.Points, BacktestPoint{Run: r.Name, Metric: r.Label, Reported: r.Reported, Predicted: m.Value, Blind: blind})
		runs[r.RunID] = true
	}
	for i := range rows {
		n := len(b.Points)
		add(&rows[i], rows[i].Informed, false)
		add(&rows[i], rows[i].Blind, true)
		if len(b.Points) > n {
			b.Figures++
		}
	}
	b.Runs = len(runs)
	return b
}

func buildBacktest(in Input) (Chart, error) {
	rows, err := planner.Backtest(in.Catalog)
	if err != nil {
		return nil, err
	}
	return NewBacktest(rows), nil
}

// medianAbsErr is the median of |predicted / reported - 1| in percent.
func medianAbsErr(ps []BacktestPoint, blind bool) (float64, int) {
	var e []float64
	for _, p := range ps {
		if p.Blind == blind {
			e = append(e, math.Abs(p.Predicted/p.Reported-1)*100)
		}
	}
	if len(e) == 0 {
		return 0, 0
	}
	sort.Float64s(e)
	if len(e)%2 == 1 {
		return e[len(e)/2], len(e)
	}
	return (e[len(e)/2-1] + e[len(e)/2]) / 2, len(e)
}

// Draw implements Chart.
func (b *Backtest) Draw(c *Canvas) error {
	c.Header("Back-test: predicted against reported",
		fmt.Sprintf("%d reported figures of %d published training runs; each figure in its own unit (FLOP, GPU-hours, days, kWh, tCO2e, litres, USD). Log-log.", b.Figures, b.Runs))
	if len(b.Points) == 0 {
		c.Empty("No published runs with reported figures to compare.")
		return nil
	}
	informed, blind := 0, 1
	c.Legend([]LegendItem{
		{Label: "Informed (disclosed GPU-hours, power)", Colour: c.Theme.SeriesColour(informed), Marker: true, Shape: Circle},
		{Label: "Blind (size, tokens, hardware only)", Colour: c.Theme.SeriesColour(blind), Marker: true, Shape: Triangle},
		{Label: "Exact (1:1)", Colour: c.Theme.Foreground, Line: true, Dash: []float64{6, 4}},
		{Label: "Within a factor of 2", Colour: c.Theme.Muted, Line: true, Dash: []float64{2, 3}},
	})
	var notes []string
	mi, ni := medianAbsErr(b.Points, false)
	mb, nb := medianAbsErr(b.Points, true)
	note := fmt.Sprintf("Median absolute error: informed %.1f%% (%d figures)", mi, ni)
	if nb > 0 {
		note += fmt.Sprintf(", blind %.1f%% (%d figures)", mb, nb)
	}
	notes = append(notes, note+".")
	if b.Skipped > 0 {
		notes = append(notes, fmt.Sprintf("%d predictions with a zero or missing value are not drawn.", b.Skipped))
	}
	c.Footnote(notes...)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range b.Points {
		lo = min(lo, p.Reported, p.Predicted)
		hi = max(hi, p.Reported, p.Predicted)
	}
	// a square plot keeps the 1:1 line at 45 degrees
	a := c.Area
	side := min(a.W(), a.H()+c.px(60))
	c.Area = Box{a.Left + (a.W()-side)/2, a.Top, a.Left + (a.W()+side)/2, a.Bottom}
	f := c.Frame(Axis{Title: "Reported (log scale)", Min: lo, Max: hi, Log: true, Format: PowerOfTen},
		Axis{Title: "Predicted (log scale)", Min: lo, Max: hi, Log: true, Format: PowerOfTen})
	c.Area = a
	// reference lines over the common range
	e0, e1 := max(f.X.Min, f.Y.Min), min(f.X.Max, f.Y.Max)
	line := func(shift float64, col color.Color, dash []float64) {
		x0, x1 := e0, e1
		if shift > 0 {
			x1 = e1 - shift
		} else {
			x0 = e0 - shift
		}
		c.Line(f.X.PxAxis(x0), f.Y.PxAxis(x0+shift), f.X.PxAxis(x1), f.Y.PxAxis(x1+shift), col, 1, dash)
	}
	line(math.Log10(2), c.Theme.Muted, []float64{2, 3})
	line(-math.Log10(2), c.Theme.Muted, []float64{2, 3})
	line(0, c.Theme.Foreground, []float64{6, 4})
	r := 4.5 * c.Scale
	for _, p := range b.Points {
		shape, s := Circle, informed
		if p.Blind {
			shape, s = Triangle, blind
		}
		c.Marker(shape, f.X.Px(p.Reported), f.Y.Px(p.Predicted), r, withAlpha(c.Theme.SeriesColour(s), 210), c.Theme.Background)
	}
	return nil
}
