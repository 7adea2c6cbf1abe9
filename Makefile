# The README's two commands: `make run` and `make test`.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)

BIN := aiplan
# cgo + GLFW + OpenGL build on a bare Debian 12 (../shared/reference/toolchain.md).
BUILD_PKGS := ca-certificates git gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# Real window under Xvfb, screenshots, synthetic input; workbook recalculation.
TEST_PKGS := $(BUILD_PKGS) xvfb xauth x11-utils imagemagick xdotool libreoffice-calc-nogui
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run build test deps-run deps-test smoke screenshot bench package clean

run: deps-run build
	./$(BIN)

build:
	go build -o $(BIN) ./cmd/aiplan

deps-run:
	@scripts/install-deps.sh $(BUILD_PKGS)

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
	xvfb-run -a -s '-screen 0 1280x800x24' scripts/smoke.sh ./$(BIN) build/smoke.png

# The README's screenshot: the smoke test's real window under Xvfb.
screenshot: smoke
	cp build/smoke.png docs/screenshot.png

bench:
	go test ./... -run '^$$' -bench . -benchmem

# Linux package (.tar.xz with the .desktop file and icon), from FyneApp.toml.
package: deps-run
	go install $(FYNE_TOOL)
	# fyne package bumps Build in FyneApp.toml; keep the tracked file as it is.
	mkdir -p build && cp cmd/aiplan/FyneApp.toml build/FyneApp.toml.keep
	cd cmd/aiplan && fyne package -os linux --release; rc=$$?; cd ../.. && mv build/FyneApp.toml.keep cmd/aiplan/FyneApp.toml; exit $$rc
	mkdir -p build && mv cmd/aiplan/*.tar.xz build/
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
