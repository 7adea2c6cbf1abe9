// Command aiplan is the AI Cost Planner: with no arguments it opens the
// desktop window; with a subcommand it works headless for scripts.
package main

import (
	"io"
	"os"

	_ "aiplan/internal/clocale" // before Fyne: see the package comment
)

func main() {
	attachConsole() // Windows: print to the console that started aiplan.exe (console_windows.go)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to the window or to a subcommand and returns the exit code:
// 0 success, 1 failure, 2 bad input.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runWindow(stderr)
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(stdout)
		return 0
	}
	if name == "--version" || name == "version" {
		return runVersion(stdout)
	}
	c, ok := commands[name]
	if !ok {
		fprintf(stderr, "aiplan: unknown command %q; run 'aiplan help' for the list\n", name)
		return 2
	}
	return c.run(&env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr})
}
