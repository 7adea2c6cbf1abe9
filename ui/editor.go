package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// Editor shows every input of one scenario, grouped as planner.Groups, with
// its unit, its catalogue default and where that default comes from. It
// holds no scenario: each edit is forwarded through the On... callbacks and
// the window calls Show with the planner's answer.
type Editor struct {
	// Name and Note edit the scenario's name and free-text note.
	Name, Note *editorEntry
	// Entries, Units, Reset and Details are keyed by planner.Field key:
	// the quantity entry, the unit, the "back to the catalogue default"
	// button and the line under the entry (source, date, stale or error).
	// Tab skips the reset button: emptying the entry does the same.
	Entries map[string]*editorEntry
	Reset   map[string]*widget.Button
	Details map[string]*widget.Label
	// Ranges are the uncertainty ranges (low / likely / high) by key,
	// hidden until RangeToggle (or ToggleRange, Ctrl+R from the keyboard)
	// shows them, or the scenario has one. Tab skips the toggle.
	Ranges      map[string]*RangeEditor
	RangeToggle map[string]*widget.Button
	// Selects and ChoiceDetails are keyed by planner.ChoiceKeys.
	Selects       map[string]*editorSelect
	ChoiceDetails map[string]*widget.Label
	// NameError shows why a name is refused.
	NameError *widget.Label
	// Content is the scrollable editor.
	Content *container.Scroll

	OnValue func(key, text string)
	OnReset func(key string)
	// OnRange receives a valid range, or nil to return to the default.
	OnRange  func(key string, r *planner.Range)
	OnChoice func(key, id string)
	// OnCommit is called when quantity entry key loses the keyboard
	// focus: its typing is over.
	OnCommit func(key string)
	OnName   func(name string)
	OnNote   func(note string)
	// OnKey gets the keys an input does not use (F2: the window's
	// Rename), as Fyne passes keys with no modifier to the focused widget
	// rather than to the menu; it reports whether it handled the key.
	OnKey func(fyne.KeyName) bool

	cat     *planner.Catalog
	now     func() time.Time
	loading bool
	// focusKey is the Field key of the quantity entry that has, or last
	// had, the keyboard focus.
	focusKey string
	// choiceIDs and choiceLabels map select options to catalogue IDs.
	choiceIDs    map[string][]string
	choiceLabels map[string][]string
	// rows are the form rows of the quantity entries, by key.
	rows map[string]fyne.CanvasObject
}

// choiceGroup places each choice in a group of the editor.
var choiceGroup = map[string]string{
	planner.KeyGPU:          planner.GroupHardware,
	planner.KeyPrecision:    planner.GroupHardware,
	planner.KeyEnergy:       planner.GroupEnergy,
	planner.KeyCooling:      planner.GroupEnergy,
	planner.KeyPriceTier:    planner.GroupPrices,
	planner.KeyDepreciation: planner.GroupPrices,
}

var choiceTitle = map[string]string{
	planner.KeyGPU:          "Accelerator",
	planner.KeyPrecision:    "Precision",
	planner.KeyEnergy:       "Energy source",
	planner.KeyCooling:      "Cooling",
	planner.KeyPriceTier:    "Cloud price tier",
	planner.KeyDepreciation: "Depreciation",
}

