# The README's two commands: `make run` and `make test`.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)

BIN := aiplan
# cgo + GLFW + OpenGL build on a bare Debian 12 (../shared/reference/toolchain.md).
BUILD_PKGS := ca-certificates git gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# Real window under Xvfb, screenshots, synthetic input; workbook recalculation.
TEST_PKGS := $(BUILD_PKGS) xvfb xauth x11-utils imagemagick xdotool libreoffice-calc-nogui
# fyne package writes the .tar.xz with xz, which a bare Debian 12 lacks.
PACKAGE_PKGS := $(BUILD_PKGS) xz-utils
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run build test deps-run deps-test deps-package smoke screenshot screenshots bench package clean

run: deps-run build
	./$(BIN)

# The first build compiles Fyne's cgo/OpenGL code: minutes with no output,
# so say so before it starts (build/.built marks a clone that built once).
build:
	@[ -f build/.built ] || echo "make: the first build compiles Fyne's cgo/OpenGL code (GLFW): several minutes (about 8 on 2 cores) with no output; later builds take seconds"
	go build -o $(BIN) ./cmd/aiplan
	@mkdir -p build && touch build/.built

deps-run:
	@scripts/install-deps.sh $(BUILD_PKGS)

deps-package:
	@scripts/install-deps.sh $(PACKAGE_PKGS)

deps-test:
	@scripts/install-deps.sh $(TEST_PKGS)

test: deps-test
	go vet ./...
	go test ./...
	$(MAKE) smoke
	$(MAKE) test-windows

# The real binary in a real window under Xvfb (scripts/smoke.sh).
smoke: build
	mkdir -p build
	xvfb-run -a -s '-screen 0 1366x768x24' scripts/smoke.sh ./$(BIN) build/smoke.png

# Every tab of the real window under Xvfb at 1366x768 (the size it opens
# at) and filling 1920x1080, for a person to look at (build/screens/).
screenshots: build
	xvfb-run -a -s '-screen 0 1366x768x24' scripts/screenshots.sh ./$(BIN) build/screens/1366x768
	xvfb-run -a -s '-screen 0 1920x1080x24' scripts/screenshots.sh ./$(BIN) build/screens/1920x1080 1920x1080

# The README's screenshot: the smoke test's real window under Xvfb.
screenshot: smoke
	cp build/smoke.png docs/screenshot.png

# The README's speed table: medians of BENCH_COUNT runs, with the machine.
BENCH_COUNT ?= 5
bench: build
	scripts/bench.sh $(BENCH_COUNT)

# Linux package (.tar.xz with the .desktop file and icon), from FyneApp.toml.
# fyne packs with xz; a failed or broken archive is removed, never left.
package: deps-package
	go install $(FYNE_TOOL)
	rm -f cmd/aiplan/*.tar.xz
	# fyne package bumps Build in FyneApp.toml; keep the tracked file as it is.
	mkdir -p build && cp cmd/aiplan/FyneApp.toml build/FyneApp.toml.keep
	cd cmd/aiplan && fyne package -os linux --release; rc=$$?; cd ../.. && mv build/FyneApp.toml.keep cmd/aiplan/FyneApp.toml; \
	if [ $$rc -ne 0 ] || ! ls cmd/aiplan/*.tar.xz >/dev/null 2>&1 || ! tar -tJf cmd/aiplan/*.tar.xz >/dev/null; then \
		rm -f cmd/aiplan/*.tar.xz; echo "make package: fyne package failed (exit $$rc) or wrote no valid archive; nothing kept" >&2; exit 1; fi
	mv cmd/aiplan/*.tar.xz build/
	@ls -l build/*.tar.xz

# Windows (scripts/windows/): the packaged GUI exe and its zip; a Wine prefix
# for tests (with a stub DLL that is never shipped); the exe under Wine + Xvfb.
WINEPREFIX ?= $(CURDIR)/build/wine
.PHONY: windows wine-prefix test-windows

windows:
	scripts/windows/package.sh build

wine-prefix:
	scripts/windows/wine-prefix.sh $(WINEPREFIX)

test-windows: build wine-prefix
	scripts/windows/test.sh ./$(BIN) $(WINEPREFIX) build/windows

clean:
	rm -rf $(BIN) build
