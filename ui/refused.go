package ui

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// editSession is the entry being typed into: its key and the scenario's
// value of that input before the typing began (its saved value), which the
// scenario keeps while the entry's text is refused.
type editSession struct {
	key    string
	active bool
	base   float64
	had    bool
}

// inputError is an entry's refused text, in the window's words: the
// field's label and what the user typed ("MFU: “150%” is not accepted;
// accepted: 0.1% to 100%"), never the flag name or the parsed value.
type inputError struct {
	key, label, text, why string
}

func (e *inputError) Error() string {
	return e.label + ": " + e.detail()
}

// detail is the message without the label, for the line under the entry.
func (e *inputError) detail() string {
	return strconv.Quote(e.text) + " is not accepted; " + e.why
}

// parseInput reads the text of numeric input key: empty text unsets it
// (set false); other text must parse as a quantity inside the field's
// range, else err is an *inputError.
func parseInput(key, text string) (v float64, set bool, err error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, false, nil
	}
	f := planner.FieldByKey(key)
	label := key
	if f != nil {
		label = f.Label
	}
	v, err = planner.ParseQuantity(t)
	if err != nil {
		why := err.Error()
		var q *planner.QuantityError
		if errors.As(err, &q) {
			why = q.Reason
		}
		return 0, false, &inputError{key: key, label: label, text: t, why: why}
	}
	if f != nil && f.Check(v) != nil {
		return 0, false, &inputError{key: key, label: label, text: t, why: "accepted: " + rangeText(f)}
	}
	return v, true, nil
}

// rangeText is a field's accepted range in numbers a person reads:
// "0.1% to 100%", "1 to 100,000,000, a whole number".
func rangeText(f *planner.Field) string {
	var s string
	switch {
	case f.Percent:
		s = planner.HumanNumber(f.Min*100) + "% to " + planner.HumanNumber(f.Max*100) + "%"
	case f.Key == planner.KeyYear:
		s = strconv.FormatFloat(f.Min, 'f', 0, 64) + " to " + strconv.FormatFloat(f.Max, 'f', 0, 64)
	default:
		s = planner.HumanNumber(f.Min) + " to " + planner.HumanNumber(f.Max)
		if u := unitText(f); u != "" && u != "x" && u != "ratio" && u != "year" {
			s += " " + u
		}
	}
	if f.Integer && f.Key != planner.KeyYear {
		s += ", a whole number"
	}
	return s
}

// showRefused says, under the results of the scenario named name, which
// entries hold refused text: the figures are for the scenario's saved
// value of those inputs, not for what is typed.
func (w *Window) showRefused(name string) {
	if len(w.inputErr) == 0 {
		return
	}
	var msgs []string
	for _, e := range w.inputErr {
		msgs = append(msgs, e.Error())
	}
	sort.Strings(msgs)
	what := "Results are for the saved inputs of " + strconv.Quote(name) + ", not for the text typed: "
	if w.err != nil {
		what = "No results for " + strconv.Quote(name) + ": " + w.err.Error() + ". Also refused: "
	}
	setLabel(w.Results.Status, what+strings.Join(msgs, "; ")+".", widget.DangerImportance)
}

// showNoResults heads the results panel with the scenario named name and
// empties every figure: its committed inputs do not resolve (err), and no
// other scenario's figures may stand in for them.
func showNoResults(r *Results, name string, err error) {
	setText(r.Title, name)
	setLabel(r.Status, "No results for "+strconv.Quote(name)+": "+err.Error()+".", widget.DangerImportance)
	for _, group := range []map[string]*widget.Label{r.Values, r.Programme, r.Equivalents} {
		for _, l := range group {
			setText(l, "—")
		}
	}
	setText(r.Staff, "—")
}
