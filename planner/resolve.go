package planner

import (
	"fmt"
	"slices"
	"strings"
)

// Inputs are a scenario's resolved numbers: every catalogue lookup done,
// every default applied, every range checked. Evaluate works on these alone.
type Inputs struct {
	// FLOP is the training compute after the efficiency divisor; valid
	// only when HasFLOP.
	FLOP    float64
	HasFLOP bool
	// PeakFLOPS is the dense peak at the chosen precision, FLOP/s.
	PeakFLOPS float64
	GPUs      float64
	MFU       float64
	Goodput   float64
	// GPUHours is the disclosed figure; valid only when HasGPUHours.
	GPUHours    float64
	HasGPUHours bool
	Experiments float64

	PowerW          float64 // average power per accelerator
	TDPW            float64 // nameplate, for peak power
	HostPowerFactor float64
	PUE             float64
	WUELPerKWh      float64
	CarbonGPerKWh   float64
	RenewableShare  float64
	EWIFLPerKWh     float64
	ElectricityUSD  float64 // per kWh

	GPUHourUSD        float64
	GPUPriceUSD       float64
	ServerCostFactor  float64
	InterconnectShare float64
	DepreciationYears float64
	EpochDepreciation bool
	PricePerfOOM      float64 // orders of magnitude per year (epoch mode)
	WACC              float64
	ResidualValue     float64
	StaffUSD          float64

	// EmbodiedKgCO2e per accelerator; valid only when HasEmbodied.
	EmbodiedKgCO2e        float64
	HasEmbodied           bool
	EmbodiedLifetimeYears float64
}

// Resolved is one resolved input with its provenance, as estimate --json
// prints it under "inputs".
type Resolved struct {
	Value  any    `json:"value"`
	Unit   string `json:"unit"`
	Source string `json:"source"`
	// Date is the vintage of a catalogue figure.
	Date string `json:"date,omitempty"`
	// Assumption is set when the catalogue marks the value as an assumption.
	Assumption string `json:"assumption,omitempty"`
	// Origin is "user", "catalogue", "default" or "derived".
	Origin string `json:"origin"`
}

// Origins of a resolved input.
const (
	OriginUser      = "user"
	OriginCatalogue = "catalogue"
	OriginDefault   = "default"
	OriginDerived   = "derived"
)

// Resolution is the result of Resolve: the numbers for Evaluate and the
// provenance of each input by key.
type Resolution struct {
	Inputs     Inputs
	Provenance map[string]Resolved
	// Accelerator, EnergySource and Cooling are the catalogue entries used.
	Accelerator  *Accelerator
	EnergySource *EnergySource
	Cooling      *CoolingPreset
	// PriceTierUsed is the tier of the default cloud price (the chosen tier,
	// or on-demand where the catalogue has no price at that tier).
	PriceTierUsed  string
	CatalogVersion string
}

type resolver struct {
	cat  *Catalog
	sc   *Scenario
	prov map[string]Resolved
}

// user returns the user's value for key, checked against its range.
func (r *resolver) user(key string) (float64, bool, error) {
	v, ok := r.sc.Values[key]
	if !ok {
		return 0, false, nil
	}
	f := FieldByKey(key)
	if err := f.Check(v); err != nil {
		return 0, false, err
	}
	r.set(key, Resolved{Value: v, Unit: f.Unit, Source: "user input", Origin: OriginUser})
	return v, true, nil
}

// pick returns the user's value, else the catalogue figure.
func (r *resolver) pick(key string, fig *Figure) (float64, error) {
	v, ok, err := r.user(key)
	if err != nil || ok {
		return v, err
	}
	f := FieldByKey(key)
	src := fig.Source
	if fig.Assumption != "" {
		src = "assumption"
	}
	r.set(key, Resolved{Value: fig.Value, Unit: f.Unit, Source: src, Date: fig.Date,
		Assumption: fig.Assumption, Origin: OriginCatalogue})
	return fig.Value, nil
}

// fixed returns the user's value, else a built-in default.
func (r *resolver) fixed(key string, def float64, why string) (float64, error) {
	v, ok, err := r.user(key)
	if err != nil || ok {
		return v, err
	}
	r.set(key, Resolved{Value: def, Unit: FieldByKey(key).Unit, Source: why, Origin: OriginDefault})
	return def, nil
}

// provenanceSize is the most inputs a Resolution can hold (every numeric
// input, every choice, and peak-flops and the two embodied figures): the
// provenance map is made this size at once rather than grown from empty,
// which was a tenth of 'estimate --scenarios' on 100,000 scenarios (issue
// 15 item 7).
var provenanceSize = len(Fields) + len(ChoiceKeys) + 3

