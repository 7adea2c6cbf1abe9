package plot

import (
	"fmt"
	"sort"

	"aiplan/planner"
)

// EnergySources is the energy-source comparison of one scenario: carbon
// and water of the same run on every energy source of the catalogue,
// sorted by carbon, the scenario's own source highlighted.
type EnergySources struct {
	Scenario string
	Rows     []EnergyRow
}

// EnergyRow is the run on one energy source.
type EnergyRow struct {
	ID, Name      string
	CarbonTCO2e   float64
	WaterOnsiteL  float64
	WaterOffsiteL float64
	Current       bool
}

// energyOverrides are the inputs that pin a value the energy source would
// otherwise set; the comparison unsets them.
var energyOverrides = []string{planner.KeyCarbonIntensity, planner.KeyEWIF, planner.KeyElectricityPrice}

// NewEnergySources evaluates sc on every energy source of cat (with its
// carbon-intensity, ewif and electricity-price overrides unset) and sorts
// the rows by carbon, highest first.
func NewEnergySources(cat *planner.Catalog, sc *planner.Scenario) (*EnergySources, error) {
	e := &EnergySources{Scenario: sc.Name}
	current := sc.Energy
	if current == "" {
		current = "us-grid"
	}
	for _, src := range cat.EnergySources {
		s := sc.Clone()
		s.Energy = src.ID
		for _, k := range energyOverrides {
			s.Unset(k)
		}
		r, _, err := planner.Estimate(cat, &s)
		if err != nil {
			return nil, &ScenarioError{Name: sc.Name, Err: err}
		}
		row := EnergyRow{ID: src.ID, Name: src.Name, CarbonTCO2e: r.EmissionsTCO2e,
			WaterOnsiteL: r.WaterOnsiteL, WaterOffsiteL: r.WaterOffsiteL, Current: src.ID == current}
		if !finite(row.CarbonTCO2e, row.WaterOnsiteL, row.WaterOffsiteL) {
			return nil, fmt.Errorf("plot: energy source %s gives a non-finite result", src.ID)
		}
		e.Rows = append(e.Rows, row)
	}
	sort.SliceStable(e.Rows, func(a, b int) bool { return e.Rows[a].CarbonTCO2e > e.Rows[b].CarbonTCO2e })
	return e, nil
}

func buildEnergySources(in Input) (Chart, error) {
	name := in.Scenario
	if name == "" {
		name = in.Baseline
	}
	if len(in.Scenarios) == 0 {
		return &EnergySources{}, nil
	}
	idx := 0
	if name != "" {
		idx = -1
		for i := range in.Scenarios {
			if in.Scenarios[i].Name == name {
				idx = i
				break
			}
		}
		if idx < 0 {
			names := make([]string, len(in.Scenarios))
			for i := range in.Scenarios {
				names[i] = in.Scenarios[i].Name
			}
			field := "scenario"
			if in.Scenario == "" {
				field = "baseline"
			}
			return nil, &planner.FieldError{Field: field, Value: fmt.Sprintf("%q", name),
				Msg: "accepted: a scenario name: " + joinNames(names)}
		}
	}
	return NewEnergySources(in.Catalog, &in.Scenarios[idx])
}

func joinNames(n []string) string {
	s := ""
	for i, v := range n {
		if i > 0 {
			s += ", "
		}
		s += v
	}
	return s
}

// Draw implements Chart.
func (e *EnergySources) Draw(c *Canvas) error {
	c.Header("Carbon and water by energy source: "+e.Scenario,
		"The same final training run on every energy source of the catalogue, sorted by carbon; the scenario's own source is outlined.")
	if len(e.Rows) == 0 {
		c.Empty("No scenario to chart: add or include a scenario.")
		return nil
	}
	c.Legend([]LegendItem{
		c.SeriesItem(0, "Carbon (location-based)"),
		c.SeriesItem(1, "Water off site (generation)"),
		c.SeriesItem(2, "Water on site (cooling)"),
		{Label: "Scenario's energy source", Colour: c.Theme.Highlight, Line: true},
	})
	c.Footnote("Hydropower's water is evaporation from its reservoirs, attributed to the electricity generated (EWIF), not water the data centre draws.",
		"The scenario's carbon-intensity, ewif and electricity-price overrides are unset here, so every row uses the catalogue's figures for its source.")
	full := c.Area
	cats := make([]string, len(e.Rows))
	blank := make([]string, len(e.Rows))
	var maxC, maxW float64
	for i, r := range e.Rows {
		// the scenario's own source is outlined and named in the legend
		cats[i] = r.Name
		maxC = max(maxC, r.CarbonTCO2e)
		maxW = max(maxW, r.WaterOnsiteL+r.WaterOffsiteL)
	}
	// two panels sharing the rows: the left one carries the names
	split := full.Left + full.W()*56/100
	c.Area = Box{full.Left, full.Top, split - c.px(12), full.Bottom}
	fc := c.Frame(Axis{Title: "Carbon (tCO2e)", Min: 0, Max: maxC * 1.22, ZeroBased: true, Format: planner.HumanTCO2e},
		Axis{Categories: cats})
	c.Area = Box{split + c.px(12), full.Top, full.Right, full.Bottom}
	fw := c.Frame(Axis{Title: "Water (litres)", Min: 0, Max: maxW * 1.22, ZeroBased: true, Format: planner.HumanLitres},
		Axis{Categories: blank})
	c.Area = full
	for i, r := range e.Rows {
		endC := c.StackedBar(fc, i, []float64{r.CarbonTCO2e}, []int{0}, 0.7, nil)
		endW := c.StackedBar(fw, i, []float64{r.WaterOffsiteL, r.WaterOnsiteL}, []int{1, 2}, 0.7, nil)
		lo, hi := fc.Y.Band(i)
		mid := (lo + hi) / 2
		_, lh := c.Measure("0", sizeValue)
		// value labels only where a row is a line high, so they never
		// run into each other (below plot.MinSize)
		if hi-lo >= c.lineHeight(sizeValue) {
			c.Text(planner.HumanTCO2e(r.CarbonTCO2e), endC+c.px(5), mid+lh/3, sizeValue, c.Theme.Foreground, AlignLeft)
			c.Text(planner.HumanLitres(r.WaterOnsiteL+r.WaterOffsiteL), endW+c.px(5), mid+lh/3, sizeValue, c.Theme.Foreground, AlignLeft)
		}
		if r.Current {
			w := int(float64(hi-lo) * 0.7)
			a := mid - w/2 - c.px(2)
			c.StrokeRect(Box{fc.Plot.Left - c.px(1), a, endC + c.px(2), a + w + c.px(4)}, c.Theme.Highlight, 2.5)
			c.StrokeRect(Box{fw.Plot.Left - c.px(1), a, endW + c.px(2), a + w + c.px(4)}, c.Theme.Highlight, 2.5)
		}
	}
	return nil
}
