package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// keyInvalid is the Model's working column naming the first input of the
// row outside the planner's accepted range ("" when every input is in range).
const keyInvalid = "work.invalid"

// invalidPrefix starts the text a Model cell shows instead of a number
// when an input of its row is out of range.
const invalidPrefix = "invalid input: "

// rangeNum writes a range bound as a formula number.
func rangeNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// invalidColumn returns the working column that checks every numeric input
// of the row against planner.Fields: text, a number outside [Min, Max] or
// a fraction where a whole number is required. A blank input is not
// checked (optional inputs such as GPU-hours are blank).
func invalidColumn() column {
	var b strings.Builder
	for i := range planner.Fields {
		f := &planner.Fields[i]
		k := "[" + f.Key + "]"
		b.WriteString("IF(OR(ISTEXT(" + k + "),AND(ISNUMBER(" + k + "),OR(" + k + "<" + rangeNum(f.Min) + "," + k + ">" + rangeNum(f.Max))
		if f.Integer {
			b.WriteString("," + k + "<>INT(" + k + ")")
		}
		b.WriteString("))),\"" + invalidPrefix + f.Label + "\",")
	}
	b.WriteString(`""`)
	b.WriteString(strings.Repeat(")", len(planner.Fields)))
	return column{key: keyInvalid, label: "Working: first input out of the accepted range", unit: "text", formula: b.String()}
}

// guarded returns the Model columns with the range check appended and
// every output formula showing its text instead of a number when an input
// of the row is out of range: the planner refuses such a scenario whole,
// so no figure of the row is shown.
func guarded(cols []column) []column {
	out := make([]column, 0, len(cols)+1)
	for _, c := range cols {
		if c.key != KeyName && c.formula != "" {
			c.formula = "IF({" + keyInvalid + `}="",` + c.formula + ",{" + keyInvalid + "})"
		}
		out = append(out, c)
	}
	return append(out, invalidColumn())
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
