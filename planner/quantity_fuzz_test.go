package planner

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// FuzzParseQuantity checks that ParseQuantity never panics, returns only
// finite values or a *QuantityError naming the input, and that both
// formatters read back to exactly the value parsed.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{
		"42", "-5", "+5", ".5", "5.", "3.14e23", "1E9", "2.5e-3", " 42 ",
		"70,000", "1,234,567.5", "1,000e3", "70k", "3M", "175B", "15T", "1.5B",
		"$2.50", "$1.5B", "-$5", "$-5", "30%", "0.5%", "2.4x", "2.4×", "-0",
		"5e-324", "1.7976931348623157e308", "1e-400",
		"", "NaN", "inf", "Infinity", "+Inf", "1e400", "1e300T", "0x10", "1_000",
		"2,5", "1,00", ",100", "1,,000", "12abc", "5 k", "5m", "5K", "5b", "5t",
		"5k%", "$30%", "1e", "--5", "5\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseQuantity(s)
		if err != nil {
			var qe *QuantityError
			if !errors.As(err, &qe) {
				t.Fatalf("%q: want *QuantityError, got %T", s, err)
			}
			if qe.Input != s {
				t.Fatalf("%q: want Input %q, got %q", s, s, qe.Input)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("%q: want a one-line message, got %q", s, msg)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%q: want a finite value, got %v", s, v)
		}
		for _, format := range []func(float64) string{FormatQuantity, FormatNumber} {
			out := format(v)
			back, err := ParseQuantity(out)
			if err != nil {
				t.Fatalf("%q = %v: formatted %q, want it back, got %v", s, v, out, err)
			}
			if math.Float64bits(back) != math.Float64bits(v) {
				t.Fatalf("%q = %v: formatted %q, want %v back, got %v", s, v, out, v, back)
			}
		}
	})
}
