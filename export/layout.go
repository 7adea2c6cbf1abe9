package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// Sheet names.
const (
	SheetSummary     = "Summary"
	SheetAssumptions = "Assumptions"
	SheetConstants   = "Constants"
	SheetModel       = "Model"
	SheetProvenance  = "Provenance"
	SheetGap         = "Bubble gap"
	SheetProjection  = "Projection"
	SheetUncertainty = "Uncertainty"
	SheetCharts      = "Charts"
	SheetSources     = "Sources"
	SheetAbout       = "About"
	// sheetData is the very hidden sheet holding the scenario file.
	sheetData = "aiplan"
)

// Rows of the row-per-scenario sheets (Assumptions and Model): a label row,
// a unit row and a key row, then one row per scenario.
const (
	rowLabel = 1
	rowUnit  = 2
	rowKey   = 3
	// FirstRow is the row of the first scenario on Assumptions and Model.
	FirstRow = 4
)

// NA is what a Model cell shows for an output the planner reports as null.
const NA = "n/a"

// Keys of the Assumptions columns that are not planner.Fields: the resolved
// catalogue figures and the mode flags the formulas need.
const (
	KeyID             = "id"
	KeyName           = "name"
	KeyPeakFLOPS      = "peak-flops"
	KeyTDPW           = "tdp-w"
	KeyPricePerfOOM   = "price-perf-oom"
	KeyEmbodied       = "embodied-kgco2e"
	KeyEmbodiedLife   = "embodied-lifetime-years"
	KeyHasGPUHours    = "has-gpu-hours"
	KeyEpoch          = "epoch-depreciation"
	KeyHasEmbodied    = "has-embodied"
	KeyNote           = "note"
	constHoursPerYear = "HoursPerYear"
)

// Kinds of Assumptions columns.
const (
	kindID = iota
	kindName
	kindChoice
	kindField
	kindExtra
	kindFlag
	kindNote
)

// column is one column of a row-per-scenario sheet.
type column struct {
	key, label, unit string
	kind             int
	// format is the custom number format of the data cells ("" = General).
	format string
	// formula is a template: [key] is the Assumptions cell of that key in
	// the same row, {key} the Model cell; empty for value columns.
	formula string
	letter  string
	parts   []part
}

// part is a compiled piece of a formula template: literal text followed by
// a column reference (sheet prefix and letter) whose row is filled in.
type part struct {
	lit string
	ref string // "" = no reference after lit
}

// Number formats.
const (
	fmtUSD = `[>=1000000000]$#,##0.0,,,"B";[>=1000000]$#,##0.0,,"M";$#,##0`
	// fmtBillions is the industry sheets' dollars (gaps may be negative,
	// which fmtUSD's third section would print in full dollars: ###).
	fmtBillions = `$#,##0.0,,,"B";-$#,##0.0,,,"B"`
	fmtPrice    = `$#,##0.00`
	fmtCount    = `#,##0`
	fmtDecimal  = `#,##0.0`
	fmtRatio    = `0.00`
	fmtSci      = `0.00E+00`
	fmtPercent  = `0.0%`
	fmtGeneral  = ``
)

func fieldFormat(f *planner.Field) string {
	switch {
	case f.Percent:
		return fmtPercent
	case f.Unit == "USD":
		return fmtUSD
	case strings.HasPrefix(f.Unit, "USD/"):
		return fmtPrice
	case f.Unit == "parameters" || f.Unit == "tokens" || f.Unit == "FLOP":
		return fmtSci
	case f.Key == planner.KeyYear:
		return `0`
	case f.Integer || f.Unit == "GPU-hours" || f.Unit == "W" || f.Unit == "gCO2e/kWh":
		return fmtCount
	}
	return fmtGeneral
}

