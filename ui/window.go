package ui

import (
	"fmt"
	"image/color"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// AppTitle is the window title when the built-in scenarios are open unchanged.
const AppTitle = "AI Cost Planner"

// Options are the dependencies of the main window.
type Options struct {
	// Catalog is the reference catalogue (required).
	Catalog *planner.Catalog
	// Defaults is the scenario set the window opens on (required, at least
	// one scenario): the built-in set.
	Defaults *planner.File
	// Prefs keeps the recent files; nil uses the app's preferences.
	Prefs fyne.Preferences
	// Now is the clock that decides which catalogue values are stale; nil
	// means time.Now.
	Now func() time.Time
	// Views are extra tabs after "Results", one line each.
	Views []View
	// ExportExcel writes the workbook of a state (File > Export to Excel).
	// The window builds the bytes in memory, then saves them safely. Nil
	// disables the menu item.
	ExportExcel func(w io.Writer, s State) error
	// ImportExcel reads a scenario set from a workbook (File > Import from
	// Excel). Nil disables the menu item.
	ImportExcel func(r io.Reader, cat *planner.Catalog) (*planner.File, error)
}

// Window is the main window: the scenario list, the editor of the selected
// scenario and the results area. Its widgets are fields so that tests can
// drive them.
type Window struct {
	Window fyne.Window
	// List shows the scenario names; selecting one edits it. With the
	// keyboard focus, Up, Down, Page Up, Page Down, Home and End select,
	// Enter moves to the editor.
	List *scenarioList
	// List buttons.
	NewButton, DuplicateButton, DeleteButton, UpButton, DownButton *widget.Button
	Editor                                                         *Editor
	Results                                                        *Results
	// Tabs holds "Results" first, then one tab per Options.Views entry.
	Tabs *container.AppTabs
	// Menu is the main menu; Actions are its items.
	Menu    *fyne.MainMenu
	Actions Actions
	// Prompt is the open "unsaved changes" question, or nil.
	Prompt *Prompt
	// Notice is a line above the editor about the open file (a file made
	// with another catalogue version), hidden when there is nothing to
	// say; NoticeClose hides it.
	Notice      *widget.Label
	NoticeClose *widget.Button
	notice      fyne.CanvasObject
	// listRing shows that the scenario list has the keyboard focus.
	listRing *canvas.Rectangle

	app   fyne.App
	cat   *planner.Catalog
	prefs fyne.Preferences
	opts  Options

	file     *planner.File
	selected int
	uri      fyne.URI
	dirty    bool
	// inputErr holds text the quantity parser refused, by field key.
	inputErr map[string]error
	// nameErr is a refused name.
	nameErr error
	// last is the last valid evaluation, of the scenario named lastName.
	last     planner.Result
	lastRes  *planner.Resolution
	lastName string
	err      error
	// selecting guards List.OnSelected while the window moves the selection.
	selecting bool
	lastErr   error
}

// New builds the main window in win, opens the default scenarios and
// installs the menu and the close check.
func New(a fyne.App, win fyne.Window, o Options) *Window {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Prefs == nil {
		o.Prefs = a.Preferences()
	}
	w := &Window{Window: win, app: a, cat: o.Catalog, prefs: o.Prefs, opts: o, inputErr: map[string]error{},
		file: cloneFile(o.Defaults)}
	w.Editor = NewEditor(o.Catalog, o.Now)
	w.Editor.OnValue = w.SetValue
	w.Editor.OnReset = w.ResetValue
	w.Editor.OnRange = w.SetRange
	w.Editor.OnChoice = w.SetChoice
	w.Editor.OnName = w.SetName
	w.Editor.OnNote = w.SetNote
	w.Editor.OnKey = w.key
	w.Results = NewResults(o.Catalog)

	w.Tabs = container.NewAppTabs(container.NewTabItemWithIcon("Results", theme.GridIcon(), w.Results.Content))
	for _, v := range o.Views {
		// A scroll keeps a wide tab from widening the whole window: the
		// content still fills the tab when there is room.
		w.Tabs.Append(container.NewTabItem(v.Title, container.NewScroll(v.Content)))
	}

	split := container.NewHSplit(w.Editor.Content, w.Tabs)
	split.Offset = 0.45
	main := container.NewHSplit(w.buildList(), container.NewBorder(w.buildNotice(), nil, nil, nil, split))
	main.Offset = 0.17
	win.SetContent(main)
	w.buildMenu()
	win.SetCloseIntercept(func() { w.confirmDiscard(win.Close) })

	w.load(w.file, nil)
	// The keyboard starts on the list: arrows pick a scenario, Tab goes
	// on to its name and inputs.
	win.Canvas().Focus(w.List)
	return w
}

func (w *Window) buildNotice() fyne.CanvasObject {
	w.Notice = widget.NewLabel("")
	w.Notice.Wrapping = fyne.TextWrapWord
	w.Notice.Importance = widget.WarningImportance
	w.NoticeClose = widget.NewButtonWithIcon("", theme.CancelIcon(), w.HideNotice)
	w.NoticeClose.Importance = widget.LowImportance
	w.notice = container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.InfoIcon()), w.NoticeClose, w.Notice)
	w.notice.Hide()
	return w.notice
}

