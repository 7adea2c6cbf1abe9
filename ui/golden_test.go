package ui

import (
	"image"
	"image/color"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// TestGoldenMainWindow keeps a picture of the main screen (test theme, no
// display) and the markup of the results panel in testdata/.
func TestGoldenMainWindow(t *testing.T) {
	screens := []struct{ name, scenario string }{
		{"main-gpt4", "GPT-4 class"},
		{"main-nextgen", "Next-gen 1T x 50T"},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			w := newTestWindow(t)
			w.Select(mustIndex(t, w, sc.scenario))
			goldenImage(t, sc.name+".png", w.Window.Canvas().Capture())
			// Markup masters: on a mismatch Fyne writes the new markup to
			// testdata/failed/; review it and copy it over the master.
			test.AssertObjectRendersToMarkup(t, sc.name+"-results.xml", w.Results.Content)
		})
	}
}

func TestLatestPublishesNewest(t *testing.T) {
	test.NewTempApp(t)
	var wg sync.WaitGroup
	l := Latest{finished: wg.Done}
	var mu sync.Mutex
	var got []int
	publish := func(n int) func() {
		return func() { mu.Lock(); got = append(got, n); mu.Unlock() }
	}
	release := make(chan struct{})
	wg.Add(2)
	l.Run(func() func() { <-release; return publish(1) })
	l.Run(func() func() { return publish(2) })
	close(release)
	wg.Wait()
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("want only the newest outcome [2] published, got %v", got)
	}
}

// BenchmarkEdit measures the edit-to-results path: the entry's text is
// parsed, the planner resolves and evaluates, and every result label and
// editor line is updated.
func BenchmarkEdit(b *testing.B) {
	w := newTestWindow(b)
	w.Select(mustIndex(b, w, "Next-gen 1T x 50T"))
	e := w.Editor.Entries[planner.KeyGPUs]
	texts := []string{"50,000", "100k", "64000", "1e5"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e.SetText(texts[i%len(texts)])
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/edit")
}

// TestDifferingPixels: the golden comparison tolerates antialiasing-sized
// changes and fails on a changed figure or a changed size.
func TestDifferingPixels(t *testing.T) {
	base := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range base.Pix {
		base.Pix[i] = 255
	}
	clone := func() *image.RGBA {
		c := image.NewRGBA(base.Rect)
		copy(c.Pix, base.Pix)
		return c
	}
	faint := clone()
	faint.Set(5, 5, color.RGBA{250, 250, 250, 255}) // within the channel tolerance
	few := clone()
	few.Set(7, 7, color.RGBA{0, 0, 0, 255}) // 1 pixel of 20,000: 0.005%
	block := clone()
	for y := 10; y < 30; y++ {
		for x := 10; x < 40; x++ {
			block.Set(x, y, color.RGBA{0, 0, 0, 255}) // a changed figure: 600 pixels, 3%
		}
	}
	cases := []struct {
		name string
		img  image.Image
		pass bool
	}{
		{"identical", clone(), true},
		{"faint", faint, true},
		{"one pixel", few, true},
		{"changed block", block, false},
		{"other size", image.NewRGBA(image.Rect(0, 0, 201, 100)), false},
	}
	for _, c := range cases {
		n, share := differingPixels(base, c.img)
		if ok := n >= 0 && share <= goldenPixelShare; ok != c.pass {
			t.Errorf("%s: %d pixels (%.3f%%) differ; want pass=%v", c.name, n, 100*share, c.pass)
		}
	}
}
