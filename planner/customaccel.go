package planner

import (
	"fmt"
	"sort"
	"strings"
)

// CustomGPU is the accelerator ID that describes a chip the catalogue does
// not hold from the scenario's own figures: peak-flops and tdp-w are
// required, gpu-price and gpu-hour-price too (no cost is invented), and
// embodied carbon stays unknown.
const CustomGPU = "custom"

// Keys of the accelerator figures a scenario can set.
const (
	// KeyPeakFLOPS is the dense peak at the precision used, FLOP/s; it
	// replaces the catalogue figure and is required with gpu custom.
	KeyPeakFLOPS = "peak-flops"
	// KeyTDPW is the nameplate power per accelerator, W; it replaces the
	// catalogue figure (and is the default average power); required with
	// gpu custom.
	KeyTDPW = "tdp-w"
)

// customRequired lists the figures gpu custom cannot do without.
var customRequired = []string{KeyPeakFLOPS, KeyTDPW, KeyGPUPrice, KeyGPUHourPrice}

// AcceleratorFor returns the accelerator a scenario uses: the catalogue
// entry, with the scenario's peak-flops and tdp-w replacing its figures
// where given, or for gpu custom one built from those figures. An unknown
// ID is an error listing the valid ones; a custom accelerator missing a
// required figure is an error naming it.
func (c *Catalog) AcceleratorFor(sc *Scenario) (*Accelerator, error) {
	peak, hasPeak := sc.Values[KeyPeakFLOPS]
	tdp, hasTDP := sc.Values[KeyTDPW]
	var a Accelerator
	if sc.GPU == CustomGPU {
		for _, k := range customRequired {
			if _, ok := sc.Values[k]; !ok {
				f := FieldByKey(k)
				return nil, &FieldError{Field: k, Msg: fmt.Sprintf("is required with gpu custom: %s (%s)", strings.ToLower(f.Label), f.RangeText())}
			}
		}
		a = Accelerator{ID: CustomGPU, Name: "Custom accelerator",
			MemoryGB: Figure{Unit: "GB", Assumption: "not given"},
			Price:    PurchasePrice{Figure: Figure{Value: sc.Values[KeyGPUPrice], Unit: "USD", Source: "user"}, Basis: PriceBasisAccelerator}}
	} else {
		cat := c.Accelerator(sc.GPU)
		if cat == nil {
			ids := append(c.AcceleratorIDs(), CustomGPU+" (with peak-flops, tdp-w, gpu-price, gpu-hour-price)")
			return nil, choiceError(KeyGPU, sc.GPU, ids)
		}
		if !hasPeak && !hasTDP {
			return cat, nil
		}
		a = *cat
	}
	if hasPeak {
		f := Figure{Value: peak, Unit: "FLOP/s", Source: "user", Note: "dense peak given by the user, used at either precision"}
		a.PeakBF16, a.PeakFP8, a.SparseBF16 = f, &f, nil
	}
	if hasTDP {
		a.TDPW = Figure{Value: tdp, Unit: "W", Source: "user"}
		a.MeasuredPowerW = nil
	}
	return &a, nil
}

// AcceleratorChoices lists the accelerator IDs a scenario may name: the
// catalogue's, sorted, then custom.
func (c *Catalog) AcceleratorChoices() []string {
	ids := c.AcceleratorIDs()
	sort.Strings(ids)
	return append(ids, CustomGPU)
}
