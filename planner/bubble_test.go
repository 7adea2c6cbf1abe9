package planner_test

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func bubbleData(t *testing.T) (*planner.Catalog, *planner.ReportedData) {
	t.Helper()
	rep, err := assets.Reported()
	if err != nil {
		t.Fatalf("reported data: %v", err)
	}
	return gapCatalog(t), rep
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestBubblePresetsPublished checks that each preset reproduces its
// published headline to the dollar (relative 1e-9):
//   - Cahn, Sequoia Sept 2023: $50B x 2 x 2 = $200B required, $125B hole;
//     June 2024: $150B -> $600B required, $500B hole.
//   - Kupperman, Praetorian Capital Aug 2025 (press coverage): K $400B,
//     L 10, g 25% -> $160B at rho 0, $480B at rho 20%.
//   - Bain Technology Report 2025: $500B / 0.25 = $2T, $800B short.
//   - cahn-latest: NVIDIA Q4 FY2026 DC revenue $62.31B (release
//     2026-02-25) x 4 / 0.5 / 0.5 = $996.96B.
func TestBubblePresetsPublished(t *testing.T) {
	cat, rep := bubbleData(t)
	cases := []struct {
		id            string
		method        string
		required, gap float64
		coverage      float64 // -1: null
	}{
		{"sequoia-2023", planner.MethodCahn, 200e9, 125e9, 75e9 / 100e9},
		{"sequoia-2024", planner.MethodCahn, 600e9, 500e9, 100e9 / 300e9},
		{"cahn-latest", planner.MethodCahn, 996.96e9, 996.96e9 - 25e9 - 30e9, 55e9 / 498.48e9},
		{"kupperman-2025", planner.MethodCapexReturn, 160e9, 100e9, 0.15},
		{"kupperman-2025-return20", planner.MethodCapexReturn, 480e9, 420e9, 0.15},
		{"bain-2025", planner.MethodCapexRatio, 2e12, 800e9, -1},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			in, err := planner.BubblePreset(cat, rep, c.id)
			if err != nil {
				t.Fatal(err)
			}
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Method != c.method {
				t.Errorf("method %q, want %q", r.Method, c.method)
			}
			if !near(r.RequiredRevenueUSD, c.required) || !near(r.GapUSD, c.gap) {
				t.Errorf("required %g gap %g, want %g %g", r.RequiredRevenueUSD, r.GapUSD, c.required, c.gap)
			}
			switch {
			case c.coverage < 0 && r.CoverageRatio != nil:
				t.Errorf("coverage %g, want null (revenue side is not AI revenue)", *r.CoverageRatio)
			case c.coverage >= 0 && (r.CoverageRatio == nil || !near(*r.CoverageRatio, c.coverage)):
				t.Errorf("coverage %v, want %g", r.CoverageRatio, c.coverage)
			}
		})
	}
}

// TestBubbleIdentities checks the single-year identities against the
// figures as published.
func TestBubbleIdentities(t *testing.T) {
	if got := planner.KuppermanRequired(400e9, 10, 0, 0.25); !near(got, 160e9) {
		t.Errorf("Kupperman rho 0: %g, want 160e9", got)
	}
	if got := planner.KuppermanRequired(400e9, 10, 0.2, 0.25); !near(got, 480e9) {
		t.Errorf("Kupperman rho 20%%: %g, want 480e9", got)
	}
	// bubble.md: with this formula L = 3 gives $533B at rho = 0.
	if got := planner.KuppermanRequired(400e9, 3, 0, 0.25); math.Abs(got-533.33e9) > 0.01e9 {
		t.Errorf("Kupperman L 3: %g, want 533.33e9", got)
	}
	if got := planner.BainRequired(500e9, 0.25); !near(got, 2e12) {
		t.Errorf("Bain: %g, want 2e12", got)
	}
}

