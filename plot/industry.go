package plot

import (
	"errors"
	"fmt"
	"strconv"

	"aiplan/planner"
)

// Industry is the build-out chart: a capex series read as gigawatts of IT
// capacity, year by year (bars: installed GW, the year's addition in a
// second colour), each bar labelled with the installed base's energy and
// water withdrawal a year.
type Industry struct {
	// Title names the series; Subtitle states the conversion and sources.
	Title, Subtitle string
	Years           []planner.BuildOutYear
	// DenmarkM3 is Denmark's annual water withdrawal, for the note (0: none).
	DenmarkM3 float64
}

// NewIndustry builds the chart from a build-out. It fails on a NaN or
// infinite figure.
func NewIndustry(title, subtitle string, years []planner.BuildOutYear, denmarkM3 float64) (*Industry, error) {
	for _, y := range years {
		if !finite(y.InstalledGW, y.AddedGW, y.FacilityEnergyTWh, y.WaterWithdrawalM3, y.WaterConsumptionM3) {
			return nil, fmt.Errorf("plot: build-out year %d has a non-finite figure", y.Year)
		}
	}
	if !finite(denmarkM3) {
		return nil, errors.New("plot: Denmark's withdrawal is not a finite number")
	}
	return &Industry{Title: title, Subtitle: subtitle, Years: append([]planner.BuildOutYear(nil), years...), DenmarkM3: denmarkM3}, nil
}

// Draw implements Chart.
func (g *Industry) Draw(c *Canvas) error {
	if len(g.Years) == 0 {
		c.Header("Build-out by year", "")
		c.Empty("No years to chart: give a capex series of at least one year.")
		return nil
	}
	first, last := g.Years[0], g.Years[len(g.Years)-1]
	title := g.Title
	if title == "" {
		title = "Build-out by year"
	}
	c.Header(fmt.Sprintf("%s, %d–%d: gigawatts, energy and water", title, first.Year, last.Year), g.Subtitle)
	c.Legend([]LegendItem{c.SeriesItem(0, "Installed before the year (GW)"), c.SeriesItem(1, "Added in the year (GW)")})
	note := fmt.Sprintf("%d: %.1f GW installed use %.0f TWh a year, withdraw %.2f billion m³ of water and consume %.2f billion m³ (evaporated), %s.",
		last.Year, last.InstalledGW, last.FacilityEnergyTWh, last.WaterWithdrawalM3/1e9, last.WaterConsumptionM3/1e9, planner.HumanTCO2e(last.EmissionsTCO2e))
	notes := []string{note}
	if g.DenmarkM3 > 0 {
		notes = append(notes, fmt.Sprintf("Withdrawal = %.1f× Denmark's annual water withdrawal (0.98 billion m³, CIA 2020, as used by Li et al.).", last.WaterWithdrawalM3/g.DenmarkM3))
	}
	c.Footnote(notes...)

	cats := make([]string, len(g.Years))
	top := 0.0
	for i, y := range g.Years {
		cats[i] = strconv.Itoa(y.Year)
		top = max(top, y.InstalledGW)
	}
	if top == 0 {
		top = 1
	}
	_, lh := c.Measure("0", sizeLabel)
	c.Area.Top += 2 * lh // room for the labels over the tallest bar
	f := c.Frame(Axis{Categories: cats}, Axis{Title: "GW of IT capacity", Min: 0, Max: top * 1.08, ZeroBased: true,
		Format: func(v float64) string { return planner.FormatNumber(v) }})
	gw := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + " GW" }
	for i, y := range g.Years {
		end := c.StackedBar(f, i, []float64{y.InstalledGW - y.AddedGW, y.AddedGW}, nil, 0.6, gw)
		lo, hi := f.X.Band(i)
		x := (lo + hi) / 2
		c.plateText(fmt.Sprintf("%.0f TWh · %.2f bn m³ withdrawn", y.FacilityEnergyTWh, y.WaterWithdrawalM3/1e9), x, end-c.px(6), sizeValue, c.Theme.Foreground, AlignCenter)
		c.plateText(fmt.Sprintf("%.1f GW", y.InstalledGW), x, end-c.px(6)-lh-c.px(2), sizeValue, c.Theme.Foreground, AlignCenter)
	}
	return nil
}
