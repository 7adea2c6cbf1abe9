package planner

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// acceptedForms lists the input forms ParseQuantity accepts, for error messages.
const acceptedForms = "numbers like 3.14e23, 175B, 15T, 70,000, $2.50, 30%, 2.4x"

// Reasons given by QuantityError.
const (
	reasonEmpty     = "no number given"
	reasonNoDigits  = "no digits"
	reasonNonFinite = "NaN and infinity are not numbers we can plan with"
	reasonOverflow  = "too large (the limit is about 1.8e308)"
	reasonHex       = "hexadecimal numbers are not accepted"
	reasonUnderline = "underscores are not accepted; group thousands with commas (70,000)"
	reasonComma     = "commas must group thousands in threes (70,000)"
	reasonFracComma = "commas may only group thousands before the decimal point (1,234.5)"
	reasonExponent  = "the exponent needs digits (3.14e23)"
	reasonCase      = "suffixes are case-sensitive: k, M, B, T"
	reasonTwoSuffix = "use one suffix only: k, M, B, T, % or x"
	reasonDollar    = "a $ amount cannot be a percentage or a multiplier"
	reasonSpace     = "spaces are not allowed inside a number (write 5k, not 5 k)"
	reasonSign      = "only one sign is allowed"
	reasonTimes     = "write multipliers with a lowercase x or × (2.4x)"
)

// QuantityError is returned by ParseQuantity. Input is the text given and
// Reason says what is wrong with it.
type QuantityError struct {
	Input, Reason string
}

// maxErrorInput bounds how much of the input an error message repeats.
const maxErrorInput = 64

// Error returns one line naming the input, the problem and the accepted forms.
func (e *QuantityError) Error() string {
	in := e.Input
	if len(in) > maxErrorInput {
		cut := maxErrorInput
		for cut > 0 && !utf8.RuneStart(in[cut]) {
			cut--
		}
		in = in[:cut] + "..."
	}
	return strconv.Quote(in) + ": " + e.Reason + "; accepted: " + acceptedForms
}

func quantityError(input, reason string) error {
	return &QuantityError{Input: input, Reason: reason}
}

// ParseQuantity parses a numeric input. It accepts
//
//	plain numbers and exponents     3.14e23, 1E9, -5, .5, 5.
//	thousands groups of three       70,000, 1,234,567.5
//	a leading $ (after any sign)    $2.50, -$5, $1.5B
//	one suffix (case-sensitive)     k = 1e3, M = 1e6, B = 1e9, T = 1e12
//	a percentage                    30% = 0.3
//	a multiplier                    2.4x = 2.4×  = 2.4
//
// with optional spaces around the whole. The value is the decimal number
// written, rounded once to the nearest float64 (175B is exactly 175e9, 30%
// is exactly 0.3). Anything else, including empty input, NaN, Inf,
// hexadecimal, underscores and values too large for a float64, gives a
// *QuantityError.
func ParseQuantity(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, quantityError(s, reasonEmpty)
	}
	i := 0
	neg, signed, dollar := false, false, false
	for i < len(t) {
		switch c := t[i]; {
		case c == '+' || c == '-':
			if signed {
				return 0, quantityError(s, reasonSign)
			}
			signed, neg = true, c == '-'
		case c == '$' && !dollar:
			dollar = true
		default:
			goto prefixDone
		}
		i++
	}
