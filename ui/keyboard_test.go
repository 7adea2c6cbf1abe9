package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// focusName names a focusable of the window for the focus-order tests:
// "list", "name", "note", "select:<choice key>", "entry:<field key>",
// "range:<field key>.low" (or likely, high, dist, clear), else its type.
func focusName(w *Window, f fyne.Focusable) string {
	switch f {
	case nil:
		return "nil"
	case w.List:
		return "list"
	case w.Editor.Name:
		return "name"
	case w.Editor.Note:
		return "note"
	}
	for k, s := range w.Editor.Selects {
		if f == s {
			return "select:" + k
		}
	}
	for k, e := range w.Editor.Entries {
		if f == e {
			return "entry:" + k
		}
	}
	for k, r := range w.Editor.Ranges {
		switch f {
		case r.Low:
			return "range:" + k + ".low"
		case r.Likely:
			return "range:" + k + ".likely"
		case r.High:
			return "range:" + k + ".high"
		case r.Dist:
			return "range:" + k + ".dist"
		case r.Clear:
			return "range:" + k + ".clear"
		}
	}
	return fmt.Sprintf("%T", f)
}

// editorOrder is the display order of the editor's inputs: name, note,
// then per group its selects and its quantity entries.
func editorOrder() []string {
	out := []string{"name", "note"}
	for _, g := range planner.Groups {
		for _, k := range planner.ChoiceKeys {
			if choiceGroup[k] == g {
				out = append(out, "select:"+k)
			}
		}
		for _, f := range planner.Fields {
			if f.Group == g {
				out = append(out, "entry:"+f.Key)
			}
		}
	}
	return out
}

// tabWalk presses Tab n times from the focused object and names each
// object that gets the focus.
func tabWalk(w *Window, n int) []string {
	var got []string
	for range n {
		w.Window.Canvas().FocusNext()
		got = append(got, focusName(w, w.Window.Canvas().Focused()))
	}
	return got
}

func TestTabOrder(t *testing.T) {
	w := newTestWindow(t)
	c := w.Window.Canvas()
	if got := focusName(w, c.Focused()); got != "list" {
		t.Fatalf("focus at start: want the scenario list, got %s", got)
	}
	want := append([]string{"list"}, editorOrder()...)
	got := append([]string{"list"}, tabWalk(w, len(want)-1)...)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tab %d: want %s, got %s\nwant %v\ngot  %v", i, want[i], got[i], want, got)
		}
	}
	// Shift+Tab walks back the same way.
	c.FocusPrevious()
	if g := focusName(w, c.Focused()); g != want[len(want)-2] {
		t.Errorf("Shift+Tab from the last input: want %s, got %s", want[len(want)-2], g)
	}
	// The first ten stops, spelled out, so a change of order reads plainly.
	first := []string{"list", "name", "note", "entry:params", "entry:active-params", "entry:tokens",
		"entry:tokens-per-param", "entry:flops", "entry:efficiency", "entry:year"}
	if strings.Join(got[:10], " ") != strings.Join(first, " ") {
		t.Errorf("first stops: want %v, got %v", first, got[:10])
	}
}

func TestTabSkipsToggleAndReset(t *testing.T) {
	w := newTestWindow(t)
	if _, ok := any(newPointerButton("±", nil, nil)).(fyne.Focusable); ok {
		t.Fatal("pointerButton: want no fyne.Focusable, got one")
	}
	// "Training compute" (flops) is set in the GPT-4 class, so its reset is
	// enabled: Tab still goes from its entry to the next entry.
	c := w.Window.Canvas()
	c.Focus(w.Editor.Entries[planner.KeyFLOPs])
	if w.Editor.Reset[planner.KeyFLOPs].Disabled() {
		t.Fatal("reset of flops: want enabled in the GPT-4 class")
	}
	c.FocusNext()
	if got := focusName(w, c.Focused()); got != "entry:"+planner.KeyEfficiency {
		t.Errorf("Tab from flops: want entry:%s, got %s", planner.KeyEfficiency, got)
	}
	// The toggle still works with the pointer, and the reset too.
	test.Tap(w.Editor.RangeToggle[planner.KeyFLOPs])
	if !w.Editor.Ranges[planner.KeyFLOPs].Content.Visible() {
		t.Error("± of flops: want the range shown after a tap")
	}
}

