package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

// committedCloud is the cloud cost the planner gives for scenario name of
// the window's set, as the results panel writes it.
func committedFigure(t *testing.T, w *Window, name, path string) string {
	t.Helper()
	sc := w.File().Scenario(name)
	res, err := planner.Resolve(w.cat, sc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	r := planner.Evaluate(&res.Inputs)
	v, _ := planner.OutputByPath(path).Get(&r.Totals)
	return planner.Human(path, v)
}

// TestHalfTypedValueNeverDrivesResults: typing "150%" into MFU passes
// through "1" (100%, valid); the results must stay those of the saved MFU,
// say so, name the field by its label and echo the text (issue 13 items 1
// and 6: the panel showed MFU = 100%, cloud $409M, under "mfu: 1.5").
func TestHalfTypedValueNeverDrivesResults(t *testing.T) {
	w := newTestWindow(t)
	const name = "Next-gen 1T x 50T"
	w.Select(mustIndex(t, w, name))
	want := map[string]string{}
	for _, p := range []string{"costUSD.cloud", "impliedMFU", "gpuHours"} {
		want[p] = w.Results.Values[p].Text
	}
	typeInto(w, planner.KeyMFU, "150%")
	for p, v := range want {
		if got := w.Results.Values[p].Text; got != v {
			t.Errorf("%s after typing 150%%: want the saved value's %q, got %q", p, v, got)
		}
	}
	if got := committedFigure(t, w, name, "costUSD.cloud"); got != want["costUSD.cloud"] {
		t.Errorf("committed scenario: want cloud %q, got %q (the half-typed 1 was kept)", want["costUSD.cloud"], got)
	}
	st := w.Results.Status.Text
	for _, s := range []string{"saved inputs", "MFU", `"150%"`, "0.1% to 100%"} {
		if !strings.Contains(st, s) {
			t.Errorf("status: want %q in it, got %q", s, st)
		}
	}
	if strings.Contains(st, "mfu:") || strings.Contains(st, "1.5 ") {
		t.Errorf("status: want the label and the typed text, not the flag name or parsed value, got %q", st)
	}
	if d := w.Editor.Details[planner.KeyMFU].Text; !strings.Contains(d, `"150%"`) {
		t.Errorf("MFU detail: want the typed text echoed, got %q", d)
	}
}

// TestInvalidEntryThenSwitch: with a refused entry still shown, selecting
// another scenario and back leaves list, editor and results on one
// scenario (issue 13 item 2: the panel stayed headed "Next-gen on gas").
func TestInvalidEntryThenSwitch(t *testing.T) {
	w := newTestWindow(t)
	const name, other = "Next-gen 1T x 50T", "Next-gen on gas"
	w.Select(mustIndex(t, w, name))
	want := w.Results.Values["costUSD.cloud"].Text
	typeInto(w, planner.KeyMFU, "150%")
	w.Select(mustIndex(t, w, other))
	if got := w.Results.Title.Text; got != other {
		t.Errorf("after selecting %q: want the results headed by it, got %q", other, got)
	}
	w.Select(mustIndex(t, w, name))
	if got := w.Results.Title.Text; got != name {
		t.Errorf("after selecting back: want the results headed %q, got %q", name, got)
	}
	if got := w.Editor.Name.Text; got != name {
		t.Errorf("editor: want %q, got %q", name, got)
	}
	if got := w.Results.Values["costUSD.cloud"].Text; got != want {
		t.Errorf("cloud: want %q, got %q", want, got)
	}
	if got := committedFigure(t, w, name, "costUSD.cloud"); got != want {
		t.Errorf("cloud of the set: want %q, got %q", want, got)
	}
	if strings.Contains(w.Results.Status.Text, "saved inputs") {
		t.Errorf("status after reselecting: want no refusal left, got %q", w.Results.Status.Text)
	}
}

// TestPrecisionNeverBlanks: an invalid entry leaves the Precision select
// on the scenario's precision (issue 13 item 3: it showed "(Select one)").
func TestPrecisionNeverBlanks(t *testing.T) {
	for _, text := range []string{"150%", "lots", "-", "1t"} {
		t.Run(text, func(t *testing.T) {
			w := newTestWindow(t)
			w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
			want := w.Editor.Selects[planner.KeyPrecision].Selected
			if want == "" {
				t.Fatal("precision: want a selection before the edit, got none")
			}
			typeInto(w, planner.KeyMFU, text)
			for key, s := range w.Editor.Selects {
				if s.Selected == "" {
					t.Errorf("%s after typing %q: want a selection, got none", key, text)
				}
			}
			if got := w.Editor.Selects[planner.KeyPrecision].Selected; got != want {
				t.Errorf("precision: want %q, got %q", want, got)
			}
		})
	}
}

// TestRangeMessagesReadable: an out-of-range entry's message has no
// shortest round-trip float or exponent (issue 13 item 6: "1e+08").
func TestRangeMessagesReadable(t *testing.T) {
	w := newTestWindow(t)
	e := w.Editor.Entries[planner.KeyGPUs]
	w.Window.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, "200000000")
	d := w.Editor.Details[planner.KeyGPUs].Text
	if !strings.Contains(d, "100,000,000") || strings.Contains(d, "e+") {
		t.Errorf("Accelerators: want the range as 100,000,000, got %q", d)
	}
	if st := w.Results.Status.Text; !strings.Contains(st, "Accelerators") || strings.Contains(st, "gpus") {
		t.Errorf("status: want the field's label, got %q", st)
	}
}
