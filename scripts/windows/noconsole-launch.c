/*
 * noconsole-launch.exe PROGRAM [ARGS...]: a TEST helper (never shipped).
 * Starts PROGRAM the way Explorer-less consoles start a GUI program on
 * Windows: with no standard handles (STARTF_USESTDHANDLES, all NULL), while
 * this console program's own console stays available to attach to. Wine's
 * cmd.exe hands its standard handles to every child, so without this helper
 * the AttachConsole path of aiplan.exe (cmd/aiplan/console_windows.go) would
 * never run under Wine. Waits for PROGRAM and returns its exit code.
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
	(void)argc;
	(void)argv;
	wchar_t *cmd = GetCommandLineW();
	/* Skip this program's own name (quoted or not) to get PROGRAM ARGS. */
	if (*cmd == L'"') {
		cmd++;
		while (*cmd && *cmd != L'"')
			cmd++;
		if (*cmd)
			cmd++;
	} else {
		while (*cmd && *cmd != L' ' && *cmd != L'\t')
			cmd++;
	}
	while (*cmd == L' ' || *cmd == L'\t')
		cmd++;
	if (!*cmd) {
		fprintf(stderr, "usage: noconsole-launch.exe PROGRAM [ARGS...]\n");
		return 2;
	}
	STARTUPINFOW si = {0};
	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = NULL;
	si.hStdOutput = NULL;
	si.hStdError = NULL;
	PROCESS_INFORMATION pi;
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
		fprintf(stderr, "noconsole-launch: CreateProcess failed: %lu\n", GetLastError());
		return 1;
	}
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 1;
	GetExitCodeProcess(pi.hProcess, &code);
	CloseHandle(pi.hThread);
	CloseHandle(pi.hProcess);
	return (int)code;
}
