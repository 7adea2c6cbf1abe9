package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// SweepRow is one axis of a sweep: an input and its values.
type SweepRow struct {
	// Key picks an estimate input (numeric or a choice such as gpu) by its
	// label ("Accelerators", "Energy source"); SetKey picks it by key.
	Key *widget.Select
	// Values holds the values, separated by spaces or semicolons (70,000
	// and 175B are one value each).
	Values *widget.Entry
}

// SweepDialog builds a grid of scenarios over up to three inputs of a base
// scenario (planner.Sweep) off the UI goroutine, with a progress bar and
// Cancel, and hands the scenarios to OnResult.
type SweepDialog struct {
	Rows [planner.MaxVary]SweepRow
	// Size shows the number of scenarios the grid makes, or what is wrong.
	Size     *widget.Label
	Progress *widget.ProgressBar
	Run      *widget.Button
	Cancel   *widget.Button
	// OnResult receives the scenarios of a finished sweep on the UI
	// goroutine; the window adds them to the set or opens them as a new one.
	OnResult func([]planner.Scenario)
	// OnFinished, if set, is called on the UI goroutine when a run ends
	// (nil, an error, or context.Canceled); tests wait on it.
	OnFinished func(err error)

	cat     *planner.Catalog
	base    planner.Scenario
	win     fyne.Window
	dlg     dialog.Dialog
	cancel  context.CancelFunc
	running bool
	content fyne.CanvasObject
	// keys maps the Key selects' labels to input keys.
	keys map[string]string
}

// sweepNone is the key choice of an unused row.
const sweepNone = "(none)"

// sweepLabel is the label of an input the sweep can vary: the editor's.
func sweepLabel(key string) string {
	if t, ok := choiceTitle[key]; ok {
		return t
	}
	if f := planner.FieldByKey(key); f != nil {
		return f.Label
	}
	return key
}

// sweepKeys maps the labels of the Key selects to input keys.
func sweepKeys() (labels []string, keys map[string]string) {
	keys = map[string]string{}
	labels = []string{sweepNone}
	for _, k := range append(slices.Clone(planner.ChoiceKeys), planner.FieldKeys()...) {
		l := sweepLabel(k)
		if _, dup := keys[l]; dup {
			l += " (" + k + ")"
		}
		keys[l] = k
		labels = append(labels, l)
	}
	return labels, keys
}

// sweepKeyWidth fits the longest label in a Key select, at most 300.
func sweepKeyWidth(labels []string) float32 {
	w := float32(0)
	for _, l := range labels {
		w = max(w, textWidth(l, false))
	}
	return min(w+4*theme.InnerPadding()+theme.IconInlineSize(), 300)
}

// SetKey picks the input with key (a planner key such as "gpus").
func (r *SweepRow) SetKey(key string) { r.Key.SetSelected(sweepLabel(key)) }

// key returns the planner key of the picked input, "" for none.
func (d *SweepDialog) key(r *SweepRow) string { return d.keys[r.Key.Selected] }

// NewSweepDialog returns the sweep dialog over base; Show opens it in win.
func NewSweepDialog(cat *planner.Catalog, base planner.Scenario, win fyne.Window) *SweepDialog {
	d := &SweepDialog{cat: cat, base: base.Clone(), win: win}
	labels, keys := sweepKeys()
	d.keys = keys
	form := container.New(layout.NewFormLayout())
	for i := range d.Rows {
		r := &d.Rows[i]
		r.Key = widget.NewSelect(labels, func(string) { d.update() })
		r.Key.Selected = sweepNone
		r.Values = widget.NewEntry()
		r.Values.SetPlaceHolder("values, e.g. 1000 10000 100000  or  coal; gas; nuclear")
		r.Values.OnChanged = func(string) { d.update() }
		// Wide enough for the longest label ("Cost: energy (inside amortized)").
		form.Add(container.NewGridWrap(fyne.NewSize(sweepKeyWidth(labels), r.Key.MinSize().Height), r.Key))
		form.Add(r.Values)
	}
	d.Size = widget.NewLabel("")
	d.Size.Wrapping = fyne.TextWrapWord
	d.Progress = widget.NewProgressBar()
	d.Progress.Hide() // shown from the start of a run: an idle bar says nothing
	d.Run = widget.NewButton("Make scenarios", d.start)
	d.Run.Importance = widget.HighImportance
	d.Cancel = widget.NewButton("Cancel", d.stop)
	intro := widget.NewLabel(fmt.Sprintf("Vary up to %d inputs of %q; every combination becomes a scenario named after its inputs and values.",
		planner.MaxVary, base.Name))
	intro.Wrapping = fyne.TextWrapWord
	d.content = container.NewVBox(intro, form, d.Size, d.Progress, container.NewHBox(layout.NewSpacer(), d.Cancel, d.Run))
	d.update()
	return d
}

// Content returns the dialog body.
func (d *SweepDialog) Content() fyne.CanvasObject { return d.content }

