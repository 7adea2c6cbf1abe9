package plot

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"aiplan/planner"
)

// Backtest is the back-test chart: for every figure developers reported
// for a published run, the planner's prediction divided by the figure, on
// a log axis around 1x (exact), one row per figure grouped by metric,
// informed and blind predictions told apart by colour and marker shape.
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
	Run string
	// Metric is the output's path ("gpuHours"), Label and Unit its name
	// and unit ("GPU-hours", "GPU-hours").
	Metric, Label, Unit string
	Reported, Predicted float64
	Blind               bool
}

// Ratio returns predicted / reported.
func (p *BacktestPoint) Ratio() float64 { return p.Predicted / p.Reported }

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
		label := r.Label
		if label == "" {
			label = r.Metric
		}
		b.Points = append(b.Points, BacktestPoint{Run: r.Name, Metric: r.Metric, Label: label, Unit: r.Unit,
			Reported: r.Reported, Predicted: m.Value, Blind: blind})
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
			e = append(e, math.Abs(p.Ratio()-1)*100)
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

// btFigure is one row of the chart: a reported figure and its predictions
// (ratios to the figure, 0 for none).
type btFigure struct {
	run             string
	informed, blind float64
	// strip, when set, is every point of a metric on one row (the compact
	// layout of a small chart); informed and blind are then unused.
	strip []BacktestPoint
}

// btGroup is the figures of one metric, in the rows' order.
type btGroup struct {
	metric, label, unit string
	figures             []btFigure
	points              []BacktestPoint
}

// groups gathers the points into one row per figure and one group per
// metric, the groups in the planner's output order.
func (b *Backtest) groups() []*btGroup {
	var gs []*btGroup
	byMetric := map[string]*btGroup{}
	row := map[string]int{}
	for _, p := range b.Points {
		g := byMetric[p.Metric]
		if g == nil {
			g = &btGroup{metric: p.Metric, label: p.Label, unit: p.Unit}
			byMetric[p.Metric] = g
			gs = append(gs, g)
		}
		g.points = append(g.points, p)
		k := p.Metric + "\x00" + p.Run
		i, ok := row[k]
		if !ok {
			i = len(g.figures)
			row[k] = i
			g.figures = append(g.figures, btFigure{run: p.Run})
		}
		if p.Blind {
			g.figures[i].blind = p.Ratio()
		} else {
			g.figures[i].informed = p.Ratio()
		}
	}
	rank := func(metric string) int {
		for i := range planner.Outputs {
			if planner.Outputs[i].Path == metric {
				return i
			}
		}
		return len(planner.Outputs)
	}
	sort.SliceStable(gs, func(i, j int) bool { return rank(gs[i].metric) < rank(gs[j].metric) })
	return gs
}

// btRanges are the ratio axis's half-ranges (the axis runs from 1/half
// to half), the narrowest first, with their ticks.
var btRanges = []struct {
	half  float64
	ticks []float64
}{
	{2, []float64{0.5, 0.67, 0.8, 1, 1.25, 1.5, 2}},
	{2.5, []float64{0.4, 0.5, 0.8, 1, 1.25, 2, 2.5}},
	{4, []float64{0.25, 0.5, 1, 2, 4}},
}

// btRange returns the narrowest ratio axis that holds every point (0.25x
// to 4x at most), its ticks, and the number of points beyond it.
func btRange(ps []BacktestPoint) (half float64, ticks []float64, clamped int) {
	dev := 1.0
	for _, p := range ps {
		dev = max(dev, p.Ratio(), 1/p.Ratio())
	}
	rng := btRanges[len(btRanges)-1]
	for _, r := range btRanges {
		if dev <= r.half*1.0001 {
			rng = r
			break
		}
	}
	for _, p := range ps {
		if r := p.Ratio(); r > rng.half*1.0001 || r < 1/rng.half/1.0001 {
			clamped++
		}
	}
	return rng.half, rng.ticks, clamped
}

