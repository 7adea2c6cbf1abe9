package ui

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"aiplan/assets"
	"aiplan/planner"
)

var (
	update     = flag.Bool("update", false, "rewrite the golden files in testdata/")
	screenshot = flag.String("screenshot", "", "write a 1280x800 picture of the window with the real theme to this PNG path")
)

// testNow is the injected clock: catalogue figures dated before
// 2024-11-27 are stale at this date.
var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// newTestWindow opens the main window on the built-in scenarios with the
// test driver (no display) and a fixed clock.
func newTestWindow(t testing.TB) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	return newWindowIn(t, a, func() time.Time { return testNow })
}

func testData(t testing.TB) (*planner.Catalog, *planner.File) {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	return cat, defs
}

func newWindowIn(t testing.TB, a fyne.App, now func() time.Time) *Window {
	t.Helper()
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: now})
	win.Resize(fyne.NewSize(1280, 800))
	return w
}

// typeInto replaces the text of an entry the way a user does: select all,
// then type.
func typeInto(w *Window, key, text string) {
	e := w.Editor.Entries[key]
	w.Window.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

func indexOf(w *Window, name string) int {
	for i, s := range w.File().Scenarios {
		if s.Name == name {
			return i
		}
	}
	return -1
}

func mustIndex(t testing.TB, w *Window, name string) int {
	t.Helper()
	i := indexOf(w, name)
	if i < 0 {
		t.Fatalf("scenario %q not in the built-in set", name)
	}
	return i
}

// TestScreenshot writes a picture of the window with the real theme when
// -screenshot is given (used for docs/screenshot.png checks).
func TestScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("no -screenshot path")
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	w := newWindowIn(t, a, func() time.Time { return testNow })
	w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
	img := w.Window.Canvas().Capture()
	f, err := os.Create(*screenshot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// goldenImage compares a picture with testdata/NAME by its pixels, not its
// PNG bytes (a zlib or encoder change must not fail it): the sizes must
// match, and at most goldenPixelShare of the pixels may differ by more
// than goldenChannelTolerance in any channel (font hinting, antialiasing).
func goldenImage(t *testing.T, name string, got image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test -update to create it)", name, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if n, share := differingPixels(want, got); n < 0 || share > goldenPixelShare {
		failed := filepath.Join("testdata", "failed", name)
		os.MkdirAll(filepath.Dir(failed), 0o755) //nolint:errcheck // best effort
		os.WriteFile(failed, buf.Bytes(), 0o644) //nolint:errcheck // best effort
		t.Errorf("%s: %d pixels (%.3f%%) differ from the golden picture (size %v, want %v); got written to %s (run go test -update to accept)",
			name, n, 100*share, got.Bounds().Size(), want.Bounds().Size(), failed)
	}
}

const (
	goldenChannelTolerance = 16    // of 255
	goldenPixelShare       = 0.001 // 0.1% of the pixels
)

// differingPixels counts the pixels of b that differ from a's by more than
// goldenChannelTolerance in a channel; -1 when the sizes differ.
func differingPixels(a, b image.Image) (n int, share float64) {
	ra, rb := a.Bounds(), b.Bounds()
	if ra.Size() != rb.Size() {
		return -1, 1
	}
	far := func(x, y uint32) bool {
		d := int(x>>8) - int(y>>8)
		return d > goldenChannelTolerance || d < -goldenChannelTolerance
	}
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ra.Min.X+x, ra.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(rb.Min.X+x, rb.Min.Y+y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				n++
			}
		}
	}
	return n, float64(n) / float64(ra.Dx()*ra.Dy())
}
