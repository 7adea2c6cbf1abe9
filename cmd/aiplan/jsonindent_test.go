package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// appendIndent lays out json.Marshal's output byte for byte as json.Indent
// does, including empty objects and arrays, escapes and structural
// characters inside strings, and the catalogue's whole JSON.
func TestAppendIndent(t *testing.T) {
	cat := embeddedCatalog(t)
	values := map[string]any{
		"empty object":     map[string]any{},
		"empty array":      []int{},
		"nested empties":   map[string]any{"a": []any{map[string]any{}, []any{}}, "b": nil},
		"escapes":          []string{`say "hi"`, `back\slash`, "tab\tnew\nline", `\"`, `\\`, "{[,:]}", "<&>", "é ✓ \u2028"},
		"numbers":          []any{0, -1.5, 1e300, true, false, nil},
		"scalar string":    `x"y`,
		"scalar number":    42,
		"catalogue":        cat,
		"deep":             []any{[]any{[]any{[]any{1}}}},
		"object in object": map[string]any{"x": map[string]any{"y": map[string]any{"z": "w"}}},
	}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			compact, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			for _, pi := range [][2]string{{"", "  "}, {"  ", "  "}, {">", "\t"}} {
				var want bytes.Buffer
				if err := json.Indent(&want, compact, pi[0], pi[1]); err != nil {
					t.Fatal(err)
				}
				if got := appendIndent(nil, compact, pi[0], pi[1]); !bytes.Equal(got, want.Bytes()) {
					t.Errorf("prefix %q indent %q: differs from json.Indent\n got %q\nwant %q", pi[0], pi[1], got, want.Bytes())
				}
			}
		})
	}
}

func BenchmarkAppendIndent(b *testing.B) {
	compact, err := json.Marshal(mustCatalog(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("appendIndent", func(b *testing.B) {
		b.SetBytes(int64(len(compact)))
		var dst []byte
		for b.Loop() {
			dst = appendIndent(dst[:0], compact, "  ", "  ")
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(len(compact)))
		var dst bytes.Buffer
		for b.Loop() {
			dst.Reset()
			json.Indent(&dst, compact, "  ", "  ") //nolint:errcheck // benchmark
		}
	})
}

func mustCatalog(tb testing.TB) *planner.Catalog {
	tb.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}