func TestRangeByKeyboard(t *testing.T) {
	w := newTestWindow(t)
	c := w.Window.Canvas()
	key := planner.KeyMFU
	c.Focus(w.Editor.Entries[key])
	rg := w.Editor.Ranges[key]
	w.Actions.ToggleRange.Action()
	if !rg.Content.Visible() {
		t.Fatal("Ctrl+R: want the range shown")
	}
	if c.Focused() != rg.Low {
		t.Fatalf("Ctrl+R: want the focus on the low entry, got %s", focusName(w, c.Focused()))
	}
	want := []string{"range:mfu.likely", "range:mfu.high", "range:mfu.dist", "range:mfu.clear", "entry:" + planner.KeyGoodput}
	if got := tabWalk(w, len(want)); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Tab through the range: want %v, got %v", want, got)
	}
	// Ctrl+R again (the goodput entry has the focus now) hides goodput's
	// range only if it was shown: show and hide it.
	w.Actions.ToggleRange.Action()
	w.Actions.ToggleRange.Action()
	if w.Editor.Ranges[planner.KeyGoodput].Content.Visible() {
		t.Error("Ctrl+R twice: want goodput's range hidden")
	}
	if c.Focused() != w.Editor.Entries[planner.KeyGoodput] {
		t.Errorf("Ctrl+R to hide: want the focus back on the input, got %s", focusName(w, c.Focused()))
	}
}

func TestEveryInputReachableAndRevealed(t *testing.T) {
	w := newTestWindow(t)
	c := w.Window.Canvas()
	seen := map[string]bool{}
	view := w.Editor.Content.Size().Height
	if view <= 0 {
		t.Fatal("editor: want a laid-out scroll")
	}
	for range 200 {
		c.FocusNext()
		f := c.Focused()
		name := focusName(w, f)
		if seen[name] {
			break
		}
		seen[name] = true
		obj, ok := f.(fyne.CanvasObject)
		if !ok || !strings.Contains(name, ":") && name != "name" && name != "note" {
			continue
		}
		pos, ok := positionIn(w.Editor.Content.Content, obj)
		if !ok {
			t.Errorf("%s: not found in the editor", name)
			continue
		}
		top := pos.Y - w.Editor.Content.Offset.Y
		if top < 0 || top+obj.Size().Height > view {
			t.Errorf("%s: want in view after Tab, got top %.0f, height %.0f, view %.0f", name, top, obj.Size().Height, view)
		}
	}
	for _, f := range planner.Fields {
		if !seen["entry:"+f.Key] {
			t.Errorf("entry %s: not reached by Tab", f.Key)
		}
	}
	for _, k := range planner.ChoiceKeys {
		if !seen["select:"+k] {
			t.Errorf("select %s: not reached by Tab", k)
		}
	}
	if w.Editor.Content.Offset.Y == 0 {
		t.Error("editor: want scrolled down after reaching the last input")
	}
	// Back on the name (F2), the editor scrolls up to its top.
	w.Rename()
	if w.Editor.Content.Offset.Y != 0 {
		t.Errorf("name focused: want the editor at the top, got offset %.0f", w.Editor.Content.Offset.Y)
	}
}