// Resolve looks up the scenario's catalogue entries, applies defaults and
// checks every input. Errors are *FieldError naming the input.
func Resolve(cat *Catalog, sc *Scenario) (*Resolution, error) {
	return resolve(&resolver{cat: cat, sc: sc, prov: make(map[string]Resolved, provenanceSize)})
}

// Check returns the error Resolve (and so Estimate) would return for the
// scenario, without recording the provenance: the cheaper first pass of a
// command that checks every scenario before printing any.
func Check(cat *Catalog, sc *Scenario) error {
	_, err := resolve(&resolver{cat: cat, sc: sc})
	return err
}

func resolve(r *resolver) (*Resolution, error) {
	cat, sc := r.cat, r.sc
	res := &Resolution{Provenance: r.prov, CatalogVersion: cat.Version}
	in := &res.Inputs
	for k := range sc.Values {
		if FieldByKey(k) == nil {
			return nil, &FieldError{Field: k, Msg: "unknown input; valid: " + strings.Join(FieldKeys(), ", ")}
		}
	}

	acc, err := cat.AcceleratorFor(sc)
	if err != nil {
		return nil, err
	}
	res.Accelerator = acc
	r.set(KeyGPU, Resolved{Value: acc.ID, Unit: "", Source: acc.Name, Origin: OriginUser})

	prec := orDefault(sc.Precision, defaultPrecision)
	peak := &acc.PeakBF16
	switch prec {
	case PrecisionBF16:
	case PrecisionFP8:
		if acc.PeakFP8 == nil {
			return nil, &FieldError{Field: KeyPrecision, Value: `"fp8"`,
				Msg: fmt.Sprintf("%s has no FP8 tensor cores; use bf16", acc.ID)}
		}
		peak = acc.PeakFP8
	default:
		return nil, choiceError(KeyPrecision, sc.Precision, Precisions)
	}
	in.PeakFLOPS = peak.Value
	r.set(KeyPrecision, Resolved{Value: prec, Unit: "", Source: "", Origin: origin(sc.Precision)})
	r.set("peak-flops", Resolved{Value: peak.Value, Unit: "FLOP/s", Source: peak.Source, Date: peak.Date,
		Assumption: peak.Assumption, Origin: OriginCatalogue})

	if err := r.model(in); err != nil {
		return nil, err
	}
	if err := r.hardware(in, acc); err != nil {
		return nil, err
	}
	if err := r.energy(res, acc); err != nil {
		return nil, err
	}
	if err := r.money(res, acc); err != nil {
		return nil, err
	}
	return res, nil
}

func (r *resolver) model(in *Inputs) error {
	sc := r.sc
	eff, err := r.fixed(KeyEfficiency, 1, "default: no algorithmic efficiency gain")
	if err != nil {
		return err
	}
	if in.Experiments, err = r.fixed(KeyExperiments, 1, "default: final run only"); err != nil {
		return err
	}

	flops, hasFLOPs, err := r.user(KeyFLOPs)
	if err != nil {
		return err
	}
	params, hasParams, err := r.user(KeyParams)
	if err != nil {
		return err
	}
	active, hasActive, err := r.user(KeyActiveParams)
	if err != nil {
		return err
	}
	if hasActive && hasParams && active > params {
		return &FieldError{Field: KeyActiveParams, Value: FormatNumber(active),
			Msg: fmt.Sprintf("accepted: at most the total parameters (%s)", HumanNumber(params))}
	}
	if !hasActive && hasParams {
		active, hasActive = params, true
		r.set(KeyActiveParams, Resolved{Value: params, Unit: "parameters", Source: "= parameters (dense model)", Origin: OriginDerived})
	}
	tokens, hasTokens, err := r.user(KeyTokens)
	if err != nil {
		return err
	}
	tpp, hasTPP, err := r.user(KeyTokensPerParam)
	if err != nil {
		return err
	}
	if !hasTokens && hasTPP && hasParams {
		tokens, hasTokens = params*tpp, true
		if err := FieldByKey(KeyTokens).Check(tokens); err != nil {
			return &FieldError{Field: KeyTokensPerParam, Value: FormatNumber(tpp),
				Msg: "gives " + HumanNumber(tokens) + " tokens; tokens " + FieldByKey(KeyTokens).RangeText()}
		}
		r.set(KeyTokens, Resolved{Value: tokens, Unit: "tokens", Source: "= parameters x tokens per parameter", Origin: OriginDerived})
	}
	switch {
	case hasFLOPs:
		in.FLOP, in.HasFLOP = flops/eff, true
	case hasActive && hasTokens:
		in.FLOP, in.HasFLOP = flopPerParamToken*active*tokens/eff, true
	}
	if in.HasFLOP && (in.FLOP > 1e34 || in.FLOP < 1) {
		return &FieldError{Field: KeyEfficiency, Value: FormatNumber(eff), Msg: "gives training compute outside 1 to 1e34 FLOP"}
	}
	_, hasGPUh := sc.Values[KeyGPUHours]
	if !in.HasFLOP && !hasGPUh {
		switch {
		case hasParams && !hasTokens:
			return &FieldError{Field: KeyTokens, Msg: "is required with params (or give tokens-per-param, flops or gpu-hours)"}
		case hasTokens && !hasParams:
			return &FieldError{Field: KeyParams, Msg: "is required with tokens (or give flops or gpu-hours)"}
		}
		return &FieldError{Field: KeyParams, Msg: "give params and tokens, or flops, or gpu-hours"}
	}
	return nil
}

