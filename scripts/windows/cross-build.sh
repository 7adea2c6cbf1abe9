#!/usr/bin/env bash
# cross-build.sh OUTDIR: cross-compiles the Windows build for the tests with
# plain 'go build' (cgo through mingw-w64): OUTDIR/aiplan.exe, a GUI program
# like the shipped one (-H=windowsgui), and OUTDIR/atomicfile.test.exe, the
# Windows-only tests of internal/atomicfile, and OUTDIR/noconsole-launch.exe
# (a test helper, see noconsole-launch.c). The first build compiles GLFW's
# C sources for Windows (about 15 minutes on 2 busy cores); later ones take
# seconds. 'make windows' packages with 'fyne package' instead.
set -euo pipefail
out=${1:?usage: cross-build.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
"$here/../install-deps.sh" gcc-mingw-w64-x86-64
mkdir -p "$out"
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
start=$(date +%s)
nice go build -ldflags=-H=windowsgui -o "$out/aiplan.exe" ./cmd/aiplan
nice go test -c -o "$out/atomicfile.test.exe" ./internal/atomicfile
x86_64-w64-mingw32-gcc -municode -O2 -s -Wall -o "$out/noconsole-launch.exe" "$here/noconsole-launch.c"
echo "cross-build: $out/aiplan.exe ($(stat -c %s "$out/aiplan.exe") bytes) in $(($(date +%s) - start)) s"
