package planner_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// freshCatalog parses the embedded catalogue into a private copy that a test
// may modify (assets.Catalog returns a shared value).
func freshCatalog(t *testing.T) *planner.Catalog {
	t.Helper()
	c, err := planner.ParseCatalog(assets.CatalogJSON)
	if err != nil {
		t.Fatalf("embedded catalogue: %v", err)
	}
	return c
}

// catalogFigure is one figure of the catalogue with its path and the unit it
// must carry.
type catalogFigure struct {
	path string
	unit string
	f    *planner.Figure
}

// catalogFigures lists every figure of the catalogue with its expected unit
// ("" where the unit is free, as in macro figures).
func catalogFigures(c *planner.Catalog) []catalogFigure {
	var out []catalogFigure
	add := func(path, unit string, f *planner.Figure) {
		if f != nil {
			out = append(out, catalogFigure{path, unit, f})
		}
	}
	for i := range c.Accelerators {
		a := &c.Accelerators[i]
		p := "accelerators." + a.ID
		add(p+".peakBF16", "FLOP/s", &a.PeakBF16)
		add(p+".sparseBF16", "FLOP/s", a.SparseBF16)
		add(p+".peakFP8", "FLOP/s", a.PeakFP8)
		add(p+".tdpW", "W", &a.TDPW)
		add(p+".measuredPowerW", "W", a.MeasuredPowerW)
		add(p+".memoryGB", "GB", &a.MemoryGB)
		add(p+".price", "USD", &a.Price.Figure)
		for j := range a.OtherPrices {
			add(fmt.Sprintf("%s.otherPrices[%d]", p, j), "USD", &a.OtherPrices[j].Figure)
		}
		add(p+".embodiedKgCO2e", "kgCO2e", a.EmbodiedKgCO2e)
	}
	for i := range c.EnergySources {
		e := &c.EnergySources[i]
		p := "energySources." + e.ID
		add(p+".carbonGPerKWh", "gCO2e/kWh", &e.CarbonGPerKWh)
		add(p+".ewifLPerKWh", "L/kWh", &e.EWIFLPerKWh)
		add(p+".priceUSDPerKWh", "USD/kWh", &e.PriceUSDPerKWh)
	}
	for i := range c.Cooling {
		k := &c.Cooling[i]
		add("cooling."+k.ID+".pue", "ratio", &k.PUE)
		add("cooling."+k.ID+".wueLPerKWh", "L/kWh", &k.WUELPerKWh)
	}
	k := &c.Constants
	add("constants.serverCostFactor", "", &k.ServerCostFactor)
	add("constants.interconnectShare", "fraction", &k.InterconnectShare)
	add("constants.pricePerfOOMPerYear", "", &k.PricePerfOOMPerYear)
	add("constants.depreciationYears", "years", &k.DepreciationYears)
	add("constants.mfu", "fraction", &k.MFU)
	add("constants.embodiedLifetimeYears", "years", &k.EmbodiedLifetimeYrs)
	add("constants.epochHostPowerFactor", "", &k.EpochHostPowerFactor)
	add("constants.chinchillaTokensPerParam", "", &k.ChinchillaTokensPerParam)
	add("macro.costGrowth", "", &c.Macro.CostGrowth)
	add("macro.costGrowthLow", "", &c.Macro.CostGrowthLow)
	add("macro.costGrowthHigh", "", &c.Macro.CostGrowthHigh)
	for key := range c.Macro.Figures {
		f := c.Macro.Figures[key]
		add("macro.figures."+key, "", &f)
	}
	return out
}

