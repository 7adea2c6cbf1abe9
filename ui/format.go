package ui

import (
	"errors"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// compactHuman formats an output's value for a narrow table cell: counts
// with a k/M/B/T suffix ("211M GPU-h", "66.4k tCO2e", "18.2M L"), the
// other outputs as planner.Human has them (already short: "$1.02B",
// "12.3 GWh", "48 days"). The full figure is planner.Human's.
func compactHuman(path string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	switch path {
	case "gpuHours", "breakEvenGPUHours":
		return compactCount(v) + " GPU-h"
	case "emissionsTCO2e", "marketEmissionsTCO2e", "embodiedTCO2e":
		if math.Abs(v) >= 1000 {
			return compactCount(v) + " tCO2e"
		}
	case "waterOnsiteL", "waterOffsiteL":
		return compactCount(v) + " L"
	}
	return planner.Human(path, v)
}

// compactCount is a count with a k/M/B/T suffix and 3 significant digits.
func compactCount(v float64) string {
	for _, s := range []struct {
		div float64
		suf string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if math.Abs(v) >= s.div*0.9995 {
			return planner.HumanNumber(v/s.div) + s.suf
		}
	}
	return planner.HumanNumber(v)
}

// textWidth is the width of s in the theme's text size.
func textWidth(s string, bold bool) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
}

// twoLineLabelHeight is the height of a label of two lines.
func twoLineLabelHeight() float32 {
	return widget.NewLabel("Mg\nMg").MinSize().Height
}

// outputLabelWidth is the width of a table column that shows every
// planner.Outputs label whole.
func outputLabelWidth(bold bool) float32 {
	w := float32(0)
	for _, o := range planner.Outputs {
		w = max(w, textWidth(o.Label, bold))
	}
	return w + 2*theme.InnerPadding() + theme.Padding()
}

// wideSelect shows s at least w wide (a select is as narrow as its
// placeholder otherwise, and truncates a longer choice).
func wideSelect(s *widget.Select, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(max(w, s.MinSize().Width), s.MinSize().Height), s)
}
