package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"fyne.io/fyne/v2/widget"

	"aiplan/assets"
	"aiplan/planner"
	"aiplan/plot"
	"aiplan/ui"
)

func init() {
	register("industry", command{
		summary: "industry scale: gigawatts <-> capex, annual cost, energy, carbon, water, heat, revenue per GW",
		usage: `aiplan industry [--preset ID] [--gw G | --capex USD] [--capex-per-gw USD]
           [--it-share F] [--wacc F] [--it-life Y] [--facility-life Y] [--opex USD]
           [--utilization F] [--pue X] [--energy ID] [--cooling ID] [--heat-reuse F]
           [--revenue-per-gw USD] [--margin F] [--wue L] [--wue-withdrawal L]
           [--ewif L] [--ewif-withdrawal L] [--carbon G] [--market-carbon G]
           [--price USD] [--heat-per-home MWH] [--supply-mw MW]
           [--series YEAR:USD,YEAR:USD,...] [--json]

A build-out of G GW of IT capacity (Epoch AI's 1 GW GB200 NVL72 model, May 2026):
  capex        = G x capex per GW (IT share x capex is IT, the rest facility)
  annual cost  = IT capex x CRF(wacc, it-life) + facility capex x CRF(wacc, facility-life)
                 + G x opex + facility energy x price;  CRF(r, n) = r / (1 - (1 + r)^-n)
  energy       = G x 8,766 h x utilization x PUE (TWh)
  water        consumption = wue x IT energy + ewif x facility energy;
               withdrawal  = wue-withdrawal x IT energy + ewif-withdrawal x facility energy
               (Li et al., "Making AI Less Thirsty": withdrawal is taken, consumption evaporated)
  required revenue (gap method per-gw) = annual cost / (1 - margin)
--capex sizes the build-out instead of --gw (G = capex / capex-per-gw); --series
reads a yearly capex series as a build-out. Presets: epoch-1gw-2026,
li-2027-low, li-2027-high, three-mile-island, jean-zay.
Quantities accept 38B, $38B, 50%, 1e9.`,
		run: runIndustry,
	})
}

// industryNumeric are the numeric flags of 'aiplan industry' (the planner's
// industry input keys) plus --capex.
var industryNumeric = func() []string {
	keys := []string{"capex"}
	for _, f := range planner.IndustryFields {
		keys = append(keys, f.Key)
	}
	return keys
}()

// industryOutput is what 'aiplan industry --json' prints.
type industryOutput struct {
	Preset  string `json:"preset,omitempty"`
	Energy  string `json:"energy"`
	Cooling string `json:"cooling"`
	planner.IndustryResult
	// WithdrawalDenmarks is the water withdrawal in Denmark's annual
	// withdrawals (0.98 billion m3, CIA 2020 via Li et al.).
	WithdrawalDenmarks float64                     `json:"withdrawalDenmarks"`
	BuildOut           []planner.BuildOutYear      `json:"buildOut,omitempty"`
	Inputs             map[string]planner.Resolved `json:"inputs"`
}

func runIndustry(e *env) int {
	fs := newFlags()
	fs.Bools("json")
	fs.Texts("preset", "energy", "cooling", "series")
	fs.Texts(industryNumeric...)
	fs.Texts(currencyFlagNames...)
	if code, done := e.parseOnly("industry", fs, "inputs are flags such as --gw 1"); done {
		return code
	}
	basis, err := nominalCurrencyFromFlags("industry", fs.Get)
	if err != nil {
		return e.usageError("%v", err)
	}
	out, code, ok := industryFromFlags(e, fs)
	if !ok {
		return code
	}
	if fs.Has("json") {
		return writeMoneyJSON(e, out, basis)
	}
	writeIndustryTable(e.stdout, out)
	return exitOK
}