// assumptionColumns returns the Assumptions layout: id, name, the choices,
// every planner.Field, the resolved catalogue figures, the mode flags and
// the note.
func assumptionColumns() []column {
	cols := []column{
		{key: KeyID, label: "#", unit: "row id", kind: kindID},
		{key: KeyName, label: "Scenario", unit: "text", kind: kindName},
		{key: planner.KeyGPU, label: "Accelerator", unit: "catalogue id", kind: kindChoice},
		{key: planner.KeyEnergy, label: "Energy source", unit: "catalogue id", kind: kindChoice},
		{key: planner.KeyCooling, label: "Cooling", unit: "catalogue id", kind: kindChoice},
		{key: planner.KeyPrecision, label: "Precision", unit: "bf16 | fp8", kind: kindChoice},
		{key: planner.KeyPriceTier, label: "Cloud price tier", unit: "on-demand | 1-year | 3-year", kind: kindChoice},
		{key: planner.KeyDepreciation, label: "Depreciation", unit: "straight-line | epoch", kind: kindChoice},
	}
	for i := range planner.Fields {
		f := &planner.Fields[i]
		cols = append(cols, column{key: f.Key, label: f.Label, unit: f.Unit, kind: kindField, format: fieldFormat(f)})
	}
	cols = append(cols,
		// peak-flops and tdp-w are planner.Fields (a custom accelerator's
		// figures), so they come from the loop above.
		column{key: KeyPricePerfOOM, label: "Price-performance gain (epoch mode)", unit: "OOM/year", kind: kindExtra, format: fmtRatio},
		column{key: KeyEmbodied, label: "Embodied carbon per accelerator", unit: "kgCO2e", kind: kindExtra, format: fmtCount},
		column{key: KeyEmbodiedLife, label: "Embodied carbon lifetime", unit: "years", kind: kindExtra, format: fmtDecimal},
		column{key: KeyHasGPUHours, label: "Has disclosed GPU-hours", unit: "1/0", kind: kindFlag,
			formula: "IF(ISNUMBER([gpu-hours]),1,0)"},
		column{key: KeyEpoch, label: "Epoch depreciation", unit: "1/0", kind: kindFlag,
			formula: `IF([depreciation]="epoch",1,0)`},
		column{key: KeyHasEmbodied, label: "Has embodied figure", unit: "1/0", kind: kindFlag,
			formula: "IF(ISNUMBER([embodied-kgco2e]),1,0)"},
		column{key: KeyNote, label: "Note", unit: "text", kind: kindNote},
	)
	return cols
}

// modelColumns returns the Model layout, derived from planner.OutputTable:
// the name, every output of the final run (keys are estimate --json paths),
// the programme totals ("withExperiments.*", Output.ProgrammeFormula) and
// the working columns (planner.Workings, keys "work.*"). The formulas are
// the planner's; only the number formats are the workbook's.
func modelColumns() []column {
	cols := []column{{key: KeyName, label: "Scenario", unit: "text", formula: "[name]"}}
	for i := range planner.OutputTable {
		o := &planner.OutputTable[i]
		cols = append(cols, column{key: o.Path, label: o.Label, unit: o.Unit, format: unitFormat(o.Unit), formula: o.Formula})
	}
	for i := range planner.OutputTable {
		o := &planner.OutputTable[i]
		cols = append(cols, column{key: programmeKey(o.Path), label: "Programme: " + o.Label, unit: o.Unit,
			format: unitFormat(o.Unit), formula: o.ProgrammeFormula("{" + o.Path + "}")})
	}
	for _, w := range planner.Workings {
		cols = append(cols, column{key: w.Key, label: w.Label, unit: w.Unit, format: unitFormat(w.Unit), formula: w.Formula})
	}
	return cols
}

// programmeKey is the Model key of an output's programme total.
func programmeKey(path string) string { return "withExperiments." + path }

// unitFormat is the Model's number format of a unit: the cell keeps the
// value in the unit of its JSON key, the format only scales its display.
func unitFormat(unit string) string {
	switch unit {
	case "FLOP":
		return fmtSci
	case "USD":
		return fmtUSD
	case "USD/GPU-hour":
		return fmtPrice
	case "fraction":
		return fmtPercent
	case "days", "MW":
		return fmtDecimal
	case "1/0", "text":
		return fmtGeneral
	}
	return fmtCount
}

