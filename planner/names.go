package planner

import "strings"

// NormalizeName is the one rule for scenario names: leading and trailing
// white space is dropped on entry, and the rest must pass CheckName. Two
// names are the same scenario when their normalized forms are equal, so
// "run" and "run " cannot both exist.
func NormalizeName(name string) (string, error) {
	n := strings.TrimSpace(name)
	if err := CheckName(n); err != nil {
		return "", err
	}
	return n, nil
}
