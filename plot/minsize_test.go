package plot

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"

	"aiplan/assets"
)

// drawTexts draws ch at w x h and returns the boxes of its horizontal
// texts.
func drawTexts(t *testing.T, ch Chart, w, h int) []drawnText {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCanvas(r, false, w, h, Light(), 1)
	if err != nil {
		t.Fatal(err)
	}
	var texts []drawnText
	c.texts = &texts
	if err := ch.Draw(c); err != nil {
		t.Fatal(err)
	}
	return texts
}

// collisions lists pairs of texts whose glyph boxes (cap height 0.72 of
// the size above the baseline, descenders 0.2 below) overlap by more than
// a pixel each way.
func collisions(ts []drawnText) []string {
	var out []string
	box := func(d drawnText) (l, t, r, b int) {
		return d.x, d.y - d.h*72/100, d.x + d.w, d.y + d.h*20/100
	}
	for i := range ts {
		l1, t1, r1, b1 := box(ts[i])
		for j := i + 1; j < len(ts); j++ {
			l2, t2, r2, b2 := box(ts[j])
			if min(r1, r2)-max(l1, l2) > 1 && min(b1, b2)-max(t1, t2) > 1 {
				out = append(out, fmt.Sprintf("%q at (%d,%d) and %q at (%d,%d)", ts[i].s, ts[i].x, ts[i].y, ts[j].s, ts[j].x, ts[j].y))
			}
		}
	}
	return out
}

// kindInputs are the built-in scenarios' charts of every kind built from
// an Input; the tornado is the next-generation run's ownership cost (the
// most bars).
func kindInputs(t *testing.T) map[Kind]Input {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Catalog: cat, Scenarios: f.Scenarios, Baseline: f.Baseline, Gap: f.Gap, Projection: f.Projection, Samples: 2000, Seed: 1}
	m := map[Kind]Input{}
	for _, k := range Kinds {
		m[k.Kind] = in
	}
	tor := in
	tor.Scenario, tor.Output = "Next-gen 1T x 50T", "costUSD.amortized"
	m[KindTornado] = tor
	m[KindFan] = tor
	return m
}

// TestMinSizeLegible draws every kind at its MinSize and at a 1920 x 1080
// window's chart size: no two labels overlap, and the footnotes are whole
// (nothing gave way). Known exceptions are the kinds other files own
// (compare, gap: rotated or plated labels), listed and skipped.
func TestMinSizeLegible(t *testing.T) {
	owned := map[Kind]bool{KindCompare: true, KindGap: true}
	for kind, in := range kindInputs(t) {
		if owned[kind] {
			continue
		}
		ch, err := Build(kind, in)
		if err != nil {
			t.Fatal(err)
		}
		mw, mh := MinSize(kind)
		for _, sz := range [][2]int{{mw, mh}, {1700, 850}} {
			t.Run(fmt.Sprintf("%s/%dx%d", kind, sz[0], sz[1]), func(t *testing.T) {
				ts := drawTexts(t, ch, sz[0], sz[1])
				for _, c := range collisions(ts) {
					t.Errorf("labels collide: %s", c)
				}
				full := drawTexts(t, ch, 3000, 2000)
				clipped := func(ts []drawnText) (n int) {
					for _, d := range ts {
						if strings.Contains(d.s, "…") {
							n++
						}
					}
					return n
				}
				if got, want := clipped(ts), clipped(full); got > want {
					t.Errorf("%d labels clipped with an ellipsis; want %d", got, want)
				}
				if want, got := lastWord(full), lastWord(ts); got != want {
					t.Errorf("footnote shortened: it ends in %q, want %q", got, want)
				}
			})
		}
	}
}

// lastWord is the last word of the text drawn lowest on the chart: the
// end of its last footnote, whatever the wrapping.
func lastWord(ts []drawnText) string {
	low := drawnText{y: -1}
	for _, d := range ts {
		if d.y > low.y {
			low = d
		}
	}
	f := strings.Fields(low.s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// TestMinSize: every kind has its own size, within the accepted range.
func TestMinSize(t *testing.T) {
	for _, k := range append(KindNames(), string(KindIndustry)) {
		w, h := MinSize(Kind(k))
		if _, ok := minSizes[Kind(k)]; !ok {
			t.Errorf("%s: no MinSize of its own", k)
		}
		if w < MinWidth || h < MinHeight || w > 1366 || h > 768 {
			t.Errorf("%s: MinSize %dx%d; want within %dx%d and a 1366 x 768 screen", k, w, h, MinWidth, MinHeight)
		}
	}
	if w, h := MinSize("nope"); w < 600 || h < 400 {
		t.Errorf("unknown kind: MinSize %dx%d; want the largest", w, h)
	}
}

func TestThemeByName(t *testing.T) {
	for _, tc := range []struct {
		name string
		bg   uint32 // red channel of the background, 16-bit
		ok   bool
	}{{"", 0xffff, true}, {"light", 0xffff, true}, {"dark", 0, false}, {"sepia", 0, false}} {
		th, err := ThemeByName(tc.name)
		if tc.name == "sepia" {
			if err == nil {
				t.Error("sepia: want an error naming the accepted themes")
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		r, _, _, _ := th.Background.RGBA()
		if (r == 0xffff) != tc.ok {
			t.Errorf("%q: background red %#x; want white %v", tc.name, r, tc.ok)
		}
	}
	opt, err := SaveOptions(1200, 700, "")
	if err != nil || opt.Theme == nil {
		t.Fatalf("SaveOptions: %v", err)
	}
	if r, _, _, _ := opt.Theme.Background.RGBA(); r != 0xffff {
		t.Errorf("SaveOptions default: background %#x; want white (light)", r)
	}
}

// TestFanAxisFitsData: the share axis ends within one tick step above the
// tallest bar at every size, down to MinSize and a squashed 800 x 340 (the old layout
// put 8% bars under an axis to 40% at about 100 pixels of plot).
func TestFanAxisFitsData(t *testing.T) {
	f := fixedFan(t)
	top := 0
	for _, n := range f.Counts {
		top = max(top, n)
	}
	tallest := 100 * float64(top) / float64(f.Samples)
	mw, mh := MinSize(KindFan)
	for _, sz := range [][2]int{{1200, 700}, {900, 500}, {mw, mh}, {800, 340}, {700, 380}} {
		axis := 0.0
		for _, d := range drawTexts(t, f, sz[0], sz[1]) {
			if v, err := strconv.ParseFloat(strings.TrimSuffix(d.s, "%"), 64); err == nil && strings.HasSuffix(d.s, "%") {
				axis = max(axis, v)
			}
		}
		if axis < tallest || axis > tallest*1.6 {
			t.Errorf("%dx%d: share axis to %g%% for a tallest bar of %.2f%%; want at most 1.6 times the bar", sz[0], sz[1], axis, tallest)
		}
	}
}
