//go:build windows

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// These tests run on Windows (under Wine in 'make test-windows'). The temp
// folder there is a path like C:\users\me\Temp\aiplan-123: a drive letter
// and backslashes.

// tempDir is t.TempDir without os.RemoveAll: Go 1.26's RemoveAll on Windows
// uses a file-disposition call that Wine 8 does not implement ("Invalid
// function"), so the clean-up removes the entries one by one.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "aiplan-atomicfile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var paths []string
		filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error { //nolint:errcheck // best effort
			paths = append(paths, p)
			return err
		})
		for i := len(paths) - 1; i >= 0; i-- {
			os.Chmod(paths[i], 0o644) //nolint:errcheck // a read-only test file
			os.Remove(paths[i])       //nolint:errcheck // best effort
		}
	})
	return dir
}

func TestReplaceWindowsPaths(t *testing.T) {
	dir := tempDir(t)
	if vol := filepath.VolumeName(dir); len(vol) != 2 || vol[1] != ':' {
		t.Fatalf("want a temp folder with a drive letter, got %q", dir)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string // written, then replaced
	}{
		{"backslashes", dir + `\set.aiplan`},
		{"forward slashes", filepath.ToSlash(dir) + "/fwd.aiplan"},
		{"space in a folder name", dir + `\sub dir\report.xlsx`},
		{"mixed separators", dir + `/sub dir\mixed.aiplan`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, data := range []string{"first, the longer content\r\n", "second\r\n"} {
				if err := WriteFile(tc.path, []byte(data), 0o644); err != nil {
					t.Fatalf("WriteFile(%q): %v", tc.path, err)
				}
				got, err := os.ReadFile(tc.path)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != data {
					t.Errorf("%s: want %q, got %q", tc.path, data, got)
				}
			}
			assertNoTemp(t, filepath.Dir(tc.path))
		})
	}
}

// openLike opens path the way a program that has it open for editing does:
// reading allowed to others, but neither writing nor deleting (no
// FILE_SHARE_WRITE or FILE_SHARE_DELETE), which is how Excel holds a workbook.
func openLike(t *testing.T, path string, share uint32) syscall.Handle {
	t.Helper()
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, share, nil,
		syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return h
}

func TestReplaceLockedFile(t *testing.T) {
	tests := []struct {
		name  string
		share uint32
	}{
		{"open with share-read only (Excel)", syscall.FILE_SHARE_READ},
		{"open exclusively", 0},
		{"open with share-read and share-write", syscall.FILE_SHARE_READ | syscall.FILE_SHARE_WRITE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := tempDir(t)
			path := filepath.Join(dir, "report.xlsx")
			const old = "the workbook the analyst has open"
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			h := openLike(t, path, tc.share)
			err := WriteFile(path, []byte("new workbook"), 0o644)
			syscall.CloseHandle(h) //nolint:errcheck // test clean-up
			var locked *LockedError
			if !errors.As(err, &locked) {
				t.Fatalf("want a *LockedError, got %T %v", err, err)
			}
			msg := err.Error()
			for _, want := range []string{path, "close it in Excel", "open in another program"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not contain %q", msg, want)
				}
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if string(got) != old {
				t.Errorf("the locked target changed: want %q, got %q", old, got)
			}
			assertNoTemp(t, dir)
			// Once closed, the same save goes through.
			if err := WriteFile(path, []byte("new workbook"), 0o644); err != nil {
				t.Fatalf("after closing: %v", err)
			}
		})
	}
}

func TestReplaceReadOnlyFile(t *testing.T) {
	dir := tempDir(t)
	path := filepath.Join(dir, "frozen.aiplan")
	if err := os.WriteFile(path, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("new"), 0o644)
	if err == nil && underWine() {
		t.Skip("Wine 8 lets MoveFileEx replace a read-only file; Windows refuses with access denied")
	}
	if err == nil {
		t.Fatal("want an error replacing a read-only file, got none")
	}
	if !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), path) {
		t.Errorf("want a read-only message naming %s, got %q", path, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "keep" {
		t.Errorf("the read-only target changed to %q", got)
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
}

// underWine reports whether the test runs under Wine, whose ntdll exports
// wine_get_version.
func underWine() bool {
	return syscall.NewLazyDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
