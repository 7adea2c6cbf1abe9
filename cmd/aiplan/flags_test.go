package main

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The one parse every command uses (issue 11 item 4, issue 15 item 3):
// flags before and after positional arguments, "--", every flag refusing
// a repeat, and one-line errors naming the flag.
func TestFlagsParse(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		pos     []string
		out     string
		json    bool
		qty     float64
		vary    []string
		wantErr string // substring; "" = no error
	}{
		{"flags after positional", []string{"in.aiplan", "-o", "out.xlsx"}, []string{"in.aiplan"}, "out.xlsx", false, 0, nil, ""},
		{"flags before positional", []string{"--o=out.xlsx", "in.aiplan"}, []string{"in.aiplan"}, "out.xlsx", false, 0, nil, ""},
		{"flags between positionals", []string{"a", "--json", "b", "--params", "175B"}, []string{"a", "b"}, "", true, 175e9, nil, ""},
		{"quantity syntax", []string{"--params", "$2.50"}, nil, "", false, 2.5, nil, ""},
		{"percent", []string{"--params=30%"}, nil, "", false, 0.3, nil, ""},
		{"negative value after a value flag", []string{"--params", "-5"}, nil, "", false, -5, nil, ""},
		{"dash is positional", []string{"-o", "-", "-"}, []string{"-"}, "-", false, 0, nil, ""},
		{"double dash ends flags", []string{"a", "--", "--json", "-o"}, []string{"a", "--json", "-o"}, "", false, 0, nil, ""},
		{"repeatable list", []string{"--vary", "a=1,2", "x", "--vary", "b=3"}, []string{"x"}, "", false, 0, []string{"a=1,2", "b=3"}, ""},
		{"bool twice", []string{"--json", "--json"}, nil, "", false, 0, nil, "--json: is given twice"},
		{"bool twice after positional", []string{"x", "--json", "y", "-json"}, nil, "", false, 0, nil, "--json: is given twice"},
		{"value twice", []string{"-o", "a", "b", "-o", "c"}, nil, "", false, 0, nil, "-o: is given twice"},
		{"quantity twice", []string{"--params", "1", "--params=1"}, nil, "", false, 0, nil, "--params: is given twice"},
		{"bool with a value", []string{"--json=false"}, nil, "", false, 0, nil, "--json: takes no value"},
		{"missing value", []string{"x", "-o"}, nil, "", false, 0, nil, "-o needs a value"},
		{"unknown flag", []string{"--jsn"}, nil, "", false, 0, nil, "unknown flag --jsn; accepted: --help --json -o --params --vary"},
		{"bad quantity", []string{"--params", "2,5"}, nil, "", false, 0, nil, "--params: "},
		{"bad syntax", []string{"---x"}, nil, "", false, 0, nil, "---x: not a flag"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFlags()
			asJSON := f.Bool("json")
			o := f.String("o")
			var qty float64
			f.Quantity("params", &qty, nil)
			vary := f.List("vary")
			pos, err := f.Parse(c.args)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("want one line containing %q, got %v", c.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("want no error, got %v", err)
			}
			if !slices.Equal(pos, c.pos) || *o != c.out || *asJSON != c.json || qty != c.qty || !slices.Equal(*vary, c.vary) {
				t.Errorf("got pos %q -o %q json %v params %g vary %q; want %q %q %v %g %q",
					pos, *o, *asJSON, qty, *vary, c.pos, c.out, c.json, c.qty, c.vary)
			}
		})
	}
	for _, help := range [][]string{{"--help"}, {"-h"}, {"x", "-help"}} {
		f := newFlags()
		if _, err := f.Parse(help); !errors.Is(err, errHelp) {
			t.Errorf("%q: want errHelp, got %v", help, err)
		}
	}
}

// Issue 15 item 3: in every command a repeated flag, boolean or not, is a
// usage error (exit 2) of one line naming it.
func TestEveryCommandRefusesRepeatedFlags(t *testing.T) {
	cases := []struct {
		args []string
		flag string
	}{
		{[]string{"estimate", "--json", "--json"}, "--json"},
		{[]string{"estimate", "--params", "7B", "--params", "8B"}, "--params"},
		{[]string{"estimate", "--uncertainty", "--uncertainty"}, "--uncertainty"},
		{[]string{"catalog", "--sources", "--sources"}, "--sources"},
		{[]string{"backtest", "--json", "--json"}, "--json"},
		{[]string{"scenarios", "--defaults", "--defaults"}, "--defaults"},
		{[]string{"project", "--json", "--growth", "2", "--json"}, "--json"},
		{[]string{"serving", "--gap", "1B", "--gap", "2B"}, "--gap"},
		{[]string{"tornado", "--json", "--json"}, "--json"},
		{[]string{"tornado", "--gap", "--json", "--json"}, "--json"},
		{[]string{"chart", "breakdown", "--dark", "--dark", "-o", "x.png"}, "--dark"},
		{[]string{"sweep", "-o", "a", "-o", "b"}, "-o"},
		{[]string{"export", "in.aiplan", "-o", "a.xlsx", "-o", "b.xlsx"}, "-o"},
		{[]string{"import", "in.xlsx", "-o", "a", "--help", "--help"}, "--help"},
		{[]string{"gap", "--json", "--json"}, "--json"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb strings.Builder
			code := run(c.args, nil, &out, &errb)
			msg := strings.TrimSpace(errb.String())
			if code != exitUsage || strings.Contains(msg, "\n") || !strings.Contains(msg, c.flag+": is given twice") {
				t.Errorf("want exit 2 and one line %q, got %d %q", c.flag+": is given twice", code, msg)
			}
		})
	}
}

// Issue 15 item 4: at the README's minimum sizes the message names the
// inputs that caused it (not --mfu, which was not given) and says "at
// least" for a figure that is too small.
func TestMinimumSizesMessage(t *testing.T) {
	cases := []struct {
		args      []string
		flag, dir string
		notFlag   string
	}{
		{[]string{"--params", "1000", "--tokens", "1000", "--gpu", "h100", "--gpus", "1"}, "--params:", "at least", "--mfu"},
		{[]string{"--flops", "1e10", "--gpu", "h100", "--gpus", "1", "--efficiency", "1000"}, "--flops:", "at least", "--mfu"},
		{[]string{"--params", "1e15", "--tokens", "1e17", "--gpu", "h100", "--gpus", "1", "--mfu", "0.1%"}, "--mfu:", "at most", "at least"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb strings.Builder
			code := run(append([]string{"estimate"}, c.args...), nil, &out, &errb)
			msg := errb.String()
			if code != exitUsage || !strings.Contains(msg, c.flag) || !strings.Contains(msg, c.dir) || strings.Contains(msg, c.notFlag) {
				t.Errorf("want exit 2 naming %s and %q, without %q; got %d %q", c.flag, c.dir, c.notFlag, code, msg)
			}
			// Issue 13 item 6: numbers in messages are for people, never
			// Go's shortest round-trip form (4.492060283449004e-12, 0.375).
			if long := regexp.MustCompile(`\d\.\d{5,}`).FindString(msg); long != "" {
				t.Errorf("message shows %q, want a number for people: %q", long, msg)
			}
		})
	}
}