// industryFromFlags resolves and evaluates the build-out the flags describe.
func industryFromFlags(e *env, fs *flags) (out industryOutput, code int, ok bool) {
	cat, ok := e.catalog()
	if !ok {
		return out, exitFail, false
	}
	data, err := assets.Industry()
	if err != nil {
		return out, e.fail("%v", err), false
	}
	req := planner.IndustryRequest{Values: map[string]float64{}}
	req.Preset, _ = fs.Get("preset")
	req.Energy, _ = fs.Get("energy")
	req.Cooling, _ = fs.Get("cooling")
	given := map[string]string{}
	for _, name := range industryNumeric {
		s, has := fs.Get(name)
		if !has {
			continue
		}
		given[name] = s
		v, err := planner.ParseQuantity(s)
		if err != nil {
			return out, e.usageError("--%s: %v", name, err), false
		}
		if name == "capex" {
			req.CapexUSD = &v
			continue
		}
		req.Values[name] = v
	}
	if fs.Has("gw") && fs.Has("capex") {
		return out, e.usageError("--gw and --capex: give one of them (--capex sizes the build-out at --capex-per-gw)"), false
	}
	res, err := planner.ResolveIndustry(cat, data, req)
	if err != nil {
		return out, e.usageError("%s", cliFieldError(err, given)), false
	}
	r, err := planner.EvaluateIndustry(res.Inputs)
	if err != nil {
		return out, e.usageError("%s", cliFieldError(err, given)), false
	}
	out = industryOutput{Preset: res.Preset, Energy: res.Energy, Cooling: res.Cooling, IndustryResult: r, Inputs: res.Prov}
	if dk, ok := data.Reference("denmarkWithdrawalM3"); ok {
		out.WithdrawalDenmarks = r.WaterWithdrawalM3 / dk.Value
	}
	if s, has := fs.Get("series"); has {
		series, err := parseCapexSeries(s)
		if err != nil {
			return out, e.usageError("--series: %v", err), false
		}
		if out.BuildOut, err = planner.BuildOut(res.Inputs, series); err != nil {
			return out, e.usageError("--series: %v", err), false
		}
	}
	return out, exitOK, true
}

// parseCapexSeries reads "2024:190B,2025:380B" as a yearly capex series.
func parseCapexSeries(s string) ([]planner.YearCapex, error) {
	parts := strings.Split(s, ",")
	if len(parts) > planner.MaxBuildOutYears {
		return nil, fmt.Errorf("%d years is not accepted; accepted: 1 to %d", len(parts), planner.MaxBuildOutYears)
	}
	out := make([]planner.YearCapex, 0, len(parts))
	for _, p := range parts {
		y, v, found := strings.Cut(strings.TrimSpace(p), ":")
		year, err := strconv.Atoi(y)
		if !found || err != nil || year < 1900 || year > 2200 {
			return nil, fmt.Errorf("%q is not accepted; accepted: YEAR:USD pairs such as 2025:380B, years 1900 to 2200", p)
		}
		usd, err := planner.ParseQuantity(v)
		if err != nil {
			return nil, fmt.Errorf("%d: %v", year, err)
		}
		out = append(out, planner.YearCapex{Year: year, CapexUSD: usd})
	}
	return out, nil
}

