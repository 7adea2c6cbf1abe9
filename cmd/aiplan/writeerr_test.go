package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15 item 1: a write error on standard output (here a full disk,
// /dev/full) is never success: every command exits non-zero with one line
// on stderr naming the failed write.
func TestEveryCommandReportsWriteErrors(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full on this system")
	}
	defer full.Close() //nolint:errcheck // test
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	var sink strings.Builder
	if code := run([]string{"export", "-o", book}, nil, &sink, &sink); code != exitOK {
		t.Fatalf("export for the import case: exit %d %s", code, sink.String())
	}
	est := []string{"--params", "7B", "--tokens", "1T", "--gpu", "h100", "--gpus", "8"}
	cases := [][]string{
		{"help"},
		{"--version"},
		append([]string{"estimate"}, est...),
		append([]string{"estimate", "--json"}, est...),
		{"catalog"},
		{"catalog", "--json"},
		{"catalog", "--sources"},
		{"gap"},
		{"gap", "--json"},
		{"project"},
		{"project", "--json"},
		{"serving"},
		{"serving", "--json"},
		{"backtest"},
		{"backtest", "--json"},
		append([]string{"tornado"}, est...),
		{"tornado", "--gap"},
		{"scenarios", "--defaults"},
		{"estimate", "--help"},
		{"sweep", "--gpu", "h100", "--params", "7B", "--tokens", "1T", "--vary", "gpus=8,16", "-o", "-"},
		{"export", "-o", "-"},
		{"import", book, "-o", "-"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errb strings.Builder
			code := run(args, nil, full, &errb)
			msg := strings.TrimSpace(errb.String())
			if code == exitOK || !strings.Contains(msg, "no space left on device") || strings.Count(msg, "\n") != 0 {
				t.Errorf("want a non-zero exit and one line about the full disk, got %d %q", code, msg)
			}
		})
	}
}