prefixDone:
	rest := t[i:]
	if isNonFinite(rest) {
		return 0, quantityError(s, reasonNonFinite)
	}
	if len(rest) >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		return 0, quantityError(s, reasonHex)
	}

	// The number is copied without commas into buf, then handed to
	// strconv.ParseFloat with the suffix folded into the exponent so that
	// the result is rounded once.
	var buf [64]byte
	b := buf[:0]
	if neg {
		b = append(b, '-')
	}
	digits := 0
	group, commas := 0, false
	for ; i < len(t); i++ {
		c := t[i]
		if '0' <= c && c <= '9' {
			b = append(b, c)
			digits++
			group++
			continue
		}
		if c != ',' {
			break
		}
		if group == 0 || group > 3 || (commas && group != 3) {
			return 0, quantityError(s, reasonComma)
		}
		commas, group = true, 0
	}
	if commas && group != 3 {
		return 0, quantityError(s, reasonComma)
	}
	if i < len(t) && t[i] == '.' {
		b = append(b, '.')
		for i++; i < len(t); i++ {
			c := t[i]
			if c == ',' {
				return 0, quantityError(s, reasonFracComma)
			}
			if c < '0' || c > '9' {
				break
			}
			b = append(b, c)
			digits++
		}
	}
	if digits == 0 {
		if i < len(t) && t[i] == ',' {
			return 0, quantityError(s, reasonComma)
		}
		return 0, quantityError(s, reasonNoDigits)
	}

	exp, hasExp := 0, false
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		hasExp = true
		i++
		expNeg := false
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			expNeg = t[i] == '-'
			i++
		}
		n := 0
		for ; i < len(t) && '0' <= t[i] && t[i] <= '9'; i++ {
			if exp < 1e8 { // saturate: anything this far out over- or underflows
				exp = exp*10 + int(t[i]-'0')
			}
			n++
		}
		if n == 0 {
			return 0, quantityError(s, reasonExponent)
		}
		if expNeg {
			exp = -exp
		}
	}

	shift, suffixed, pct := 0, false, false
	if i < len(t) {
		n, sh, kind := suffixAt(t[i:])
		switch kind {
		case suffixScale:
			shift, suffixed = sh, true
		case suffixPercent:
			shift, pct = sh, true
		case suffixTimes:
			pct = true // a multiplier is not a money amount either
		default:
			return 0, quantityError(s, trailingReason(t[i:]))
		}
		if dollar && pct {
			return 0, quantityError(s, reasonDollar)
		}
		i += n
		if i < len(t) {
			if _, _, k := suffixAt(t[i:]); k != suffixNone || (suffixed && isCaseSuffix(t[i:])) {
				return 0, quantityError(s, reasonTwoSuffix)
			}
			return 0, quantityError(s, trailingReason(t[i:]))
		}
	}

	if hasExp || shift != 0 {
		b = append(b, 'e')
		b = strconv.AppendInt(b, int64(exp+shift), 10)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	switch {
	case math.IsInf(v, 0):
		return 0, quantityError(s, reasonOverflow)
	case err != nil && !errors.Is(err, strconv.ErrRange), math.IsNaN(v):
		return 0, quantityError(s, reasonNoDigits) // not reached: b is well-formed
	}
	// A value below the smallest float64 rounds to zero like any other.
	return v, nil
}

type suffixKind int

const (
	suffixNone suffixKind = iota
	suffixScale
	suffixPercent
	suffixTimes
)

// times is the multiplication sign ×, an alternative to x.
const times = "\u00d7"

// suffixAt reports the suffix r starts with: its length in bytes, the power
// of ten it scales by and its kind.
func suffixAt(r string) (n, shift int, kind suffixKind) {
	switch r[0] {
	case 'k':
		return 1, 3, suffixScale
	case 'M':
		return 1, 6, suffixScale
	case 'B':
		return 1, 9, suffixScale
	case 'T':
		return 1, 12, suffixScale
	case '%':
		return 1, -2, suffixPercent
	case 'x':
		return 1, 0, suffixTimes
	}
	if strings.HasPrefix(r, times) {
		return len(times), 0, suffixTimes
	}
	return 0, 0, suffixNone
}

// isCaseSuffix reports whether r is a suffix in the wrong case (m, K, b, t).
func isCaseSuffix(r string) bool {
	switch r[0] {
	case 'm', 'K', 'b', 't':
		return true
	}
	return false
}

