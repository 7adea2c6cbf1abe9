package ui

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

func TestSplitValues(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"1000 10000 100000", []string{"1000", "10000", "100000"}},
		{"coal; gas;nuclear", []string{"coal", "gas", "nuclear"}},
		{" 70,000 ;  175B ", []string{"70,000", "175B"}},
		{"", nil},
		{" ; ; ", nil},
	} {
		if got := SplitValues(tc.in); !(len(got) == 0 && len(tc.want) == 0) && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: want %q, got %q", tc.in, tc.want, got)
		}
	}
}

func TestSweepDialog(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)
	win := test.NewTempWindow(t, nil)
	base := f.Scenarios[0]

	t.Run("grid size and validation", func(t *testing.T) {
		d := NewSweepDialog(cat, base, win)
		if !d.Run.Disabled() {
			t.Errorf("empty rows: want Run disabled")
		}
		if d.Progress.Visible() {
			t.Errorf("before a run: want no progress bar (an idle bar reads as full or empty)")
		}
		for _, l := range d.Rows[0].Key.Options[1:] {
			if planner.FieldByKey(l) != nil || slices.Contains(planner.ChoiceKeys, l) {
				t.Errorf("input choice %q: want the field's label, not its flag name", l)
			}
		}
		d.Rows[0].SetKey(planner.KeyGPUs)
		test.Type(d.Rows[0].Values, "1000 10,000; 100k")
		d.Rows[1].SetKey(planner.KeyEnergy)
		test.Type(d.Rows[1].Values, "coal; gas")
		if got := d.GridSize(); got != 6 {
			t.Errorf("want a grid of 6, got %d", got)
		}
		if d.Run.Disabled() || !strings.Contains(d.Size.Text, "6 scenarios") {
			t.Errorf("want Run enabled and 6 scenarios shown, got %q", d.Size.Text)
		}
		test.Type(d.Rows[2].Values, "1 2")
		if !d.Run.Disabled() || !strings.Contains(d.Size.Text, "row 3") {
			t.Errorf("values without an input: want Run disabled and row 3 named, got %q", d.Size.Text)
		}
	})

	t.Run("run", func(t *testing.T) {
		d := NewSweepDialog(cat, base, win)
		finished := make(chan error, 1)
		d.OnFinished = func(err error) { finished <- err }
		var got []planner.Scenario
		d.OnResult = func(s []planner.Scenario) { got = s }
		d.Rows[0].SetKey(planner.KeyGPUs)
		test.Type(d.Rows[0].Values, "1000 10000")
		d.Rows[1].SetKey(planner.KeyEnergy)
		test.Type(d.Rows[1].Values, "coal;nuclear")
		d.Show()
		test.Tap(d.Run)
		if err := <-finished; err != nil {
			t.Fatalf("want success, got %v", err)
		}
		want := []string{"Accelerators 1,000, Energy source coal", "Accelerators 1,000, Energy source nuclear",
			"Accelerators 10,000, Energy source coal", "Accelerators 10,000, Energy source nuclear"}
		if names := scenarioNames(got); !reflect.DeepEqual(names, want) {
			t.Errorf("want scenarios %q, got %q", want, names)
		}
		for _, sc := range got {
			if sc.Note == base.Note || !strings.Contains(sc.Note, base.Name) {
				t.Errorf("%s: want a note naming the sweep's base, not the base's own note, got %q", sc.Name, sc.Note)
			}
		}
		if d.Progress.Value != 1 {
			t.Errorf("progress: want 1 at the end, got %v", d.Progress.Value)
		}
	})

	t.Run("bad value names the input", func(t *testing.T) {
		d := NewSweepDialog(cat, base, win)
		finished := make(chan error, 1)
		d.OnFinished = func(err error) { finished <- err }
		d.OnResult = func([]planner.Scenario) { t.Error("want no result on an error") }
		d.Rows[0].SetKey(planner.KeyEnergy)
		test.Type(d.Rows[0].Values, "coal peat")
		test.Tap(d.Run)
		err := <-finished
		if planner.ErrField(err) != planner.KeyEnergy && !strings.Contains(d.Size.Text, "energy") {
			t.Errorf("want an error naming energy, got %v (%q)", err, d.Size.Text)
		}
	})

	t.Run("cancel", func(t *testing.T) {
		// MFU is swept, so the base must not disclose GPU-hours (GPT-4 class
		// does): otherwise a run that finishes before the cancel lands fails.
		blind := f.Scenarios[len(f.Scenarios)-1]
		if _, ok := blind.Values[planner.KeyGPUHours]; ok {
			t.Fatalf("want a built-in scenario without disclosed GPU-hours, got %q", blind.Name)
		}
		d := NewSweepDialog(cat, blind, win)
		finished := make(chan error, 1)
		d.OnFinished = func(err error) { finished <- err }
		results := 0
		d.OnResult = func([]planner.Scenario) { results++ }
		d.Rows[0].SetKey(planner.KeyGPUs)
		test.Type(d.Rows[0].Values, strings.Repeat("1000 2000 3000 4000 5000 6000 7000 8000 9000 10000 ", 10))
		d.Rows[1].SetKey(planner.KeyMFU)
		test.Type(d.Rows[1].Values, strings.Repeat("20% 30% 40% 50% ", 25))
		d.Rows[2].SetKey(planner.KeyPUE)
		test.Type(d.Rows[2].Values, "1.1 1.2 1.3 1.4 1.5")
		if got := d.GridSize(); got != 100*100*5 {
			t.Fatalf("want a grid of 50,000, got %d", got)
		}
		test.Tap(d.Run)
		test.Tap(d.Cancel)
		err := <-finished
		// the sweep may finish before the cancel lands; a cancelled one gives no result
		if errors.Is(err, context.Canceled) {
			if results != 0 || d.Size.Text != "Cancelled." {
				t.Errorf("cancelled: want no result and \"Cancelled.\", got %d results, %q", results, d.Size.Text)
			}
		} else if err != nil {
			t.Errorf("want success or cancellation, got %v", err)
		}
		if d.Run.Disabled() {
			t.Errorf("after the run: want Run enabled again")
		}
	})
}
