package main

import (
	"context"

	"aiplan/internal/atomicfile"
	"aiplan/planner"
)

func init() {
	register("sweep", command{
		summary: "write a scenario file with the grid of up to three varied inputs",
		usage: `aiplan sweep --vary KEY=V1,V2,... [--vary ...] [base scenario flags] -o FILE

KEY is an estimate flag without dashes (gpus, mfu, params, energy, gpu, ...),
at most three --vary; values are separated by commas, so write 70000 or 70k
rather than 70,000. Scenarios are named after their values
("gpus=1000 energy=coal"). The file is written whole or not at all;
-o - writes to standard output.`,
		run: runSweep,
	})
}

func runSweep(e *env) int {
	f := newFlags()
	out := f.String("o")
	raw := f.List("vary")
	inputs := declareScenarioFlags(f)
	if code, done := e.parseOnly("sweep", f, "give the file with -o FILE"); done {
		return code
	}
	if *out == "" {
		return e.usageError("-o: is required: the scenario file to write (- for standard output)")
	}
	if len(*raw) == 0 || len(*raw) > planner.MaxVary {
		return e.usageError("--vary: given %d times; accepted: 1 to %d, each KEY=V1,V2,...", len(*raw), planner.MaxVary)
	}
	var vary []planner.Vary
	for _, s := range *raw {
		v, err := planner.ParseVary(s)
		if err != nil {
			return e.usageError("--vary: %v", err)
		}
		vary = append(vary, v)
	}
	base := inputs.scenario("base")
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	scs, err := planner.Sweep(context.Background(), cat, base, vary, nil)
	if err != nil {
		if f := planner.ErrField(err); f != "" && f != "vary" {
			return e.usageError("--vary %s: %v", f, err)
		}
		if planner.ErrField(err) == "vary" {
			return e.usageError("--%v", err)
		}
		return e.usageError("--vary: %v", err)
	}
	b, err := planner.NewFile(cat.Version, scs).Marshal()
	if err != nil {
		return e.fail("encoding %s: %v", *out, err)
	}
	if code := writeOutput(e, *out, b); code != exitOK {
		return code
	}
	if *out != atomicfile.Stdout {
		fprintf(e.stderr, "aiplan: wrote %d scenarios to %s\n", len(scs), *out)
	}
	return exitOK
}
