package export

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// Projection sheet layout: a title, a header, the inputs (one per row, the
// value in column B, in projectionInputs order), a note, the threshold
// table and the yearly table, each under its header row.
const (
	projFirstInputRow = 3
	projNumInputs     = 8
	projNoteRow       = projFirstInputRow + projNumInputs
	projThresholdRow  = projNoteRow + 2 // first threshold row ($1B)
	projNumThresholds = 3               // planner.Thresholds
	projFirstYearRow  = projThresholdRow + projNumThresholds + 2
	projThresholdTol  = "(1-1E-12)"
	uncertaintyHeadRw = 4
)

// Indices of the inputs whose cells the formulas use.
const (
	projInBase     = 0
	projInBaseYear = 1
	projInGrowth   = 4
	projInLow      = 5
	projInHigh     = 6
)

// projInput returns the absolute cell of an input's value.
func projInput(i int) string { return "$B$" + strconv.Itoa(projFirstInputRow+i) }

// ProjectionLayout locates the Projection sheet's results.
type ProjectionLayout struct {
	// FirstYearRow is the base year's row: A year, B years since the base,
	// C central cost, D low-growth cost, E high-growth cost (USD).
	FirstYearRow int
	// ThresholdRow is the row of the first threshold ($1B; then $10B and
	// $100B): B central, C low-growth, D high-growth first year at or above
	// it ("n/a" when after the last row).
	ThresholdRow int
}

// NewProjectionLayout returns the Projection sheet's layout.
func NewProjectionLayout() ProjectionLayout {
	return ProjectionLayout{FirstYearRow: projFirstYearRow, ThresholdRow: projThresholdRow}
}

