package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/assets"
)

// TestCalibrationPanel checks the back-test's calibration panel: the
// summary states nominal 80% against achieved coverage for the three
// checks, and the table lists each run's band with its reported value.
func TestCalibrationPanel(t *testing.T) {
	test.NewTempApp(t)
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	v := NewBacktestView(cat)
	p := v.Calibration
	if p.Panel() == nil {
		t.Fatalf("no panel: %s", p.Summary.Text)
	}
	// The coverage the panel shows is the planner's leave-one-out figure (planner.CalibrateMFU).
	panel := p.Panel()
	loo := fmt.Sprintf("leave-one-out MFU prior: %.0f%% of %d runs", 100*panel.After.Coverage, len(panel.After.Rows))
	for _, want := range []string{"nominal 80% inside", "uniform MFU 20-52%", loo, "MFU prior on catalogue runs: 85% of 13"} {
		if !strings.Contains(p.Summary.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, p.Summary.Text)
		}
	}
	rows, cols := p.Table.Length()
	if rows != 42+13+1 || cols != 8 {
		t.Errorf("table %dx%d, want 56x8", rows, cols)
	}
	found := false
	for r := 1; r < rows; r++ {
		if p.CellText(r, 1) == "GPT-3 175B" {
			found = true
			// GPT-3: 3.552M reported GPU-hours (Patterson), outside the band.
			if p.CellText(r, 5) != "3.55M" || p.CellText(r, 7) != "NO" {
				t.Errorf("GPT-3 row: reported %q inside %q", p.CellText(r, 5), p.CellText(r, 7))
			}
		}
	}
	if !found {
		t.Error("no GPT-3 row in the calibration table")
	}
}
