package plot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"aiplan/planner"
)

// Gap is the bubble-gap chart: the revenue the data-centre build-out needs
// and the expected AI revenue, year by year, with the area between the two
// lines shaded (the annual gap; a surplus in another colour) and the year
// the gap closes marked.
type Gap struct {
	Preset    string
	LifeYears float64
	// PriorVintages says the vintages before the first year are counted.
	PriorVintages bool
	Years         []planner.GapYear
	// ClosesYear is the first year with gap <= 0, nil when not within the
	// horizon.
	ClosesYear *int
	// GapToRevenue is the first year's gap / revenue (nil when no revenue).
	GapToRevenue *float64
	// ItemisedGapUSD is the first year's gap against the listed companies
	// only; ItemisedRevenueUSD their sum. Shown when it differs from Years[0].
	ItemisedRevenueUSD float64
	ItemisedGapUSD     float64
}

// NewGap builds the chart from an evaluated gap model. It fails on a NaN or
// infinite figure.
func NewGap(r *planner.GapResult) (*Gap, error) {
	if r == nil {
		return nil, errors.New("plot: no gap result")
	}
	g := &Gap{Preset: r.Inputs.Preset, LifeYears: r.Inputs.LifeYears, PriorVintages: r.Inputs.PriorVintages, Years: append([]planner.GapYear(nil), r.Years...),
		ClosesYear: r.ClosesYear, GapToRevenue: r.GapToRevenue,
		ItemisedRevenueUSD: r.ItemisedRevenueUSD, ItemisedGapUSD: r.ItemisedGapUSD}
	for _, y := range g.Years {
		if !finite(y.RequiredRevenueUSD, y.RevenueUSD, y.GapUSD, y.CumulativeGapUSD) {
			return nil, fmt.Errorf("plot: gap year %d has a non-finite figure", y.Year)
		}
	}
	if !finite(g.ItemisedRevenueUSD, g.ItemisedGapUSD) {
		return nil, errors.New("plot: the itemised revenue is not a finite number")
	}
	return g, nil
}

func buildGap(in Input) (Chart, error) {
	r, err := gapResult(in)
	if err != nil {
		return nil, err
	}
	return NewGap(&r)
}

// gapResult evaluates in.Gap, or the sequoia-2024 preset when it is nil.
func gapResult(in Input) (planner.GapResult, error) {
	var g planner.GapInputs
	if in.Gap != nil {
		g = *in.Gap
	} else {
		var err error
		if g, err = planner.GapPreset(in.Catalog, planner.GapPreset2024); err != nil {
			return planner.GapResult{}, err
		}
	}
	return planner.EvaluateGap(g)
}

// YearLabel labels a whole year ("2024"); other values get no label, so
// that a tick step below one year is never chosen.
func YearLabel(v float64) string {
	if math.Abs(v-math.Round(v)) > 1e-6 {
		return ""
	}
	return strconv.Itoa(int(math.Round(v)))
}

// yearAxis is the value axis of years first..last (widened by a year on
// each side when they are equal).
func yearAxis(title string, first, last int) Axis {
	lo, hi := float64(first), float64(last)
	if hi <= lo {
		lo, hi = lo-1, lo+1
	}
	return Axis{Title: title, Min: lo, Max: hi, Format: YearLabel}
}

