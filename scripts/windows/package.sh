#!/usr/bin/env bash
# package.sh OUTDIR: 'make windows'. Builds OUTDIR/aiplan.exe with
# 'fyne package -os windows --release' (a GUI program, -H=windowsgui, with
# the icon, version and manifest from cmd/aiplan/FyneApp.toml embedded) and
# OUTDIR/aiplan-VERSION-windows-amd64.zip with the exe and README.txt (CRLF
# line ends, for Notepad). fyne package bumps Build in FyneApp.toml: the
# tracked file is restored, as 'make package' does. The first run compiles
# GLFW's C sources with fyne's flags (about 13 minutes on 2 busy cores).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: package.sh OUTDIR}
"$here/../install-deps.sh" gcc-mingw-w64-x86-64 zip
go install fyne.io/tools/cmd/fyne@v1.7.4
fyne=$(go env GOPATH)/bin/fyne
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=cmd/aiplan
name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$src/FyneApp.toml")
[ -n "$name" ] && [ -n "$version" ] || { echo "package: no Name or Version in $src/FyneApp.toml" >&2; exit 1; }

keep=$(mktemp)
cp "$src/FyneApp.toml" "$keep"
restore() { cp "$keep" "$src/FyneApp.toml" && rm -f "$keep"; }
trap restore EXIT
start=$(date +%s)
(cd "$src" && CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
	nice "$fyne" package -os windows --release)
mv "$src/$name.exe" "$out/aiplan.exe"
# A GUI program (no console window from Explorer) with resources (icon,
# version, manifest).
x86_64-w64-mingw32-objdump -p "$out/aiplan.exe" | grep 'Subsystem.*(Windows GUI)' >/dev/null ||
	{ echo "package: $out/aiplan.exe is not a GUI program" >&2; exit 1; }
x86_64-w64-mingw32-objdump -h "$out/aiplan.exe" | grep '\.rsrc' >/dev/null ||
	{ echo "package: $out/aiplan.exe has no resources (icon, version)" >&2; exit 1; }
echo "package: $out/aiplan.exe ($(stat -c %s "$out/aiplan.exe") bytes) in $(($(date +%s) - start)) s"

stage=$(mktemp -d)
cp "$out/aiplan.exe" "$stage/aiplan.exe"
sed 's/$/\r/' "$here/README.txt" >"$stage/README.txt"
zip="$out/aiplan-$version-windows-amd64.zip"
rm -f "$zip"
(cd "$stage" && TZ=UTC zip -q -X -9 "$zip" aiplan.exe README.txt)
rm -rf "$stage"
echo "package: $zip ($(stat -c %s "$zip") bytes)"
