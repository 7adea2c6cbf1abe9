package ui

import (
	"flag"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"aiplan/assets"
)

var industryPreset = flag.String("industry-preset", "li-2027-low", "the preset of the -industry-screenshot picture")

var industryHeight = flag.Int("industry-height", 768, "the height of the -industry-screenshot picture")

var industryShot = flag.String("industry-screenshot", "", "write a 1366x768 picture of the Industry view to this PNG path")

func newTestIndustryView(t *testing.T) (*IndustryView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	cat, _ := testData(t)
	data, err := assets.Industry()
	if err != nil {
		t.Fatal(err)
	}
	v := NewIndustryView(cat, data)
	win := test.NewTempWindow(t, container.NewScroll(v.content))
	win.Resize(fyne.NewSize(1366, 768))
	return v, win
}

// TestIndustryView drives the presets and entries: Li et al.'s 2027 low
// case is 4.2 billion m3 withdrawn, 4.29 Denmarks (0.98 billion m3, CIA
// 2020); Epoch's 1 GW costs $8.5B a year; Crane's 835 MW covers 75.9% of
// 1.1 GW of facility power; refused text marks the entry and keeps the
// last valid results.
func TestIndustryView(t *testing.T) {
	v, win := newTestIndustryView(t)
	cases := []struct {
		preset string
		label  func() string
		want   []string
	}{
		{"epoch-1gw-2026", func() string { return v.AnnualCost.Text }, []string{"$8.51B"}},
		{"epoch-1gw-2026", func() string { return v.Required.Text }, []string{"$17B"}},
		{"li-2027-low", func() string { return v.Withdrawal.Text }, []string{"4.2 billion m³", "4.29× Denmark"}},
		{"li-2027-high", func() string { return v.Withdrawal.Text }, []string{"6.62 billion m³"}},
		{"three-mile-island", func() string { return v.Supply.Text }, []string{"835 MW", "75.9%"}},
		{"jean-zay", func() string { return v.Heat.Text }, []string{"about 999 homes"}},
	}
	for _, c := range cases {
		t.Run(c.preset, func(t *testing.T) {
			v.Preset.SetSelected(c.preset)
			for _, w := range c.want {
				if got := c.label(); !strings.Contains(got, w) {
					t.Errorf("%s: want %q in %q", c.preset, w, got)
				}
			}
			if v.Sources["pue"].Text == "" || !strings.Contains(v.SourceList.Text, "LI-THIRSTY: P. Li") {
				t.Errorf("want the pue's source and the citations shown, got %q", v.Sources["pue"].Text)
			}
		})
	}
	t.Run("capex sizes the build-out", func(t *testing.T) {
		v.Preset.SetSelected("epoch-1gw-2026")
		retype(win, v.Entries["capex"], "380B")
		if !strings.Contains(v.Capacity.Text, "10 GW") {
			t.Errorf("want 10 GW from $380B at $38B/GW, got %q", v.Capacity.Text)
		}
	})
	t.Run("refused text", func(t *testing.T) {
		before := v.AnnualCost.Text
		retype(win, v.Entries["margin"], "abc")
		if !v.Status.Visible() || !strings.Contains(v.Status.Text, "margin") {
			t.Errorf("want margin marked and named, status %q", v.Status.Text)
		}
		retype(win, v.Entries["margin"], "50%")
		retype(win, v.Entries["pue"], "0.5")
		if !strings.Contains(v.Status.Text, "1 to 3") {
			t.Errorf("want the pue range in %q", v.Status.Text)
		}
		if v.AnnualCost.Text != before {
			t.Errorf("want the last valid results kept, got %q (was %q)", v.AnnualCost.Text, before)
		}
	})
	if !strings.Contains(v.CoolingTable.Text, "20-30%") {
		t.Errorf("want the cooling claim checked in %q", v.CoolingTable.Text)
	}
}

// TestIndustryScreenshot writes the window at 1366x768 with the real theme
// and the Industry tab open when -industry-screenshot is given.
func TestIndustryScreenshot(t *testing.T) {
	if *industryShot == "" {
		t.Skip("no -industry-screenshot path")
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	cat, defs := testData(t)
	data, err := assets.Industry()
	if err != nil {
		t.Fatal(err)
	}
	v := NewIndustryView(cat, data)
	win := test.NewTempWindow(t, nil)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Views: []View{v.View()}})
	win.Resize(fyne.NewSize(1366, float32(*industryHeight)))
	w.Tabs.SelectIndex(1)
	done := make(chan struct{}, 8)
	v.latest.finished = func() { done <- struct{}{} }
	v.Preset.SetSelected(*industryPreset)
	for {
		select {
		case <-done:
			continue
		case <-time.After(3 * time.Second):
		}
		break
	}
	f, err := os.Create(*industryShot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