// ShowNotice shows text in the notice line above the editor; it does not
// block the window.
func (w *Window) ShowNotice(text string) {
	w.Notice.SetText(text)
	w.notice.Show()
}

// HideNotice hides the notice line.
func (w *Window) HideNotice() {
	w.Notice.SetText("")
	w.notice.Hide()
}

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

// File returns a copy of the open scenario set.
func (w *Window) File() *planner.File { return cloneFile(w.file) }

func cloneFile(src *planner.File) *planner.File {
	f := *src
	f.BubbleScenarios = slices.Clone(src.BubbleScenarios) // bubble.go replaces elements, never mutates them
	f.Scenarios = make([]planner.Scenario, len(src.Scenarios))
	for i := range src.Scenarios {
		f.Scenarios[i] = src.Scenarios[i].Clone()
	}
	if src.Gap != nil {
		g := *src.Gap
		g.Revenue = slices.Clone(g.Revenue)
		if g.AIRevenueUSD != nil {
			v := *g.AIRevenueUSD
			g.AIRevenueUSD = &v
		}
		f.Gap = &g
	}
	if src.Projection != nil {
		p := *src.Projection
		f.Projection = &p
	}
	if src.Serving != nil {
		sv := *src.Serving
		f.Serving = &sv
	}
	return &f
}

// EditFile applies edit to the open set (the bubble-gap screen stores its
// inputs this way) and marks the set unsaved.
func (w *Window) EditFile(edit func(f *planner.File)) {
	edit(w.file)
	w.changed()
}

// Selected returns the index of the selected scenario.
func (w *Window) Selected() int { return w.selected }

// Dirty reports whether the set has unsaved changes.
func (w *Window) Dirty() bool { return w.dirty }

// URI returns the file the set was opened from or saved to, or nil.
func (w *Window) URI() fyne.URI { return w.uri }

// Title returns the window title: the file name and "*" when unsaved.
func (w *Window) Title() string {
	if w.uri == nil && !w.dirty {
		return AppTitle
	}
	name := "Built-in scenarios"
	if w.uri != nil {
		name = w.uri.Name()
	}
	t := name + " - " + AppTitle
	if w.dirty {
		t = "*" + t
	}
	return t
}

// State returns what the window shows now.
func (w *Window) State() State {
	return State{Catalog: w.cat, File: w.File(), Selected: w.selected, Result: w.last, Resolution: w.lastRes, Err: w.err}
}

// load replaces the scenario set (already checked) and selects the first.
func (w *Window) load(f *planner.File, uri fyne.URI) {
	w.file, w.uri, w.dirty = f, uri, false
	if w.Notice != nil {
		w.HideNotice()
	}
	w.selected = 0
	w.List.Refresh()
	w.selectInList(0)
	w.refresh(true)
}

func (w *Window) selectInList(i int) {
	w.selecting = true
	w.List.Select(i)
	w.selecting = false
}

func (w *Window) current() *planner.Scenario { return &w.file.Scenarios[w.selected] }

// Select edits scenario i.
func (w *Window) Select(i int) {
	if i < 0 || i >= len(w.file.Scenarios) {
		return
	}
	w.selected = i
	w.selectInList(i)
	w.refresh(true)
}

func (w *Window) changed() {
	w.dirty = true
	w.Window.SetTitle(w.Title())
}

// SetValue applies the text of a numeric input: empty text unsets it (the
// catalogue default applies), other text is parsed as a quantity.
func (w *Window) SetValue(key, text string) {
	sc := w.current()
	text = strings.TrimSpace(text)
	delete(w.inputErr, key)
	old, had := sc.Value(key)
	if text == "" {
		if had {
			sc.Unset(key)
			w.changed()
		}
		w.refresh(false)
		return
	}
	v, err := planner.ParseQuantity(text)
	if err != nil {
		w.inputErr[key] = &planner.FieldError{Field: key, Msg: err.Error()}
		w.refresh(false)
		return
	}
	if !had || old != v {
		sc.Set(key, v)
		w.changed()
	}
	w.refresh(false)
}

