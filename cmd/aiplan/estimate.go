package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"text/tabwriter"

	"aiplan/planner"
)

func init() {
	register("estimate", command{
		summary: "compute time, cost, energy, carbon and water of a training run",
		usage: `aiplan estimate [--params N --tokens N | --flops N | --gpu-hours N] --gpu ID --gpus N [flags] [--json]
aiplan estimate --scenarios FILE [--json]
aiplan estimate ... --uncertainty [--samples N] [--seed S] [--range NAME=LOW,LIKELY,HIGH[,DIST] ...]

Every planner input is a flag named after its key (see README, "Inputs"):
quantities accept 175B, 15T, 3.14e23, 70,000, $2.50, 40%, 2.4x.

--uncertainty adds a Monte Carlo over the inputs' ranges (defaults from the
catalogue evidence; --range overrides one, NAME an input flag without dashes,
DIST triangular, pert, lognormal or uniform): P10, P50, P90 and mean of every
output, under "uncertainty" in --json at the output's path.

` + currencyUsage,
		run: runEstimate,
	})
}

func runEstimate(e *env) int {
	f := newFlags()
	asJSON := f.Bool("json")
	scenarios := f.String("scenarios")
	inputs := declareScenarioFlags(f)
	mcf := declareUncertaintyFlags(f)
	money := declareCurrencyFlags(f)
	if code, done := e.parseOnly("estimate", f, "inputs are flags such as --params 175B"); done {
		return code
	}
	mc, err := mcf.read()
	if err != nil {
		return e.usageError("%v", err)
	}
	basis, err := currencyFromFlags(money)
	if err != nil {
		return e.usageError("%v", err)
	}
	if mc.on && basis.cur.DollarYear != nil {
		return e.usageError("--dollar-year: not applied to --uncertainty yet; accepted with --uncertainty: --currency alone (nominal)")
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	if f.Has("scenarios") {
		if len(mc.ranges) > 0 {
			return e.usageError("--range: not accepted with --scenarios; put ranges in the scenario file")
		}
		set, err := loadScenarios(*scenarios)
		if err != nil {
			return e.usageError("--scenarios: %v", err)
		}
		return estimateSet(e, cat, set, &mc, *asJSON, basis)
	}
	sc := inputs.scenario("")
	sc.Ranges = mc.ranges
	r, res, err := planner.Estimate(cat, &sc)
	if err != nil {
		return e.usageError("%s", flagError(err))
	}
	rep := uncertainReport{Report: planner.NewReport("", r, res)}
	if err := deflateReports(basis, &rep.Report); err != nil {
		return e.usageError("%v", err)
	}
	if mc.on {
		if rep.Uncertainty, err = mc.run(cat, &sc); err != nil {
			return e.usageError("%s", rangeFlagError(err))
		}
	}
	if *asJSON {
		if !mc.on {
			return writeMoneyJSON(e, rep.Report, basis)
		}
		return writeMoneyJSON(e, rep, basis)
	}
	writeTable(e.stdout, cat, &rep.Report)
	writeUncertainty(e.stdout, rep.Uncertainty)
	basis.printText(e)
	return exitOK
}

// setChunk is the number of scenarios one worker evaluates and encodes at
// a time in estimateSet.
const setChunk = 256

// chunkBufs holds the output buffers of estimateSet's chunks for reuse:
// growing a fresh one for every chunk of 256 reports was an eighth of
// 'estimate --scenarios --json' (issue 15 item 7).
var chunkBufs = sync.Pool{New: func() any { return new([]byte) }}

// estimateSet estimates every scenario of set and streams the results:
// chunks of scenarios are evaluated and encoded on every core and written
// in order as soon as they are ready, so memory does not grow with the
// number of scenarios. Every scenario is checked before the first is
// written, so a bad one gives an error and no output rather than half an
// array. The JSON is byte for byte what json.MarshalIndent of the whole
// array gives.
func estimateSet(e *env, cat *planner.Catalog, set *planner.File, mc *mcFlags, asJSON bool, basis moneyBasis) int {
	scs := set.Scenarios
	err := inOrder(len(scs), setChunk, func(lo, hi int) ([]byte, error) {
		for i := lo; i < hi; i++ {
			if err := planner.Check(cat, &scs[i]); err != nil {
				return nil, fmt.Errorf("--scenarios: scenario %q: %v", scs[i].Name, err)
			}
		}
		return nil, nil
	}, func([]byte) {})
	if err != nil {
		return e.usageError("%v", err)
	}
	fast, err := newReportEncoder(basis.cur, true)
	if err != nil {
		return e.fail("converting to %s: %v", basis.cur.Code, err)
	}
	first := true
	if asJSON && len(scs) == 0 {
		io.WriteString(e.stdout, "[]\n") //nolint:errcheck // run reports write errors
		return exitOK
	}
	err = inOrder(len(scs), setChunk, func(lo, hi int) ([]byte, error) {
		b := bytes.NewBuffer((*chunkBufs.Get().(*[]byte))[:0])
		var tw tabwriter.Writer
		enc := fast.clone()
		for i := lo; i < hi; i++ {
			sc := &scs[i]
			r, res, err := planner.Estimate(cat, sc)
			if err != nil {
				return nil, fmt.Errorf("--scenarios: scenario %q: %v", sc.Name, err)
			}
			rep := uncertainReport{Report: planner.NewReport(sc.Name, r, res)}
			if err := deflateReports(basis, &rep.Report); err != nil {
				return nil, fmt.Errorf("--scenarios: scenario %q: %v", sc.Name, err)
			}
			if mc.on {
				if rep.Uncertainty, err = mc.run(cat, sc); err != nil {
					return nil, fmt.Errorf("--scenarios: scenario %q: %v", sc.Name, err)
				}
			}
			if !asJSON {
				fprintf(b, "== %s ==\n", rep.Name)
				writeTableWith(&tw, b, cat, &rep.Report)
				writeUncertainty(b, rep.Uncertainty)
				fprintf(b, "\n")
				continue
			}
			b.WriteString(",\n  ")
			if !mc.on {
				if j, ok := enc.appendReport(b.AvailableBuffer(), &rep.Report); ok {
					b.Write(j)
					continue
				}
			}
			j, err := convertedJSON(rep, mc.on, basis.cur)
			if err != nil {
				return nil, err
			}
			b.Write(appendIndent(b.AvailableBuffer(), j, "  ", "  "))
		}
		return b.Bytes(), nil
	}, func(b []byte) {
		if asJSON && first {
			b[0] = '[' // the first element's separator opens the array
			first = false
		}
		e.stdout.Write(b) //nolint:errcheck // run reports write errors
		chunkBufs.Put(&b)
	})
	if err != nil {
		return e.usageError("%v", err)
	}
	if asJSON {
		io.WriteString(e.stdout, "\n]\n") //nolint:errcheck // run reports write errors
	} else {
		basis.printText(e)
	}
	return exitOK
}

// convertedJSON is the general path of one report of estimateSet: the
// report (with its uncertainty when mc is on) in the currency, compact.
func convertedJSON(rep uncertainReport, mc bool, cur planner.Currency) ([]byte, error) {
	var v any = rep.Report
	if mc {
		v = rep
	}
	v, err := planner.ConvertJSON(v, cur)
	if err != nil {
		return nil, fmt.Errorf("converting to %s: %w", cur.Code, err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding JSON: %w", err)
	}
	return j, nil
}

// inOrder runs work on the chunks [lo, hi) of n items on every core and
// calls emit with each chunk's result in chunk order, holding at most a
// few chunks in memory. It stops at the first error, in chunk order.
func inOrder(n, chunk int, work func(lo, hi int) ([]byte, error), emit func([]byte)) error {
	type result struct {
		b   []byte
		err error
	}
	chunks := (n + chunk - 1) / chunk
	slots := make([]chan result, chunks)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	ahead := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for c := range chunks {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			go func() {
				b, err := work(c*chunk, min(n, (c+1)*chunk))
				slots[c] <- result{b, err}
			}()
		}
	}()
	for c := range chunks {
		r := <-slots[c]
		<-ahead
		if r.err != nil {
			return r.err
		}
		emit(r.b)
	}
	return nil
}

// writeJSON writes v as indented JSON; a write error is reported by run.
func writeJSON(e *env, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return e.fail("encoding JSON: %v", err)
	}
	e.stdout.Write(append(b, '\n')) //nolint:errcheck // run reports write errors
	return exitOK
}

