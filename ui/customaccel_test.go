package ui

import (
	"math"
	"slices"
	"testing"

	"aiplan/planner"
)

// TestCustomAcceleratorInWindow picks "Custom..." in the accelerator
// selector: the planner error names the first missing figure until the
// custom inputs are given, then the estimate uses them.
func TestCustomAcceleratorInWindow(t *testing.T) {
	w := newTestWindow(t)
	sel := w.Editor.Selects[planner.KeyGPU]
	if !slices.Contains(sel.Options, CustomAcceleratorLabel) {
		t.Fatalf("accelerator options lack %q: %v", CustomAcceleratorLabel, sel.Options)
	}
	sel.SetSelected(CustomAcceleratorLabel)
	sc := w.State().File.Scenarios[w.Selected()]
	if sc.GPU != planner.CustomGPU {
		t.Fatalf("gpu %q after choosing Custom..., want custom", sc.GPU)
	}
	for _, k := range []string{"gpu-price", "gpu-hour-price", "peak-flops", "tdp-w"} {
		w.ResetValue(k)
	}
	if err := w.State().Err; err == nil || planner.ErrField(err) != planner.KeyPeakFLOPS {
		t.Errorf("error %v, want one naming peak-flops", err)
	}
	if got := CustomAcceleratorMissing(&w.File().Scenarios[w.Selected()]); len(got) != 4 {
		t.Errorf("missing %v, want the 4 custom figures", got)
	}
	for k, v := range map[string]string{"peak-flops": "500e12", "tdp-w": "600", "gpu-price": "20000", "gpu-hour-price": "2"} {
		w.SetValue(k, v)
	}
	st := w.State()
	if st.Err != nil {
		t.Fatalf("after the custom figures: %v", st.Err)
	}
	sc = st.File.Scenarios[st.Selected]
	res, _, err := planner.Estimate(st.Catalog, &sc)
	if err != nil {
		t.Fatal(err)
	}
	// Implied MFU = FLOP / (GPU-hours x 3600 x 500 TFLOP/s): the custom peak
	// is the one in use.
	if h := res.Totals.GPUHours; !res.Totals.ImpliedMFU.Valid || h <= 0 ||
		math.Abs(res.Totals.TrainingFLOP.Value/(h*3600*500e12)-res.Totals.ImpliedMFU.Value) > 1e-9 {
		t.Errorf("implied MFU %v does not use the custom peak", res.Totals.ImpliedMFU)
	}
}
