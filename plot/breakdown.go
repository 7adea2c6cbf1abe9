package plot

import (
	"errors"
	"fmt"

	"aiplan/planner"
)

// Breakdown is the cost breakdown chart: one absolute stacked bar per
// scenario, one segment per cost component of the chosen method.
type Breakdown struct {
	Method string // cloud, amortized or purchase
	// Parts names the components, bottom of the stack first.
	Parts []string
	Bars  []StackBar
}

// StackBar is one scenario's bar: a value per part, in USD.
type StackBar struct {
	Label  string
	Values []float64
}

// Component names.
const (
	partCloud        = "Cloud rent (energy included)"
	partAccelerators = "Accelerators"
	partServers      = "Servers and interconnect"
	partEnergy       = "Energy"
	partFinancing    = "Financing"
	partStaff        = "Staff and R&D"
)

// NewBreakdown builds the breakdown of method ("cloud", "amortized" or
// "purchase") from each scenario's totals; staff cost is added as a
// segment when any scenario sets it. It fails on a NaN, infinite or
// negative component.
func NewBreakdown(names []string, totals []planner.Totals, method string) (*Breakdown, error) {
	method, err := checkMethod(method)
	if err != nil {
		return nil, err
	}
	if len(names) != len(totals) {
		return nil, errors.New("plot: breakdown needs one name per scenario")
	}
	b := &Breakdown{Method: method}
	staff := false
	for i := range totals {
		staff = staff || totals[i].CostBreakdownUSD.Staff > 0
	}
	switch method {
	case "cloud":
		b.Parts = []string{partCloud}
	case "amortized":
		b.Parts = []string{partAccelerators, partServers, partEnergy, partFinancing}
	case "purchase":
		b.Parts = []string{partAccelerators, partServers}
	}
	if staff {
		b.Parts = append(b.Parts, partStaff)
	}
	for i := range totals {
		t := &totals[i]
		cb := &t.CostBreakdownUSD
		var v []float64
		switch method {
		case "cloud":
			v = []float64{t.CostUSD.Cloud}
		case "amortized":
			v = []float64{cb.AmortizedAccelerators, cb.AmortizedServerInterconnect, cb.Energy, cb.Financing}
		case "purchase":
			v = []float64{cb.PurchaseAccelerators, cb.PurchaseServerInterconnect}
		}
		if staff {
			v = append(v, cb.Staff)
		}
		for k, x := range v {
			if !finite(x) || x < 0 {
				return nil, fmt.Errorf("plot: scenario %q: %s is %v; a cost must be a finite number of at least 0", names[i], b.Parts[k], x)
			}
		}
		b.Bars = append(b.Bars, StackBar{Label: names[i], Values: v})
	}
	return b, nil
}

func buildBreakdown(in Input) (Chart, error) {
	method, err := checkMethod(in.Method)
	if err != nil {
		return nil, err
	}
	names, totals, err := namedTotals(in)
	if err != nil {
		return nil, err
	}
	return NewBreakdown(names, totals, method)
}

// Draw implements Chart.
func (b *Breakdown) Draw(c *Canvas) error {
	c.Header("Training cost by component: "+methodLabel(b.Method),
		"Final training run, absolute USD (nominal, as dated in the catalogue). Totals above the bars.")
	if len(b.Bars) == 0 {
		c.Empty("No scenarios to chart: add or include a scenario.")
		return nil
	}
	var items []LegendItem
	for i, p := range b.Parts {
		items = append(items, c.SeriesItem(i, p))
	}
	c.Legend(items)
	if b.Method == "cloud" {
		c.Footnote("Cloud rent is GPU-hours x the price per GPU-hour; energy and hardware are inside the price, so it has one component.")
	}
	top := 0.0
	cats := make([]string, len(b.Bars))
	for i, bar := range b.Bars {
		cats[i] = bar.Label
		s := 0.0
		for _, v := range bar.Values {
			s += v
		}
		top = max(top, s)
	}
	f := c.Frame(Axis{Categories: cats},
		Axis{Title: "Cost (USD)", Min: 0, Max: top * 1.08, ZeroBased: true, Format: planner.HumanUSD})
	lh := c.lineHeight(sizeValue)
	for i, bar := range b.Bars {
		end := c.StackedBar(f, i, bar.Values, nil, 0.56, planner.HumanUSD)
		s := 0.0
		for _, v := range bar.Values {
			s += v
		}
		lo, hi := f.X.Band(i)
		c.Text(planner.HumanUSD(s), (lo+hi)/2, end-lh/3, sizeLabel, c.Theme.Foreground, AlignCenter)
	}
	return nil
}
