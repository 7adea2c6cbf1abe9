package plot

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"aiplan/planner"
)

// Tornado is the sensitivity chart of one output of one scenario: a
// horizontal bar per uncertain input from the output with every input at
// its likely value (the centre line) to the output with that input at its
// low and at its high, largest swing on top, each end labelled with the
// input's value and the output's in human units.
type Tornado struct {
	Scenario string
	T        planner.Tornado
	// Hidden counts the smallest bars left out (at most tornadoBars are
	// drawn); None names the inputs that do not change the output (no bar).
	Hidden int
	None   []string
}

// tornadoBars is the most bars drawn.
const tornadoBars = 14

// NewTornado builds the chart of t (planner.Simulation.Tornado) for the
// named scenario. It fails on a non-finite value.
func NewTornado(scenario string, t planner.Tornado) (*Tornado, error) {
	if !finite(t.Base) {
		return nil, fmt.Errorf("plot: tornado: the base value of %s is %v; accepted: a finite number", t.Output, t.Base)
	}
	for _, b := range t.Bars {
		if !finite(b.Low, b.High, b.OutputLow, b.OutputHigh) {
			return nil, fmt.Errorf("plot: tornado: %s gives a non-finite value", b.Key)
		}
	}
	tc := &Tornado{Scenario: scenario, T: t}
	tc.T.Bars = nil
	for _, b := range t.Bars {
		if b.Swing == 0 && b.OutputLow == t.Base && b.OutputHigh == t.Base {
			tc.None = append(tc.None, b.Label)
			continue
		}
		tc.T.Bars = append(tc.T.Bars, b)
	}
	if len(tc.T.Bars) > tornadoBars {
		tc.Hidden = len(tc.T.Bars) - tornadoBars
		tc.T.Bars = tc.T.Bars[:tornadoBars]
	}
	return tc, nil
}

func buildTornado(in Input) (Chart, error) {
	output, sim, _, err := simulate(in, false)
	if err != nil {
		return nil, err
	}
	if sim == nil {
		return &Tornado{T: planner.Tornado{Output: output}}, nil
	}
	t, err := sim.Tornado(output)
	if err != nil {
		return nil, err
	}
	return NewTornado(sim.Scenario.Name, t)
}

// InputText formats the value of numeric input key in its unit for a
// label: 0.2 -> "20%" (fractions), 33810 -> "$33.8k" (USD), 0.0806 ->
// "$0.0806/kWh", 1.1 -> "1.1" (ratios), 3 -> "3 years"; three significant
// digits.
func InputText(key string, v float64) string {
	if s, ok := gapInputText(key, v); ok {
		return s
	}
	f := planner.FieldByKey(key)
	if f == nil {
		return sig3(v)
	}
	switch {
	case f.Percent:
		return planner.HumanPercent(v)
	case f.Unit == "USD":
		return planner.HumanUSD(v)
	case strings.HasPrefix(f.Unit, "USD/"):
		return "$" + sig3(v) + "/" + strings.TrimPrefix(f.Unit, "USD/")
	case f.Unit == "x":
		return sig3(v) + "×"
	case f.Unit == "ratio" || f.Unit == "count":
		return sig3(v)
	case f.Unit == "parameters" || f.Unit == "tokens" || f.Unit == "FLOP":
		return planner.FormatQuantity(roundSig3(v)) + " " + f.Unit
	}
	return sig3(v) + " " + f.Unit
}

