package main

import "aiplan/assets"

func init() {
	register("scenarios", command{
		summary: "print the built-in scenario set as a scenario file (.aiplan)",
		usage: `aiplan scenarios --defaults

Prints the built-in scenarios (the set the window opens on) as a scenario
file, ready to edit and pass to 'aiplan estimate --scenarios FILE'.`,
		run: runScenarios,
	})
}

func runScenarios(e *env) int {
	fs := newFlagSet()
	fs.Bool("defaults", "help")
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("scenarios: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["scenarios"].usage)
		return exitOK
	}
	if len(fs.Positional()) > 0 {
		return e.usageError("scenarios: unexpected argument %q; the only form is 'aiplan scenarios --defaults'", fs.Positional()[0])
	}
	if !fs.Has("defaults") {
		return e.usageError("scenarios: --defaults is required (it prints the built-in set)")
	}
	f, err := assets.Defaults()
	if err != nil {
		return e.fail("built-in scenarios: %v", err)
	}
	b, err := f.Marshal()
	if err != nil {
		return e.fail("built-in scenarios: %v", err)
	}
	if _, err := e.stdout.Write(b); err != nil {
		return exitFail
	}
	return exitOK
}
