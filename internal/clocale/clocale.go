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
	if v, ok := language(os.Getenv); ok {
		os.Setenv("LANGUAGE", v) //nolint:errcheck // best effort
	}
}

// language returns the LANGUAGE value to set, and whether to set it: only
// when LANGUAGE is unset and the effective message locale (LC_ALL, then
// LC_MESSAGES, then LANG) is empty, C or POSIX.
func language(getenv func(string) string) (string, bool) {
	if getenv("LANGUAGE") != "" {
		return "", false
	}
	loc := getenv("LC_ALL")
	if loc == "" {
		loc = getenv("LC_MESSAGES")
	}
	if loc == "" {
		loc = getenv("LANG")
	}
	base, _, _ := strings.Cut(loc, ".")
	if base == "" || base == "C" || base == "POSIX" {
		return "en_US", true
	}
	return "", false
}
