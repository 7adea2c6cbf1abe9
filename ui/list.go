package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (w *Window) buildList() fyne.CanvasObject {
	w.List = &scenarioList{}
	w.List.Length = func() int { return len(w.file.Scenarios) }
	w.List.CreateItem = func() fyne.CanvasObject {
		l := widget.NewLabel("Scenario name")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	w.List.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(w.file.Scenarios) {
			return
		}
		name := w.file.Scenarios[id].Name
		if name == w.file.Baseline {
			name += "  (baseline)"
		}
		o.(*widget.Label).SetText(name)
	}
	w.List.onKey = w.listKey
	ring := canvas.NewRectangle(color.Transparent)
	w.listRing = ring
	ring.StrokeWidth = 2
	ring.CornerRadius = theme.InputRadiusSize()
	ring.Hide()
	w.List.onFocus = func(on bool) {
		if !on {
			ring.Hide()
			return
		}
		ring.StrokeColor = theme.Color(theme.ColorNameFocus)
		ring.Show()
		ring.Refresh()
	}
	w.List.ExtendBaseWidget(w.List)
	w.List.OnSelected = func(id widget.ListItemID) {
		if !w.selecting {
			w.Select(id)
		}
	}
	w.NewButton = widget.NewButtonWithIcon("", theme.ContentAddIcon(), w.NewScenario)
	w.DuplicateButton = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), w.Duplicate)
	w.DeleteButton = widget.NewButtonWithIcon("", theme.DeleteIcon(), w.confirmDelete)
	w.UpButton = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { w.Move(-1) })
	w.DownButton = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { w.Move(1) })
	buttons := container.NewGridWithColumns(5, w.NewButton, w.DuplicateButton, w.DeleteButton, w.UpButton, w.DownButton)
	// The buttons sit above the list and come before it in the container,
	// so that Tab goes from the list straight to the editor.
	top := container.NewVBox(heading("Scenarios"), buttons)
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, container.NewStack(w.List, ring))
}

// listPage is how far Page Up and Page Down move in the scenario list.
const listPage = 10

// listKey handles a key typed on the focused scenario list and reports
// whether it did.
func (w *Window) listKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyUp:
		w.Select(w.selected - 1)
	case fyne.KeyDown:
		w.Select(w.selected + 1)
	case fyne.KeyPageUp:
		w.Select(max(0, w.selected-listPage))
	case fyne.KeyPageDown:
		w.Select(min(len(w.file.Scenarios)-1, w.selected+listPage))
	case fyne.KeyHome:
		w.Select(0)
	case fyne.KeyEnd:
		w.Select(len(w.file.Scenarios) - 1)
	case fyne.KeySpace:
		// The selected scenario is the one the keys act on: nothing to do.
	case fyne.KeyReturn, fyne.KeyEnter:
		w.Window.Canvas().Focus(w.Editor.Name)
	default:
		return w.key(k)
	}
	return true
}

// key handles the window's keys without a modifier (F2: Rename) wherever
// the focus is: Fyne hands such keys to the focused widget, not the menu.
func (w *Window) key(k fyne.KeyName) bool {
	if k != fyne.KeyF2 {
		return false
	}
	w.Rename()
	return true
}

// scenarioList is a widget.List whose arrow keys select (the plain List
// moves a focus mark of its own until Space). It keeps no such mark: with
// the keyboard focus, a ring around the list shows it, and the selection
// shows the scenario the keys act on.
type scenarioList struct {
	widget.List
	// onKey handles a key and reports whether it did.
	onKey func(fyne.KeyName) bool
	// onFocus shows (true) or hides the focus ring.
	onFocus func(bool)
}

// TypedKey hands every key to onKey (the window's listKey).
func (l *scenarioList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey != nil {
		l.onKey(ev.Name)
	}
}

// FocusGained shows the focus ring. List's own FocusGained is not called:
// it would draw its mark on an item that the selection does not follow.
func (l *scenarioList) FocusGained() {
	if l.onFocus != nil {
		l.onFocus(true)
	}
}

// FocusLost hides the focus ring.
func (l *scenarioList) FocusLost() {
	if l.onFocus != nil {
		l.onFocus(false)
	}
}
