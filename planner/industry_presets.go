package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// IndustryData is the industry reference file (assets/industry.json): the
// cited defaults of the industry model, reference figures (Denmark's water
// withdrawal, the Crane Clean Energy Center, Jean Zay) and presets.
type IndustryData struct {
	Version    string            `json:"version"`
	Date       string            `json:"date"`
	Sources    map[string]Source `json:"sources"`
	Defaults   map[string]Figure `json:"defaults"`
	References map[string]Figure `json:"references"`
	Presets    []IndustryPreset  `json:"presets"`
	// ExampleSeries is a small cited capex series for the build-out chart.
	ExampleSeries CapexSeries `json:"exampleSeries"`
}

// CapexSeries is a named, cited yearly capex series.
type CapexSeries struct {
	Name   string      `json:"name"`
	Source string      `json:"source"`
	Years  []YearCapex `json:"years"`
}

// IndustryPreset is a named build-out: an energy source and a cooling preset
// of the catalogue, input values, and optionally its size as IT energy,
// facility energy or a dedicated supply instead of GW.
type IndustryPreset struct {
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Note    string            `json:"note"`
	Energy  string            `json:"energy"`
	Cooling string            `json:"cooling"`
	Values  map[string]Figure `json:"values"`
	// ITEnergyTWh sizes the build-out by its IT energy (de Vries's TWh).
	ITEnergyTWh *Figure `json:"itEnergyTWh,omitempty"`
	// FacilityEnergyTWh sizes it by its metered facility energy.
	FacilityEnergyTWh *Figure `json:"facilityEnergyTWh,omitempty"`
	// SupplyMW is a dedicated supply to compare with the campus's power.
	SupplyMW *Figure `json:"supplyMW,omitempty"`
}

// Industry preset IDs with reproduction tests.
const (
	IndustryPresetEpoch    = "epoch-1gw-2026"
	IndustryPresetLiLow    = "li-2027-low"
	IndustryPresetLiHigh   = "li-2027-high"
	IndustryPresetTMI      = "three-mile-island"
	IndustryPresetJeanZay  = "jean-zay"
	IndustryDefaultEnergy  = "us-grid"
	IndustryDefaultCooling = "air"
)

// ParseIndustry decodes and validates the industry file. Unknown fields are
// errors; every value must be in its field's range and cite a known source
// or state an assumption.
func ParseIndustry(data []byte) (*IndustryData, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d IndustryData
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("industry data: %w", err)
	}
	check := func(where string, f *Figure) error {
		if f.Source == "" && f.Assumption == "" {
			return fmt.Errorf("industry data: %s: no source and no assumption", where)
		}
		for _, k := range strings.Split(f.Source, ",") {
			if _, ok := d.Sources[k]; f.Source != "" && !ok {
				return fmt.Errorf("industry data: %s: unknown source %q", where, k)
			}
		}
		return nil
	}
	for k, f := range d.Defaults {
		if IndustryField(k) == nil {
			return nil, fmt.Errorf("industry data: defaults: unknown input %q", k)
		}
		if err := IndustryField(k).Check(f.Value); err != nil {
			return nil, fmt.Errorf("industry data: defaults: %w", err)
		}
		if err := check("defaults."+k, &f); err != nil {
			return nil, err
		}
	}
	for k, f := range d.References {
		if err := check("references."+k, &f); err != nil {
			return nil, err
		}
	}
	for _, p := range d.Presets {
		for k, f := range p.Values {
			if IndustryField(k) == nil {
				return nil, fmt.Errorf("industry data: preset %s: unknown input %q", p.ID, k)
			}
			if err := check("preset "+p.ID+"."+k, &f); err != nil {
				return nil, err
			}
		}
	}
	if _, ok := d.Sources[d.ExampleSeries.Source]; len(d.ExampleSeries.Years) > 0 && !ok {
		return nil, fmt.Errorf("industry data: exampleSeries: unknown source %q", d.ExampleSeries.Source)
	}
	return &d, nil
}

// PresetIDs lists the preset IDs in file order.
func (d *IndustryData) PresetIDs() []string {
	ids := make([]string, len(d.Presets))
	for i, p := range d.Presets {
		ids[i] = p.ID
	}
	return ids
}

// Preset returns the preset with id, or nil.
func (d *IndustryData) Preset(id string) *IndustryPreset {
	for i := range d.Presets {
		if d.Presets[i].ID == id {
			return &d.Presets[i]
		}
	}
	return nil
}

// IndustryRequest names what to resolve: a preset (or none), an energy
// source and cooling preset of the catalogue (empty = the preset's, else
// us-grid and air), and the user's values by input key. CapexUSD, when
// set, sizes the build-out instead of gw.
type IndustryRequest struct {
	Preset   string
	Energy   string
	Cooling  string
	Values   map[string]float64
	CapexUSD *float64
}

// IndustryResolution is the resolved inputs with the provenance of each.
type IndustryResolution struct {
	Inputs  IndustryInputs      `json:"-"`
	Preset  string              `json:"preset,omitempty"`
	Energy  string              `json:"energy"`
	Cooling string              `json:"cooling"`
	Prov    map[string]Resolved `json:"inputs"`
}

// OriginPreset marks an input set by an industry preset.
const OriginPreset = "preset"

