package planner

// Output describes one numeric output of Totals by its estimate --json path
// (e.g. "gpuHours", "costUSD.cloud"). Get reports false when the value is
// unknown (a null in JSON).
type Output struct {
	Path  string
	Label string
	Unit  string
	Get   func(t *Totals) (float64, bool)
}

func known(v float64) (float64, bool) { return v, true }

func maybe(m Maybe) (float64, bool) { return m.Value, m.Valid }

// Outputs lists every numeric output of Totals in display order.
var Outputs = []Output{
	{"trainingFLOP", "Training compute", "FLOP", func(t *Totals) (float64, bool) { return maybe(t.TrainingFLOP) }},
	{"gpuHours", "GPU-hours", "GPU-hours", func(t *Totals) (float64, bool) { return known(t.GPUHours) }},
	{"wallClockDays", "Wall-clock time", "days", func(t *Totals) (float64, bool) { return known(t.WallClockDays) }},
	{"impliedMFU", "Implied MFU", "fraction", func(t *Totals) (float64, bool) { return maybe(t.ImpliedMFU) }},
	{"itEnergyKWh", "IT energy", "kWh", func(t *Totals) (float64, bool) { return known(t.ITEnergyKWh) }},
	{"facilityEnergyKWh", "Facility energy", "kWh", func(t *Totals) (float64, bool) { return known(t.FacilityEnergyKWh) }},
	{"peakPowerMW", "Peak power", "MW", func(t *Totals) (float64, bool) { return known(t.PeakPowerMW) }},
	{"emissionsTCO2e", "Carbon (location-based)", "tCO2e", func(t *Totals) (float64, bool) { return known(t.EmissionsTCO2e) }},
	{"marketEmissionsTCO2e", "Carbon (market-based)", "tCO2e", func(t *Totals) (float64, bool) { return known(t.MarketEmissionsTCO2e) }},
	{"embodiedTCO2e", "Embodied carbon", "tCO2e", func(t *Totals) (float64, bool) { return maybe(t.EmbodiedTCO2e) }},
	{"waterOnsiteL", "Water on site", "L", func(t *Totals) (float64, bool) { return known(t.WaterOnsiteL) }},
	{"waterOffsiteL", "Water off site", "L", func(t *Totals) (float64, bool) { return known(t.WaterOffsiteL) }},
	{"costUSD.cloud", "Cost: cloud rent", "USD", func(t *Totals) (float64, bool) { return known(t.CostUSD.Cloud) }},
	{"costUSD.amortized", "Cost: amortized ownership", "USD", func(t *Totals) (float64, bool) { return known(t.CostUSD.Amortized) }},
	{"costUSD.purchase", "Cost: outright purchase", "USD", func(t *Totals) (float64, bool) { return known(t.CostUSD.Purchase) }},
	{"costUSD.energy", "Cost: energy (inside amortized)", "USD", func(t *Totals) (float64, bool) { return known(t.CostUSD.Energy) }},
	{"breakEvenGPUHours", "Break-even vs cloud", "GPU-hours", func(t *Totals) (float64, bool) { return maybe(t.BreakEvenGPUHours) }},
}

// OutputByPath returns the output with path, or nil.
func OutputByPath(path string) *Output {
	for i := range Outputs {
		if Outputs[i].Path == path {
			return &Outputs[i]
		}
	}
	return nil
}

// Report is what estimate --json prints for one scenario: the result, the
// catalogue version and every resolved input with its provenance.
type Report struct {
	Name string `json:"name,omitempty"`
	Result
	CatalogVersion string `json:"catalogVersion"`
	// Currency states the dollar basis: nominal USD as dated in the catalogue.
	Currency string              `json:"currency"`
	Inputs   map[string]Resolved `json:"inputs"`
}

// CurrencyNote is the dollar basis of every cost.
const CurrencyNote = "USD, nominal, as dated in the catalogue (no inflation adjustment)"

// NewReport assembles the report of an evaluated scenario.
func NewReport(name string, r Result, res *Resolution) Report {
	return Report{Name: name, Result: r, CatalogVersion: res.CatalogVersion, Currency: CurrencyNote, Inputs: res.Provenance}
}
