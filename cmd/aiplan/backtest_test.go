package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestBacktestCalibration checks the calibration panel of `aiplan
// backtest`: JSON with before/after/catalogue, leave-one-out coverage at or
// above the nominal 80% (issue 18), and the text panel listing each run.
func TestBacktestCalibration(t *testing.T) {
	out, errOut, code := runCmd(t, "backtest", "--calibration", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var p struct {
		Before, After, Catalogue struct {
			Nominal, Coverage, MedianRatio float64
			Rows                           []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.After.Nominal != 0.8 || p.After.Coverage < 0.8 || p.After.MedianRatio > 3.5 || len(p.After.Rows) < 30 {
		t.Errorf("after: %+v", p.After)
	}
	if p.Before.Coverage >= p.After.Coverage || len(p.Catalogue.Rows) != 13 {
		t.Errorf("before %.3f vs after %.3f; catalogue rows %d", p.Before.Coverage, p.After.Coverage, len(p.Catalogue.Rows))
	}
	text, _, code := runCmd(t, "backtest")
	for _, want := range []string{"nominal 80% inside", "uniform MFU 20-52%", "leave-one-out MFU prior", "Pythia 12B", "GPT-3 175B"} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("backtest text lacks %q (exit %d)", want, code)
		}
	}
	if _, _, code := runCmd(t, "backtest", "--calibrate"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}
