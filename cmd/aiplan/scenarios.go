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
	f := newFlags()
	defaults := f.Bool("defaults")
	if code, done := e.parseOnly("scenarios", f, "the only form is 'aiplan scenarios --defaults'"); done {
		return code
	}
	if !*defaults {
		return e.usageError("scenarios: --defaults is required (it prints the built-in set)")
	}
	set, err := assets.Defaults()
	if err != nil {
		return e.fail("built-in scenarios: %v", err)
	}
	b, err := set.Marshal()
	if err != nil {
		return e.fail("built-in scenarios: %v", err)
	}
	e.stdout.Write(b) //nolint:errcheck // run reports write errors
	return exitOK
}
