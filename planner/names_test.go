package planner

import (
	"strings"
	"testing"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want, wantErr string }{
		{"run", "run", ""},
		{"run ", "run", ""},
		{" padded", "padded", ""},
		{"\tboth \n", "both", ""},
		{"=HYPERLINK(1)", "=HYPERLINK(1)", ""},
		{"   ", "", "is empty"},
		{"a\x01b", "", "control character"},
		{strings.Repeat("x", MaxNameLen+1), "", "at most 200"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := NormalizeName(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want error containing %q, got %q, %v", tc.wantErr, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("want %q, got %q, %v", tc.want, got, err)
			}
		})
	}
}