// sourceKeys splits a comma-separated source field.
func sourceKeys(s string) []string {
	var keys []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func TestCatalogParses(t *testing.T) {
	c, err := assets.Catalog()
	if err != nil {
		t.Fatalf("embedded catalogue: %v", err)
	}
	if c.Version == "" {
		t.Errorf("version: want a version string, got empty")
	}
	if c.Date != "2026-11-27" {
		t.Errorf("date: want 2026-11-27, got %q", c.Date)
	}
	if len(c.Sources) == 0 {
		t.Errorf("sources: want a citation table, got none")
	}
}

func TestCatalogRequiredIDs(t *testing.T) {
	c := freshCatalog(t)
	cases := []struct {
		kind string
		ids  []string
		has  func(string) bool
	}{
		{"accelerator", []string{"v100", "a100-40gb", "a100-80gb", "h100", "h800", "h200", "b200", "gb200",
			"mi300x", "tpu-v3", "tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e"},
			func(id string) bool { return c.Accelerator(id) != nil }},
		{"energy source", []string{"coal", "gas", "oil", "biomass", "solar-pv", "csp", "geothermal", "hydro",
			"nuclear", "wind-onshore", "wind-offshore", "us-grid", "france-grid", "germany-grid", "china-grid",
			"quebec-grid", "world-grid"},
			func(id string) bool { return c.EnergySource(id) != nil }},
		{"cooling preset", []string{"air", "liquid", "immersion"},
			func(id string) bool { return c.CoolingPreset(id) != nil }},
	}
	for _, tc := range cases {
		for _, id := range tc.ids {
			if !tc.has(id) {
				t.Errorf("%s %s: want it in the catalogue, got none", tc.kind, id)
			}
		}
	}
}

func TestCatalogFiguresSourced(t *testing.T) {
	c := freshCatalog(t)
	for _, cf := range catalogFigures(c) {
		f := cf.f
		if f.Source == "" && f.Assumption == "" {
			t.Errorf("%s: want a source or an assumption, got neither", cf.path)
		}
		for _, k := range sourceKeys(f.Source) {
			if s, ok := c.Sources[k]; !ok || s.Citation == "" {
				t.Errorf("%s: want source %q in the sources table with a citation", cf.path, k)
			}
		}
		if _, ok := f.Time(); !ok {
			t.Errorf("%s: want a date YYYY, YYYY-MM or YYYY-MM-DD, got %q", cf.path, f.Date)
		}
		if f.Unit == "" {
			t.Errorf("%s: want a unit, got none", cf.path)
		}
		if cf.unit != "" && f.Unit != cf.unit {
			t.Errorf("%s: want unit %q, got %q", cf.path, cf.unit, f.Unit)
		}
		if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
			t.Errorf("%s: want a finite value, got %g", cf.path, f.Value)
		}
	}
}

// TestCatalogUncertaintyRanges checks the evidence table of default ranges:
// every row has a source or an assumption rationale, a date and a known key,
// and the rows that issue 7 names are there.
func TestCatalogUncertaintyRanges(t *testing.T) {
	c := freshCatalog(t)
	check := func(table string, rows []planner.DefaultRange, valid []string, want []string) {
		for _, d := range rows {
			p := table + "." + d.Key
			if d.Source == "" && strings.TrimSpace(d.Assumption) == "" {
				t.Errorf("%s: want a source or an assumption rationale, got neither", p)
			}
			if d.Source == "" && d.Note != "" && d.Assumption == "" {
				t.Errorf("%s: want the rationale of an unsourced range in assumption, got a note", p)
			}
			for _, k := range sourceKeys(d.Source) {
				if s, ok := c.Sources[k]; !ok || s.Citation == "" {
					t.Errorf("%s: want source %q in the sources table with a citation", p, k)
				}
			}
			if d.Basis() == "" {
				t.Errorf("%s: want a note or an assumption saying what the range rests on, got none", p)
			}
			f := planner.Figure{Date: d.Date}
			if _, ok := f.Time(); !ok {
				t.Errorf("%s: want a date YYYY, YYYY-MM or YYYY-MM-DD, got %q", p, d.Date)
			}
			if !slices.Contains(valid, d.Key) {
				t.Errorf("%s: want a key among %v, got %q", p, valid, d.Key)
			}
		}
		for _, k := range want {
			if !slices.ContainsFunc(rows, func(d planner.DefaultRange) bool { return d.Key == k }) {
				t.Errorf("%s: want a row for %s, got none", table, k)
			}
		}
	}
	check("uncertainty.inputs", c.Uncertainty.Inputs, planner.FieldKeys(), []string{"mfu", "goodput", "gpu-price",
		"gpu-hour-price", "pue", "carbon-intensity", "wue", "ewif", "electricity-price", "depreciation-years"})
	check("uncertainty.gap", c.Uncertainty.Gap, planner.GapRangeKeys, planner.GapRangeKeys)

	// Values as issue 7 states the evidence (catalog.md section 4 for MFU;
	// Epoch's chip table for the H100's $30-40k around $33,810).
	if d := c.DefaultRange("mfu"); d == nil || d.Low != 0.20 || d.High != 0.52 || d.Dist != planner.DistUniform {
		t.Errorf("mfu: want uniform 0.20-0.52, got %+v", d)
	}
	if d := c.DefaultRange("gpu-price"); d == nil {
		t.Errorf("gpu-price: want a row, got none")
	} else if lo, hi := d.Factors(); math.Abs(lo*33810-30000) > 1e-9 || math.Abs(hi*33810-40000) > 1e-9 {
		t.Errorf("gpu-price: want factors 30000/33810 and 40000/33810, got %g and %g", lo, hi)
	}
	if d := c.GapDefaultRange("gpu-share"); d == nil || d.Low != 0.4 || d.High != 0.6 || !d.IsAssumption() {
		t.Errorf("gap gpu-share: want 0.4-0.6 marked as an assumption, got %+v", d)
	}
}

