package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// newExportWindow opens the window with an ExportExcel hook that writes the
// scenario names once release is closed (nil: at once) and fails with fail.
func newExportWindow(t *testing.T, release <-chan struct{}, fail error) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	win := test.NewTempWindow(t, nil)
	return New(a, win, Options{Catalog: cat, Defaults: defs, Now: func() time.Time { return testNow },
		ExportExcel: func(out io.Writer, s State) error {
			if release != nil {
				<-release
			}
			if fail != nil {
				return fail
			}
			_, err := io.WriteString(out, s.File.Scenarios[0].Name)
			return err
		}})
}

// TestExportExcelURI runs the export off the UI goroutine: the menu item is
// disabled while it runs, a second export is refused, and the file appears
// whole when the returned channel reports success.
func TestExportExcelURI(t *testing.T) {
	release := make(chan struct{})
	w := newExportWindow(t, release, nil)
	path := filepath.Join(t.TempDir(), "book.xlsx")
	done := w.ExportExcelURI(storage.NewFileURI(path))
	if !w.Actions.ExportExcel.Disabled {
		t.Error("while exporting: want File > Export to Excel disabled, got enabled")
	}
	if err := <-w.ExportExcelURI(storage.NewFileURI(path)); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Errorf("second export: want 'already running', got %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("while exporting: want no file yet, got one")
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("want success, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("export: want a result within 10 s, got none")
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != w.File().Scenarios[0].Name {
		t.Errorf("file: want %q, got %q (%v)", w.File().Scenarios[0].Name, got, err)
	}
	if w.Actions.ExportExcel.Disabled {
		t.Error("after exporting: want the menu item enabled again, got disabled")
	}
}

// TestExportExcelURIError: a failing export shows the error, reports it on
// the channel, writes no file and re-enables the menu item.
func TestExportExcelURIError(t *testing.T) {
	w := newExportWindow(t, nil, errors.New("scenario \"x\": boom"))
	path := filepath.Join(t.TempDir(), "book.xlsx")
	err := <-w.ExportExcelURI(storage.NewFileURI(path))
	if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "book.xlsx") {
		t.Errorf("want an error naming the file and the cause, got %v", err)
	}
	if w.LastError() == nil || w.LastError().Error() != err.Error() {
		t.Errorf("dialog: want %v shown, got %v", err, w.LastError())
	}
	if _, serr := os.Stat(path); serr == nil {
		t.Error("want no file after a failed export, got one")
	}
	if w.Actions.ExportExcel.Disabled {
		t.Error("after a failed export: want the menu item enabled, got disabled")
	}
}

// TestExportExcelShortcut: File > Export to Excel is on Ctrl+E (Cmd+E).
func TestExportExcelShortcut(t *testing.T) {
	w := newExportWindow(t, nil, nil)
	sc, ok := w.Actions.ExportExcel.Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyE || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Errorf("want E with the default shortcut modifier, got %#v", w.Actions.ExportExcel.Shortcut)
	}
	if w.Actions.ExportExcel.Disabled {
		t.Error("with a hook: want the item enabled, got disabled")
	}
}
