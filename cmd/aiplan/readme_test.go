package main

import (
	"os"
	"strings"
	"testing"

	"aiplan/planner"
)

// TestReadmeDocumentsInputs keeps the README's input table in step with the
// planner: every input flag and its accepted range must appear there.
func TestReadmeDocumentsInputs(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, f := range planner.Fields {
		row := "| `--" + f.Key + "` | " + f.Label + " | " + f.RangeText() + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README: want the row %q", row)
		}
	}
	for name := range commands {
		if !strings.Contains(readme, "aiplan "+name) {
			t.Errorf("README: want the command %q documented", name)
		}
	}
}
