package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"aiplan/internal/atomicfile"
	"aiplan/planner"
)

// Preference keys.
const (
	// PrefRecentFiles is the list of recently used scenario files (URIs),
	// newest first.
	PrefRecentFiles = "recentFiles"
	// MaxRecentFiles bounds the recent files list.
	MaxRecentFiles = 8
	// FileExtension is the extension of scenario files.
	FileExtension = ".aiplan"
)

// errNoScenarios refuses a scenario file with nothing to edit.
var errNoScenarios = errors.New("the file holds no scenarios")

// OpenURI reads the scenario set at uri and shows it. On any error (missing,
// corrupt, truncated, future version, too large) it shows a dialog, returns
// the error and leaves the open set unchanged.
func (w *Window) OpenURI(uri fyne.URI) error {
	r, err := storage.Reader(uri)
	if err != nil {
		return w.fileError("open", uri, err)
	}
	defer r.Close() //nolint:errcheck // read-only
	return w.openReader(r, uri)
}

func (w *Window) openReader(r io.Reader, uri fyne.URI) error {
	f, err := planner.ReadFile(r)
	if err == nil && len(f.Scenarios) == 0 {
		err = errNoScenarios
	}
	if err != nil {
		return w.fileError("open", uri, err)
	}
	w.load(f, uri)
	w.addRecent(uri)
	if f.CatalogVersion != "" && f.CatalogVersion != w.cat.Version {
		w.ShowNotice(CatalogNotice(uri, f.CatalogVersion, w.cat.Version))
	}
	return nil
}

// CatalogNotice is the notice shown when the file at uri was made with
// catalogue version made and the window runs catalogue now.
func CatalogNotice(uri fyne.URI, made, now string) string {
	name := "This file"
	if uri != nil {
		name = uri.Name()
	}
	return fmt.Sprintf("%s was made with reference catalogue %s; defaults now come from catalogue %s. "+
		"Inputs you did not set may resolve to different values. Saving records catalogue %s.", name, made, now, now)
}

// SaveURI writes the scenario set to uri: the whole file is built in memory
// first, and a local file is replaced atomically (temp file and rename), so
// a failed save never leaves a broken file.
func (w *Window) SaveURI(uri fyne.URI) error {
	f := w.File()
	f.CatalogVersion = w.cat.Version
	data, err := f.Marshal()
	if err == nil {
		err = writeURI(uri, data)
	}
	if err != nil {
		return w.fileError("save", uri, err)
	}
	w.file.CatalogVersion = w.cat.Version
	w.uri, w.dirty = uri, false
	w.Window.SetTitle(w.Title())
	w.addRecent(uri)
	return nil
}

// writeURI writes data in one go: local files through atomicfile, other
// storage through its writer.
func writeURI(uri fyne.URI, data []byte) error {
	if uri.Scheme() == "file" {
		return atomicfile.WriteFile(uri.Path(), data, 0o644)
	}
	wc, err := storage.Writer(uri)
	if err != nil {
		return err
	}
	if _, err := wc.Write(data); err != nil {
		wc.Close() //nolint:errcheck // already failing
		return err
	}
	return wc.Close()
}

func (w *Window) fileError(verb string, uri fyne.URI, err error) error {
	name := "the file"
	if uri != nil {
		name = uri.Name()
	}
	err = fmt.Errorf("could not %s %s: %w", verb, name, err)
	w.ShowError(err)
	return err
}

// ShowError shows err in a dialog; it is the one place the window reports
// errors. LastError returns it for tests.
func (w *Window) ShowError(err error) {
	w.lastErr = err
	dialog.ShowError(err, w.Window)
}

// LastError returns the last error shown in a dialog, or nil.
func (w *Window) LastError() error { return w.lastErr }

// Open asks for a scenario file (after confirming unsaved changes).
func (w *Window) Open() {
	w.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				w.ShowError(err)
				return
			}
			if r == nil {
				return
			}
			defer r.Close()          //nolint:errcheck // read-only
			w.openReader(r, r.URI()) //nolint:errcheck // shown in a dialog
		}, w.Window)
		d.SetFilter(storage.NewExtensionFileFilter([]string{FileExtension, ".json"}))
		w.startIn(d)
		d.Show()
	})
}