// NewEditor builds the editor for the catalogue's choices; now is the clock
// that decides which catalogue values are stale.
func NewEditor(cat *planner.Catalog, now func() time.Time) *Editor {
	e := &Editor{
		Entries:       map[string]*editorEntry{},
		Reset:         map[string]*widget.Button{},
		Ranges:        map[string]*RangeEditor{},
		RangeToggle:   map[string]*widget.Button{},
		Details:       map[string]*widget.Label{},
		Selects:       map[string]*editorSelect{},
		ChoiceDetails: map[string]*widget.Label{},
		cat:           cat,
		now:           now,
		choiceIDs:     map[string][]string{},
		choiceLabels:  map[string][]string{},
		rows:          map[string]fyne.CanvasObject{},
	}
	e.initChoices()

	e.Name = newEditorEntry(false)
	e.Name.onKey = e.key
	e.Name.SetPlaceHolder("Scenario name")
	e.Name.OnChanged = func(s string) {
		if !e.loading && e.OnName != nil {
			e.OnName(s)
		}
	}
	e.NameError = detailLabel()
	e.Note = newEditorEntry(true)
	e.Note.onKey = e.key
	e.Note.SetPlaceHolder("Note: where the inputs come from")
	e.Note.SetMinRowsVisible(3)
	e.Note.onFocus = func() { e.reveal(e.Note) }
	e.Note.OnChanged = func(s string) {
		if !e.loading && e.OnNote != nil {
			e.OnNote(s)
		}
	}

	// The name is the first input: show the editor from its top.
	e.Name.onFocus = func() { e.Content.ScrollToOffset(fyne.Position{}) }
	rows := []fyne.CanvasObject{
		heading("Scenario"),
		container.New(layout.NewFormLayout(),
			widget.NewLabel("Name"), container.NewVBox(e.Name, e.NameError),
			widget.NewLabel("Note"), e.Note),
	}
	for _, g := range planner.Groups {
		form := container.New(layout.NewFormLayout())
		for _, key := range planner.ChoiceKeys {
			if choiceGroup[key] == g {
				row := container.NewVBox(e.Selects[key], e.ChoiceDetails[key])
				e.Selects[key].onFocus = func() { e.reveal(row) }
				form.Add(widget.NewLabel(choiceTitle[key]))
				form.Add(row)
			}
		}
		for i := range planner.Fields {
			f := &planner.Fields[i]
			if f.Group != g {
				continue
			}
			form.Add(widget.NewLabel(f.Label))
			form.Add(e.fieldRow(f))
		}
		rows = append(rows, widget.NewSeparator(), heading(g), form)
	}
	e.Content = container.NewVScroll(container.NewPadded(container.NewVBox(rows...)))
	return e
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func detailLabel() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

func (e *Editor) fieldRow(f *planner.Field) fyne.CanvasObject {
	key := f.Key
	en := newEditorEntry(false)
	en.onKey = e.key
	en.AlwaysShowValidationError = true
	en.OnChanged = func(s string) {
		if !e.loading && e.OnValue != nil {
			e.OnValue(key, s)
		}
	}
	reset := newPointerButton("", theme.ContentUndoIcon(), func() {
		if e.OnReset != nil {
			e.OnReset(key)
		}
	})
	reset.Importance = widget.LowImportance
	reset.Disable()
	if u := unitText(f); u != "" {
		unit := widget.NewLabel(u)
		unit.Importance = widget.LowImportance
		unit.SizeName = theme.SizeNameCaptionText
		en.ActionItem = unit
	}
	det := detailLabel()
	e.Entries[key], e.Reset[key], e.Details[key] = en, &reset.Button, det
	rg := NewRangeEditor(key)
	rg.OnChanged = func(k string, r *planner.Range) {
		if !e.loading && e.OnRange != nil {
			e.OnRange(k, r)
		}
	}
	rg.Content.Hide()
	toggle := newPointerButton("±", nil, func() { e.toggleRange(key) })
	toggle.Importance = widget.LowImportance
	e.Ranges[key], e.RangeToggle[key] = rg, &toggle.Button
	row := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(toggle, reset), en), det, rg.Content)
	en.onFocus = func() {
		e.focusKey = key
		e.reveal(row)
	}
	en.onBlur = func() {
		if e.OnCommit != nil {
			e.OnCommit(key)
		}
	}
	e.rows[key] = row
	return row
}

// toggleRange shows or hides the range editor of key and reports whether
// it is shown.
func (e *Editor) toggleRange(key string) bool {
	rg := e.Ranges[key]
	if rg.Content.Visible() {
		rg.Content.Hide()
		return false
	}
	rg.Content.Show()
	e.reveal(e.rows[key])
	return true
}