// ratioLabel labels a ratio tick: "0.5×", "1×", "1.25×".
func ratioLabel(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".") + "×"
}

// btMinPt is the smallest row font of the row-per-figure layout; below
// it the chart draws one row per metric.
const btMinPt = 6.5

// btGap is the gap between two groups, in rows.
const btGap = 0.45

// btUnits is the height of groups in rows: headings, figures and gaps.
func btUnits(gs []*btGroup) float64 {
	u := 0.0
	for i, g := range gs {
		if i > 0 {
			u += btGap
		}
		u += float64(1 + len(g.figures))
	}
	return u
}

// btColumns splits the groups, in order, into n columns of rows as even as
// possible.
func btColumns(gs []*btGroup, n int) [][]*btGroup {
	if n <= 1 || len(gs) < 2 {
		return [][]*btGroup{gs}
	}
	best, split := math.Inf(1), 1
	for s := 1; s < len(gs); s++ {
		if u := max(btUnits(gs[:s]), btUnits(gs[s:])); u < best {
			best, split = u, s
		}
	}
	return [][]*btGroup{gs[:split], gs[split:]}
}

// Draw implements Chart.
func (b *Backtest) Draw(c *Canvas) error {
	c.Header("Back-test: predicted ÷ reported for published training runs",
		fmt.Sprintf("%d reported figures of %d runs, grouped by metric. 1× is an exact prediction, 2× double, 0.5× half.",
			b.Figures, b.Runs))
	if len(b.Points) == 0 {
		c.Empty("No published runs with reported figures to compare.")
		return nil
	}
	informed, blind := c.Theme.SeriesColour(0), c.Theme.SeriesColour(1)
	band := mix(c.Theme.SeriesColour(2), c.Theme.Background, 0.82)
	c.Legend([]LegendItem{
		{Label: "Informed (disclosed GPU-hours, power)", Colour: informed, Marker: true, Shape: Circle},
		{Label: "Blind (size, tokens, hardware only)", Colour: blind, Marker: true, Shape: Triangle},
		{Label: "Exact (1×)", Colour: c.Theme.Foreground, Line: true},
		{Label: "Within ±10%", Colour: band},
	})
	half, ticks, clamped := btRange(b.Points)
	mi, ni := medianAbsErr(b.Points, false)
	mb, nb := medianAbsErr(b.Points, true)
	note := fmt.Sprintf("Median absolute error: informed %.1f%% (%d figures)", mi, ni)
	if nb > 0 {
		note += fmt.Sprintf(", blind %.1f%% (%d figures)", mb, nb)
	}
	notes := []string{note + ". Each figure keeps its own unit; the axis compares ratios."}
	if clamped > 0 {
		what := "predictions lie"
		if clamped == 1 {
			what = "prediction lies"
		}
		notes = append(notes, fmt.Sprintf("%d %s beyond %s–%s: drawn at the edge with an arrow.", clamped, what, ratioLabel(1/half), ratioLabel(half)))
	}
	if b.Skipped > 0 {
		notes = append(notes, fmt.Sprintf("%d predictions with a zero or missing value are not drawn.", b.Skipped))
	}
	c.Footnote(notes...)

	gs := b.groups()
	a := c.Area
	lh := c.lineHeight(sizeLabel)
	gap := c.px(6)
	// x axis labels and the axis title at the bottom
	bottom0 := a.Bottom - lh - gap - c.lineHeight(sizeAxis) - gap
	layout := func(gs []*btGroup) (cols [][]*btGroup, pitch, pt float64, bottom int) {
		// one column while its rows get a line and a half; two when wide enough
		cols = btColumns(gs, 1)
		if float64(bottom0-a.Top)/btUnits(gs) < 1.5*float64(lh) && a.W() >= c.px(640) {
			cols = btColumns(gs, 2)
		}
		units := 0.0
		for _, col := range cols {
			units = max(units, btUnits(col))
		}
		// rows no further apart than two lines: a short list stays together
		pitch = min(float64(bottom0-a.Top)/units, 2*float64(lh))
		bottom = a.Top + int(math.Ceil(pitch*units))
		// the row font follows the row pitch, so rows never overlap
		pt = min(sizeLabel, pitch*0.8*72/c.r.GetDPI())
		return cols, pitch, pt, bottom
	}
	cols, pitch, pt, bottom := layout(gs)
	if pt < btMinPt {
		// Too small for a row per figure: one row per metric, every run's
		// marks on it.
		strip := &btGroup{label: "One row per metric, a mark per run (enlarge for a row per run)"}
		for _, g := range gs {
			name := g.label
			if g.unit != "" && g.unit != g.label {
				name += " (" + g.unit + ")"
			}
			strip.figures = append(strip.figures, btFigure{run: name, strip: g.points})
		}
		cols, pitch, pt, bottom = layout([]*btGroup{strip})
	}
	if pt < 5 {
		c.Empty(fmt.Sprintf("Too small for %d rows: enlarge the chart to see the back-test.", b.Figures))
		return nil
	}
	colGap := c.px(28)
	colW := (a.W() - colGap*(len(cols)-1)) / len(cols)
	for i, col := range cols {
		left := a.Left + i*(colW+colGap)
		b.drawColumn(c, col, Box{left, a.Top, left + colW, bottom}, pitch, pt, half, ticks)
	}
	c.Text("Predicted ÷ reported (log scale)", (a.Left+a.Right)/2, bottom+gap+lh+gap+c.lineHeight(sizeAxis)*3/4, sizeAxis, c.Theme.Foreground, AlignCenter)
	return nil
}

