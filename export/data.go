package export

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// data writes the very hidden sheet Read uses:
//
//	row 1  aiplan-workbook | layout version
//	row 2  file | the scenario file without its scenarios, as JSON
//	row 3  columns | the keys of the Assumptions values that follow
//	row 4+ # | the values as exported, a JSON array | the scenario as JSON
//
// so that Read can tell a spreadsheet edit from the exported value, and
// recover names, choices, ranges and notes. JSON is split over cells.
func (wr *writer) data() (*rowSheet, error) {
	sw, err := wr.f.NewStreamWriter(sheetData)
	if err != nil {
		return nil, err
	}
	return &rowSheet{sw: sw, rows: func() error { return wr.dataRows(sw) }}, nil
}

// dataRows streams every row of the data sheet.
func (wr *writer) dataRows(sw *excelize.StreamWriter) error {
	if err := sw.SetRow("A1", []any{dataMarker, dataVersion}); err != nil {
		return err
	}
	head := *wr.set
	head.Scenarios = []planner.Scenario{}
	hb, err := json.Marshal(&head)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A2", chunkRow([]any{"file"}, hb)); err != nil {
		return err
	}
	var cols []*column
	keys := []any{"columns"}
	for i := range wr.l.assumptions {
		c := &wr.l.assumptions[i]
		switch c.kind {
		case kindChoice, kindField, kindExtra:
			cols = append(cols, c)
			keys = append(keys, c.key)
		}
	}
	if err := sw.SetRow("A3", keys); err != nil {
		return err
	}
	var arr []byte
	for i := range wr.rows {
		rw := &wr.rows[i]
		arr = append(arr[:0], '[')
		for j, c := range cols {
			if j > 0 {
				arr = append(arr, ',')
			}
			if j := wr.l.aIndex[c.key]; c.kind == kindChoice && rw.has[j] {
				q, err := json.Marshal(rw.choices[wr.l.cIndex[c.key]])
				if err != nil {
					return err
				}
				arr = append(arr, q...)
			} else if c.kind == kindChoice {
				arr = append(arr, "null"...)
			} else if rw.has[j] {
				arr = strconv.AppendFloat(arr, rw.vals[j], 'g', -1, 64)
			} else {
				arr = append(arr, "null"...)
			}
		}
		arr = append(arr, ']')
		b, err := json.Marshal(rw.sc)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A"+strconv.Itoa(dataFirstRow+i), chunkRow([]any{i + 1, string(arr)}, b)); err != nil {
			return err
		}
	}
	return nil
}

// chunkRow returns a row of the data sheet: a head cell, then the JSON in
// cells of at most jsonChunk characters, with every character XML cannot
// hold escaped so that the text comes back byte for byte.
func chunkRow(head []any, js []byte) []any {
	s := xmlSafeJSON(js)
	out := head
	for len(s) > 0 {
		n := 0
		for i := range s {
			if n == jsonChunk {
				out = append(out, s[:i])
				s = s[i:]
				n = -1
				break
			}
			n++
		}
		if n >= 0 {
			out = append(out, s)
			break
		}
	}
	return out
}

// xmlSafeJSON escapes, as \uXXXX, the characters of JSON text that XML 1.0
// cannot carry (json.Marshal already escapes control characters), and the
// underscore, which excelize would read as part of an _xHHHH_ escape.
func xmlSafeJSON(js []byte) string {
	var b strings.Builder
	b.Grow(len(js))
	for _, r := range string(js) {
		switch {
		case r == 0xFFFE || r == 0xFFFF || r == '_':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
