package planner_test

import (
	"math"
	"strings"
	"testing"

	"aiplan/planner"
)

func customScenario() planner.Scenario {
	return planner.Scenario{Name: "custom chip", GPU: planner.CustomGPU, Values: map[string]float64{
		"params": 7e9, "tokens": 1e12, "gpus": 64,
		"peak-flops": 500e12, "tdp-w": 600, "gpu-price": 20000, "gpu-hour-price": 2}}
}

// TestCustomAccelerator checks gpu custom end to end: its figures drive
// GPU-hours (6ND / (peak x MFU)), power and cost, and each missing
// required figure is an error naming it.
func TestCustomAccelerator(t *testing.T) {
	cat := freshCatalog(t)
	sc := customScenario()
	res, _, err := planner.Estimate(cat, &sc)
	if err != nil {
		t.Fatal(err)
	}
	// 6 x 7e9 x 1e12 / (500e12 x 0.375 x 3600) = 62,222 GPU-hours.
	wantH := 6 * 7e9 * 1e12 / (500e12 * 0.375 * 3600)
	if math.Abs(res.Totals.GPUHours-wantH) > 1e-6*wantH {
		t.Errorf("GPU-hours %g, want %g", res.Totals.GPUHours, wantH)
	}
	// IT energy = GPU-hours x 600 W (TDP is the default power).
	if got := res.Totals.ITEnergyKWh; math.Abs(got-wantH*0.6) > 1e-6*got {
		t.Errorf("IT energy %g kWh, want %g", got, wantH*0.6)
	}
	if got := res.Totals.CostUSD.Cloud; math.Abs(got-2*wantH) > 1e-6*got {
		t.Errorf("cloud cost %g, want %g", got, 2*wantH)
	}
	if res.Totals.EmbodiedTCO2e.Valid {
		t.Errorf("embodied carbon should be unknown for a custom accelerator, got %g", res.Totals.EmbodiedTCO2e.Value)
	}
	for _, k := range []string{"peak-flops", "tdp-w", "gpu-price", "gpu-hour-price"} {
		t.Run("missing "+k, func(t *testing.T) {
			s := customScenario()
			delete(s.Values, k)
			_, _, err := planner.Estimate(cat, &s)
			if err == nil || planner.ErrField(err) != k || !strings.Contains(err.Error(), "custom") {
				t.Errorf("err %v, want one naming %s", err, k)
			}
		})
	}
	t.Run("unknown id lists the valid ones", func(t *testing.T) {
		s := customScenario()
		s.GPU = "mi250"
		_, _, err := planner.Estimate(cat, &s)
		if err == nil || !strings.Contains(err.Error(), "mi250x") || !strings.Contains(err.Error(), "custom") {
			t.Errorf("err %v, want the valid IDs with custom", err)
		}
	})
	t.Run("override on a catalogue accelerator", func(t *testing.T) {
		s := planner.Scenario{GPU: "h100", Values: map[string]float64{"params": 7e9, "tokens": 1e12, "gpus": 64, "peak-flops": 500e12}}
		res, _, err := planner.Estimate(cat, &s)
		if err != nil || math.Abs(res.Totals.GPUHours-wantH) > 1e-6*wantH {
			t.Errorf("h100 with peak-flops 500e12: %g GPU-hours (%v), want %g", res.Totals.GPUHours, err, wantH)
		}
		if cat.Accelerator("h100").PeakBF16.Value != 989.4e12 {
			t.Errorf("the override changed the catalogue")
		}
	})
}

// TestCustomAcceleratorFileRoundTrip writes a custom scenario to a scenario
// file and reads it back with its figures.
func TestCustomAcceleratorFileRoundTrip(t *testing.T) {
	f := planner.NewFile("test", []planner.Scenario{customScenario()})
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := planner.ParseFile(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	got := back.Scenarios[0]
	want := customScenario()
	if got.GPU != planner.CustomGPU {
		t.Errorf("gpu %q, want custom", got.GPU)
	}
	for k, v := range want.Values {
		if got.Values[k] != v {
			t.Errorf("%s: %g after the round trip, want %g", k, got.Values[k], v)
		}
	}
}
