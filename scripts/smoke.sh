#!/bin/sh
# smoke.sh BINARY [SCREENSHOT.png]
#
# Runs the real aiplan window on the current X display (wrap it in
#   xvfb-run -a -s '-screen 0 1366x768x24' scripts/smoke.sh ./aiplan out.png
# on a machine without one), waits for the window named exactly
# "AI Cost Planner", prints the start-to-window time, takes a screenshot,
# fails if the window never appears or the screen is blank, then types a new
# GPU count into the editor with xdotool and checks that the results panel
# and the unsaved mark in the title change. It builds nothing.
set -eu

bin=${1:?usage: smoke.sh BINARY [SCREENSHOT.png]}
shot=${2:-smoke.png}
title='AI Cost Planner'
timeout_s=${SMOKE_TIMEOUT:-15}

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
for tool in xdotool import identify compare; do
	command -v "$tool" >/dev/null || fail "$tool is not installed (packages xdotool, imagemagick)"
done
[ -n "${DISPLAY:-}" ] || fail "no DISPLAY; run under xvfb-run -a -s '-screen 0 1366x768x24'"
[ -x "$bin" ] || fail "$bin is not an executable"

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A fresh home: no preferences or recent files from the user.
export HOME="$work/home"
mkdir -p "$HOME"

now_ms() { date +%s%3N; }
start=$(now_ms)
"$bin" >"$work/app.log" 2>&1 &
pid=$!

wid=
deadline=$((start + timeout_s * 1000))
while [ "$(now_ms)" -lt "$deadline" ]; do
	kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "aiplan exited before its window appeared"; }
	wid=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
	[ -n "$wid" ] && break
	sleep 0.02
done
[ -n "$wid" ] || { cat "$work/app.log" >&2; fail "no window named '$title' within ${timeout_s}s"; }
elapsed=$(($(now_ms) - start))
echo "smoke: start-to-window ${elapsed} ms (target <= 1000 ms)"

# Wait for the first frames: poll the screen until it is not blank (a busy
# machine may take many seconds to draw; nothing here depends on its speed,
# only on a generous deadline).
settle_s=${SMOKE_SETTLE:-60}
sd=0
deadline=$(($(now_ms) + settle_s * 1000))
while :; do
	import -window root "$shot"
	sd=$(identify -format '%[fx:standard_deviation]' "$shot")
	awk -v sd="$sd" 'BEGIN { exit !(sd > 0.01) }' && break
	[ "$(now_ms)" -lt "$deadline" ] || break
	sleep 0.5
done
sleep 1 # the frame after the first content, so the layout has settled
import -window root "$shot"
sd=$(identify -format '%[fx:standard_deviation]' "$shot")
echo "smoke: screenshot $shot, pixel standard deviation $sd"
awk -v sd="$sd" 'BEGIN { exit !(sd > 0) }' || fail "the screenshot is blank after ${settle_s}s"

# The results panel (right third of the window) before the edit.
region=500x600+770+60
import -window root -crop "$region" "$work/before.png"

# A real edit by keyboard from a known start: give the window the input
# focus, F2 (Scenario > Rename) focuses the scenario name, then Tab walks
# the editor in display order: the note, the seven Model inputs, the
# accelerator and precision selects, then the "Accelerators" count (11
# Tabs; ± and reset buttons are not Tab stops). The editor scrolls the
# focused input into view. Select all and type a new count.
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool mousemove --sync 100 12 click 1
sleep 0.3
xdotool key --delay 80 F2
xdotool key --delay 80 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab ctrl+a
xdotool type --delay 60 '50000'
# Poll until the results region changes (or the deadline passes).
deadline=$(($(now_ms) + settle_s * 1000))
while :; do
	sleep 0.5
	import -window root -crop "$region" "$work/after.png"
	diff=$(compare -metric AE "$work/before.png" "$work/after.png" null: 2>&1 || true)
	[ "${diff%%.*}" -gt 0 ] 2>/dev/null && break
	[ "$(now_ms)" -lt "$deadline" ] || break
done
sleep 0.5
import -window root -crop "$region" "$work/after.png"
import -window root "$work/edited.png"

diff=$(compare -metric AE "$work/before.png" "$work/after.png" null: 2>&1 || true)
echo "smoke: results region pixels changed by the edit: $diff"
[ "${diff%%.*}" -gt 0 ] 2>/dev/null || { cp "$work/edited.png" "${shot%.png}-edited.png"; fail "the results did not change after typing a GPU count"; }
xdotool search --name "^\\*.*$title\$" >/dev/null 2>&1 || fail "the title shows no unsaved mark after the edit"
echo "smoke: title shows the unsaved mark"
cp "$work/edited.png" "${shot%.png}-edited.png"

# Quit with Ctrl+Q: with unsaved changes the app must ask, not exit.
xdotool key ctrl+q
sleep 1
kill -0 "$pid" 2>/dev/null || fail "Ctrl+Q with unsaved changes closed the app without asking"
echo "smoke: Ctrl+Q asks about unsaved changes"
kill "$pid"
i=0
while kill -0 "$pid" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "aiplan did not stop on SIGTERM"
	sleep 0.05
done
pid=
echo "smoke: PASS"
