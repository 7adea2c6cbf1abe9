package ui

import (
	"bytes"
	"image/png"
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
			var buf bytes.Buffer
			if err := png.Encode(&buf, w.Window.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			golden(t, sc.name+".png", buf.Bytes())
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
