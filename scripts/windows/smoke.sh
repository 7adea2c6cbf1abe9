#!/usr/bin/env bash
# smoke.sh LINUX_BIN WINDIR OUTDIR
#
# WINDIR holds what cross-build.sh made: aiplan.exe, atomicfile.test.exe and
# noconsole-launch.exe.
# The Windows build under Wine, on the current X display (test.sh runs it
# under xvfb-run with a screen larger than the window and +extension GLX),
# in the Wine prefix $WINEPREFIX (made by wine-prefix.sh). It checks that:
#   1. the CLI prints byte for byte what the Linux build prints (help,
#      version, the built-in scenario file, and 'estimate --json' of the
#      built-in scenarios read from a C:\ path with backslashes), and
#      started with no standard handles from a console it attaches to it;
#   2. 'export -o C:\...\report.xlsx' (twice, so the second replaces the
#      first) writes a workbook that the Linux build's 'import' reads back to
#      the same scenarios as its own export;
#   3. the Windows-only Go tests pass (atomic replace with drive letters and
#      backslashes, a target locked as Excel locks it);
#   4. the window appears, at its size, and the screenshot is not blank;
#      Preferences live under %APPDATA%\fyne\<app ID>.
# It builds nothing and prints one line per check.
set -euo pipefail

linux=${1:?usage: smoke.sh LINUX_BIN WINDIR OUTDIR}
exe=${2:?}/aiplan.exe
testexe=$2/atomicfile.test.exe
launch=$2/noconsole-launch.exe
out=${3:?}
: "${WINEPREFIX:?set WINEPREFIX (make wine-prefix)}"
export WINEDEBUG=-all
title='AI Cost Planner'
appid=io.github.aiplan.planner

fail() {
	echo "test-windows: FAIL: $*" >&2
	exit 1
}
ok() { echo "test-windows: ok: $*"; }
[ -n "${DISPLAY:-}" ] || fail "no DISPLAY; run under xvfb-run (scripts/windows/test.sh does)"
for tool in wine wineserver winepath xdotool xwininfo import identify; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