// drawColumn draws the groups gs in box: headings and run names on the
// left, the ratio axis on the right, its tick labels under box.
func (b *Backtest) drawColumn(c *Canvas, gs []*btGroup, box Box, pitch, pt, half float64, ticks []float64) {
	th := &c.Theme
	gap := c.px(6)
	indent := c.px(10)
	// name column: the widest run name and heading, at most 40% of the box
	nameW := 0
	for _, g := range gs {
		w, _ := c.Measure(g.label, pt)
		nameW = max(nameW, w)
		for _, f := range g.figures {
			w, _ := c.Measure(f.run, pt)
			nameW = max(nameW, w+indent)
		}
	}
	nameW = min(nameW, box.W()*2/5)
	arrow := c.px(9) // room for the clamp arrows
	plot := Box{box.Left + nameW + gap + arrow, box.Top, box.Right - arrow, box.Bottom}
	lo, hi := -math.Log10(half), math.Log10(half)
	px := func(ratio float64) int {
		u := math.Max(lo, math.Min(hi, math.Log10(ratio)))
		return plot.Left + int(math.Round((u-lo)/(hi-lo)*float64(plot.W())))
	}
	// ±10% band, grid, 1x line, tick labels
	c.FillRect(Box{px(0.9), plot.Top, px(1.1), plot.Bottom}, mix(th.SeriesColour(2), th.Background, 0.82))
	lh := c.lineHeight(sizeLabel)
	// labels from 1x outwards, each kept only if it clears the last one
	// on its side
	for _, t := range ticks {
		if t != 1 {
			c.Line(px(t), plot.Top, px(t), plot.Bottom, th.Grid, 1, nil)
		}
	}
	c.Text(ratioLabel(1), px(1), plot.Bottom+gap+lh*3/4, sizeLabel, th.Muted, AlignCenter)
	for _, dir := range []int{-1, 1} {
		w1, _ := c.Measure(ratioLabel(1), sizeLabel)
		edge := px(1) + dir*w1/2
		for i := range ticks {
			t := ticks[i]
			if dir < 0 {
				t = ticks[len(ticks)-1-i]
			}
			if (dir < 0) != (t < 1) || t == 1 {
				continue
			}
			w, _ := c.Measure(ratioLabel(t), sizeLabel)
			near := px(t) - dir*w/2
			if (near-edge)*dir < c.px(8) {
				continue
			}
			c.Text(ratioLabel(t), px(t), plot.Bottom+gap+lh*3/4, sizeLabel, th.Muted, AlignCenter)
			edge = px(t) + dir*w/2
		}
	}
	c.Line(plot.Left-arrow, plot.Bottom, plot.Right+arrow, plot.Bottom, th.Muted, 1, nil)
	// rows: headings, names and guides first, then the 1x line, then the
	// points over both
	_, th0 := c.Measure("0", pt)
	r := math.Min(4.5*c.Scale, pitch*0.32)
	// informed a little above the row's line, blind a little below, so
	// equal predictions stay visible
	off := int(math.Round(math.Min(pitch*0.14, 3*c.Scale)))
	type mark struct {
		f btFigure
		y int
	}
	var marks []mark
	// a solid guide lighter than the grid reads as well as a dotted one
	// and draws in a fraction of the time
	guide := mix(th.Grid, th.Background, 0.45)
	y := float64(box.Top)
	mid := func() int { return int(math.Round(y + pitch/2)) }
	for gi, g := range gs {
		if gi > 0 {
			y += pitch * btGap
		}
		head := g.label
		if g.unit != "" && g.unit != g.label {
			head += " (" + g.unit + ")"
		}
		c.Text(c.clip(head, box.W(), pt), box.Left, mid()+th0/3, pt, th.Foreground, AlignLeft)
		y += pitch
		for _, f := range g.figures {
			m := mid()
			c.Line(plot.Left-arrow, m, plot.Right+arrow, m, guide, 1, nil)
			c.Text(c.clip(f.run, nameW-indent, pt), box.Left+indent, m+th0/3, pt, th.Muted, AlignLeft)
			marks = append(marks, mark{f, m})
			y += pitch
		}
	}
	c.Line(px(1), plot.Top, px(1), plot.Bottom, th.Foreground, 1, nil)
	for _, mk := range marks {
		f, m := mk.f, mk.y
		for _, p := range f.strip {
			if p.Blind {
				b.point(c, px, p.Ratio(), m+off, r, Triangle, th.SeriesColour(1), half, arrow)
			} else {
				b.point(c, px, p.Ratio(), m-off, r, Circle, th.SeriesColour(0), half, arrow)
			}
		}
		if f.informed > 0 && f.blind > 0 && px(f.informed) != px(f.blind) {
			c.Line(px(f.informed), m, px(f.blind), m, withAlpha(th.Muted, 140), 1, nil)
		}
		if f.informed > 0 {
			b.point(c, px, f.informed, m-off, r, Circle, th.SeriesColour(0), half, arrow)
		}
		if f.blind > 0 {
			b.point(c, px, f.blind, m+off, r, Triangle, th.SeriesColour(1), half, arrow)
		}
	}
}

// point draws one prediction at ratio on the row at y; beyond the axis it
// sits on the edge with an arrow pointing out.
func (b *Backtest) point(c *Canvas, px func(float64) int, ratio float64, y int, r float64, s Shape, col color.Color, half float64, arrow int) {
	x := px(ratio)
	c.Marker(s, x, y, r, withAlpha(col, 225), c.Theme.Background)
	out := 0
	switch {
	case ratio > half*1.0001:
		out = 1
	case ratio < 1/half/1.0001:
		out = -1
	}
	if out == 0 {
		return
	}
	// an arrowhead just outside the edge
	base := x + out*int(math.Round(r+c.Scale))
	tip := base + out*(arrow-c.px(1))
	w := max(2, int(math.Round(r*0.8)))
	c.r.ResetStyle()
	c.r.SetFillColor(dc(col))
	c.path([][2]int{{base, y - w}, {tip, y}, {base, y + w}}, true)
	c.r.Fill()
}
