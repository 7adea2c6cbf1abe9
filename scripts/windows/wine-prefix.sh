#!/usr/bin/env bash
# wine-prefix.sh DIR: prepares a Wine prefix for testing the Windows build
# (tests only; nothing here is shipped). It installs Wine and mingw-w64 if
# missing, runs wineboot once, and puts a stub bcryptprimitives.dll into the
# prefix's system32: Debian 12's Wine 8.0 lacks that DLL, which the Go 1.26
# Windows runtime loads at start (see bcryptprimitives.c). A prefix that is
# already prepared costs nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:?usage: wine-prefix.sh DIR}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

"$here/../install-deps.sh" gcc-mingw-w64-x86-64 wine64 wine libgl1-mesa-dri

export WINEPREFIX=$prefix WINEDEBUG=-all
if [ ! -f "$prefix/system.reg" ] || [ ! -d "$prefix/drive_c/windows/system32" ]; then
	start=$(date +%s)
	# No display needed: wineboot only writes the registry and system files.
	DISPLAY= wineboot -i >/dev/null 2>&1
	wineserver -w
	echo "wine-prefix: $prefix created in $(($(date +%s) - start)) s"
fi

dll=$prefix/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$dll" ] || [ "$here/bcryptprimitives.c" -nt "$dll" ]; then
	x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -o "$dll.new" \
		"$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
	mv "$dll.new" "$dll"
	echo "wine-prefix: stub $dll (tests only)"
fi
