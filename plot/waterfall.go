package plot

import (
	"errors"
	"fmt"
	"math"

	"aiplan/planner"
)

// Waterfall is the bubble-gap waterfall of the first year: from the
// accelerator data-centre revenue run-rate, through the rest of the
// data-centre cost and the end user's margin, to the required revenue, then
// minus the expected AI revenue down to the gap. With a life L > 1 the
// vintage's lifetime need steps down by the part due in later years and,
// when the earlier vintages are counted, up by their share of the first
// year (no steps when the two cancel, as with flat capex). When the revenue
// table has an "other" line (or an override), the gap against the listed
// companies only is marked too.
type Waterfall struct {
	Year  int
	Steps []WaterfallStep
	// Itemised marks the listed-companies variant: their revenue and the
	// gap against them.
	Itemised           bool
	ItemisedRevenueUSD float64
	ItemisedGapUSD     float64
	LifeYears          float64
	// PriorVintages says the earlier years' vintages are counted
	// (planner.GapInputs.PriorVintages); CapexGrowth extrapolates them.
	PriorVintages bool
	CapexGrowth   float64
	// Title and Subtitle replace Cahn's heading (NewMethodWaterfall).
	Title, Subtitle string
}

// revenueStepLabel is the label of the step that subtracts the revenue.
const revenueStepLabel = "− expected AI revenue"

// StepKind is the role of a waterfall step.
type StepKind int

// Step kinds.
const (
	// StepTotal is a subtotal bar standing on zero.
	StepTotal StepKind = iota
	// StepAdd and StepSubtract float between the running totals.
	StepAdd
	StepSubtract
	// StepResult is the final bar (the gap), standing on zero.
	StepResult
)

// WaterfallStep is one bar of the waterfall. For a total or result,
// ValueUSD is its height; for a change, the signed change.
type WaterfallStep struct {
	Label    string
	Kind     StepKind
	ValueUSD float64
}

// NewWaterfall builds the waterfall of the first year of r. It fails on a
// NaN or infinite figure.
func NewWaterfall(r *planner.GapResult) (*Waterfall, error) {
	if r == nil || len(r.Years) == 0 {
		return nil, errors.New("plot: no gap result")
	}
	in := &r.Inputs
	w := &Waterfall{Year: in.Year, LifeYears: in.LifeYears, PriorVintages: in.PriorVintages, CapexGrowth: in.CapexGrowth}
	run, dc, life, req := in.DCRevenueUSD, r.DataCentreCostUSD, r.VintageRevenueUSD, r.RequiredRevenueUSD
	if !finite(run, dc, life, req, r.AIRevenueUSD, r.GapUSD, r.ItemisedRevenueUSD, r.ItemisedGapUSD) {
		return nil, errors.New("plot: the gap model gave a non-finite figure")
	}
	add := func(label string, k StepKind, v float64) {
		w.Steps = append(w.Steps, WaterfallStep{Label: label, Kind: k, ValueUSD: v})
	}
	// own is the first vintage's share of the first year; the rest of req
	// is the earlier vintages' (0 unless they are counted).
	own := life * planner.VintageWeight(0, in.LifeYears)
	whole := math.Abs(req-life) <= 1e-6*math.Max(1, life)
	rest := "+ rest of data-centre cost (GPUs " + planner.HumanPercent(in.GPUShare) + " of TCO)"
	if in.PriorVintages && !whole {
		// ten bars: a shorter label keeps to three lines
		rest = "+ rest of data-centre cost (GPUs " + planner.HumanPercent(in.GPUShare) + ")"
	}
	add("Accelerator data-centre revenue run-rate", StepTotal, run)
	add(rest, StepAdd, dc-run)
	add("= Data-centre cost", StepTotal, dc)
	add("+ end-user gross margin ("+planner.HumanPercent(in.Margin)+")", StepAdd, life-dc)
	switch {
	case whole:
		add("= Required revenue", StepTotal, req)
	case in.PriorVintages:
		add("= Revenue needed over the vintage's life", StepTotal, life)
		add(fmt.Sprintf("− its share due in later years (L = %s)", planner.FormatNumber(in.LifeYears)), StepSubtract, own-life)
		add("+ "+w.earlierLabel(), StepAdd, req-own)
		add(fmt.Sprintf("= Required revenue in %d", in.Year), StepTotal, req)
	default:
		add("= Revenue needed over the vintage's life", StepTotal, life)
		add(fmt.Sprintf("− due in later years (L = %s)", planner.FormatNumber(in.LifeYears)), StepSubtract, req-life)
		add(fmt.Sprintf("= Required revenue in %d", in.Year), StepTotal, req)
	}
	add(revenueStepLabel, StepSubtract, -r.AIRevenueUSD)
	add("= Gap", StepResult, r.GapUSD)
	if math.Abs(r.ItemisedRevenueUSD-r.AIRevenueUSD) > 0.5 {
		w.Itemised, w.ItemisedRevenueUSD, w.ItemisedGapUSD = true, r.ItemisedRevenueUSD, r.ItemisedGapUSD
	}
	return w, nil
}

