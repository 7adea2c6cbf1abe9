//go:build windows

package main

import (
	"log"
	"os"
	"syscall"
)

const (
	attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	errAccessDenied     = syscall.Errno(5)
)

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole lets the command line work from a console although
// aiplan.exe is a GUI program (linked with -H=windowsgui, so that Explorer
// opens no console window beside the app). Windows gives a GUI program no
// standard output; when it was started from a console (cmd.exe,
// PowerShell), attach to that console and send standard output and error
// there. A stream already redirected to a file or a pipe is kept, so
// 'aiplan.exe estimate --json > out.json' writes the file. Standard input is
// left alone: the console's shell reads it too. Started from Explorer there
// is no parent console and nothing changes.
func attachConsole() {
	out := hasStdHandle(syscall.STD_OUTPUT_HANDLE)
	errOut := hasStdHandle(syscall.STD_ERROR_HANDLE)
	if out && errOut {
		return
	}
	// ERROR_ACCESS_DENIED means the process already has a console (Wine
	// gives one to a GUI program started from its console): use it.
	if r, _, err := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 && err != errAccessDenied {
		return
	}
	if !out {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOut {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
			// The standard logger (Fyne's errors) kept the old os.Stderr.
			log.SetOutput(f)
		}
	}
}

// hasStdHandle reports whether the standard handle n is usable: a console,
// file or pipe the program inherited.
func hasStdHandle(n int) bool {
	h, err := syscall.GetStdHandle(n)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
