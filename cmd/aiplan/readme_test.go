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
		if !strings.Contains(readme, "`./aiplan "+name) {
			t.Errorf("README: want the command %q documented as ./aiplan %s", name, name)
		}
	}
}

// Issue 15 item 9: the build leaves ./aiplan and nothing puts it on the
// PATH, so every example the README gives runs ./aiplan.
func TestReadmeExamplesRunTheBuiltBinary(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		code := strings.TrimSpace(line)
		if strings.HasPrefix(line, "    ") && strings.HasPrefix(code, "aiplan ") {
			t.Errorf("README line %d: example %q: want ./aiplan", i+1, code)
		}
		if strings.Contains(line, "`aiplan ") {
			t.Errorf("README line %d: %q: want `./aiplan ...`", i+1, code)
		}
	}
}
