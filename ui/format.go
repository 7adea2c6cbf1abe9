package ui

import (
	"errors"
	"math"
	"strings"
	"time"

	"aiplan/planner"
)

// formatInput writes an input value the way the entry shows it; the text
// reads back to exactly v through planner.ParseQuantity.
func formatInput(f *planner.Field, v float64) string {
	if f == nil {
		return planner.FormatQuantity(v)
	}
	if f.Percent {
		s := planner.FormatNumber(v*100) + "%"
		if back, err := planner.ParseQuantity(s); err == nil && back == v {
			return s
		}
		return planner.FormatNumber(v)
	}
	if f.Key == planner.KeyYear {
		return planner.FormatNumber(v)
	}
	if f.Integer && v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s := planner.Grouped(v)
		if back, err := planner.ParseQuantity(s); err == nil && back == v {
			return s
		}
	}
	return planner.FormatQuantity(v)
}

// formatResolved formats a provenance value (a number or an ID).
func formatResolved(f *planner.Field, v any) string {
	switch x := v.(type) {
	case float64:
		return formatInput(f, x)
	case string:
		return x
	}
	return ""
}

// stale reports whether a catalogue date is over two years old at now.
func stale(date string, now time.Time) bool {
	fig := planner.Figure{Date: date}
	return fig.Stale(now)
}

// errorText is the message for one field without its key or label prefix:
// an entry's refused text, or the planner's refusal.
func errorText(key string, err error) string {
	var ie *inputError
	if errors.As(err, &ie) {
		return ie.detail()
	}
	return strings.TrimPrefix(err.Error(), key+": ")
}

// sig3 formats v for people (planner.HumanNumber): never an exponent for
// everyday magnitudes ("10,700", not "1.07e+04").
func sig3(v float64) string {
	return planner.HumanNumber(v)
}
