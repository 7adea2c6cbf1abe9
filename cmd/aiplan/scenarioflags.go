package main

import (
	"fmt"
	"os"

	"aiplan/assets"
	"aiplan/planner"
)

// scenarioFlags are the flags of every planner input: one text flag per
// choice (gpu, energy, cooling, ...) and one quantity flag per numeric
// Field key, checked against the field's range as it is read.
type scenarioFlags struct {
	f       *flags
	choices map[string]*string
	values  map[string]*float64
}

func declareScenarioFlags(f *flags) *scenarioFlags {
	s := &scenarioFlags{f: f, choices: map[string]*string{}, values: map[string]*float64{}}
	for _, key := range planner.ChoiceKeys {
		s.choices[key] = f.String(key)
	}
	for i := range planner.Fields {
		fd := &planner.Fields[i]
		p := new(float64)
		s.values[fd.Key] = p
		f.Quantity(fd.Key, p, func(typed string, v float64) error {
			if fd.Check(v) != nil {
				return fmt.Errorf("%q is not accepted; accepted: %s", typed, fd.RangeText())
			}
			return nil
		})
	}
	return s
}

// scenario builds a scenario from the input flags that were given.
func (s *scenarioFlags) scenario(name string) planner.Scenario {
	sc := planner.Scenario{Name: name, Values: map[string]float64{}}
	for _, key := range planner.ChoiceKeys {
		if s.f.Has(key) {
			sc.SetChoice(key, *s.choices[key])
		}
	}
	for _, fd := range planner.Fields {
		if s.f.Has(fd.Key) {
			sc.Set(fd.Key, *s.values[fd.Key])
		}
	}
	return sc
}

// flagError turns a planner error into the one-line CLI form "--flag: ...".
func flagError(err error) string {
	if f := planner.ErrField(err); f != "" && f != "name" && f != "scenario" {
		return "--" + err.Error()
	}
	return err.Error()
}

// loadScenarios reads a scenario file, or the built-in defaults when path
// is empty.
func loadScenarios(path string) (*planner.File, error) {
	if path == "" {
		return assets.Defaults()
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close() //nolint:errcheck // read only
	f, err := planner.ReadFile(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}
