package ui

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
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
}

// Window is the main window: the scenario list, the editor of the selected
// scenario and the results area. Its widgets are fields so that tests can
// drive them.
type Window struct {
	Window fyne.Window
	// List shows the scenario names; selecting one edits it.
	List *widget.List
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
	w.Results = NewResults(o.Catalog)

	w.Tabs = container.NewAppTabs(container.NewTabItemWithIcon("Results", theme.GridIcon(), w.Results.Content))
	for _, v := range o.Views {
		// A scroll keeps a wide tab from widening the whole window: the
		// content still fills the tab when there is room.
		w.Tabs.Append(container.NewTabItem(v.Title, container.NewScroll(v.Content)))
	}

	split := container.NewHSplit(w.Editor.Content, w.Tabs)
	split.Offset = 0.45
	main := container.NewHSplit(w.buildList(), split)
	main.Offset = 0.17
	win.SetContent(main)
	w.buildMenu()
	win.SetCloseIntercept(func() { w.confirmDiscard(win.Close) })

	w.load(w.file, nil)
	return w
}

func (w *Window) buildList() fyne.CanvasObject {
	w.List = widget.NewList(
		func() int { return len(w.file.Scenarios) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Scenario name")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(w.file.Scenarios) {
				return
			}
			name := w.file.Scenarios[id].Name
			if name == w.file.Baseline {
				name += "  (baseline)"
			}
			o.(*widget.Label).SetText(name)
		})
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
	return container.NewBorder(heading("Scenarios"), buttons, nil, nil, w.List)
}

// File returns a copy of the open scenario set.
func (w *Window) File() *planner.File { return cloneFile(w.file) }

func cloneFile(src *planner.File) *planner.File {
	f := *src
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
