package planner

import (
	"math"
	"unsafe"
)

// Sections of the output table: the results panel's sections, in display
// order. SectionBreakdown holds the split of the amortized and purchase costs,
// reported in JSON and the workbook but not among Outputs.
const (
	SectionCost      = "Cost"
	SectionCompute   = "Compute and time"
	SectionEnergy    = "Energy"
	SectionCarbon    = "Carbon"
	SectionWater     = "Water"
	SectionOwnership = "Ownership and overheads"
	SectionBreakdown = "Cost breakdown"
)

// Sections lists the sections of Outputs in display order
// (SectionBreakdown apart).
var Sections = []string{SectionCost, SectionCompute, SectionEnergy, SectionCarbon, SectionWater, SectionOwnership}

// Output describes one numeric output of Totals: the one description that
// JSON, the Monte Carlo, the tornado, the window's results and comparison,
// and the workbook iterate over. Adding an output is one row of OutputTable
// plus its arithmetic in Evaluate (and a field of Totals).
type Output struct {
	// Path is the estimate --json path, e.g. "gpuHours", "costUSD.cloud".
	Path  string
	Label string
	Unit  string
	// Scales reports that the programme total is the final run's times the
	// experiments multiplier (Totals.scaled); otherwise it is the same
	// figure (a property of the cluster, or a programme figure already).
	Scales bool
	// Section is the results panel's section (Sections), or SectionBreakdown.
	Section string
	// Title and Caption, for SectionCost, are the headline's name and what
	// the figure means.
	Title, Caption string
	// Programme marks the outputs the results panel repeats for the
	// programme total.
	Programme bool
	// Formula is the workbook's formula of the final run's figure in
	// terms of named inputs ([key], an Assumptions column), other outputs
	// and workings ({path}, a Model column; see Workings) and the
	// workbook's named constants; it follows Evaluate term by term.
	// A text result ("n/a") stands for an unknown figure.
	Formula string

	// off is the byte offset of the float64 (or of the Maybe) in Totals;
	// maybe marks a Maybe.
	off   uintptr
	maybe bool
}

// Get returns the output's value in t, false when it is unknown (a null in
// JSON).
func (o *Output) Get(t *Totals) (float64, bool) { return o.at(unsafe.Pointer(t)) }

// at reads the output at offset off from p (a Totals, or a Result for the
// Monte Carlo's programme columns).
func (o *Output) at(p unsafe.Pointer) (float64, bool) {
	p = unsafe.Add(p, o.off)
	if o.maybe {
		m := (*Maybe)(p)
		return m.Value, m.Valid
	}
	return *(*float64)(p), true
}

// value returns the output's value in r, NaN when unknown: what the Monte
// Carlo stores. Its offset counts from the start of r (Result's Totals is
// its first field, so an Outputs row reads the run's figure).
func (o *Output) value(r *Result) float64 {
	v, ok := o.at(unsafe.Pointer(r))
	if !ok {
		return math.NaN()
	}
	return v
}

// Working is an intermediate column of the workbook's Model sheet: a term
// of Evaluate that several outputs share.
type Working struct {
	Key, Label, Unit, Formula string
}

// offsets of Totals' fields
var (
	tz      Totals
	costOff = unsafe.Offsetof(tz.CostUSD)
	brkOff  = unsafe.Offsetof(tz.CostBreakdownUSD)
)

