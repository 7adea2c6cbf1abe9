package main

import (
	"strconv"

	"aiplan/planner"
)

func init() {
	register("solve", command{
		summary: "what a budget buys: GPU-hours, compute, compute-optimal size, accelerators, energy, carbon, water",
		usage: `aiplan solve --budget B --gpu ID [--method cloud|amortized] [--days D]
             [--tokens-per-param R] [--mfu F] [scenario flags] [--json]

The inverse of estimate: the budget buys GPU-hours = budget / cost of one
GPU-hour (cloud rent, or the amortized share of ownership plus energy), so
compute C = GPU-hours x 3600 x peak x MFU x goodput, parameters
N = sqrt(C / (6R)) and tokens D = R N (R = 20 by default: Chinchilla,
Hoffmann et al. 2022), and ceil(GPU-hours / (24 x days)) accelerators finish
in --days (default: --gpus if given, else 90 days). The budget covers the
final run only (no experiments, no staff). Other scenario flags (--energy,
--price-tier, --gpu-hour-price, ...) work as in estimate.

` + currencyUsage,
		run: runSolve,
	})
}

func runSolve(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	var in planner.SolveInputs
	method := f.String("method")
	given := typedFlags{}
	given.quantity(f, "budget", &in.BudgetUSD, nil)
	given.quantity(f, "days", &in.Days, nil)
	inputs := declareScenarioFlags(f)
	money := declareCurrencyFlags(f)
	if code, done := e.parseOnly("solve", f, "inputs are flags such as --budget 1B"); done {
		return code
	}
	basis, err := currencyFromFlags(money)
	if err != nil {
		return e.usageError("%v", err)
	}
	in.Method = *method
	if !f.Has("budget") {
		return e.usageError("--budget: is required: the money to spend, more than 0 to 1e13 USD (e.g. --budget 1B)")
	}
	sc := inputs.scenario("")
	if v, ok := sc.Value(planner.KeyTokensPerParam); ok {
		in.TokensPerParam = v
	}
	if sc.GPU == "" {
		return e.usageError("--gpu: is required: the accelerator ID (see 'aiplan catalog')")
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	r, _, err := solveInBasis(cat, &sc, in, basis)
	if err != nil {
		return e.usageError("%s", cliFieldError(err, given))
	}
	if *asJSON {
		return writeMoneyJSON(e, r, basis)
	}
	w := e.stdout
	fprintf(w, "Solve: %s (%s) on %s, %s, R = %s tokens per parameter\n", planner.HumanUSD(in.BudgetUSD), basis.textLabel(),
		sc.GPU, r.Inputs.Method, planner.FormatNumber(r.Inputs.TokensPerParam))
	fprintf(w, "  GPU-hours      %s (at %s per GPU-hour)\n", planner.HumanCount(r.GPUHours), planner.HumanUSD(r.CostPerGPUHourUSD))
	fprintf(w, "  compute        %.3g FLOP\n", r.TrainingFLOP)
	fprintf(w, "  model          %s parameters on %s tokens\n", planner.HumanCount(r.Params), planner.HumanCount(r.Tokens))
	fprintf(w, "  accelerators   %s for %s days\n", planner.FormatNumber(r.Accelerators), strconv.FormatFloat(r.WallClockDays, 'f', 1, 64))
	fprintf(w, "  energy         %s\n", planner.HumanEnergyKWh(r.FacilityEnergyKWh))
	fprintf(w, "  carbon         %s\n", planner.HumanTCO2e(r.EmissionsTCO2e))
	fprintf(w, "  water          %s\n", planner.HumanLitres(r.WaterL))
	return exitOK
}

// solveInBasis solves for a budget stated in the basis's dollars: with
// --dollar-year the budget is brought back to the dollars of the price the
// method rests on (the cloud price, or the accelerator price for amortized)
// before solving, and the costs are reported in the dollar year again.
func solveInBasis(cat *planner.Catalog, sc *planner.Scenario, in planner.SolveInputs, b moneyBasis) (planner.SolveResult, *planner.Resolution, error) {
	r, res, err := planner.Solve(cat, sc, in)
	if err != nil || b.cur.DollarYear == nil {
		return r, res, err
	}
	key := planner.KeyGPUHourPrice
	if r.Inputs.Method == planner.SolveAmortized {
		key = planner.KeyGPUPrice
	}
	f := 1.0
	if y := planner.PriceYear(res.Provenance[key].Date); y != 0 {
		if f, err = planner.DeflateFactor(b.money, b.cur.Deflator, y, *b.cur.DollarYear); err != nil {
			return r, res, err
		}
	}
	in.BudgetUSD /= f
	if r, res, err = planner.Solve(cat, sc, in); err != nil {
		return r, res, err
	}
	r.Inputs.BudgetUSD *= f
	r.CostPerGPUHourUSD *= f
	r.CostUSD *= f
	return r, res, nil
}