func TestListKeyboard(t *testing.T) {
	w := newTestWindow(t)
	c := w.Window.Canvas()
	c.Focus(w.List)
	n := len(w.File().Scenarios)
	steps := []struct {
		key  fyne.KeyName
		want int
	}{
		{fyne.KeyDown, 1},
		{fyne.KeyDown, 2},
		{fyne.KeyUp, 1},
		{fyne.KeyEnd, n - 1},
		{fyne.KeyDown, n - 1},
		{fyne.KeyHome, 0},
		{fyne.KeyUp, 0},
	}
	for _, s := range steps {
		w.List.TypedKey(&fyne.KeyEvent{Name: s.key})
		if got := w.Selected(); got != s.want {
			t.Fatalf("%s: want scenario %d selected, got %d", s.key, s.want, got)
		}
		if got, want := w.Editor.Name.Text, w.File().Scenarios[s.want].Name; got != want {
			t.Errorf("%s: want the editor on %q, got %q", s.key, want, got)
		}
	}
	// Space keeps the selection: it is what the keys act on.
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := w.Selected(); got != 1 {
		t.Errorf("Space: want scenario 1 kept, got %d", got)
	}
	// Arrows go on from a selection made elsewhere (the menu).
	w.Actions.MoveDown.Action()
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := w.Selected(); got != 3 {
		t.Errorf("Down after Move Down: want scenario 3, got %d", got)
	}
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	if got := w.Selected(); got != 0 {
		t.Errorf("Page Up: want scenario 0, got %d", got)
	}
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if got := w.Selected(); got != n-1 {
		t.Errorf("Page Down: want the last scenario (%d), got %d", n-1, got)
	}
	if !w.listRing.Visible() {
		t.Error("focused list: want its focus ring shown")
	}
	w.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != w.Editor.Name {
		t.Errorf("Enter: want the focus on the name, got %s", focusName(w, c.Focused()))
	}
	if w.listRing.Visible() {
		t.Error("list without the focus: want no focus ring")
	}
}

func TestNoteDoesNotTrapTab(t *testing.T) {
	w := newTestWindow(t)
	if w.Editor.Note.AcceptsTab() {
		t.Error("note: want Tab to move on, got it typed into the note")
	}
	if !w.Editor.Note.MultiLine {
		t.Error("note: want multi-line")
	}
}

func TestKeyboardHelp(t *testing.T) {
	w := newTestWindow(t)
	w.Actions.Keyboard.Action()
	text := strings.Join(KeyboardText(), "\n")
	for _, want := range []string{"Tab", "Ctrl+R", "catalogue default", "Home"} {
		if !strings.Contains(text, want) {
			t.Errorf("keyboard help: want %q, got %q", want, text)
		}
	}
	if sc, ok := w.Actions.ToggleRange.Shortcut.(interface{ ShortcutName() string }); !ok || !strings.Contains(sc.ShortcutName(), "R") {
		t.Errorf("Show or Hide Input Range: want a Ctrl+R shortcut, got %v", w.Actions.ToggleRange.Shortcut)
	}
}

// TestF2Renames checks F2 where the real window delivers it: to the
// focused widget (Fyne matches no shortcut for a key without modifier),
// or to the canvas when nothing has the focus.
func TestF2Renames(t *testing.T) {
	f2 := &fyne.KeyEvent{Name: fyne.KeyF2}
	tests := []struct {
		name string
		from func(w *Window) fyne.Focusable
	}{
		{"list", func(w *Window) fyne.Focusable { return w.List }},
		{"entry", func(w *Window) fyne.Focusable { return w.Editor.Entries[planner.KeyGPUs] }},
		{"select", func(w *Window) fyne.Focusable { return w.Editor.Selects[planner.KeyGPU] }},
		{"nothing focused", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			c := w.Window.Canvas()
			if tc.from == nil {
				c.Unfocus()
				c.OnTypedKey()(f2)
			} else {
				f := tc.from(w)
				c.Focus(f)
				f.TypedKey(f2)
			}
			if c.Focused() != w.Editor.Name {
				t.Errorf("F2: want the focus on the name, got %s", focusName(w, c.Focused()))
			}
		})
	}
}
