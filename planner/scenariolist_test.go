package planner

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func listOf(baseline string, names ...string) *File {
	f := &File{Baseline: baseline}
	for _, n := range names {
		f.Scenarios = append(f.Scenarios, Scenario{Name: n, GPU: "h100-sxm", Values: map[string]float64{"mfu": 0.4}})
	}
	return f
}

func namesOf(f *File) []string {
	var out []string
	for _, s := range f.Scenarios {
		out = append(out, s.Name)
	}
	return out
}

func TestUniqueName(t *testing.T) {
	for _, tc := range []struct {
		name  string
		have  []string
		base  string
		wantN string
	}{
		{"free", []string{"A"}, "B", "B"},
		{"taken", []string{"A"}, "A", "A 2"},
		{"2 taken too", []string{"A", "A 2"}, "A", "A 3"},
		{"gap filled first", []string{"A", "A 3"}, "A", "A 2"},
		{"empty set", nil, "New scenario", "New scenario"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := listOf("", tc.have...).UniqueName(tc.base); got != tc.wantN {
				t.Errorf("%s: want %q, got %q", tc.name, tc.wantN, got)
			}
		})
	}
}

func TestScenarioListEdits(t *testing.T) {
	for _, tc := range []struct {
		name         string
		f            *File
		edit         func(f *File) (int, bool)
		wantNames    []string
		wantBaseline string
		wantAt       int
		wantOK       bool
	}{
		{"new after selected", listOf("", "A", "B"), func(f *File) (int, bool) { return f.AddNew(0, "h100-sxm"), true },
			[]string{"A", "New scenario", "B"}, "", 1, true},
		{"second new is numbered", listOf("", "New scenario"), func(f *File) (int, bool) { return f.AddNew(0, "x"), true },
			[]string{"New scenario", "New scenario 2"}, "", 1, true},
		{"duplicate", listOf("", "A", "B"), func(f *File) (int, bool) { return f.Duplicate(1), true },
			[]string{"A", "B", "B copy"}, "", 2, true},
		{"duplicate twice", listOf("", "A", "A copy"), func(f *File) (int, bool) { return f.Duplicate(0), true },
			[]string{"A", "A copy 2", "A copy"}, "", 1, true},
		{"duplicate out of range", listOf("", "A"), func(f *File) (int, bool) { return f.Duplicate(3), true },
			[]string{"A"}, "", -1, true},
		{"delete middle", listOf("", "A", "B", "C"), func(f *File) (int, bool) { return f.Delete(1) },
			[]string{"A", "C"}, "", 1, true},
		{"delete last selects new last", listOf("", "A", "B"), func(f *File) (int, bool) { return f.Delete(1) },
			[]string{"A"}, "", 0, true},
		{"delete baseline clears it", listOf("B", "A", "B"), func(f *File) (int, bool) { return f.Delete(1) },
			[]string{"A"}, "", 0, true},
		{"delete other keeps baseline", listOf("B", "A", "B"), func(f *File) (int, bool) { return f.Delete(0) },
			[]string{"B"}, "B", 0, true},
		{"only scenario kept", listOf("A", "A"), func(f *File) (int, bool) { return f.Delete(0) },
			[]string{"A"}, "A", 0, false},
		{"move down", listOf("A", "A", "B", "C"), func(f *File) (int, bool) { return f.Move(0, 1) },
			[]string{"B", "A", "C"}, "A", 1, true},
		{"move up", listOf("", "A", "B", "C"), func(f *File) (int, bool) { return f.Move(2, -1) },
			[]string{"A", "C", "B"}, "", 1, true},
		{"move past top refused", listOf("", "A", "B"), func(f *File) (int, bool) { return f.Move(0, -1) },
			[]string{"A", "B"}, "", 0, false},
		{"move past end refused", listOf("", "A", "B"), func(f *File) (int, bool) { return f.Move(1, 1) },
			[]string{"A", "B"}, "", 1, false},
		{"sweep names", listOf("", "A", "S"), func(f *File) (int, bool) {
			return f.Append([]Scenario{{Name: "S"}, {Name: "S"}, {Name: "T"}, {Name: "A"}}), true
		}, []string{"A", "S", "S (2)", "S (3)", "T", "A (2)"}, "", 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at, ok := tc.edit(tc.f)
			if got := namesOf(tc.f); !slices.Equal(got, tc.wantNames) {
				t.Errorf("%s: names: want %q, got %q", tc.name, tc.wantNames, got)
			}
			if tc.f.Baseline != tc.wantBaseline {
				t.Errorf("%s: baseline: want %q, got %q", tc.name, tc.wantBaseline, tc.f.Baseline)
			}
			if at != tc.wantAt || ok != tc.wantOK {
				t.Errorf("%s: want index %d ok %v, got %d %v", tc.name, tc.wantAt, tc.wantOK, at, ok)
			}
		})
	}
}

func TestRename(t *testing.T) {
	for _, tc := range []struct {
		name, to, wantErr, wantBaseline string
		wantNames                       []string
	}{
		{"plain", "Z", "", "B", []string{"Z", "B"}},
		{"baseline follows", "Y", "", "Y", nil},
		{"taken", "B", "already used", "B", []string{"A", "B"}},
		{"empty", "  ", "is empty", "B", []string{"A", "B"}},
		{"control character", "a\tb", "control character", "B", []string{"A", "B"}},
		{"same name", "A", "", "B", []string{"A", "B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := listOf("B", "A", "B")
			i := 0
			if tc.name == "baseline follows" {
				i, tc.wantNames = 1, []string{"A", "Y"}
			}
			err := f.Rename(i, tc.to)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("%s: want no error, got %v", tc.name, err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || ErrField(err) != "name"):
				t.Fatalf("%s: want a name error with %q, got %v", tc.name, tc.wantErr, err)
			}
			if got := namesOf(f); !slices.Equal(got, tc.wantNames) {
				t.Errorf("%s: names: want %q, got %q", tc.name, tc.wantNames, got)
			}
			if f.Baseline != tc.wantBaseline {
				t.Errorf("%s: baseline: want %q, got %q", tc.name, tc.wantBaseline, f.Baseline)
			}
		})
	}
}

func TestHumanNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{1e8, "100,000,000"},
		{0.009315068493150684, "0.00932"},
		{1.4000000000000001, "1.4"},
		{0.30000000000000004, "0.3"},
		{10700.4, "10,700"},
		{2048, "2,048"},
		{-1234.6, "-1,235"},
		{0.375, "0.375"},
		{999.4, "999"},
		{999.7, "1,000"},
		{1e15, "1e15"},
		{2.1e25, "2.1e25"},
		{1e-9, "1e-9"},
		{0, "0"},
		{math.NaN(), "n/a"},
		{math.Inf(1), "n/a"},
	} {
		if got := HumanNumber(tc.v); got != tc.want {
			t.Errorf("HumanNumber(%v): want %q, got %q", tc.v, tc.want, got)
		}
	}
}
