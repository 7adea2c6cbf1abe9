package plot

import (
	"fmt"
	"image/color"
	"math"

	"aiplan/planner"
)

// GapCompare is the bubble-risk comparison chart: every scenario's required
// revenue (solid) and revenue (dashed) by year, one colour per scenario, on
// a log scale, with the reported capex and revenue as marked points.
type GapCompare struct {
	Scenarios []GapCompareSeries
	Reported  []ReportedMarks
}

// GapCompareSeries is one scenario's rows.
type GapCompareSeries struct {
	Name   string
	Method string
	Years  []planner.GapYear
}

// ReportedMarks is one group of reported points, drawn with one marker.
type ReportedMarks struct {
	Label  string
	Shape  Shape
	Points []ReportedMark
}

// ReportedMark is one reported figure; Guidance draws it hollow.
type ReportedMark struct {
	Year     int
	USD      float64
	Guidance bool
}

// Reported groups: the big four's capex summed by year, NVIDIA's
// data-centre revenue, and the AI labs' run-rates.
const (
	reportedCapexLabel  = "Reported: big-four capex (MSFT+GOOGL+AMZN+META, sum)"
	reportedNvidiaLabel = "Reported: NVIDIA data-centre revenue"
	reportedLabsLabel   = "Reported: OpenAI, Anthropic run-rates"
)

// NewGapCompare builds the chart from evaluated scenarios and the reported
// series (nil: no points). It fails on a non-finite figure.
func NewGapCompare(results []planner.BubbleResult, rep *planner.ReportedData) (*GapCompare, error) {
	g := &GapCompare{}
	for i := range results {
		r := &results[i]
		for _, y := range r.Years {
			if !finite(y.RequiredRevenueUSD, y.RevenueUSD) {
				return nil, fmt.Errorf("plot: scenario %q, year %d has a non-finite figure", r.Name, y.Year)
			}
		}
		g.Scenarios = append(g.Scenarios, GapCompareSeries{Name: r.Name, Method: r.Method, Years: append([]planner.GapYear(nil), r.Years...)})
	}
	if rep != nil {
		g.Reported = reportedMarks(rep)
	}
	return g, nil
}

// reportedMarks sums the capex series by year (only years every capex
// series reports; guidance when any part is guidance) and lists NVIDIA's
// fiscal years and the labs' run-rates as they are.
func reportedMarks(rep *planner.ReportedData) []ReportedMarks {
	nvidia := ReportedMarks{Label: reportedNvidiaLabel, Shape: Triangle}
	labs := ReportedMarks{Label: reportedLabsLabel, Shape: Diamond}
	for _, s := range rep.Series {
		switch {
		case s.Kind == planner.ReportedKindRevenue && s.ID != planner.ReportedNVDAQuarter:
			for _, p := range s.Points {
				nvidia.Points = append(nvidia.Points, ReportedMark{Year: p.Year, USD: p.ValueUSD, Guidance: p.Has(planner.FlagGuidance)})
			}
		case s.Kind == planner.ReportedKindAIRevenue:
			for _, p := range s.Points {
				labs.Points = append(labs.Points, ReportedMark{Year: p.Year, USD: p.ValueUSD, Guidance: p.Has(planner.FlagGuidance)})
			}
		}
	}
	sum := ReportedMarks{Label: reportedCapexLabel, Shape: Square}
	for _, y := range rep.CapexSum() {
		sum.Points = append(sum.Points, ReportedMark{Year: y.Year, USD: y.USD, Guidance: y.Guidance})
	}
	var out []ReportedMarks
	for _, m := range []ReportedMarks{sum, nvidia, labs} {
		if len(m.Points) > 0 {
			out = append(out, m)
		}
	}
	return out
}

func buildGapCompare(in Input) (Chart, error) {
	list := in.Bubble
	if len(list) == 0 && in.Gap != nil {
		list = []planner.BubbleScenario{{Name: planner.GapScenarioName(in.Gap), GapInputs: *in.Gap}}
	}
	if len(list) == 0 {
		// like the gap chart: the sequoia-2024 preset
		g, err := planner.GapPreset(in.Catalog, planner.GapPreset2024)
		if err != nil {
			return nil, err
		}
		list = []planner.BubbleScenario{{Name: planner.GapScenarioName(&g), GapInputs: g}}
	}
	res, err := planner.EvaluateBubble(list)
	if err != nil {
		return nil, err
	}
	return NewGapCompare(res, in.Reported)
}