// ResetValue unsets a numeric input so that the catalogue default applies.
func (w *Window) ResetValue(key string) {
	delete(w.inputErr, key)
	if _, ok := w.current().Value(key); ok {
		w.current().Unset(key)
		w.changed()
	}
	w.Editor.loading = true
	w.Editor.Entries[key].SetText("")
	w.Editor.loading = false
	w.refresh(false)
}

// SetChoice sets a catalogue choice (GPU, energy source, cooling, ...).
func (w *Window) SetChoice(key, id string) {
	sc := w.current()
	if sc.Choice(key) == id {
		return
	}
	sc.SetChoice(key, id)
	w.changed()
	w.refresh(false)
}

// SetName renames the selected scenario if the name is valid and unique.
func (w *Window) SetName(name string) {
	w.nameErr = planner.CheckName(name)
	if w.nameErr == nil {
		for i := range w.file.Scenarios {
			if i != w.selected && w.file.Scenarios[i].Name == name {
				w.nameErr = &planner.FieldError{Field: "name", Msg: fmt.Sprintf("%q is already used by another scenario", name)}
			}
		}
	}
	sc := w.current()
	if w.nameErr == nil && sc.Name != name {
		if w.file.Baseline == sc.Name {
			w.file.Baseline = name
		}
		sc.Name = name
		w.List.RefreshItem(w.selected)
		w.changed()
	}
	w.refresh(false)
}

// SetNote sets the note of the selected scenario.
func (w *Window) SetNote(note string) {
	if w.current().Note != note {
		w.current().Note = note
		w.changed()
	}
}

// uniqueName returns base, or base followed by a number, unused in the set.
func (w *Window) uniqueName(base string) string {
	used := map[string]bool{}
	for _, s := range w.file.Scenarios {
		used[s.Name] = true
	}
	if !used[base] {
		return base
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s %d", base, n); !used[s] {
			return s
		}
	}
}

func (w *Window) insert(sc planner.Scenario) {
	i := w.selected + 1
	w.file.Scenarios = append(w.file.Scenarios, planner.Scenario{})
	copy(w.file.Scenarios[i+1:], w.file.Scenarios[i:])
	w.file.Scenarios[i] = sc
	w.changed()
	w.List.Refresh()
	w.Select(i)
}

// NewScenario adds an empty scenario on the selected accelerator after the
// selected one; the editor then asks for the inputs the planner needs.
func (w *Window) NewScenario() {
	w.insert(planner.Scenario{Name: w.uniqueName("New scenario"), GPU: w.current().GPU, Values: map[string]float64{}})
	w.Window.Canvas().Focus(w.Editor.Name)
}

// Duplicate copies the selected scenario after it.
func (w *Window) Duplicate() {
	sc := w.current().Clone()
	sc.Name = w.uniqueName(sc.Name + " copy")
	w.insert(sc)
}

// Rename moves the keyboard focus to the name of the selected scenario.
func (w *Window) Rename() {
	w.Window.Canvas().Focus(w.Editor.Name)
}

// Delete removes the selected scenario; the last one cannot be removed.
func (w *Window) Delete() {
	if len(w.file.Scenarios) <= 1 {
		return
	}
	name := w.current().Name
	w.file.Scenarios = append(w.file.Scenarios[:w.selected], w.file.Scenarios[w.selected+1:]...)
	if w.file.Baseline == name {
		w.file.Baseline = ""
	}
	w.changed()
	w.List.UnselectAll()
	w.List.Refresh()
	w.Select(min(w.selected, len(w.file.Scenarios)-1))
}

// Move moves the selected scenario up (-1) or down (+1) the list.
func (w *Window) Move(by int) {
	j := w.selected + by
	if j < 0 || j >= len(w.file.Scenarios) {
		return
	}
	s := w.file.Scenarios
	s[w.selected], s[j] = s[j], s[w.selected]
	w.changed()
	w.List.Refresh()
	w.selected = j
	w.selectInList(j)
	w.updateButtons()
}

