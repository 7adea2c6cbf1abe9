package main

import (
	"bytes"
	"strings"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func TestScenariosCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout bool
		wantErr    string
	}{
		{"defaults", []string{"scenarios", "--defaults"}, 0, true, ""},
		{"missing flag", []string{"scenarios"}, 2, false, "--defaults is required"},
		{"stray argument", []string{"scenarios", "--defaults", "x.aiplan"}, 2, false, `unexpected argument "x.aiplan"`},
		{"unknown flag", []string{"scenarios", "--bogus"}, 2, false, "bogus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, strings.NewReader(""), &out, &errb)
			if code != tc.wantCode {
				t.Fatalf("%s: want exit %d, got %d (stderr %q)", tc.name, tc.wantCode, code, errb.String())
			}
			if tc.wantStdout != (out.Len() > 0) {
				t.Errorf("%s: want output %v, got %q", tc.name, tc.wantStdout, out.String())
			}
			if tc.wantErr != "" {
				if !strings.Contains(errb.String(), tc.wantErr) || strings.Count(errb.String(), "\n") != 1 {
					t.Errorf("%s: want one stderr line containing %q, got %q", tc.name, tc.wantErr, errb.String())
				}
			}
		})
	}
}

func TestScenariosDefaultsRoundTrip(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"scenarios", "--defaults"}, nil, &out, &errb); code != 0 {
		t.Fatalf("want exit 0, got %d: %s", code, errb.String())
	}
	got, err := planner.ParseFile(out.Bytes())
	if err != nil {
		t.Fatalf("printed set does not parse: %v", err)
	}
	want, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Scenarios) != len(want.Scenarios) {
		t.Fatalf("want %d scenarios, got %d", len(want.Scenarios), len(got.Scenarios))
	}
	for i := range want.Scenarios {
		if got.Scenarios[i].Name != want.Scenarios[i].Name {
			t.Errorf("scenario %d: want %q, got %q", i, want.Scenarios[i].Name, got.Scenarios[i].Name)
		}
	}
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Scenarios {
		if _, _, err := planner.Estimate(cat, &got.Scenarios[i]); err != nil {
			t.Errorf("scenario %q: want it to evaluate, got %v", got.Scenarios[i].Name, err)
		}
	}
}
