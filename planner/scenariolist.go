package planner

import (
	"fmt"
	"slices"
)

// The scenario list's rules: how new, duplicated and swept scenarios are
// named, what happens to the baseline when a scenario is renamed or
// deleted, and how scenarios move. The window and the command line call
// these; they keep every name in the set unique.

// NewScenarioName is the name of a scenario added empty.
const NewScenarioName = "New scenario"

// UniqueName returns base if no scenario of f has that name, else the first
// of "base 2", "base 3", ... that is free.
func (f *File) UniqueName(base string) string {
	used := f.names()
	if !used[base] {
		return base
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s %d", base, n); !used[s] {
			return s
		}
	}
}

func (f *File) names() map[string]bool {
	used := make(map[string]bool, len(f.Scenarios))
	for i := range f.Scenarios {
		used[f.Scenarios[i].Name] = true
	}
	return used
}

// InsertAfter puts sc after scenario i (at the start when i < 0, at the
// end when i is past the last) and returns its index. The caller names sc
// (UniqueName).
func (f *File) InsertAfter(i int, sc Scenario) int {
	at := min(max(i+1, 0), len(f.Scenarios))
	f.Scenarios = slices.Insert(f.Scenarios, at, sc)
	return at
}

// AddNew adds an empty scenario on accelerator gpu after scenario i, named
// NewScenarioName (numbered if taken), and returns its index.
func (f *File) AddNew(i int, gpu string) int {
	return f.InsertAfter(i, Scenario{Name: f.UniqueName(NewScenarioName), GPU: gpu, Values: map[string]float64{}})
}

// Duplicate copies scenario i after it, named "<name> copy" (numbered if
// taken), and returns the copy's index; -1 if i is out of range.
func (f *File) Duplicate(i int) int {
	if i < 0 || i >= len(f.Scenarios) {
		return -1
	}
	sc := f.Scenarios[i].Clone()
	sc.Name = f.UniqueName(sc.Name + " copy")
	return f.InsertAfter(i, sc)
}

// Rename names scenario i name; the baseline follows the scenario. It
// refuses (FieldError on "name") a name CheckName refuses or one another
// scenario has.
func (f *File) Rename(i int, name string) error {
	if err := CheckName(name); err != nil {
		return err
	}
	for j := range f.Scenarios {
		if j != i && f.Scenarios[j].Name == name {
			return &FieldError{Field: "name", Msg: fmt.Sprintf("%q is already used by another scenario", name)}
		}
	}
	if i < 0 || i >= len(f.Scenarios) {
		return &FieldError{Field: "name", Msg: "no scenario is selected"}
	}
	if f.Baseline == f.Scenarios[i].Name {
		f.Baseline = name
	}
	f.Scenarios[i].Name = name
	return nil
}

// Delete removes scenario i and returns the index to select next (the one
// that took its place, or the new last). The last scenario of a set is
// kept: ok is false and nothing changes. Deleting the baseline returns the
// set to the default baseline (the first scenario).
func (f *File) Delete(i int) (next int, ok bool) {
	if len(f.Scenarios) <= 1 || i < 0 || i >= len(f.Scenarios) {
		return i, false
	}
	if f.Baseline == f.Scenarios[i].Name {
		f.Baseline = ""
	}
	f.Scenarios = slices.Delete(f.Scenarios, i, i+1)
	return min(i, len(f.Scenarios)-1), true
}

// Move moves scenario i by places (-1 up, +1 down) and returns its new
// index; ok is false, and nothing changes, when that would leave the list.
// Names and the baseline are unchanged.
func (f *File) Move(i, by int) (at int, ok bool) {
	j := i + by
	if i < 0 || i >= len(f.Scenarios) || j < 0 || j >= len(f.Scenarios) {
		return i, false
	}
	sc := f.Scenarios[i]
	f.Scenarios = slices.Insert(slices.Delete(f.Scenarios, i, i+1), j, sc)
	return j, true
}

// Append adds scenarios (a sweep's grid) at the end, renaming one whose
// name is taken to "name (2)", "name (3)", ..., and returns the index of
// the first added (len before the call).
func (f *File) Append(scs []Scenario) int {
	first := len(f.Scenarios)
	used := f.names()
	for _, s := range scs {
		name := s.Name
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s (%d)", s.Name, n)
		}
		used[name] = true
		s.Name = name
		f.Scenarios = append(f.Scenarios, s)
	}
	return first
}