func TestCatalogSourcesTable(t *testing.T) {
	c := freshCatalog(t)
	for key, s := range c.Sources {
		if strings.TrimSpace(s.Citation) == "" {
			t.Errorf("sources.%s: want a citation, got empty", key)
		}
		if key != strings.ToUpper(key) || strings.ContainsAny(key, " ,") {
			t.Errorf("sources.%s: want an upper-case key without spaces or commas", key)
		}
	}
	check := func(path, src string) {
		if len(sourceKeys(src)) == 0 {
			t.Errorf("%s: want a source key, got none", path)
		}
		for _, k := range sourceKeys(src) {
			if _, ok := c.Sources[k]; !ok {
				t.Errorf("%s: source %q is not in the sources table", path, k)
			}
		}
	}
	for _, a := range c.Accelerators {
		for j, cp := range a.Cloud {
			check(fmt.Sprintf("accelerators.%s.cloud[%d]", a.ID, j), cp.Source)
		}
	}
	for _, r := range c.Runs {
		check("runs."+r.ID, r.Source)
		for key, rep := range r.Reported {
			check("runs."+r.ID+".reported."+key, rep.Source)
		}
	}
	for i, cp := range c.CostPoints {
		check(fmt.Sprintf("costPoints[%d]", i), cp.Source)
	}
}

func TestCatalogAcceleratorRanges(t *testing.T) {
	c := freshCatalog(t)
	for _, a := range c.Accelerators {
		if a.SparseBF16 != nil && a.PeakBF16.Value > a.SparseBF16.Value {
			t.Errorf("%s: want dense BF16 <= sparse, got %g > %g", a.ID, a.PeakBF16.Value, a.SparseBF16.Value)
		}
		if a.PeakFP8 != nil && a.PeakFP8.Value < a.PeakBF16.Value {
			t.Errorf("%s: want FP8 peak >= BF16 peak, got %g < %g", a.ID, a.PeakFP8.Value, a.PeakBF16.Value)
		}
		if a.Price.Value <= 0 {
			t.Errorf("%s.price: want > 0, got %g", a.ID, a.Price.Value)
		}
		for j, p := range a.OtherPrices {
			if p.Value <= 0 {
				t.Errorf("%s.otherPrices[%d]: want > 0, got %g", a.ID, j, p.Value)
			}
		}
		defaults := 0
		for j, cp := range a.Cloud {
			if cp.Default {
				defaults++
			}
			if cp.OnDemand < 0 || cp.OneYear < 0 || cp.ThreeYear < 0 || cp.OnDemand+cp.OneYear+cp.ThreeYear <= 0 {
				t.Errorf("%s.cloud[%d]: want positive prices, got %+v", a.ID, j, cp)
			}
			// Commitments are discounts: never above the on-demand price.
			if cp.OnDemand > 0 && (cp.OneYear > cp.OnDemand || cp.ThreeYear > cp.OnDemand) {
				t.Errorf("%s.cloud[%d]: want committed prices <= on-demand, got %+v", a.ID, j, cp)
			}
		}
		if defaults != 1 {
			t.Errorf("%s: want exactly one default cloud row, got %d", a.ID, defaults)
		}
	}
	for _, e := range c.EnergySources {
		if e.Kind != "technology" && e.Kind != "grid" {
			t.Errorf("%s: want kind technology or grid, got %q", e.ID, e.Kind)
		}
		if e.PriceUSDPerKWh.Value <= 0 {
			t.Errorf("%s: want an electricity price > 0, got %g", e.ID, e.PriceUSDPerKWh.Value)
		}
		if e.CarbonGPerKWh.Value < 0 || e.EWIFLPerKWh.Value < 0 {
			t.Errorf("%s: want non-negative carbon and water, got %g, %g", e.ID, e.CarbonGPerKWh.Value, e.EWIFLPerKWh.Value)
		}
	}
	for _, k := range c.Cooling {
		if k.PUE.Value < 1 {
			t.Errorf("cooling %s: want PUE >= 1, got %g", k.ID, k.PUE.Value)
		}
		if k.WUELPerKWh.Value < 0 {
			t.Errorf("cooling %s: want WUE >= 0, got %g", k.ID, k.WUELPerKWh.Value)
		}
	}
}

