package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// Screens of issue 19: a 13-15" laptop and a desktop monitor.
var testScreens = []fyne.Size{{Width: 1366, Height: 768}, {Width: 1920, Height: 1080}}

// clippedLabels walks the rendered tree under o and returns every shown
// label whose minimum size does not fit the size it was given (its text
// is cut off), as "text: min WxH > size WxH".
func clippedLabels(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if l, ok := o.(*widget.Label); ok {
			min, got := l.MinSize(), l.Size()
			if l.Truncation != fyne.TextTruncateOff && l.Wrapping == fyne.TextWrapOff {
				// A truncating label's MinSize is small: measure its text.
				min.Width = fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
			}
			if got.Width > 0 && (min.Width > got.Width+0.5 || min.Height > got.Height+0.5) {
				out = append(out, fmt.Sprintf("%q: min %.0fx%.0f > size %.0fx%.0f", l.Text, min.Width, min.Height, got.Width, got.Height))
			}
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestWindowFitsScreens: the window opens no larger than a 1366x768
// screen, and at 1366x768 and 1920x1080 no label of any tab is cut off.
func TestWindowFitsScreens(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	gap, err := NewGapView(cat)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow },
		Views: []View{NewCompareView(cat).View(), NewChartsView(cat, win).View(), NewUncertaintyView(cat, win).View(),
			IndustryLevel(gap.View()), IndustryLevel(NewBacktestView(cat).View())}})
	start := StartSize(a.Preferences())
	for _, screen := range testScreens {
		if start.Width > screen.Width || start.Height > screen.Height {
			t.Errorf("start size %v exceeds the %v screen", start, screen)
		}
	}
	for _, screen := range testScreens {
		win.Resize(screen)
		for i, tab := range w.Tabs.Items {
			t.Run(fmt.Sprintf("%.0fx%.0f/%s", screen.Width, screen.Height, tab.Text), func(t *testing.T) {
				w.Tabs.SelectIndex(i)
				win.Content().Refresh()
				if s := win.Canvas().Size(); s.Width > screen.Width || s.Height > screen.Height {
					t.Errorf("window %v larger than the screen %v", s, screen)
				}
				if bad := clippedLabels(win.Content()); len(bad) > 0 {
					t.Errorf("%d labels cut off:\n%s", len(bad), strings.Join(bad, "\n"))
				}
			})
		}
	}
}

// TestEditorCollapses: industry-level tabs hide the scenario list and the
// editor; the training-scenario tabs show them.
func TestEditorCollapses(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow },
		Views: []View{NewCompareView(cat).View(), IndustryLevel(NewBacktestView(cat).View())}})
	win.Resize(testScreens[0])
	for i, want := range []bool{true, true, false} {
		w.Tabs.SelectIndex(i)
		if got := w.EditorShown(); got != want {
			t.Errorf("tab %q: editor shown %v, want %v", w.Tabs.Items[i].Text, got, want)
		}
	}
	w.Tabs.SelectIndex(2)
	if got, min := w.Tabs.Size().Width, float32(testScreens[0].Width)-50; got < min {
		t.Errorf("industry tab: width %.0f, want the whole window (>= %.0f)", got, min)
	}
}

// TestStartSize: the window opens at 1280x720 or smaller, a remembered
// size is clamped.
func TestStartSize(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h float64
		want fyne.Size
	}{
		{"first start", 0, 0, MaxStartSize},
		{"remembered smaller", 1000, 600, fyne.NewSize(1000, 600)},
		{"remembered larger than a laptop screen", 2560, 1440, MaxStartSize},
		{"remembered tiny", 10, -5, MinStartSize},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			p := a.Preferences()
			if c.w != 0 {
				p.SetFloat(prefWidth, c.w)
				p.SetFloat(prefHeight, c.h)
			}
			if got := StartSize(p); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if MaxStartSize.Width > 1366 || MaxStartSize.Height > 768-40 {
		t.Errorf("MaxStartSize %v does not fit 1366x768 with a title bar", MaxStartSize)
	}
}

// compactGPUh is a compact GPU-hours figure, e.g. "57M GPU-h (+3%)".
var compactGPUh = regexp.MustCompile(`^[0-9.]+[kMBT]? GPU-h( \([+-]?[0-9]+%\))?$`)