// projectionSheet writes the frontier training-cost projection as formulas
// following planner.Project:
//
//	cost(year) = base x growth^(year - base year), and the same with the
//	low and high growth; threshold year = first row at or above it.
func (wr *writer) projectionSheet(in *planner.ProjectionInputs) error {
	f, s := wr.f, SheetProjection
	cells := &cellWriter{f: f, s: s}
	st, err := wr.plainStyles(markTitle, markHeader, markNote)
	if err != nil {
		return err
	}
	ts, hs, note := st[0], st[1], st[2]
	basis := in.Basis
	if basis == "" {
		basis = planner.CostBasisAmortized
	}
	cells.str("A1", "Frontier training-cost projection: cost(year) = base x growth^(year - base year) (Cottier et al. 2024, Epoch AI: 2.4x per year since 2016)")
	cells.style("A1", "A1", ts)
	cells.strs(2, "Input", "Value", "Unit", "Key (aiplan project flag)")
	cells.style("A2", "D2", hs)
	inputs := []struct {
		label string
		v     any
		unit  string
		key   string
		fmt   string
	}{
		{"Base cost (the frontier run of the base year)", in.BaseCostUSD, "USD", "base-cost", fmtUSD},
		{"Base year", in.BaseYear, "year", "base-year", "0"},
		{"Base model (informational)", in.BaseModel, "text", "", ""},
		{"Cost basis", basis, "amortized | cloud | acquisition", "", ""},
		{"Growth (central)", in.Growth, "x per year", "growth", fmtRatio},
		{"Growth, low end of the band", in.GrowthLow, "x per year", "growth-low", fmtRatio},
		{"Growth, high end of the band", in.GrowthHigh, "x per year", "growth-high", fmtRatio},
		{"Last year", in.Until, "year", "until", "0"},
	}
	if len(inputs) != projNumInputs || len(planner.Thresholds) != projNumThresholds {
		return errors.New("projection sheet: the layout constants do not match the inputs and thresholds")
	}
	for i, it := range inputs {
		r := projFirstInputRow + i
		cells.str(cellAt(1, r), it.label)
		cells.value(cellAt(2, r), it.v)
		cells.str(cellAt(3, r), it.unit)
		cells.str(cellAt(4, r), it.key)
		st, err := wr.style(it.fmt, markUser)
		if err != nil {
			return err
		}
		cells.style(cellAt(2, r), cellAt(2, r), st)
	}
	cells.str(cellAt(1, projNoteRow), fmt.Sprintf("The table has one row per year from %d to %d; changing the base year or the last year does not add rows.", in.BaseYear, in.Until))
	cells.style(cellAt(1, projNoteRow), cellAt(1, projNoteRow), note)

	first, last := projFirstYearRow, projFirstYearRow+in.Until-in.BaseYear
	rng := func(col string) string {
		return "$" + col + "$" + strconv.Itoa(first) + ":$" + col + "$" + strconv.Itoa(last)
	}
	// Thresholds: the cost grows (or falls) monotonically, so the first
	// year at or above T is the base year when the base is, else the base
	// year plus the number of years below T, if any year reaches it.
	cells.strs(projThresholdRow-1, "First year at or above", "Central growth", "Low growth", "High growth")
	cells.style(cellAt(1, projThresholdRow-1), cellAt(4, projThresholdRow-1), hs)
	usd, err := wr.style(fmtUSD, markNone)
	if err != nil {
		return err
	}
	year, err := wr.style("0", markNone)
	if err != nil {
		return err
	}
	for i, t := range planner.Thresholds {
		r := projThresholdRow + i
		cells.value(cellAt(1, r), t)
		cells.style(cellAt(1, r), cellAt(1, r), usd)
		for j := range 3 { // the central, low and high cost columns
			col := colLetter(3 + j)
			thr := "($A" + strconv.Itoa(r) + "*" + projThresholdTol + ")"
			fm := "IF(" + col + strconv.Itoa(first) + ">=" + thr + ",$A$" + strconv.Itoa(first) +
				",IF(COUNTIF(" + rng(col) + `,">="&` + thr + `)=0,"n/a",$A$` + strconv.Itoa(first) +
				"+COUNTIF(" + rng(col) + `,"<"&` + thr + ")))"
			cells.formula(cellAt(2+j, r), fm)
		}
		cells.style(cellAt(2, r), cellAt(4, r), year)
	}

	cells.strs(first-1, "Year", "Years since base", "Cost, central growth", "Cost, low growth", "Cost, high growth")
	cells.style(cellAt(1, first-1), cellAt(5, first-1), hs)
	for y := 0; y <= in.Until-in.BaseYear; y++ {
		r := first + y
		since := cellAt(2, r)
		cells.formula(cellAt(1, r), projInput(projInBaseYear)+"+"+since)
		cells.value(since, y)
		for j, g := range []int{projInGrowth, projInLow, projInHigh} {
			cells.formula(cellAt(3+j, r), projInput(projInBase)+"*POWER("+projInput(g)+","+since+")")
		}
	}
	cells.style("C"+strconv.Itoa(first), "E"+strconv.Itoa(last), usd)
	cells.width(map[string]float64{"A": 46, "B": 18, "C": 22, "D": 22, "E": 22})
	return cells.err
}

// uncertaintyOutputs are the outputs of the Uncertainty sheet's table.
var uncertaintyOutputs = []string{
	"trainingFLOP", "gpuHours", "wallClockDays", "facilityEnergyKWh", "peakPowerMW", "emissionsTCO2e",
	"waterOnsiteL", "costUSD.cloud", "costUSD.amortized", "costUSD.purchase",
}

// tornadoOutput is the output of the Uncertainty sheet's tornado table.
const tornadoOutput = "costUSD.cloud"

func (wr *writer) uncertaintyAbout() string {
	if !wr.opts.Uncertainty {
		return "Not included in this export."
	}
	if len(wr.rows) > UncertaintySetMax {
		return fmt.Sprintf("Not computed: sets of more than %d scenarios get no simulation.", UncertaintySetMax)
	}
	return fmt.Sprintf("Simulation output (values, not formulas): Monte Carlo P10/P50/P90 and a tornado of the cloud cost for the first %d scenarios, %s samples, seed %d.",
		UncertaintyMax, thousands(UncertaintySamples), UncertaintySeed)
}