// OutputTable lists every numeric output of Totals in display order: the
// Outputs first, then the cost breakdown.
var OutputTable = []Output{
	{Path: "trainingFLOP", Label: "Training compute", Unit: "FLOP", Scales: true, Section: SectionCompute,
		off: unsafe.Offsetof(tz.TrainingFLOP), maybe: true,
		Formula: `IF(ISNUMBER([flops]),[flops]/[efficiency],IF({work.hasFLOP}=1,FLOPPerParamToken*[active-params]*[tokens]/[efficiency],"n/a"))`},
	{Path: "gpuHours", Label: "GPU-hours", Unit: "GPU-hours", Scales: true, Section: SectionCompute, Programme: true,
		off:     unsafe.Offsetof(tz.GPUHours),
		Formula: "IF([has-gpu-hours]=1,[gpu-hours],{trainingFLOP}/([peak-flops]*[mfu]*SecondsPerHour)/[goodput])"},
	{Path: "wallClockDays", Label: "Wall-clock time", Unit: "days", Scales: true, Section: SectionCompute,
		off:     unsafe.Offsetof(tz.WallClockDays),
		Formula: "{gpuHours}/[gpus]/HoursPerDay"},
	{Path: "impliedMFU", Label: "Implied MFU", Unit: "fraction", Section: SectionCompute,
		off: unsafe.Offsetof(tz.ImpliedMFU), maybe: true,
		Formula: `IF({work.hasFLOP}=1,{trainingFLOP}/({gpuHours}*SecondsPerHour*[peak-flops]),"n/a")`},
	{Path: "itEnergyKWh", Label: "IT energy", Unit: "kWh", Scales: true, Section: SectionEnergy,
		off:     unsafe.Offsetof(tz.ITEnergyKWh),
		Formula: "{gpuHours}*[power-w]*[host-power-factor]/1000"},
	{Path: "facilityEnergyKWh", Label: "Facility energy", Unit: "kWh", Scales: true, Section: SectionEnergy, Programme: true,
		off:     unsafe.Offsetof(tz.FacilityEnergyKWh),
		Formula: "{itEnergyKWh}*[pue]"},
	{Path: "peakPowerMW", Label: "Peak power", Unit: "MW", Section: SectionEnergy,
		off:     unsafe.Offsetof(tz.PeakPowerMW),
		Formula: "[gpus]*[tdp-w]*[host-power-factor]*[pue]/1000000"},
	{Path: "emissionsTCO2e", Label: "Carbon (location-based)", Unit: "tCO2e", Scales: true, Section: SectionCarbon, Programme: true,
		off:     unsafe.Offsetof(tz.EmissionsTCO2e),
		Formula: "{facilityEnergyKWh}*[carbon-intensity]/1000000"},
	{Path: "marketEmissionsTCO2e", Label: "Carbon (market-based)", Unit: "tCO2e", Scales: true, Section: SectionCarbon,
		off:     unsafe.Offsetof(tz.MarketEmissionsTCO2e),
		Formula: "{emissionsTCO2e}*(1-[renewable-share])"},
	{Path: "embodiedTCO2e", Label: "Embodied carbon", Unit: "tCO2e", Scales: true, Section: SectionCarbon,
		off: unsafe.Offsetof(tz.EmbodiedTCO2e), maybe: true,
		Formula: `IF([has-embodied]=1,{gpuHours}*[embodied-kgco2e]/([embodied-lifetime-years]*HoursPerYear)/1000,"n/a")`},
	{Path: "waterOnsiteL", Label: "Water on site", Unit: "L", Scales: true, Section: SectionWater, Programme: true,
		off:     unsafe.Offsetof(tz.WaterOnsiteL),
		Formula: "[wue]*{itEnergyKWh}"},
	{Path: "waterOffsiteL", Label: "Water off site", Unit: "L", Scales: true, Section: SectionWater, Programme: true,
		off:     unsafe.Offsetof(tz.WaterOffsiteL),
		Formula: "[ewif]*{facilityEnergyKWh}"},
	{Path: "costUSD.cloud", Label: "Cost: cloud rent", Unit: "USD", Scales: true, Section: SectionCost, Programme: true,
		Title: "Cloud rent", Caption: "GPU-hours x rental price per GPU-hour",
		off:     costOff + unsafe.Offsetof(tz.CostUSD.Cloud),
		Formula: "{gpuHours}*[gpu-hour-price]"},
	{Path: "costUSD.amortized", Label: "Cost: amortized ownership", Unit: "USD", Scales: true, Section: SectionCost, Programme: true,
		Title: "Amortized ownership", Caption: "hardware written off for the run's hours, plus energy and financing",
		off:     costOff + unsafe.Offsetof(tz.CostUSD.Amortized),
		Formula: "{work.hardware}+{costUSD.energy}+{work.financing}"},
	{Path: "costUSD.purchase", Label: "Cost: outright purchase", Unit: "USD", Section: SectionCost,
		Title: "Outright purchase", Caption: "capital cost of the whole cluster",
		off:     costOff + unsafe.Offsetof(tz.CostUSD.Purchase),
		Formula: "[gpus]*{work.cluster}"},
	{Path: "costUSD.energy", Label: "Cost: energy (inside amortized)", Unit: "USD", Scales: true, Section: SectionEnergy,
		off:     costOff + unsafe.Offsetof(tz.CostUSD.Energy),
		Formula: "{facilityEnergyKWh}*[electricity-price]"},
	{Path: "breakEvenGPUHours", Label: "Break-even vs cloud", Unit: "GPU-hours", Section: SectionOwnership,
		off: unsafe.Offsetof(tz.BreakEvenGPUHours), maybe: true,
		Formula: `IF({work.margin}>0,{costUSD.purchase}/{work.margin},"n/a")`},

	{Path: "costBreakdownUSD.amortizedAccelerators", Label: "Amortized: accelerators", Unit: "USD", Scales: true, Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.AmortizedAccelerators),
		Formula: "{work.hardware}*{work.accShare}"},
	{Path: "costBreakdownUSD.amortizedServerInterconnect", Label: "Amortized: servers and interconnect", Unit: "USD", Scales: true, Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.AmortizedServerInterconnect),
		Formula: "{work.hardware}-{costBreakdownUSD.amortizedAccelerators}"},
	{Path: "costBreakdownUSD.energy", Label: "Amortized: energy", Unit: "USD", Scales: true, Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.Energy),
		Formula: "{costUSD.energy}"},
	{Path: "costBreakdownUSD.financing", Label: "Amortized: financing", Unit: "USD", Scales: true, Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.Financing),
		Formula: "{work.financing}"},
	{Path: "costBreakdownUSD.purchaseAccelerators", Label: "Purchase: accelerators", Unit: "USD", Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.PurchaseAccelerators),
		Formula: "{costUSD.purchase}*{work.accShare}"},
	{Path: "costBreakdownUSD.purchaseServerInterconnect", Label: "Purchase: servers and interconnect", Unit: "USD", Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.PurchaseServerInterconnect),
		Formula: "{costUSD.purchase}-{costBreakdownUSD.purchaseAccelerators}"},
	{Path: "costBreakdownUSD.staff", Label: "Staff and R&D (apart)", Unit: "USD", Section: SectionBreakdown,
		off:     brkOff + unsafe.Offsetof(tz.CostBreakdownUSD.Staff),
		Formula: "[staff-cost]"},
}

