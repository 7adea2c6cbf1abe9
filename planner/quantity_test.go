package planner

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestParseQuantityAccepts(t *testing.T) {
	// Expected values are the decimal number written, rounded once to
	// float64, i.e. what the Go compiler makes of the same literal.
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"integer", "42", 42},
		{"zero", "0", 0},
		{"negative", "-5", -5},
		{"plus sign", "+5", 5},
		{"decimal", "3.25", 3.25},
		{"leading dot", ".5", 0.5},
		{"trailing dot", "5.", 5},
		{"exponent", "3.14e23", 3.14e23},
		{"upper exponent", "1E9", 1e9},
		{"exponent plus", "2e+3", 2e3},
		{"exponent minus", "2.5e-3", 2.5e-3},
		{"surrounding spaces", "  42\t", 42},
		{"thousands", "70,000", 70000},
		{"millions with fraction", "1,234,567.5", 1234567.5},
		{"small group first", "1,000", 1000},
		{"full group first", "999,999", 999999},
		{"commas and exponent", "1,000e3", 1e6},
		{"negative thousands", "-70,000", -70000},
		{"k", "70k", 70e3},
		{"M", "3M", 3e6},
		{"B", "175B", 175e9},
		{"T", "15T", 15e12},
		{"fractional B", "1.5B", 1.5e9},
		{"fractional k exact", "1.1k", 1100},
		{"many digits k", "1.234567k", 1234.567},
		{"exponent and suffix", "1e3k", 1e6},
		{"suffix after commas", "1,500k", 1.5e6},
		{"dollar", "$2.50", 2.5},
		{"dollar B", "$1.5B", 1.5e9},
		{"minus dollar", "-$5", -5},
		{"dollar minus", "$-5", -5},
		{"dollar thousands", "$70,000", 70000},
		{"percent", "30%", 0.3},
		{"percent fraction", "0.5%", 0.005},
		{"percent exact", "7%", 0.07},
		{"percent over 100", "150%", 1.5},
		{"multiplier", "2.4x", 2.4},
		{"multiplication sign", "2.4×", 2.4},
		{"negative zero", "-0", math.Copysign(0, -1)},
		{"underflow to zero", "1e-400", 0},
		{"smallest denormal", "5e-324", 5e-324},
		{"largest", "1.7976931348623157e308", math.MaxFloat64},
		{"huge exponent underflow", "1e-99999999999999999999", 0},
		{"long mantissa", "0.1000000000000000055511151231257827021181583404541015625", 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuantity(tt.in)
			if err != nil {
				t.Fatalf("%q: want %v, got error %v", tt.in, tt.want, err)
			}
			if math.Float64bits(got) != math.Float64bits(tt.want) {
				t.Errorf("%q: want %v, got %v", tt.in, tt.want, got)
			}
		})
	}
}