// writeIndustryTable prints the headline figures in human units, then the
// inputs with their sources.
func writeIndustryTable(w io.Writer, o industryOutput) {
	name := o.Preset
	if name == "" {
		name = "custom"
	}
	r := &o.IndustryResult
	fprintf(w, "Industry build-out (%s), energy %s, cooling %s\n\n", name, o.Energy, o.Cooling)
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	rows := [][2]string{
		{"IT capacity", fmt.Sprintf("%s GW", planner.FormatNumber(round3(r.GW)))},
		{"Capex", fmt.Sprintf("%s (IT %s, facility %s)", planner.HumanUSD(r.CapexUSD), planner.HumanUSD(r.ITCapexUSD), planner.HumanUSD(r.FacilityCapexUSD))},
		{"Annual cost of ownership", fmt.Sprintf("%s a year (IT %s, facility %s, opex %s, energy %s)", planner.HumanUSD(r.AnnualCostUSD),
			planner.HumanUSD(r.ITAnnualUSD), planner.HumanUSD(r.FacilityAnnualUSD), planner.HumanUSD(r.OpexUSD), planner.HumanUSD(r.EnergyCostUSD))},
		{"Revenue required (per-gw)", fmt.Sprintf("%s a year (%s per GW)", planner.HumanUSD(r.RequiredRevenueUSD), planner.HumanUSD(r.RequiredRevenuePerGWUSD))},
		{"Revenue at revenue-per-gw", planner.HumanUSD(r.RevenueUSD) + " a year"},
		{"Facility energy", fmt.Sprintf("%s TWh a year (IT %s TWh)", planner.FormatNumber(round3(r.FacilityEnergyTWh)), planner.FormatNumber(round3(r.ITEnergyTWh)))},
		{"Emissions", fmt.Sprintf("%s location-based, %s market-based", planner.HumanTCO2e(r.EmissionsTCO2e), planner.HumanTCO2e(r.MarketEmissionsTCO2e))},
		{"Water withdrawal", fmt.Sprintf("%s billion m3 (%s x Denmark's annual withdrawal)", planner.FormatNumber(round3(r.WaterWithdrawalM3/1e9)), planner.FormatNumber(round3(o.WithdrawalDenmarks)))},
		{"Water consumption", fmt.Sprintf("%s billion m3 (evaporated; on-site %s)", planner.FormatNumber(round3(r.WaterConsumptionM3/1e9)), planner.FormatNumber(round3(r.WaterConsumptionOnSiteM3/1e9)))},
		{"Heat reused", fmt.Sprintf("%s MWh, about %s homes", planner.Grouped(r.HeatReusedMWh), planner.Grouped(r.HomesHeated))},
	}
	if r.Inputs.SupplyMW > 0 {
		rows = append(rows, [2]string{"Dedicated supply", fmt.Sprintf("%s MW = %s of the facility power at full load (%s MW)",
			planner.FormatNumber(r.Inputs.SupplyMW), planner.HumanPercent(r.SupplyShareOfFacilityPower), planner.Grouped(r.FacilityPowerMW))})
	}
	for _, row := range rows {
		fprintf(tw, "%s\t%s\n", row[0], row[1])
	}
	tw.Flush() //nolint:errcheck // terminal output
	if len(o.BuildOut) > 0 {
		tw = tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
		fprintf(tw, "\nYear\tCapex\tAdded GW\tInstalled GW\tTWh\tMtCO2e\tWithdrawal bn m3\tConsumption bn m3\t\n")
		for _, y := range o.BuildOut {
			fprintf(tw, "%d\t%s\t%.2f\t%.2f\t%.1f\t%.2f\t%.3f\t%.3f\t\n", y.Year, planner.HumanUSD(y.CapexUSD), y.AddedGW, y.InstalledGW,
				y.FacilityEnergyTWh, y.EmissionsTCO2e/1e6, y.WaterWithdrawalM3/1e9, y.WaterConsumptionM3/1e9)
		}
		tw.Flush() //nolint:errcheck // terminal output
	}
	fprintf(w, "\nInputs:\n")
	keys := make([]string, 0, len(o.Inputs))
	for k := range o.Inputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tw = tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	for _, k := range keys {
		in := o.Inputs[k]
		src := in.Source
		if in.Assumption != "" {
			src += " (assumption: " + in.Assumption + ")"
		}
		v := fmt.Sprint(in.Value)
		if f, ok := in.Value.(float64); ok {
			v = planner.FormatNumber(round3(f))
		}
		fprintf(tw, "  --%s\t%s %s\t%s\t%s\n", k, v, in.Unit, in.Origin, src)
	}
	tw.Flush() //nolint:errcheck // terminal output
}

func round3(v float64) float64 {
	s := strconv.FormatFloat(v, 'g', 3, 64)
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// industryChartKind is 'aiplan chart industry': the reported big-four
// hyperscaler capex (assets/reported.json) as a build-out at Epoch AI's 1 GW
// model.
const industryChartKind = "industry"

// industryChart builds the build-out chart of the reported capex series.
func industryChart(cat *planner.Catalog) (plot.Chart, error) {
	data, err := assets.Industry()
	if err != nil {
		return nil, err
	}
	res, err := planner.ResolveIndustry(cat, data, planner.IndustryRequest{Preset: planner.IndustryPresetEpoch})
	if err != nil {
		return nil, err
	}
	rep, err := assets.Reported()
	if err != nil {
		return nil, err
	}
	series, err := planner.HyperscalerCapexSeries(rep)
	if err != nil {
		return nil, err
	}
	years, err := planner.BuildOut(res.Inputs, series.Years)
	if err != nil {
		return nil, err
	}
	in := res.Inputs
	sub := fmt.Sprintf("Capex (%s) / %s per GW (Epoch AI, May 2026); energy at %s utilisation, PUE %s; water withdrawal %s + %s L/kWh (Li et al.); all segments' capex, not only AI.",
		series.Source, planner.HumanUSD(in.CapexPerGWUSD), planner.HumanPercent(in.Utilization), planner.FormatNumber(in.PUE),
		planner.FormatNumber(in.WUEWithdrawalLPerKWh), planner.FormatNumber(in.EWIFWithdrawalLPerKWh))
	dk, _ := data.Reference("denmarkWithdrawalM3")
	return plot.NewIndustry(series.Name, sub, years, dk.Value)
}

// industryView is the window's Industry tab; the embedded industry file
// fails to load only in a broken build, and the tab then says why.
func industryView(cat *planner.Catalog) ui.View {
	data, err := assets.Industry()
	if err != nil {
		return ui.View{Title: "Industry", Content: widget.NewLabel("The industry data did not load: " + err.Error())}
	}
	return ui.NewIndustryView(cat, data).View()
}
