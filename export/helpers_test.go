package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"aiplan/assets"
	"aiplan/planner"
)

// fixedClock is the About sheet's date in tests.
func fixedClock() time.Time { return time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC) }

// injectionNames are scenario names a spreadsheet would run as formulas if
// they were written as anything but text.
var injectionNames = []string{`=HYPERLINK("http://example.com/x","click")`, "+1", "-1", "@x", "=1+1"}

// testSet returns the built-in defaults plus edge scenarios that exercise
// every branch of planner.Evaluate.
func testSet(t testing.TB) (*planner.File, *planner.Catalog) {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	set, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	edge := []planner.Scenario{
		{Name: "Epoch mode + WACC", GPU: "h100", Depreciation: planner.DepreciationEpoch,
			Values: map[string]float64{"params": 7e10, "tokens": 1.5e13, "gpus": 16000, "wacc": 0.08}},
		{Name: "WACC + residual", GPU: "a100-80gb", Energy: "france-grid",
			Values: map[string]float64{"flops": 1e25, "gpus": 8192, "wacc": 0.1, "residual-value": 0.2, "depreciation-years": 5}},
		{Name: "WACC, no residual", GPU: "v100", PriceTier: planner.TierOnDemand,
			Values: map[string]float64{"flops": 3e23, "gpus": 1024, "wacc": 0.07}},
		{Name: "GPU-hours only", GPU: "tpu-v5p",
			Values: map[string]float64{"gpu-hours": 1e6, "gpus": 1000}},
		{Name: "FP8", GPU: "h100", Precision: planner.PrecisionFP8, Cooling: "immersion",
			Values: map[string]float64{"params": 4e11, "tokens": 1e13, "gpus": 20000}},
		{Name: "Experiments x3 + staff", GPU: "h200", Energy: "wind-onshore",
			Values: map[string]float64{"params": 2e11, "tokens": 8e12, "gpus": 30000, "experiments": 3, "staff-cost": 5e7}},
		{Name: "Renewables, host, goodput, efficiency", GPU: "b200", Energy: "germany-grid", Cooling: "liquid",
			Values: map[string]float64{"params": 5e11, "active-params": 1e11, "tokens": 2e13, "gpus": 50000,
				"renewable-share": 0.6, "host-power-factor": 1.37, "goodput": 0.9, "efficiency": 2}},
		{Name: "Tokens per parameter", GPU: "mi300x", PriceTier: planner.TierOneYear,
			Values: map[string]float64{"params": 7e10, "tokens-per-param": 20, "gpus": 2048, "mfu": 0.3}},
		{Name: "Custom accelerator", GPU: planner.CustomGPU,
			Values: map[string]float64{"params": 3e10, "tokens": 2e12, "gpus": 1024, "peak-flops": 6e14, "tdp-w": 800, "gpu-price": 25000, "gpu-hour-price": 2.5}},
		{Name: "Break-even n/a", GPU: "a100-40gb", Energy: "oil",
			Values: map[string]float64{"flops": 1e23, "gpus": 512, "gpu-hour-price": 0.01, "electricity-price": 5}},
	}
	// Parameters no other scenario has: the Provenance sheet groups equal
	// figures, and each name must stay alone in a cell there.
	for i, n := range injectionNames {
		edge = append(edge, planner.Scenario{Name: n, GPU: "h100",
			Values: map[string]float64{"params": float64(i+1) * 1.1e10, "tokens": 1e12, "gpus": 1000}})
	}
	set.Scenarios = append(set.Scenarios, edge...)
	return set, cat
}

// sweepSet returns n scenarios varying the main inputs with a fixed seed.
func sweepSet(t testing.TB, n int) (*planner.File, *planner.Catalog) {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	gpus := []string{"h100", "a100-80gb", "h200", "b200", "tpu-v5p"}
	energy := []string{"us-grid", "gas", "nuclear", "france-grid", "wind-onshore"}
	set := planner.NewFile(cat.Version, make([]planner.Scenario, n))
	for i := range set.Scenarios {
		set.Scenarios[i] = planner.Scenario{
			Name: fmt.Sprintf("sweep %05d", i+1), GPU: gpus[i%len(gpus)], Energy: energy[(i/5)%len(energy)],
			Values: map[string]float64{
				"params": 1e10 * float64(1+rng.IntN(100)), "tokens": 1e12 * float64(1+rng.IntN(30)),
				"gpus": float64(1000 * (1 + rng.IntN(100))), "mfu": 0.2 + 0.3*rng.Float64(),
			},
		}
	}
	return set, cat
}

