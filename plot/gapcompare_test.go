package plot

import (
	"bytes"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func bubbleInput(t testing.TB) Input {
	t.Helper()
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := assets.Reported()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Catalog: gapCatalog(t), Bubble: defs.BubbleList(), Reported: rep}
}

// TestGapCompareGolden renders the built-in bubble-risk scenarios with the
// reported points at the two window sizes and checks the SVG against the
// golden files (AIPLAN_CHART_PNG=DIR also writes PNGs to look at).
func TestGapCompareGolden(t *testing.T) {
	in := bubbleInput(t)
	for _, size := range []struct{ w, h int }{{1366, 768}, {1920, 1080}} {
		name := "gap-compare-" + strings.Join([]string{itoa(size.w), itoa(size.h)}, "x")
		t.Run(name, func(t *testing.T) {
			ch, err := Build(KindGapCompare, in)
			if err != nil {
				t.Fatal(err)
			}
			opt := Options{Width: size.w, Height: size.h}
			checkGoldenSVG(t, name, ch, opt)
			if dir := os.Getenv("AIPLAN_CHART_PNG"); dir != "" {
				var png bytes.Buffer
				if err := Render(ch, PNG, opt, &png); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, name+".png"), png.Bytes(), 0o644) //nolint:errcheck // for looking only
			}
		})
	}
}

func itoa(n int) string { return planner.FormatNumber(float64(n)) }

// TestGapCompareContent checks what the chart is made of: one series per
// scenario, the big-four capex summed only in years all four report (2023:
// 28.107 + 32.251 + 52.729 + 28.1 = $141.187B), NVIDIA's fiscal years, the
// labs' run-rates, and the scenario names and "Reported figures" in the SVG.
func TestGapCompareContent(t *testing.T) {
	in := bubbleInput(t)
	ch, err := Build(KindGapCompare, in)
	if err != nil {
		t.Fatal(err)
	}
	g := ch.(*GapCompare)
	if len(g.Scenarios) != len(in.Bubble) || len(g.Reported) != 3 {
		t.Fatalf("%d scenarios, %d reported groups", len(g.Scenarios), len(g.Reported))
	}
	capex := g.Reported[0]
	if capex.Points[0].Year != 2023 || capex.Points[0].USD != 141.187e9 {
		t.Errorf("big-four capex %+v, want 2023 = $141.187B", capex.Points[0])
	}
	var svg bytes.Buffer
	if err := Render(ch, SVG, Options{Width: 1366, Height: 768}, &svg); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Reported figures", "Bain 2030", "Kupperman 2025, 20% return", "Bull case", "Bear case", "log scale"} {
		if !strings.Contains(svg.String(), w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	if ch, err := Build(KindGapCompare, Input{Catalog: in.Catalog}); err != nil || len(ch.(*GapCompare).Scenarios) != 1 {
		t.Errorf("no scenarios: want the sequoia-2024 preset alone, got %v", err)
	}
	bad := in.Bubble[0]
	bad.GPUShare = 0
	if _, err := Build(KindGapCompare, Input{Catalog: in.Catalog, Bubble: []planner.BubbleScenario{bad}}); planner.ErrField(err) != "gpu-share" {
		t.Errorf("bad scenario: %v", err)
	}
}

// TestGapCompareLegible draws the built-in scenarios (eight, with the
// three reported groups) at MinSize, at the Bubble risk tab's chart area
// at 1366 x 768 (about 840 x 360) and at 1700 x 850: no two labels
// collide and no legend label is clipped with an ellipsis.
func TestGapCompareLegible(t *testing.T) {
	ch, err := Build(KindGapCompare, bubbleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	mw, mh := MinSize(KindGapCompare)
	for _, sz := range [][2]int{{mw, mh}, {840, 360}, {1700, 850}} {
		t.Run(itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
			ts := drawTexts(t, ch, sz[0], sz[1])
			for _, c := range collisions(ts) {
				t.Errorf("labels collide: %s", c)
			}
			for _, d := range ts {
				if strings.Contains(d.s, "…") {
					t.Errorf("label clipped: %q", d.s)
				}
			}
		})
	}
	// below MinSize the legend falls back to rows and still draws the
	// scenarios' short names, down to the smallest chart
	for _, sz := range [][2]int{{652, 275}, {MinWidth, MinHeight}} {
		ts := drawTexts(t, ch, sz[0], sz[1])
		found := false
		for _, d := range ts {
			found = found || strings.HasPrefix(d.s, "Sequoia 2023")
		}
		if !found {
			t.Errorf("%dx%d: no legend entry for Sequoia 2023", sz[0], sz[1])
		}
	}
}

// TestGapComparePalette: on both themes the ten scenario colours keep a
// luma difference of at least 60 from the background (a thin line stays
// visible) and no two are closer than 60 in RGB distance (the old
// palette lifted on a dark window gave two near-identical blues).
func TestGapComparePalette(t *testing.T) {
	for name, th := range map[string]Theme{"light": Light(), "dark": Dark()} {
		t.Run(name, func(t *testing.T) {
			var cols []color.Color
			for i := range 10 {
				c := compareColour(&th, i)
				if d := math.Abs(luma(c) - luma(th.Background)); d < 60 {
					t.Errorf("colour %d: luma %.0f from the background; want >= 60", i, d)
				}
				cols = append(cols, c)
			}
			for i := range cols {
				for j := i + 1; j < len(cols); j++ {
					if d := rgbDistance(cols[i], cols[j]); d < 60 {
						t.Errorf("colours %d and %d: distance %.0f; want >= 60", i, j, d)
					}
				}
			}
		})
	}
}

func rgbDistance(a, b color.Color) float64 {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) float64 { return float64(x>>8) - float64(y>>8) }
	return math.Sqrt(d(r1, r2)*d(r1, r2) + d(g1, g2)*d(g1, g2) + d(b1, b2)*d(b1, b2))
}