// TestCatalogAnchors pins the values other code and the validation cases
// depend on, each with its provenance.
func TestCatalogAnchors(t *testing.T) {
	c := freshCatalog(t)
	acc := func(id string) *planner.Accelerator {
		a := c.Accelerator(id)
		if a == nil {
			t.Fatalf("accelerator %s: missing", id)
		}
		return a
	}
	eq := func(name string, got, want float64) {
		t.Helper()
		if got != want {
			t.Errorf("%s: want %g, got %g", name, want, got)
		}
	}
	// Epoch chip table, row "NVIDIA H100 SXM5 80GB": 989.4 TFLOP/s dense BF16.
	eq("h100 dense BF16", acc("h100").PeakBF16.Value, 989.4e12)
	// Patterson et al. 2021, Table 4: V100 300 W TDP, 330 W measured (GPT-3).
	eq("v100 TDP", acc("v100").TDPW.Value, 300)
	eq("v100 measured power", acc("v100").AveragePower().Value, 330)
	// PaLM App. B: 378.5 W measured system power per TPU v4 chip.
	eq("tpu-v4 measured power", acc("tpu-v4").AveragePower().Value, 378.5)
	// Patterson Table 4: TPU v3 TDP 450 W (Epoch's chip table says 220 W).
	eq("tpu-v3 TDP", acc("tpu-v3").TDPW.Value, 450)

	// Default 3-year cloud prices, Epoch's hardware price table.
	for _, tc := range []struct {
		id   string
		want float64
	}{
		{"v100", 1.23}, {"a100-40gb", 1.45}, {"a100-80gb", 1.81}, {"h100", 4.86},
		{"tpu-v3", 0.90}, {"tpu-v4", 1.45}, {"tpu-v5e", 0.54}, {"tpu-v6e", 1.22},
	} {
		p, _, tier := acc(tc.id).CloudPriceFor(planner.TierThreeYear)
		if tier != planner.TierThreeYear || p != tc.want {
			t.Errorf("%s 3-year price: want %g (3-year), got %g (%s)", tc.id, tc.want, p, tier)
		}
	}
	// Stanford AI Index 2024: Gemini 1 Ultra $191.4M = 132M chip-hours x $1.45.
	if p, _, _ := acc("tpu-v4").CloudPriceFor(planner.TierThreeYear); math.Abs(132e6*p-191.4e6) > 0.05e6 {
		t.Errorf("Gemini Ultra cloud cost: want $191.4M, got $%.1fM", 132e6*p/1e6)
	}
	// Chips without FP8 have no FP8 figure; chips with it have one.
	for _, id := range []string{"v100", "a100-40gb", "a100-80gb", "tpu-v3", "tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e"} {
		if acc(id).PeakFP8 != nil {
			t.Errorf("%s: want no FP8 peak, got %g", id, acc(id).PeakFP8.Value)
		}
	}
	for _, id := range []string{"h100", "h800", "h200", "b200", "gb200", "mi300x"} {
		if acc(id).PeakFP8 == nil {
			t.Errorf("%s: want an FP8 peak, got none", id)
		}
	}
	// Price bases: a system price / 8 already includes the server.
	for _, tc := range []struct{ id, basis string }{
		{"v100", planner.PriceBasisAccelerator}, {"h100", planner.PriceBasisSystem}, {"tpu-v4", planner.PriceBasisEquivalent},
	} {
		if got := acc(tc.id).Price.Basis; got != tc.basis {
			t.Errorf("%s price basis: want %s, got %s", tc.id, tc.basis, got)
		}
	}
	// Macknick et al. 2012: hydro reservoir evaporation 4,491 gal/MWh = 17.0 L/kWh.
	if e := c.EnergySource("hydro"); e == nil || e.EWIFLPerKWh.Value != 17.0 {
		t.Errorf("hydro EWIF: want 17.0 L/kWh")
	}
	// Li et al. "Making AI Less Thirsty", Table 1: US off-site 3.142 L/kWh, on-site 0.55.
	if e := c.EnergySource("us-grid"); e == nil || e.EWIFLPerKWh.Value != 3.142 || e.PriceUSDPerKWh.Value != 0.0806 {
		t.Errorf("us-grid: want EWIF 3.142 L/kWh and $0.0806/kWh")
	}
	if k := c.CoolingPreset("air"); k == nil || k.PUE.Value != 1.1 || k.WUELPerKWh.Value != 0.55 {
		t.Errorf("air cooling: want PUE 1.1 and WUE 0.55")
	}
	// Bull 2012: direct liquid cooling PUE 1.1-1.2 (midpoint 1.15), closed loop.
	if k := c.CoolingPreset("liquid"); k == nil || k.WUELPerKWh.Value != 0 || k.PUE.Value != 1.15 || k.PUE.Source == "" {
		t.Errorf("liquid cooling: want WUE 0 and PUE 1.15 cited (BULL-DLC)")
	}
	// Epoch constants.
	k := c.Constants
	eq("serverCostFactor", k.ServerCostFactor.Value, 1.64)
	eq("interconnectShare", k.InterconnectShare.Value, 0.19)
	eq("pricePerfOOMPerYear", k.PricePerfOOMPerYear.Value, 0.14)
	eq("depreciationYears", k.DepreciationYears.Value, 5)
	eq("mfu", k.MFU.Value, 0.375)
	eq("chinchillaTokensPerParam", k.ChinchillaTokensPerParam.Value, 20)
}