func TestParseQuantityRejects(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		reason string // a part of the message that explains the problem
	}{
		{"empty", "", "no number"},
		{"spaces only", "   ", "no number"},
		{"sign only", "-", "no digits"},
		{"dollar only", "$", "no digits"},
		{"dot only", ".", "no digits"},
		{"suffix only", "k", "no digits"},
		{"NaN", "NaN", "NaN"},
		{"nan", "nan", "NaN"},
		{"inf", "inf", "infinity"},
		{"Infinity", "Infinity", "infinity"},
		{"plus Inf", "+Inf", "infinity"},
		{"minus inf", "-inf", "infinity"},
		{"overflow", "1e400", "too large"},
		{"overflow by suffix", "1e300T", "too large"},
		{"negative overflow", "-2e308", "too large"},
		{"overflow by commas", "1,000e306", "too large"},
		{"hex", "0x10", "hexadecimal"},
		{"hex float", "0x1p-2", "hexadecimal"},
		{"underscore", "1_000", "underscores"},
		{"comma decimal", "2,5", "threes"},
		{"short group", "1,00", "threes"},
		{"long group", "1,0000", "threes"},
		{"long first group", "1000,000", "threes"},
		{"leading comma", ",100", "threes"},
		{"double comma", "1,,000", "threes"},
		{"trailing comma", "1,", "threes"},
		{"comma in fraction", "1.234,5", "before the decimal point"},
		{"comma in exponent", "1e3,000", "threes"},
		{"trailing garbage", "12abc", "unexpected"},
		{"space before suffix", "5 k", "spaces"},
		{"space inside", "1 000", "spaces"},
		{"lower m", "5m", "case-sensitive: k, M, B, T"},
		{"upper K", "5K", "case-sensitive: k, M, B, T"},
		{"lower b", "5b", "case-sensitive: k, M, B, T"},
		{"lower t", "5t", "case-sensitive: k, M, B, T"},
		{"suffix and percent", "5k%", "one suffix"},
		{"percent and suffix", "5%k", "one suffix"},
		{"two suffixes", "5MB", "one suffix"},
		{"multiplier and percent", "2x%", "one suffix"},
		{"double percent", "5%%", "one suffix"},
		{"dollar percent", "$30%", "$"},
		{"dollar multiplier", "$2x", "$"},
		{"double dollar", "$$5", "no digits"},
		{"double sign", "--5", "one sign"},
		{"sign after dollar twice", "-$-5", "one sign"},
		{"upper X", "2X", "lowercase x"},
		{"exponent without digits", "1e", "exponent"},
		{"exponent sign only", "1e+", "exponent"},
		{"exponent alone", "e5", "no digits"},
		{"unicode minus", "\u22125", "no digits"},
		{"newline inside", "5\nk", "unexpected"},
		{"invalid utf8", "5\xff", "unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuantity(tt.in)
			if err == nil {
				t.Fatalf("%q: want error, got %v", tt.in, got)
			}
			var qe *QuantityError
			if !errors.As(err, &qe) {
				t.Fatalf("%q: want *QuantityError, got %T", tt.in, err)
			}
			if qe.Input != tt.in {
				t.Errorf("%q: want Input %q, got %q", tt.in, tt.in, qe.Input)
			}
			msg := err.Error()
			if quoted := fmt.Sprintf("%q", tt.in); !strings.Contains(msg, quoted) {
				t.Errorf("%q: want message containing %s, got %q", tt.in, quoted, msg)
			}
			if !strings.Contains(msg, tt.reason) {
				t.Errorf("%q: want message containing %q, got %q", tt.in, tt.reason, msg)
			}
			if !strings.Contains(msg, "accepted: "+acceptedForms) {
				t.Errorf("%q: want message listing accepted forms, got %q", tt.in, msg)
			}
			if strings.ContainsAny(msg, "\n\r") {
				t.Errorf("%q: want a one-line message, got %q", tt.in, msg)
			}
		})
	}
}

func TestQuantityErrorMessage(t *testing.T) {
	_, err := ParseQuantity("2,5")
	want := `"2,5": commas must group thousands in threes (70,000); accepted: numbers like 3.14e23, 175B, 15T, 70,000, $2.50, 30%, 2.4x`
	if err == nil || err.Error() != want {
		t.Errorf("2,5: want %q, got %v", want, err)
	}

	long := strings.Repeat("9", 200) + "z"
	_, err = ParseQuantity(long)
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("long input: want a bounded message, got %v", err)
	}
}

// TestParseQuantityCommaNeverJoins guards against reading a decimal comma
// as a thousands separator: "2,5" must never become 25.
func TestParseQuantityCommaNeverJoins(t *testing.T) {
	for _, in := range []string{"2,5", "2,50", "0,5", "1,5k", "$2,5", "2,5%", "-2,5"} {
		t.Run(in, func(t *testing.T) {
			if got, err := ParseQuantity(in); err == nil {
				t.Errorf("%q: want error, got %v", in, got)
			}
		})
	}
}

// TestParseQuantityCaseSensitive checks that each suffix is only read in its
// own case and the wrong case names the rule.
func TestParseQuantityCaseSensitive(t *testing.T) {
	tests := []struct {
		good, bad string
		want      float64
	}{
		{"2k", "2K", 2e3},
		{"2M", "2m", 2e6},
		{"2B", "2b", 2e9},
		{"2T", "2t", 2e12},
	}
	for _, tt := range tests {
		t.Run(tt.good, func(t *testing.T) {
			got, err := ParseQuantity(tt.good)
			if err != nil || got != tt.want {
				t.Errorf("%q: want %v, got %v (%v)", tt.good, tt.want, got, err)
			}
			_, err = ParseQuantity(tt.bad)
			if err == nil || !strings.Contains(err.Error(), "suffixes are case-sensitive: k, M, B, T") {
				t.Errorf("%q: want case-sensitivity error, got %v", tt.bad, err)
			}
		})
	}
}

