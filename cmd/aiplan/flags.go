package main

import (
	"fmt"
	"sort"
	"strings"
)

// flagSet parses GNU-style flags that may come before or after positional
// arguments: --name value, --name=value, and boolean --name. A flag that is
// declared repeatable may be given several times; any other flag given twice
// is an error.
type flagSet struct {
	bools      map[string]bool
	values     map[string]bool // declared value flags
	repeatable map[string]bool
	got        map[string][]string
	set        map[string]bool
	positional []string
}

func newFlagSet() *flagSet {
	return &flagSet{
		bools:      map[string]bool{},
		values:     map[string]bool{},
		repeatable: map[string]bool{},
		got:        map[string][]string{},
		set:        map[string]bool{},
	}
}

// Bool declares boolean flags.
func (f *flagSet) Bool(names ...string) {
	for _, n := range names {
		f.bools[n] = true
	}
}

// Value declares flags that take a value.
func (f *flagSet) Value(names ...string) {
	for _, n := range names {
		f.values[n] = true
	}
}

// Repeatable declares value flags that may be given more than once.
func (f *flagSet) Repeatable(names ...string) {
	for _, n := range names {
		f.values[n] = true
		f.repeatable[n] = true
	}
}

// Parse reads args. The error names the flag and says what is accepted.
func (f *flagSet) Parse(args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			f.positional = append(f.positional, args[i+1:]...)
			return nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" || isNumberLike(a) {
			f.positional = append(f.positional, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		if name == "h" {
			name = "help"
		}
		switch {
		case f.bools[name]:
			if hasValue {
				return fmt.Errorf("--%s takes no value", name)
			}
			f.set[name] = true
		case f.values[name]:
			if !hasValue {
				if i+1 >= len(args) {
					return fmt.Errorf("--%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if f.set[name] && !f.repeatable[name] {
				return fmt.Errorf("--%s is given twice", name)
			}
			f.set[name] = true
			f.got[name] = append(f.got[name], value)
		default:
			return fmt.Errorf("unknown flag --%s; accepted: %s", name, strings.Join(f.names(), " "))
		}
	}
	return nil
}

func isNumberLike(s string) bool {
	return len(s) > 1 && s[0] == '-' && (s[1] >= '0' && s[1] <= '9' || s[1] == '.')
}

func (f *flagSet) names() []string {
	var n []string
	for k := range f.bools {
		n = append(n, "--"+k)
	}
	for k := range f.values {
		n = append(n, "--"+k)
	}
	sort.Strings(n)
	return n
}

// Has reports whether the flag was given.
func (f *flagSet) Has(name string) bool { return f.set[name] }

// Get returns the flag's (last) value and whether it was given.
func (f *flagSet) Get(name string) (string, bool) {
	v := f.got[name]
	if len(v) == 0 {
		return "", false
	}
	return v[len(v)-1], true
}

// All returns every value of a repeatable flag in order.
func (f *flagSet) All(name string) []string { return f.got[name] }

// Positional returns the non-flag arguments.
func (f *flagSet) Positional() []string { return f.positional }
