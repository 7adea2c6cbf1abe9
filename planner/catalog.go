package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Figure is one sourced reference value: a number with its unit, the key of
// the source it comes from (resolved in Catalog.Sources) and the date of the
// figure. Where no public source exists, Source is empty and Assumption holds
// a one-line rationale instead.
type Figure struct {
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Source     string  `json:"source,omitempty"`
	Date       string  `json:"date"`
	Assumption string  `json:"assumption,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// IsAssumption reports whether the figure is an assumption rather than a
// published value.
func (f *Figure) IsAssumption() bool { return f != nil && f.Assumption != "" }

// Time returns the date of the figure (formats 2006-01-02, 2006-01 or 2006).
func (f *Figure) Time() (time.Time, bool) {
	if f == nil {
		return time.Time{}, false
	}
	return parseFigureDate(f.Date)
}

// Stale reports whether the figure is older than two years at now.
func (f *Figure) Stale(now time.Time) bool {
	t, ok := f.Time()
	return ok && t.AddDate(2, 0, 0).Before(now)
}

func parseFigureDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Source is a full citation for a source key.
type Source struct {
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
}

// Price bases of an accelerator purchase price.
const (
	// PriceBasisAccelerator is the price of the bare accelerator; the server
	// cost factor applies on top of it.
	PriceBasisAccelerator = "accelerator"
	// PriceBasisSystem is an 8-accelerator system price divided by 8: the
	// server is already included, so the server cost factor is 1.
	PriceBasisSystem = "system/8"
	// PriceBasisEquivalent is an estimated equivalent price of a chip that is
	// not sold (TPUs); treated like a bare accelerator price.
	PriceBasisEquivalent = "equivalent"
)

// PurchasePrice is a purchase price per accelerator with its basis.
type PurchasePrice struct {
	Figure
	Basis string `json:"basis"`
}

// CloudPrice is one row of rental prices in USD per accelerator-hour.
// A zero tier means the provider publishes no price for it.
type CloudPrice struct {
	Provider  string  `json:"provider"`
	Date      string  `json:"date"`
	Source    string  `json:"source"`
	OnDemand  float64 `json:"onDemand"`
	OneYear   float64 `json:"oneYear,omitempty"`
	ThreeYear float64 `json:"threeYear,omitempty"`
	Default   bool    `json:"default,omitempty"`
	Note      string  `json:"note,omitempty"`
}

// Price tiers of cloud rental.
const (
	TierOnDemand  = "on-demand"
	TierOneYear   = "1-year"
	TierThreeYear = "3-year"
)

// PriceTiers lists the valid price tiers.
var PriceTiers = []string{TierOnDemand, TierOneYear, TierThreeYear}

// Tier returns the price of tier, or 0 when the row has none.
func (c CloudPrice) Tier(tier string) float64 {
	switch tier {
	case TierOnDemand:
		return c.OnDemand
	case TierOneYear:
		return c.OneYear
	case TierThreeYear:
		return c.ThreeYear
	}
	return 0
}

// Accelerator is one training chip of the catalogue.
type Accelerator struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// PeakBF16 is the dense BF16/FP16 tensor peak in FLOP/s.
	PeakBF16 Figure `json:"peakBF16"`
	// SparseBF16 is the datasheet's sparse figure where one exists.
	SparseBF16 *Figure `json:"sparseBF16,omitempty"`
	// PeakFP8 is the dense FP8 peak; nil when the chip has no FP8.
	PeakFP8 *Figure `json:"peakFP8,omitempty"`
	TDPW    Figure  `json:"tdpW"`
	// MeasuredPowerW is a published measured system power per accelerator.
	MeasuredPowerW *Figure         `json:"measuredPowerW,omitempty"`
	MemoryGB       Figure          `json:"memoryGB"`
	Price          PurchasePrice   `json:"price"`
	OtherPrices    []PurchasePrice `json:"otherPrices,omitempty"`
	Cloud          []CloudPrice    `json:"cloud"`
	EmbodiedKgCO2e *Figure         `json:"embodiedKgCO2e,omitempty"`
}

// DefaultCloud returns the accelerator's default cloud price row.
func (a *Accelerator) DefaultCloud() *CloudPrice {
	for i := range a.Cloud {
		if a.Cloud[i].Default {
			return &a.Cloud[i]
		}
	}
	if len(a.Cloud) > 0 {
		return &a.Cloud[0]
	}
	return nil
}

// CloudPriceFor returns the price of tier from the default row, falling back
// to the first row that publishes that tier, then to on-demand. The returned
// row says where the price comes from; tierUsed says which tier it is.
func (a *Accelerator) CloudPriceFor(tier string) (price float64, row *CloudPrice, tierUsed string) {
	if d := a.DefaultCloud(); d != nil && d.Tier(tier) > 0 {
		return d.Tier(tier), d, tier
	}
	for i := range a.Cloud {
		if p := a.Cloud[i].Tier(tier); p > 0 {
			return p, &a.Cloud[i], tier
		}
	}
	if d := a.DefaultCloud(); d != nil && d.OnDemand > 0 {
		return d.OnDemand, d, TierOnDemand
	}
	return 0, nil, ""
}

// AveragePower returns the default average power per accelerator: the
// measured system power where the catalogue has one, else the TDP.
func (a *Accelerator) AveragePower() *Figure {
	if a.MeasuredPowerW != nil {
		return a.MeasuredPowerW
	}
	return &a.TDPW
}

// EnergySource is a generation technology or a grid average.
type EnergySource struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is "technology" or "grid".
	Kind string `json:"kind"`
	// CarbonGPerKWh is the lifecycle carbon intensity.
	CarbonGPerKWh Figure `json:"carbonGPerKWh"`
	// EWIFLPerKWh is the water consumed per kWh generated.
	EWIFLPerKWh Figure `json:"ewifLPerKWh"`
	// PriceUSDPerKWh is a typical electricity price.
	PriceUSDPerKWh Figure `json:"priceUSDPerKWh"`
	Note           string `json:"note,omitempty"`
}

// CoolingPreset sets PUE and on-site WUE.
type CoolingPreset struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	PUE        Figure `json:"pue"`
	WUELPerKWh Figure `json:"wueLPerKWh"`
}

// Reported is a figure a developer published for a training run, keyed in
// PublishedRun.Reported by the result path of estimate --json
// (gpuHours, facilityEnergyKWh, emissionsTCO2e, costUSD.cloud, ...).
type Reported struct {
	Value  float64 `json:"value"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
	// TolerancePct is the relative error the informed prediction is expected
	// to stay within, in percent; 0 means no expectation.
	TolerancePct float64 `json:"tolerancePct,omitempty"`
}

