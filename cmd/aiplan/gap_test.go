package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// runJSON runs args and decodes stdout as a JSON object.
func runJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, nil, &out, &errb); code != exitOK {
		t.Fatalf("%v: want exit 0, got %d: %s", args, code, errb.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("%v: JSON: %v\n%s", args, err, out.String())
	}
	return m
}

func TestGapJSON(t *testing.T) {
	cases := []struct {
		name              string
		args              []string
		required, gap     float64
		itemised, itemGap float64
		rows              int
		firstYear         float64
		closes            any // nil or float64 year
	}{
		// Cahn, "AI's $600B Question", June 2024: 150 x 2 x 2 = 600; $500B
		// hole against ~$100B; the listed companies sum to $70B (gap $530B).
		{name: "default is sequoia-2024", args: []string{"gap", "--json"},
			required: 600e9, gap: 500e9, itemised: 70e9, itemGap: 530e9, rows: 5, firstYear: 2024},
		// Cahn, "AI's $200B Question", Sept 2023: 50 x 2 x 2 = 200; $125B hole.
		{name: "sequoia-2023", args: []string{"gap", "--preset", "sequoia-2023", "--json"},
			required: 200e9, gap: 125e9, itemised: 75e9, itemGap: 125e9, rows: 5, firstYear: 2023},
		// --ai-revenue 300B replaces the table's $100B: 600 - 300 = 300; the
		// itemised gap still uses the listed $70B. Revenue 300 x 2^t: 300,
		// 600 -> the gap closes in 2025.
		{name: "ai-revenue override", args: []string{"gap", "--ai-revenue", "$300B", "--revenue-growth", "2x", "--years", "3", "--json"},
			required: 600e9, gap: 300e9, itemised: 70e9, itemGap: 530e9, rows: 3, firstYear: 2024, closes: 2025.0},
		// Share 40%, margin 60%: 150 / 0.4 / 0.4 = 937.5.
		{name: "percent inputs", args: []string{"gap", "--gpu-share", "40%", "--margin", "60%", "--years", "1", "--json"},
			required: 937.5e9, gap: 837.5e9, itemised: 70e9, itemGap: 867.5e9, rows: 1, firstYear: 2024},
		// L = 3 and no earlier vintages: the first year needs 600 / 3 = 200.
		{name: "life 3", args: []string{"gap", "--life", "3", "--json"},
			required: 200e9, gap: 100e9, itemised: 70e9, itemGap: 130e9, rows: 5, firstYear: 2024},
		// L = 6 and no earlier vintages: 600 / 6 = 100 against $100B of
		// revenue, a $0 gap that "closes" in the first year.
		{name: "life 6", args: []string{"gap", "--life", "6", "--json"},
			required: 100e9, gap: 0, itemised: 70e9, itemGap: 30e9, rows: 5, firstYear: 2024, closes: 2024.0},
		// L = 6 with the earlier vintages (2019-2023, flat capex): six
		// vintages of 600 / 6 each, Cahn's $600B and $500B hole (steady state).
		{name: "life 6 prior vintages", args: []string{"gap", "--life", "6", "--prior-vintages", "--json"},
			required: 600e9, gap: 500e9, itemised: 70e9, itemGap: 530e9, rows: 5, firstYear: 2024},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runJSON(t, c.args...)
			for key, want := range map[string]float64{"requiredRevenueUSD": c.required, "gapUSD": c.gap,
				"itemisedRevenueUSD": c.itemised, "itemisedGapUSD": c.itemGap} {
				if got, _ := m[key].(float64); got != want {
					t.Errorf("%s: %s: want %g, got %v", c.name, key, want, m[key])
				}
			}
			years, _ := m["years"].([]any)
			if len(years) != c.rows {
				t.Fatalf("%s: want %d rows, got %d", c.name, c.rows, len(years))
			}
			first := years[0].(map[string]any)
			for _, k := range []string{"year", "requiredRevenueUSD", "revenueUSD", "gapUSD", "cumulativeGapUSD"} {
				if _, ok := first[k]; !ok {
					t.Errorf("%s: years[0] lacks %s", c.name, k)
				}
			}
			if first["year"] != c.firstYear || first["gapUSD"] != m["gapUSD"] || first["requiredRevenueUSD"] != m["requiredRevenueUSD"] {
				t.Errorf("%s: want the headline equal to the first year %g, got %v", c.name, c.firstYear, first)
			}
			if v, ok := m["closesYear"]; !ok || v != c.closes {
				t.Errorf("%s: closesYear: want %v, got %v (present %v)", c.name, c.closes, v, ok)
			}
			for _, k := range []string{"revenue", "conventions"} {
				if _, ok := m[k].([]any); !ok {
					t.Errorf("%s: want a %s list, got %v", c.name, k, m[k])
				}
			}
		})
	}
}

