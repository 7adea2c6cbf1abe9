#!/bin/sh
# screenshots.sh BINARY OUTDIR [WIDTHxHEIGHT]
#
# Runs the real aiplan window on the current X display (wrap it in
#   xvfb-run -a -s '-screen 0 1366x768x24' scripts/screenshots.sh ./aiplan build/screens
# on a machine without one), sizes the window to fill the screen when a
# size is given (else it keeps the size it opens at), then shows each tab
# with Ctrl+1 ... Ctrl+9 (View menu) and writes OUTDIR/tab-N.png. It fails
# if the window never appears, is larger than the screen, or a screenshot
# is blank. Look at the pictures: nothing should be cut off.
set -eu

bin=${1:?usage: screenshots.sh BINARY OUTDIR [WIDTHxHEIGHT]}
out=${2:?usage: screenshots.sh BINARY OUTDIR [WIDTHxHEIGHT]}
size=${3:-}
title='AI Cost Planner'

fail() { echo "screenshots: FAIL: $*" >&2; exit 1; }
for tool in xdotool import identify xdpyinfo; do
	command -v "$tool" >/dev/null || fail "$tool is not installed (packages xdotool, imagemagick, x11-utils)"
done
[ -n "${DISPLAY:-}" ] || fail "no DISPLAY; run under xvfb-run"
mkdir -p "$out"

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
export HOME="$work/home" # no remembered size or recent files
mkdir -p "$HOME"

"$bin" >"$work/app.log" 2>&1 &
pid=$!
wid=
i=0
while [ -z "$wid" ]; do
	i=$((i + 1))
	[ "$i" -lt 300 ] || { cat "$work/app.log" >&2; fail "no window named '$title'"; }
	kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "aiplan exited"; }
	wid=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
	sleep 0.05
done
sleep 2

screen=$(xdpyinfo | awk '/dimensions:/ { print $2 }')
sw=${screen%x*}
sh=${screen#*x}
if [ -n "$size" ]; then
	xdotool windowmove "$wid" 0 0 windowsize "$wid" "${size%x*}" "${size#*x}"
	sleep 2
fi
eval "$(xdotool getwindowgeometry --shell "$wid")"
echo "screenshots: screen ${sw}x${sh}, window ${WIDTH}x${HEIGHT}"
[ "$WIDTH" -le "$sw" ] && [ "$HEIGHT" -le "$sh" ] || fail "the window (${WIDTH}x${HEIGHT}) is larger than the screen (${sw}x${sh})"

xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool mousemove --sync 100 12 click 1
for n in 1 2 3 4 5 6 7 8 9; do
	xdotool key "ctrl+$n"
	sleep 2.5 # charts and simulations are drawn after a pause
	import -window root "$out/tab-$n.png"
	sd=$(identify -format '%[fx:standard_deviation]' "$out/tab-$n.png")
	awk -v sd="$sd" 'BEGIN { exit !(sd > 0) }' || fail "tab $n: the screenshot is blank"
done
echo "screenshots: wrote $out/tab-1.png ... tab-9.png (tabs past the last one repeat it)"