// TestCompareMatrix: compact figures, the full value in the detail line,
// deltas as a toggle, sticky labels, and all six built-in scenarios in
// view in a 1920-wide window.
func TestCompareMatrix(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	cv := NewCompareView(cat)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow }, Views: []View{cv.View()}})
	win.Resize(testScreens[1])
	w.Tabs.SelectIndex(1)
	row := func(path string) int {
		for i, o := range planner.Outputs {
			if o.Path == path {
				return i + 1
			}
		}
		t.Fatalf("no output %s", path)
		return 0
	}
	col := 0
	for c := 1; c <= len(cv.Columns()); c++ {
		if cv.Columns()[c-1] == "GPT-4 class" {
			col = c
		}
	}
	gh := cv.CellText(row("gpuHours"), col)
	if !compactGPUh.MatchString(gh) {
		t.Errorf("GPU-hours: want a compact figure like \"57M GPU-h\", got %q", gh)
	}
	cv.Table.Select(widget.TableCellID{Row: row("gpuHours"), Col: col})
	if d := cv.Detail.Text; !strings.Contains(d, "GPT-4 class") || !strings.Contains(d, "million GPU-hours") {
		t.Errorf("detail: want the full value, got %q", d)
	}
	for r := 1; r <= len(planner.Outputs); r++ {
		for c := 1; c <= len(cv.Columns()); c++ {
			if s := cv.CellText(r, c); strings.Contains(s, "%)") {
				t.Fatalf("deltas off (the default): cell %d,%d still %q", r, c, s)
			}
		}
	}
	cv.Deltas.SetChecked(true)
	if s := cv.CellText(row("gpuHours"), col%len(cv.Columns())+1); !strings.Contains(s, "%)") && !strings.Contains(s, "(=)") {
		t.Errorf("deltas on: want a change against the baseline, got %q", s)
	}
	cv.Deltas.SetChecked(false)
	if cv.Table.StickyColumnCount != 1 || cv.Table.StickyRowCount != 1 {
		t.Errorf("want the labels and names sticky")
	}
	total := cv.labelWidth()
	for c := 1; c <= len(cv.Columns()); c++ {
		total += cv.columnWidth(c)
	}
	if n := len(cv.Columns()); n != 6 {
		t.Fatalf("want the 6 built-in scenarios, got %d", n)
	}
	if got := cv.Table.Size().Width; total > got {
		t.Errorf("1920 wide: the six columns need %.0f, the table has %.0f", total, got)
	}
}

// TestRememberSize: the size at close is the next start size, clamped.
func TestRememberSize(t *testing.T) {
	for _, c := range []struct {
		name       string
		size, want fyne.Size
	}{
		{"fits", fyne.NewSize(1000, 600), fyne.NewSize(1000, 600)},
		{"maximised on a large screen", fyne.NewSize(1920, 1080), MaxStartSize},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newTestWindow(t)
			w.Window.Resize(c.size)
			w.rememberSize()
			if got := StartSize(w.prefs); got != c.want {
				t.Errorf("start size after closing at %v: got %v, want %v", c.size, got, c.want)
			}
		})
	}
}

// TestViewMenuTabs: View > (tab), Ctrl+1 to Ctrl+9, shows each tab; an
// industry-level one collapses the editor.
func TestViewMenuTabs(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow },
		Views: []View{NewCompareView(cat).View(), IndustryLevel(NewBacktestView(cat).View())}})
	if len(w.Actions.Tabs) != len(w.Tabs.Items) {
		t.Fatalf("View menu: want %d items, got %d", len(w.Tabs.Items), len(w.Actions.Tabs))
	}
	for i, it := range w.Actions.Tabs {
		if it.Label != w.Tabs.Items[i].Text {
			t.Errorf("item %d: label %q, want %q", i, it.Label, w.Tabs.Items[i].Text)
		}
		if sc, ok := it.Shortcut.(interface{ ShortcutName() string }); !ok || !strings.HasSuffix(sc.ShortcutName(), fmt.Sprint(i+1)) {
			t.Errorf("item %d: want Ctrl+%d, got %v", i, i+1, it.Shortcut)
		}
		it.Action()
		if w.Tabs.SelectedIndex() != i {
			t.Errorf("item %d: selected tab %d", i, w.Tabs.SelectedIndex())
		}
		if want := i != 2; w.EditorShown() != want {
			t.Errorf("item %d: editor shown %v, want %v", i, w.EditorShown(), want)
		}
	}
}

// TestToggleEditor: View > Show or Hide Scenario Editor gives a training
// tab the whole width and brings the editor back.
func TestToggleEditor(t *testing.T) {
	w := newTestWindow(t)
	w.Window.Resize(testScreens[0])
	before := w.Tabs.Size().Width
	w.Actions.ToggleEditor.Action()
	if w.EditorShown() || w.Tabs.Size().Width <= before {
		t.Errorf("hidden: editor shown %v, tabs %.0f wide (was %.0f)", w.EditorShown(), w.Tabs.Size().Width, before)
	}
	w.Actions.ToggleEditor.Action()
	if !w.EditorShown() {
		t.Error("shown again: want the editor")
	}
}
