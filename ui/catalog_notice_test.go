package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

func TestOpenOtherCatalogueVersion(t *testing.T) {
	tests := []struct {
		name       string
		version    string // the file's catalogVersion; "=" is the running one
		wantNotice bool
	}{
		{"older catalogue", "2024.1.0", true},
		{"same catalogue", "=", false},
		{"no version in the file", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			f := w.File()
			f.CatalogVersion = tc.version
			if tc.version == "=" {
				f.CatalogVersion = w.cat.Version
			}
			data, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "old.aiplan")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			uri := storage.NewFileURI(path)
			if err := w.OpenURI(uri); err != nil {
				t.Fatal(err)
			}
			if got := w.notice.Visible(); got != tc.wantNotice {
				t.Fatalf("notice shown: want %v, got %v (%q)", tc.wantNotice, got, w.Notice.Text)
			}
			if w.Dirty() {
				t.Error("after open: want no unsaved mark")
			}
			if !tc.wantNotice {
				return
			}
			for _, want := range []string{"old.aiplan", tc.version, w.cat.Version, "may resolve to different values"} {
				if !strings.Contains(w.Notice.Text, want) {
					t.Errorf("notice: want %q in it, got %q", want, w.Notice.Text)
				}
			}
			// The notice does not block: the editor still edits.
			typeInto(w, planner.KeyGPUs, "1000")
			if got, _ := w.File().Scenarios[w.Selected()].Value(planner.KeyGPUs); got != 1000 {
				t.Errorf("edit with the notice shown: want 1000 GPUs, got %v", got)
			}

			// Saving records the running catalogue; reopening is quiet.
			if err := w.SaveURI(uri); err != nil {
				t.Fatal(err)
			}
			saved, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sf, err := planner.ParseFile(saved)
			if err != nil {
				t.Fatal(err)
			}
			if sf.CatalogVersion != w.cat.Version {
				t.Errorf("saved catalogVersion: want %q, got %q", w.cat.Version, sf.CatalogVersion)
			}
			if err := w.OpenURI(uri); err != nil {
				t.Fatal(err)
			}
			if w.notice.Visible() {
				t.Errorf("reopened after save: want no notice, got %q", w.Notice.Text)
			}
		})
	}
}

func TestNoticeCloses(t *testing.T) {
	w := newTestWindow(t)
	w.ShowNotice("something")
	if !w.notice.Visible() {
		t.Fatal("ShowNotice: want the notice shown")
	}
	test.Tap(w.NoticeClose)
	if w.notice.Visible() || w.Notice.Text != "" {
		t.Errorf("close: want the notice hidden and empty, got %q", w.Notice.Text)
	}
	w.ShowNotice("again")
	w.Actions.NewSet.Action()
	if w.notice.Visible() {
		t.Error("new set: want the notice hidden")
	}
}