func TestProjectJSON(t *testing.T) {
	// Defaults: GPT-4 amortised $40.7M (2023) x 2.4^4 = $1.35B -> 2027;
	// 2.4^7 -> $18.7B -> 2030; 2.4^9 -> $107.5B -> 2032; until 2035.
	m := runJSON(t, "project", "--json")
	th, _ := m["thresholdYears"].(map[string]any)
	for k, want := range map[string]float64{"1e9": 2027, "1e10": 2030, "1e11": 2032} {
		if th[k] != want {
			t.Errorf("default: thresholdYears[%s]: want %g, got %v", k, want, th[k])
		}
	}
	years, _ := m["years"].([]any)
	if len(years) != 2035-2023+1 {
		t.Errorf("default: want 13 rows 2023-2035, got %d", len(years))
	}
	for _, y := range years {
		row := y.(map[string]any)
		lo, c, hi := row["lowUSD"].(float64), row["costUSD"].(float64), row["highUSD"].(float64)
		if !(lo <= c && c <= hi) {
			t.Errorf("%v: want low <= cost <= high", row["year"])
		}
	}
	if d, _ := m["defaults"].([]any); len(d) == 0 {
		t.Errorf("default: want the defaults listed, got %v", m["defaults"])
	}
	// Until 2031: $100B comes after the horizon -> null.
	m = runJSON(t, "project", "--base-cost", "40.7M", "--base-year", "2023", "--growth", "2.4x", "--until", "2031", "--json")
	th, _ = m["thresholdYears"].(map[string]any)
	if v, ok := th["1e11"]; !ok || v != nil {
		t.Errorf("until 2031: want thresholdYears[1e11] null, got %v", v)
	}
	if th["1e9"] != 2027.0 {
		t.Errorf("until 2031: want 1e9 in 2027, got %v", th["1e9"])
	}
}

func TestServingJSON(t *testing.T) {
	// Li et al.'s US inputs: 4 Wh x (0.55 + 1.17 x 3.142) = 16.9 mL per
	// response -> 500 / 16.9 = 29.6 per bottle (their 10-50), within 5%.
	m := runJSON(t, "serving", "--queries-per-day", "1B", "--revenue-per-query", "$0.01", "--gap", "500B",
		"--energy-wh", "4", "--pue", "1.17", "--wue", "0.55", "--ewif", "3.142", "--json")
	if b, _ := m["responsesPerBottle"].(float64); math.Abs(b/29.6-1) > 0.05 {
		t.Errorf("responsesPerBottle: want 29.6 within 5%%, got %v", m["responsesPerBottle"])
	}
	// 1e9 x 365 x $0.01 = $3.65B; ceil(500 / 3.65) = 137.
	if m["servicesToCloseGap"] != 137.0 {
		t.Errorf("servicesToCloseGap: want 137, got %v", m["servicesToCloseGap"])
	}
}

func TestGapBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		flag string // the flag the message must name
		text string // the given value, as typed
	}{
		{"margin 1.5", []string{"gap", "--margin", "1.5", "--json"}, "--margin", "1.5"},
		{"years 0", []string{"gap", "--years", "0"}, "--years", "0"},
		{"years fractional", []string{"gap", "--years", "2.5"}, "--years", "2.5"},
		{"gpu-share abc", []string{"gap", "--gpu-share", "abc", "--json"}, "--gpu-share", "abc"},
		{"gpu-share 0", []string{"gap", "--gpu-share", "0%"}, "--gpu-share", "0%"},
		{"unknown preset", []string{"gap", "--preset", "sequoia-2099"}, "--preset", "sequoia-2099"},
		{"life 0", []string{"gap", "--life", "0"}, "--life", "0"},
		{"capex overflow", []string{"gap", "--capex-growth", "100", "--years", "200"}, "--capex-growth", "100"},
		{"unknown flag", []string{"gap", "--rate", "5"}, "--rate", ""},
		{"missing value", []string{"gap", "--dc-revenue"}, "--dc-revenue", ""},
		{"project growth-low", []string{"project", "--growth-low", "3"}, "--growth-low", "3"},
		{"project until", []string{"project", "--until", "2000", "--json"}, "--until", "2000"},
		{"project base-cost", []string{"project", "--base-cost", "NaN"}, "--base-cost", "NaN"},
		{"serving bottle", []string{"serving", "--bottle", "0"}, "--bottle", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, nil, &out, &errb)
			if code != exitUsage {
				t.Errorf("%s: want exit 2, got %d", c.name, code)
			}
			if out.Len() != 0 {
				t.Errorf("%s: want nothing on stdout, got %q", c.name, out.String())
			}
			msg := errb.String()
			if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, c.flag) || !strings.Contains(msg, c.text) {
				t.Errorf("%s: want one line naming %s and %q, got %q", c.name, c.flag, c.text, msg)
			}
			if c.text != "" && !strings.Contains(msg, "accepted") {
				t.Errorf("%s: want the accepted range, got %q", c.name, msg)
			}
		})
	}
}

