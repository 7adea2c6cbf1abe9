package main

import "io"

// runWindow opens the desktop window. (Placeholder until the UI lands.)
func runWindow(stderr io.Writer) int {
	fprintf(stderr, "aiplan: the window is not built yet\n")
	return exitFail
}

func runVersion(stdout io.Writer) int {
	fprintf(stdout, "aiplan dev\n")
	return exitOK
}
