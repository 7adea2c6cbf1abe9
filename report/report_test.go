package report

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"aiplan/assets"
	"aiplan/planner"
	"aiplan/plot"
)

func fixedNow() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) }

func defaults(t *testing.T) (*planner.File, *planner.Catalog) {
	t.Helper()
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	return f, cat
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (poppler-utils; make deps-test)", tool)
		}
	}
}

// render writes the report of the defaults to a temporary file.
func render(t *testing.T, opt Options) string {
	t.Helper()
	f, cat := defaults(t)
	opt.Now, opt.AppVersion = fixedNow, "test"
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := WriteFile(path, f, cat, opt); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// TestReportPages renders the default report on both papers with pdftoppm
// and checks the page count and the paper size.
func TestReportPages(t *testing.T) {
	need(t, "pdftoppm", "pdfinfo")
	for _, tc := range []struct {
		paper string
		size  string // pdfinfo's "Page size" in points
	}{
		{"a4", "595.28 x 841.89 pts (A4)"},
		{"letter", "612 x 792 pts (letter)"},
	} {
		t.Run(tc.paper, func(t *testing.T) {
			pdf := render(t, Options{Paper: tc.paper})
			if info := run(t, "pdfinfo", pdf); !strings.Contains(info, tc.size) {
				t.Errorf("pdfinfo: want page size %q in\n%s", tc.size, info)
			}
			dir := t.TempDir()
			run(t, "pdftoppm", "-png", "-r", "40", pdf, filepath.Join(dir, "p"))
			pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
			if len(pages) == 0 || len(pages) > 2 {
				t.Errorf("pdftoppm rendered %d pages; want 1 or 2", len(pages))
			}
			if os.Getenv("REPORT_KEEP") != "" {
				run(t, "pdftoppm", "-png", "-r", "100", pdf, filepath.Join(os.Getenv("REPORT_KEEP"), tc.paper))
			}
		})
	}
}

// TestReportText checks the key figures through pdftotext. The expected
// figures are those of the built-in scenarios' notes (assets/defaults.aiplan):
// GPT-4 class 57M GPU-hours x $1.45 (AWS p4d 3-year) = $82.65M (Epoch AI
// $78.6M, AI Index $78.4M: within 6%); Gemini 1 Ultra class 132M chip-hours
// x $1.45 = $191.4M (AI Index 2024); next-generation 3e26 FLOP on 100,000
// H100 at 40% MFU = 211M GPU-hours x $4.86 = $1.02B.
func TestReportText(t *testing.T) {
	need(t, "pdftotext")
	pdf := render(t, Options{})
	text := run(t, "pdftotext", "-layout", pdf, "-")
	for _, want := range []string{
		"$82.7M", "$191M", "$1.02B", "57M GPU-h", "132M GPU-h", "211M GPU-h", "2.1e25", "3e26",
		"GPT-4 class", "(baseline)", "Key figures", "Bubble risk", "What drives", "Sources", "[1]",
		"catalogue " + mustCatalog(t).Version, "page 1 of 2", "page 2 of 2",
		// Sequoia 2024 (Cahn, "AI's $600B Question"): $600B needed, $100B revenue, $500B gap.
		"revenue needed $600B", "AI revenue $100B", "gap $500B",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext: want %q in the report", want)
		}
	}
	for _, bad := range []string{"NaN", "Inf", "n/a"} {
		if strings.Contains(text, bad) {
			t.Errorf("pdftotext: %q in the report", bad)
		}
	}
}

func mustCatalog(t *testing.T) *planner.Catalog {
	_, cat := defaults(t)
	return cat
}

