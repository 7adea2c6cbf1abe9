package plot

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// TestMethodWaterfall: every method's waterfall walks from the year's AI
// capex (Cahn: the run-rate) to the planner's required revenue and gap,
// each subtotal the running sum of the steps before it, with the published
// figures: Kupperman $160B (rho 0) and $480B (rho 20%) required on $400B of
// capex (Praetorian Capital 2025, press coverage), Bain $2T required and an
// $800B gap (Technology Report 2025), Cahn $600B and $500B (Sequoia 2024).
func TestMethodWaterfall(t *testing.T) {
	cat := gapCatalog(t)
	rep, err := assets.Reported()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		preset        string
		first         string
		required, gap float64
		labels        []string
	}{
		{planner.GapPreset2024, "Accelerator data-centre revenue run-rate", 600e9, 500e9, []string{"end-user gross margin"}},
		{planner.BubblePresetKupperman, "AI capex, first year", 160e9, 100e9, []string{"gross margin on AI revenue (25%)", "due in later years"}},
		{planner.BubblePresetKuppermanReturn, "AI capex, first year", 480e9, 420e9, []string{"return on capital (20% a year × 10 years)", "Capital to recover"}},
		{planner.BubblePresetBain, "AI capex, first year", 2e12, 800e9, []string{"capex-to-revenue ratio (25%)", "funding sources"}},
	}
	dir := os.Getenv("AIPLAN_PLOT_PNG")
	for _, c := range cases {
		t.Run(c.preset, func(t *testing.T) {
			in, err := planner.BubblePreset(cat, rep, c.preset)
			if err != nil {
				t.Fatal(err)
			}
			r, err := planner.EvaluateGap(in)
			if err != nil {
				t.Fatal(err)
			}
			w, err := NewMethodWaterfall(&r)
			if err != nil {
				t.Fatal(err)
			}
			if w.Steps[0].Label != c.first {
				t.Errorf("first step %q, want %q", w.Steps[0].Label, c.first)
			}
			run := 0.0
			var texts []string
			for i, s := range w.Steps {
				texts = append(texts, s.Label)
				switch s.Kind {
				case StepAdd, StepSubtract:
					run += s.ValueUSD
				default:
					if i > 0 && math.Abs(s.ValueUSD-run) > 1e-6*math.Abs(run)+1 {
						t.Errorf("step %d %q: %g, the steps before sum to %g", i, s.Label, s.ValueUSD, run)
					}
					run = s.ValueUSD
				}
			}
			last := w.Steps[len(w.Steps)-1]
			if last.Kind != StepResult || math.Abs(last.ValueUSD-c.gap) > 1e-9*c.gap || math.Abs(r.GapUSD-c.gap) > 1e-9*c.gap {
				t.Errorf("gap %g (planner %g), want %g", last.ValueUSD, r.GapUSD, c.gap)
			}
			if math.Abs(r.RequiredRevenueUSD-c.required) > 1e-9*c.required {
				t.Errorf("required %g, want %g", r.RequiredRevenueUSD, c.required)
			}
			all := strings.Join(texts, " | ")
			for _, l := range c.labels {
				if !strings.Contains(all, l) {
					t.Errorf("no step mentions %q: %s", l, all)
				}
			}
			if dir != "" {
				f, err := os.Create(filepath.Join(dir, "waterfall-"+c.preset+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := Render(w, PNG, Options{Width: 760, Height: 520}, f); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestGapTornadoLabels: a bubble-gap tornado labels its ends in dollars,
// percentages and years, never in exponent form.
func TestGapTornadoLabels(t *testing.T) {
	in := gapInputs(t, planner.GapPreset2024, nil)
	vars, err := planner.GapUncertainInputs(gapCatalog(t), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	tor, err := planner.GapTornado(in, vars, planner.GapOutputGap)
	if err != nil {
		t.Fatal(err)
	}
	tc, err := NewTornado("Sequoia 2024", tor)
	if err != nil {
		t.Fatal(err)
	}
	h := func(v float64) string { return planner.Human(planner.GapOutputGap, v) }
	for _, b := range tc.T.Bars {
		for _, l := range tc.labels(b, h) {
			if strings.Contains(l.text, "e+") || !strings.Contains(l.text, ": $") {
				t.Errorf("%s: label %q", b.Key, l.text)
			}
		}
	}
	if dir := os.Getenv("AIPLAN_PLOT_PNG"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "gap-tornado.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := Render(tc, PNG, Options{Width: 760, Height: 520}, f); err != nil {
			t.Fatal(err)
		}
	}
}
