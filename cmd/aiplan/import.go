package main

import (
	"os"

	"aiplan/export"
)

func init() {
	register("import", command{
		summary: "read a workbook written by 'aiplan export' back into a scenario file",
		usage: `aiplan import REPORT.xlsx -o FILE.aiplan

Reads the scenarios of a workbook aiplan exported. Values edited on the
Assumptions sheet become user inputs; a cleared value takes its default
again; a deleted row drops its scenario. -o - writes to standard output.
Any other workbook is refused.`,
		run: runImport,
	})
}

func runImport(e *env) int {
	pos, out, code, done := e.parseOutputCommand("import", "FILE.aiplan", "the scenario file to write")
	if done {
		return code
	}
	if len(pos) != 1 {
		return e.usageError("import: give exactly one workbook (REPORT.xlsx), got %d arguments", len(pos))
	}
	fh, err := os.Open(pos[0])
	if err != nil {
		return e.usageError("import: %v", err)
	}
	defer fh.Close() //nolint:errcheck // read only
	set, err := export.Read(fh)
	if err == nil {
		cat, ok := e.catalog()
		if !ok {
			return exitFail
		}
		err = export.Validate(set, cat)
	}
	if err != nil {
		return e.usageError("import: %s: %v", pos[0], err)
	}
	data, err := set.Marshal()
	if err != nil {
		return e.fail("import: %v", err)
	}
	return writeOutput(e, out, data)
}