// startIn opens a file dialog in the folder of the current file.
func (w *Window) startIn(d *dialog.FileDialog) {
	if w.uri == nil {
		return
	}
	if parent, err := storage.Parent(w.uri); err == nil {
		if l, err := storage.ListerForURI(parent); err == nil {
			d.SetLocation(l)
		}
	}
}

// Save writes to the current file, or asks for one.
func (w *Window) Save() { w.save(nil) }

func (w *Window) save(then func()) {
	if w.uri == nil {
		w.saveAs(then)
		return
	}
	if w.SaveURI(w.uri) == nil && then != nil {
		then()
	}
}

// SaveAs asks for a file name and saves there.
func (w *Window) SaveAs() { w.saveAs(nil) }

func (w *Window) saveAs(then func()) {
	// Fyne's save dialog creates (and so empties) the chosen file before it
	// returns, so refuse a set that cannot be written before asking where:
	// a failed save must not leave an empty file behind.
	if _, err := w.File().Marshal(); err != nil {
		w.fileError("save", nil, err) //nolint:errcheck // shown
		return
	}
	name := "scenarios" + FileExtension
	if w.uri != nil {
		name = w.uri.Name()
	}
	d := w.askSave(FileExtension, name, func(uri fyne.URI) {
		if w.SaveURI(uri) == nil && then != nil {
			then()
		}
	})
	w.startIn(d)
	d.Show()
}

// askSave returns the save dialog for files ending in ext, suggesting name;
// save gets the chosen URI. The dialog has already created the file (Fyne
// opens it for writing); save replaces it in one step, built in memory.
func (w *Window) askSave(ext, name string, save func(uri fyne.URI)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.ShowError(err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		uri := wc.URI()
		wc.Close() //nolint:errcheck // nothing written through it
		save(uri)
	}, w.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.SetFileName(name)
	return d
}

// NewSet replaces the open set with the built-in scenarios (after
// confirming unsaved changes).
func (w *Window) NewSet() {
	w.confirmDiscard(func() { w.load(cloneFile(w.opts.Defaults), nil) })
}

// Prompt is the "unsaved changes" question, open while it is shown.
type Prompt struct {
	Dialog                *dialog.CustomDialog
	Save, Discard, Cancel *widget.Button
}

// confirmDiscard runs then at once when nothing is unsaved, else asks
// whether to save, discard or cancel (Window.Prompt holds the question).
func (w *Window) confirmDiscard(then func()) {
	if !w.dirty {
		then()
		return
	}
	msg := widget.NewLabel("The scenario set has unsaved changes. Save them first?")
	p := &Prompt{Dialog: dialog.NewCustomWithoutButtons("Unsaved changes", msg, w.Window)}
	done := func() { p.Dialog.Hide(); w.Prompt = nil }
	p.Save = widget.NewButton("Save", func() { done(); w.save(then) })
	p.Save.Importance = widget.HighImportance
	p.Discard = widget.NewButton("Discard changes", func() { done(); then() })
	p.Discard.Importance = widget.DangerImportance
	p.Cancel = widget.NewButton("Cancel", done)
	p.Dialog.SetButtons([]fyne.CanvasObject{p.Cancel, p.Discard, p.Save})
	w.Prompt = p
	p.Dialog.Show()
}

// RecentFiles lists the recent scenario files, newest first.
func (w *Window) RecentFiles() []string {
	return w.prefs.StringListWithFallback(PrefRecentFiles, nil)
}

func (w *Window) addRecent(uri fyne.URI) {
	if uri == nil {
		return
	}
	s := uri.String()
	list := slices.DeleteFunc(w.RecentFiles(), func(x string) bool { return x == s })
	list = append([]string{s}, list...)
	if len(list) > MaxRecentFiles {
		list = list[:MaxRecentFiles]
	}
	w.prefs.SetStringList(PrefRecentFiles, list)
	w.updateRecentMenu()
}

// ExportExcel asks for a file name and writes the workbook there through
// Options.ExportExcel.
func (w *Window) ExportExcel() {
	if w.opts.ExportExcel == nil || w.exporting() {
		return
	}
	w.askSave(".xlsx", "scenarios.xlsx", func(uri fyne.URI) {
		w.ExportExcelURI(uri) // the outcome is shown in a dialog
	}).Show()
}