// expected returns every output of the planner for sc by its estimate
// --json path; a nil pointer is a null.
func expected(t testing.TB, cat *planner.Catalog, sc *planner.Scenario) map[string]*float64 {
	t.Helper()
	r, _, err := planner.Estimate(cat, sc)
	if err != nil {
		t.Fatalf("%s: %v", sc.Name, err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]*float64{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, x)
			}
		case float64:
			out[prefix] = &v
		case nil:
			out[prefix] = nil
		}
	}
	walk("", m)
	return out
}

func writeBook(t testing.TB, set *planner.File, cat *planner.Catalog, opts Options) []byte {
	t.Helper()
	if opts.Clock == nil {
		opts.Clock = fixedClock
	}
	var buf bytes.Buffer
	if err := Write(&buf, set, cat, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// soffice returns the LibreOffice binary. In CI (CI=true) a missing
// LibreOffice fails the test; elsewhere the test is skipped.
func soffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("LibreOffice (soffice) is required in CI: apt-get install libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice (soffice) not found; install libreoffice-calc-nogui to run the recalculation test")
	return ""
}

// recalcXCU makes LibreOffice always recalculate on load.
const recalcXCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// csvFilter dumps every sheet (-1) as UTF-8 CSV with raw (not formatted)
// values.
const csvFilter = `csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1`

// convert writes book to a temporary folder as book.xlsx and converts it
// with LibreOffice headless (its own profile, set to recalculate every
// formula on load) through the filter; it returns the output folder,
// soffice's messages and the time the conversion took.
func convert(t testing.TB, book []byte, filter string) (out string, msg []byte, took time.Duration) {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcXCU), 0o644); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, book, 0o644); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+profile, "--headless",
		"--convert-to", filter, "--outdir", out, in)
	start := time.Now()
	msg, err := cmd.CombinedOutput()
	took = time.Since(start)
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	return out, msg, took
}

// recalc converts book with LibreOffice headless, recalculating every
// formula, and returns each sheet's rows by sheet name and the time taken.
func recalc(t testing.TB, book []byte, sheets ...string) (map[string][][]string, time.Duration) {
	t.Helper()
	out, msg, took := convert(t, book, csvFilter)
	res := map[string][][]string{}
	for _, s := range sheets {
		p := filepath.Join(out, "book-"+s+".csv")
		b, err := os.ReadFile(p)
		if err != nil {
			entries, _ := os.ReadDir(out)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("sheet %s: %v (soffice wrote %s; output %s)", s, err, strings.Join(names, ", "), msg)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: %v", s, err)
		}
		res[s] = rows
	}
	return res, took
}

// relClose reports whether got is within tol of want, relatively (absolutely
// near zero).
func relClose(got, want, tol float64) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	scale := want
	if scale < 0 {
		scale = -scale
	}
	if scale < 1e-300 {
		return d <= tol
	}
	return d <= tol*scale
}

// checkModelRows compares every Model cell of rows (keys in row 3) with the
// planner's outputs for set, to tol relative. get returns a cell's text.
func checkModelRows(t *testing.T, set *planner.File, cat *planner.Catalog, tol float64, get func(row, col int) string) {
	t.Helper()
	l, err := newLayout()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := range set.Scenarios {
		sc := &set.Scenarios[i]
		want := expected(t, cat, sc)
		if got := get(FirstRow+i, 1); got != sc.Name {
			t.Errorf("Model row %d name: want %q, got %q", FirstRow+i, sc.Name, got)
		}
		for path, w := range want {
			j, ok := l.mIndex[path]
			if !ok {
				t.Errorf("%s: output %s has no Model column", sc.Name, path)
				continue
			}
			got := get(FirstRow+i, j+1)
			checked++
			if w == nil {
				if got != NA {
					t.Errorf("%s %s: want %q (null), got %q", sc.Name, path, NA, got)
				}
				continue
			}
			v, err := parseCell(got)
			if err != nil {
				t.Errorf("%s %s: want %g, got %q", sc.Name, path, *w, got)
				continue
			}
			if !relClose(v, *w, tol) {
				t.Errorf("%s %s: want %.17g, got %.17g (rel err %.2g)", sc.Name, path, *w, v, (v-*w) / *w)
			}
		}
	}
	if checked < 40*len(set.Scenarios) {
		t.Errorf("checked %d Model cells; want at least %d", checked, 40*len(set.Scenarios))
	}
}

// parseCell reads a number from a CSV cell; LibreOffice keeps the percent
// sign of a percent-formatted cell even when not saving "as shown".
func parseCell(s string) (float64, error) {
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, err := strconv.ParseFloat(p, 64)
		return v / 100, err
	}
	return strconv.ParseFloat(s, 64)
}
