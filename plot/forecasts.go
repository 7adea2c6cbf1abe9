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
		out = append(out, ForecastMark{Label: f.Label, Year: f.Year, YearHigh: hi, USD: f.USD})
	}
	return out
}

// drawForecasts marks each forecast inside the frame: a triangle at its
// year, a bar to the last year of its range, and its label above it.
func (p *Projection) drawForecasts(c *Canvas, f *Frame, placed []Box) []Box {
	col := c.Theme.SeriesColour(2)
	r := 4.5 * c.Scale
	for _, m := range p.Forecasts {
		if !(m.USD > 0) || !finite(m.USD) {
			continue
		}
		y := f.Y.Px(m.USD)
		x0, x1 := f.X.PxAxis(float64(m.Year)), f.X.PxAxis(float64(m.YearHigh))
		if y < f.Plot.Top || y > f.Plot.Bottom || x0 < f.Plot.Left || x1 > f.Plot.Right {
			continue
		}
		if x1 > x0 {
			c.Line(x0, y, x1, y, col, 3, nil)
			c.Marker(Triangle, x1, y, r, col, c.Theme.Foreground)
		}
		c.Marker(Triangle, x0, y, r, col, c.Theme.Foreground)
		placed = append(placed, Box{x0 - int(r), y - int(r), x1 + int(r), y + int(r)})
		tw, th := c.Measure(m.Label, sizeValue)
		b := Box{x0, y - int(r) - c.px(3) - th, x0 + tw, y - int(r) - c.px(3)}
		if b.Right > f.Plot.Right {
			b.Left, b.Right = f.Plot.Right-tw, f.Plot.Right
		}
		c.plateText(m.Label, b.Left, b.Bottom-th/5, sizeValue, col, AlignLeft)
		placed = append(placed, b)
	}
	return placed
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
		s := fmt.Sprintf("Not drawn, %s basis: %s %s%s (%s, %s)", cp.Basis, cp.Model, bound, planner.HumanUSD(cp.USD), cp.Source, cp.Date)
		if len(beside) > 0 {
			s += "; Epoch's compute-only figures: " + strings.Join(beside, ", ")
		}
		notes = append(notes, s+".")
	}
	return notes
}