// TestBubbleYearsByHand checks each method's rows against figures worked
// out by hand.
func TestBubbleYearsByHand(t *testing.T) {
	cases := []struct {
		name     string
		in       planner.GapInputs
		required []float64
		revenue  []float64
		closes   int // 0: never
	}{
		{
			// capex-return, K 100 growing 2x, L 2, rho 0.1, g 0.5, no prior:
			// vintage yearly = K (1/2 + 0.1) / 0.5 = 1.2 K.
			// y0: 1.2x100 = 120; y1: 120 + 240 = 360; y2: 240 + 480 = 720.
			name: "capex-return",
			in: planner.GapInputs{Method: planner.MethodCapexReturn, Year: 2025, CapexUSD: 100, LifeYears: 2,
				ReturnRate: 0.1, GrossMargin: 0.5, CapexGrowth: 2, RevenueGrowth: 3, Years: 3,
				AIRevenueUSD: gapPtr(60.0)},
			required: []float64{120, 360, 720},
			revenue:  []float64{60, 180, 540},
		},
		{
			// the same with prior vintages: the 2024 vintage, K = 50, adds
			// 1.2 x 50 = 60 to y0: 180, 360, 720.
			name: "capex-return prior",
			in: planner.GapInputs{Method: planner.MethodCapexReturn, Year: 2025, CapexUSD: 100, LifeYears: 2,
				ReturnRate: 0.1, GrossMargin: 0.5, CapexGrowth: 2, RevenueGrowth: 3, Years: 3,
				AIRevenueUSD: gapPtr(60.0), PriorVintages: true},
			required: []float64{180, 360, 720},
			revenue:  []float64{60, 180, 540},
		},
		{
			// capex-ratio: K 500 growing 1.1, c 0.25: 2000, 2200, 2420;
			// revenue 1200 growing 1.5: 1200, 1800, 2700 -> closes in 2032.
			name: "capex-ratio",
			in: planner.GapInputs{Method: planner.MethodCapexRatio, Year: 2030, CapexUSD: 500, CapexRevenueRatio: 0.25,
				CapexGrowth: 1.1, RevenueGrowth: 1.5, Years: 3, AIRevenueUSD: gapPtr(1200.0)},
			required: []float64{2000, 2200, 2420},
			revenue:  []float64{1200, 1800, 2700},
			closes:   2032,
		},
		{
			// cahn, run-rate 50, s 0.5, m 0.5, L 1, capex x2: 200, 400.
			name: "cahn",
			in: planner.GapInputs{Year: 2023, DCRevenueUSD: 50, GPUShare: 0.5, Margin: 0.5, LifeYears: 1,
				CapexGrowth: 2, RevenueGrowth: 1, Years: 2, AIRevenueUSD: gapPtr(75.0)},
			required: []float64{200, 400},
			revenue:  []float64{75, 75},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := planner.EvaluateGap(c.in)
			if err != nil {
				t.Fatal(err)
			}
			cum := 0.0
			for i, y := range r.Years {
				cum += c.required[i] - c.revenue[i]
				if !near(y.RequiredRevenueUSD, c.required[i]) || !near(y.RevenueUSD, c.revenue[i]) || !near(y.CumulativeGapUSD, cum) {
					t.Errorf("year %d: required %g revenue %g cumulative %g, want %g %g %g", y.Year,
						y.RequiredRevenueUSD, y.RevenueUSD, y.CumulativeGapUSD, c.required[i], c.revenue[i], cum)
				}
			}
			if got := 0; r.ClosesYear != nil {
				got = *r.ClosesYear
				if got != c.closes {
					t.Errorf("closes %d, want %d", got, c.closes)
				}
			} else if c.closes != 0 {
				t.Errorf("closes never, want %d", c.closes)
			}
		})
	}
}