func (e *Editor) key(k fyne.KeyName) bool {
	return k == fyne.KeyF2 && e.OnKey != nil && e.OnKey(k)
}

// FocusKey returns the Field key of the quantity entry that has, or last
// had, the keyboard focus ("" before any).
func (e *Editor) FocusKey() string { return e.focusKey }

// reveal scrolls the editor so that obj, a part of it, is in view with a
// little room around it (Fyne does not scroll to the focused widget); an
// object taller than the view shows its top.
func (e *Editor) reveal(obj fyne.CanvasObject) {
	pos, ok := positionIn(e.Content.Content, obj)
	if !ok {
		return
	}
	pad := 2 * theme.Padding()
	// MinSize is up to date before the next layout (a range just shown).
	h := max(obj.Size().Height, obj.MinSize().Height)
	top, bottom := pos.Y-pad, pos.Y+h+pad
	view := e.Content.Size().Height
	y := e.Content.Offset.Y
	switch {
	case top < y || bottom-top > view:
		y = top
	case bottom > y+view:
		y = bottom - view
	default:
		return
	}
	e.Content.ScrollToOffset(fyne.NewPos(e.Content.Offset.X, max(0, y)))
}

// positionIn returns the position of obj relative to root, looking through
// nested containers.
func positionIn(root, obj fyne.CanvasObject) (fyne.Position, bool) {
	if root == obj {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, o := range c.Objects {
		if p, ok := positionIn(o, obj); ok {
			return o.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

func unitText(f *planner.Field) string {
	switch {
	case f.Percent:
		return "%"
	case f.Unit == "count" || f.Unit == "fraction":
		return ""
	}
	return f.Unit
}

func (e *Editor) initChoices() {
	add := func(key string, ids, labels []string) {
		e.choiceIDs[key], e.choiceLabels[key] = ids, labels
		s := &editorSelect{onKey: e.key}
		s.Options = labels
		s.OnChanged = func(label string) {
			if e.loading || e.OnChoice == nil {
				return
			}
			for i, l := range e.choiceLabels[key] {
				if l == label {
					e.OnChoice(key, e.choiceIDs[key][i])
					return
				}
			}
		}
		s.ExtendBaseWidget(s)
		e.Selects[key] = s
		e.ChoiceDetails[key] = detailLabel()
	}
	var ids, labels []string
	for _, a := range e.cat.Accelerators {
		ids, labels = append(ids, a.ID), append(labels, a.Name)
	}
	ids, labels = withCustomAccelerator(ids, labels)
	add(planner.KeyGPU, ids, labels)
	add(planner.KeyPrecision, planner.Precisions, []string{"BF16 / FP16", "FP8"})
	ids, labels = nil, nil
	for _, s := range e.cat.EnergySources {
		ids, labels = append(ids, s.ID), append(labels, s.Name)
	}
	add(planner.KeyEnergy, ids, labels)
	ids, labels = nil, nil
	for _, c := range e.cat.Cooling {
		ids, labels = append(ids, c.ID), append(labels, c.Name)
	}
	add(planner.KeyCooling, ids, labels)
	add(planner.KeyPriceTier, planner.PriceTiers, []string{"On demand", "1-year commitment", "3-year commitment"})
	add(planner.KeyDepreciation, planner.DepreciationModes, []string{"Straight-line over the life", "Epoch (price-performance decline)"})
}

// Shown is what the editor displays for one scenario.
type Shown struct {
	Scenario *planner.Scenario
	// Resolution is the planner's resolution of Scenario, nil on error.
	Resolution *planner.Resolution
	// Defaults holds the catalogue default of each overridden input.
	Defaults map[string]planner.Resolved
	// Errors holds the error of each field the planner or the quantity
	// parser refused, by key (a choice key, a Field key or "name").
	Errors map[string]error
	// Reload rewrites every entry from the scenario (a new selection).
	Reload bool
	// DefaultRanges holds the Monte Carlo's default range of each input
	// (absent: fixed unless the user gives one); RangeError the planner's
	// refusal of a user range, by key.
	DefaultRanges map[string]planner.Range
	RangeErrors   map[string]error
}

// ClearEntry empties the entry of input key without reporting it as an
// edit (the window has already unset the input).
func (e *Editor) ClearEntry(key string) {
	e.loading = true
	defer func() { e.loading = false }()
	e.Entries[key].SetText("")
}

// Show displays a scenario and the planner's view of it.
func (e *Editor) Show(s Shown) {
	e.loading = true
	defer func() { e.loading = false }()
	sc := s.Scenario
	if s.Reload {
		e.Name.SetText(sc.Name)
		e.Note.SetText(sc.Note)
	}
	if err := s.Errors["name"]; err != nil {
		setLabel(e.NameError, errorText("name", err), widget.DangerImportance)
		e.NameError.Show()
	} else {
		setLabel(e.NameError, "", widget.LowImportance)
		e.NameError.Hide()
	}
	for i := range planner.Fields {
		e.showField(&planner.Fields[i], s)
	}
	for _, key := range planner.ChoiceKeys {
		e.showChoice(key, s)
	}
}

func (e *Editor) showField(f *planner.Field, s Shown) {
	key := f.Key
	en, det, reset := e.Entries[key], e.Details[key], e.Reset[key]
	v, set := s.Scenario.Value(key)
	err := s.Errors[key]
	if s.Reload {
		text := ""
		if set {
			text = formatInput(f, v)
		}
		en.SetText(text)
	}
	if set {
		reset.Enable()
	} else {
		reset.Disable()
	}
	var prov planner.Resolved
	var hasProv bool
	if s.Resolution != nil {
		prov, hasProv = s.Resolution.Provenance[key]
	}
	def, hasDef := s.Defaults[key]
	switch {
	case !set && hasProv:
		en.SetPlaceHolder(formatResolved(f, prov.Value))
	case set && hasDef:
		en.SetPlaceHolder(formatResolved(f, def.Value))
	case s.Resolution != nil:
		en.SetPlaceHolder("not set")
	}
	en.SetValidationError(err)
	if rg := e.Ranges[key]; rg != nil {
		var def *planner.Range
		if d, ok := s.DefaultRanges[key]; ok {
			def = &d
		}
		if s.Reload {
			var user *planner.Range
			if r, ok := s.Scenario.Ranges[key]; ok {
				user = &r
				rg.Content.Show()
			} else {
				rg.Content.Hide()
			}
			rg.SetRange(user, def)
		}
		msg := ""
		if re := s.RangeErrors[key]; re != nil {
			msg = errorText(key, re)
		}
		rg.SetDefault(def, msg)
	}

	imp := widget.LowImportance
	var text string
	switch {
	case err != nil:
		text, imp = errorText(key, err), widget.DangerImportance
	case set && hasDef:
		text = "Your value; catalogue default " + formatResolved(f, def.Value) + " (" + provText(def, e.now()) + ")"
	case set:
		text = "Your value"
	case hasProv:
		text = provText(prov, e.now())
		if prov.Assumption != "" || (prov.Origin == planner.OriginCatalogue && stale(prov.Date, e.now())) {
			imp = widget.WarningImportance
		}
	default:
		text = f.Help
	}
	setLabel(det, text, imp)
}

// provText says where a resolved value comes from: the source and date, an
// assumption, a built-in default or a derivation, and marks stale figures.
func provText(p planner.Resolved, now time.Time) string {
	switch p.Origin {
	case planner.OriginCatalogue:
		var b strings.Builder
		if p.Assumption != "" {
			b.WriteString("Assumption: " + p.Assumption)
		} else {
			b.WriteString("Catalogue: " + p.Source)
		}
		if p.Date != "" {
			if stale(p.Date, now) {
				b.WriteString(" · possibly stale, dated " + p.Date)
			} else {
				b.WriteString(" · " + p.Date)
			}
		}
		return b.String()
	case planner.OriginDerived:
		return "Derived " + p.Source
	case planner.OriginDefault:
		return "Default: " + strings.TrimPrefix(p.Source, "default: ")
	case planner.OriginUser:
		return "Your value"
	}
	return p.Source
}

func (e *Editor) showChoice(key string, s Shown) {
	sel, det := e.Selects[key], e.ChoiceDetails[key]
	id := s.Scenario.Choice(key)
	if s.Resolution != nil {
		if p, ok := s.Resolution.Provenance[key]; ok {
			if v, ok := p.Value.(string); ok {
				id = v
			}
		}
	}
	label := ""
	for i, cid := range e.choiceIDs[key] {
		if cid == id {
			label = e.choiceLabels[key][i]
		}
	}
	if sel.Selected != label {
		if label == "" {
			sel.ClearSelected()
		} else {
			sel.SetSelected(label)
		}
	}
	imp := widget.LowImportance
	text := ""
	if err := s.Errors[key]; err != nil {
		text, imp = errorText(key, err), widget.DangerImportance
	} else if s.Resolution != nil {
		var warn bool
		text, warn = e.choiceText(key, s.Resolution)
		if warn {
			imp = widget.WarningImportance
		}
	}
	setLabel(det, text, imp)
}

// choiceText describes the catalogue entry behind a choice, with its
// source and date; warn is set when a figure is stale or an assumption.
func (e *Editor) choiceText(key string, res *planner.Resolution) (text string, warn bool) {
	now := e.now()
	fig := func(f *planner.Figure) string {
		s := f.Source
		if f.Assumption != "" {
			s = "assumption: " + f.Assumption
			warn = true
		}
		if f.Stale(now) {
			warn = true
			return s + ", possibly stale, dated " + f.Date
		}
		return s + ", " + f.Date
	}
	switch key {
	case planner.KeyGPU:
		a := res.Accelerator
		return fmt.Sprintf("%s TFLOP/s dense BF16, %s W TDP, %s GB (%s)",
			sig3(a.PeakBF16.Value/1e12), sig3(a.TDPW.Value), sig3(a.MemoryGB.Value), fig(&a.PeakBF16)), warn
	case planner.KeyPrecision:
		p := res.Provenance["peak-flops"]
		if v, ok := p.Value.(float64); ok {
			return fmt.Sprintf("Dense peak %s TFLOP/s (%s)", sig3(v/1e12), provText(p, now)), p.Origin == planner.OriginCatalogue && stale(p.Date, now)
		}
	case planner.KeyEnergy:
		es := res.EnergySource
		return fmt.Sprintf("%s gCO2e/kWh (%s); water %s L/kWh; $%s/kWh", sig3(es.CarbonGPerKWh.Value), fig(&es.CarbonGPerKWh),
			sig3(es.EWIFLPerKWh.Value), sig3(es.PriceUSDPerKWh.Value)), warn
	case planner.KeyCooling:
		c := res.Cooling
		return fmt.Sprintf("PUE %s (%s); on-site water %s L/kWh", sig3(c.PUE.Value), fig(&c.PUE), sig3(c.WUELPerKWh.Value)), warn
	case planner.KeyPriceTier:
		if res.Accelerator != nil {
			price, row, tier := res.Accelerator.CloudPriceFor(res.PriceTierUsed)
			if row != nil {
				t := fmt.Sprintf("%s %s: $%s per GPU-hour (%s, %s)", row.Provider, tier, sig3(price), row.Source, row.Date)
				return t, stale(row.Date, now)
			}
		}
	case planner.KeyDepreciation:
		if res.Inputs.EpochDepreciation {
			return "Hardware value falls with price-performance (Epoch AI)", false
		}
		return "Hardware written off evenly over its life, less residual value", false
	}
	return "", false
}