// uncertainty writes the Monte Carlo quantiles and the cloud-cost tornado
// of the first UncertaintyMax scenarios, as values.
func (wr *writer) uncertainty() error {
	f, s := wr.f, SheetUncertainty
	cells := &cellWriter{f: f, s: s}
	st, err := wr.plainStyles(markTitle, markHeader, markNote)
	if err != nil {
		return err
	}
	ts, hs, note := st[0], st[1], st[2]
	cells.str("A1", "Uncertainty: simulation output (values, not formulas)")
	cells.style("A1", "A1", ts)
	if len(wr.rows) > UncertaintySetMax {
		cells.str("A2", fmt.Sprintf("Not computed: this set has %s scenarios; the simulation runs for sets of at most %d. Use 'aiplan estimate --uncertainty' on single scenarios.",
			thousands(len(wr.rows)), UncertaintySetMax))
		cells.style("A2", "A2", note)
		return cells.err
	}
	n := min(len(wr.rows), UncertaintyMax)
	scope := "every scenario"
	if n < len(wr.rows) {
		scope = fmt.Sprintf("the first %d of %d scenarios", n, len(wr.rows))
	}
	cells.str("A2", fmt.Sprintf("Monte Carlo of %s: %s samples, seed %d, of each scenario's uncertain inputs (the planner's evidence ranges, as 'aiplan estimate --uncertainty'). "+
		"These are values computed at export time: editing the Assumptions does not change them.", scope, thousands(UncertaintySamples), UncertaintySeed))
	cells.style("A2", "A2", note)

	h := uncertaintyHeadRw
	cells.strs(h-1, "Quantiles (simulation output)")
	cells.value(cellAt(10, h-1), "Tornado of "+tornadoOutput+": each input at its low and high, the others at their likely value (simulation output)")
	cells.style(cellAt(1, h-1), cellAt(1, h-1), ts)
	cells.style(cellAt(10, h-1), cellAt(10, h-1), ts)
	cells.strs(h, "Scenario", "Output", "Unit", "P10", "P50", "P90", "Mean", "Point estimate")
	for j, t := range []string{"Scenario", "Input", "Input key", "Input low", "Input high", "Cloud cost at low (USD)", "Cloud cost at high (USD)", "Swing (USD)", "Source"} {
		cells.str(cellAt(10+j, h), t)
	}
	cells.style(cellAt(1, h), cellAt(8, h), hs)
	cells.style(cellAt(10, h), cellAt(18, h), hs)
	usd, err := wr.style(fmtUSD, markNone)
	if err != nil {
		return err
	}
	qr, tr := h+1, h+1
	ctx := context.Background()
	for i := 0; i < n && cells.err == nil; i++ {
		sc := wr.rows[i].sc
		sim, err := planner.NewSimulation(wr.cat, sc)
		if err != nil {
			return &ScenarioError{Name: sc.Name, Err: err}
		}
		u, err := sim.Run(ctx, planner.Options{Samples: UncertaintySamples, Seed: UncertaintySeed})
		if err != nil {
			return &ScenarioError{Name: sc.Name, Err: err}
		}
		for _, path := range uncertaintyOutputs {
			q, ok := u.Get(path)
			if !ok {
				continue
			}
			mc := &wr.l.model[wr.l.mIndex[path]]
			cells.str(cellAt(1, qr), sc.Name)
			cells.str(cellAt(2, qr), mc.label)
			cells.str(cellAt(3, qr), mc.unit)
			vals := []float64{q.P10, q.P50, q.P90, q.Mean}
			if o := planner.OutputByPath(path); o != nil {
				if v, ok := o.Get(&sim.Point.Totals); ok {
					vals = append(vals, v)
				}
			}
			for j, v := range vals {
				cells.value(cellAt(4+j, qr), v)
			}
			st, err := wr.style(mc.format, markNone)
			if err != nil {
				return err
			}
			cells.style(cellAt(4, qr), cellAt(8, qr), st)
			qr++
		}
		t, err := sim.Tornado(tornadoOutput)
		var fe *planner.FieldError
		if errors.As(err, &fe) {
			cells.str(cellAt(10, tr), sc.Name)
			cells.str(cellAt(11, tr), "(no tornado: "+err.Error()+")")
			tr++
			continue
		} else if err != nil {
			return &ScenarioError{Name: sc.Name, Err: err}
		}
		for _, b := range t.Bars {
			cells.str(cellAt(10, tr), sc.Name)
			cells.str(cellAt(11, tr), b.Label)
			cells.str(cellAt(12, tr), b.Key)
			cells.value(cellAt(13, tr), b.Low)
			cells.value(cellAt(14, tr), b.High)
			cells.value(cellAt(15, tr), b.OutputLow)
			cells.value(cellAt(16, tr), b.OutputHigh)
			cells.value(cellAt(17, tr), b.Swing)
			cells.str(cellAt(18, tr), b.Source)
			if fld := planner.FieldByKey(b.Key); fld != nil {
				st, err := wr.style(fieldFormat(fld), markNone)
				if err != nil {
					return err
				}
				cells.style(cellAt(13, tr), cellAt(14, tr), st)
			}
			cells.style(cellAt(15, tr), cellAt(17, tr), usd)
			tr++
		}
	}
	// Each table prints one portrait page wide at 64% (see pagesetup.go),
	// the tornado on a page of its own (a column break before J); its
	// Source column (R) stays on screen.
	cells.width(map[string]float64{"A": 22, "B": 24, "C": 9, "D": 12, "E": 12, "F": 12, "G": 12, "H": 13, "I": 3,
		"J": 20, "K": 24, "L": 14, "M": 11, "N": 11, "O": 14, "P": 14, "Q": 12, "R": 36})
	if cells.err != nil {
		return cells.err
	}
	if err := f.InsertPageBreak(s, "J1"); err != nil {
		return err
	}
	// Two lines for the wrapped headers ("Cloud cost at low (USD)").
	if err := f.SetRowHeight(s, h, 30); err != nil {
		return err
	}
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: h, TopLeftCell: cellAt(1, h+1), ActivePane: "bottomLeft"})
}

