package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"

	"aiplan/internal/atomicfile"
)

// maxPreferences bounds the preferences file read at start-up; a larger
// one is taken as damaged.
const maxPreferences = 16 << 20

// preferencesPath is where Fyne v2.7 keeps an app's preferences on the
// desktop (fyne.io/fyne/v2/internal/app rootConfigDir, then the app ID,
// then preferences.json), or "" where it keeps them elsewhere.
func preferencesPath(appID string) string {
	var root string
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		dir, err := os.UserConfigDir()
		if err != nil {
			return ""
		}
		root = dir
	case "windows":
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(home, "AppData", "Roaming")
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(home, "Library", "Preferences")
	default:
		return ""
	}
	return filepath.Join(root, "fyne", appID, "preferences.json")
}

// repairPreferences replaces a preferences file that Fyne could not load
// (empty, cut short, not a JSON object) with an empty object, so that a
// damaged file costs the saved preferences (the recent-files list starts
// empty) and never prints "Preferences load error". A missing file is left
// missing. It reports whether it replaced the file.
func repairPreferences(path string) bool {
	if path == "" {
		return false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	ok := false
	if fi.Size() <= maxPreferences {
		if data, err := os.ReadFile(path); err == nil {
			var v map[string]any
			trimmed := bytes.TrimSpace(data)
			ok = len(trimmed) > 0 && trimmed[0] == '{' && json.NewDecoder(bytes.NewReader(trimmed)).Decode(&v) == nil
		}
	}
	if ok {
		return false
	}
	return atomicfile.WriteFile(path, []byte("{}"), 0o600) == nil
}
