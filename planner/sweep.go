package planner

import (
	"context"
	"fmt"
	"strings"
)

// Sweep bounds.
const (
	// MaxVary is the most inputs a sweep varies.
	MaxVary = 3
	// MaxSweep bounds the scenarios of one sweep (the file limit).
	MaxSweep = MaxScenarios
)

// Vary is one axis of a sweep: an input key (a numeric Field key or a
// choice key such as gpu or energy) and its values as text.
type Vary struct {
	Key    string
	Values []string
}

// ParseVary reads "KEY=V1,V2,..." (the --vary flag). Numbers are quantities
// (ParseQuantity: 1000, 10k, 175B); a comma always separates values, so
// write 70000 or 70k rather than 70,000. Values are checked by Sweep.
func ParseVary(s string) (Vary, error) {
	key, list, ok := strings.Cut(s, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.TrimSpace(list) == "" {
		return Vary{}, &FieldError{Field: "vary", Value: fmt.Sprintf("%q", s), Msg: "accepted: KEY=V1,V2,... such as gpus=1000,10000"}
	}
	v := Vary{Key: key}
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			return Vary{}, &FieldError{Field: key, Value: fmt.Sprintf("%q", list), Msg: "has an empty value; accepted: V1,V2,... (no thousands separators)"}
		}
		v.Values = append(v.Values, p)
	}
	return v, nil
}

// Sweep returns the grid of scenarios over up to MaxVary axes: every
// combination of values applied to a copy of base, named after the values
// as given ("gpus=1000 energy=coal"), the first axis varying slowest. Each scenario
// is resolved against cat so that none is invalid; progress, when not nil,
// is called with (done, total) as they are checked. Errors are *FieldError
// naming the key, or ctx.Err() when cancelled.
func Sweep(ctx context.Context, cat *Catalog, base Scenario, vary []Vary, progress func(done, total int)) ([]Scenario, error) {
	if len(vary) == 0 || len(vary) > MaxVary {
		return nil, &FieldError{Field: "vary", Value: fmt.Sprint(len(vary)), Msg: fmt.Sprintf("accepted: 1 to %d inputs to vary", MaxVary)}
	}
	type axis struct {
		key     string
		choice  bool
		numbers []float64
		names   []string
	}
	axes := make([]axis, len(vary))
	total := 1
	seen := map[string]bool{}
	for i, v := range vary {
		a := axis{key: v.Key}
		if seen[v.Key] {
			return nil, &FieldError{Field: v.Key, Msg: "is varied twice; give each input once"}
		}
		seen[v.Key] = true
		switch {
		case FieldByKey(v.Key) != nil:
			f := FieldByKey(v.Key)
			for _, s := range v.Values {
				x, err := ParseQuantity(s)
				if err != nil {
					return nil, &FieldError{Field: v.Key, Value: fmt.Sprintf("%q", s), Msg: err.Error()}
				}
				if err := f.Check(x); err != nil {
					return nil, err
				}
				a.numbers = append(a.numbers, x)
				a.names = append(a.names, s)
			}
		case isChoiceKey(v.Key):
			a.choice = true
			a.names = append(a.names, v.Values...)
		default:
			return nil, &FieldError{Field: "vary", Value: fmt.Sprintf("%q", v.Key),
				Msg: "accepted: an estimate flag without dashes: " + strings.Join(append(FieldKeys(), ChoiceKeys...), ", ")}
		}
		if len(v.Values) == 0 {
			return nil, &FieldError{Field: v.Key, Msg: "has no values"}
		}
		total *= len(v.Values)
		if total > MaxSweep {
			return nil, &FieldError{Field: "vary", Value: fmt.Sprint(total), Msg: fmt.Sprintf("accepted: at most %d scenarios in a sweep", MaxSweep)}
		}
		axes[i] = a
	}
	out := make([]Scenario, 0, total)
	idx := make([]int, len(axes))
	var name strings.Builder
	for n := 0; n < total; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		sc := base.Clone()
		name.Reset()
		for i, a := range axes {
			if i > 0 {
				name.WriteByte(' ')
			}
			name.WriteString(a.key + "=" + a.names[idx[i]])
			if a.choice {
				sc.SetChoice(a.key, a.names[idx[i]])
			} else {
				sc.Set(a.key, a.numbers[idx[i]])
			}
		}
		sc.Name = name.String()
		if _, err := Resolve(cat, &sc); err != nil {
			if fe, ok := err.(*FieldError); ok && seen[fe.Field] {
				return nil, err
			}
			return nil, fmt.Errorf("scenario %q: %w", sc.Name, err)
		}
		out = append(out, sc)
		if progress != nil {
			progress(n+1, total)
		}
		for i := len(idx) - 1; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(axes[i].names) {
				break
			}
			idx[i] = 0
		}
	}
	return out, nil
}

func isChoiceKey(key string) bool {
	for _, k := range ChoiceKeys {
		if k == key {
			return true
		}
	}
	return false
}