func TestCatalogMacroKeys(t *testing.T) {
	c := freshCatalog(t)
	want := map[string]float64{
		"sequoia2023.dcRevenueUSD": 50e9, "sequoia2023.requiredRevenueUSD": 200e9,
		"sequoia2023.gapUSD": 125e9, "sequoia2023.aiRevenueUSD": 75e9,
		"sequoia2024.dcRevenueUSD": 150e9, "sequoia2024.requiredRevenueUSD": 600e9,
		"sequoia2024.gapUSD": 500e9, "sequoia2024.aiRevenueRoundedUSD": 100e9,
		"sequoia.gpuShareOfTCO": 0.5, "sequoia.endUserGrossMargin": 0.5,
		"sequoia2024.revenue.google": 10e9, "sequoia2024.revenue.microsoft": 10e9,
		"sequoia2024.revenue.apple": 10e9, "sequoia2024.revenue.meta": 10e9,
		"sequoia2024.revenue.oracle": 5e9, "sequoia2024.revenue.bytedance": 5e9,
		"sequoia2024.revenue.alibaba": 5e9, "sequoia2024.revenue.tencent": 5e9,
		"sequoia2024.revenue.x": 5e9, "sequoia2024.revenue.tesla": 5e9,
		"query.energyWh.devries2023": 3, "query.energyWh.epoch2025": 0.3,
		"query.waterMl.li": 16.9, "query.waterOnsiteMl.li": 2.2,
		"epoch.frontier1BYear": 2027, "openai.revenueRunRateUSD": 3.4e9,
		"equivalent.bottleL":         0.5,
		"equivalent.carTCO2ePerYear": -1, "equivalent.homeKWhPerYear": -1, // any positive value
	}
	for key, v := range want {
		f, ok := c.Macro.Figures[key]
		switch {
		case !ok:
			t.Errorf("macro.figures.%s: missing", key)
		case v >= 0 && f.Value != v:
			t.Errorf("macro.figures.%s: want %g, got %g", key, v, f.Value)
		case v < 0 && f.Value <= 0:
			t.Errorf("macro.figures.%s: want > 0, got %g", key, f.Value)
		}
	}
	m := c.Macro
	if !(m.CostGrowthLow.Value < m.CostGrowth.Value && m.CostGrowth.Value < m.CostGrowthHigh.Value) {
		t.Errorf("macro cost growth: want low < central < high, got %g, %g, %g",
			m.CostGrowthLow.Value, m.CostGrowth.Value, m.CostGrowthHigh.Value)
	}
}