// trailingReason explains unexpected text r after a number.
func trailingReason(r string) string {
	switch {
	case len(r) == 1 && isCaseSuffix(r):
		return reasonCase
	case r[0] == '_':
		return reasonUnderline
	case r[0] == ',':
		return reasonComma
	case r[0] == ' ' || r[0] == '\t':
		return reasonSpace
	case r[0] == 'X':
		return reasonTimes
	}
	if len(r) > 16 {
		r = r[:16]
		for len(r) > 0 && !utf8.ValidString(r) {
			r = r[:len(r)-1]
		}
		return "unexpected " + strconv.Quote(r) + "..."
	}
	return "unexpected " + strconv.Quote(r)
}

// isNonFinite reports whether r spells NaN or infinity in any case.
func isNonFinite(r string) bool {
	return strings.EqualFold(r, "nan") || strings.EqualFold(r, "inf") ||
		strings.EqualFold(r, "infinity")
}

// FormatNumber formats v in the shortest form that ParseQuantity reads back
// to exactly v: plain digits where they are shortest (16384, 0.375), the
// exponent form otherwise (1e+08, 3.14e+23, 5e-324). Ties go to plain
// digits. NaN and infinities give "NaN", "+Inf" and "-Inf", which
// ParseQuantity rejects.
func FormatNumber(v float64) string {
	var buf [32]byte
	return string(appendNumber(buf[:0], v))
}

func appendNumber(b []byte, v float64) []byte {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'e', -1, 64)
	eLen := len(b) - start
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if fLen := len(b) - start - eLen; fLen <= eLen {
		return append(b[:start], b[start+eLen:]...)
	}
	return b[:start+eLen]
}

// FormatQuantity formats v for people: with a suffix where that is exact and
// short (175e9 as 175B, 15e12 as 15T, 70000 as 70k, 1500 as 1.5k), thousands
// groups for other whole parts below 1e15 (1,234,567.25), and FormatNumber's
// form otherwise (0.375, 3.14e+23). ParseQuantity reads the result back to
// exactly v for every finite v.
func FormatQuantity(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return FormatNumber(v)
	}
	var ebuf [32]byte
	e := strconv.AppendFloat(ebuf[:0], v, 'e', -1, 64) // [-]d[.ddd]e±XX
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	ePos := 0
	for ePos < len(e) && e[ePos] != 'e' {
		ePos++
	}
	exp, err := strconv.Atoi(string(e[ePos+1:]))
	if err != nil || exp < 3 || exp >= 15 {
		return FormatNumber(v)
	}
	// Significant digits without the decimal point.
	var dbuf [24]byte
	d := append(dbuf[:0], e[0])
	if ePos > 1 {
		d = append(d, e[2:ePos]...)
	}

	var out []byte
	scale := exp / 3 * 3 // 3, 6, 9 or 12
	whole := exp - scale + 1
	if len(d)-whole <= 3 {
		out = make([]byte, 0, 24)
		if neg {
			out = append(out, '-')
		}
		out = appendShifted(out, d, whole, false)
		out = append(out, "kMBT"[scale/3-1])
	} else {
		out = make([]byte, 0, 32)
		if neg {
			out = append(out, '-')
		}
		out = appendShifted(out, d, exp+1, true)
	}
	q := string(out)
	if back, err := ParseQuantity(q); err != nil || math.Float64bits(back) != math.Float64bits(v) {
		return FormatNumber(v)
	}
	return q
}

// appendShifted appends the digits d with the decimal point after the first
// whole digits (padding with zeros), grouping the whole part in threes with
// commas if group is set.
func appendShifted(b, d []byte, whole int, group bool) []byte {
	for k := 0; k < whole; k++ {
		if group && k > 0 && (whole-k)%3 == 0 {
			b = append(b, ',')
		}
		if k < len(d) {
			b = append(b, d[k])
		} else {
			b = append(b, '0')
		}
	}
	if whole < len(d) {
		b = append(b, '.')
		b = append(b, d[whole:]...)
	}
	return b
}
