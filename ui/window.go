package ui

import (
	"io"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	// ExportReport writes the PDF report of a state (File > Export
	// Report), built in memory like the workbook. Nil disables the item.
	ExportReport func(w io.Writer, s State) error
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
	// split holds the editor and the tabs, main the list and split;
	// listPane is the list column. industry marks, by tab index, the
	// industry-level tabs (View.Industry).
	split, main *container.Split
	listPane    fyne.CanvasObject
	industry    []bool
	// editorHidden hides the list and editor on every tab (ToggleEditor).
	editorHidden bool
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
	// inputErr holds the refusal of an entry's text, by field key: the
	// scenario keeps its saved value of that input meanwhile.
	inputErr map[string]error
	// nameErr is a refused name.
	nameErr error
	// edit is the entry being typed into.
	edit editSession
	// last is the evaluation of the selected scenario's committed inputs
	// (zero when they do not resolve), lastRes their resolution and err
	// the planner's refusal of them.
	last    planner.Result
	lastRes *planner.Resolution
	err     error
	// selecting guards List.OnSelected while the window moves the selection.
	selecting bool
	lastErr   error
	// LastMessage is the last export's "written to" message.
	LastMessage string
	// busyExport is set while an export runs.
	busyExport bool
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
	w.Editor.OnCommit = w.commit
	w.Results = NewResults(o.Catalog)

	w.buildTabs(w.Results.Content, o.Views)
	w.split = container.NewHSplit(w.Editor.Content, w.Tabs)
	w.split.Offset = 0.4
	w.listPane = w.buildList()
	w.main = container.NewHSplit(w.listPane, container.NewBorder(w.buildNotice(), nil, nil, nil, w.split))
	w.main.Offset = 0.15
	win.SetContent(w.main)
	w.buildMenu()
	win.SetCloseIntercept(func() { w.confirmDiscard(func() { w.rememberSize(); win.Close() }) })

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
	w.loadCurrency(f)
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

// SetValue applies the text of a numeric input as it is typed. Empty text
// unsets the input (the catalogue default applies); text the planner
// accepts is committed to the scenario at once. Text it refuses (a half-
// typed "15" on the way to "15%") is not: the scenario returns to the
// value it had before this entry's typing began (its saved value), the
// entry shows why, and the results say they are for the saved value.
func (w *Window) SetValue(key, text string) {
	sc := w.current()
	if !w.edit.active || w.edit.key != key {
		w.edit = editSession{key: key, active: true}
		w.edit.base, w.edit.had = sc.Value(key)
	}
	delete(w.inputErr, key)
	v, set, err := parseInput(key, text)
	if err != nil {
		w.inputErr[key] = err
		w.setScenarioValue(key, w.edit.base, w.edit.had)
	} else {
		w.setScenarioValue(key, v, set)
	}
	w.refresh(false)
}

// setScenarioValue sets (set) or unsets input key of the selected
// scenario, marking the set unsaved when that changes it.
func (w *Window) setScenarioValue(key string, v float64, set bool) {
	sc := w.current()
	old, had := sc.Value(key)
	switch {
	case !set && had:
		sc.Unset(key)
	case set && (!had || old != v):
		sc.Set(key, v)
	default:
		return
	}
	w.changed()
}

// commit ends the typing into entry key (it lost the keyboard focus): the
// next typing there starts from the value then saved.
func (w *Window) commit(key string) {
	if w.edit.key == key {
		w.edit = editSession{}
	}
}

// ResetValue unsets a numeric input so that the catalogue default applies.
func (w *Window) ResetValue(key string) {
	w.edit = editSession{}
	delete(w.inputErr, key)
	w.setScenarioValue(key, 0, false)
	w.Editor.ClearEntry(key)
	w.refresh(false)
}

// SetChoice sets a catalogue choice (GPU, energy source, cooling, ...).
func (w *Window) SetChoice(key, id string) {
	sc := w.current()
	if sc.Choice(key) == id {
		return
	}
	w.edit = editSession{}
	sc.SetChoice(key, id)
	w.changed()
	w.refresh(false)
}

// SetName renames the selected scenario if the name is valid and unique
// (planner.File.Rename; the baseline follows the scenario).
func (w *Window) SetName(name string) {
	w.edit = editSession{}
	old := w.current().Name
	w.nameErr = w.file.Rename(w.selected, name)
	if w.nameErr == nil && old != name {
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

// added selects scenario i, just added to the set.
func (w *Window) added(i int) {
	w.changed()
	w.List.Refresh()
	w.Select(i)
}

// NewScenario adds an empty scenario on the selected accelerator after the
// selected one; the editor then asks for the inputs the planner needs.
func (w *Window) NewScenario() {
	w.added(w.file.AddNew(w.selected, w.current().GPU))
	w.Window.Canvas().Focus(w.Editor.Name)
}

// Duplicate copies the selected scenario after it.
func (w *Window) Duplicate() {
	w.added(w.file.Duplicate(w.selected))
}

// Rename moves the keyboard focus to the name of the selected scenario.
func (w *Window) Rename() {
	w.Window.Canvas().Focus(w.Editor.Name)
}

// Delete removes the selected scenario; the last one cannot be removed.
func (w *Window) Delete() {
	next, ok := w.file.Delete(w.selected)
	if !ok {
		return
	}
	w.changed()
	w.List.UnselectAll()
	w.List.Refresh()
	w.Select(next)
}

// Move moves the selected scenario up (-1) or down (+1) the list.
func (w *Window) Move(by int) {
	j, ok := w.file.Move(w.selected, by)
	if !ok {
		return
	}
	w.edit = editSession{}
	w.changed()
	w.List.Refresh()
	w.selected = j
	w.selectInList(j)
	w.refresh(false)
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

// refresh runs the planner on the selected scenario's committed inputs
// and shows the outcome; reload rewrites the editor's entries from the
// scenario (dropping refused text, which the scenario never took).
func (w *Window) refresh(reload bool) {
	if reload {
		clear(w.inputErr)
		w.nameErr = nil
		w.edit = editSession{}
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
	w.err = err
	if err != nil {
		key := planner.ErrField(err)
		if key == "" {
			key = "scenario"
		}
		if _, ok := errs[key]; !ok {
			errs[key] = err
		}
		w.last, w.lastRes = planner.Result{}, nil
		showNoResults(w.Results, sc.Name, err)
	} else {
		w.last, w.lastRes = planner.Evaluate(&res.Inputs), res
		w.Results.ShowInputs(sc.Name, w.last, res.Provenance)
	}
	w.showRefused(sc.Name)
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
	w.edit = editSession{}
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
	w.added(w.file.Append(scs))
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