func TestCatalogRuns(t *testing.T) {
	c := freshCatalog(t)
	known := map[string]bool{}
	for _, f := range planner.Fields {
		known[f.Key] = true
	}
	if len(c.Runs) == 0 {
		t.Fatal("runs: want the published cases, got none")
	}
	for _, r := range c.Runs {
		for _, sc := range []struct {
			mode string
			s    planner.Scenario
		}{{"informed", r.Informed}, {"blind", r.Blind}} {
			p := r.ID + "." + sc.mode
			if c.Accelerator(sc.s.GPU) == nil {
				t.Errorf("%s: accelerator %q is not in the catalogue", p, sc.s.GPU)
			}
			if sc.s.Energy != "" && c.EnergySource(sc.s.Energy) == nil {
				t.Errorf("%s: energy source %q is not in the catalogue", p, sc.s.Energy)
			}
			if sc.s.Cooling != "" && c.CoolingPreset(sc.s.Cooling) == nil {
				t.Errorf("%s: cooling preset %q is not in the catalogue", p, sc.s.Cooling)
			}
			for key := range sc.s.Values {
				if !known[key] {
					t.Errorf("%s: value key %q is not an input field", p, key)
				}
			}
		}
		// Blind predictions use no disclosed hours, MFU or power.
		for _, key := range []string{planner.KeyGPUHours, planner.KeyMFU, planner.KeyPowerW} {
			if _, ok := r.Blind.Values[key]; ok {
				t.Errorf("%s.blind: want no %s, got one", r.ID, key)
			}
		}
		if r.Blind.GPU != r.Informed.GPU {
			t.Errorf("%s: want the same accelerator in both modes, got %s and %s", r.ID, r.Informed.GPU, r.Blind.GPU)
		}
		if len(r.Reported) == 0 {
			t.Errorf("%s: want reported figures, got none", r.ID)
		}
		for key, rep := range r.Reported {
			if planner.OutputByPath(key) == nil {
				t.Errorf("%s.reported: %q is not an output path", r.ID, key)
			}
			if rep.TolerancePct < 0 {
				t.Errorf("%s.reported.%s: want a tolerance >= 0, got %g", r.ID, key, rep.TolerancePct)
			}
			if rep.TolerancePct == 0 && rep.Note == "" {
				t.Errorf("%s.reported.%s: a figure with no tolerance needs a note saying why", r.ID, key)
			}
		}
	}
	for i, cp := range c.CostPoints {
		if cp.Model == "" || cp.Year < 2017 || cp.USD <= 0 {
			t.Errorf("costPoints[%d]: want a model, year and cost, got %+v", i, cp)
		}
	}
}

