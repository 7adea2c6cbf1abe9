package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
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