// TestReportMinimumTextSize reads every word box of pdftotext -bbox. For
// Helvetica a box is ascent + descent = 0.925 of the font size (7 pt gives
// 6.475 pt), so a box below 0.925 x 7 pt is text below 7 pt.
func TestReportMinimumTextSize(t *testing.T) {
	need(t, "pdftotext")
	for _, paper := range Papers {
		t.Run(paper, func(t *testing.T) {
			pdf := render(t, Options{Paper: paper})
			html := filepath.Join(t.TempDir(), "words.html")
			run(t, "pdftotext", "-bbox", pdf, html)
			b, err := os.ReadFile(html)
			if err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<`)
			words := re.FindAllStringSubmatch(string(b), -1)
			if len(words) < 300 {
				t.Fatalf("pdftotext -bbox: %d words; want a full report", len(words))
			}
			for _, m := range words {
				lo, _ := strconv.ParseFloat(m[1], 64)
				hi, _ := strconv.ParseFloat(m[2], 64)
				if pt := (hi - lo) / 0.925; pt < minPt-0.01 {
					t.Errorf("word %q set at %.2f pt; want at least %v pt", m[3], pt, minPt)
				}
			}
		})
	}
}

func TestReportOptionErrors(t *testing.T) {
	f, cat := defaults(t)
	empty := planner.NewFile(cat.Version, nil)
	bad := f.Scenarios[0].Clone()
	bad.Name = "broken"
	bad.Values = map[string]float64{"gpus": -5}
	broken := planner.NewFile(cat.Version, []planner.Scenario{bad})
	for _, tc := range []struct {
		name  string
		f     *planner.File
		opt   Options
		field string
	}{
		{"paper a3", f, Options{Paper: "a3"}, "paper"},
		{"max 7", f, Options{Max: 7}, "max"},
		{"max negative", f, Options{Max: -1}, "max"},
		{"unknown scenario", f, Options{Scenarios: []string{"nope"}}, "scenario"},
		{"scenario twice", f, Options{Scenarios: []string{"GPT-4 class", "GPT-4 class"}}, "scenario"},
		{"too many scenarios", f, Options{Scenarios: []string{"a", "b", "c", "d", "e", "f", "g"}}, "scenario"},
		{"no scenarios", empty, Options{}, "scenarios"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tc.f, cat, tc.opt)
			if got := planner.ErrField(err); got != tc.field {
				t.Errorf("error %v names field %q; want %q", err, got, tc.field)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on error", buf.Len())
			}
		})
	}
	t.Run("scenario that does not evaluate", func(t *testing.T) {
		var buf bytes.Buffer
		var se *plot.ScenarioError
		if err := Write(&buf, broken, cat, Options{}); !errors.As(err, &se) || se.Name != "broken" {
			t.Errorf("error %v; want a ScenarioError naming %q", err, "broken")
		}
	})
}

func TestReportSelection(t *testing.T) {
	f, _ := defaults(t)
	for _, tc := range []struct {
		name  string
		names []string
		max   int
		want  []string
	}{
		{"baseline first, up to max", nil, 3, []string{"GPT-4 class", "Gemini 1 Ultra class", "Next-gen 1T x 50T"}},
		{"named, in order", []string{"Next-gen on gas", "GPT-4 class"}, 6, []string{"Next-gen on gas", "GPT-4 class"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scs, err := pick(f, tc.names, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range scs {
				got = append(got, s.Name)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("picked %q; want %q", got, tc.want)
			}
		})
	}
	g := *f
	g.Baseline = "Next-gen on gas"
	scs, _ := pick(&g, nil, 2)
	if len(scs) != 2 || scs[0].Name != "Next-gen on gas" || scs[1].Name != "GPT-4 class" {
		t.Errorf("with baseline %q picked %v; want it first, then the first scenario", g.Baseline, scs)
	}
}

// TestReportUnwritable: a path that cannot be written fails and leaves no
// file behind.
func TestReportUnwritable(t *testing.T) {
	f, cat := defaults(t)
	dir := t.TempDir()
	for _, tc := range []struct{ name, path string }{
		{"missing folder", filepath.Join(dir, "no", "such", "report.pdf")},
		{"a folder", dir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := WriteFile(tc.path, f, cat, Options{Now: fixedNow}); err == nil {
				t.Errorf("WriteFile(%q) succeeded; want an error", tc.path)
			}
		})
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestCompact(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		unit string
		want string
	}{
		{211e6, "GPU-h", "211M GPU-h"}, {25000, "", "25k"}, {1.02e9, "", "1.02B"},
		{999.6, "", "1k"}, {12, "L", "12 L"}, {0, "", "0"},
	} {
		if got := compact(tc.v, tc.unit); got != tc.want {
			t.Errorf("compact(%v, %q) = %q; want %q", tc.v, tc.unit, got, tc.want)
		}
	}
}

// TestWriteReport: the window's entry point writes a PDF of the open set
// and nothing on a bad paper name.
func TestWriteReport(t *testing.T) {
	f, cat := defaults(t)
	var buf bytes.Buffer
	if err := WriteReport(&buf, f, cat, "letter", "1.0"); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("WriteReport: %v, %d bytes; want a PDF", err, buf.Len())
	}
	buf.Reset()
	if err := WriteReport(&buf, f, cat, "tabloid", "1.0"); planner.ErrField(err) != "paper" || buf.Len() != 0 {
		t.Errorf("WriteReport(tabloid): %v, %d bytes; want a paper error and nothing written", err, buf.Len())
	}
}

// TestReportHostileName: a scenario named like a formula, with typographic
// quotes, a dash, CJK and a 200-character tail, lays out on two pages; the
// characters of the core font's code page survive, the others print as
// ".", and nothing prints as a replacement character.
func TestReportHostileName(t *testing.T) {
	need(t, "pdftotext", "pdfinfo")
	f, cat := defaults(t)
	g := *f
	g.Scenarios = append([]planner.Scenario(nil), f.Scenarios[:3]...)
	g.Scenarios[1].Name = "=SUM(A1) 北京 — “quoted” " + strings.Repeat("long name ", 18)
	path := filepath.Join(t.TempDir(), "hostile.pdf")
	if err := WriteFile(path, &g, cat, Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	text := run(t, "pdftotext", "-layout", path, "-")
	for _, want := range []string{"=SUM(A1)", "— “quoted”", "$191M"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext: want %q", want)
		}
	}
	if strings.Contains(text, "\uFFFD") || strings.Contains(text, "ï¿½") {
		t.Error("pdftotext: a replacement character in the report")
	}
	if info := run(t, "pdfinfo", path); !strings.Contains(info, "Pages:           2") {
		t.Errorf("pdfinfo: want 2 pages\n%s", info)
	}
}

// BenchmarkWrite lays out the default report (six scenarios, three charts
// at 300 dpi, one tornado) in memory.
func BenchmarkWrite(b *testing.B) {
	f, err := assets.Defaults()
	if err != nil {
		b.Fatal(err)
	}
	cat, err := assets.Catalog()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, f, cat, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/report")
}
