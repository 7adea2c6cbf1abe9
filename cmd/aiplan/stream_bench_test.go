package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/planner"
)

// writeBigSet writes a scenario file of n scenarios and returns its path.
func writeBigSet(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString(`{"format":"aiplan-scenarios","version":1,"catalogVersion":"x","scenarios":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"s%d","gpu":"h100","values":{"params":%d,"tokens":2e12,"gpus":512}}`, i, 7_000_000_000+i*1_000_000)
	}
	b.WriteString("]}")
	path := filepath.Join(tb.TempDir(), "big.aiplan")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkEstimateSet measures 'estimate --scenarios FILE' on 10,000
// scenarios (issue 15 item 7; the 100,000-scenario figures are measured with
// /usr/bin/time -v, see docs/readme/cli.md).
func BenchmarkEstimateSet(b *testing.B) {
	path := writeBigSet(b, 10_000)
	for _, form := range []string{"json", "table"} {
		b.Run(form, func(b *testing.B) {
			args := []string{"estimate", "--scenarios", path}
			if form == "json" {
				args = append(args, "--json")
			}
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/scenario")
		})
	}
}

// Issue 15 item 7: the streamed --json of a set is byte for byte the
// indented array the command printed before streaming (one MarshalIndent
// of all reports), over several chunks, and the table form prints every
// scenario in order.
func TestEstimateSetStreamsSameBytes(t *testing.T) {
	for _, n := range []int{0, 1, 3, setChunk + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			path := writeBigSet(t, n)
			set, err := loadScenarios(path)
			if err != nil {
				t.Fatal(err)
			}
			cat := embeddedCatalog(t)
			reports := make([]planner.Report, 0, n)
			for i := range set.Scenarios {
				r, res, err := planner.Estimate(cat, &set.Scenarios[i])
				if err != nil {
					t.Fatal(err)
				}
				reports = append(reports, planner.NewReport(set.Scenarios[i].Name, r, res))
			}
			// with "currency" as the default basis object (issue 17)
			basis, err := currencyFromFlags(func(string) (string, bool) { return "", false })
			if err != nil {
				t.Fatal(err)
			}
			conv, err := planner.ConvertJSON(reports, basis.cur)
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.MarshalIndent(conv, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out, errOut, code := runCmd(t, "estimate", "--scenarios", path, "--json")
			if code != exitOK || out != string(want)+"\n" {
				t.Errorf("exit %d %s: streamed JSON differs from MarshalIndent (%d vs %d bytes)", code, errOut, len(out), len(want)+1)
			}
			out, _, _ = runCmd(t, "estimate", "--scenarios", path)
			if got := strings.Count(out, "\n== s"); got+boolInt(strings.HasPrefix(out, "== s")) != n {
				t.Errorf("table: want %d scenario headings, got %d", n, got)
			}
			if n > 1 && strings.Index(out, fmt.Sprintf("== s%d ==", n-1)) < strings.Index(out, "== s0 ==") {
				t.Error("table: scenarios out of order")
			}
		})
	}
	// A bad scenario anywhere: exit 2, one line naming it, nothing on stdout.
	path := filepath.Join(t.TempDir(), "bad.aiplan")
	data := strings.Replace(readAll(t, writeBigSet(t, setChunk*3)), `{"name":"s700","gpu":"h100","values":{`, `{"name":"s700","gpu":"a100-40gb","precision":"fp8","values":{`, 1)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCmd(t, "estimate", "--scenarios", path, "--json")
	if code != exitUsage || out != "" || !strings.Contains(errOut, `"s700"`) {
		t.Errorf("bad scenario 700: want exit 2, no output, its name; got %d %d bytes %q", code, len(out), errOut)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func readAll(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
