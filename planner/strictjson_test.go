package planner

import (
	"strings"
	"testing"
)

func TestDecodeStrict(t *testing.T) {
	type inner struct {
		A int            `json:"a"`
		M map[string]int `json:"m"`
	}
	type doc struct {
		X    string  `json:"x"`
		List []inner `json:"list"`
	}
	tests := []struct {
		name, in, wantErr string
	}{
		{"valid", `{"x":"é","list":[{"a":1,"m":{"k":1,"j":2}},{"a":2}]}`, ""},
		{"same key in sibling objects", `{"list":[{"a":1},{"a":2}]}`, ""},
		{"duplicate top key", `{"x":"a","x":"b"}`, `duplicate key "x" in x`},
		{"duplicate nested key", `{"list":[{"a":1},{"a":2,"a":3}]}`, `duplicate key "a" in list[1].a`},
		{"duplicate map key", `{"list":[{"m":{"k":1,"k":2}}]}`, `duplicate key "k" in list[0].m.k`},
		{"unknown field", `{"x":"a","y":1}`, `unknown field "y"`},
		{"invalid UTF-8", "{\"x\":\"\xff\"}", "invalid UTF-8 at byte 6"},
		{"trailing data", `{"x":"a"} {}`, "after the JSON value"},
		{"truncated", `{"x":`, "unexpected EOF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := DecodeStrict([]byte(tc.in), &d)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("want no error, got %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("want error containing %q, got %v", tc.wantErr, err)
			}
		})
	}
}

// TestParseFileStrict: a scenario file with a duplicate key or invalid
// UTF-8 is refused (it was read last-wins before).
func TestParseFileStrict(t *testing.T) {
	for name, in := range map[string]string{
		"duplicate value key": `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","values":{"gpus":8,"gpus":16}}]}`,
		"duplicate name":      `{"format":"aiplan-scenarios","version":1,"scenarios":[{"name":"a","name":"b"}]}`,
		"invalid UTF-8":       "{\"format\":\"aiplan-scenarios\",\"version\":1,\"scenarios\":[{\"name\":\"a\xfe\"}]}",
	} {
		t.Run(name, func(t *testing.T) {
			if f, err := ParseFile([]byte(in)); err == nil {
				t.Fatalf("want an error, got %+v", f)
			}
		})
	}
}
