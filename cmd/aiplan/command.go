package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"aiplan/assets"
	"aiplan/planner"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is what a subcommand gets: its arguments and the standard streams.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand. Each lives in its own file and registers itself
// from an init function.
type command struct {
	summary string
	usage   string
	run     func(e *env) int
}

var commands = map[string]command{}

func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("aiplan: command registered twice: " + name)
	}
	commands[name] = c
}

func usage(w io.Writer) {
	fprintf(w, "aiplan: the AI Cost Planner. With no arguments it opens the window.\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fprintf(w, "\nRun 'aiplan COMMAND --help' for a command's flags.\n")
}

func fprintf(w io.Writer, format string, a ...any) {
	fmt.Fprintf(w, format, a...) //nolint:errcheck // terminal output
}

// usageError prints one line naming the problem and returns exit code 2.
func (e *env) usageError(format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	msg = strings.ReplaceAll(msg, "\n", " ")
	fprintf(e.stderr, "aiplan: %s\n", msg)
	return exitUsage
}

// fail prints one line and returns exit code 1.
func (e *env) fail(format string, a ...any) int {
	fprintf(e.stderr, "aiplan: "+format+"\n", a...)
	return exitFail
}

// catalog loads the embedded catalogue; it fails only on a broken build.
func (e *env) catalog() (*planner.Catalog, bool) {
	cat, err := assets.Catalog()
	if err != nil {
		fprintf(e.stderr, "aiplan: %v\n", err)
		return nil, false
	}
	return cat, true
}
