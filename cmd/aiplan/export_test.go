package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/export"
	"aiplan/planner"
)

// TestExportImportRoundTrip exports the built-in defaults and imports the
// workbook back: the same scenario file comes out.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "report.xlsx")
	if _, stderr, code := runCmd(t, "export", "-o", book); code != exitOK {
		t.Fatalf("export: want exit 0, got %d (%s)", code, stderr)
	}
	back := filepath.Join(dir, "back.aiplan")
	if _, stderr, code := runCmd(t, "import", book, "-o", back); code != exitOK {
		t.Fatalf("import: want exit 0, got %d (%s)", code, stderr)
	}
	got, err := os.ReadFile(back)
	if err != nil {
		t.Fatal(err)
	}
	want, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := want.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(wb) {
		t.Errorf("round trip: want\n%s\ngot\n%s", wb, got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("want only the two outputs in the folder (no temp files), got %d entries", len(entries))
	}
}

// TestExportStdout writes the workbook to standard output with -o -.
func TestExportStdout(t *testing.T) {
	stdout, stderr, code := runCmd(t, "export", "-o", "-")
	if code != exitOK {
		t.Fatalf("want exit 0, got %d (%s)", code, stderr)
	}
	set, err := export.Read(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Scenarios) != 6 {
		t.Errorf("want the 6 default scenarios, got %d", len(set.Scenarios))
	}
}

// TestExportImportErrors: bad input exits 2 with one line on stderr naming
// the problem and nothing on stdout; no output file is left behind.
func TestExportImportErrors(t *testing.T) {
	dir := t.TempDir()
	badScenario := filepath.Join(dir, "bad.aiplan")
	f := planner.NewFile("x", []planner.Scenario{{Name: "a", GPU: "h100", Values: map[string]float64{"params": 1e9}}})
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badScenario, b, 0o644); err != nil {
		t.Fatal(err)
	}
	notBook := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notBook, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.xlsx")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"export without -o", []string{"export"}, "-o OUT.xlsx is required"},
		{"export missing file", []string{"export", filepath.Join(dir, "nope.aiplan"), "-o", out}, "nope.aiplan"},
		{"export unresolvable scenario", []string{"export", badScenario, "-o", out}, "--tokens"},
		{"export two files", []string{"export", badScenario, badScenario, "-o", out}, "unexpected argument"},
		{"import without -o", []string{"import", notBook}, "-o FILE.aiplan is required"},
		{"import not a workbook", []string{"import", notBook, "-o", out}, "not a readable Excel workbook"},
		{"import no file", []string{"import", "-o", out}, "exactly one workbook"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != exitUsage {
				t.Errorf("want exit 2, got %d", code)
			}
			if stdout != "" {
				t.Errorf("want nothing on stdout, got %q", stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("want one stderr line containing %q, got %q", tc.want, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("want no output file, got %s", out)
			}
		})
	}
}

// TestExportSheets: the command's workbook has the bubble gap, projection,
// uncertainty and chart sheets, with one picture per chart.
func TestExportSheets(t *testing.T) {
	book := filepath.Join(t.TempDir(), "report.xlsx")
	if _, stderr, code := runCmd(t, "export", "-o", book); code != exitOK {
		t.Fatalf("export: want exit 0, got %d (%s)", code, stderr)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck
	have := map[string]bool{}
	for _, s := range f.GetSheetList() {
		have[s] = true
	}
	for _, s := range []string{export.SheetSummary, export.SheetModel, export.SheetGap, export.SheetProjection, export.SheetUncertainty, export.SheetCharts} {
		if !have[s] {
			t.Errorf("want sheet %q, got %v", s, f.GetSheetList())
		}
	}
	cells, err := f.GetPictureCells(export.SheetCharts)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != 6 {
		t.Errorf("Charts: want 6 pictures (breakdown, compare, energy sources, gap, waterfall, projection), got %d", len(cells))
	}
	for _, c := range cells {
		pics, err := f.GetPictures(export.SheetCharts, c)
		if err != nil || len(pics) != 1 || !bytes.HasPrefix(pics[0].File, []byte("\x89PNG")) {
			t.Errorf("Charts %s: want one PNG, got %d pictures (%v)", c, len(pics), err)
		}
	}
}