// PublishedRun is a training run with disclosed inputs and reported outputs.
type PublishedRun struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Year   int    `json:"year"`
	Source string `json:"source"`
	// Informed uses quantities disclosed further down the chain (GPU-hours,
	// measured power); Blind uses only size, tokens and hardware.
	Informed Scenario            `json:"informed"`
	Blind    Scenario            `json:"blind"`
	Reported map[string]Reported `json:"reported"`
	Note     string              `json:"note,omitempty"`
}

// CostPoint is a historical training-cost estimate.
type CostPoint struct {
	Model string `json:"model"`
	Year  int    `json:"year"`
	// Basis is "amortized", "cloud" or "acquisition".
	Basis  string  `json:"basis"`
	USD    float64 `json:"usd"`
	Source string  `json:"source"`
	Date   string  `json:"date"`
}

// Constants are shared model constants, each sourced.
type Constants struct {
	ServerCostFactor         Figure `json:"serverCostFactor"`
	InterconnectShare        Figure `json:"interconnectShare"`
	PricePerfOOMPerYear      Figure `json:"pricePerfOOMPerYear"`
	DepreciationYears        Figure `json:"depreciationYears"`
	MFU                      Figure `json:"mfu"`
	EmbodiedLifetimeYrs      Figure `json:"embodiedLifetimeYears"`
	EpochHostPowerFactor     Figure `json:"epochHostPowerFactor"`
	ChinchillaTokensPerParam Figure `json:"chinchillaTokensPerParam"`
}

