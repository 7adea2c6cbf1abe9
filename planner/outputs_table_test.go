package planner

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// filledTotals returns Totals with a distinct value in every float64 field
// (directly or inside a Maybe); Maybes are valid unless invalid is set.
func filledTotals(rng *rand.Rand, invalid bool) Totals {
	var t Totals
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeOf(Maybe{}):
			v.Set(reflect.ValueOf(Maybe{Value: 1 + rng.Float64()*1e6, Valid: !invalid}))
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		case v.Kind() == reflect.Float64:
			v.SetFloat(1 + rng.Float64()*1e6)
		}
	}
	fill(reflect.ValueOf(&t).Elem())
	return t
}

// leaves flattens decoded JSON to dotted paths.
func leaves(prefix string, v any, out map[string]any) {
	m, ok := v.(map[string]any)
	if !ok {
		out[prefix] = v
		return
	}
	for k, x := range m {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		leaves(p, x, out)
	}
}

// TestOutputTableCoversJSON proves the table and Totals' JSON name the same
// figures: every row's path is a JSON leaf holding the value Get returns,
// and every JSON leaf is a row.
func TestOutputTableCoversJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, invalid := range []bool{false, true} {
		tot := filledTotals(rng, invalid)
		b, err := json.Marshal(&tot)
		if err != nil {
			t.Fatal(err)
		}
		var dec any
		if err := json.Unmarshal(b, &dec); err != nil {
			t.Fatal(err)
		}
		got := map[string]any{}
		leaves("", dec, got)
		if len(got) != len(OutputTable) {
			t.Errorf("want %d JSON leaves (one per row), got %d", len(OutputTable), len(got))
		}
		for _, o := range OutputTable {
			leaf, ok := got[o.Path]
			if !ok {
				t.Errorf("%s: want a JSON key, got none", o.Path)
				continue
			}
			v, known := o.Get(&tot)
			if !known {
				if leaf != nil {
					t.Errorf("%s: unknown: want null, got %v", o.Path, leaf)
				}
				continue
			}
			if leaf != v {
				t.Errorf("%s: want %v, got %v", o.Path, v, leaf)
			}
		}
	}
}

// TestOutputTableScaled checks Totals.scale against each row's Scales.
func TestOutputTableScaled(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tot := filledTotals(rng, false)
	const m = 3.0
	s := tot
	s.scale(m)
	for _, o := range OutputTable {
		run, _ := o.Get(&tot)
		prog, _ := o.Get(&s)
		want := run
		if o.Scales {
			want = run * m
		}
		if prog != want {
			t.Errorf("%s: scales=%v: want %v, got %v", o.Path, o.Scales, want, prog)
		}
	}
}

// TestOutputTableRows checks each row is complete and unique, and that
// Outputs is the table without the breakdown.
func TestOutputTableRows(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range OutputTable {
		if o.Path == "" || o.Label == "" || o.Unit == "" || o.Formula == "" || o.Section == "" {
			t.Errorf("%q: want path, label, unit, formula and section, got %+v", o.Path, o)
		}
		if seen[o.Path] || seen[o.Label] {
			t.Errorf("%s: path or label repeated", o.Path)
		}
		seen[o.Path], seen[o.Label] = true, true
		if (o.Section == SectionCost) != (o.Title != "") {
			t.Errorf("%s: want a headline title exactly for section %q", o.Path, SectionCost)
		}
		if strings.Count(o.Formula, "(") != strings.Count(o.Formula, ")") {
			t.Errorf("%s: unbalanced formula %q", o.Path, o.Formula)
		}
	}
	n := 0
	for _, o := range OutputTable {
		if o.Section == SectionBreakdown {
			continue
		}
		if Outputs[n].Path != o.Path {
			t.Errorf("Outputs[%d]: want %s, got %s", n, o.Path, Outputs[n].Path)
		}
		n++
	}
	if n != len(Outputs) {
		t.Errorf("want %d Outputs, got %d", n, len(Outputs))
	}
}

// TestOutputValueInResult checks the Monte Carlo's reads: an Outputs row
// reads the run's figure from a Result, and a row moved by the offset of
// WithExperiments reads the programme's.
func TestOutputValueInResult(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	r := Result{Totals: filledTotals(rng, false), WithExperiments: filledTotals(rng, true)}
	for _, o := range OutputTable {
		run, _ := o.Get(&r.Totals)
		if got := o.value(&r); got != run {
			t.Errorf("%s run: want %v, got %v", o.Path, run, got)
		}
		prog := o
		prog.off += unsafe.Offsetof(r.WithExperiments)
		want, ok := o.Get(&r.WithExperiments)
		if got := prog.value(&r); (ok && got != want) || (!ok && got == got) {
			t.Errorf("%s programme: want %v (known %v), got %v", o.Path, want, ok, got)
		}
	}
}

// TestOutputFormulaRefs checks every {ref} in the table's and the
// workings' formulas names a row or a working, so the workbook can place
// each as a column.
func TestOutputFormulaRefs(t *testing.T) {
	known := map[string]bool{}
	for _, o := range OutputTable {
		known[o.Path] = true
	}
	for _, w := range Workings {
		known[w.Key] = true
	}
	check := func(name, f string) {
		for rest := f; ; {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				return
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				t.Errorf("%s: unclosed { in %q", name, f)
				return
			}
			if ref := rest[i+1 : i+j]; !known[ref] {
				t.Errorf("%s: want a row or working for {%s}, got none", name, ref)
			}
			rest = rest[i+j+1:]
		}
	}
	for _, o := range OutputTable {
		check(o.Path, o.Formula)
		check(o.Path+" programme", o.ProgrammeFormula("{"+o.Path+"}"))
	}
	for _, w := range Workings {
		check(w.Key, w.Formula)
	}
}
