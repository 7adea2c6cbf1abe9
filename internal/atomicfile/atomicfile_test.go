package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name     string
		existing string // "" = no file before
		data     string
	}{
		{"new file", "", "hello\n"},
		{"replace longer file", "a much longer previous content\n", "short\n"},
		{"empty data", "old", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "set.aiplan")
			if tc.existing != "" {
				if err := os.WriteFile(path, []byte(tc.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatalf("%s: want no error, got %v", tc.name, err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.data {
				t.Errorf("%s: want %q, got %q", tc.name, tc.data, got)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%s: want 1 file in the folder (no temp left), got %d", tc.name, len(entries))
			}
			fi, _ := os.Stat(path)
			want := os.FileMode(0o644)
			if tc.existing != "" {
				want = 0o600
			}
			if fi.Mode().Perm() != want {
				t.Errorf("%s: want mode %v, got %v", tc.name, want, fi.Mode().Perm())
			}
		})
	}
}

func TestWriteFileFailureKeepsTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("x"), 0o644); err == nil {
		t.Fatal("writing over a folder: want an error, got nil")
	}
	if err := WriteFile(filepath.Join(dir, "missing", "f"), []byte("x"), 0o644); err == nil {
		t.Fatal("writing into a missing folder: want an error, got nil")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("want only the folder left, got %d entries", len(entries))
	}
}

// Issue 15 item 5: a symbolic link is written through, not replaced.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.xlsx")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink("real.xlsx", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link.xlsx: want still a symbolic link, got %v %v", fi.Mode(), err)
	}
	got, _ := os.ReadFile(real)
	if string(got) != "new" {
		t.Errorf("target: want %q, got %q", "new", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode: want 0640 kept, got %v", fi.Mode().Perm())
	}
	// A dangling link creates the file it names.
	dangling := filepath.Join(dir, "dangling.aiplan")
	if err := os.Symlink("made.aiplan", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "made.aiplan")); string(got) != "x" {
		t.Errorf("dangling link: want made.aiplan written, got %q", got)
	}
}

// Issue 15 item 5: errors name the user's path, never the temp file, and
// no temp file is left, whatever step fails.
func TestWriteErrorsNamePathAndClean(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.aiplan")
	boom := errors.New("boom")
	err := Write(path, 0o644, func(w io.Writer) error {
		if _, err := w.Write([]byte("half")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("want the writer's error, got %v", err)
	}
	if !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), tempMark) {
		t.Errorf("message: want %s named and no temp file, got %q", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("want an empty folder after the failure, got %d entries", len(entries))
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		// A full disk: writing through a link to /dev/full is refused as a
		// non-regular file, naming the link.
		link := filepath.Join(dir, "full")
		if err := os.Symlink("/dev/full", link); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(link, []byte("x"), 0o644)
		if err == nil || !strings.Contains(err.Error(), link) {
			t.Errorf("link to /dev/full: want an error naming %s, got %v", link, err)
		}
	}
}

// Issue 15 item 5: "-" streams to standard output, never a file named "-".
func TestStreamStdout(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var b strings.Builder
	if err := Stream("-", &b, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "data"); return err }); err != nil {
		t.Fatal(err)
	}
	if b.String() != "data" {
		t.Errorf("stdout: want %q, got %q", "data", b.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`a file named "-" was created`)
	}
}

// Issue 15 item 5: a killed process's temp file is removed by the next
// save in the folder once it is older than StaleAge; a young one, or a
// file of another naming, stays.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	files := []struct {
		name  string
		mtime time.Time
		stays bool
	}{
		{".set.aiplan" + tempMark + "123", old, false},
		{".set.aiplan" + tempMark + "456", time.Now(), true},
		{".other.tmp", old, true},
		{"notes" + tempMark + "1", old, true},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, f.mtime, f.mtime); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(filepath.Join(dir, "set.aiplan"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if stays := err == nil; stays != f.stays {
			t.Errorf("%s: want kept=%v, got kept=%v", f.name, f.stays, stays)
		}
	}
}