// ResolveIndustry builds the inputs in this order, later winning: the
// file's defaults, the catalogue's cooling (pue, wue) and energy source
// (carbon, market-carbon, ewif, price), the preset's values and size, then
// the user's values. Errors name the field.
func ResolveIndustry(cat *Catalog, d *IndustryData, req IndustryRequest) (IndustryResolution, error) {
	res := IndustryResolution{Prov: map[string]Resolved{}, Preset: req.Preset}
	in := &res.Inputs
	set := func(key string, v float64, r Resolved) error {
		if err := in.Set(key, v); err != nil {
			return err
		}
		r.Value = v
		if r.Unit == "" {
			r.Unit = IndustryField(key).Unit
		}
		res.Prov[key] = r
		return nil
	}
	fig := func(key string, f Figure, origin string) error {
		src := f.Source
		if src == "" {
			src = "assumption"
		}
		return set(key, f.Value, Resolved{Unit: f.Unit, Source: src, Date: f.Date, Assumption: f.Assumption, Origin: origin})
	}
	keys := make([]string, 0, len(d.Defaults))
	for k := range d.Defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := fig(k, d.Defaults[k], OriginDefault); err != nil {
			return res, err
		}
	}
	var p *IndustryPreset
	if req.Preset != "" {
		if p = d.Preset(req.Preset); p == nil {
			return res, choiceError("preset", req.Preset, d.PresetIDs())
		}
	}
	res.Energy, res.Cooling = req.Energy, req.Cooling
	if p != nil && res.Energy == "" {
		res.Energy = p.Energy
	}
	if p != nil && res.Cooling == "" {
		res.Cooling = p.Cooling
	}
	if res.Energy == "" {
		res.Energy = IndustryDefaultEnergy
	}
	if res.Cooling == "" {
		res.Cooling = IndustryDefaultCooling
	}
	es, cp := cat.EnergySource(res.Energy), cat.CoolingPreset(res.Cooling)
	if es == nil {
		return res, choiceError("energy", res.Energy, cat.EnergySourceIDs())
	}
	if cp == nil {
		return res, choiceError("cooling", res.Cooling, cat.CoolingIDs())
	}
	for _, kv := range []struct {
		key string
		f   Figure
	}{{"pue", cp.PUE}, {"wue", cp.WUELPerKWh}, {"carbon", es.CarbonGPerKWh},
		{"market-carbon", es.CarbonGPerKWh}, {"ewif", es.EWIFLPerKWh}, {"price", es.PriceUSDPerKWh}} {
		if err := fig(kv.key, kv.f, OriginCatalogue); err != nil {
			return res, err
		}
	}
	if p != nil {
		keys = keys[:0]
		for k := range p.Values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := fig(k, p.Values[k], OriginPreset); err != nil {
				return res, err
			}
		}
		if p.SupplyMW != nil {
			if err := fig("supply-mw", *p.SupplyMW, OriginPreset); err != nil {
				return res, err
			}
		}
	}
	if _, ok := res.Prov["gw"]; !ok {
		if err := set("gw", 1, Resolved{Source: "default size: 1 GW, as Epoch's model", Origin: OriginDefault}); err != nil {
			return res, err
		}
	}
	keys = keys[:0]
	for k := range req.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := set(k, req.Values[k], Resolved{Source: "user input", Origin: OriginUser}); err != nil {
			return res, err
		}
	}
	return res, sizeIndustry(&res, p, req)
}

// sizeIndustry sets gw from --capex or from the preset's energy, after the
// other inputs (utilisation, PUE, capex per GW) are known.
func sizeIndustry(res *IndustryResolution, p *IndustryPreset, req IndustryRequest) error {
	in := &res.Inputs
	_, userGW := req.Values["gw"]
	if req.CapexUSD != nil {
		if userGW {
			return &FieldError{Field: "capex", Msg: "give either gw or capex, not both"}
		}
		g, err := GWFromCapex(*req.CapexUSD, in.CapexPerGWUSD)
		if err != nil {
			return err
		}
		res.Prov["capex"] = Resolved{Value: *req.CapexUSD, Unit: "USD", Source: "user input", Origin: OriginUser}
		res.Prov["gw"] = Resolved{Value: g, Unit: "GW", Source: "capex / capex-per-gw", Origin: OriginDerived}
		return in.Set("gw", g)
	}
	if p == nil || userGW {
		return nil
	}
	var f *Figure
	pue, what := 1.0, "IT energy"
	switch {
	case p.ITEnergyTWh != nil:
		f = p.ITEnergyTWh
	case p.FacilityEnergyTWh != nil:
		f, pue, what = p.FacilityEnergyTWh, in.PUE, "facility energy"
	default:
		return nil
	}
	g, err := GWFromTWh(f.Value, in.Utilization, pue)
	if err != nil {
		return err
	}
	res.Prov["gw"] = Resolved{Value: g, Unit: "GW",
		Source: fmt.Sprintf("%s %s TWh (%s) / (8,766 h x utilisation)", what, FormatNumber(f.Value), f.Source),
		Date:   f.Date, Origin: OriginDerived}
	return in.Set("gw", g)
}

// Reference returns the reference figure named key and whether it exists.
func (d *IndustryData) Reference(key string) (Figure, bool) {
	f, ok := d.References[key]
	return f, ok
}
