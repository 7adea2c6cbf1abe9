package main

// flagSet is the former flag API, kept as a thin layer over flags for
// gap.go (rewritten on its own branch) and for tornado --gap, which shares
// gap.go's gapFromFlags. New code uses flags directly.
type flagSet struct {
	f      *flags
	values map[string]*string
	pos    []string
}

func newFlagSet() *flagSet {
	return &flagSet{f: newFlags(), values: map[string]*string{}}
}

// Bool declares boolean flags (help is always declared).
func (s *flagSet) Bool(names ...string) {
	for _, n := range names {
		if n != "help" {
			s.f.Bool(n)
		}
	}
}

// Value declares flags that take a value.
func (s *flagSet) Value(names ...string) {
	for _, n := range names {
		s.values[n] = s.f.String(n)
	}
}

// Parse reads args; --help shows as Has("help").
func (s *flagSet) Parse(args []string) error {
	pos, err := s.f.Parse(args)
	s.pos = pos
	if err == errHelp {
		s.f.given["help"] = true
		return nil
	}
	return err
}

// Has reports whether the flag was given.
func (s *flagSet) Has(name string) bool { return s.f.Has(name) }

// Get returns the flag's value and whether it was given.
func (s *flagSet) Get(name string) (string, bool) {
	p := s.values[name]
	if p == nil || !s.f.Has(name) {
		return "", false
	}
	return *p, true
}

// Positional returns the non-flag arguments.
func (s *flagSet) Positional() []string { return s.pos }
