package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"aiplan/plot"
)

// TestSaveChartTheme: with the window in the dark theme, Save PNG writes
// the light theme by default (a white report page) and the dark one when
// chosen.
func TestSaveChartTheme(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DarkTheme()) //nolint:staticcheck // the variant under test
	cat, f := testData(t)
	v := NewChartsView(cat, test.NewTempWindow(t, nil))
	v.Update(f.Scenarios, f.Baseline)
	if v.SaveTheme.Selected != plot.ThemeLight {
		t.Fatalf("default save theme: want %q, got %q", plot.ThemeLight, v.SaveTheme.Selected)
	}
	corner := func() uint32 {
		opt, err := v.SaveOptions()
		if err != nil {
			t.Fatal(err)
		}
		kind, in := v.input()
		path := filepath.Join(t.TempDir(), "c.png")
		if err := SaveChart(storage.NewFileURI(path), kind, in, plot.PNG, opt); err != nil {
			t.Fatal(err)
		}
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		im, err := png.Decode(fh)
		if err != nil {
			t.Fatal(err)
		}
		r, g, b, _ := im.At(2, 2).RGBA()
		return (r + g + b) / 3 >> 8
	}
	if c := corner(); c < 230 {
		t.Errorf("light (default): want a white background, got grey level %d", c)
	}
	v.SaveTheme.SetSelected(plot.ThemeDark)
	if c := corner(); c > 80 {
		t.Errorf("dark: want a dark background, got grey level %d", c)
	}
}

// TestChartMinSizePerKind: the chart asks for its kind's legible minimum.
func TestChartMinSizePerKind(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	v := NewChartsView(cat, test.NewTempWindow(t, nil))
	v.Update(f.Scenarios, f.Baseline)
	for i, k := range plot.Kinds {
		v.Kind.SetSelectedIndex(i)
		w, h := plot.MinSize(k.Kind)
		if got := v.Chart.MinSize(); got != fyne.NewSize(float32(w), float32(h)) {
			t.Errorf("%s: MinSize %v, want %dx%d", k.Kind, got, w, h)
		}
	}
}
