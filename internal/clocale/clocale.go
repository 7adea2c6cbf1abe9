// Package clocale maps the C/POSIX locale to English for the toolkit's
// translations, so a process started with LANG=C (CI, cron, containers)
// does not print "Error parsing user locale C" on standard error.
//
// It must be imported by package main before anything that imports Fyne;
// Go initialises a package whose imports are ready in import-path order, and
// this package imports only os and strings, so its init runs first.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LC_MESSAGES")
	}
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	base, _, _ := strings.Cut(loc, ".")
	if base == "" || base == "C" || base == "POSIX" {
		os.Setenv("LANGUAGE", "en_US") //nolint:errcheck // best effort
	}
}
