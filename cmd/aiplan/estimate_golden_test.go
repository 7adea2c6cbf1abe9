package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aiplan/planner"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestEstimateGolden keeps estimate --json byte-identical for the built-in
// scenarios (the golden was written by the binary before the output table
// replaced the hand-kept lists; -update rewrites it after a deliberate
// change of the catalogue or the chain).
func TestEstimateGolden(t *testing.T) {
	golden := filepath.Join("testdata", "estimate-defaults.json")
	out, errOut, code := runCmd(t, "estimate", "--scenarios", filepath.Join("..", "..", "assets", "defaults.aiplan"), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(out), want) {
		a, b := strings.Split(string(want), "\n"), strings.Split(out, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("%s line %d: want %q, got %q", golden, i+1, a[i], b[i])
			}
		}
		t.Fatalf("%s: want %d lines, got %d", golden, len(a), len(b))
	}
}

// TestEstimateJSONHasEveryOutput checks every row of the output table is in
// estimate --json, for the run and the programme, and every output known
// for the scenario has quantiles under "uncertainty".
func TestEstimateJSONHasEveryOutput(t *testing.T) {
	out, errOut, code := runCmd(t, "estimate", "--params", "70B", "--tokens", "15T", "--gpu", "h100",
		"--gpus", "8192", "--json", "--uncertainty", "--samples", "2000", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	lookup := func(m map[string]any, path string) (any, bool) {
		parts := strings.Split(path, ".")
		for _, p := range parts[:len(parts)-1] {
			next, ok := m[p].(map[string]any)
			if !ok {
				return nil, false
			}
			m = next
		}
		v, ok := m[parts[len(parts)-1]]
		return v, ok
	}
	unc, _ := m["uncertainty"].(map[string]any)
	for _, o := range planner.OutputTable {
		t.Run(o.Path, func(t *testing.T) {
			v, ok := lookup(m, o.Path)
			if !ok {
				t.Fatalf("want key %s, got none", o.Path)
			}
			if _, ok := lookup(m, "withExperiments."+o.Path); !ok {
				t.Errorf("want key withExperiments.%s, got none", o.Path)
			}
			if o.Section == planner.SectionBreakdown || v == nil {
				return
			}
			if _, ok := lookup(unc, o.Path+".p50"); !ok {
				t.Errorf("want uncertainty.%s.p50, got none", o.Path)
			}
		})
	}
}
