package main

import (
	"fmt"
	"os"

	"aiplan/assets"
	"aiplan/planner"
)

// declareScenarioFlags declares one value flag per planner input: every
// numeric Field key and every choice (gpu, energy, cooling, ...).
func declareScenarioFlags(fs *flagSet) {
	fs.Value(planner.FieldKeys()...)
	fs.Value(planner.ChoiceKeys...)
}

// scenarioFromFlags builds a scenario from the flags that were given. The
// error names the flag, the value given and what is accepted.
func scenarioFromFlags(fs *flagSet, name string) (planner.Scenario, error) {
	sc := planner.Scenario{Name: name, Values: map[string]float64{}}
	for _, key := range planner.ChoiceKeys {
		if v, ok := fs.Get(key); ok {
			sc.SetChoice(key, v)
		}
	}
	for _, f := range planner.Fields {
		s, ok := fs.Get(f.Key)
		if !ok {
			continue
		}
		v, err := planner.ParseQuantity(s)
		if err != nil {
			return sc, fmt.Errorf("--%s: %v", f.Key, err)
		}
		if err := f.Check(v); err != nil {
			return sc, fmt.Errorf("--%s: %q is not accepted; accepted: %s", f.Key, s, f.RangeText())
		}
		sc.Set(f.Key, v)
	}
	return sc, nil
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
	defer fh.Close()
	f, err := planner.ReadFile(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}