// cellWriter writes cells of one sheet and keeps the first error.
type cellWriter struct {
	f   *excelize.File
	s   string
	err error
}

// str writes text as text (never a formula).
func (c *cellWriter) str(cell, v string) {
	if c.err == nil && v != "" {
		c.err = c.f.SetCellStr(c.s, cell, v)
	}
}

// strs writes texts from column A of row r.
func (c *cellWriter) strs(r int, vs ...string) {
	for j, v := range vs {
		c.str(cellAt(1+j, r), v)
	}
}

func (c *cellWriter) value(cell string, v any) {
	if c.err != nil {
		return
	}
	if s, ok := v.(string); ok {
		c.str(cell, s)
		return
	}
	c.err = c.f.SetCellValue(c.s, cell, v)
}

func (c *cellWriter) formula(cell, fm string) {
	if c.err == nil {
		c.err = c.f.SetCellFormula(c.s, cell, fm)
	}
}

func (c *cellWriter) style(from, to string, id int) {
	if c.err == nil {
		c.err = c.f.SetCellStyle(c.s, from, to, id)
	}
}

func (c *cellWriter) width(w map[string]float64) {
	for col, v := range w {
		if c.err == nil {
			c.err = c.f.SetColWidth(c.s, col, col, v)
		}
	}
}

func cellAt(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// thousands formats n with comma separators: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
