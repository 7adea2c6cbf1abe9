package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"aiplan/planner"
)

// flags is a command's flag set: the standard flag package, with values
// that refuse a repeat and a parse that lets flags follow positional
// arguments (export FILE -o OUT). --name, -name, --name=value and
// --name value are accepted, as the flag package reads them.
type flags struct {
	fs    *flag.FlagSet
	given map[string]bool
	texts map[string]*string // declared with Texts, read with Get
}

// errHelp is returned by parse when --help or -h was given.
var errHelp = flag.ErrHelp

func newFlags() *flags {
	fs := flag.NewFlagSet("aiplan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	f := &flags{fs: fs, given: map[string]bool{}, texts: map[string]*string{}}
	f.Bool("help")
	return f
}

// once is the part of every value that refuses a second Set.
type once struct {
	name  string
	given map[string]bool
}

func (o once) mark() error {
	if o.given[o.name] {
		return errors.New("is given twice")
	}
	o.given[o.name] = true
	return nil
}

type boolValue struct {
	once
	p *bool
}

func (b *boolValue) String() string   { return "" }
func (b *boolValue) IsBoolFlag() bool { return true }
func (b *boolValue) Set(s string) error {
	if err := b.mark(); err != nil {
		return err
	}
	if s != "true" {
		return errors.New("takes no value")
	}
	*b.p = true
	return nil
}

type stringValue struct {
	once
	p *string
}

func (v *stringValue) String() string { return "" }
func (v *stringValue) Set(s string) error {
	if err := v.mark(); err != nil {
		return err
	}
	*v.p = s
	return nil
}

// quantityValue reads planner.ParseQuantity's syntax (175B, $2.50, 30%)
// and keeps the text as typed, for messages.
type quantityValue struct {
	once
	p     *float64
	check func(typed string, v float64) error
}

func (v *quantityValue) String() string { return "" }
func (v *quantityValue) Set(s string) error {
	if err := v.mark(); err != nil {
		return err
	}
	q, err := planner.ParseQuantity(s)
	if err != nil {
		return err
	}
	if v.check != nil {
		if err := v.check(s, q); err != nil {
			return err
		}
	}
	*v.p = q
	return nil
}

// listValue is the one kind of flag that may be repeated (--vary, --range).
type listValue struct{ p *[]string }

func (v *listValue) String() string     { return "" }
func (v *listValue) Set(s string) error { *v.p = append(*v.p, s); return nil }

// Bool declares a boolean flag; given twice is an error.
func (f *flags) Bool(name string) *bool {
	p := new(bool)
	f.fs.Var(&boolValue{once{name, f.given}, p}, name, "")
	return p
}

// String declares a flag taking a text value.
func (f *flags) String(name string) *string {
	p := new(string)
	f.fs.Var(&stringValue{once{name, f.given}, p}, name, "")
	return p
}

// Bools declares boolean flags by name (help is always declared).
func (f *flags) Bools(names ...string) {
	for _, n := range names {
		if n != "help" {
			f.Bool(n)
		}
	}
}

// Texts declares flags taking a text value, read back by name with Get.
func (f *flags) Texts(names ...string) {
	for _, n := range names {
		f.texts[n] = f.String(n)
	}
}

// Get returns the text of a flag declared with Texts and whether it was
// given.
func (f *flags) Get(name string) (string, bool) {
	p := f.texts[name]
	if p == nil || !f.Has(name) {
		return "", false
	}
	return *p, true
}

// Quantity declares a flag read with planner.ParseQuantity into p; check,
// when not nil, gets the text as typed and the value and refuses a value
// out of range (its error is the message).
func (f *flags) Quantity(name string, p *float64, check func(typed string, v float64) error) {
	f.fs.Var(&quantityValue{once: once{name, f.given}, p: p, check: check}, name, "")
}

// List declares a flag that may be given several times.
func (f *flags) List(name string) *[]string {
	p := new([]string)
	f.fs.Var(&listValue{p}, name, "")
	return p
}

// Has reports whether the flag was given.
func (f *flags) Has(name string) bool {
	if f.given[name] {
		return true
	}
	if fl := f.fs.Lookup(name); fl != nil {
		if l, ok := fl.Value.(*listValue); ok {
			return len(*l.p) > 0
		}
	}
	return false
}

// Parse reads args: flags anywhere, the rest positional ("--" ends the
// flags). It returns errHelp for --help or -h, and otherwise an error of
// one line naming the flag.
func (f *flags) Parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.fs.Parse(args); err != nil {
			return nil, f.flagError(err)
		}
		rest := f.fs.Args()
		if len(rest) == 0 {
			break
		}
		// The flag package consumes "--" itself; what follows is positional.
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.given["help"] {
		return pos, errHelp
	}
	return pos, nil
}