func TestFormatQuantity(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"B", 175e9, "175B"},
		{"T", 15e12, "15T"},
		{"k", 70000, "70k"},
		{"fraction", 0.375, "0.375"},
		{"k with fraction", 1500, "1.5k"},
		{"M", 2.048e6, "2.048M"},
		{"negative", -175e9, "-175B"},
		{"small", 999, "999"},
		{"grouped", 1234567.25, "1,234,567.25"},
		{"grouped T range", 123456789012345, "123,456,789,012,345"},
		{"huge", 3.14e23, "3.14e+23"},
		{"1e15", 1e15, "1e+15"},
		{"tiny", 1e-7, "1e-07"},
		{"zero", 0, "0"},
		{"negative zero", math.Copysign(0, -1), "-0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatQuantity(tt.in); got != tt.want {
				t.Errorf("%v: want %q, got %q", tt.in, tt.want, got)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"integer", 16384, "16384"},
		{"fraction", 0.375, "0.375"},
		{"round large", 1e8, "1e+08"},
		{"many digits", 123456789, "123456789"},
		{"huge", 3.14e23, "3.14e+23"},
		{"B", 175e9, "1.75e+11"},
		{"tie goes plain", 0.001, "0.001"},
		{"tiny", 5e-324, "5e-324"},
		{"negative", -2.5, "-2.5"},
		{"zero", 0, "0"},
		{"negative zero", math.Copysign(0, -1), "-0"},
		{"NaN", math.NaN(), "NaN"},
		{"Inf", math.Inf(1), "+Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatNumber(tt.in); got != tt.want {
				t.Errorf("%v: want %q, got %q", tt.in, tt.want, got)
			}
		})
	}
}

// roundTripValues are awkward float64s for the formatters.
var roundTripValues = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.375,
	999, 1000, 1001, 1500, 70000, 99999.99999, 123456.789, 1234567.25,
	175e9, 15e12, 3.14e23, 1e15, 1e15 - 1, 1e21, 999.9999999999999e12,
	9007199254740993, 1 << 53, 1<<53 + 2, 123456789012345678,
	1e-300, 5e-324, 2.2250738585072014e-308, math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, math.Pi, math.E, math.Nextafter(1, 2),
	math.Nextafter(1000, 0), math.Nextafter(1e12, 2e12), 1e-7, 1e-6, 1e23,
}

func TestFormatRoundTrip(t *testing.T) {
	formats := []struct {
		name   string
		format func(float64) string
	}{
		{"FormatQuantity", FormatQuantity},
		{"FormatNumber", FormatNumber},
	}
	values := append([]float64(nil), roundTripValues...)
	for _, v := range roundTripValues {
		values = append(values, -v, v*7, v/3)
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			for _, v := range values {
				if math.IsInf(v, 0) {
					continue
				}
				s := f.format(v)
				got, err := ParseQuantity(s)
				if err != nil {
					t.Errorf("%v: want %v back from %q, got error %v", v, v, s, err)
					continue
				}
				if math.Float64bits(got) != math.Float64bits(v) {
					t.Errorf("%v: want %v back from %q, got %v", v, v, s, got)
				}
			}
		})
	}
}

func ExampleParseQuantity() {
	for _, in := range []string{"175B", "70,000", "30%", "$1.5k", "2,5"} {
		v, err := ParseQuantity(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(in, "=", FormatNumber(v))
	}
	// Output:
	// 175B = 1.75e+11
	// 70,000 = 70000
	// 30% = 0.3
	// $1.5k = 1500
	// "2,5": commas must group thousands in threes (70,000); accepted: numbers like 3.14e23, 175B, 15T, 70,000, $2.50, 30%, 2.4x
}

func ExampleFormatQuantity() {
	for _, v := range []float64{175e9, 15e12, 70000, 0.375, 1234567.25, 3.14e23} {
		fmt.Println(FormatQuantity(v))
	}
	// Output:
	// 175B
	// 15T
	// 70k
	// 0.375
	// 1,234,567.25
	// 3.14e+23
}

func BenchmarkParseQuantity(b *testing.B) {
	inputs := []struct{ name, in string }{
		{"plain", "3.14e23"},
		{"suffix", "175B"},
		{"commas", "1,234,567.5"},
		{"dollar", "$2.50"},
		{"percent", "30%"},
		{"error", "2,5"},
	}
	for _, bb := range inputs {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = ParseQuantity(bb.in)
			}
		})
	}
}

func BenchmarkFormatQuantity(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = FormatQuantity(175e9)
	}
}