// fillPolygon fills the closed polygon pts with col.
func (c *Canvas) fillPolygon(pts [][2]int, col color.Color) {
	if len(pts) < 3 {
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(dc(col))
	c.path(pts, true)
	c.r.Fill()
}

// polyline strokes the open path pts.
func (c *Canvas) polyline(pts [][2]int, col color.Color, width float64, dash []float64) {
	if len(pts) < 2 {
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(math.Max(1, math.Round(width*c.Scale)))
	if len(dash) > 0 {
		d := make([]float64, len(dash))
		for i, v := range dash {
			d[i] = v * c.Scale
		}
		c.r.SetStrokeDashArray(d)
	}
	c.path(pts, false)
	c.r.Stroke()
}

// plateText draws s centred on x with its baseline at y over a plate of the
// background colour, so it reads over lines and fills.
func (c *Canvas) plateText(s string, x, y int, size float64, col color.Color, align Align) {
	w, h := c.Measure(s, size)
	left := x
	switch align {
	case AlignCenter:
		left = x - w/2
	case AlignRight:
		left = x - w
	}
	c.FillRect(Box{left - c.px(3), y - h + c.px(1), left + w + c.px(3), y + h/3}, withAlpha(c.Theme.Background, 225))
	c.Text(s, x, y, size, col, align)
}

// Gap chart colours: the required line, the revenue line, gap and surplus.
func (g *Gap) colours(t *Theme) (req, rev, gap, surplus color.Color) {
	return t.SeriesColour(0), t.SeriesColour(2), t.SeriesColour(1), t.SeriesColour(2)
}

// Draw implements Chart.
func (g *Gap) Draw(c *Canvas) error {
	if len(g.Years) == 0 {
		c.Header("Required vs expected AI revenue", "")
		c.Empty("No years to chart: set a horizon of at least one year.")
		return nil
	}
	first, last := g.Years[0], g.Years[len(g.Years)-1]
	life := "life L = 1 (Cahn's convention)"
	switch {
	case g.LifeYears > 1 && g.PriorVintages:
		life = "capex spread over a life of " + planner.FormatNumber(g.LifeYears) + " years (earlier vintages counted)"
	case g.LifeYears > 1:
		life = "capex spread over a life of " + planner.FormatNumber(g.LifeYears) + " years (vintages from " + strconv.Itoa(first.Year) + " on)"
	case g.LifeYears != 1:
		life = "capex spread over a life of " + planner.FormatNumber(g.LifeYears) + " years"
	}
	title := fmt.Sprintf("Required vs expected AI revenue, %d–%d", first.Year, last.Year)
	if first.Year == last.Year {
		title = fmt.Sprintf("Required vs expected AI revenue, %d", first.Year)
	}
	c.Header(title, "Required = GPU run-rate / GPU share / (1 − margin) (Cahn, Sequoia 2024), "+life+". Shaded: the annual gap.")
	req, rev, gapCol, surplus := g.colours(&c.Theme)
	items := []LegendItem{
		{Label: "Required revenue", Colour: req, Line: true},
		{Label: "Expected AI revenue", Colour: rev, Line: true, Dash: []float64{7, 4}},
		{Label: "Gap (required above revenue)", Colour: withAlpha(gapCol, 110), Pattern: Solid},
	}
	anySurplus := false
	for _, y := range g.Years {
		anySurplus = anySurplus || y.GapUSD < 0
	}
	if anySurplus {
		items = append(items, LegendItem{Label: "Surplus (revenue above required)", Colour: withAlpha(surplus, 110), Pattern: Solid})
	}
	c.Legend(items)

	var notes []string
	ratio := "n/a (no revenue)"
	if g.GapToRevenue != nil {
		ratio = strconv.FormatFloat(*g.GapToRevenue, 'f', 1, 64) + "×"
	}
	notes = append(notes, fmt.Sprintf("First year %d: required %s, AI revenue %s, gap %s (gap / revenue %s). Cumulative gap to %d: %s.",
		first.Year, planner.HumanUSD(first.RequiredRevenueUSD), planner.HumanUSD(first.RevenueUSD),
		planner.HumanUSD(first.GapUSD), ratio, last.Year, planner.HumanUSD(last.CumulativeGapUSD)))
	if g.ClosesYear == nil {
		notes = append(notes, fmt.Sprintf("The gap does not close within the horizon (%d–%d).", first.Year, last.Year))
	}
	if g.ItemisedRevenueUSD > 0 && math.Abs(g.ItemisedGapUSD-first.GapUSD) > 0.5 {
		notes = append(notes, fmt.Sprintf("Against the listed companies only (%s) the first year's gap is %s.",
			planner.HumanUSD(g.ItemisedRevenueUSD), planner.HumanUSD(g.ItemisedGapUSD)))
	}
	c.Footnote(notes...)

	top := 0.0
	for _, y := range g.Years {
		top = max(top, y.RequiredRevenueUSD, y.RevenueUSD)
	}
	if top == 0 {
		top = 1
	}
	// room on the right for the end labels of the two lines
	endW := 0
	for _, v := range []float64{last.RequiredRevenueUSD, last.RevenueUSD} {
		w, _ := c.Measure(planner.HumanUSD(v), sizeLabel)
		endW = max(endW, w)
	}
	c.Area.Right -= endW + c.px(10)
	f := c.Frame(yearAxis("", first.Year, last.Year),
		Axis{Title: "USD per year", Min: 0, Max: top * 1.1, ZeroBased: true, Format: planner.HumanUSD})
	c.Area.Right += endW + c.px(10)

	xs := make([]int, len(g.Years))
	yReq := make([]int, len(g.Years))
	yRev := make([]int, len(g.Years))
	for i, y := range g.Years {
		xs[i] = f.X.PxAxis(float64(y.Year))
		yReq[i] = f.Y.Px(y.RequiredRevenueUSD)
		yRev[i] = f.Y.Px(y.RevenueUSD)
	}
	if len(g.Years) == 1 {
		// one year: a band half a year wide either side
		w := (f.Plot.Right - f.Plot.Left) / 4
		x := xs[0]
		col := gapCol
		if g.Years[0].GapUSD < 0 {
			col = surplus
		}
		c.fillPolygon([][2]int{{x - w, yReq[0]}, {x + w, yReq[0]}, {x + w, yRev[0]}, {x - w, yRev[0]}}, withAlpha(col, 110))
		c.polyline([][2]int{{x - w, yReq[0]}, {x + w, yReq[0]}}, req, 2.5, nil)
		c.polyline([][2]int{{x - w, yRev[0]}, {x + w, yRev[0]}}, rev, 2.5, []float64{7, 4})
	} else {
		g.shade(c, xs, yReq, yRev, withAlpha(gapCol, 110), withAlpha(surplus, 110))
		reqPts := make([][2]int, len(xs))
		revPts := make([][2]int, len(xs))
		for i := range xs {
			reqPts[i], revPts[i] = [2]int{xs[i], yReq[i]}, [2]int{xs[i], yRev[i]}
		}
		c.polyline(revPts, rev, 2.5, []float64{7, 4})
		c.polyline(reqPts, req, 2.5, nil)
		if len(xs) <= 40 {
			for i := range xs {
				c.Marker(Circle, xs[i], yReq[i], 3.5*c.Scale, req, c.Theme.Background)
				c.Marker(Circle, xs[i], yRev[i], 3.5*c.Scale, rev, c.Theme.Background)
			}
		}
	}
	g.gapLabels(c, f, xs, yReq, yRev)

	// end labels, kept apart
	_, lh := c.Measure("0", sizeLabel)
	n := len(xs) - 1
	xEnd := xs[n] + c.px(8)
	if len(g.Years) == 1 {
		xEnd = xs[0] + (f.Plot.Right-f.Plot.Left)/4 + c.px(8)
	}
	ya, yb := yReq[n], yRev[n]
	if d := yb - ya; d < lh+c.px(2) && d > -lh-c.px(2) {
		if ya <= yb {
			ya, yb = (ya+yb)/2-lh/2-c.px(1), (ya+yb)/2+lh/2+c.px(1)
		} else {
			ya, yb = (ya+yb)/2+lh/2+c.px(1), (ya+yb)/2-lh/2-c.px(1)
		}
	}
	c.Text(planner.HumanUSD(last.RequiredRevenueUSD), xEnd, ya+lh/3, sizeLabel, req, AlignLeft)
	c.Text(planner.HumanUSD(last.RevenueUSD), xEnd, yb+lh/3, sizeLabel, c.Theme.Foreground, AlignLeft)

	if g.ClosesYear != nil && len(g.Years) > 1 {
		x := f.X.PxAxis(float64(*g.ClosesYear))
		c.Line(x, f.Plot.Top, x, f.Plot.Bottom, c.Theme.Highlight, 1.5, []float64{5, 4})
		label := fmt.Sprintf("Gap closes in %d", *g.ClosesYear)
		align := AlignLeft
		tx := x + c.px(5)
		if w, _ := c.Measure(label, sizeLabel); tx+w > f.Plot.Right {
			align, tx = AlignRight, x-c.px(5)
		}
		c.plateText(label, tx, f.Plot.Top+lh+c.px(4), sizeLabel, c.Theme.Highlight, align)
	}
	return nil
}

// shade fills the area between the two lines segment by segment, split
// where they cross: gapCol where required is above revenue, surplusCol
// where it is below (pixel y grows downwards).
func (g *Gap) shade(c *Canvas, xs, yReq, yRev []int, gapCol, surplusCol color.Color) {
	for i := 0; i+1 < len(xs); i++ {
		d0 := float64(yRev[i] - yReq[i]) // > 0: required above revenue
		d1 := float64(yRev[i+1] - yReq[i+1])
		if (d0 >= 0) == (d1 >= 0) || d0 == 0 || d1 == 0 {
			col := gapCol
			if d0 < 0 || (d0 == 0 && d1 < 0) {
				col = surplusCol
			}
			c.fillPolygon([][2]int{{xs[i], yReq[i]}, {xs[i+1], yReq[i+1]}, {xs[i+1], yRev[i+1]}, {xs[i], yRev[i]}}, col)
			continue
		}
		t := d0 / (d0 - d1)
		xc := xs[i] + int(math.Round(t*float64(xs[i+1]-xs[i])))
		yc := yReq[i] + int(math.Round(t*float64(yReq[i+1]-yReq[i])))
		c0, c1 := gapCol, surplusCol
		if d0 < 0 {
			c0, c1 = surplusCol, gapCol
		}
		c.fillPolygon([][2]int{{xs[i], yReq[i]}, {xc, yc}, {xs[i], yRev[i]}}, c0)
		c.fillPolygon([][2]int{{xc, yc}, {xs[i+1], yReq[i+1]}, {xs[i+1], yRev[i+1]}}, c1)
	}
}

// gapLabels writes each year's gap in the middle of the shaded area where
// there is room, every k-th year so that labels never touch.
func (g *Gap) gapLabels(c *Canvas, f *Frame, xs, yReq, yRev []int) {
	_, lh := c.Measure("0", sizeValue)
	widest := 0
	for _, y := range g.Years {
		w, _ := c.Measure(planner.HumanUSD(y.GapUSD), sizeValue)
		widest = max(widest, w)
	}
	step := 1
	if len(xs) > 1 {
		slot := max(1, xs[1]-xs[0])
		step = (widest+c.px(12))/slot + 1
	}
	for i := 0; i < len(xs); i += step {
		h := yRev[i] - yReq[i]
		if h < 0 {
			h = -h
		}
		if h < lh+c.px(6) {
			continue
		}
		x := xs[i]
		align := AlignCenter
		if len(xs) > 1 && i == 0 {
			x, align = x+c.px(6), AlignLeft
		} else if len(xs) > 1 && i == len(xs)-1 {
			x, align = x-c.px(6), AlignRight
		}
		mid := (yReq[i] + yRev[i]) / 2
		c.plateText(planner.HumanUSD(g.Years[i].GapUSD), x, mid+lh/3, sizeValue, c.Theme.Foreground, align)
	}
}
