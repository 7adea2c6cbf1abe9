package ui

// The test binary maps the C locale to English before Fyne's lang package
// reads it, as cmd/aiplan does, so LANG=C or C.UTF-8 prints no "Error parsing
// user locale C" (see package clocale).
import _ "aiplan/internal/clocale"
