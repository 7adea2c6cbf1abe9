package ui

import "aiplan/planner"

// CustomAcceleratorLabel is the accelerator selector's last entry: it sets
// gpu custom, whose figures come from the Hardware and Prices inputs
// (peak FLOP/s and TDP, with the accelerator and cloud prices); until they
// are given the editor shows the planner's error naming the missing one.
const CustomAcceleratorLabel = "Custom..."

// customAcceleratorKeys are the inputs a custom accelerator needs, in the
// order the editor asks for them.
var customAcceleratorKeys = []string{planner.KeyPeakFLOPS, planner.KeyTDPW, planner.KeyGPUPrice, planner.KeyGPUHourPrice}

// withCustomAccelerator appends the custom entry to the accelerator
// selector's IDs and labels.
func withCustomAccelerator(ids, labels []string) ([]string, []string) {
	return append(ids, planner.CustomGPU), append(labels, CustomAcceleratorLabel)
}

// CustomAcceleratorMissing lists the figures a custom scenario still lacks
// (empty when it is not custom or has them all).
func CustomAcceleratorMissing(sc *planner.Scenario) []string {
	if sc == nil || sc.GPU != planner.CustomGPU {
		return nil
	}
	var out []string
	for _, k := range customAcceleratorKeys {
		if _, ok := sc.Values[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}
