package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChartUncertainty covers the fan and tornado kinds of aiplan chart:
// for them --output names the output (the file goes in -o).
func TestChartUncertainty(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.png")
	for _, tc := range []struct {
		name     string
		args     []string
		want     int
		wantFlag string
	}{
		{"fan default", []string{"chart", "fan", "-o", filepath.Join(dir, "fan.png")}, 0, ""},
		{"fan gpu-hours", []string{"chart", "fan", "--scenario", "GPT-4 class", "--output", "gpuHours", "--samples", "5000", "--seed", "7", "-o", filepath.Join(dir, "fan.svg")}, 0, ""},
		{"tornado", []string{"chart", "tornado", "--output", "emissionsTCO2e", "-o", filepath.Join(dir, "tornado.png")}, 0, ""},
		{"bad output", []string{"chart", "fan", "--output", "cost", "-o", bad}, 2, "--output"},
		{"file as output", []string{"chart", "tornado", "--output", bad}, 2, "--output"},
		{"no file", []string{"chart", "fan"}, 2, "-o"},
		{"bad samples", []string{"chart", "fan", "--samples", "0", "-o", bad}, 2, "--samples"},
		{"bad seed", []string{"chart", "fan", "--seed", "-1", "-o", bad}, 2, "--seed"},
		{"bad scenario", []string{"chart", "tornado", "--scenario", "nope", "-o", bad}, 2, "--scenario"},
		{"samples elsewhere", []string{"chart", "compare", "--samples", "100", "-o", bad}, 2, "--samples"},
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
				if line := lastLine(errb.String()); !strings.Contains(line, tc.wantFlag) {
					t.Errorf("%s: want stderr naming %s, got %q", tc.name, tc.wantFlag, line)
				}
				if _, err := os.Stat(bad); err == nil {
					t.Errorf("%s: want no output file on bad input", tc.name)
				}
			}
		})
	}
	for _, f := range []string{"fan.png", "fan.svg", "tornado.png"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() < 1000 {
			t.Errorf("%s: want a chart file, got %v", f, err)
		}
	}
}