// Show opens the dialog.
func (d *SweepDialog) Show() {
	d.dlg = dialog.NewCustomWithoutButtons("Sweep", d.content, d.win)
	d.dlg.Resize(fyne.NewSize(760, 380))
	d.dlg.Show()
}

// SplitValues splits the text of a Values entry at spaces and semicolons.
func SplitValues(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' || r == '\n' })
}

// Vary returns the axes of the rows in use; the error names the row's input.
func (d *SweepDialog) Vary() ([]planner.Vary, error) {
	var vary []planner.Vary
	for i := range d.Rows {
		r := &d.Rows[i]
		key := d.key(r)
		vals := SplitValues(r.Values.Text)
		if key == "" {
			if len(vals) > 0 {
				return nil, fmt.Errorf("row %d: choose the input these values are for", i+1)
			}
			continue
		}
		if len(vals) == 0 {
			return nil, fmt.Errorf("%s: no values; type them separated by spaces or semicolons", sweepLabel(key))
		}
		vary = append(vary, planner.Vary{Key: key, Values: vals})
	}
	if len(vary) == 0 {
		return nil, errors.New("choose an input and type its values")
	}
	return vary, nil
}

// GridSize returns the number of scenarios the rows make.
func (d *SweepDialog) GridSize() int {
	vary, err := d.Vary()
	if err != nil {
		return 0
	}
	n := 1
	for _, v := range vary {
		n *= len(v.Values)
	}
	return n
}

// update shows the grid size and enables Run.
func (d *SweepDialog) update() {
	if d.running {
		return
	}
	_, err := d.Vary()
	n := d.GridSize()
	switch {
	case err != nil:
		d.Size.SetText(err.Error())
		d.Run.Disable()
	case n > planner.MaxSweep:
		d.Size.SetText(fmt.Sprintf("%d scenarios: at most %d in a sweep.", n, planner.MaxSweep))
		d.Run.Disable()
	default:
		d.Size.SetText(fmt.Sprintf("%d scenarios.", n))
		d.Run.Enable()
	}
}

// start runs the sweep off the UI goroutine.
func (d *SweepDialog) start() {
	if d.running {
		return
	}
	vary, err := d.Vary()
	if err != nil {
		d.Size.SetText(err.Error())
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel, d.running = cancel, true
	d.Run.Disable()
	d.Progress.SetValue(0)
	d.Progress.Show()
	cat, base := d.cat, d.base.Clone()
	go func() {
		defer cancel()
		last := -1
		progress := func(done, total int) {
			// a step per percent: fyne.Do for every scenario would flood the UI
			if pc := done * 100 / total; pc != last {
				last = pc
				fyne.Do(func() { d.Progress.SetValue(float64(done) / float64(total)) })
			}
		}
		scs, err := planner.Sweep(ctx, cat, base, vary, progress)
		if err == nil {
			nameSweep(scs, base, vary)
		}
		fyne.Do(func() { d.finish(scs, err) })
	}()
}

// finish shows the outcome; it runs on the UI goroutine.
func (d *SweepDialog) finish(scs []planner.Scenario, err error) {
	d.running, d.cancel = false, nil
	d.update()
	switch {
	case errors.Is(err, context.Canceled):
		d.Size.SetText("Cancelled.")
		d.Progress.SetValue(0)
		d.Progress.Hide()
	case err != nil:
		d.Size.SetText(oneLine(err.Error()))
	default:
		if d.OnResult != nil {
			d.OnResult(scs)
		}
		if d.dlg != nil {
			d.dlg.Hide()
		}
	}
	if d.OnFinished != nil {
		d.OnFinished(err)
	}
}

// nameSweep names the scenarios of a sweep for people, in planner.Sweep's
// grid order (the last axis varies fastest): the inputs' labels and their
// values as the editor writes them ("Accelerators 10,000, Energy source
// gas"); the note says which scenario the sweep started from (the base's
// own note describes the base, not these).
func nameSweep(scs []planner.Scenario, base planner.Scenario, vary []planner.Vary) {
	idx := make([]int, len(vary))
	for n := range scs {
		parts := make([]string, len(vary))
		for i, v := range vary {
			text := v.Values[idx[i]]
			if f := planner.FieldByKey(v.Key); f != nil {
				if x, ok := scs[n].Value(v.Key); ok {
					text = formatInput(f, x)
				}
			}
			parts[i] = sweepLabel(v.Key) + " " + text
		}
		scs[n].Name = strings.Join(parts, ", ")
		scs[n].Note = fmt.Sprintf("Made by a sweep of %q.", base.Name)
		for i := len(idx) - 1; i >= 0; i-- {
			if idx[i]++; idx[i] < len(vary[i].Values) {
				break
			}
			idx[i] = 0
		}
	}
}

// stop cancels a running sweep, or closes the dialog.
func (d *SweepDialog) stop() {
	if d.running {
		d.cancel()
		return
	}
	if d.dlg != nil {
		d.dlg.Hide()
	}
}
