package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The editor's own widgets: an entry and a select that report the keyboard
// focus (the editor scrolls them into view) and a button Tab passes by.

// editorEntry is an entry of the editor that moves the keyboard focus on
// Tab even when multi-line (the note is no trap) and calls onFocus when it
// gains the focus, so that the editor scrolls it into view.
type editorEntry struct {
	widget.Entry
	onFocus func()
	// onBlur is called when the entry loses the focus.
	onBlur func()
	// onKey may handle a key first (F2), reporting whether it did.
	onKey func(fyne.KeyName) bool
}

func newEditorEntry(multiLine bool) *editorEntry {
	e := &editorEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained marks the entry focused and reveals it.
func (e *editorEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost marks the entry unfocused and reports it.
func (e *editorEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// TypedKey offers the key to onKey, then types it.
func (e *editorEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey == nil || !e.onKey(ev.Name) {
		e.Entry.TypedKey(ev)
	}
}

// AcceptsTab reports false: Tab moves to the next input, also in the note.
func (e *editorEntry) AcceptsTab() bool { return false }

// editorSelect is a select of the editor that calls onFocus when it gains
// the keyboard focus, so that the editor scrolls it into view.
type editorSelect struct {
	widget.Select
	onFocus func()
	onKey   func(fyne.KeyName) bool
}

// TypedKey offers the key to onKey, then to the select.
func (s *editorSelect) TypedKey(ev *fyne.KeyEvent) {
	if s.onKey == nil || !s.onKey(ev.Name) {
		s.Select.TypedKey(ev)
	}
}

// FocusGained marks the select focused and reveals it.
func (s *editorSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// pointerButton is a button that Tab passes by, for a pointer shortcut
// whose keyboard way is elsewhere (the ± toggle: Ctrl+R; the reset: empty
// the entry), so that Tab goes from input to input. Fyne has no option
// for it: pointerButton embeds both Button and notFocusable, whose
// FocusGained methods sit at the same depth, so neither is promoted, the
// type is no fyne.Focusable and the focus manager skips it. It still taps,
// hovers and disables as a Button.
type pointerButton struct {
	widget.Button
	notFocusable
}

type notFocusable struct{}

func (notFocusable) FocusGained() {}

func newPointerButton(label string, icon fyne.Resource, tapped func()) *pointerButton {
	b := &pointerButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}