cleanup() { wineserver -k 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# A work folder inside the prefix's C: drive, so that the exe sees a real
# drive-letter path: C:\aiplan-test\... with backslashes.
cdir=$WINEPREFIX/drive_c/aiplan-test
rm -rf "$cdir"
mkdir -p "$cdir/out dir"
winc='C:\aiplan-test'

# Keep the Wine server up between calls (each call then takes ~0.15 s).
wineserver -p 60

# Runs the exe; stdout to $1, stderr to $1.err; fails on a non-zero exit.
wrun() {
	local dest=$1
	shift
	local rc=0
	wine "$exe" "$@" >"$dest" 2>"$dest.err" || rc=$?
	if [ "$rc" != 0 ]; then
		cat "$dest.err" >&2
		fail "aiplan.exe $* exited $rc"
	fi
}

# 1. The CLI, byte for byte against the Linux build.
start=$(date +%s%3N)
wrun "$out/help.win" help
"$linux" help >"$out/help.linux"
cmp "$out/help.linux" "$out/help.win" || fail "'help' differs from the Linux build"
wrun "$out/version.win" --version
"$linux" --version >"$out/version.linux"
cmp "$out/version.linux" "$out/version.win" || fail "'--version' differs from the Linux build"
wrun "$out/defaults.win.aiplan" scenarios --defaults
"$linux" scenarios --defaults >"$out/defaults.linux.aiplan"
cmp "$out/defaults.linux.aiplan" "$out/defaults.win.aiplan" || fail "'scenarios --defaults' differs from the Linux build"
ok "help, --version and 'scenarios --defaults' equal the Linux build's"

cp "$out/defaults.linux.aiplan" "$cdir/out dir/defaults.aiplan"
wrun "$out/estimate.win.json" estimate --scenarios "$winc\\out dir\\defaults.aiplan" --json
"$linux" estimate --scenarios "$out/defaults.linux.aiplan" --json >"$out/estimate.linux.json"
cmp "$out/estimate.linux.json" "$out/estimate.win.json" || fail "'estimate --json' of the built-in scenarios differs from the Linux build"
[ -s "$out/estimate.win.json" ] || fail "'estimate --json' printed nothing"
ok "estimate --scenarios '$winc\\out dir\\defaults.aiplan' --json equals the Linux build's ($(wc -c <"$out/estimate.win.json") bytes)"

# A bad path names the path in the message and exits non-zero.
if wine "$exe" estimate --scenarios "$winc\\missing.aiplan" --json >/dev/null 2>"$out/missing.err"; then
	fail "a missing scenario file was accepted"
fi
grep -qF 'missing.aiplan' "$out/missing.err" || fail "the error for a missing file does not name it: $(cat "$out/missing.err")"
ok "a missing C:\\ scenario file is refused with its name: $(head -c 160 "$out/missing.err")"

# The console path (cmd/aiplan/console_windows.go): started with no standard
# handles, as Windows starts a GUI program from cmd.exe, aiplan.exe must
# attach to the console (a pty here) and print there, with its exit code.
console() {
	local rc=0
	script -qec "wine '$launch' '$(winepath -w "$exe")' $*" /dev/null </dev/null >"$out/console.raw" || rc=$?
	tr -d '\r' <"$out/console.raw" | sed 's/\x1b\[[?0-9;]*[a-zA-Z]//g' >"$out/console.txt"
	return $rc
}
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	# A chroot without /dev/pts (a bare debootstrap) has no pseudo-terminal
	# to play the console; every real machine and CI has one.
	echo "test-windows: SKIP: no pseudo-terminal here (/dev/pts not mounted): the console-attach check needs one"
else
	console --version || fail "aiplan.exe --version on a console exited $?"
	grep -qxF "$(cat "$out/version.linux")" "$out/console.txt" ||
		fail "aiplan.exe started without standard handles printed no version on its console: $(head -c 200 "$out/console.txt")"
	rc=0
	console estimate --gpus 8 || rc=$?
	[ "$rc" = 2 ] || fail "a bad estimate on a console exited $rc, want 2"
	grep -q 'aiplan: .*--gpu' "$out/console.txt" || fail "the usage error did not reach the console: $(head -c 200 "$out/console.txt")"
	ok "started with no standard handles, aiplan.exe prints on its parent console (AttachConsole), errors and exit code 2 too"
fi

# 2. The workbook: export twice to a C:\ path (the second replaces the first).
for i in 1 2; do
	wrun "$out/export$i.log" export -o "$winc\\out dir\\report.xlsx"
done
xlsx="$cdir/out dir/report.xlsx"
[ -s "$xlsx" ] || fail "export -o wrote no workbook"
ls -A "$cdir/out dir" | grep -q '\.tmp' && fail "a temporary file was left beside the workbook"
"$linux" import "$xlsx" -o "$out/reimport.win.aiplan" || fail "the Windows workbook does not reopen"
"$linux" export -o "$out/report.linux.xlsx"
"$linux" import "$out/report.linux.xlsx" -o "$out/reimport.linux.aiplan"
cmp "$out/reimport.linux.aiplan" "$out/reimport.win.aiplan" || fail "the Windows workbook reads back other scenarios than the Linux one"
ok "export -o '$winc\\out dir\\report.xlsx' ($(stat -c %s "$xlsx") bytes) reopens with the same scenarios as the Linux export"
echo "test-windows: CLI checks took $(($(date +%s%3N) - start)) ms"

# 3. The Windows-only Go tests.
wine "$testexe" -test.run '^TestReplace' -test.v >"$out/atomicfile-test.log" 2>&1 || {
	cat "$out/atomicfile-test.log" >&2
	fail "internal/atomicfile Windows tests failed"
}
ok "internal/atomicfile Windows tests: $(grep -c -- '--- PASS' "$out/atomicfile-test.log") passed, $(grep -c -- '--- SKIP' "$out/atomicfile-test.log" || true) skipped"

# 4. The window.
prefs="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/fyne/$appid"
start=$(date +%s%3N)
wine "$exe" >"$out/window.log" 2>&1 &
wid=
deadline=$((start + 60000))
while [ "$(date +%s%3N)" -lt "$deadline" ]; do
	wid=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
	[ -n "$wid" ] && break
	sleep 0.1
done
[ -n "$wid" ] || {
	cat "$out/window.log" >&2
	fail "no window named '$title' within 60 s"
}
echo "test-windows: start-to-window $(($(date +%s%3N) - start)) ms"
sleep 3
size=$(xwininfo -id "$wid" | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
screen=$(xwininfo -root | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
[ "${size%x*}" -ge 800 ] && [ "${size#*x}" -ge 500 ] || fail "the window is only $size"
[ "${size%x*}" -lt "${screen%x*}" ] && [ "${size#*x}" -lt "${screen#*x}" ] || fail "the window ($size) does not fit the screen ($screen)"
shot=$out/window.png
# Poll until the window has drawn (a busy machine may take many seconds;
# only the generous deadline matters, not the machine's speed).
deadline=$(($(date +%s%3N) + 60000))
while :; do
	import -window root "$shot"
	sd=$(identify -format '%[fx:standard_deviation]' "$shot")
	awk -v sd="$sd" 'BEGIN { exit !(sd > 0.05) }' && [ "$(identify -format '%k' "$shot")" -gt 200 ] && break
	[ "$(date +%s%3N)" -lt "$deadline" ] || break
	sleep 0.5
done
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.05) }' || fail "the screenshot $shot is blank (standard deviation $sd)"
# Text is drawn: the title bar area of the app's own widgets has dark glyph
# pixels on a light theme or light ones on dark; either way many colours.
colours=$(identify -format '%k' "$shot")
[ "$colours" -gt 200 ] || fail "the screenshot has only $colours colours: no text rendered?"
ok "window '$title' $size on a $screen screen; screenshot $shot, standard deviation $sd, $colours colours"
[ -d "$prefs" ] || fail "no Fyne storage folder at $prefs"
ok "Preferences and storage under %APPDATA%\\fyne\\$appid ($(ls -A "$prefs" | tr '\n' ' '))"