func (w *Window) updateButtons() {
	n := len(w.file.Scenarios)
	enable(w.DeleteButton, n > 1)
	enable(w.UpButton, w.selected > 0)
	enable(w.DownButton, w.selected < n-1)
	if w.Actions.Delete != nil {
		w.Actions.Delete.Disabled = n <= 1
		w.Actions.MoveUp.Disabled = w.selected == 0
		w.Actions.MoveDown.Disabled = w.selected == n-1
		w.Menu.Refresh()
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// refresh runs the planner on the selected scenario and shows the outcome;
// reload rewrites the editor's entries from the scenario.
func (w *Window) refresh(reload bool) {
	if reload {
		clear(w.inputErr)
		w.nameErr = nil
	}
	sc := w.current()
	errs := make(map[string]error, len(w.inputErr)+2)
	for k, e := range w.inputErr {
		errs[k] = e
	}
	if w.nameErr != nil {
		errs["name"] = w.nameErr
	}
	res, err := planner.Resolve(w.cat, sc)
	if err != nil {
		key := planner.ErrField(err)
		if key == "" {
			key = "scenario"
		}
		if _, ok := errs[key]; !ok {
			errs[key] = err
		}
	}
	// A field whose text is refused wins: it is what the user just typed.
	for _, f := range planner.Fields {
		if e, ok := w.inputErr[f.Key]; ok {
			err = e
			break
		}
	}
	w.err = err
	if err == nil {
		w.last, w.lastRes, w.lastName = planner.Evaluate(&res.Inputs), res, sc.Name
		w.Results.Show(sc.Name, w.last)
	} else {
		w.Results.ShowError(err, w.lastName)
	}
	defRanges, rangeErrs := w.defaultRanges(sc, res)
	w.Editor.Show(Shown{Scenario: sc, Resolution: res, Defaults: w.defaults(sc), Errors: errs, Reload: reload,
		DefaultRanges: defRanges, RangeErrors: rangeErrs})
	w.Window.SetTitle(w.Title())
	w.updateButtons()
	if len(w.opts.Views) > 0 {
		s := w.State()
		for _, v := range w.opts.Views {
			if v.Update != nil {
				v.Update(s)
			}
		}
	}
}

// defaultRanges returns the Monte Carlo's default range of each input of
// the resolved scenario (the evidence table, or a spread around a value the
// user set), and the planner's refusal of a user range by key.
func (w *Window) defaultRanges(sc *planner.Scenario, res *planner.Resolution) (map[string]planner.Range, map[string]error) {
	if res == nil {
		return nil, nil
	}
	noUser := sc.Clone()
	noUser.Ranges = nil
	out := map[string]planner.Range{}
	if un, err := planner.UncertainInputs(w.cat, &noUser, res); err == nil {
		for _, u := range un {
			out[u.Key] = u.Range
		}
	}
	var errs map[string]error
	if _, err := planner.UncertainInputs(w.cat, sc, res); err != nil {
		if k := planner.ErrField(err); k != "" {
			errs = map[string]error{k: err}
		}
	}
	return out, errs
}

// SetRange sets the uncertainty range of input key (nil returns it to the
// default range) and recomputes.
func (w *Window) SetRange(key string, r *planner.Range) {
	sc := w.current()
	_, had := sc.Ranges[key]
	switch {
	case r == nil && !had:
		return
	case r == nil:
		delete(sc.Ranges, key)
		if len(sc.Ranges) == 0 {
			sc.Ranges = nil
		}
	default:
		if old, ok := sc.Ranges[key]; ok && old == *r {
			return
		}
		if sc.Ranges == nil {
			sc.Ranges = map[string]planner.Range{}
		}
		sc.Ranges[key] = *r
	}
	w.changed()
	w.refresh(false)
}

// AddScenarios appends scenarios (a sweep's grid) to the set, renaming any
// whose name is taken, and selects the first added.
func (w *Window) AddScenarios(scs []planner.Scenario) {
	if len(scs) == 0 {
		return
	}
	first := len(w.file.Scenarios)
	taken := map[string]bool{}
	for _, s := range w.file.Scenarios {
		taken[s.Name] = true
	}
	for _, s := range scs {
		name := s.Name
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s (%d)", s.Name, i)
		}
		taken[name] = true
		s.Name = name
		w.file.Scenarios = append(w.file.Scenarios, s)
	}
	w.changed()
	w.List.Refresh()
	w.Select(first)
}

// defaults resolves the catalogue default of each input the scenario
// overrides, by resolving the scenario without it.
func (w *Window) defaults(sc *planner.Scenario) map[string]planner.Resolved {
	if len(sc.Values) == 0 {
		return nil
	}
	out := map[string]planner.Resolved{}
	c := sc.Clone()
	for _, k := range sc.SetKeys() {
		v := c.Values[k]
		delete(c.Values, k)
		if r, err := planner.Resolve(w.cat, &c); err == nil {
			if p, ok := r.Provenance[k]; ok && p.Origin != planner.OriginUser {
				out[k] = p
			}
		}
		c.Values[k] = v
	}
	return out
}
