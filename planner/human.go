package planner

import (
	"math"
	"strconv"
	"strings"
)

// Human-readable formatting shared by the command line, the window, the
// charts and the workbook, so one figure reads the same everywhere.

// sig formats v with 3 significant digits, dropping trailing zeros.
func sig(v float64) string {
	if v == 0 {
		return "0"
	}
	digits := 3 - int(math.Floor(math.Log10(math.Abs(v)))) - 1
	if digits < 0 {
		digits = 0
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Grouped formats a whole number with thousands separators: 5200 -> "5,200".
func Grouped(v float64) string {
	neg := v < 0
	s := strconv.FormatFloat(math.Abs(math.Round(v)), 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

type scale struct {
	div  float64
	unit string
}

func scaled(v float64, scales []scale, sep string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	a := math.Abs(v)
	for _, s := range scales {
		if a >= s.div*0.9995 {
			return sig(v/s.div) + sep + s.unit
		}
	}
	last := scales[len(scales)-1]
	return sig(v/last.div) + sep + last.unit
}

// HumanUSD formats dollars: 78.4e6 -> "$78.4M", 1.2e9 -> "$1.2B".
func HumanUSD(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	s := scaled(math.Abs(v), []scale{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}, {1, ""}}, "")
	if v < 0 {
		return "-$" + s
	}
	return "$" + s
}

// HumanEnergyKWh formats energy given in kWh: 12.3e6 -> "12.3 GWh".
func HumanEnergyKWh(kwh float64) string {
	return scaled(kwh, []scale{{1e9, "TWh"}, {1e6, "GWh"}, {1e3, "MWh"}, {1, "kWh"}, {1e-3, "Wh"}}, " ")
}

// HumanPowerMW formats power given in MW: 0.5 -> "500 kW".
func HumanPowerMW(mw float64) string {
	return scaled(mw, []scale{{1e3, "GW"}, {1, "MW"}, {1e-3, "kW"}, {1e-6, "W"}}, " ")
}

// HumanDays formats a duration given in days: "48 days", "2.1 years", "5.2 hours".
func HumanDays(d float64) string {
	switch {
	case math.IsNaN(d) || math.IsInf(d, 0):
		return "n/a"
	case d >= 730:
		return sig(d/365.25) + " years"
	case d >= 100:
		return Grouped(d) + " days"
	case d >= 1.5:
		return sig(d) + " days"
	case d*24 >= 1:
		return sig(d*24) + " hours"
	}
	return sig(d*24*60) + " minutes"
}

// HumanTCO2e formats tonnes of CO2e: 5200 -> "5,200 tCO2e", 1.2e6 -> "1.2 MtCO2e".
func HumanTCO2e(t float64) string {
	switch {
	case math.IsNaN(t) || math.IsInf(t, 0):
		return "n/a"
	case math.Abs(t) >= 1e6:
		return sig(t/1e6) + " MtCO2e"
	case math.Abs(t) >= 100:
		return Grouped(t) + " tCO2e"
	case math.Abs(t) >= 1:
		return sig(t) + " tCO2e"
	}
	return sig(t*1000) + " kgCO2e"
}

// HumanLitres formats litres: 18e6 -> "18 million litres".
func HumanLitres(l float64) string {
	switch {
	case math.IsNaN(l) || math.IsInf(l, 0):
		return "n/a"
	case math.Abs(l) >= 1e9:
		return sig(l/1e9) + " billion litres"
	case math.Abs(l) >= 1e6:
		return sig(l/1e6) + " million litres"
	case math.Abs(l) >= 1000:
		return Grouped(l) + " litres"
	}
	return sig(l) + " litres"
}

// HumanCount formats a large count: 57e6 -> "57 million", 25000 -> "25,000".
func HumanCount(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "n/a"
	case math.Abs(v) >= 1e12:
		return sig(v/1e12) + " trillion"
	case math.Abs(v) >= 1e9:
		return sig(v/1e9) + " billion"
	case math.Abs(v) >= 1e6:
		return sig(v/1e6) + " million"
	case math.Abs(v) >= 100:
		return Grouped(v)
	}
	return sig(v)
}

// HumanFLOP formats compute: 2.1e25 -> "2.1e25 FLOP".
func HumanFLOP(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return "n/a"
	}
	e := math.Floor(math.Log10(v))
	m := v / math.Pow(10, e)
	if m >= 9.995 {
		m, e = m/10, e+1
	}
	return sig(m) + "e" + strconv.Itoa(int(e)) + " FLOP"
}

// HumanPercent formats a fraction: 0.375 -> "37.5%".
func HumanPercent(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "n/a"
	}
	return sig(f*100) + "%"
}

// Human formats the value of output path in its natural unit.
func Human(path string, v float64) string {
	switch path {
	case "trainingFLOP":
		return HumanFLOP(v)
	case "gpuHours", "breakEvenGPUHours":
		return HumanCount(v) + " GPU-hours"
	case "wallClockDays":
		return HumanDays(v)
	case "impliedMFU":
		return HumanPercent(v)
	case "itEnergyKWh", "facilityEnergyKWh":
		return HumanEnergyKWh(v)
	case "peakPowerMW":
		return HumanPowerMW(v)
	case "emissionsTCO2e", "marketEmissionsTCO2e", "embodiedTCO2e":
		return HumanTCO2e(v)
	case "waterOnsiteL", "waterOffsiteL":
		return HumanLitres(v)
	}
	if strings.HasPrefix(path, "costUSD") || strings.HasSuffix(path, "USD") {
		return HumanUSD(v)
	}
	return sig(v)
}

// HumanNumber formats a plain number for people, never in Go's shortest
// round-trip form: magnitudes from 1,000 to 1e15 are whole and grouped
// (1e8 -> "100,000,000", 10700.4 -> "10,700"), smaller ones keep 3
// significant digits (0.009315068493150684 -> "0.00932",
// 1.4000000000000001 -> "1.4"), and only magnitudes below 1e-6 or from
// 1e15 use an exponent ("2.1e25").
func HumanNumber(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "n/a"
	case v == 0:
		return "0"
	case a >= 1e15 || a < 1e-6:
		m, e, _ := strings.Cut(strconv.FormatFloat(v, 'e', 2, 64), "e")
		if strings.Contains(m, ".") {
			m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
		}
		exp, _ := strconv.Atoi(e)
		return m + "e" + strconv.Itoa(exp)
	case a >= 999.5:
		return Grouped(v)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}