// ExportReport asks for a file name and writes the PDF report there
// through Options.ExportReport.
func (w *Window) ExportReport() {
	if w.opts.ExportReport == nil || w.exporting() {
		return
	}
	w.askSave(".pdf", "report.pdf", func(uri fyne.URI) {
		w.ExportReportURI(uri) // the outcome is shown in a dialog
	}).Show()
}

// ExportExcelURI writes the workbook of the current state to uri (see
// exportURI).
func (w *Window) ExportExcelURI(uri fyne.URI) <-chan error {
	return w.exportURI(uri, "workbook", "export to Excel", w.opts.ExportExcel)
}

// ExportReportURI writes the PDF report of the current state to uri (see
// exportURI).
func (w *Window) ExportReportURI(uri fyne.URI) <-chan error {
	return w.exportURI(uri, "report", "export the report", w.opts.ExportReport)
}

// exportURI writes what write makes of the current state to uri. The
// bytes are built in memory on a goroutine (a big set takes a second) and
// written in one go; meanwhile both exports are disabled and a short
// "Exporting…" notice is shown. The outcome is shown on the UI goroutine
// through fyne.Do (an error in a dialog, success as a message naming the
// file), then sent on the returned channel, which tests can wait on.
func (w *Window) exportURI(uri fyne.URI, what, verb string, write func(io.Writer, State) error) <-chan error {
	done := make(chan error, 1)
	if write == nil {
		done <- errors.New(verb + " is not available")
		return done
	}
	if w.exporting() {
		done <- errors.New("an export is already running")
		return done
	}
	state := w.State()
	w.setExporting(true)
	busy := dialog.NewCustomWithoutButtons("Exporting…",
		container.NewVBox(widget.NewLabel("Writing "+uri.Name()+"…"), widget.NewProgressBarInfinite()), w.Window)
	busy.Show()
	go func() {
		var buf bytes.Buffer
		err := write(&buf, state)
		if err == nil {
			err = writeURI(uri, buf.Bytes())
		}
		fyne.Do(func() {
			busy.Hide()
			w.setExporting(false)
			if err != nil {
				err = w.fileError("export", uri, err)
			} else {
				w.LastMessage = "The " + what + " was written to " + uriPath(uri)
				dialog.ShowInformation("Exported", w.LastMessage, w.Window)
			}
			done <- err
		})
	}()
	return done
}

// uriPath is where a URI points, for a message: the path of a local file.
func uriPath(u fyne.URI) string {
	if u.Scheme() == "file" {
		return u.Path()
	}
	return u.String()
}

// exporting reports whether an export runs (its menu items are disabled).
func (w *Window) exporting() bool { return w.busyExport }

// setExporting disables File > Export to Excel and Export Report while an
// export runs.
func (w *Window) setExporting(on bool) {
	w.busyExport = on
	for _, it := range []struct {
		item *fyne.MenuItem
		none bool
	}{{w.Actions.ExportExcel, w.opts.ExportExcel == nil}, {w.Actions.ExportReport, w.opts.ExportReport == nil}} {
		if it.item != nil {
			it.item.Disabled = on || it.none
		}
	}
	if w.Menu != nil {
		w.Menu.Refresh()
	}
}

// ImportExcel asks for a workbook and opens the scenario set it holds
// through Options.ImportExcel; the set is then unsaved.
func (w *Window) ImportExcel() {
	if w.opts.ImportExcel == nil {
		return
	}
	w.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				w.ShowError(err)
				return
			}
			if r == nil {
				return
			}
			defer r.Close() //nolint:errcheck // read-only
			f, err := w.opts.ImportExcel(io.LimitReader(r, planner.MaxFileBytes), w.cat)
			if err == nil && len(f.Scenarios) == 0 {
				err = errNoScenarios
			}
			if err != nil {
				w.fileError("import", r.URI(), err) //nolint:errcheck // shown
				return
			}
			w.load(f, nil)
			w.changed()
		}, w.Window)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
		d.Show()
	})
}
