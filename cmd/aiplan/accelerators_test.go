package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestNewAcceleratorIDs runs `aiplan estimate` on every accelerator added
// for issue 18 (and on FP8 where the chip has it): GPU-hours must equal
// 6ND / (dense peak x 37.5% x 3600) with the catalogue's peak, to 1e-9.
func TestNewAcceleratorIDs(t *testing.T) {
	cat := embeddedCatalog(t)
	ids := []string{"a800", "h20", "l40s", "gh200", "b300", "gb300", "mi250x", "mi325x", "mi355x",
		"gaudi2", "gaudi3", "trainium1", "trainium2", "tpu-v7"}
	for _, id := range ids {
		a := cat.Accelerator(id)
		if a == nil {
			t.Fatalf("%s missing from the catalogue", id)
		}
		precisions := map[string]float64{"bf16": a.PeakBF16.Value}
		if a.PeakFP8 != nil {
			precisions["fp8"] = a.PeakFP8.Value
		}
		for prec, peak := range precisions {
			t.Run(id+"/"+prec, func(t *testing.T) {
				out, errOut, code := runCmd(t, "estimate", "--gpu", id, "--precision", prec,
					"--params", "7e10", "--tokens", "2e12", "--gpus", "1024", "--json")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				var r struct {
					GPUHours float64 `json:"gpuHours"`
				}
				if err := json.Unmarshal([]byte(out), &r); err != nil {
					t.Fatal(err)
				}
				want := 6 * 7e10 * 2e12 / (peak * 0.375 * 3600)
				if math.Abs(r.GPUHours-want) > 1e-9*want {
					t.Errorf("GPU-hours %g, want %g", r.GPUHours, want)
				}
			})
		}
	}
	_, errOut, code := runCmd(t, "estimate", "--gpu", "mi250", "--params", "7e10", "--tokens", "2e12", "--gpus", "8")
	if code != 2 || !strings.Contains(errOut, "mi250x") || !strings.Contains(errOut, "custom") {
		t.Errorf("unknown id: exit %d, %q; want 2 listing the valid IDs and custom", code, errOut)
	}
}
