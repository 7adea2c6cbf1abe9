package planner_test

import (
	"math"
	"testing"
)

// TestNewAccelerators checks the accelerators added for issue 18 against the
// dense peaks, power and memory their datasheets publish (1% tolerance).
func TestNewAccelerators(t *testing.T) {
	cat := freshCatalog(t)
	cases := []struct {
		id              string
		bf16TF, fp8TF   float64 // dense TFLOP/s; fp8 0 when the chip has none
		tdpW, memoryGB  float64
		tdpIsAssumption bool
	}{
		{"a800", 312, 0, 400, 80, false},             // NVIDIA A800 datasheet
		{"h20", 148, 296, 400, 96, false},            // HGX H20 spec (secondary)
		{"l40s", 362.05, 733, 350, 48, false},        // NVIDIA L40S datasheet
		{"gh200", 989, 1979, 1000, 96, false},        // GH200 datasheet (module max)
		{"b300", 2250, 4500, 1100, 288, false},       // HGX B300 (power press-reported)
		{"gb300", 2500, 5000, 1400, 288, false},      // GB300 NVL72 per GPU
		{"mi250x", 383, 0, 560, 128, false},          // AMD MI250X datasheet
		{"mi325x", 1307.4, 2614.9, 1000, 256, false}, // AMD MI325X datasheet
		{"mi355x", 2516.6, 5033.2, 1400, 288, false}, // AMD MI355X datasheet
		{"gaudi2", 432, 865, 600, 96, false},         // Intel Gaudi 2 white paper
		{"gaudi3", 1835, 1835, 900, 128, false},      // Intel Gaudi 3 white paper
		{"trainium1", 190, 0, 300, 32, true},         // AWS Neuron docs; power not published
		{"trainium2", 667, 1299, 500, 96, true},      // AWS Neuron docs; power not published
		{"tpu-v7", 2307, 4614, 1000, 192, true},      // Cloud TPU7x docs; power not published
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 0.01*want }
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			a := cat.Accelerator(c.id)
			if a == nil {
				t.Fatalf("accelerator %q missing", c.id)
			}
			if !near(a.PeakBF16.Value/1e12, c.bf16TF) {
				t.Errorf("peakBF16 %g TF, want %g", a.PeakBF16.Value/1e12, c.bf16TF)
			}
			if a.SparseBF16 != nil && a.SparseBF16.Value < 1.5*a.PeakBF16.Value {
				t.Errorf("peakBF16 looks sparse: sparse %g vs dense %g", a.SparseBF16.Value, a.PeakBF16.Value)
			}
			switch {
			case c.fp8TF == 0 && a.PeakFP8 != nil:
				t.Errorf("peakFP8 set on a chip without a separate FP8 rate")
			case c.fp8TF > 0 && (a.PeakFP8 == nil || !near(a.PeakFP8.Value/1e12, c.fp8TF)):
				t.Errorf("peakFP8 = %v, want %g TF", a.PeakFP8, c.fp8TF)
			}
			if !near(a.TDPW.Value, c.tdpW) || a.TDPW.IsAssumption() != c.tdpIsAssumption {
				t.Errorf("tdpW %g (assumption %v), want %g (%v)", a.TDPW.Value, a.TDPW.IsAssumption(), c.tdpW, c.tdpIsAssumption)
			}
			if !near(a.MemoryGB.Value, c.memoryGB) {
				t.Errorf("memoryGB %g, want %g", a.MemoryGB.Value, c.memoryGB)
			}
			if a.Price.Source == "" && a.Price.Assumption == "" {
				t.Errorf("price has neither a source nor an assumption")
			}
		})
	}
}
