package export

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// openBook opens a written workbook with excelize.
func openBook(t testing.TB, book []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// TestSourcesComplete (issue 14 item 3): comma-joined source keys
// ("LI-THIRSTY,CODE-EGRID") are split, so every catalogue figure has its
// citation and the Sources sheet lists every source used.
func TestSourcesComplete(t *testing.T) {
	set, cat := testSet(t)
	f := openBook(t, writeBook(t, set, cat, Options{Clock: fixedClock}))
	rows, err := f.GetRows(SheetSources)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range rows[1:] {
		listed[r[0]] = true
	}
	// The default scenarios use PUE, WUE and EWIF figures cited as
	// comma-joined keys (catalog.json); before the fix 8 sources were listed.
	for _, k := range []string{"PATT", "LI-THIRSTY", "MORRISON", "CODE-EGRID"} {
		if !listed[k] {
			t.Errorf("Sources: %s is used but not listed (listed: %v)", k, listed)
		}
	}
	if len(listed) <= 15 {
		t.Errorf("Sources: want more than 15 sources, got %d", len(listed))
	}
	prov, err := f.GetRows(SheetProvenance)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range prov[1:] {
		if len(r) > 6 && strings.Contains(r[6], ",") && !strings.Contains(r[6], " ") && (len(r) < 8 || r[7] == "") {
			t.Errorf("Provenance row %d (%s, %s): source %q has no citation", i+2, r[0], r[1], r[6])
		}
	}
}

// TestNameRule (issue 14 item 5): one rule for names. Leading and trailing
// spaces are dropped on export, names equal after that are refused, and a
// padded name round-trips to its trimmed form instead of failing import.
func TestNameRule(t *testing.T) {
	_, cat := testSet(t)
	sc := func(name string) planner.Scenario {
		return planner.Scenario{Name: name, GPU: "h100", Values: map[string]float64{"flops": 1e24, "gpus": 1000}}
	}
	t.Run("run and run+space refused", func(t *testing.T) {
		set := planner.NewFile(cat.Version, []planner.Scenario{sc("run"), sc("run ")})
		var buf bytes.Buffer
		err := Write(&buf, set, cat, Options{Clock: fixedClock})
		if err == nil || !strings.Contains(err.Error(), "same name") {
			t.Fatalf("want a same-name error, got %v", err)
		}
		if buf.Len() != 0 {
			t.Fatalf("want nothing written, got %d bytes", buf.Len())
		}
	})
	t.Run("padded name round-trips trimmed", func(t *testing.T) {
		set := planner.NewFile(cat.Version, []planner.Scenario{sc(" padded"), sc("other ")})
		set.Baseline = " padded"
		back, err := Read(bytes.NewReader(writeBook(t, set, cat, Options{Clock: fixedClock})))
		if err != nil {
			t.Fatal(err)
		}
		if got := names(back); strings.Join(got, "|") != "padded|other" || back.Baseline != "padded" {
			t.Fatalf("want names padded|other and baseline padded, got %q, %q", got, back.Baseline)
		}
		if set.Scenarios[0].Name != " padded" {
			t.Fatalf("Write changed the caller's set: %q", set.Scenarios[0].Name)
		}
	})
}

// TestReadStrictData (issue 14 item 8): the hidden data sheet is decoded by
// the same strict decoder as scenario files: a duplicate key, an unknown
// field or invalid UTF-8 is refused, not read last-wins or ignored.
func TestReadStrictData(t *testing.T) {
	set, cat := roundTripSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	f := openBook(t, book)
	head, err := f.GetCellValue(sheetData, "B2")
	if err != nil {
		t.Fatal(err)
	}
	// A scenario held in one cell (no continuation in column D).
	var sc, at string
	for r := dataFirstRow; r < dataFirstRow+len(set.Scenarios) && at == ""; r++ {
		c, _ := f.GetCellValue(sheetData, cellAt(3, r))
		d, _ := f.GetCellValue(sheetData, cellAt(4, r))
		if d == "" && strings.HasSuffix(c, "}") {
			sc, at = c, cellAt(3, r)
		}
	}
	if !strings.HasPrefix(head, "{") || at == "" {
		t.Fatalf("data sheet layout changed: B2 %q, no one-cell scenario", head)
	}
	tests := []struct{ name, cell, value, want string }{
		{"duplicate key in the file header", "B2", strings.Replace(head, "{", `{"version":1,`, 1), `duplicate key "version"`},
		{"unknown field in a scenario", at, strings.TrimSuffix(sc, "}") + `,"bogus":1}`, `unknown field "bogus"`},
		{"duplicate key in a scenario", at, strings.Replace(sc, "{", `{"name":"other",`, 1), `duplicate key "name"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(setCell(t, book, sheetData, tc.cell, tc.value)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

// TestReadValidates (issue 14 item 2): an Assumptions edit outside the
// planner's range is refused with the sheet, cell, field and range, not
// imported into a file estimate then refuses.
func TestReadValidates(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	ref := func(key string) string { return l.assumptions[l.aIndex[key]].letter + "5" }
	tests := []struct {
		key  string
		v    any
		want string
	}{
		{planner.KeyGPUs, -5, `Assumptions!` + ref(planner.KeyGPUs) + `, Accelerators (gpus): "-5" is not accepted; accepted: 1 to 100,000,000, a whole number`},
		{planner.KeyMFU, 1.5, `Assumptions!` + ref(planner.KeyMFU) + `, MFU (mfu): "1.5" is not accepted; accepted: 0.001 to 1`},
		{planner.KeyGPUs, 10.5, "a whole number"},
		{planner.KeyPUE, "abc", `PUE`},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s=%v", tc.key, tc.v), func(t *testing.T) {
			_, err := Read(bytes.NewReader(setCell(t, book, SheetAssumptions, ref(tc.key), tc.v)))
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an *InputError containing %q, got %v", tc.want, err)
			}
			if ie.Field != tc.key || ie.Sheet != SheetAssumptions || ie.Cell != ref(tc.key) {
				t.Errorf("want field %s at %s!%s, got %+v", tc.key, SheetAssumptions, ref(tc.key), ie)
			}
		})
	}
}

// TestValidateChoices: an edited choice the catalogue does not know is
// refused naming the scenario and the input.
func TestValidateChoices(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	cell := l.assumptions[l.aIndex[planner.KeyGPU]].letter + "4"
	got, err := Read(bytes.NewReader(setCell(t, book, SheetAssumptions, cell, "no-such-gpu")))
	if err != nil {
		t.Fatal(err)
	}
	err = Validate(got, cat)
	if err == nil || !strings.Contains(err.Error(), `scenario "`+set.Scenarios[0].Name+`"`) || planner.ErrField(err) != planner.KeyGPU {
		t.Fatalf("want an error naming the scenario and field gpu, got %v", err)
	}
	if err := Validate(set, cat); err != nil {
		t.Fatalf("the exported set: %v", err)
	}
}
