package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

func marshal(t testing.TB, f *planner.File) string {
	t.Helper()
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// roundTripSet is testSet with the parts a scenario file holds beyond the
// numbers: ranges, notes with awkward text, a baseline, gap inputs.
func roundTripSet(t testing.TB) (*planner.File, *planner.Catalog) {
	set, cat := testSet(t)
	set.Scenarios[0].Note = "note with _x0041_, <tags> & \"quotes\", \ufffe, 日本語, " + strings.Repeat("long ", 4000)
	set.Scenarios[1].Name = "name _x005F_ with escapes"
	set.Baseline = set.Scenarios[2].Name
	set.Scenarios[2].Ranges = map[string]planner.Range{"mfu": {Low: 0.3, Likely: 0.4, High: 0.5, Dist: "pert"}}
	set.Gap = testGap(t, cat)
	return set, cat
}

// TestReadRoundTrip reads back an unedited workbook: the scenario set comes
// back exactly.
func TestReadRoundTrip(t *testing.T) {
	set, cat := roundTripSet(t)
	book := writeBook(t, set, cat, Options{})
	got, err := Read(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	if w, g := marshal(t, set), marshal(t, got); w != g {
		t.Errorf("round trip: want\n%.2000s\ngot\n%.2000s", w, g)
	}
}

// TestReadEdits edits Assumptions cells the way an analyst would and checks
// that each edit comes back as the scenario's input.
func TestReadEdits(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	ref := func(key string, scenario int) string {
		return l.assumptions[l.aIndex[key]].letter + strconv.Itoa(FirstRow+scenario)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	// Scenario 2 ("Next-gen 1T x 50T"): user-set mfu cleared, catalogue PUE
	// edited, energy choice edited, params edited (active-params is derived,
	// a formula, and must stay derived), renamed.
	edits := []struct {
		cell string
		v    any
	}{
		{ref(planner.KeyPUE, 2), 1.3},
		{ref(planner.KeyEnergy, 2), "gas"},
		{ref(planner.KeyParams, 2), 2e12},
		{ref(KeyName, 2), "Next-gen, edited"},
		{ref(planner.KeyGPUs, 0), 30000},
	}
	for _, e := range edits {
		if err := f.SetCellValue(SheetAssumptions, e.cell, e.v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellValue(SheetAssumptions, ref(planner.KeyMFU, 2), nil); err != nil {
		t.Fatal(err)
	}
	// A deleted row drops its scenario: remove scenario 5 ("Next-gen liquid-cooled").
	if err := f.RemoveRow(SheetAssumptions, FirstRow+5); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(set.Scenarios) - 1; len(got.Scenarios) != want {
		t.Fatalf("scenarios: want %d, got %d", want, len(got.Scenarios))
	}
	if got.Scenario("Next-gen liquid-cooled") != nil {
		t.Errorf("deleted row: want the scenario dropped, got it back")
	}
	sc := got.Scenario("Next-gen, edited")
	if sc == nil {
		t.Fatalf("renamed scenario: want %q, got names %v", "Next-gen, edited", names(got))
	}
	tests := []struct {
		name string
		key  string
		want float64
		set  bool
	}{
		{"edited catalogue value becomes user input", planner.KeyPUE, 1.3, true},
		{"edited user value", planner.KeyParams, 2e12, true},
		{"cleared user value takes its default", planner.KeyMFU, 0, false},
		{"derived input stays derived", planner.KeyActiveParams, 0, false},
		{"untouched user value", planner.KeyGPUs, 100000, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := sc.Value(tc.key)
			if ok != tc.set || (ok && v != tc.want) {
				t.Errorf("%s: want set=%v %g, got set=%v %g", tc.key, tc.set, tc.want, ok, v)
			}
		})
	}
	if sc.Energy != "gas" {
		t.Errorf("energy: want gas, got %q", sc.Energy)
	}
	if v, _ := got.Scenarios[0].Value(planner.KeyGPUs); v != 30000 {
		t.Errorf("%s gpus: want 30000, got %g", got.Scenarios[0].Name, v)
	}
	// The imported set resolves: the edits are valid inputs.
	for i := range got.Scenarios {
		if _, _, err := planner.Estimate(cat, &got.Scenarios[i]); err != nil {
			t.Errorf("%s: %v", got.Scenarios[i].Name, err)
		}
	}
}

func names(f *planner.File) []string {
	var n []string
	for _, s := range f.Scenarios {
		n = append(n, s.Name)
	}
	return n
}

// TestReadAfterLibreOffice saves the workbook through LibreOffice (as an
// analyst's spreadsheet would) and reads it back unchanged.
func TestReadAfterLibreOffice(t *testing.T) {
	set, cat := roundTripSet(t)
	book := writeBook(t, set, cat, Options{})
	out, _, _ := convert(t, book, "xlsx:Calc MS Excel 2007 XML")
	saved, err := os.ReadFile(filepath.Join(out, "book.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	if w, g := marshal(t, set), marshal(t, got); w != g {
		t.Errorf("after LibreOffice: want\n%.3000s\ngot\n%.3000s", w, g)
	}
}

// TestReadRejects checks the errors for files aiplan did not write.
func TestReadRejects(t *testing.T) {
	other := excelize.NewFile()
	_ = other.SetCellStr("Sheet1", "A1", "budget")
	var ob bytes.Buffer
	if _, err := other.WriteTo(&ob); err != nil {
		t.Fatal(err)
	}
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{})
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a readable Excel workbook"},
		{"text", []byte("name,value\n"), "not a readable Excel workbook"},
		{"scenario file", []byte(`{"format":"aiplan-scenarios"}`), "not a readable Excel workbook"},
		{"another workbook", ob.Bytes(), "not a workbook written by aiplan"},
		{"truncated", book[:len(book)/2], "not a readable Excel workbook"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error containing %q, got %v", tc.want, err)
			}
			if got != nil {
				t.Errorf("want no scenario set on error, got %d scenarios", len(got.Scenarios))
			}
		})
	}
	if _, err := Read(bytes.NewReader(ob.Bytes())); !errors.Is(err, ErrNotAiplan) {
		t.Errorf("another workbook: want ErrNotAiplan, got %v", err)
	}
}

// FuzzRead feeds corrupt and hostile workbooks to Read: it may fail, never
// panic, stays within the memory bound, and a success is a valid scenario set.
func FuzzRead(f *testing.F) {
	set, cat := testSet(f)
	set.Scenarios = set.Scenarios[:3]
	book := writeBook(f, set, cat, Options{})
	f.Add(book)
	f.Add(book[:len(book)/3])
	f.Add(book[:len(book)-10])
	flipped := append([]byte(nil), book...)
	for i := 100; i < len(flipped); i += 997 {
		flipped[i] ^= 0x5a
	}
	f.Add(flipped)
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	for _, h := range hostileBooks(f) {
		if len(h.book) < 64<<10 {
			f.Add(h.book)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got *planner.File
		var err error
		// Issue 14: any workbook up to 10 MB is read or refused within
		// 200 MB (allocations, an upper bound of the heap it adds).
		if alloc := allocated(func() { got, err = Read(bytes.NewReader(data)) }); alloc > readMemoryBound {
			t.Errorf("Read of %d bytes allocated %d MB; the bound is %d MB", len(data), alloc>>20, readMemoryBound>>20)
		}
		if err != nil {
			return
		}
		if err := got.Check(); err != nil {
			t.Errorf("Read returned an invalid set: %v", err)
		}
	})
}
