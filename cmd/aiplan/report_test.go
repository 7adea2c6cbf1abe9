package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommand: the report is written whole, bad flags exit 2 naming
// the flag, an unwritable path exits 1 and leaves nothing behind.
func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string // in stderr
	}{
		{"a4", []string{"report", "-o", filepath.Join(dir, "r.pdf")}, exitOK, ""},
		{"letter, two scenarios", []string{"report", "--paper", "letter", "--scenario", "GPT-4 class", "--scenario", "Next-gen on gas",
			"-o", filepath.Join(dir, "l.pdf")}, exitOK, ""},
		{"no -o", []string{"report"}, exitUsage, "-o OUT.pdf"},
		{"bad paper", []string{"report", "--paper", "a3", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "paper"},
		{"bad max", []string{"report", "--max", "0", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "--max"},
		{"unknown scenario", []string{"report", "--scenario", "nope", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "scenario"},
		{"missing file", []string{"report", filepath.Join(dir, "none.aiplan"), "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "none.aiplan"},
		{"unwritable", []string{"report", "-o", filepath.Join(dir, "no", "such", "r.pdf")}, exitFail, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-64:], []byte("%%EOF")) {
		t.Errorf("r.pdf: want a whole PDF (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("x.pdf written by a failing command")
	}
}