// TestBubbleForeignInput checks that an input of another method is refused
// with an error naming the input and both methods.
func TestBubbleForeignInput(t *testing.T) {
	cases := []struct {
		name  string
		in    planner.GapInputs
		field string
		words []string
	}{
		{"gpu-share on capex-ratio", planner.GapInputs{Method: planner.MethodCapexRatio, Year: 2030, CapexUSD: 1, CapexRevenueRatio: 0.25,
			GPUShare: 0.5, CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "gpu-share", []string{"cahn", "capex-ratio"}},
		{"capex on cahn", planner.GapInputs{Year: 2024, DCRevenueUSD: 1, GPUShare: 0.5, LifeYears: 1, CapexUSD: 5,
			CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "capex", []string{"capex-return", "cahn"}},
		{"gross-margin on cahn", planner.GapInputs{Year: 2024, DCRevenueUSD: 1, GPUShare: 0.5, LifeYears: 1, GrossMargin: 0.3,
			CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "gross-margin", []string{"capex-return", "cahn"}},
		{"life on capex-ratio", planner.GapInputs{Method: planner.MethodCapexRatio, Year: 2030, CapexUSD: 1, CapexRevenueRatio: 0.25,
			LifeYears: 4, CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "life", []string{"capex-ratio"}},
		{"unknown method", planner.GapInputs{Method: "tulip", Year: 2030, CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "method", []string{"capex-ratio"}},
		{"gross margin zero", planner.GapInputs{Method: planner.MethodCapexReturn, Year: 2025, CapexUSD: 1, LifeYears: 1,
			CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "gross-margin", []string{"0.01 to 1"}},
		{"ratio NaN", planner.GapInputs{Method: planner.MethodCapexRatio, Year: 2025, CapexUSD: 1, CapexRevenueRatio: math.NaN(),
			CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "capex-revenue-ratio", []string{"0.01 to 10"}},
		{"return 1e400", planner.GapInputs{Method: planner.MethodCapexReturn, Year: 2025, CapexUSD: 1, LifeYears: 1, GrossMargin: 0.5,
			ReturnRate: math.Inf(1), CapexGrowth: 1, RevenueGrowth: 1, Years: 1}, "return", []string{"0 to 1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.EvaluateGap(c.in)
			if planner.ErrField(err) != c.field {
				t.Fatalf("error %v, want one naming %s", err, c.field)
			}
			for _, w := range c.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestBubbleFileRoundTrip checks that a file of the current version with
// one gap model opens as one bubble-risk scenario and writes back
// byte-for-byte, and that a list round-trips.
func TestBubbleFileRoundTrip(t *testing.T) {
	cat, rep := bubbleData(t)
	old := []byte(`{
  "format": "aiplan-scenarios",
  "version": 1,
  "catalogVersion": "2026.11.1",
  "scenarios": [],
  "gap": {
    "preset": "sequoia-2024",
    "year": 2024,
    "dcRevenueUSD": 150000000000,
    "gpuShare": 0.5,
    "margin": 0.5,
    "aiRevenueUSD": 100000000000,
    "lifeYears": 4,
    "capexGrowth": 1.2,
    "revenueGrowth": 1.5,
    "years": 6,
    "priorVintages": true
  }
}
`)
	f, err := planner.ParseFile(old)
	if err != nil {
		t.Fatal(err)
	}
	list := f.BubbleList()
	if len(list) != 1 || list[0].Name != "Sequoia 2024: the $600B question" || !reflect.DeepEqual(list[0].GapInputs, *f.Gap) {
		t.Fatalf("old file's bubble list = %+v", list)
	}
	back, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back, old) {
		t.Errorf("old file does not round-trip:\n%s", back)
	}

	defs, err := planner.BubbleDefaults(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	f.BubbleScenarios, f.BubbleBaseline = defs, defs[1].Name
	b1, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	g, err := planner.ParseFile(b1)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := g.Marshal()
	if !bytes.Equal(b1, b2) || len(g.BubbleList()) != len(defs) {
		t.Errorf("bubble list does not round-trip")
	}
	g.BubbleBaseline = "nope"
	if _, err := g.Marshal(); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("bad baseline: %v", err)
	}
	g.BubbleBaseline = ""
	g.BubbleScenarios[2].Name = "=SUM(A1)"
	g.BubbleScenarios[3].Name = "=SUM(A1)"
	if _, err := g.Marshal(); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate name: %v", err)
	}
}

// TestBubbleDefaultsComplete checks the built-in set: every preset
// evaluates, at least five scenarios, three methods.
func TestBubbleDefaultsComplete(t *testing.T) {
	cat, rep := bubbleData(t)
	defs, err := planner.BubbleDefaults(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	methods := map[string]bool{}
	for _, s := range defs {
		r, err := planner.EvaluateGap(s.GapInputs)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		methods[r.Method] = true
	}
	if len(defs) < 5 || len(methods) != 3 {
		t.Errorf("%d scenarios, methods %v", len(defs), methods)
	}
	if _, err := planner.BubblePreset(cat, rep, "nope"); planner.ErrField(err) != "preset" {
		t.Errorf("unknown preset: %v", err)
	}
}

// TestBubbleFileBad: hostile bubbleScenarios are refused with the
// scenario and the field named.
func TestBubbleFileBad(t *testing.T) {
	head := `{"format":"aiplan-scenarios","version":1,"catalogVersion":"x","scenarios":[],"bubbleScenarios":[`
	ok := `{"name":"A","method":"capex-ratio","year":2030,"capexUSD":5e11,"capexRevenueRatio":0.25,"capexGrowth":1,"revenueGrowth":1,"years":1}`
	cases := []struct{ name, body, want string }{
		{"unknown method", strings.Replace(ok, "capex-ratio", "tulip", 1), "method"},
		{"foreign input", strings.Replace(ok, `"years":1`, `"years":1,"gpuShare":0.5`, 1), "gpu-share"},
		{"huge capex", strings.Replace(ok, "5e11", "1e400", 1), "scenario file"},
		{"negative ratio", strings.Replace(ok, "0.25", "-1", 1), "capex-revenue-ratio"},
		{"empty name", strings.Replace(ok, `"A"`, `""`, 1), "name"},
		{"control char", strings.Replace(ok, `"A"`, `"A\u0007"`, 1), "control"},
		{"duplicate", ok + "," + ok, "twice"},
		{"unknown key", strings.Replace(ok, `"years":1`, `"years":1,"bogus":1`, 1), "bogus"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.ParseFile([]byte(head + c.body + `]}`))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	if _, err := planner.ParseFile([]byte(head + ok + `],"bubbleBaseline":"A"}`)); err != nil {
		t.Errorf("valid file: %v", err)
	}
}
