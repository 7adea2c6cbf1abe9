package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// keyInvalid is the Model's working column naming the first input of the
// row outside the planner's accepted range (0 when every input is in
// range); keyInvalidCol holds that input's Assumptions column number.
const (
	keyInvalid    = "work.invalid"
	keyInvalidCol = "work.invalidColumn"
)

// invalidPrefix starts the text a Model cell shows instead of a number
// when an input of its row is out of range.
const invalidPrefix = "invalid input: "

// fmtHideZero hides the range check's 0 (all inputs in range) and shows
// its text.
const fmtHideZero = `0;-0;;@`

// rangeNum writes a range bound as a formula number.
func rangeNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// invalidColumns returns the working columns that check every numeric
// input of the row against planner.Fields: text, a number outside
// [Min, Max] or a fraction where a whole number is required. A blank input
// is not checked (optional inputs such as GPU-hours are blank). The first
// gives the Assumptions column of the first input out of range (0: none),
// the second the text the row's outputs show, with that column's label.
// (The first version spelled each label out inside the check: with the
// quotes escaped in the XML that was a third of the check, which was 45%
// of a sweep's Model sheet.)
func invalidColumns() []column {
	acols := assumptionColumns()
	pos := map[string]int{}
	for i, c := range acols {
		pos[c.key] = i + 1
	}
	var b strings.Builder
	for i := range planner.Fields {
		f := &planner.Fields[i]
		k := "[" + f.Key + "]"
		b.WriteString("IF(OR(ISTEXT(" + k + "),AND(ISNUMBER(" + k + "),OR(" + k + "<" + rangeNum(f.Min) + "," + k + ">" + rangeNum(f.Max))
		if f.Integer {
			b.WriteString("," + k + "<>INT(" + k + ")")
		}
		b.WriteString(")))," + strconv.Itoa(pos[f.Key]) + ",")
	}
	b.WriteString("0" + strings.Repeat(")", len(planner.Fields)))
	ref := "{" + keyInvalidCol + "}"
	return []column{
		{key: keyInvalidCol, label: "Working: column of the first input out of the accepted range", unit: "column",
			format: fmtHideZero, formula: b.String()},
		{key: keyInvalid, label: "Working: first input out of the accepted range", unit: "text", format: fmtHideZero,
			formula: "IF(" + ref + `=0,0,"` + invalidPrefix + `"&INDEX(` + SheetAssumptions + "!$A$1:$" + colLetter(len(acols)) + "$1,1," + ref + "))"},
	}
}

// guarded returns the Model columns with the range check appended and
// every output formula showing its text instead of a number when an input
// of the row is out of range: the planner refuses such a scenario whole,
// so no figure of the row is shown.
func guarded(cols []column) []column {
	out := make([]column, 0, len(cols)+2)
	for _, c := range cols {
		if c.key != KeyName && c.formula != "" {
			c.formula = "IF({" + keyInvalid + "}=0," + c.formula + ",{" + keyInvalid + "})"
		}
		out = append(out, c)
	}
	return append(out, invalidColumns()...)
}

// validations adds Excel data validation to every numeric input column of
// the Assumptions sheet: the planner's range, with an input message naming
// it and a stop error outside it.
func (wr *writer) validations() error {
	last := FirstRow + len(wr.rows) - 1
	for _, c := range wr.l.assumptions {
		if c.kind != kindField {
			continue
		}
		f := planner.FieldByKey(c.key)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(c.letter + strconv.Itoa(FirstRow) + ":" + c.letter + strconv.Itoa(last))
		typ := excelize.DataValidationTypeDecimal
		if f.Integer {
			typ = excelize.DataValidationTypeWhole
		}
		if err := dv.SetRange(rangeNum(f.Min), rangeNum(f.Max), typ, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		title := f.Label
		if len(title) > 32 { // Excel's limit on the title
			title = title[:32]
		}
		msg := "Accepted: " + f.RangeText() + "."
		dv.SetInput(title, msg)
		dv.SetError(excelize.DataValidationErrorStyleStop, title, f.Label+" is out of range. "+msg)
		if err := wr.f.AddDataValidation(SheetAssumptions, dv); err != nil {
			return err
		}
	}
	return nil
}