// writeTable prints the headline figures with units, then the inputs used.
func writeTable(w io.Writer, cat *planner.Catalog, rep *planner.Report) {
	writeTableWith(new(tabwriter.Writer), w, cat, rep)
}

// writeTableWith is writeTable through tw, which it initialises: a set's
// chunk reuses one tab writer and its buffers for all its tables.
func writeTableWith(tw *tabwriter.Writer, w io.Writer, cat *planner.Catalog, rep *planner.Report) {
	tw.Init(w, 0, 2, 2, ' ', 0)
	t := &rep.Totals
	for _, o := range planner.Outputs {
		v, ok := o.Get(t)
		s := "n/a"
		if ok {
			s = planner.Human(o.Path, v)
		}
		fprintf(tw, "%s\t%s\t(%s)\n", o.Label, s, o.Path)
	}
	if rep.CostBreakdownUSD.Staff > 0 {
		fprintf(tw, "%s\t%s\t\n", planner.OutputByPath("costBreakdownUSD.staff").Label, planner.HumanUSD(rep.CostBreakdownUSD.Staff))
	}
	if rep.WithExperiments.GPUHours != t.GPUHours {
		x := &rep.WithExperiments
		fprintf(tw, "Programme (with experiments)\t%s, %s, %s\t(withExperiments)\n",
			planner.HumanUSD(x.CostUSD.Cloud), planner.HumanEnergyKWh(x.FacilityEnergyKWh), planner.HumanTCO2e(x.EmissionsTCO2e))
	}
	if eqs := planner.Equivalents(cat, t); len(eqs) > 0 {
		fprintf(tw, "\nIn everyday terms\t\t\n")
		for _, q := range eqs {
			src := q.Factor.Source
			if q.Factor.IsAssumption() {
				src = "assumption: " + q.Factor.Assumption
			}
			fprintf(tw, "  %s\t%s\t(factor %s %s, %s)\n", planner.HumanCount(q.Count), q.What,
				planner.FormatNumber(q.Factor.Value), q.Factor.Unit, src)
		}
	}
	fprintf(tw, "\nInputs\t\t\n")
	for _, key := range inputOrder(rep.Inputs) {
		in := rep.Inputs[key]
		val := ""
		switch v := in.Value.(type) {
		case float64:
			val = planner.FormatQuantity(v)
		case string:
			val = v
		}
		src := in.Source
		if in.Assumption != "" {
			src = "assumption: " + in.Assumption
		}
		if in.Date != "" {
			src += ", " + in.Date
		}
		fprintf(tw, "  %s\t%s %s\t%s\n", key, val, in.Unit, src)
	}
	fprintf(tw, "\nCatalogue %s; %s.\n", rep.CatalogVersion, planner.CurrencyNote)
	tw.Flush() //nolint:errcheck // terminal output
}

func inputOrder(in map[string]planner.Resolved) []string {
	keys := make([]string, 0, len(in))
	for _, k := range planner.ChoiceKeys {
		if _, ok := in[k]; ok {
			keys = append(keys, k)
		}
	}
	for i := range planner.Fields {
		if k := planner.Fields[i].Key; !slices.Contains(keys, k) {
			if _, ok := in[k]; ok {
				keys = append(keys, k)
			}
		}
	}
	for _, k := range []string{"peak-flops", "embodied-kgco2e", "embodied-lifetime-years"} {
		if _, ok := in[k]; ok && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}
