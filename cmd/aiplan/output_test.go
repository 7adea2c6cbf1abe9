package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15 item 5 through the commands: one atomic writer for sweep -o,
// export -o and import -o: "-" is standard output (never a file named
// "-"), a symbolic link is written through, the target keeps its mode, and
// an error names the user's path, not a temporary file.
func TestOutputsShareTheAtomicWriter(t *testing.T) {
	sweep := []string{"sweep", "--gpu", "h100", "--params", "7B", "--tokens", "1T", "--vary", "gpus=8,16"}
	t.Run("sweep -o - streams", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		var out, errb strings.Builder
		if code := run(append(sweep, "-o", "-"), nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d %s", code, errb.String())
		}
		if !strings.Contains(out.String(), `"gpus=16"`) {
			t.Errorf("stdout: want the scenario file, got %.200q", out.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
			t.Error(`a file named "-" was created`)
		}
	})
	t.Run("sweep keeps mode and writes through a link", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "grid.aiplan")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.aiplan")
		if err := os.Symlink("grid.aiplan", link); err != nil {
			t.Fatal(err)
		}
		var out, errb strings.Builder
		if code := run(append(sweep, "-o", link), nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d %s", code, errb.String())
		}
		fi, _ := os.Lstat(link)
		b, _ := os.ReadFile(target)
		st, _ := os.Stat(target)
		if fi.Mode()&os.ModeSymlink == 0 || !strings.Contains(string(b), `"gpus=8"`) || st.Mode().Perm() != 0o600 {
			t.Errorf("want the link kept, the target rewritten with mode 0600; got link mode %v, target mode %v, %.80q", fi.Mode(), st.Mode().Perm(), b)
		}
	})
	t.Run("export -o through a link", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "real.xlsx")
		if err := os.WriteFile(target, nil, 0o640); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.xlsx")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		var out, errb strings.Builder
		if code := run([]string{"export", "-o", link}, nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d %s", code, errb.String())
		}
		fi, _ := os.Lstat(link)
		st, _ := os.Stat(target)
		if fi.Mode()&os.ModeSymlink == 0 || st.Size() == 0 || st.Mode().Perm() != 0o640 {
			t.Errorf("want link.xlsx still a link and real.xlsx the workbook (mode 0640); got %v, %d bytes, %v", fi.Mode(), st.Size(), st.Mode().Perm())
		}
	})
	t.Run("errors name the path given", func(t *testing.T) {
		dir := t.TempDir()
		bad := filepath.Join(dir, "missing", "grid.aiplan")
		var out, errb strings.Builder
		code := run(append(sweep, "-o", bad), nil, &out, &errb)
		msg := errb.String()
		if code != exitFail || !strings.Contains(msg, bad) || strings.Contains(msg, "aiplan-tmp") || strings.Count(msg, "\n") != 1 {
			t.Errorf("want exit 1 and one line naming %s (no temp file), got %d %q", bad, code, msg)
		}
	})
}