// sig3 writes v with at most three significant digits, without an exponent
// for everyday magnitudes.
func sig3(v float64) string {
	v = roundSig3(v)
	if a := math.Abs(v); a != 0 && (a < 1e-4 || a >= 1e7) {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func roundSig3(v float64) float64 {
	if v == 0 || !finite(v) {
		return v
	}
	p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// Draw implements Chart.
func (t *Tornado) Draw(c *Canvas) error {
	path := planner.OutputPathOf(t.T.Output)
	label := t.T.Label
	if label == "" {
		if o := planner.OutputByPath(path); o != nil {
			label = o.Label
		} else {
			label = "Output"
		}
	}
	if strings.HasPrefix(t.T.Output, "withExperiments.") && !strings.Contains(label, "experiments") {
		label += " (with experiments)"
	}
	h := func(v float64) string { return planner.Human(path, v) }
	if len(t.T.Bars) == 0 {
		c.Header("What drives "+lowerFirst(label), "")
		msg := "No uncertain input changes this output."
		if len(t.None) > 0 {
			msg += " Inputs with a range: " + strings.Join(t.None, ", ") + "."
		}
		c.Empty(msg)
		return nil
	}
	c.Header("What drives "+lowerFirst(label),
		fmt.Sprintf("%s: each uncertain input at its low and at its high, every other at its likely value; largest swing on top. "+
			"Centre line: %s with every input likely.", quoted(t.Scenario), h(t.T.Base)))
	lowCol, highCol := c.Theme.SeriesColour(3), c.Theme.SeriesColour(0)
	c.Legend([]LegendItem{
		{Label: "Input at its low", Colour: lowCol, Pattern: Solid},
		{Label: "Input at its high", Colour: highCol, Pattern: Diagonal},
		{Label: "Every input at its likely value", Colour: c.Theme.Foreground, Line: true},
	})
	notes := []string{"Each bar end reads input value: output value. Ranges come from the catalogue's evidence unless set on the scenario; swing = |output at high - output at low|."}
	if len(t.None) > 0 {
		notes = append(notes, "No effect on this output: "+strings.Join(t.None, ", ")+".")
	}
	// as many bars as get a line and a half each (name and end labels),
	// the largest swings first; the rest are counted in a note
	bars, hidden := t.T.Bars, t.Hidden
	foot := 2 // the "not shown" line and the gap above the notes
	for _, n := range notes {
		foot += len(c.wrap(n, c.Area.W(), sizeNote))
	}
	lhl := c.lineHeight(sizeLabel)
	room := c.Area.H() - foot*c.lineHeight(sizeNote) - 2*lhl - c.lineHeight(sizeAxis) - c.px(18)
	if fit := max(1, room/(lhl*3/2)); fit < len(bars) {
		hidden += len(bars) - fit
		bars = bars[:fit]
	}
	if hidden > 0 {
		notes = append(notes, fmt.Sprintf("%d smaller inputs not shown.", hidden))
	}
	c.Footnote(notes...)

	// value range with room for the end labels on both sides: the widest
	// label on each side, as a share of an estimated plot width (the
	// category labels take up to 30% of the area)
	lo, hi := t.T.Base, t.T.Base
	leftW, rightW := 0, 0
	for _, b := range bars {
		lo = math.Min(lo, math.Min(b.OutputLow, b.OutputHigh))
		hi = math.Max(hi, math.Max(b.OutputLow, b.OutputHigh))
		for _, txt := range t.labels(b, h) {
			w, _ := c.Measure(txt.text, sizeValue)
			if txt.side < 0 {
				leftW = max(leftW, w)
			} else {
				rightW = max(rightW, w)
			}
		}
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(t.T.Base)*0.1, 1)
	}
	plotW := float64(c.Area.W()) * 0.7
	fl, fr := float64(leftW+c.px(12))/plotW, float64(rightW+c.px(12))/plotW
	if fl+fr > 0.8 { // very narrow: squeeze the labels' room
		k := 0.8 / (fl + fr)
		fl, fr = fl*k, fr*k
	}
	total := span / (1 - fl - fr)
	axLo, axHi := lo-total*fl, hi+total*fr
	if lo >= 0 && axLo < 0 && leftW == 0 {
		axLo = 0
	}
	cats := make([]string, len(bars))
	for i, b := range bars {
		cats[i] = b.Label
	}
	f := c.Frame(Axis{Title: axisTitle(label, path), Min: axLo, Max: axHi, Format: tickFormat(path)}, Axis{Categories: cats})
	base := f.X.Px(t.T.Base)
	_, lh := c.Measure("0", sizeValue)
	for i, b := range bars {
		top, bottom := f.Y.Band(i)
		inset := max((bottom-top)/6, (bottom-top-c.px(56))/2)
		box := func(v float64, shrink int) Box {
			x := f.X.Px(v)
			return Box{min(x, base), top + inset + shrink, max(x, base), bottom - inset - shrink}
		}
		mid := (top + bottom) / 2
		ls := t.labels(b, h)
		lowTxt, highTxt := ls[0].text, ls[1].text
		lowSide, highSide := ls[0].side, ls[1].side
		if lowSide != highSide {
			c.PatternRect(box(b.OutputLow, 0), lowCol, Solid)
			c.PatternRect(box(b.OutputHigh, 0), highCol, Diagonal)
			c.endLabel(lowTxt, f.X.Px(b.OutputLow), lowSide, mid, lh)
			c.endLabel(highTxt, f.X.Px(b.OutputHigh), highSide, mid, lh)
			continue
		}
		// both ends on one side of the centre (a non-monotonic input): the
		// longer bar behind, the shorter in front and narrower
		far, near := b.OutputLow, b.OutputHigh
		farCol, nearCol, farPat, nearPat := lowCol, highCol, Solid, Diagonal
		if math.Abs(near-t.T.Base) > math.Abs(far-t.T.Base) {
			far, near = near, far
			farCol, nearCol, farPat, nearPat = nearCol, farCol, nearPat, farPat
		}
		c.PatternRect(box(far, 0), farCol, farPat)
		c.PatternRect(box(near, (bottom-top)/8), nearCol, nearPat)
		c.endLabel(lowTxt, f.X.Px(far), lowSide, mid, lh)
	}
	c.Line(base, f.Plot.Top, base, f.Plot.Bottom, c.Theme.Foreground, 1.5, nil)
	return nil
}

type endText struct {
	text string
	side int // -1: left of the bar's end, +1: right
}

// labels returns the end labels of bar b (at its low, at its high) and the
// side each goes on; a bar whose two ends lie on one side of the centre
// carries both texts on its far end.
func (t *Tornado) labels(b planner.TornadoBar, h func(float64) string) [2]endText {
	lowTxt := InputText(b.Key, b.Low) + ": " + h(b.OutputLow)
	highTxt := InputText(b.Key, b.High) + ": " + h(b.OutputHigh)
	lowSide, highSide := sign(b.OutputLow-t.T.Base), sign(b.OutputHigh-t.T.Base)
	if lowSide == 0 {
		lowSide = -highSide // the label of an end at the centre goes opposite the bar
	}
	if highSide == 0 {
		highSide = -lowSide
	}
	if lowSide == highSide && lowSide != 0 {
		both := lowTxt + "; " + highTxt
		if math.Abs(b.OutputHigh-t.T.Base) > math.Abs(b.OutputLow-t.T.Base) {
			both = highTxt + "; " + lowTxt
		}
		return [2]endText{{both, lowSide}, {both, highSide}}
	}
	return [2]endText{{lowTxt, lowSide}, {highTxt, highSide}}
}

// endLabel writes s beyond the end x of a bar that grows to side (-1 left,
// +1 right), vertically centred on mid.
func (c *Canvas) endLabel(s string, x, side, mid, lh int) {
	if side < 0 {
		c.Text(s, x-c.px(5), mid+lh/3, sizeValue, c.Theme.Foreground, AlignRight)
		return
	}
	c.Text(s, x+c.px(5), mid+lh/3, sizeValue, c.Theme.Foreground, AlignLeft)
}

func sign(v float64) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

// lowerFirst lowers the first letter of a label used inside a sentence,
// unless it starts an acronym ("GPU-hours", "MFU").
func lowerFirst(s string) string {
	if len(s) < 2 || s[1] < 'a' || s[1] > 'z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