// Workings are the terms of Evaluate that the outputs' formulas share, in
// the order the workbook places them.
var Workings = []Working{
	{"work.hasFLOP", "Working: training compute known", "1/0",
		"IF(ISNUMBER([flops]),1,IF(AND(ISNUMBER([active-params]),ISNUMBER([tokens])),1,0))"},
	{"work.cluster", "Working: cluster value per accelerator C", "USD",
		"[gpu-price]*[server-cost-factor]/(1-[interconnect-share])"},
	{"work.accShare", "Working: accelerator share of C", "fraction",
		"[gpu-price]/{work.cluster}"},
	{"work.years", "Working: accelerator-years used", "years",
		"{gpuHours}/HoursPerYear"},
	{"work.hardware", "Working: hardware depreciation", "USD",
		"IF([epoch-depreciation]=1,{work.years}*{work.cluster}*[price-perf-oom]*LN(10),{work.years}*({work.cluster}*(1-[residual-value]))/[depreciation-years])"},
	{"work.eac", "Working: equivalent annual cost per accelerator (straight-line)", "USD/year",
		"IF([wacc]>0,({work.cluster}-[residual-value]*{work.cluster}*POWER(1+[wacc],-[depreciation-years]))*[wacc]/(1-POWER(1+[wacc],-[depreciation-years])),({work.cluster}*(1-[residual-value]))/[depreciation-years])"},
	{"work.financing", "Working: financing (cost of capital)", "USD",
		"IF([epoch-depreciation]=1,{work.years}*{work.cluster}*[wacc],IF([wacc]>0,{work.years}*({work.eac}-({work.cluster}*(1-[residual-value]))/[depreciation-years]),0))"},
	{"work.margin", "Working: cloud price minus energy cost per GPU-hour", "USD/GPU-hour",
		"[gpu-hour-price]-[power-w]*[host-power-factor]*[pue]/1000*[electricity-price]"},
}

// ProgrammeFormula returns the workbook formula of o's programme total from
// the final run's cell ref: ref x [experiments] when o scales (keeping "n/a"
// for an unknown figure), ref itself otherwise.
func (o *Output) ProgrammeFormula(ref string) string {
	switch {
	case !o.Scales:
		return ref
	case o.maybe:
		return `IF(ISNUMBER(` + ref + `),` + ref + `*[experiments],"n/a")`
	}
	return ref + "*[experiments]"
}

// Outputs lists the outputs of OutputTable outside SectionBreakdown, in
// display order: the figures shown, compared, sampled and swung.
var Outputs = func() []Output {
	var out []Output
	for _, o := range OutputTable {
		if o.Section != SectionBreakdown {
			out = append(out, o)
		}
	}
	return out
}()

// scaledOffsets are the offsets of the outputs that scale with experiments.
var scaledOffsets = func() []uintptr {
	var offs []uintptr
	for _, o := range OutputTable {
		if o.Scales {
			offs = append(offs, o.off) // a Maybe's Value is its first field
		}
	}
	return offs
}()

// OutputByPath returns the output of OutputTable with path, or nil.
func OutputByPath(path string) *Output {
	for i := range OutputTable {
		if OutputTable[i].Path == path {
			return &OutputTable[i]
		}
	}
	return nil
}

// outputIndex returns the index of path in Outputs, or -1.
func outputIndex(path string) int {
	for i := range Outputs {
		if Outputs[i].Path == path {
			return i
		}
	}
	return -1
}

// scale turns run totals into programme totals for m runs: every output
// whose row Scales, times m; the others stay as they are.
func (t *Totals) scale(m float64) {
	if m == 1 {
		return
	}
	p := unsafe.Pointer(t)
	for _, off := range scaledOffsets {
		*(*float64)(unsafe.Add(p, off)) *= m
	}
}
