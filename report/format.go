package report

import (
	"math"
	"strconv"
	"strings"

	"aiplan/planner"
)

// sig3 formats v with three significant digits, trailing zeros dropped.
func sig3(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	d := max(0, 2-int(math.Floor(math.Log10(math.Abs(v)))))
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// compact formats a count with a k/M/B/T suffix and an optional unit:
// 211e6, "GPU-h" -> "211M GPU-h"; 25000, "" -> "25k".
func compact(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	s := sig3(v)
	for _, sc := range []struct {
		div float64
		suf string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if math.Abs(v) >= sc.div*0.9995 {
			s = sig3(v/sc.div) + sc.suf
			break
		}
	}
	if unit != "" {
		s += " " + unit
	}
	return s
}

// flop formats training compute: 2.1e25 -> "2.1e25".
func flop(m planner.Maybe) string {
	if !m.Valid {
		return "n/a"
	}
	return strings.TrimSuffix(planner.HumanFLOP(m.Value), " FLOP")
}

// tonnes formats tCO2e compactly: 66000 -> "66k t".
func tonnes(v float64) string { return compact(v, "tCO2e") }

// row is one line of the key-figure table.
type row struct {
	label string
	cell  func(d *data, i int) string
	bold  bool
}

var rows = []row{
	{"Accelerators", func(d *data, i int) string { return d.accel[i] }, false},
	{"Energy source", func(d *data, i int) string { return d.energy[i] }, false},
	{"Training compute (FLOP)", func(d *data, i int) string { return flop(d.results[i].TrainingFLOP) }, false},
	{"GPU-hours", func(d *data, i int) string { return compact(d.results[i].GPUHours, "GPU-h") }, false},
	{"Wall-clock time", func(d *data, i int) string { return planner.HumanDays(d.results[i].WallClockDays) }, false},
	{"Cost: cloud rent", func(d *data, i int) string { return planner.HumanUSD(d.results[i].CostUSD.Cloud) }, true},
	{"  vs baseline", func(d *data, i int) string {
		return ratio(d.results[i].CostUSD.Cloud, d.results[d.baseline].CostUSD.Cloud)
	}, false},
	{"Cost: amortized ownership", func(d *data, i int) string { return planner.HumanUSD(d.results[i].CostUSD.Amortized) }, true},
	{"Cost: outright purchase", func(d *data, i int) string { return planner.HumanUSD(d.results[i].CostUSD.Purchase) }, false},
	{"Energy cost (in amortized)", func(d *data, i int) string { return planner.HumanUSD(d.results[i].CostUSD.Energy) }, false},
	{"Peak power", func(d *data, i int) string { return planner.HumanPowerMW(d.results[i].PeakPowerMW) }, false},
	{"Facility energy", func(d *data, i int) string { return planner.HumanEnergyKWh(d.results[i].FacilityEnergyKWh) }, false},
	{"Carbon (location-based)", func(d *data, i int) string { return tonnes(d.results[i].EmissionsTCO2e) }, false},
	{"Water (on + off site)", func(d *data, i int) string {
		return compact(d.results[i].WaterOnsiteL+d.results[i].WaterOffsiteL, "L")
	}, false},
}

// ratio formats v / base as a multiple ("1.00x", "12.4x"), or "n/a".
func ratio(v, base float64) string {
	if base == 0 || math.IsNaN(v/base) || math.IsInf(v/base, 0) {
		return "n/a"
	}
	r := v / base
	if r < 10 {
		return strconv.FormatFloat(r, 'f', 2, 64) + "x"
	}
	return sig3(r) + "x"
}