// Macro holds the industry-level figures of the bubble-gap model.
type Macro struct {
	CostGrowth     Figure `json:"costGrowth"`
	CostGrowthLow  Figure `json:"costGrowthLow"`
	CostGrowthHigh Figure `json:"costGrowthHigh"`
	// Further macro figures (Sequoia presets, query energy, ...) live in
	// Figures by key.
	Figures map[string]Figure `json:"figures"`
}

// UncertaintyDefaults is the evidence table of default uncertainty ranges.
type UncertaintyDefaults struct {
	// Inputs are keyed by the training chain's Field keys.
	Inputs []DefaultRange `json:"inputs"`
	// Gap are keyed by the gap model's inputs (GapRangeKeys).
	Gap []DefaultRange `json:"gap"`
}

// Catalog is the versioned reference catalogue.
type Catalog struct {
	Version       string              `json:"version"`
	Date          string              `json:"date"`
	Sources       map[string]Source   `json:"sources"`
	Accelerators  []Accelerator       `json:"accelerators"`
	EnergySources []EnergySource      `json:"energySources"`
	Cooling       []CoolingPreset     `json:"cooling"`
	Constants     Constants           `json:"constants"`
	Runs          []PublishedRun      `json:"runs"`
	CostPoints    []CostPoint         `json:"costPoints"`
	Macro         Macro               `json:"macro"`
	Uncertainty   UncertaintyDefaults `json:"uncertainty"`
	// MFUPrior is the fitted prior of blind MFU (planner/mfuprior.go).
	MFUPrior *MFUPriorModel `json:"mfuPrior,omitempty"`
}