func (r *resolver) hardware(in *Inputs, acc *Accelerator) error {
	gpus, ok, err := r.user(KeyGPUs)
	if err != nil {
		return err
	}
	if !ok {
		return &FieldError{Field: KeyGPUs, Msg: "is required: the number of accelerators, " + FieldByKey(KeyGPUs).RangeText()}
	}
	in.GPUs = gpus
	_, hasMFU := r.sc.Values[KeyMFU]
	gh, hasGH, err := r.user(KeyGPUHours)
	if err != nil {
		return err
	}
	if hasMFU && hasGH {
		return &FieldError{Field: KeyMFU, Msg: "give mfu or gpu-hours, not both (disclosed GPU-hours imply the MFU)"}
	}
	in.GPUHours, in.HasGPUHours = gh, hasGH
	if in.MFU, err = r.pick(KeyMFU, &r.cat.Constants.MFU); err != nil {
		return err
	}
	if in.Goodput, err = r.fixed(KeyGoodput, 1, "default: no time lost to failures"); err != nil {
		return err
	}
	if !hasGH {
		h := in.FLOP / (in.PeakFLOPS * in.MFU * 3600) / in.Goodput
		if h > FieldByKey(KeyGPUHours).Max || h < minGPUHours {
			return gpuHoursError(r.sc, h, in.MFU)
		}
	}
	return nil
}

// set records the provenance of key (nothing when only checking).
func (r *resolver) set(key string, v Resolved) {
	if r.prov != nil {
		r.prov[key] = v
	}
}

func (r *resolver) energy(res *Resolution, acc *Accelerator) error {
	in := &res.Inputs
	var err error
	in.TDPW = acc.TDPW.Value
	if in.PowerW, err = r.pick(KeyPowerW, acc.AveragePower()); err != nil {
		return err
	}
	if in.HostPowerFactor, err = r.fixed(KeyHostPowerFactor, 1, "default: accelerator power only, as most disclosures count"); err != nil {
		return err
	}
	cool := r.cat.CoolingPreset(orDefault(r.sc.Cooling, defaultCoolingID))
	if cool == nil {
		return choiceError(KeyCooling, r.sc.Cooling, r.cat.CoolingIDs())
	}
	res.Cooling = cool
	r.set(KeyCooling, Resolved{Value: cool.ID, Unit: "", Source: cool.Name, Origin: origin(r.sc.Cooling)})
	if in.PUE, err = r.pick(KeyPUE, &cool.PUE); err != nil {
		return err
	}
	if in.WUELPerKWh, err = r.pick(KeyWUE, &cool.WUELPerKWh); err != nil {
		return err
	}
	es := r.cat.EnergySource(orDefault(r.sc.Energy, defaultEnergySourceID))
	if es == nil {
		return choiceError(KeyEnergy, r.sc.Energy, r.cat.EnergySourceIDs())
	}
	res.EnergySource = es
	r.set(KeyEnergy, Resolved{Value: es.ID, Unit: "", Source: es.Name, Origin: origin(r.sc.Energy)})
	if in.CarbonGPerKWh, err = r.pick(KeyCarbonIntensity, &es.CarbonGPerKWh); err != nil {
		return err
	}
	if in.EWIFLPerKWh, err = r.pick(KeyEWIF, &es.EWIFLPerKWh); err != nil {
		return err
	}
	if in.ElectricityUSD, err = r.pick(KeyElectricityPrice, &es.PriceUSDPerKWh); err != nil {
		return err
	}
	if in.RenewableShare, err = r.fixed(KeyRenewableShare, 0, "default: no renewable matching"); err != nil {
		return err
	}
	if acc.EmbodiedKgCO2e != nil {
		in.EmbodiedKgCO2e, in.HasEmbodied = acc.EmbodiedKgCO2e.Value, true
		f := acc.EmbodiedKgCO2e
		r.set("embodied-kgco2e", Resolved{Value: f.Value, Unit: "kgCO2e/accelerator", Source: f.Source, Date: f.Date,
			Assumption: f.Assumption, Origin: OriginCatalogue})
	}
	lt := &r.cat.Constants.EmbodiedLifetimeYrs
	in.EmbodiedLifetimeYears = lt.Value
	r.set("embodied-lifetime-years", Resolved{Value: lt.Value, Unit: "years", Source: lt.Source, Date: lt.Date, Origin: OriginCatalogue})
	return nil
}

