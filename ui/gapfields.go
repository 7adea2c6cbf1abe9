package ui

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// fields is one view's numeric entries, keyed by the planner's input keys
// (the flags of 'aiplan gap', 'serving' or 'project'), with the refusal of
// each and the exact value behind a rounded text the view wrote: an entry
// shows 0.00932 for 0.009315068493150684 and, until the text is edited,
// reads back the exact value.
type fields struct {
	entries map[string]*widget.Entry
	exact   map[string]shownValue
	errs    map[string]error
	// loading is set while the view writes its own entries (no apply).
	loading bool
}

type shownValue struct {
	text string
	v    float64
}

func newFields() *fields {
	return &fields{entries: map[string]*widget.Entry{}, exact: map[string]shownValue{}, errs: map[string]error{}}
}

// add makes the entry of key; a user edit runs apply.
func (f *fields) add(key string, apply func()) *widget.Entry {
	en := widget.NewEntry()
	en.AlwaysShowValidationError = true
	en.OnChanged = func(string) {
		if !f.loading {
			apply()
		}
	}
	f.entries[key] = en
	return en
}

// Entry returns the entry of input key.
func (f *fields) Entry(key string) *widget.Entry { return f.entries[key] }

// InputError returns the refusal of input key, or nil.
func (f *fields) InputError(key string) error { return f.errs[key] }

// pickPreset is a preset select's callback: a preset's title loads it
// (set, then changed), "Custom" re-reads the entries (apply).
func pickPreset[T any](f *fields, titles map[string]string, title string, load func(string) (T, error),
	set func(T), apply, changed func(), status *widget.Label) {
	if f.loading {
		return
	}
	id := presetID(titles, title)
	if id == "" {
		apply()
		return
	}
	in, err := load(id)
	if err != nil {
		showStatus(status, err)
		return
	}
	set(in)
	changed()
}

// set shows text in key's entry and remembers that it stands for v.
func (f *fields) set(key string, v float64, text string) {
	f.exact[key] = shownValue{text, v}
	f.entries[key].SetText(text)
}

// setHuman shows v rounded for people (planner.HumanNumber) when that text
// parses, else in full.
func (f *fields) setHuman(key string, v float64) {
	text := planner.HumanNumber(v)
	if _, err := planner.ParseQuantity(text); err != nil {
		text = planner.FormatNumber(v)
	}
	f.set(key, v, text)
}

// num reads key's entry; refused text is marked and reported through err.
func (f *fields) num(key string, err *error) float64 {
	en := f.entries[key]
	if s, ok := f.exact[key]; ok && s.text == en.Text {
		return s.v
	}
	x, e := planner.ParseQuantity(en.Text)
	if e != nil {
		f.refuse(key, &planner.FieldError{Field: key, Value: strconv.Quote(strings.TrimSpace(en.Text)),
			Msg: "accepted: a number such as 150B, 50%, 2.4x"}, err)
		return 0
	}
	return x
}

// whole reads key's entry as a whole number.
func (f *fields) whole(key string, err *error) int {
	x := f.num(key, err)
	if f.errs[key] != nil {
		return 0
	}
	if x != float64(int(x)) || x < -1e6 || x > 1e6 {
		f.refuse(key, &planner.FieldError{Field: key, Value: strings.TrimSpace(f.entries[key].Text), Msg: "accepted: a whole number"}, err)
		return 0
	}
	return int(x)
}

func (f *fields) refuse(key string, fe error, err *error) {
	f.errs[key] = fe
	f.entries[key].SetValidationError(fe)
	if *err == nil {
		*err = fe
	}
}

// clear removes the refusals of keys.
func (f *fields) clear(keys ...string) {
	for _, k := range keys {
		delete(f.errs, k)
		if en := f.entries[k]; en != nil {
			en.SetValidationError(nil)
		}
	}
}

// mark records a planner refusal on the entry it names; it reports
// whether an entry of this group was marked.
func (f *fields) mark(err error) bool {
	var fe *planner.FieldError
	if !errors.As(err, &fe) {
		return false
	}
	f.errs[fe.Field] = err
	if en := f.entries[fe.Field]; en != nil {
		en.SetValidationError(err)
		return true
	}
	return false
}

// firstErr returns the refusal of the first key that has one.
func (f *fields) firstErr(keys []string) error {
	for _, k := range keys {
		if e := f.errs[k]; e != nil {
			return e
		}
	}
	return nil
}

// newStatus is the red line above a view's inputs, hidden when empty.
func newStatus() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// showStatus shows err with a note that the results are the last valid
// ones, or hides the line.
func showStatus(l *widget.Label, err error) {
	if err == nil {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(err.Error() + " (showing the last valid results)")
	l.Show()
}

// filePart is a view's part of the scenario file (Gap, Serving or
// Projection) as the view last loaded or stored it.
type filePart[T any] struct{ seen string }

func newFilePart[T any]() filePart[T] { return filePart[T]{seen: savedForm[T](nil)} }

// reload calls set with *cur (nil: preset's) when cur saves differently
// from what the view last loaded or stored, so typing is never undone.
func (p *filePart[T]) reload(cur *T, preset func() (T, error), set func(T)) {
	s := savedForm(cur)
	if s == p.seen {
		return
	}
	p.seen = s
	if cur != nil {
		set(*cur)
	} else if in, err := preset(); err == nil {
		set(in)
	}
}

// store points *dst at in and remembers it as loaded.
func (p *filePart[T]) store(dst **T, in T) {
	*dst = &in
	p.seen = savedForm(&in)
}

// savedForm is p as a scenario file saves it ("null" for nil): two inputs
// are the same when they save the same, which is what reloading a view
// from its file part has to know.
func savedForm[T any](p *T) string {
	b, err := json.Marshal(p)
	if err != nil {
		return "!" + err.Error()
	}
	return string(b)
}
