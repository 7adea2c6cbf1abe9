package plot

import (
	"errors"
	"fmt"
	"strings"

	"aiplan/planner"
)

// Compare is the scenario comparison chart: the headline metrics of every
// scenario as grouped bars, normalised to a baseline scenario (= 1.0), each
// bar labelled with its absolute value.
type Compare struct {
	Method   string
	Baseline int // index into Names
	Names    []string
	Metrics  []CompareMetric
	// Values[s][m] is scenario s's absolute value of metric m.
	Values [][]float64
}

// CompareMetric is one group of the comparison.
type CompareMetric struct {
	Label  string
	Format func(float64) string
}

// compareMetrics returns the headline metrics of method and their values
// from t: time, cost, energy, carbon and water.
func compareMetrics(method string) []CompareMetric {
	return []CompareMetric{
		{"Wall-clock time", planner.HumanDays},
		{"Cost (" + methodLabel(method) + ")", planner.HumanUSD},
		{"Facility energy", planner.HumanEnergyKWh},
		{"Carbon (location-based)", planner.HumanTCO2e},
		{"Water (on + off site)", planner.HumanLitres},
	}
}

func compareValues(t *planner.Totals, method string) []float64 {
	return []float64{t.WallClockDays, costOf(t, method), t.FacilityEnergyKWh, t.EmissionsTCO2e, t.WaterOnsiteL + t.WaterOffsiteL}
}

// NewCompare builds the comparison of the scenarios' totals against the
// one named baseline (the first when baseline is ""). It fails when the
// baseline is not a scenario name or a value is NaN, infinite or negative.
func NewCompare(names []string, totals []planner.Totals, method, baseline string) (*Compare, error) {
	method, err := checkMethod(method)
	if err != nil {
		return nil, err
	}
	if len(names) != len(totals) {
		return nil, errors.New("plot: compare needs one name per scenario")
	}
	cmp := &Compare{Method: method, Names: names, Metrics: compareMetrics(method)}
	if len(names) > 0 {
		cmp.Baseline = -1
		if baseline == "" {
			cmp.Baseline = 0
		}
		for i, n := range names {
			if n == baseline {
				cmp.Baseline = i
				break
			}
		}
		if cmp.Baseline < 0 {
			return nil, &planner.FieldError{Field: "baseline", Value: fmt.Sprintf("%q", baseline),
				Msg: "accepted: a scenario name: " + strings.Join(names, ", ")}
		}
	}
	for i := range totals {
		v := compareValues(&totals[i], method)
		for m, x := range v {
			if !finite(x) || x < 0 {
				return nil, fmt.Errorf("plot: scenario %q: %s is %v; accepted: a finite number of at least 0", names[i], cmp.Metrics[m].Label, x)
			}
		}
		cmp.Values = append(cmp.Values, v)
	}
	return cmp, nil
}

func buildCompare(in Input) (Chart, error) {
	method, err := checkMethod(in.Method)
	if err != nil {
		return nil, err
	}
	names, totals, err := namedTotals(in)
	if err != nil {
		return nil, err
	}
	return NewCompare(names, totals, method, in.Baseline)
}

// Ratio formats a multiple for people (planner.HumanNumber): 1 -> "1×",
// 0.25 -> "0.25×", 12.5 -> "12.5×", 1.4000000000000001 -> "1.4×".
func Ratio(v float64) string {
	return planner.HumanNumber(v) + "×"
}

// Draw implements Chart.
func (cmp *Compare) Draw(c *Canvas) error {
	if len(cmp.Names) == 0 {
		c.Header("Scenario comparison", "")
		c.Empty("No scenarios to compare: add or include a scenario.")
		return nil
	}
	base := cmp.Names[cmp.Baseline]
	c.Header("Scenarios relative to "+base,
		"Each metric divided by the baseline's (baseline = 1.0); bars labelled with absolute values. Final training run.")
	var items []LegendItem
	for i, n := range cmp.Names {
		if i == cmp.Baseline {
			n += " (baseline)"
		}
		items = append(items, c.SeriesItem(i, n))
	}
	c.Legend(items)
	cats := make([]string, len(cmp.Metrics))
	for m := range cmp.Metrics {
		cats[m] = cmp.Metrics[m].Label
	}
	// ratios; a zero baseline leaves its metric without bars
	ratio := func(s, m int) (float64, bool) {
		b := cmp.Values[cmp.Baseline][m]
		if b == 0 {
			return 0, false
		}
		return cmp.Values[s][m] / b, true
	}
	top := 1.0
	var zeroBase []string
	for m := range cmp.Metrics {
		if cmp.Values[cmp.Baseline][m] == 0 {
			zeroBase = append(zeroBase, strings.ToLower(cmp.Metrics[m].Label))
		}
		for s := range cmp.Names {
			if r, ok := ratio(s, m); ok {
				top = max(top, r)
			}
		}
	}
	if len(zeroBase) > 0 {
		c.Footnote(fmt.Sprintf("The baseline's %s is zero, so no ratio is drawn for it.", strings.Join(zeroBase, ", ")))
	}
	f := c.Frame(Axis{Categories: cats},
		Axis{Title: "Relative to " + base + " (×)", Min: 0, Max: top * 1.12, ZeroBased: true, Format: Ratio})
	one := f.Y.Px(1)
	n := len(cmp.Names)
	_, lh := c.Measure("0", sizeValue)
	for m := range cmp.Metrics {
		lo, hi := f.X.Band(m)
		inner := float64(hi-lo) * 0.84
		bw := inner / float64(n)
		x0 := float64(lo) + (float64(hi-lo)-inner)/2
		for s := range cmp.Names {
			a, b := int(x0+float64(s)*bw), int(x0+float64(s+1)*bw)-c.px(1)
			cx := (a + b) / 2
			r, ok := ratio(s, m)
			if !ok {
				c.Text("n/a", cx, f.Plot.Bottom-c.px(4), sizeValue, c.Theme.Muted, AlignCenter)
				continue
			}
			y := f.Y.Px(r)
			c.Bar(Box{a, y, b, f.Plot.Bottom}, s)
			if b-a < lh+c.px(2) {
				continue
			}
			txt := cmp.Metrics[m].Format(cmp.Values[s][m])
			tw, _ := c.Measure(txt, sizeValue)
			if f.Plot.Bottom-y >= tw+c.px(10) {
				// inside the bar, on a plate of the bar's colour
				col := c.Theme.SeriesColour(s)
				c.FillRect(Box{cx - lh/2 - c.px(2), y + c.px(3), cx + lh/2 + c.px(3), y + tw + c.px(9)}, withAlpha(col, 230))
				c.TextUpAt(txt, cx+lh/2-c.px(1), y+tw+c.px(6), sizeValue, contrast(col))
			} else {
				c.TextUpAt(txt, cx+lh/2-c.px(1), y-c.px(4), sizeValue, c.Theme.Foreground)
			}
		}
	}
	c.Line(f.Plot.Left, one, f.Plot.Right, one, c.Theme.Foreground, 1, []float64{6, 4})
	return nil
}
