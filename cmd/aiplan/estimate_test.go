package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestEstimateJSON(t *testing.T) {
	// GPT-3 with Patterson et al. 2021 Table 4's disclosed figures: 3.552M
	// GPU-hours at 330 W, PUE 1.1, 429 g/kWh -> 1,287 MWh and 552 t.
	out, errOut, code := runCmd(t, "estimate", "--params", "175B", "--tokens", "300B", "--gpu", "v100",
		"--gpus", "10,000", "--gpu-hours", "3.552M", "--pue", "1.1", "--carbon-intensity", "429", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	e := m["facilityEnergyKWh"].(float64)
	if math.Abs(e-1_287_000)/1_287_000 > 0.01 {
		t.Errorf("facility energy: want 1,287,000 kWh ±1%%, got %g", e)
	}
	c := m["emissionsTCO2e"].(float64)
	if math.Abs(c-552)/552 > 0.01 {
		t.Errorf("carbon: want 552 t ±1%%, got %g", c)
	}
	if m["catalogVersion"] == "" || m["inputs"] == nil {
		t.Errorf("want catalogVersion and inputs, got %v / %v", m["catalogVersion"], m["inputs"])
	}
	src := m["inputs"].(map[string]any)["power-w"].(map[string]any)["source"].(string)
	if !strings.Contains(src, "PATT") {
		t.Errorf("power-w: want the measured 330 W sourced to Patterson (PATT), got source %q", src)
	}
}

func TestEstimateBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		flag string
	}{
		{"unknown gpu lists ids", []string{"--params", "7B", "--tokens", "1T", "--gpu", "h1000", "--gpus", "8"}, "--gpu"},
		{"comma decimal", []string{"--params", "2,5", "--tokens", "1T", "--gpu", "h100", "--gpus", "8"}, "--params"},
		{"text", []string{"--params", "abc", "--tokens", "1T", "--gpu", "h100", "--gpus", "8"}, "--params"},
		{"negative", []string{"--params", "7B", "--tokens", "1T", "--gpu", "h100", "--gpus", "-8"}, "--gpus"},
		{"zero", []string{"--params", "7B", "--tokens", "1T", "--gpu", "h100", "--gpus", "0"}, "--gpus"},
		{"overflow", []string{"--params", "1e400", "--tokens", "1T", "--gpu", "h100", "--gpus", "8"}, "--params"},
		{"NaN", []string{"--params", "NaN", "--tokens", "1T", "--gpu", "h100", "--gpus", "8"}, "--params"},
		{"mfu and gpu-hours", []string{"--gpu-hours", "1M", "--mfu", "40%", "--gpu", "h100", "--gpus", "8"}, "--mfu"},
		{"fp8 on a100", []string{"--params", "7B", "--tokens", "1T", "--gpu", "a100-40gb", "--gpus", "8", "--precision", "fp8"}, "--precision"},
		{"nothing to size", []string{"--gpu", "h100", "--gpus", "8"}, "--params"},
		{"unknown flag", []string{"--parms", "7B"}, "--parms"},
		{"missing value", []string{"--params"}, "--params"},
		{"absurd", []string{"--params", "1e15", "--tokens", "1e17", "--gpu", "h100", "--gpus", "1", "--mfu", "0.1%"}, "--mfu"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCmd(t, append([]string{"estimate"}, c.args...)...)
			if code != 2 {
				t.Errorf("%s: want exit 2, got %d", c.name, code)
			}
			if out != "" {
				t.Errorf("%s: want nothing on stdout, got %q", c.name, out)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, c.flag) {
				t.Errorf("%s: want one stderr line naming %s, got %q", c.name, c.flag, errOut)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Errorf("%s: stack trace on stderr: %s", c.name, errOut)
			}
		})
	}
	_, errOut, _ := runCmd(t, "estimate", "--params", "7B", "--tokens", "1T", "--gpu", "h1000", "--gpus", "8")
	if !strings.Contains(errOut, "h100") || !strings.Contains(errOut, "tpu-v4") {
		t.Errorf("unknown gpu: want the valid IDs listed, got %q", errOut)
	}
}

func TestEstimateScenarios(t *testing.T) {
	out, errOut, code := runCmd(t, "estimate", "--scenarios", "", "--json")
	if code != 2 {
		// An empty path is not a file; the defaults come from 'scenarios --defaults'.
		t.Logf("empty --scenarios: exit %d %s", code, errOut)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "set.aiplan")
	data := `{"format":"aiplan-scenarios","version":1,"catalogVersion":"x","scenarios":[
	 {"name":"=HYPERLINK(\"x\")","gpu":"tpu-v4","values":{"gpus":57000,"gpu-hours":132e6}},
	 {"name":"small","gpu":"h100","values":{"params":7e9,"tokens":2e12,"gpus":512}}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCmd(t, "estimate", "--scenarios", path, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var arr []map[string]any
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 2 {
		t.Fatalf("want a JSON array of 2 results, got %v: %s", err, out)
	}
	if arr[0]["name"] != `=HYPERLINK("x")` {
		t.Errorf("name: want the scenario name verbatim, got %v", arr[0]["name"])
	}
	// Gemini 1 Ultra class: 132M TPU v4 chip-hours x $1.45 = $191.4M (AI Index 2024).
	cloud := arr[0]["costUSD"].(map[string]any)["cloud"].(float64)
	if math.Abs(cloud-191.4e6) > 0.1e6 {
		t.Errorf("cloud: want $191.4M, got %g", cloud)
	}
	for _, bad := range []string{"{", `{"format":"aiplan-scenarios","version":99,"scenarios":[]}`, ""} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, errOut, code := runCmd(t, "estimate", "--scenarios", path); code != 2 || !strings.Contains(errOut, "--scenarios") {
			t.Errorf("corrupt file %q: want exit 2 naming --scenarios, got %d %q", bad, code, errOut)
		}
	}
}

func TestBacktestCommand(t *testing.T) {
	out, errOut, code := runCmd(t, "backtest", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 20 {
		t.Fatalf("want at least 20 back-test rows, got %d", len(rows))
	}
	for _, r := range rows {
		tol, _ := r["tolerancePct"].(float64)
		ie, ok := r["informedErrPct"].(float64)
		if tol > 0 && (!ok || math.Abs(ie) > tol) {
			t.Errorf("%v %v: informed error %v%% outside its tolerance %g%%", r["name"], r["metric"], r["informedErrPct"], tol)
		}
	}
	text, _, code := runCmd(t, "backtest")
	if code != 0 || !strings.Contains(text, "GPT-3") || !strings.Contains(text, "Llama 2 70B") {
		t.Errorf("table: want GPT-3 and Llama 2 rows, got exit %d:\n%s", code, text)
	}
}

func TestUnknownCommand(t *testing.T) {
	_, errOut, code := runCmd(t, "estimat")
	if code != 2 || !strings.Contains(errOut, "estimat") {
		t.Errorf("want exit 2 naming the command, got %d %q", code, errOut)
	}
	out, _, code := runCmd(t, "help")
	for _, c := range []string{"estimate", "backtest", "catalog", "gap", "project"} {
		if code != 0 || !strings.Contains(out, c) {
			t.Errorf("help: want %q listed, got %q", c, out)
		}
	}
}
