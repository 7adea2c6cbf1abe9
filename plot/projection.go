package plot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"aiplan/planner"
)

// Projection is the frontier training-cost projection on a log10 axis: the
// central growth line with its band, the $1B / $10B / $100B lines, the
// catalogue's published costs on the projection's cost basis only, and the
// user's scenarios at their year, costed with the method of that basis.
type Projection struct {
	Result planner.ProjectionResult
	// Points are the catalogue's published costs on Result.Inputs.Basis.
	Points []CostMark
	// Scenarios are the user's scenarios with a year, costed by Method.
	Scenarios []CostMark
	Method    string
	// OtherBasis counts the catalogue points left out for another basis.
	OtherBasis int
	// Skipped names scenarios not drawn (no year, or not evaluable).
	Skipped []string
	// Forecasts are dated cost forecasts (money file), marked apart;
	// AllIn notes the all-in cost statements not drawn.
	Forecasts []ForecastMark
	AllIn     []string
}

// CostMark is one training run at its year.
type CostMark struct {
	Label string
	Year  int
	USD   float64
}

// BasisMethod returns the cost method of planner.Evaluate that matches a
// cost basis: amortized -> "amortized", cloud -> "cloud", acquisition ->
// "purchase".
func BasisMethod(basis string) string {
	switch basis {
	case planner.CostBasisCloud:
		return "cloud"
	case planner.CostBasisAcquisition:
		return "purchase"
	}
	return "amortized"
}

// basisLabel names a cost basis in titles and legends.
func basisLabel(basis string) string {
	switch basis {
	case planner.CostBasisCloud:
		return "cloud rental prices"
	case planner.CostBasisAcquisition:
		return "hardware acquisition cost"
	}
	return "amortised hardware plus energy"
}

// NewProjection projects in and gathers the catalogue's cost points on the
// projection's basis (one point per model and year) and the scenarios that
// set a year, each evaluated with the basis's cost method. A scenario that
// has no year or does not evaluate is listed in Skipped, not an error; bad
// projection inputs are (a *planner.FieldError).
func NewProjection(cat *planner.Catalog, in planner.ProjectionInputs, scenarios []planner.Scenario) (*Projection, error) {
	if cat == nil {
		return nil, errors.New("plot: no catalogue")
	}
	r, err := planner.Project(in)
	if err != nil {
		return nil, err
	}
	basis := r.Inputs.Basis
	p := &Projection{Result: r, Method: BasisMethod(basis)}
	seen := map[string]bool{}
	for _, cp := range cat.CostPoints {
		if cp.Basis != basis {
			p.OtherBasis++
			continue
		}
		key := fmt.Sprintf("%s|%d", cp.Model, cp.Year)
		if seen[key] || !(cp.USD > 0) || !finite(cp.USD) {
			continue
		}
		seen[key] = true
		p.Points = append(p.Points, CostMark{Label: cp.Model, Year: cp.Year, USD: cp.USD})
	}
	for i := range scenarios {
		sc := scenarios[i].Clone()
		y, ok := sc.Value(planner.KeyYear)
		if !ok {
			p.Skipped = append(p.Skipped, sc.Name+" (no year)")
			continue
		}
		res, _, err := planner.Estimate(cat, &sc)
		if err != nil {
			p.Skipped = append(p.Skipped, sc.Name+" (does not evaluate)")
			continue
		}
		usd := costOf(&res.Totals, p.Method)
		if !(usd > 0) || !finite(usd) {
			p.Skipped = append(p.Skipped, sc.Name+" (no cost)")
			continue
		}
		p.Scenarios = append(p.Scenarios, CostMark{Label: sc.Name, Year: int(math.Round(y)), USD: usd})
	}
	return p, nil
}

func buildProjection(in Input) (Chart, error) {
	var pin planner.ProjectionInputs
	if in.Projection != nil {
		pin = *in.Projection
	} else {
		var err error
		if pin, err = planner.DefaultProjection(in.Catalog); err != nil {
			return nil, err
		}
	}
	p, err := NewProjection(in.Catalog, pin, in.Scenarios)
	if err != nil {
		return nil, err
	}
	p.Forecasts, p.AllIn = moneyForecasts(), allInNotes(in.Catalog)
	return p, nil
}

