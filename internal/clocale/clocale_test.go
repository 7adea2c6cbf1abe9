package clocale

import "testing"

func TestLanguage(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
		set  bool
	}{
		{"LANG=C", map[string]string{"LANG": "C"}, "en_US", true},
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "en_US", true},
		{"POSIX", map[string]string{"LANG": "POSIX"}, "en_US", true},
		{"nothing set", map[string]string{}, "en_US", true},
		{"real locale", map[string]string{"LANG": "de_DE.UTF-8"}, "", false},
		{"LC_ALL wins", map[string]string{"LANG": "C", "LC_ALL": "fr_FR.UTF-8"}, "", false},
		{"LC_MESSAGES before LANG", map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "C"}, "en_US", true},
		{"LANGUAGE already set", map[string]string{"LANG": "C", "LANGUAGE": "fr"}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, set := language(func(k string) string { return c.env[k] })
			if got != c.want || set != c.set {
				t.Errorf("%s: want (%q, %v), got (%q, %v)", c.name, c.want, c.set, got, set)
			}
		})
	}
}