// TestCatalogValidateCatchesBrokenCopies mutates a parsed copy and checks that
// Validate names the broken path.
func TestCatalogValidateCatchesBrokenCopies(t *testing.T) {
	cases := []struct {
		name     string
		mutate   func(c *planner.Catalog)
		wantPath string
	}{
		{"empty source", func(c *planner.Catalog) { c.Accelerator("h100").TDPW.Source = "" },
			"accelerators.h100.tdpW"},
		{"unknown source key", func(c *planner.Catalog) { c.Accelerator("v100").PeakBF16.Source = "NO-SUCH-KEY" },
			"accelerators.v100.peakBF16"},
		{"bad date", func(c *planner.Catalog) { c.EnergySource("coal").CarbonGPerKWh.Date = "last year" },
			"energySources.coal.carbonGPerKWh"},
		{"no unit", func(c *planner.Catalog) { c.Accelerator("a100-40gb").MemoryGB.Unit = "" },
			"accelerators.a100-40gb.memoryGB"},
		{"PUE below 1", func(c *planner.Catalog) { c.CoolingPreset("air").PUE.Value = 0.9 },
			"cooling.air.pue"},
		{"dense above sparse", func(c *planner.Catalog) { c.Accelerator("h100").PeakBF16.Value = 2500e12 },
			"accelerators.h100.peakBF16"},
		{"duplicate ID", func(c *planner.Catalog) { c.Accelerators[1].ID = c.Accelerators[0].ID },
			"duplicate ID"},
		{"zero price", func(c *planner.Catalog) { c.Accelerator("b200").Price.Value = 0 },
			"accelerators.b200.price"},
		{"bad price basis", func(c *planner.Catalog) { c.Accelerator("b200").Price.Basis = "rack" },
			"accelerators.b200.price.basis"},
		{"two default cloud rows", func(c *planner.Catalog) {
			a := c.Accelerator("h100")
			for i := range a.Cloud {
				a.Cloud[i].Default = true
			}
		}, "accelerators.h100.cloud"},
		{"cloud source unknown", func(c *planner.Catalog) { c.Accelerator("tpu-v4").Cloud[0].Source = "NOPE" },
			"accelerators.tpu-v4.cloud[0].source"},
		{"run source unknown", func(c *planner.Catalog) { c.Runs[0].Source = "NOPE" },
			"runs." + freshCatalog(t).Runs[0].ID + ".source"},
		{"cost point basis", func(c *planner.Catalog) { c.CostPoints[0].Basis = "guess" },
			"costPoints[0].basis"},
		{"energy kind", func(c *planner.Catalog) { c.EnergySource("hydro").Kind = "river" },
			"energySources.hydro.kind"},
		{"range key unknown", func(c *planner.Catalog) { c.DefaultRange("pue").Key = "pew" },
			"uncertainty.inputs.pew.key"},
		{"range low above high", func(c *planner.Catalog) { c.DefaultRange("mfu").Low = 0.6 },
			"uncertainty.inputs.mfu"},
		{"range outside the input", func(c *planner.Catalog) { c.DefaultRange("mfu").High = 1.5 },
			"uncertainty.inputs.mfu"},
		{"range distribution", func(c *planner.Catalog) { c.DefaultRange("pue").Dist = "normal" },
			"uncertainty.inputs.pue.dist"},
		{"range kind", func(c *planner.Catalog) { c.DefaultRange("pue").Kind = "guess" },
			"uncertainty.inputs.pue.kind"},
		{"range factors", func(c *planner.Catalog) { c.DefaultRange("wue").Low = 1.5 },
			"uncertainty.inputs.wue"},
		{"range source unknown", func(c *planner.Catalog) { c.DefaultRange("ewif").Source = "NOPE" },
			"uncertainty.inputs.ewif.source"},
		{"range neither source nor assumption", func(c *planner.Catalog) { c.DefaultRange("carbon-intensity").Assumption = "" },
			"uncertainty.inputs.carbon-intensity.source"},
		{"range date", func(c *planner.Catalog) { c.DefaultRange("pue").Date = "" },
			"uncertainty.inputs.pue.date"},
		{"range user spread", func(c *planner.Catalog) { c.DefaultRange("pue").UserLow = 1.2 },
			"uncertainty.inputs.pue"},
		{"range duplicate", func(c *planner.Catalog) { c.Uncertainty.Inputs[1].Key = c.Uncertainty.Inputs[0].Key },
			"duplicate key"},
		{"gap range key", func(c *planner.Catalog) { c.GapDefaultRange("margin").Key = "mfu" },
			"uncertainty.gap.mfu.key"},
		{"gap range outside", func(c *planner.Catalog) { c.GapDefaultRange("gpu-share").Low = 0 },
			"uncertainty.gap.gpu-share"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := freshCatalog(t)
			tc.mutate(c)
			err := c.Validate()
			if err == nil {
				t.Fatalf("%s: want an error naming %s, got nil", tc.name, tc.wantPath)
			}
			if !strings.Contains(err.Error(), tc.wantPath) {
				t.Errorf("%s: want an error naming %s, got %v", tc.name, tc.wantPath, err)
			}
		})
	}
	if err := freshCatalog(t).Validate(); err != nil {
		t.Errorf("unmodified copy: want valid, got %v", err)
	}
}
