package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChartCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		args     []string
		want     int
		wantFlag string
	}{
		{"breakdown png", []string{"chart", "breakdown", "--method", "amortized", "-o", filepath.Join(dir, "b.png")}, 0, ""},
		{"compare svg", []string{"chart", "compare", "--baseline", "Next-gen on gas", "-o", filepath.Join(dir, "c.svg")}, 0, ""},
		{"energy", []string{"chart", "energy-sources", "--scenario", "Next-gen on nuclear", "-o", filepath.Join(dir, "e.svg")}, 0, ""},
		{"backtest", []string{"chart", "backtest", "--width", "800", "--height", "600", "-o", filepath.Join(dir, "t.png")}, 0, ""},
		{"bad kind", []string{"chart", "pie", "-o", filepath.Join(dir, "x.png")}, 2, "KIND"},
		{"no kind", []string{"chart", "-o", filepath.Join(dir, "x.png")}, 2, "KIND"},
		{"bad method", []string{"chart", "breakdown", "--method", "lease", "-o", filepath.Join(dir, "x.png")}, 2, "--method"},
		{"bad baseline", []string{"chart", "compare", "--baseline", "nope", "-o", filepath.Join(dir, "x.png")}, 2, "--baseline"},
		{"bad scenario", []string{"chart", "energy-sources", "--scenario", "nope", "-o", filepath.Join(dir, "x.png")}, 2, "--scenario"},
		{"bad width", []string{"chart", "compare", "--width", "10", "-o", filepath.Join(dir, "x.png")}, 2, "--width"},
		{"bad height", []string{"chart", "compare", "--height", "big", "-o", filepath.Join(dir, "x.png")}, 2, "--height"},
		{"bad ext", []string{"chart", "compare", "-o", filepath.Join(dir, "x.jpg")}, 2, "-o"},
		{"no output", []string{"chart", "compare"}, 2, "-o"},
		{"bad file", []string{"chart", "compare", "--scenarios", filepath.Join(dir, "none.aiplan"), "-o", filepath.Join(dir, "x.png")}, 2, "--scenarios"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			got := run(tc.args, nil, &out, &errb)
			if got != tc.want {
				t.Fatalf("%s: want exit %d, got %d (stderr %q)", tc.name, tc.want, got, errb.String())
			}
			if out.Len() != 0 {
				t.Errorf("%s: want nothing on stdout, got %q", tc.name, out.String())
			}
			if tc.want != 0 {
				line := lastLine(errb.String())
				if !strings.Contains(line, tc.wantFlag) {
					t.Errorf("%s: want stderr naming %s, got %q", tc.name, tc.wantFlag, line)
				}
				if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
					t.Errorf("%s: want no output file on bad input", tc.name)
				}
			}
		})
	}
	for _, f := range []string{"b.png", "c.svg", "e.svg", "t.png"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() < 1000 {
			t.Errorf("%s: want a chart file, got %v", f, err)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 4 {
		t.Errorf("want 4 files (no temporary leftovers), got %d", len(ents))
	}
}

// lastLine skips Fyne's locale warnings, which are not ours.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
