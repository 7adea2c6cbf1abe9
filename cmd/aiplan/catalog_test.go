package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// runCatalogCmd runs "aiplan catalog args..." and returns the exit code and
// both streams.
func runCatalogCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"catalog"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func embeddedCatalog(t *testing.T) *planner.Catalog {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatalf("embedded catalogue: %v", err)
	}
	return cat
}

// lineStarting returns the first output line whose first field is id.
func lineStarting(out, id string) string {
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == id {
			return l
		}
	}
	return ""
}

func TestCatalogTable(t *testing.T) {
	cat := embeddedCatalog(t)
	code, out, errs := runCatalogCmd()
	if code != exitOK {
		t.Fatalf("catalog: want exit 0, got %d (%s)", code, errs)
	}
	hasSource := func(line string) bool {
		if strings.Contains(line, "assumption") {
			return true
		}
		for k := range cat.Sources {
			if strings.Contains(line, k) {
				return true
			}
		}
		return false
	}
	ids := append(cat.AcceleratorIDs(), cat.EnergySourceIDs()...)
	ids = append(ids, cat.CoolingIDs()...)
	for _, id := range ids {
		l := lineStarting(out, id)
		if l == "" {
			t.Errorf("catalog: want a row for %s, got none", id)
			continue
		}
		if !hasSource(l) {
			t.Errorf("catalog: want a source key on the row of %s, got %q", id, l)
		}
	}
	// H100's dense BF16 peak in TFLOP/s, never the sparse 1978.9.
	if l := lineStarting(out, "h100"); !strings.Contains(l, "989.4") {
		t.Errorf("catalog h100: want 989.4 TFLOP/s, got %q", l)
	}
	// TPU v5p's TDP is not published: its row must say so.
	if l := lineStarting(out, "tpu-v5p"); !strings.Contains(l, "(assumption)") {
		t.Errorf("catalog tpu-v5p: want the TDP marked (assumption), got %q", l)
	}
}

// TestCatalogRangesTable checks that every default uncertainty range has a
// row naming its source or "assumption".
func TestCatalogRangesTable(t *testing.T) {
	cat := embeddedCatalog(t)
	code, out, errs := runCatalogCmd()
	if code != exitOK {
		t.Fatalf("catalog: want exit 0, got %d (%s)", code, errs)
	}
	_, ranges, ok := strings.Cut(out, "Default uncertainty ranges")
	if !ok {
		t.Fatalf("catalog: want a section \"Default uncertainty ranges\", got none")
	}
	for _, d := range append(append([]planner.DefaultRange{}, cat.Uncertainty.Inputs...), cat.Uncertainty.Gap...) {
		l := lineStarting(ranges, d.Key)
		switch {
		case l == "":
			t.Errorf("catalog ranges: want a row for %s, got none", d.Key)
		case d.IsAssumption() && !strings.Contains(l, "assumption"):
			t.Errorf("catalog ranges %s: want it marked assumption, got %q", d.Key, l)
		case d.Source != "" && !strings.Contains(l, d.Source):
			t.Errorf("catalog ranges %s: want source %s, got %q", d.Key, d.Source, l)
		}
	}
	if l := lineStarting(ranges, "mfu"); !strings.Contains(l, "0.2-0.52") || !strings.Contains(l, "uniform") {
		t.Errorf("catalog ranges mfu: want uniform 0.2-0.52, got %q", l)
	}
	if l := lineStarting(ranges, "gpu-price"); !strings.Contains(l, "30000-40000 around 33810") {
		t.Errorf("catalog ranges gpu-price: want the evidence 30000-40000 around 33810, got %q", l)
	}
}

func TestCatalogJSON(t *testing.T) {
	cat := embeddedCatalog(t)
	code, out, errs := runCatalogCmd("--json")
	if code != exitOK {
		t.Fatalf("catalog --json: want exit 0, got %d (%s)", code, errs)
	}
	got, err := planner.ParseCatalog([]byte(out))
	if err != nil {
		t.Fatalf("catalog --json: want a valid catalogue, got %v", err)
	}
	if got.Version != cat.Version || len(got.Accelerators) != len(cat.Accelerators) ||
		len(got.EnergySources) != len(cat.EnergySources) || len(got.Runs) != len(cat.Runs) {
		t.Errorf("catalog --json: want the embedded catalogue back, got version %s with %d accelerators",
			got.Version, len(got.Accelerators))
	}
	var generic map[string]any
	if err := json.Unmarshal([]byte(out), &generic); err != nil {
		t.Fatalf("catalog --json: %v", err)
	}
}

func TestCatalogSources(t *testing.T) {
	cat := embeddedCatalog(t)
	code, out, errs := runCatalogCmd("--sources")
	if code != exitOK {
		t.Fatalf("catalog --sources: want exit 0, got %d (%s)", code, errs)
	}
	for k, s := range cat.Sources {
		want := k + ": " + s.Citation
		if !strings.Contains(out, want) {
			t.Errorf("catalog --sources: want %q, got none", want)
		}
	}
	ds, err := assets.DevRuns()
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range ds.Sources {
		if !strings.Contains(out, k+": "+s.Citation) {
			t.Errorf("catalog --sources: development-set source %s missing", k)
		}
	}
	// One line a source, then a blank line and a heading for the dev set.
	if n, want := strings.Count(out, "\n"), len(cat.Sources)+2+len(ds.Sources); n != want {
		t.Errorf("catalog --sources: want %d lines, got %d", want, n)
	}
}

func TestCatalogBadFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"--nope"}},
		{"flag with a value", []string{"--json=yes"}},
		{"positional argument", []string{"h100"}},
		{"both outputs", []string{"--json", "--sources"}},
	}
	for _, tc := range cases {
		code, out, errs := runCatalogCmd(tc.args...)
		if code != exitUsage {
			t.Errorf("%s: want exit %d, got %d", tc.name, exitUsage, code)
		}
		if out != "" || !strings.HasPrefix(errs, "aiplan: ") {
			t.Errorf("%s: want one message on stderr and nothing on stdout, got %q / %q", tc.name, out, errs)
		}
	}
	if code, out, _ := runCatalogCmd("--help"); code != exitOK || !strings.Contains(out, "--sources") {
		t.Errorf("catalog --help: want exit 0 and the usage, got %d, %q", code, out)
	}
}

// TestCatalogMFUPrior checks `aiplan catalog` documents the fitted prior:
// its four terms, the band factor and the largest residuals.
func TestCatalogMFUPrior(t *testing.T) {
	code, out, errs := runCatalogCmd()
	if code != exitOK {
		t.Fatalf("catalog: exit %d (%s)", code, errs)
	}
	for _, want := range []string{"MFU prior", "log10(active params / 10B)", "Hopper-class x log10", "Hopper-class", "Largest residuals", "tinyllama-1.1b"} {
		if !strings.Contains(out, want) {
			t.Errorf("catalog: want %q in the MFU prior section", want)
		}
	}
}
