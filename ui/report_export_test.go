package ui

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"aiplan/report"
)

// TestExportReportURI: File > Export Report writes the real two-page PDF
// (report.WriteReport, as cmd/aiplan wires it) off the UI goroutine,
// disables both exports meanwhile and says where the file went.
func TestExportReportURI(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	release := make(chan struct{})
	w := New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow },
		ExportExcel: func(io.Writer, State) error { return nil },
		ExportReport: func(out io.Writer, s State) error {
			<-release
			return report.WriteReport(out, s.File, s.Catalog, "a4", "test")
		}})
	if w.Actions.ExportReport == nil || w.Actions.ExportReport.Disabled {
		t.Fatal("want File > Export Report (PDF) enabled")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	done := w.ExportReportURI(storage.NewFileURI(path))
	if !w.Actions.ExportReport.Disabled || !w.Actions.ExportExcel.Disabled {
		t.Error("while exporting: want both exports disabled")
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("want success, got %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("export report: want a result within 60 s, got none")
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Fatalf("file: want a PDF, got %d bytes (%v)", len(got), err)
	}
	if !strings.Contains(w.LastMessage, path) || !strings.Contains(w.LastMessage, "report") {
		t.Errorf("message: want the report's path %s, got %q", path, w.LastMessage)
	}
	if w.Actions.ExportReport.Disabled || w.Actions.ExportExcel.Disabled {
		t.Error("after exporting: want both exports enabled again")
	}
	// The PDF holds the built-in set's key figure: GPT-4 class cloud cost
	// $82.7M (57M GPU-hours x $1.45, Epoch AI; see report_test.go).
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "$82.7M") {
			t.Errorf("pdftotext: want $82.7M in the report, got %v", err)
		}
	}
}
