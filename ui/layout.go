package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The window opens at most MaxStartSize so that it fits a 1366x768 laptop
// screen with its title bar and task bar: Fyne has no screen-size API, so
// a remembered size is clamped to this bound rather than to the screen.
var MaxStartSize = fyne.NewSize(1280, 720)

// MinStartSize is the smallest size the window reopens at.
var MinStartSize = fyne.NewSize(800, 500)

// Preference keys of the window size kept between runs.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// StartSize is the size the window opens at: the size it had when it was
// last closed, clamped to [MinStartSize, MaxStartSize]; MaxStartSize the
// first time.
func StartSize(p fyne.Preferences) fyne.Size {
	s := MaxStartSize
	if p != nil {
		s = fyne.NewSize(float32(p.FloatWithFallback(prefWidth, float64(s.Width))),
			float32(p.FloatWithFallback(prefHeight, float64(s.Height))))
	}
	return fyne.NewSize(clamp(s.Width, MinStartSize.Width, MaxStartSize.Width),
		clamp(s.Height, MinStartSize.Height, MaxStartSize.Height))
}

// clamp bounds v to [lo, hi]; a NaN (a hand-edited preference) gives hi.
func clamp(v, lo, hi float32) float32 {
	switch {
	case v != v || v > hi:
		return hi
	case v < lo:
		return lo
	}
	return v
}

// rememberSize keeps the window's size for the next start.
func (w *Window) rememberSize() {
	s := w.Window.Canvas().Size()
	if s.Width > 0 && s.Height > 0 {
		w.prefs.SetFloat(prefWidth, float64(s.Width))
		w.prefs.SetFloat(prefHeight, float64(s.Height))
	}
}

// buildTabs puts the Results tab and one tab per view in w.Tabs; showing
// an industry-level tab collapses the scenario list and the editor.
func (w *Window) buildTabs(results fyne.CanvasObject, views []View) {
	w.Tabs = container.NewAppTabs(container.NewTabItemWithIcon("Results", theme.GridIcon(), results))
	w.industry = []bool{false}
	for _, v := range views {
		// A scroll keeps a wide tab from widening the whole window: the
		// content still fills the tab when there is room.
		w.Tabs.Append(container.NewTabItem(v.Title, container.NewScroll(v.Content)))
		w.industry = append(w.industry, v.Industry || v.Update == nil)
	}
	w.Tabs.OnSelected = func(*container.TabItem) { w.fitTab() }
}

// EditorShown reports whether the scenario list and editor are shown (the
// selected tab reads the selected scenario).
func (w *Window) EditorShown() bool { return w.Editor.Content.Visible() }

// ToggleEditor hides the scenario list and editor on every tab (more room
// for a wide chart or table on a laptop screen), or brings them back on
// the tabs about the selected scenario (View > Show or Hide Editor).
func (w *Window) ToggleEditor() {
	w.editorHidden = !w.editorHidden
	w.fitTab()
}

// fitTab shows the scenario list and editor for a tab about the selected
// training scenario and hides them for an industry-level tab.
func (w *Window) fitTab() {
	i := w.Tabs.SelectedIndex()
	wide := w.editorHidden || (i >= 0 && i < len(w.industry) && w.industry[i])
	for _, o := range []fyne.CanvasObject{w.Editor.Content, w.listPane} {
		if wide {
			o.Hide()
		} else {
			o.Show()
		}
	}
	w.split.Refresh()
	w.main.Refresh()
}
