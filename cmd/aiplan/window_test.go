package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

func TestAppMetadata(t *testing.T) {
	m, err := appMetadata()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, got, want string }{
		{"ID", m.ID, "io.github.aiplan.planner"},
		{"Name", m.Name, "AI Cost Planner"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: want %q, got %q", tc.name, tc.want, tc.got)
		}
	}
	if m.Version == "" || m.Build < 1 {
		t.Errorf("want a version and build, got %q build %d", m.Version, m.Build)
	}
	if m.Icon == nil || !bytes.HasPrefix(m.Icon.Content(), []byte("\x89PNG")) {
		t.Error("want the embedded PNG icon in the metadata")
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"--version"}, nil, &out, &out); code != 0 {
		t.Fatalf("want exit 0, got %d", code)
	}
	if !strings.HasPrefix(out.String(), "AI Cost Planner 1.") || !strings.Contains(out.String(), "io.github.aiplan.planner") {
		t.Errorf("want name, version and ID, got %q", out.String())
	}
}

func TestNoDisplay(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("display check applies to X11/Wayland systems")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errb bytes.Buffer
	code := run(nil, nil, &out, &errb)
	if code != 1 {
		t.Fatalf("want exit 1, got %d", code)
	}
	if out.Len() != 0 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "no display") {
		t.Errorf("want one stderr line about the display, got stdout %q stderr %q", out.String(), errb.String())
	}
	if got := displayMissing(func(k string) string {
		if k == "WAYLAND_DISPLAY" {
			return "wayland-0"
		}
		return ""
	}); got != "" {
		t.Errorf("with WAYLAND_DISPLAY set: want no complaint, got %q", got)
	}
}
