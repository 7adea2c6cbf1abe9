package main

import (
	"bytes"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// TestImportWorkbookValidates: File > Import from Excel refuses a
// workbook whose scenario the catalogue cannot resolve, naming the
// scenario (export.Validate), and reads the built-in set back whole.
func TestImportWorkbookValidates(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	defs, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("built-in set", func(t *testing.T) {
		var b bytes.Buffer
		if err := writeWorkbook(&b, defs, cat, "test"); err != nil {
			t.Fatal(err)
		}
		set, err := importWorkbook(&b, cat)
		if err != nil || len(set.Scenarios) != len(defs.Scenarios) {
			t.Fatalf("want %d scenarios, got %v (%v)", len(defs.Scenarios), set, err)
		}
	})
	t.Run("unknown accelerator", func(t *testing.T) {
		// Written with a catalogue that has one more accelerator, read
		// with the real one (a workbook from a newer catalogue).
		big := *cat
		big.Accelerators = append(append([]planner.Accelerator(nil), cat.Accelerators...), cat.Accelerators[0])
		big.Accelerators[len(big.Accelerators)-1].ID = "future-gpu"
		set := *defs
		set.Scenarios = append([]planner.Scenario(nil), defs.Scenarios[0].Clone())
		set.Scenarios[0].Name = "Future"
		set.Baseline = "Future"
		set.Scenarios[0].SetChoice(planner.KeyGPU, "future-gpu")
		var b bytes.Buffer
		if err := writeWorkbook(&b, &set, &big, "test"); err != nil {
			t.Fatalf("write with the larger catalogue: %v", err)
		}
		_, err := importWorkbook(&b, cat)
		if err == nil || !strings.Contains(err.Error(), "Future") {
			t.Errorf("want a refusal naming the scenario \"Future\", got %v", err)
		}
	})
}
