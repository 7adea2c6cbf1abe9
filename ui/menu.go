package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// Actions are the main menu's items, so tests can trigger them.
type Actions struct {
	NewSet, Open, Recent, Save, SaveAs, ImportExcel, ExportExcel, Quit *fyne.MenuItem
	NewScenario, Duplicate, Rename, Delete, MoveUp, MoveDown, Sweep    *fyne.MenuItem
	ToggleRange                                                        *fyne.MenuItem
	Keyboard, About                                                    *fyne.MenuItem
}

func shortcut(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func (w *Window) buildMenu() {
	a := &w.Actions
	a.NewSet = item("New Set from Built-in Scenarios", nil, w.NewSet)
	a.Open = item("Open…", shortcut(fyne.KeyO, ctrl), w.Open)
	a.Recent = fyne.NewMenuItem("Open Recent", nil)
	a.Recent.ChildMenu = fyne.NewMenu("")
	a.Save = item("Save", shortcut(fyne.KeyS, ctrl), w.Save)
	a.SaveAs = item("Save As…", shortcut(fyne.KeyS, ctrlShift), w.SaveAs)
	a.ImportExcel = item("Import from Excel…", nil, w.ImportExcel)
	a.ImportExcel.Disabled = w.opts.ImportExcel == nil
	a.ExportExcel = item("Export to Excel…", shortcut(fyne.KeyE, ctrl), w.ExportExcel)
	a.ExportExcel.Disabled = w.opts.ExportExcel == nil
	a.Quit = item("Quit", shortcut(fyne.KeyQ, ctrl), func() { w.confirmDiscard(w.app.Quit) })
	a.Quit.IsQuit = true

	a.NewScenario = item("New Scenario", shortcut(fyne.KeyN, ctrl), w.NewScenario)
	a.Duplicate = item("Duplicate", shortcut(fyne.KeyD, ctrl), w.Duplicate)
	a.Rename = item("Rename", shortcut(fyne.KeyF2, 0), w.Rename)
	a.Delete = item("Delete…", nil, w.confirmDelete)
	a.MoveUp = item("Move Up", shortcut(fyne.KeyUp, fyne.KeyModifierAlt), func() { w.Move(-1) })
	a.MoveDown = item("Move Down", shortcut(fyne.KeyDown, fyne.KeyModifierAlt), func() { w.Move(1) })
	a.Sweep = item("Sweep…", nil, w.ShowSweep)
	a.ToggleRange = item("Show or Hide Input Range", shortcut(fyne.KeyR, ctrl), w.ToggleRange)
	a.Keyboard = item("Keyboard", nil, w.ShowKeyboard)
	a.About = item("About AI Cost Planner", nil, w.ShowAbout)

	w.Menu = fyne.NewMainMenu(
		fyne.NewMenu("File", a.NewSet, a.Open, a.Recent, fyne.NewMenuItemSeparator(), a.Save, a.SaveAs,
			fyne.NewMenuItemSeparator(), a.ImportExcel, a.ExportExcel, fyne.NewMenuItemSeparator(), a.Quit),
		fyne.NewMenu("Scenario", a.NewScenario, a.Duplicate, a.Rename, a.Delete, fyne.NewMenuItemSeparator(), a.MoveUp, a.MoveDown,
			fyne.NewMenuItemSeparator(), a.ToggleRange, a.Sweep),
		fyne.NewMenu("Help", a.Keyboard, a.About),
	)
	w.updateRecentMenu()
	w.Window.SetMainMenu(w.Menu)
	// F2 has no modifier, so neither the menu nor the canvas shortcuts
	// catch it in the real window: the focused widget gets it (the list,
	// the editor's inputs: Window.key), or with no focus, the canvas.
	w.Window.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF2}, func(fyne.Shortcut) { w.Rename() })
	w.Window.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.key(ev.Name) })
}

func (w *Window) updateRecentMenu() {
	if w.Actions.Recent == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, s := range w.RecentFiles() {
		uri, err := storage.ParseURI(s)
		if err != nil {
			continue
		}
		items = append(items, fyne.NewMenuItem(uri.Path(), func() {
			w.confirmDiscard(func() { w.OpenURI(uri) }) //nolint:errcheck // shown in a dialog
		}))
	}
	w.Actions.Recent.ChildMenu.Items = items
	w.Actions.Recent.Disabled = len(items) == 0
	if w.Menu != nil {
		w.Menu.Refresh()
	}
}

func (w *Window) confirmDelete() {
	if len(w.file.Scenarios) <= 1 {
		return
	}
	dialog.ShowConfirm("Delete scenario", "Delete the scenario \""+w.current().Name+"\"?", func(ok bool) {
		if ok {
			w.Delete()
		}
	}, w.Window)
}

// ShowSweep opens the sweep dialog on the selected scenario; the grid it
// produces is added to the set.
func (w *Window) ShowSweep() {
	d := NewSweepDialog(w.cat, w.current().Clone(), w.Window)
	d.OnResult = w.AddScenarios
	d.Show()
}

// ToggleRange shows or hides the uncertainty range of the input that has,
// or last had, the keyboard focus (the ± beside it); shown, the focus moves
// to its "low" entry, hidden, back to the input.
func (w *Window) ToggleRange() {
	key := w.Editor.FocusKey()
	if key == "" {
		return
	}
	if w.Editor.toggleRange(key) {
		w.Window.Canvas().Focus(w.Editor.Ranges[key].Low)
		return
	}
	w.Window.Canvas().Focus(w.Editor.Entries[key])
}

// KeyboardText lists the keys of the window, one per line.
func KeyboardText() []string {
	return []string{
		"Tab, Shift+Tab: next, previous input (list, name, note, then each input in order)",
		"Up, Down, Home, End on the list: select a scenario; Enter: edit its name",
		"Empty an input: back to the catalogue default",
		"Ctrl+R: show or hide the low / likely / high range of the input",
		"Ctrl+N new scenario, Ctrl+D duplicate, F2 rename, Alt+Up / Alt+Down move",
		"Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, Ctrl+E export to Excel, Ctrl+Q quit",
	}
}

// ShowKeyboard lists the keys of the window (Help > Keyboard).
func (w *Window) ShowKeyboard() {
	lines := KeyboardText()
	objs := make([]fyne.CanvasObject, len(lines))
	for i, l := range lines {
		objs[i] = widget.NewLabel(l)
	}
	dialog.ShowCustom("Keyboard", "Close", container.NewVBox(objs...), w.Window)
}

// ShowAbout shows the app's name, version and ID and the catalogue version.
func (w *Window) ShowAbout() {
	dialog.ShowCustom("About AI Cost Planner", "Close", w.AboutContent(), w.Window)
}

// AboutText lists the lines of the about box: the app's name, version and
// ID, and the catalogue version.
func (w *Window) AboutText() []string {
	m := w.app.Metadata()
	name := m.Name
	if name == "" {
		name = AppTitle
	}
	version := m.Version
	if version == "" {
		version = "development build"
	}
	return []string{
		name,
		"Version " + version + " · " + m.ID,
		"Reference catalogue " + w.cat.Version + " (" + w.cat.Date + ")",
		"Costs in " + planner.CurrencyNote,
		"Catalogue values older than two years are marked as possibly stale.",
	}
}

// AboutContent is the body of the about box.
func (w *Window) AboutContent() fyne.CanvasObject {
	lines := w.AboutText()
	objs := []fyne.CanvasObject{heading(lines[0])}
	for _, l := range lines[1:] {
		objs = append(objs, widget.NewLabel(l))
	}
	return container.NewVBox(objs...)
}
