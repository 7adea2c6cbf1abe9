package plot

import (
	"fmt"
	"strings"

	"aiplan/assets"
	"aiplan/planner"
)

// ForecastMark is a dated forecast of a frontier run's cost: USD in Year,
// or anywhere from Year to YearHigh.
type ForecastMark struct {
	Label          string
	Year, YearHigh int
	USD            float64
}

// moneyForecasts returns the money file's forecasts (Amodei's $1B, $10B and
// $100B runs), or none when the file does not load.
func moneyForecasts() []ForecastMark {
	m, err := assets.Money()
	if err != nil {
		return nil
	}
	out := make([]ForecastMark, 0, len(m.Forecasts))
	for _, f := range m.Forecasts {
		hi := max(f.Year, f.YearHigh)
		out = append(out, ForecastMark{Label: shortForecastLabel(f.Label), Year: f.Year, YearHigh: hi, USD: f.USD})
	}
	return out
}

// shortForecastLabel drops a label's trailing attribution in brackets
// ("$1B models in training (Amodei, 2024)"): the legend names it once.
func shortForecastLabel(s string) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

// forecastMarks draws each forecast's mark inside the frame (a triangle at
// its year, a bar to the last year of its range) and returns placed with
// the marks' boxes added, so that labels placed later keep off them.
func (p *Projection) forecastMarks(c *Canvas, f *Frame, placed []Box) []Box {
	col := c.Theme.SeriesColour(2)
	r := 4.5 * c.Scale
	for _, m := range p.Forecasts {
		x0, x1, y, ok := forecastAt(f, m)
		if !ok {
			continue
		}
		if x1 > x0 {
			c.Line(x0, y, x1, y, col, 3, nil)
			c.Marker(Triangle, x1, y, r, col, c.Theme.Foreground)
		}
		c.Marker(Triangle, x0, y, r, col, c.Theme.Foreground)
	}
	return append(placed, p.forecastBoxes(c, f)...)
}

// forecastBoxes are the boxes of the forecasts' marks drawn in f.
func (p *Projection) forecastBoxes(c *Canvas, f *Frame) []Box {
	r := int(4.5 * c.Scale)
	var out []Box
	for _, m := range p.Forecasts {
		if x0, x1, y, ok := forecastAt(f, m); ok {
			out = append(out, Box{x0 - r, y - r, x1 + r, y + r})
		}
	}
	return out
}

// forecastLabels writes each drawn forecast's label right of its mark,
// else above, below or left of it, at the first place free of every
// earlier label and mark (the threshold labels among them); a label with
// no free place is left out: the legend still names the marks.
func (p *Projection) forecastLabels(c *Canvas, f *Frame, placed []Box) []Box {
	col := c.Theme.SeriesColour(2)
	gap := int(4.5*c.Scale) + c.px(4)
	for _, m := range p.Forecasts {
		x0, x1, y, ok := forecastAt(f, m)
		if !ok {
			continue
		}
		tw, th := c.Measure(m.Label, sizeValue)
		cands := []Box{
			{x1 + gap, y - th/2, x1 + gap + tw, y + th/2},
			{x0, y - gap - th, x0 + tw, y - gap},
			{x0, y + gap, x0 + tw, y + gap + th},
			{x0 - gap - tw, y - th/2, x0 - gap, y + th/2},
		}
		if b, ok := freeBox(f, placed, cands); ok {
			c.plateText(m.Label, b.Left, b.Bottom-th/5, sizeValue, col, AlignLeft)
			placed = append(placed, Box{b.Left - c.px(4), b.Top, b.Right + c.px(4), b.Bottom})
		}
	}
	return placed
}

// forecastAt is where m's mark goes: from x0 to x1 at y, ok when it lies
// inside the plot.
func forecastAt(f *Frame, m ForecastMark) (x0, x1, y int, ok bool) {
	if !(m.USD > 0) || !finite(m.USD) {
		return 0, 0, 0, false
	}
	y = f.Y.Px(m.USD)
	x0, x1 = f.X.PxAxis(float64(m.Year)), f.X.PxAxis(float64(m.YearHigh))
	ok = y >= f.Plot.Top && y <= f.Plot.Bottom && x0 >= f.Plot.Left && x1 <= f.Plot.Right
	return x0, x1, y, ok
}

// forecastLegend is the legend entry of the forecasts, if any are drawn.
func (p *Projection) forecastLegend(c *Canvas) []LegendItem {
	if len(p.Forecasts) == 0 {
		return nil
	}
	return []LegendItem{{Label: "Forecasts (Amodei, 2024)", Colour: c.Theme.SeriesColour(2), Marker: true, Shape: Triangle}}
}

// allInNotes states the money file's all-in cost statements beside the
// catalogue's compute-only figures for the same model, for the footnote:
// they are not drawn, being on another basis.
func allInNotes(cat *planner.Catalog) []string {
	m, err := assets.Money()
	if err != nil || cat == nil {
		return nil
	}
	var notes []string
	for _, cp := range m.CostPoints {
		bound := ""
		if cp.LowerBound {
			bound = "more than "
		}
		var beside []string
		for _, basis := range []string{planner.CostBasisCloud, planner.CostBasisAmortized} {
			for _, c := range cat.CostPoints {
				if c.Model == cp.Model && c.Basis == basis && c.Source == "EPOCH-COSTS" {
					beside = append(beside, planner.HumanUSD(c.USD)+" "+basis)
					break
				}
			}
		}
		s := fmt.Sprintf("Not drawn, %s: %s %s%s (%s, %s)", cp.Basis, cp.Model, bound, planner.HumanUSD(cp.USD), cp.Source, cp.Date)
		if len(beside) > 0 {
			s += "; Epoch, compute only: " + strings.Join(beside, ", ")
		}
		notes = append(notes, s+".")
	}
	return notes
}
