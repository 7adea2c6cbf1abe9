package planner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DecodeStrict decodes one JSON value from data into v, refusing what
// encoding/json would accept silently: invalid UTF-8 (which it replaces
// with U+FFFD), a key repeated in one object (which it reads last-wins),
// fields v has no place for, and anything after the value. Scenario files
// and the workbook's data sheet are read through it.
func DecodeStrict(data []byte, v any) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("invalid UTF-8 at byte %d", invalidUTF8At(data))
	}
	if err := checkDuplicateKeys(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// checkDuplicateKeys walks the tokens of data and refuses an object that
// names a key twice, giving the key's path (e.g. scenarios[0].values.gpus).
func checkDuplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		keys   map[string]bool // nil for an array
		path   string
		index  int
		expect bool // an object expecting a key next
	}
	var stack []*frame
	pathOf := func() string {
		var b strings.Builder
		for _, f := range stack {
			b.WriteString(f.path)
		}
		return b.String()
	}
	// afterValue advances the enclosing container past one value.
	afterValue := func() {
		if len(stack) == 0 {
			return
		}
		top := stack[len(stack)-1]
		if top.keys != nil {
			top.expect = true
		} else {
			top.index++
		}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err // the decoder reports syntax errors itself
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.keys != nil && top.expect {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				afterValue()
				continue
			}
			key, _ := tok.(string)
			if top.keys[key] {
				p := pathOf()
				if p != "" {
					p += "."
				}
				return fmt.Errorf("duplicate key %q in %s", key, strings.TrimPrefix(p+key, "."))
			}
			top.keys[key] = true
			top.expect = false
			top.path = "." + key
			if len(stack) == 1 {
				top.path = key
			}
			continue
		}
		if top != nil && top.keys == nil {
			top.path = fmt.Sprintf("[%d]", top.index)
		}
		switch d := tok.(type) {
		case json.Delim:
			switch d {
			case '{':
				stack = append(stack, &frame{keys: map[string]bool{}, expect: true})
			case '[':
				stack = append(stack, &frame{})
			case ']':
				stack = stack[:len(stack)-1]
				afterValue()
			}
		default:
			afterValue()
		}
	}
}
