package planner_test

import (
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// TestReportedEmbedded checks the shipped series: every series present,
// NVIDIA's Q4 FY2026 data-centre revenue $62.31B (release 2026-02-25, read
// in press coverage) and FY2026 $193.7B, every capex series 2022-2026.
func TestReportedEmbedded(t *testing.T) {
	rep, err := assets.Reported()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := rep.Latest(planner.ReportedNVDAQuarter)
	if !ok || q.ValueUSD != 62.31e9 || !q.Has(planner.FlagQuarter) {
		t.Errorf("NVIDIA latest quarter %+v", q)
	}
	for _, id := range []string{"msft-capex", "googl-capex", "amzn-capex", "meta-capex", "nvda-dc-revenue", "openai-arr", "anthropic-arr"} {
		if rep.Find(id) == nil {
			t.Errorf("series %s missing", id)
		}
	}
	for _, id := range []string{"googl-capex", "amzn-capex", "meta-capex"} {
		s := rep.Find(id)
		if s.Points[0].Year != 2022 || s.Points[len(s.Points)-1].Year != 2026 || !s.Points[len(s.Points)-1].Has(planner.FlagGuidance) {
			t.Errorf("%s: want 2022-2026 with 2026 as guidance", id)
		}
	}
}

// TestReportedBad checks that malformed data is refused with the field named.
func TestReportedBad(t *testing.T) {
	good := `{"format":"aiplan-reported","version":"1","asOf":"2026-01-01","note":"","series":[{"id":"a","name":"A","company":"A","kind":"capex","definition":"d","points":[%s]}]}`
	pt := `{"period":"2024","year":2024,"valueUSD":%s,"date":"2024-12-31","source":"s","published":"2025-01-01","flags":[%s]}`
	cases := []struct{ name, data, want string }{
		{"empty", "", "reported data"},
		{"format", `{"format":"x"}`, "format"},
		{"negative", strings.Replace(good, "%s", strings.Replace(strings.Replace(pt, "%s", "-1", 1), "%s", `"actual"`, 1), 1), "valueUSD"},
		{"huge", strings.Replace(good, "%s", strings.Replace(strings.Replace(pt, "%s", "1e400", 1), "%s", `"actual"`, 1), 1), "reported data"},
		{"flag", strings.Replace(good, "%s", strings.Replace(strings.Replace(pt, "%s", "5", 1), "%s", `"maybe"`, 1), 1), "unknown flag"},
		{"no points", strings.Replace(good, "%s", "", 1), "no points"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := planner.ParseReported([]byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}
