package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// RangeEditor is the compact low / likely / high control of one numeric
// input's uncertainty range (Scenario.Ranges[key]), with the distribution
// shape and a button back to the default range. It holds no scenario:
// a complete, valid range goes out through OnChanged; empty entries mean
// "no range of mine" (the catalogue's default range applies).
//
// Wiring beside an input of the editor:
//
//	re := NewRangeEditor(key)
//	re.OnChanged = func(key string, r *planner.Range) { window.SetRange(key, r) }
//	form row: container.NewVBox(entryRow, re.Content)
//	on Show:  re.SetRange(sc.Ranges[key] if set else nil, default range from
//	          planner.UncertainInputs (nil when the input has none))
//
// where SetRange stores r in Scenario.Ranges (deleting the key when r is
// nil), marks the file unsaved and refreshes, as SetValue does.
type RangeEditor struct {
	Key               string
	Low, Likely, High *widget.Entry
	// Dist picks the shape (planner.Dists).
	Dist *widget.Select
	// Clear empties the entries: the default range applies again.
	Clear *widget.Button
	// Error shows why the typed range is refused, or the default range.
	Error *widget.Label
	// Content is the control, one line of entries over the message.
	Content fyne.CanvasObject

	// OnChanged receives a valid range, or nil when the entries are
	// emptied, on the UI goroutine.
	OnChanged func(key string, r *planner.Range)

	field   *planner.Field
	loading bool
	err     error
}

// NewRangeEditor returns the range control of the numeric input key (a
// planner.Fields key); it panics on an unknown key (a programming error).
func NewRangeEditor(key string) *RangeEditor {
	f := planner.FieldByKey(key)
	if f == nil {
		panic("ui: NewRangeEditor: unknown input " + key)
	}
	e := &RangeEditor{Key: key, field: f}
	entry := func(hint string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(hint)
		w.OnChanged = func(string) { e.changed() }
		return w
	}
	e.Low, e.Likely, e.High = entry("low"), entry("likely"), entry("high")
	e.Dist = widget.NewSelect(planner.Dists, func(string) { e.changed() })
	e.Dist.Selected = planner.DistTriangular
	e.Clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), e.clear)
	e.Error = widget.NewLabel("")
	e.Error.Wrapping = fyne.TextWrapWord
	e.Error.SizeName = theme.SizeNameCaptionText
	row := container.NewBorder(nil, nil, widget.NewLabel("Range"), container.NewHBox(e.Dist, e.Clear),
		container.NewGridWithColumns(3, e.Low, e.Likely, e.High))
	e.Content = container.NewVBox(row, e.Error)
	return e
}

// SetRange shows r (nil: no range of the user's) without calling
// OnChanged; def, when not nil, is the default range shown as the entries'
// placeholders.
func (e *RangeEditor) SetRange(r *planner.Range, def *planner.Range) {
	e.loading = true
	defer func() { e.loading = false }()
	e.err = nil
	if r != nil {
		e.Low.SetText(formatInput(e.field, r.Low))
		e.Likely.SetText(formatInput(e.field, r.Likely))
		e.High.SetText(formatInput(e.field, r.High))
		dist := r.Dist
		if dist == "" {
			dist = planner.DistTriangular
		}
		e.Dist.SetSelected(dist)
	} else {
		e.Low.SetText("")
		e.Likely.SetText("")
		e.High.SetText("")
	}
	e.Low.SetPlaceHolder("low")
	e.Likely.SetPlaceHolder("likely")
	e.High.SetPlaceHolder("high")
	e.Error.SetText("")
	if def != nil {
		e.Low.SetPlaceHolder(formatInput(e.field, def.Low))
		e.Likely.SetPlaceHolder(formatInput(e.field, def.Likely))
		e.High.SetPlaceHolder(formatInput(e.field, def.High))
		if r == nil {
			e.Error.SetText("Default range (" + def.Dist + "); type low, likely and high to set yours.")
		}
	}
}

// SetDefault shows def as the placeholders without touching what the user
// typed; msg (may be empty) replaces the message line when the entries are
// empty or the planner refuses the range.
func (e *RangeEditor) SetDefault(def *planner.Range, msg string) {
	if def != nil {
		e.Low.SetPlaceHolder(formatInput(e.field, def.Low))
		e.Likely.SetPlaceHolder(formatInput(e.field, def.Likely))
		e.High.SetPlaceHolder(formatInput(e.field, def.High))
	}
	if e.err != nil {
		return
	}
	switch {
	case msg != "":
		e.Error.SetText(msg)
	case def != nil && strings.TrimSpace(e.Low.Text+e.Likely.Text+e.High.Text) == "":
		e.Error.SetText("Default range (" + def.Dist + "); type low, likely and high to set yours.")
	case def == nil && strings.TrimSpace(e.Low.Text+e.Likely.Text+e.High.Text) == "":
		e.Error.SetText("No default range: this input is fixed in the Monte Carlo unless you give one.")
	default:
		e.Error.SetText("")
	}
}

// Err returns why the typed range is refused, or nil.
func (e *RangeEditor) Err() error { return e.err }

// Range returns the typed range and whether the entries are empty; the
// error names the key and what is accepted.
func (e *RangeEditor) Range() (r *planner.Range, empty bool, err error) {
	texts := []string{strings.TrimSpace(e.Low.Text), strings.TrimSpace(e.Likely.Text), strings.TrimSpace(e.High.Text)}
	if texts[0] == "" && texts[1] == "" && texts[2] == "" {
		return nil, true, nil
	}
	var v [3]float64
	for i, s := range texts {
		if s == "" {
			return nil, false, &planner.FieldError{Field: e.Key, Msg: "give low, likely and high (or clear all three for the default range)"}
		}
		x, err := planner.ParseQuantity(s)
		if err != nil {
			return nil, false, &planner.FieldError{Field: e.Key, Value: "\"" + s + "\"", Msg: err.Error()}
		}
		v[i] = x
	}
	rg := planner.Range{Low: v[0], Likely: v[1], High: v[2], Dist: e.Dist.Selected}
	if err := rg.Validate(e.Key); err != nil {
		return nil, false, err
	}
	return &rg, false, nil
}

func (e *RangeEditor) changed() {
	if e.loading {
		return
	}
	r, empty, err := e.Range()
	e.err = err
	if err != nil {
		e.Error.SetText(errorText(e.Key, err))
		return
	}
	e.Error.SetText("")
	if e.OnChanged == nil {
		return
	}
	if empty {
		e.OnChanged(e.Key, nil)
		return
	}
	e.OnChanged(e.Key, r)
}

func (e *RangeEditor) clear() {
	e.loading = true
	e.Low.SetText("")
	e.Likely.SetText("")
	e.High.SetText("")
	e.loading = false
	e.changed()
}