// gapCompareRange returns the years and the value range of every line and
// point.
func (g *GapCompare) gapCompareRange() (first, last int, lo, hi float64) {
	first, last, lo, hi = math.MaxInt, math.MinInt, math.Inf(1), 0
	see := func(year int, v float64) {
		first, last = min(first, year), max(last, year)
		if v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, s := range g.Scenarios {
		for _, y := range s.Years {
			see(y.Year, y.RequiredRevenueUSD)
			see(y.Year, y.RevenueUSD)
		}
	}
	for _, m := range g.Reported {
		for _, p := range m.Points {
			see(p.Year, p.USD)
		}
	}
	if hi == 0 {
		lo, hi = 1e9, 1e12
	}
	return first, last, lo, hi
}

// Draw implements Chart.
func (g *GapCompare) Draw(c *Canvas) error {
	if len(g.Scenarios) == 0 {
		c.Header("Bubble-risk scenarios compared", "")
		c.Empty("No bubble-risk scenarios: add one on the Bubble gap screen.")
		return nil
	}
	first, last, lo, hi := g.gapCompareRange()
	c.Header(fmt.Sprintf("Bubble-risk scenarios compared, %d–%d", first, last),
		"Required revenue solid, revenue dashed, one colour per scenario; log scale. Points: reported (hollow = guidance).")
	c.Footnote("Methods: cahn = run-rate / GPU share / (1 − margin) (Sequoia); capex-return = (K / L + return × K) / gross margin (Kupperman); capex-ratio = capex / ratio (Bain). Reported series and sources: aiplan data. Capex definitions differ (fiscal vs calendar year, finance leases); run-rates are not recognised revenue.")
	g.sideLegend(c)

	// the axis runs whole decades from the lowest figure's (no padding
	// below: a figure on a decade, the labs' $1B, sits on the axis rather
	// than adding an empty decade)
	f := c.Frame(yearAxis("", first, last), Axis{Title: "USD per year (log)", Min: lo, Max: hi * 1.15, Log: true, Format: planner.HumanUSD})
	for i, s := range g.Scenarios {
		col := compareColour(&c.Theme, i)
		if len(s.Years) == 1 {
			g.drawOneYear(c, f, &s.Years[0], col)
			continue
		}
		req := make([][2]int, len(s.Years))
		rev := make([][2]int, len(s.Years))
		for k, y := range s.Years {
			x := f.X.PxAxis(float64(y.Year))
			req[k], rev[k] = [2]int{x, f.Y.Px(y.RequiredRevenueUSD)}, [2]int{x, f.Y.Px(y.RevenueUSD)}
		}
		c.polyline(rev, col, 2, []float64{7, 4})
		c.polyline(req, col, 2.5, nil)
		if len(s.Years) <= 12 {
			for k := range req {
				c.Marker(Circle, req[k][0], req[k][1], 3*c.Scale, col, c.Theme.Background)
				c.Marker(Circle, rev[k][0], rev[k][1], 3*c.Scale, c.Theme.Background, col)
			}
		}
	}
	g.drawReported(c, f)
	g.endLabels(c, f)
	return nil
}

// drawReported draws the reported points, offset a little within the year
// by group so they do not hide each other. They are named once each in the
// legend, under "Reported figures", not tagged one by one: the tags
// collided with the lines at a window's size.
func (g *GapCompare) drawReported(c *Canvas, f *Frame) {
	ink := c.Theme.Foreground
	var hollow color.Color = c.Theme.Background
	for gi, m := range g.Reported {
		dx := c.px(float64(gi-1) * 7)
		for _, p := range m.Points {
			fill := ink
			if p.Guidance {
				fill = hollow
			}
			c.Marker(m.Shape, f.X.PxAxis(float64(p.Year))+dx, f.Y.Px(p.USD), 4.5*c.Scale, fill, ink)
		}
	}
}

// drawOneYear draws a one-year scenario (Bain's 2030) as two short bars a
// half year wide, required solid and revenue dashed, with larger markers.
func (g *GapCompare) drawOneYear(c *Canvas, f *Frame, y *planner.GapYear, col color.Color) {
	x := f.X.PxAxis(float64(y.Year))
	w := max(c.px(10), (f.X.PxAxis(float64(y.Year)+1)-x)/4)
	yr, yv := f.Y.Px(y.RequiredRevenueUSD), f.Y.Px(y.RevenueUSD)
	c.polyline([][2]int{{x - w, yr}, {x + w, yr}}, col, 2.5, nil)
	c.polyline([][2]int{{x - w, yv}, {x + w, yv}}, col, 2, []float64{7, 4})
	c.Marker(Circle, x, yr, 4.5*c.Scale, col, c.Theme.Background)
	c.Marker(Circle, x, yv, 4.5*c.Scale, c.Theme.Background, col)
}
