#!/usr/bin/env bash
# test.sh LINUX_BIN WINEPREFIX OUTDIR: 'make test-windows'. Cross-builds the
# Windows exe once (cross-build.sh), then runs smoke.sh under Wine in the
# prefix (made by wine-prefix.sh) on a virtual screen larger than the window,
# with GLX for the app's OpenGL. Prints the time each step took.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
linux=${1:?usage: test.sh LINUX_BIN WINEPREFIX OUTDIR}
prefix=${2:?}
out=${3:?}
"$here/../install-deps.sh" gcc-mingw-w64-x86-64 wine64 wine libgl1-mesa-dri \
	xvfb xauth x11-utils imagemagick xdotool
t0=$(date +%s)
"$here/wine-prefix.sh" "$prefix"
t1=$(date +%s)
"$here/cross-build.sh" "$out"
t2=$(date +%s)
export WINEPREFIX
WINEPREFIX=$(cd "$prefix" && pwd)
# A random display number: xvfb-run -a starts at :99, which another Xvfb (a
# chroot sharing the host's abstract sockets) may already hold.
xvfb-run -a -n $((200 + RANDOM % 500)) -s '-screen 0 1600x1000x24 +extension GLX' \
	"$here/smoke.sh" "$linux" "$out" "$out/smoke"
t3=$(date +%s)
echo "test-windows: PASS (prefix $((t1 - t0)) s, cross-build $((t2 - t1)) s, Wine checks $((t3 - t2)) s)"