// flagError rewrites the flag package's messages as "--name: problem".
func (f *flags) flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) { // -h, which is not declared
		return errHelp
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Errorf("unknown flag %s; accepted: %s", dashed(name), strings.Join(f.names(), " "))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("%s needs a value", dashed(name))
	}
	// invalid boolean flag NAME: PROBLEM
	if rest, ok := strings.CutPrefix(msg, "invalid boolean flag "); ok {
		if name, problem, ok := strings.Cut(rest, ": "); ok {
			return fmt.Errorf("%s: %s", dashed(name), problem)
		}
	}
	// invalid value "V" for flag -NAME: PROBLEM; invalid boolean value "V" for -NAME: PROBLEM
	for _, sep := range []string{" for flag -", " for -"} {
		if _, rest, ok := strings.Cut(msg, sep); ok {
			if name, problem, ok := strings.Cut(rest, ": "); ok {
				return fmt.Errorf("%s: %s", dashed(name), problem)
			}
		}
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Errorf("%s: not a flag; flags are -name or --name", arg)
	}
	return err
}

// dashed writes a flag as the usage texts do: -o, --json.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func (f *flags) names() []string {
	var n []string
	f.fs.VisitAll(func(fl *flag.Flag) { n = append(n, dashed(fl.Name)) }) // in name order
	return n
}

// parseFlags parses args for the command name; on --help it prints the
// usage. done is true when the command should return code at once.
func (e *env) parseFlags(name string, f *flags) (pos []string, code int, done bool) {
	pos, err := f.Parse(e.args)
	switch {
	case errors.Is(err, errHelp):
		fprintf(e.stdout, "%s\n", commands[name].usage)
		return nil, exitOK, true
	case err != nil:
		return nil, e.usageError("%s: %v", name, err), true
	}
	return pos, exitOK, false
}

// noArgs refuses positional arguments with a hint at the accepted form.
func (e *env) noArgs(name string, pos []string, hint string) (int, bool) {
	if len(pos) == 0 {
		return exitOK, false
	}
	msg := fmt.Sprintf("%s: unexpected argument %q", name, pos[0])
	if hint != "" {
		msg += "; " + hint
	}
	return e.usageError("%s", msg), true
}

// typedFlags keeps each quantity flag's text as typed, for messages that
// quote it (cliFieldError).
type typedFlags map[string]string

// quantity declares a quantity flag whose text is kept in t; check, when
// not nil, refuses a value with its error as the message.
func (t typedFlags) quantity(f *flags, name string, p *float64, check func(float64) error) {
	f.Quantity(name, p, func(typed string, v float64) error {
		if check != nil {
			if err := check(v); err != nil {
				return fmt.Errorf("%s is not accepted; %v", typed, err)
			}
		}
		t[name] = typed
		return nil
	})
}

// setIf sets *dst to v when the flag was given.
func setIf(f *flags, name string, dst *float64, v float64) {
	if f.Has(name) {
		*dst = v
	}
}

// parseOnly parses the flags of a command that takes no positional
// argument; done is true when the command should return code at once.
func (e *env) parseOnly(name string, f *flags, hint string) (code int, done bool) {
	pos, code, done := e.parseFlags(name, f)
	if done {
		return code, true
	}
	return e.noArgs(name, pos, hint)
}
