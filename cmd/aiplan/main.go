// Command aiplan is the AI Cost Planner: with no arguments it opens the
// desktop window; with a subcommand it works headless for scripts.
package main

import (
	"bufio"
	"io"
	"os"

	_ "aiplan/internal/clocale" // before Fyne: see the package comment
)

func main() {
	attachConsole() // Windows: print to the console that started aiplan.exe (console_windows.go)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to the window or to a subcommand and returns the exit code:
// 0 success, 1 failure, 2 bad input. Standard output goes through a buffer
// and a writer that remembers its first error: a failed write (a full
// disk, a closed pipe) is reported here, once, for every command.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	sticky := &stickyWriter{w: stdout}
	buf := bufio.NewWriterSize(sticky, 64<<10)
	code := dispatch(args, stdin, buf, stderr)
	buf.Flush() //nolint:errcheck // the error is kept in sticky
	if sticky.err != nil {
		fprintf(stderr, "aiplan: writing standard output: %v\n", sticky.err)
		if code == exitOK {
			code = exitFail
		}
	}
	return code
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runWindow(stderr)
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(stdout)
		return exitOK
	}
	if name == "--version" || name == "version" {
		return runVersion(stdout)
	}
	c, ok := commands[name]
	if !ok {
		fprintf(stderr, "aiplan: unknown command %q; run 'aiplan help' for the list\n", name)
		return exitUsage
	}
	return c.run(&env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr})
}

// stickyWriter passes writes on until the first error, which it keeps and
// returns for every later write.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
	}
	return n, err
}