// ParseCatalog decodes and validates a catalogue. Unknown fields are errors,
// so a typo in the data file cannot silently drop a value.
func ParseCatalog(data []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("catalogue: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Accelerator returns the accelerator with id, or nil.
func (c *Catalog) Accelerator(id string) *Accelerator {
	for i := range c.Accelerators {
		if c.Accelerators[i].ID == id {
			return &c.Accelerators[i]
		}
	}
	return nil
}

// EnergySource returns the energy source with id, or nil.
func (c *Catalog) EnergySource(id string) *EnergySource {
	for i := range c.EnergySources {
		if c.EnergySources[i].ID == id {
			return &c.EnergySources[i]
		}
	}
	return nil
}

// CoolingPreset returns the cooling preset with id, or nil.
func (c *Catalog) CoolingPreset(id string) *CoolingPreset {
	for i := range c.Cooling {
		if c.Cooling[i].ID == id {
			return &c.Cooling[i]
		}
	}
	return nil
}

// AcceleratorIDs lists the accelerator IDs in catalogue order.
func (c *Catalog) AcceleratorIDs() []string {
	ids := make([]string, len(c.Accelerators))
	for i, a := range c.Accelerators {
		ids[i] = a.ID
	}
	return ids
}

// EnergySourceIDs lists the energy source IDs in catalogue order.
func (c *Catalog) EnergySourceIDs() []string {
	ids := make([]string, len(c.EnergySources))
	for i, e := range c.EnergySources {
		ids[i] = e.ID
	}
	return ids
}

// CoolingIDs lists the cooling preset IDs in catalogue order.
func (c *Catalog) CoolingIDs() []string {
	ids := make([]string, len(c.Cooling))
	for i, p := range c.Cooling {
		ids[i] = p.ID
	}
	return ids
}

// Citation returns the full citation of a source key, or the key itself.
func (c *Catalog) Citation(key string) string {
	if s, ok := c.Sources[key]; ok {
		if s.URL != "" {
			return s.Citation + " (" + s.URL + ")"
		}
		return s.Citation
	}
	return key
}

// Validate checks that every figure has a source or an assumption note, a
// date, a unit and a sane value, that IDs are unique, and that every default
// uncertainty range names a known input, has low <= high inside the input's
// accepted values, a known kind and distribution, a date, and sources that
// resolve or an assumption rationale.
func (c *Catalog) Validate() error {
	v := catalogValidator{c: c}
	if c.Version == "" {
		v.fail("version", "is empty")
	}
	if _, ok := parseFigureDate(c.Date); !ok {
		v.fail("date", fmt.Sprintf("%q is not a date", c.Date))
	}
	seen := map[string]bool{}
	for i := range c.Accelerators {
		a := &c.Accelerators[i]
		p := "accelerators." + a.ID
		v.id(seen, "accelerator", a.ID)
		v.figure(p+".peakBF16", &a.PeakBF16, 1e12, 1e17)
		if a.SparseBF16 != nil {
			v.figure(p+".sparseBF16", a.SparseBF16, 1e12, 1e17)
			if a.PeakBF16.Value > a.SparseBF16.Value {
				v.fail(p+".peakBF16", "dense peak above the sparse one")
			}
		}
		if a.PeakFP8 != nil {
			v.figure(p+".peakFP8", a.PeakFP8, 1e12, 1e17)
		}
		v.figure(p+".tdpW", &a.TDPW, 50, 5000)
		if a.MeasuredPowerW != nil {
			v.figure(p+".measuredPowerW", a.MeasuredPowerW, 50, 5000)
		}
		v.figure(p+".memoryGB", &a.MemoryGB, 1, 2000)
		v.price(p+".price", &a.Price)
		for j := range a.OtherPrices {
			v.price(fmt.Sprintf("%s.otherPrices[%d]", p, j), &a.OtherPrices[j])
		}
		defaults := 0
		for j, cp := range a.Cloud {
			q := fmt.Sprintf("%s.cloud[%d]", p, j)
			if cp.Default {
				defaults++
			}
			if cp.Provider == "" {
				v.fail(q+".provider", "is empty")
			}
			if _, ok := parseFigureDate(cp.Date); !ok {
				v.fail(q+".date", fmt.Sprintf("%q is not a date", cp.Date))
			}
			v.source(q+".source", cp.Source)
			for _, t := range []float64{cp.OnDemand, cp.OneYear, cp.ThreeYear} {
				if t < 0 || t > 200 || math.IsNaN(t) {
					v.fail(q, fmt.Sprintf("price %g outside 0-200 USD/h", t))
				}
			}
			if cp.OnDemand <= 0 && cp.OneYear <= 0 && cp.ThreeYear <= 0 {
				v.fail(q, "has no price")
			}
		}
		if defaults != 1 {
			v.fail(p+".cloud", fmt.Sprintf("needs exactly one default row, has %d", defaults))
		}
		if a.EmbodiedKgCO2e != nil {
			v.figure(p+".embodiedKgCO2e", a.EmbodiedKgCO2e, 1, 10000)
		}
	}
	if len(c.Accelerators) == 0 {
		v.fail("accelerators", "is empty")
	}
	if c.MFUPrior != nil {
		if err := c.MFUPrior.Validate(); err != nil {
			v.fail("mfuPrior", err.Error())
		}
		v.source("mfuPrior.source", c.MFUPrior.Source)
	}
	for i := range c.EnergySources {
		e := &c.EnergySources[i]
		p := "energySources." + e.ID
		v.id(seen, "energy source", e.ID)
		if e.Kind != "technology" && e.Kind != "grid" {
			v.fail(p+".kind", fmt.Sprintf("%q is not technology or grid", e.Kind))
		}
		v.figure(p+".carbonGPerKWh", &e.CarbonGPerKWh, 0, 2000)
		v.figure(p+".ewifLPerKWh", &e.EWIFLPerKWh, 0, 100)
		v.figure(p+".priceUSDPerKWh", &e.PriceUSDPerKWh, 0.001, 2)
	}
	for i := range c.Cooling {
		k := &c.Cooling[i]
		p := "cooling." + k.ID
		v.id(seen, "cooling preset", k.ID)
		v.figure(p+".pue", &k.PUE, 1, 3)
		v.figure(p+".wueLPerKWh", &k.WUELPerKWh, 0, 20)
	}
	k := &c.Constants
	v.figure("constants.serverCostFactor", &k.ServerCostFactor, 1, 5)
	v.figure("constants.interconnectShare", &k.InterconnectShare, 0, 0.9)
	v.figure("constants.pricePerfOOMPerYear", &k.PricePerfOOMPerYear, 0.01, 1)
	v.figure("constants.depreciationYears", &k.DepreciationYears, 1, 20)
	v.figure("constants.mfu", &k.MFU, 0.01, 1)
	v.figure("constants.embodiedLifetimeYears", &k.EmbodiedLifetimeYrs, 1, 20)
	v.figure("constants.epochHostPowerFactor", &k.EpochHostPowerFactor, 1, 5)
	v.figure("constants.chinchillaTokensPerParam", &k.ChinchillaTokensPerParam, 1, 1000)
	for i := range c.Runs {
		r := &c.Runs[i]
		v.id(seen, "run", "run:"+r.ID)
		v.source("runs."+r.ID+".source", r.Source)
		for key, rep := range r.Reported {
			v.source("runs."+r.ID+".reported."+key, rep.Source)
			if !(rep.Value > 0) || math.IsInf(rep.Value, 0) {
				v.fail("runs."+r.ID+".reported."+key, "must be > 0")
			}
		}
	}
	for i, cp := range c.CostPoints {
		p := fmt.Sprintf("costPoints[%d]", i)
		v.source(p+".source", cp.Source)
		if cp.Basis != "amortized" && cp.Basis != "cloud" && cp.Basis != "acquisition" {
			v.fail(p+".basis", fmt.Sprintf("%q is not amortized, cloud or acquisition", cp.Basis))
		}
		if !(cp.USD > 0) || cp.Year < 2010 || cp.Year > 2100 {
			v.fail(p, "needs a positive cost and a year 2010-2100")
		}
	}
	v.figure("macro.costGrowth", &c.Macro.CostGrowth, 1, 10)
	v.figure("macro.costGrowthLow", &c.Macro.CostGrowthLow, 1, 10)
	v.figure("macro.costGrowthHigh", &c.Macro.CostGrowthHigh, 1, 10)
	keys := make([]string, 0, len(c.Macro.Figures))
	for key := range c.Macro.Figures {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		f := c.Macro.Figures[key]
		v.figure("macro.figures."+key, &f, -1e15, 1e15)
	}
	v.ranges("uncertainty.inputs", c.Uncertainty.Inputs, func(key string) (lo, hi float64, ok bool) {
		if f := FieldByKey(key); f != nil {
			return f.Min, f.Max, true
		}
		return 0, 0, false
	}, FieldKeys())
	v.ranges("uncertainty.gap", c.Uncertainty.Gap, gapLimits, GapRangeKeys)
	if len(v.errs) > 0 {
		return fmt.Errorf("catalogue %s is invalid:\n  %s", c.Version, strings.Join(v.errs, "\n  "))
	}
	return nil
}

type catalogValidator struct {
	c    *Catalog
	errs []string
}

func (v *catalogValidator) fail(path, msg string) {
	v.errs = append(v.errs, path+": "+msg)
}

func (v *catalogValidator) id(seen map[string]bool, kind, id string) {
	if id == "" || strings.ToLower(id) != id || strings.ContainsAny(id, " \t") {
		v.fail(kind, fmt.Sprintf("ID %q must be lowercase with no spaces", id))
	}
	if seen[id] {
		v.fail(kind, fmt.Sprintf("duplicate ID %q", id))
	}
	seen[id] = true
}

func (v *catalogValidator) source(path, key string) {
	if key == "" {
		v.fail(path, "has no source")
		return
	}
	for _, k := range strings.Split(key, ",") {
		if _, ok := v.c.Sources[strings.TrimSpace(k)]; !ok {
			v.fail(path, fmt.Sprintf("source %q is not in the sources table", k))
		}
	}
}

func (v *catalogValidator) figure(path string, f *Figure, lo, hi float64) {
	if f.Assumption == "" {
		v.source(path, f.Source)
	}
	if f.Unit == "" {
		v.fail(path, "has no unit")
	}
	if _, ok := parseFigureDate(f.Date); !ok {
		v.fail(path, fmt.Sprintf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", f.Date))
	}
	if math.IsNaN(f.Value) || f.Value < lo || f.Value > hi {
		v.fail(path, fmt.Sprintf("value %g outside %g-%g", f.Value, lo, hi))
	}
}

// ranges checks an evidence table of default ranges: known, unique keys
// (limits gives a key's accepted values), a kind and a distribution, low <=
// high inside the accepted values for an absolute range, positive factors
// for a relative one, 0 < userLow <= 1 <= userHigh or both zero, a date, and
// a source or an assumption.
func (v *catalogValidator) ranges(path string, rows []DefaultRange, limits func(string) (lo, hi float64, ok bool), valid []string) {
	seen := map[string]bool{}
	for i := range rows {
		d := &rows[i]
		p := fmt.Sprintf("%s[%d]", path, i)
		if d.Key != "" {
			p = path + "." + d.Key
		}
		accLo, accHi, ok := limits(d.Key)
		if !ok {
			v.fail(p+".key", fmt.Sprintf("%q is not a numeric input; valid: %s", d.Key, strings.Join(valid, ", ")))
		}
		if seen[d.Key] {
			v.fail(p+".key", fmt.Sprintf("duplicate key %q", d.Key))
		}
		seen[d.Key] = true
		switch d.Dist {
		case DistTriangular, DistPERT, DistUniform:
		case DistLognormal:
			if d.Kind == RangeAbsolute && !(d.Low > 0) {
				v.fail(p+".low", "a lognormal range needs low > 0")
			}
		default:
			v.fail(p+".dist", fmt.Sprintf("%q is not one of %s", d.Dist, strings.Join(Dists, ", ")))
		}
		bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
		switch d.Kind {
		case RangeAbsolute:
			if bad(d.Low) || bad(d.High) || !(d.Low <= d.High) {
				v.fail(p, fmt.Sprintf("low %g and high %g: want low <= high", d.Low, d.High))
			} else if ok && (d.Low < accLo || d.High > accHi) {
				v.fail(p, fmt.Sprintf("low %g and high %g outside the input's %g-%g", d.Low, d.High, accLo, accHi))
			}
			if d.Centre != 0 {
				v.fail(p+".centre", "applies to relative ranges only")
			}
		case RangeRelative:
			lo, hi := d.Factors()
			if bad(lo) || bad(hi) || bad(d.Centre) || d.Centre < 0 || !(lo > 0 && lo <= 1 && 1 <= hi) {
				v.fail(p, fmt.Sprintf("factors %g and %g: want 0 < low factor <= 1 <= high factor", lo, hi))
			}
		case RangeCloudRows:
			if d.Key != KeyGPUHourPrice || path != "uncertainty.inputs" {
				v.fail(p+".kind", "cloud-rows applies to gpu-hour-price only")
			}
			if d.Low != 0 || d.High != 0 || d.Centre != 0 {
				v.fail(p, "cloud-rows takes its bounds from the cloud prices: want no low, high or centre")
			}
		default:
			v.fail(p+".kind", fmt.Sprintf("%q is not one of %s", d.Kind, strings.Join(RangeKinds, ", ")))
		}
		if (d.UserLow != 0 || d.UserHigh != 0) && !(d.UserLow > 0 && d.UserLow <= 1 && 1 <= d.UserHigh && !bad(d.UserHigh)) {
			v.fail(p, fmt.Sprintf("userLow %g and userHigh %g: want 0 < userLow <= 1 <= userHigh, or both 0", d.UserLow, d.UserHigh))
		}
		if d.Assumption == "" || d.Source != "" {
			v.source(p+".source", d.Source)
		}
		if _, ok := parseFigureDate(d.Date); !ok {
			v.fail(p+".date", fmt.Sprintf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", d.Date))
		}
	}
}

func (v *catalogValidator) price(path string, p *PurchasePrice) {
	v.figure(path, &p.Figure, 100, 1e6)
	switch p.Basis {
	case PriceBasisAccelerator, PriceBasisSystem, PriceBasisEquivalent:
	default:
		v.fail(path+".basis", fmt.Sprintf("%q is not %s, %s or %s", p.Basis,
			PriceBasisAccelerator, PriceBasisSystem, PriceBasisEquivalent))
	}
}