func (r *resolver) money(res *Resolution, acc *Accelerator) error {
	in := &res.Inputs
	k := &r.cat.Constants
	var err error
	tier := orDefault(r.sc.PriceTier, defaultPriceTier)
	if !slices.Contains(PriceTiers, tier) {
		return choiceError(KeyPriceTier, r.sc.PriceTier, PriceTiers)
	}
	r.set(KeyPriceTier, Resolved{Value: tier, Unit: "", Source: "default: 3-year commitment (Epoch / AI Index convention)", Origin: origin(r.sc.PriceTier)})
	price, row, used := acc.CloudPriceFor(tier)
	res.PriceTierUsed = used
	if v, ok, err := r.user(KeyGPUHourPrice); err != nil {
		return err
	} else if ok {
		in.GPUHourUSD = v
	} else {
		if row == nil {
			return &FieldError{Field: KeyGPUHourPrice, Msg: "is required: the catalogue has no cloud price for " + acc.ID}
		}
		src := fmt.Sprintf("%s %s, %s (%s)", row.Provider, used, row.Date, row.Source)
		if used != tier {
			src += fmt.Sprintf("; no %s price published, on-demand used", tier)
		}
		in.GPUHourUSD = price
		r.set(KeyGPUHourPrice, Resolved{Value: price, Unit: "USD/GPU-hour", Source: src, Date: row.Date, Origin: OriginCatalogue})
	}
	if in.GPUPriceUSD, err = r.pick(KeyGPUPrice, &acc.Price.Figure); err != nil {
		return err
	}
	if acc.Price.Basis == PriceBasisSystem {
		if in.ServerCostFactor, err = r.fixed(KeyServerCostFactor, 1, "1: the price is a system price / 8, which includes the server"); err != nil {
			return err
		}
	} else if in.ServerCostFactor, err = r.pick(KeyServerCostFactor, &k.ServerCostFactor); err != nil {
		return err
	}
	if in.InterconnectShare, err = r.pick(KeyInterconnect, &k.InterconnectShare); err != nil {
		return err
	}
	if in.DepreciationYears, err = r.pick(KeyDepreciationYrs, &k.DepreciationYears); err != nil {
		return err
	}
	mode := orDefault(r.sc.Depreciation, defaultDepreciationMod)
	if !slices.Contains(DepreciationModes, mode) {
		return choiceError(KeyDepreciation, r.sc.Depreciation, DepreciationModes)
	}
	in.EpochDepreciation = mode == DepreciationEpoch
	r.set(KeyDepreciation, Resolved{Value: mode, Unit: "", Source: "", Origin: origin(r.sc.Depreciation)})
	in.PricePerfOOM = k.PricePerfOOMPerYear.Value
	if in.WACC, err = r.fixed(KeyWACC, 0, "default: no financing cost"); err != nil {
		return err
	}
	if in.ResidualValue, err = r.fixed(KeyResidualValue, 0, "default: depreciated to zero"); err != nil {
		return err
	}
	if in.StaffUSD, err = r.fixed(KeyStaffCost, 0, "default: not counted"); err != nil {
		return err
	}
	return nil
}

func origin(choice string) string {
	if choice == "" {
		return OriginDefault
	}
	return OriginUser
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// minGPUHours is the smallest computed GPU-hour figure the planner accepts.
const minGPUHours = 1e-9

// gpuHoursError names the inputs whose computed GPU-hours fall outside the
// planner's range, and the bound they miss (at least / at most).
func gpuHoursError(sc *Scenario, h, mfu float64) error {
	field, from := KeyParams, "params x tokens"
	if _, ok := sc.Values[KeyFLOPs]; ok {
		field, from = KeyFLOPs, "flops"
	}
	if _, ok := sc.Values[KeyMFU]; ok {
		field = KeyMFU
	}
	bound, dir := FieldByKey(KeyGPUHours).Max, "at most"
	if h < minGPUHours {
		bound, dir = minGPUHours, "at least"
	}
	return &FieldError{Field: field, Msg: fmt.Sprintf("the compute from %s gives %s GPU-hours at MFU %s%%; the planner accepts %s %s GPU-hours",
		from, HumanNumber(h), HumanNumber(100*mfu), dir, HumanNumber(bound))}
}
