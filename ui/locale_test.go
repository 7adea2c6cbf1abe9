package ui

import (
	"os"
	"strings"
	"testing"

	_ "aiplan/internal/clocale" // before Fyne, as in cmd/aiplan: see package clocale
)

// TestCLocaleMapped checks the blank import above did its work before Fyne
// read the locale: under a C or POSIX locale the test binary runs with
// LANGUAGE set, so Fyne prints no "Error parsing user locale C".
func TestCLocaleMapped(t *testing.T) {
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LC_MESSAGES")
	}
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	base, _, _ := strings.Cut(loc, ".")
	if base != "" && base != "C" && base != "POSIX" {
		t.Skipf("locale %q is not C or POSIX", loc)
	}
	if os.Getenv("LANGUAGE") == "" {
		t.Errorf("locale %q: want LANGUAGE set before Fyne starts, got it empty", loc)
	}
}