// Draw implements Chart.
func (p *Projection) Draw(c *Canvas) error {
	in := p.Result.Inputs
	c.Header("Cost of the largest training run, projected: "+basisLabel(in.Basis),
		fmt.Sprintf("cost(year) = %s (%s, %d) × %s^(year − %d), band %s–%s× a year; log scale. Dots: published costs; diamonds: your scenarios at their year.",
			planner.HumanUSD(in.BaseCostUSD), nonEmpty(in.BaseModel, "base run"), in.BaseYear, planner.FormatNumber(in.Growth),
			in.BaseYear, planner.FormatNumber(in.GrowthLow), planner.FormatNumber(in.GrowthHigh)))
	if len(p.Result.Years) == 0 {
		c.Empty("No years to project.")
		return nil
	}
	line := c.Theme.SeriesColour(0)
	band := c.Theme.SeriesColour(4)
	pointCol := c.Theme.SeriesColour(3)
	scCol := c.Theme.Highlight
	items := []LegendItem{
		{Label: fmt.Sprintf("Projection, %s× a year", planner.FormatNumber(in.Growth)), Colour: line, Line: true},
		{Label: fmt.Sprintf("Band %s–%s×", planner.FormatNumber(in.GrowthLow), planner.FormatNumber(in.GrowthHigh)), Colour: band},
	}
	if len(p.Points) > 0 {
		items = append(items, LegendItem{Label: "Published runs (catalogue, " + in.Basis + ")", Colour: pointCol, Marker: true, Shape: Circle})
	}
	if len(p.Scenarios) > 0 {
		items = append(items, LegendItem{Label: "Your scenarios (" + methodLabel(p.Method) + " cost)", Colour: scCol, Marker: true, Shape: Diamond})
	}
	c.Legend(append(items, p.forecastLegend(c)...))
	notes := []string{"Cost basis: " + basisNote(in.Basis)}
	if p.OtherBasis > 0 {
		notes = append(notes, fmt.Sprintf("%d catalogue figures on other bases (cloud rent, hardware acquisition) are not drawn: they sit on different lines.", p.OtherBasis))
	}
	if len(p.Skipped) > 0 {
		notes = append(notes, "Not drawn: "+strings.Join(p.Skipped, ", ")+".")
	}
	notes = append(notes, p.AllIn...)
	c.Footnote(notes...)

	years := p.Result.Years
	first, last := years[0].Year, years[len(years)-1].Year
	lo, hi := years[0].LowUSD, years[len(years)-1].HighUSD
	for _, y := range years {
		lo, hi = min(lo, y.LowUSD), max(hi, y.HighUSD)
	}
	for _, ms := range [][]CostMark{p.Points, p.Scenarios} {
		for _, m := range ms {
			first, last = min(first, m.Year), max(last, m.Year)
			lo, hi = min(lo, m.USD), max(hi, m.USD)
		}
	}
	hi = max(hi, planner.Thresholds[len(planner.Thresholds)-1])
	f := c.Frame(yearAxis("", first, last),
		Axis{Title: "Training cost (USD, log scale)", Min: lo, Max: hi, Log: true, Format: planner.HumanUSD})

	// band, then the central line, extended back dashed to the first year
	var upper, lower [][2]int
	for _, y := range years {
		x := f.X.PxAxis(float64(y.Year))
		upper = append(upper, [2]int{x, f.Y.Px(y.HighUSD)})
		lower = append(lower, [2]int{x, f.Y.Px(y.LowUSD)})
	}
	poly := append([][2]int{}, upper...)
	for i := len(lower) - 1; i >= 0; i-- {
		poly = append(poly, lower[i])
	}
	if len(years) == 1 {
		x := upper[0][0]
		poly = [][2]int{{x - c.px(4), upper[0][1]}, {x + c.px(4), upper[0][1]}, {x + c.px(4), lower[0][1]}, {x - c.px(4), lower[0][1]}}
	}
	c.fillPolygon(poly, withAlpha(band, 140))
	var central [][2]int
	for _, y := range years {
		central = append(central, [2]int{f.X.PxAxis(float64(y.Year)), f.Y.Px(y.CostUSD)})
	}
	if first < in.BaseYear {
		back := planner.ProjectedCost(in.BaseCostUSD, in.BaseYear, in.Growth, first)
		c.polyline([][2]int{{f.X.PxAxis(float64(first)), f.Y.Px(back)}, central[0]}, line, 1.5, []float64{6, 4})
	}
	c.polyline(central, line, 2.5, nil)

	// thresholds
	_, lh := c.Measure("0", sizeLabel)
	var placed []Box
	marks := p.forecastBoxes(c, f)
	for i, t := range planner.Thresholds {
		k := planner.ThresholdKeys[i]
		y := f.Y.Px(t)
		if y < f.Plot.Top || y > f.Plot.Bottom {
			continue
		}
		c.Line(f.Plot.Left, y, f.Plot.Right, y, c.Theme.Muted, 1, []float64{4, 4})
		label := planner.HumanUSD(t) + " run: " + yearText(p.Result.ThresholdYears[k], last)
		if h, l := p.Result.ThresholdYearsHigh[k], p.Result.ThresholdYearsLow[k]; h != nil {
			label += " (band " + yearText(h, last) + "–" + yearText(l, last) + ")"
		}
		tw, _ := c.Measure(label, sizeLabel)
		b := Box{f.Plot.Left + c.px(6), y - lh - c.px(3), f.Plot.Left + c.px(6) + tw, y - c.px(2)}
		if overlapsAny(b, marks) {
			// a forecast's mark sits on the left: the label goes right
			b.Left, b.Right = f.Plot.Right-c.px(6)-tw, f.Plot.Right-c.px(6)
		}
		c.plateText(label, b.Left, y-c.px(4), sizeLabel, c.Theme.Foreground, AlignLeft)
		placed = append(placed, b)
		if ty := p.Result.ThresholdYears[k]; ty != nil {
			c.Marker(Circle, f.X.PxAxis(float64(*ty)), y, 3*c.Scale, c.Theme.Background, line)
		}
	}
	// markers first, then labels where they fit
	placed = p.forecastMarks(c, f, placed)
	r := 4.5 * c.Scale
	for _, m := range p.Points {
		x, y := f.X.PxAxis(float64(m.Year)), f.Y.Px(m.USD)
		c.Marker(Circle, x, y, r, pointCol, c.Theme.Foreground)
		placed = append(placed, Box{x - int(r), y - int(r), x + int(r), y + int(r)})
	}
	for _, m := range p.Scenarios {
		x, y := f.X.PxAxis(float64(m.Year)), f.Y.Px(m.USD)
		c.Marker(Diamond, x, y, r*1.1, scCol, c.Theme.Background)
		placed = append(placed, Box{x - int(r), y - int(r), x + int(r), y + int(r)})
	}
	// scenarios drawn on the same spot share one label
	for i, m := range p.Scenarios {
		x, y := f.X.PxAxis(float64(m.Year)), f.Y.Px(m.USD)
		dup, same := false, 0
		for j, o := range p.Scenarios {
			if ox, oy := f.X.PxAxis(float64(o.Year)), f.Y.Px(o.USD); abs(ox-x) <= c.px(3) && abs(oy-y) <= c.px(3) {
				if j < i {
					dup = true
				}
				same++
			}
		}
		if dup {
			continue
		}
		if same > 1 {
			m.Label = fmt.Sprintf("%s (+%d at about the same cost)", m.Label, same-1)
		}
		placed = c.placeLabel(f, placed, m, sizeLabel, scCol, r)
	}
	for _, m := range p.Points {
		placed = c.placeLabel(f, placed, m, sizeValue, c.Theme.Muted, r)
	}
	p.forecastLabels(c, f, placed)
	return nil
}