// earlierLabel names the earlier vintages' share of the first year, with
// their years: "earlier vintages' share (2022–2023)".
func (w *Waterfall) earlierLabel() string {
	n := int(math.Ceil(w.LifeYears)) - 1
	if n == 1 {
		return fmt.Sprintf("earlier vintage's share (%d)", w.Year-1)
	}
	return fmt.Sprintf("earlier vintages' share (%d–%d)", w.Year-n, w.Year-1)
}

func buildWaterfall(in Input) (Chart, error) {
	r, err := gapResult(in)
	if err != nil {
		return nil, err
	}
	return NewMethodWaterfall(&r)
}

// signedUSD formats a change with its sign: +$150B, −$100B.
func signedUSD(v float64) string {
	if v < 0 {
		return "−" + planner.HumanUSD(-v)
	}
	return "+" + planner.HumanUSD(v)
}

// Draw implements Chart.
func (w *Waterfall) Draw(c *Canvas) error {
	if w.Title == "" {
		w.Title, w.Subtitle = fmt.Sprintf("From GPU spending to the revenue gap, %d", w.Year),
			"Cahn's identity (Sequoia Capital, 2024): run-rate / GPU share / (1 − margin) = required revenue; minus AI revenue = gap."
	}
	c.Header(w.Title, w.Subtitle)
	if len(w.Steps) == 0 {
		c.Empty("No gap model to chart.")
		return nil
	}
	gapCol := c.Theme.Highlight
	items := []LegendItem{
		c.SeriesItem(0, "Total"),
		c.SeriesItem(1, "Added cost"),
		c.SeriesItem(2, "Subtracted"),
		{Label: "Gap", Colour: gapCol, Pattern: BackDiagonal},
	}
	if w.Itemised {
		items = append(items, LegendItem{Label: "Listed companies only", Colour: c.Theme.Foreground, Line: true, Dash: []float64{5, 3}})
	}
	c.Legend(items)
	var notes []string
	switch {
	case w.LifeYears == 1:
		notes = append(notes, "Life L = 1: one year of capex against one year of revenue (Cahn's convention).")
	case w.LifeYears < 1:
		notes = append(notes, fmt.Sprintf("Life L = %s years: a vintage's whole need falls in its own year, as with L = 1 (Cahn's convention).", planner.FormatNumber(w.LifeYears)))
	case w.PriorVintages:
		n := int(math.Ceil(w.LifeYears)) - 1
		note := fmt.Sprintf("Life L = %s years, earlier vintages counted: %d carries 1/L of the need of each vintage since %d",
			planner.FormatNumber(w.LifeYears), w.Year, w.Year-n)
		if w.CapexGrowth == 1 {
			note += "; with flat capex that is Cahn's figure, the steady state (Cahn uses L = 1)."
		} else {
			note += fmt.Sprintf(" (capex before %d at %s×/yr; flat capex would give Cahn's figure).", w.Year, planner.FormatNumber(w.CapexGrowth))
		}
		notes = append(notes, note)
	default:
		notes = append(notes, fmt.Sprintf("Life L = %s years: the first year carries 1/L of its vintage's need, no earlier vintages counted (Cahn uses L = 1).", planner.FormatNumber(w.LifeYears)))
	}
	if w.Itemised {
		notes = append(notes, fmt.Sprintf("Dashed: the listed companies alone sum to %s, a gap of %s; the bars use the table's total.",
			planner.HumanUSD(w.ItemisedRevenueUSD), planner.HumanUSD(w.ItemisedGapUSD)))
	}
	c.Footnote(notes...)

	// running levels: each step's bottom and top
	type span struct{ lo, hi, end float64 }
	spans := make([]span, len(w.Steps))
	level, lo, hi := 0.0, 0.0, 0.0
	for i, s := range w.Steps {
		switch s.Kind {
		case StepTotal, StepResult:
			level = s.ValueUSD
			spans[i] = span{min(0, level), max(0, level), level}
		default:
			next := level + s.ValueUSD
			spans[i] = span{min(level, next), max(level, next), next}
			level = next
		}
		lo, hi = min(lo, spans[i].lo), max(hi, spans[i].hi)
	}
	if w.Itemised {
		hi = max(hi, w.ItemisedGapUSD)
		lo = min(lo, w.ItemisedGapUSD)
	}
	if hi == lo {
		hi = lo + 1
	}
	cats := make([]string, len(w.Steps))
	for i, s := range w.Steps {
		cats[i] = s.Label
	}
	pad := (hi - lo) * 0.1
	ylo := lo
	if lo < 0 {
		ylo = lo - pad
	}
	f := c.Frame(Axis{Categories: cats},
		Axis{Title: "USD per year", Min: ylo, Max: hi + pad, ZeroBased: true, Format: planner.HumanUSD})
	_, lh := c.Measure("0", sizeValue)
	zero := f.Y.Px(0)
	if lo < 0 {
		c.Line(f.Plot.Left, zero, f.Plot.Right, zero, c.Theme.Muted, 1, nil)
	}
	bars := make([]Box, len(w.Steps))
	for i, s := range w.Steps {
		a, b := f.X.Band(i)
		bw := min(int(float64(b-a)*0.62), c.px(120))
		x0 := (a+b)/2 - bw/2
		sp := spans[i]
		box := Box{x0, f.Y.Px(sp.hi), x0 + bw, f.Y.Px(sp.lo)}
		if box.H() < 1 {
			box.Bottom = box.Top + 1
		}
		bars[i] = box
		switch s.Kind {
		case StepTotal:
			c.Bar(box, 0)
		case StepAdd:
			c.Bar(box, 1)
		case StepSubtract:
			c.Bar(box, 2)
		case StepResult:
			c.PatternRect(box, gapCol, BackDiagonal)
		}
	}
	// connectors at each step's end level
	for i := 0; i+1 < len(w.Steps); i++ {
		y := f.Y.Px(spans[i].end)
		c.Line(bars[i].Right, y, bars[i+1].Left, y, c.Theme.Muted, 1, []float64{3, 3})
	}
	for i, s := range w.Steps {
		box := bars[i]
		txt := planner.HumanUSD(s.ValueUSD)
		if s.Kind == StepAdd || s.Kind == StepSubtract {
			txt = signedUSD(s.ValueUSD)
		}
		cx := (box.Left + box.Right) / 2
		size := float64(sizeLabel)
		col := c.Theme.Foreground
		if s.Kind == StepResult {
			size = sizeTitle * 0.85
			col = gapCol
		}
		_, th := c.Measure(txt, size)
		switch {
		case s.Kind == StepResult && w.Itemised && s.ValueUSD >= 0 && box.H() > th+c.px(12):
			// inside, below the itemised marker above the bar
			c.plateText(txt, cx, box.Top+th+c.px(6), size, col, AlignCenter)
		case spans[i].end < 0 || (s.Kind == StepSubtract && spans[i].lo < 0):
			c.Text(txt, cx, box.Bottom+th+c.px(2), size, col, AlignCenter)
		default:
			c.Text(txt, cx, box.Top-c.px(5), size, col, AlignCenter)
		}
	}
	if w.Itemised {
		w.drawItemised(c, f, bars, lh)
	}
	return nil
}

