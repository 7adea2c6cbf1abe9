package main

import (
	"strings"
	"testing"
)

// The commands moved from the old flagSet shim to flags (gap, industry,
// data, tornado --gap) keep its behaviour: a repeated flag, an unknown
// flag, a missing value, a stray argument and a flag of another gap method
// are each one line naming the flag(s), exit 2; --help prints the usage.
func TestPortedCommandsFlagErrors(t *testing.T) {
	cases := []struct {
		args []string
		want []string // every one must appear in the one-line message
	}{
		{[]string{"gap", "--preset", "sequoia-2023", "--preset", "sequoia-2024"}, []string{"--preset: is given twice"}},
		{[]string{"gap", "--prior-vintages", "--prior-vintages"}, []string{"--prior-vintages: is given twice"}},
		{[]string{"gap", "--margin"}, []string{"--margin"}},
		{[]string{"gap", "--nope"}, []string{"--nope"}},
		{[]string{"gap", "extra"}, []string{`"extra"`, "--dc-revenue"}},
		{[]string{"gap", "--method", "capex-ratio", "--gpu-share", "0.5"}, []string{"--gpu-share", "cahn", "capex-ratio"}},
		{[]string{"gap", "--preset", "kupperman-2025", "--dc-revenue", "1B"}, []string{"--dc-revenue", "cahn", "capex-return"}},
		{[]string{"gap", "--margin", "2B"}, []string{"--margin", "2B"}},
		{[]string{"industry", "--gw", "1", "--gw", "2"}, []string{"--gw: is given twice"}},
		{[]string{"industry", "--json", "--json"}, []string{"--json: is given twice"}},
		{[]string{"industry", "--gw", "1", "--capex", "38B"}, []string{"--gw", "--capex"}},
		{[]string{"industry", "--gw", "-3"}, []string{"--gw"}},
		{[]string{"industry", "x"}, []string{`"x"`}},
		{[]string{"industry", "--currency", "EUR", "--currency", "GBP"}, []string{"--currency: is given twice"}},
		{[]string{"data", "--json", "--json"}, []string{"--json: is given twice"}},
		{[]string{"data", "--csv"}, []string{"--csv"}},
		{[]string{"data", "x"}, []string{`"x"`, "--json"}},
		{[]string{"tornado", "--gap", "--gap"}, []string{"--gap: is given twice"}},
		{[]string{"tornado", "--gap", "--margin", "0.5", "--margin", "0.6"}, []string{"--margin: is given twice"}},
		{[]string{"tornado", "--gap", "--output", "nope"}, []string{"--output", "nope"}},
		{[]string{"tornado", "--gap", "x"}, []string{`"x"`}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out, errs, code := runCmd(t, c.args...)
			msg := strings.TrimSpace(errs)
			if code != exitUsage || strings.Contains(msg, "\n") || out != "" {
				t.Fatalf("want exit 2, one line and no output; got %d %q (stdout %d bytes)", code, msg, len(out))
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not name %s", msg, w)
				}
			}
		})
	}
	for _, cmd := range []string{"gap", "industry", "data"} {
		out, errs, code := runCmd(t, cmd, "--help")
		if code != exitOK || errs != "" || !strings.HasPrefix(out, "aiplan "+cmd) {
			t.Errorf("%s --help: got %d %q %q; want the usage", cmd, code, errs, out[:min(len(out), 40)])
		}
	}
}