// placeLabel writes m's label right, left, above or below its marker at the
// first place that overlaps no earlier label or marker and stays inside the
// plot; it returns placed with the label's box added (unchanged if none fit).
func (c *Canvas) placeLabel(f *Frame, placed []Box, m CostMark, size float64, col color.Color, r float64) []Box {
	x, y := f.X.PxAxis(float64(m.Year)), f.Y.Px(m.USD)
	tw, th := c.Measure(m.Label, size)
	gap := int(r) + c.px(4)
	cands := []Box{
		{x + gap, y - th/2, x + gap + tw, y + th/2},
		{x - gap - tw, y - th/2, x - gap, y + th/2},
		{x - tw/2, y - gap - th, x + tw/2, y - gap},
		{x - tw/2, y + gap, x + tw/2, y + gap + th},
	}
	b, ok := freeBox(f, placed, cands)
	if !ok {
		return placed
	}
	c.Text(m.Label, b.Left, b.Bottom-th/5, size, col, AlignLeft)
	// a placed label keeps the next ones a few pixels away, so two
	// names never run together ("Gemini 1.0 UltraGPT-4")
	pad := c.px(4)
	return append(placed, Box{b.Left - pad, b.Top, b.Right + pad, b.Bottom})
}

// freeBox is the first of cands inside the plot that overlaps none of
// placed.
func freeBox(f *Frame, placed, cands []Box) (Box, bool) {
	for _, b := range cands {
		if b.Left < f.Plot.Left || b.Right > f.Plot.Right || b.Top < f.Plot.Top || b.Bottom > f.Plot.Bottom {
			continue
		}
		if !overlapsAny(b, placed) {
			return b, true
		}
	}
	return Box{}, false
}

// overlapsAny reports whether b overlaps one of boxes.
func overlapsAny(b Box, boxes []Box) bool {
	for _, o := range boxes {
		if b.Left < o.Right && o.Left < b.Right && b.Top < o.Bottom && o.Top < b.Bottom {
			return true
		}
	}
	return false
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func yearText(y *int, until int) string {
	if y == nil {
		return fmt.Sprintf("after %d", until)
	}
	return fmt.Sprint(*y)
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func basisNote(basis string) string {
	switch basis {
	case planner.CostBasisCloud:
		return "cloud rental prices (e.g. the Stanford AI Index), which sit above amortised costs; Epoch's 2.4× growth was fitted to amortised costs."
	case planner.CostBasisAcquisition:
		return "the whole cluster's purchase price, far above amortised costs; Epoch's 2.4× growth was fitted to amortised costs."
	}
	return "amortised hardware plus energy (Epoch AI, Cottier et al. 2024), the basis of the 2.4× growth; cloud-rental figures such as the AI Index's sit on a higher line."
}
