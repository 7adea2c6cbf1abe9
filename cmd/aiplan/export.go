package main

import (
	"bytes"
	"errors"
	"time"

	"aiplan/export"
	"aiplan/internal/atomicfile"
)

func init() {
	register("export", command{
		summary: "write the scenarios as an Excel workbook with live formulas",
		usage: `aiplan export [FILE.aiplan] -o OUT.xlsx

Writes the scenario file (no FILE: the built-in default scenarios) as an
Excel workbook: Summary, Assumptions, Model (every output a live formula),
Provenance, Sources, About, and the bubble-gap model when the file has one.
The workbook is written only when complete (temp file and rename); -o -
writes it to standard output. 'aiplan import' reads it back.`,
		run: runExport,
	})
}

func runExport(e *env) int {
	fs := newFlagSet()
	fs.Bool("help")
	fs.Value("o", "output")
	if err := fs.Parse(e.args); err != nil {
		return e.usageError("export: %v", err)
	}
	if fs.Has("help") {
		fprintf(e.stdout, "%s\n", commands["export"].usage)
		return exitOK
	}
	out, ok := outputFlag(fs)
	if !ok {
		return e.usageError("export: -o OUT.xlsx is required (the workbook to write; - for standard output)")
	}
	pos := fs.Positional()
	if len(pos) > 1 {
		return e.usageError("export: unexpected argument %q; give one scenario file", pos[1])
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	set, err := loadScenarios(path)
	if err != nil {
		return e.usageError("export: %v", err)
	}
	var buf bytes.Buffer
	opts := export.Options{Clock: time.Now, AppVersion: appVersion()}
	if err := export.Write(&buf, set, cat, opts); err != nil {
		var se *export.ScenarioError
		if errors.As(err, &se) {
			return e.usageError("export: scenario %q: %s", se.Name, flagError(se.Err))
		}
		return e.fail("%v", err)
	}
	return writeOutput(e, out, buf.Bytes())
}

// outputFlag returns the -o / --output value.
func outputFlag(fs *flagSet) (string, bool) {
	if v, ok := fs.Get("o"); ok && v != "" {
		return v, true
	}
	if v, ok := fs.Get("output"); ok && v != "" {
		return v, true
	}
	return "", false
}

// writeOutput writes data to standard output ("-") or atomically to path.
func writeOutput(e *env, path string, data []byte) int {
	if path == "-" {
		if _, err := e.stdout.Write(data); err != nil {
			return e.fail("%v", err)
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return e.fail("%v", err)
	}
	return exitOK
}

// appVersion is the version from FyneApp.toml, or "dev".
func appVersion() string {
	meta, err := appMetadata()
	if err != nil || meta.Version == "" {
		return "dev"
	}
	return meta.Version
}