// layout holds both sheets' columns with their letters and compiled formulas.
type layout struct {
	assumptions []column
	model       []column
	aIndex      map[string]int
	mIndex      map[string]int
	// cIndex numbers the choice columns of assumptions.
	cIndex map[string]int
	// derived holds the Assumptions formulas of derived inputs by key.
	derived map[string]*column
}

// derivedFormulas are the Assumptions formulas of inputs the planner derives.
var derivedFormulas = map[string]string{
	planner.KeyActiveParams: "[params]",
	planner.KeyTokens:       "[params]*[tokens-per-param]",
}

func newLayout() (*layout, error) {
	l := &layout{assumptions: assumptionColumns(), model: guarded(modelColumns()),
		aIndex: map[string]int{}, mIndex: map[string]int{}, cIndex: map[string]int{}}
	for i := range l.assumptions {
		l.assumptions[i].letter = colLetter(i + 1)
		l.aIndex[l.assumptions[i].key] = i
		if l.assumptions[i].kind == kindChoice {
			l.cIndex[l.assumptions[i].key] = len(l.cIndex)
		}
	}
	for i := range l.model {
		l.model[i].letter = colLetter(i + 1)
		l.mIndex[l.model[i].key] = i
	}
	for _, cols := range [][]column{l.assumptions, l.model} {
		for i := range cols {
			if cols[i].formula == "" {
				continue
			}
			parts, err := l.compile(cols[i].formula)
			if err != nil {
				return nil, fmt.Errorf("export: column %s: %w", cols[i].key, err)
			}
			cols[i].parts = parts
		}
	}
	l.derived = map[string]*column{}
	for k, tmpl := range derivedFormulas {
		parts, err := l.compile(tmpl)
		if err != nil {
			return nil, fmt.Errorf("export: derived %s: %w", k, err)
		}
		l.derived[k] = &column{key: k, formula: tmpl, parts: parts}
	}
	return l, nil
}

// compile splits a template into literal text and references.
func (l *layout) compile(tmpl string) ([]part, error) {
	var parts []part
	lit := strings.Builder{}
	for i := 0; i < len(tmpl); i++ {
		ch := tmpl[i]
		if ch != '[' && ch != '{' {
			lit.WriteByte(ch)
			continue
		}
		end := byte(']')
		if ch == '{' {
			end = '}'
		}
		j := strings.IndexByte(tmpl[i:], end)
		if j < 0 {
			return nil, fmt.Errorf("unclosed %c in %q", ch, tmpl)
		}
		key := tmpl[i+1 : i+j]
		var ref string
		if ch == '[' {
			k, ok := l.aIndex[key]
			if !ok {
				return nil, fmt.Errorf("unknown assumption %q", key)
			}
			ref = SheetAssumptions + "!" + l.assumptions[k].letter
		} else {
			k, ok := l.mIndex[key]
			if !ok {
				return nil, fmt.Errorf("unknown model column %q", key)
			}
			ref = l.model[k].letter
		}
		parts = append(parts, part{lit: lit.String(), ref: ref})
		lit.Reset()
		i += j
	}
	if lit.Len() > 0 {
		parts = append(parts, part{lit: lit.String()})
	}
	return parts, nil
}

// formulaAt renders a compiled column formula for a row, without a
// leading "=", reusing *buf as scratch space.
func (c *column) formulaAt(row int, buf *[]byte) string {
	b := (*buf)[:0]
	for _, p := range c.parts {
		b = append(b, p.lit...)
		if p.ref != "" {
			b = append(b, p.ref...)
			b = strconv.AppendInt(b, int64(row), 10)
		}
	}
	*buf = b
	return string(b)
}

func colLetter(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// ModelColumn returns the Model sheet's column letter of an output path
// (an estimate --json path such as "costUSD.cloud" or
// "withExperiments.gpuHours"), or "" when there is none.
func ModelColumn(path string) string {
	for i, c := range guarded(modelColumns()) {
		if c.key == path {
			return colLetter(i + 1)
		}
	}
	return ""
}