// drawItemised marks the listed-companies variant: a dashed outline of
// their revenue on the revenue step and a dashed line at the gap against
// them on the gap bar.
func (w *Waterfall) drawItemised(c *Canvas, f *Frame, bars []Box, lh int) {
	n := len(w.Steps)
	rev, gap := bars[n-2], bars[n-1]
	required := w.ItemisedGapUSD + w.ItemisedRevenueUSD
	y0, y1 := f.Y.Px(required), f.Y.Px(w.ItemisedGapUSD)
	ink := c.Theme.Foreground
	dash := []float64{5, 3}
	inset := c.px(6)
	c.Line(rev.Left+inset, y0, rev.Left+inset, y1, ink, 1.5, dash)
	c.Line(rev.Right-inset, y0, rev.Right-inset, y1, ink, 1.5, dash)
	c.Line(rev.Left+inset, y1, rev.Right-inset, y1, ink, 1.5, dash)
	c.Line(rev.Right-inset, y1, gap.Right+c.px(8), y1, ink, 1.5, dash)
	label := "listed only: " + planner.HumanUSD(w.ItemisedGapUSD)
	// centred on the gap bar, but never past the chart's right edge
	lw, _ := c.Measure(label, sizeLabel)
	c.plateText(label, min((gap.Left+gap.Right)/2, c.Area.Right-lw/2-c.px(3)), y1-c.px(5), sizeLabel, ink, AlignCenter)
	label = "listed " + signedUSD(-w.ItemisedRevenueUSD)
	if y1-y0 >= lh+c.px(6) {
		c.plateText(label, (rev.Left+rev.Right)/2, (y0+y1)/2+lh/2, sizeValue, ink, AlignCenter)
	} else {
		c.plateText(label, (rev.Left+rev.Right)/2, y1+lh+c.px(5), sizeValue, ink, AlignCenter)
	}
}
