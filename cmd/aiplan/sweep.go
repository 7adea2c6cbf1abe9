package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"aiplan/planner"
)

func init() {
	register("sweep", command{
		summary: "write a scenario file with the grid of up to three varied inputs",
		usage: `aiplan sweep --vary KEY=V1,V2,... [--vary ...] [base scenario flags] -o FILE

KEY is an estimate flag without dashes (gpus, mfu, params, energy, gpu, ...),
at most three --vary; values are separated by commas, so write 70000 or 70k
rather than 70,000. Scenarios are named after their values
("gpus=1000 energy=coal"). The file is written whole or not at all.`,
		run: runSweep,
	})
}

func runSweep(e *env) int {
	fs := newFlagSet()
	fs.Bool("help")
	fs.Value("o")
	fs.Repeatable("vary")
	declareScenarioFlags(fs)
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("sweep: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["sweep"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("sweep: unexpected argument %q; give the file with -o FILE", fs.Positional()[0])
	}
	out, ok := fs.Get("o")
	if !ok || out == "" {
		return e.usageError("-o: is required: the scenario file to write")
	}
	raw := fs.All("vary")
	if len(raw) == 0 || len(raw) > planner.MaxVary {
		return e.usageError("--vary: given %d times; accepted: 1 to %d, each KEY=V1,V2,...", len(raw), planner.MaxVary)
	}
	var vary []planner.Vary
	for _, s := range raw {
		v, err := planner.ParseVary(s)
		if err != nil {
			return e.usageError("--vary: %v", err)
		}
		vary = append(vary, v)
	}
	base, err := scenarioFromFlags(fs, "base")
	if err != nil {
		return e.usageError("%v", err)
	}
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
	f := planner.NewFile(cat.Version, scs)
	b, err := f.Marshal()
	if err != nil {
		return e.fail("encoding %s: %v", out, err)
	}
	if err := writeFileAtomic(out, b); err != nil {
		return e.fail("%v", err)
	}
	fprintf(e.stderr, "aiplan: wrote %d scenarios to %s\n", len(scs), out)
	return exitOK
}

// writeFileAtomic writes b to a temporary file in path's folder and renames
// it over path, so a reader never sees half a file.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}