// TestGapTornadoJSON checks 'aiplan tornado --gap' on a case computable by
// hand: L = 1, flat growth, one row, so gap = run / share / (1 - margin) -
// revenue. The flags given (150B, 0.5, 0.5, 100B, L = 1) get the user spread
// x0.8-1.2 of assets/catalog.json; the growths keep the catalogue's 1-2.9
// and 1-2, which cannot move the first year.
func TestGapTornadoJSON(t *testing.T) {
	m := runJSON(t, "tornado", "--gap", "--dc-revenue", "150B", "--gpu-share", "0.5", "--margin", "0.5",
		"--ai-revenue", "100B", "--life", "1", "--years", "1", "--output", "gapUSD", "--json")
	if m["output"] != "gapUSD" || m["base"] != 500e9 {
		t.Errorf("want output gapUSD with base 500e9, got %v and %v", m["output"], m["base"])
	}
	// $B: share 0.4 -> 150/0.4/0.5 - 100 = 650, 0.6 -> 400 (swing 250);
	// margin 0.4 -> 400, 0.6 -> 650 (250, listed after the share);
	// run 120 -> 380, 180 -> 620 (240); life 0.8 -> all in year one, 500,
	// 1.2 -> 600/1.2 - 100 = 400 (100); revenue 80 -> 520, 120 -> 480 (40).
	want := []struct {
		key   string
		swing float64
	}{{"gpu-share", 250}, {"margin", 250}, {"dc-revenue", 240}, {"life", 100}, {"ai-revenue", 40},
		{"capex-growth", 0}, {"revenue-growth", 0}}
	bars, _ := m["bars"].([]any)
	if len(bars) != len(want) {
		t.Fatalf("bars: want %d, got %d", len(want), len(bars))
	}
	for i, w := range want {
		b := bars[i].(map[string]any)
		if b["key"] != w.key || abs(b["swing"].(float64)/1e9-w.swing) > 1e-6 {
			t.Errorf("bar %d: want %s with swing %gB, got %v with %v", i, w.key, w.swing, b["key"], b["swing"])
		}
	}

	// --prior-vintages reaches the gap tornado: with L = 6 the first year's
	// gap is 600/6 - 100 = 0 without the earlier vintages and 600 - 100 =
	// 500 with them.
	for _, c := range []struct {
		args []string
		base float64
	}{{nil, 0}, {[]string{"--prior-vintages"}, 500e9}} {
		args := append([]string{"tornado", "--gap", "--life", "6", "--json"}, c.args...)
		if m := runJSON(t, args...); abs(m["base"].(float64)-c.base) > 1e-3 {
			t.Errorf("%v: want base %g, got %v", args, c.base, m["base"])
		}
	}

	// The cumulative gap over the sequoia-2024 preset's 5 flat rows: 5 x 500.
	m = runJSON(t, "tornado", "--gap", "--output", "cumulativeGapUSD", "--json")
	if m["base"] != 2500e9 {
		t.Errorf("cumulativeGapUSD: want base 2500e9, got %v", m["base"])
	}
	if first := m["bars"].([]any)[0].(map[string]any)["key"]; first != "capex-growth" {
		t.Errorf("cumulativeGapUSD: want capex-growth first (1-2.9x over 5 years), got %v", first)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestGapTornadoBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		flag string
	}{
		{"output", []string{"tornado", "--gap", "--output", "closesYear"}, "--output"},
		{"training output", []string{"tornado", "--gap", "--output", "costUSD.cloud", "--json"}, "--output"},
		{"share", []string{"tornado", "--gap", "--gpu-share", "1.5"}, "--gpu-share"},
		{"margin text", []string{"tornado", "--gap", "--margin", "half"}, "--margin"},
		{"preset", []string{"tornado", "--gap", "--preset", "sequoia-1999"}, "--preset"},
		{"years", []string{"tornado", "--gap", "--years", "0"}, "--years"},
		{"training flag", []string{"tornado", "--gap", "--params", "7B"}, "--params"},
		{"range", []string{"tornado", "--gap", "--range", "mfu=0.2,0.3,0.4"}, "--range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, nil, &out, &errb)
			if code != exitUsage {
				t.Errorf("%s: want exit 2, got %d (%s)", c.name, code, errb.String())
			}
			if out.Len() != 0 {
				t.Errorf("%s: want nothing on stdout, got %q", c.name, out.String())
			}
			if msg := errb.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, c.flag) {
				t.Errorf("%s: want one line naming %s, got %q", c.name, c.flag, msg)
			}
		})
	}
}
