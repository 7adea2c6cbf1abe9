package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Issue 15 item 11: a damaged Fyne preferences file is replaced quietly by
// an empty object before Fyne loads it; a good or missing one is left.
func TestRepairPreferences(t *testing.T) {
	cases := []struct {
		name, data string
		replaced   bool
	}{
		{"empty file (Fyne: Cause: EOF)", "", true},
		{"cut short", `{"recent":["/a.aiplan",`, true},
		{"not an object", `["a"]`, true},
		{"binary", "\x00\x01\x02", true},
		{"good", `{"recent":["/a.aiplan"],"theme":"dark"}`, false},
		{"good with spaces", "  {}\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "preferences.json")
			if err := os.WriteFile(path, []byte(c.data), 0o600); err != nil {
				t.Fatal(err)
			}
			if got := repairPreferences(path); got != c.replaced {
				t.Errorf("replaced: want %v, got %v", c.replaced, got)
			}
			b, _ := os.ReadFile(path)
			want := c.data
			if c.replaced {
				want = "{}"
			}
			if string(b) != want {
				t.Errorf("file: want %q, got %q", want, b)
			}
		})
	}
	missing := filepath.Join(t.TempDir(), "none", "preferences.json")
	if repairPreferences(missing) {
		t.Error("missing file: want it left missing")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("missing file: was created")
	}
}

// The path is Fyne's: $XDG_CONFIG_HOME/fyne/<app ID>/preferences.json.
func TestPreferencesPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout")
	}
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	if got, want := preferencesPath("io.example.app"), "/cfg/fyne/io.example.app/preferences.json"; got != want {
		t.Errorf("want %s, got %s", want, got)
	}
}
