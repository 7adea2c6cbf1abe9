package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// MaxWorkbookBytes bounds what Read accepts.
const MaxWorkbookBytes = 256 << 20

// ErrNotAiplan is returned for a workbook aiplan did not write.
var ErrNotAiplan = errors.New("not a workbook written by aiplan export (no aiplan data sheet); only those can be imported")

// Read reads a workbook written by Write back into a scenario set. Names,
// choices, ranges, notes and the user-set inputs come from the data sheet;
// every Assumptions value that differs from the exported one (an edit in
// the spreadsheet) becomes a user-set input, a cleared cell drops the input
// (it takes its default again), and a deleted row drops the scenario. Rows
// are matched by the # column, so sorted rows still match. Formula cells
// (derived inputs) are never taken as edits. Any other file is an error;
// a corrupt file never panics.
func Read(r io.Reader) (set *planner.File, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading workbook: %w", err)
	}
	if len(data) > MaxWorkbookBytes {
		return nil, fmt.Errorf("workbook is larger than %d MiB", MaxWorkbookBytes>>20)
	}
	defer func() {
		// excelize parses untrusted XML; a parser bug must not take the
		// app down with it.
		if p := recover(); p != nil {
			set, err = nil, fmt.Errorf("not a readable Excel workbook (%v)", p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 4 * MaxWorkbookBytes, UnzipXMLSizeLimit: MaxWorkbookBytes})
	if err != nil {
		return nil, fmt.Errorf("not a readable Excel workbook: %w", err)
	}
	defer f.Close() //nolint:errcheck // read only
	return readBook(f)
}

func readBook(f *excelize.File) (*planner.File, error) {
	if idx, err := f.GetSheetIndex(sheetData); err != nil || idx < 0 {
		return nil, ErrNotAiplan
	}
	raw := excelize.Options{RawCellValue: true}
	data, err := f.GetRows(sheetData, raw)
	if err != nil {
		return nil, fmt.Errorf("aiplan data sheet: %w", err)
	}
	if len(data) < 2 || len(data[0]) < 2 || data[0][0] != dataMarker {
		return nil, ErrNotAiplan
	}
	if v, err := strconv.Atoi(data[0][1]); err != nil || v > dataVersion || v < 1 {
		return nil, fmt.Errorf("aiplan data sheet version %q: this aiplan reads version %d", data[0][1], dataVersion)
	}
	if len(data[1]) < 2 || data[1][0] != "file" {
		return nil, errors.New("aiplan data sheet: the scenario file header is missing")
	}
	var set planner.File
	if err := planner.DecodeStrict([]byte(strings.Join(data[1][1:], "")), &set); err != nil {
		return nil, fmt.Errorf("aiplan data sheet: scenario file header: %w", err)
	}
	if len(data) < dataFirstRow-1 || len(data[2]) < 1 || data[2][0] != "columns" {
		return nil, errors.New("aiplan data sheet: the column keys are missing")
	}
	keys := data[2][1:]
	records := map[int]*record{}
	for i, rw := range data[dataFirstRow-1:] {
		r := dataFirstRow + i
		if len(rw) == 0 || rw[0] == "" {
			continue
		}
		id, err := strconv.Atoi(rw[0])
		if err != nil || id < 1 || len(rw) < 3 {
			return nil, fmt.Errorf("aiplan data sheet row %d: not a scenario record", r)
		}
		var vals []any
		if err := planner.DecodeStrict([]byte(rw[1]), &vals); err != nil || len(vals) != len(keys) {
			return nil, fmt.Errorf("aiplan data sheet row %d: the exported values do not match the column keys", r)
		}
		rec := &record{resolved: make(map[string]string, len(keys))}
		for j, k := range keys {
			switch v := vals[j].(type) {
			case string:
				rec.resolved[k] = v
			case float64:
				rec.resolved[k] = strconv.FormatFloat(v, 'g', -1, 64)
			}
		}
		if err := planner.DecodeStrict([]byte(strings.Join(rw[2:], "")), &rec.scenario); err != nil {
			return nil, fmt.Errorf("aiplan data sheet row %d: %w", r, err)
		}
		if rec.scenario.Name, err = planner.NormalizeName(rec.scenario.Name); err != nil {
			return nil, fmt.Errorf("aiplan data sheet row %d: %w", r, err)
		}
		records[id] = rec
	}
	rows, err := f.GetRows(SheetAssumptions, raw)
	if err != nil {
		return nil, fmt.Errorf("%s sheet: %w", SheetAssumptions, err)
	}
	if len(rows) < rowKey {
		return nil, fmt.Errorf("%s sheet: the key row (row %d) is missing", SheetAssumptions, rowKey)
	}
	colOf := map[string]int{}
	for j, k := range rows[rowKey-1] {
		colOf[k] = j
	}
	for _, k := range []string{KeyID, KeyName} {
		if _, ok := colOf[k]; !ok {
			return nil, fmt.Errorf("%s sheet: no %q column in the key row (row %d)", SheetAssumptions, k, rowKey)
		}
	}
	at := func(rw []string, key string) (string, bool) {
		j, ok := colOf[key]
		if !ok {
			return "", false
		}
		if j >= len(rw) {
			return "", true
		}
		return strings.TrimSpace(rw[j]), true
	}
	renamed := map[string]string{}
	used := map[int]bool{}
	set.Scenarios = []planner.Scenario{}
	for i := FirstRow - 1; i < len(rows); i++ {
		rw := rows[i]
		r := i + 1
		idText, _ := at(rw, KeyID)
		name, _ := at(rw, KeyName)
		if idText == "" && name == "" {
			continue
		}
		id, err := strconv.Atoi(idText)
		rec := records[id]
		if err != nil || rec == nil {
			return nil, fmt.Errorf("%s row %d: # is %q, not the id of an exported scenario; add scenarios in aiplan, not in the workbook", SheetAssumptions, r, idText)
		}
		if used[id] {
			return nil, fmt.Errorf("%s row %d: scenario # %d appears twice", SheetAssumptions, r, id)
		}
		used[id] = true
		sc := rec.scenario.Clone()
		if name != "" && name != sc.Name {
			renamed[sc.Name] = name
			sc.Name = name
		}
		if err := applyEdits(f, &sc, rec, rw, r, colOf, at); err != nil {
			return nil, err
		}
		set.Scenarios = append(set.Scenarios, sc)
	}
	if len(set.Scenarios) == 0 {
		return nil, fmt.Errorf("%s sheet: no scenario rows", SheetAssumptions)
	}
	if set.Baseline != "" {
		if n, ok := renamed[set.Baseline]; ok {
			set.Baseline = n
		}
		if set.Scenario(set.Baseline) == nil {
			set.Baseline = ""
		}
	}
	if err := set.Check(); err != nil {
		return nil, fmt.Errorf("imported scenarios: %w", err)
	}
	return &set, nil
}

// record is one scenario of the data sheet: as given, and the text of each
// Assumptions value as exported.
type record struct {
	scenario planner.Scenario
	resolved map[string]string
}

// applyEdits turns the spreadsheet's edits of one Assumptions row into
// scenario inputs.
func applyEdits(f *excelize.File, sc *planner.Scenario, rec *record, rw []string, r int,
	colOf map[string]int, at func([]string, string) (string, bool)) error {
	for _, key := range planner.ChoiceKeys {
		v, ok := at(rw, key)
		if !ok {
			continue
		}
		if v != rec.resolved[key] {
			sc.SetChoice(key, v)
		}
	}
	for i := range planner.Fields {
		fd := &planner.Fields[i]
		text, ok := at(rw, fd.Key)
		if !ok {
			continue
		}
		wasText, had := rec.resolved[fd.Key]
		was, err := strconv.ParseFloat(wasText, 64)
		if had && err != nil {
			return fmt.Errorf("aiplan data sheet: scenario %q, %s: %q is not a number", sc.Name, fd.Key, wasText)
		}
		if text == "" {
			if had && !isFormula(f, colOf[fd.Key], r) {
				// A cleared input takes its default again.
				sc.Unset(fd.Key)
			}
			continue
		}
		v, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%s row %d, %s (%s): %q is not a number", SheetAssumptions, r, fd.Key, fd.Label, text)
		}
		if had && sameNumber(v, was) {
			continue
		}
		if isFormula(f, colOf[fd.Key], r) {
			continue
		}
		sc.Set(fd.Key, v)
	}
	return nil
}

// sameNumber reports whether an exported number came back unchanged (a
// spreadsheet may round the last digit when it saves).
func sameNumber(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// isFormula reports whether the Assumptions cell at column index j (0-based)
// and row r holds a formula (a derived input), which is not an edit.
func isFormula(f *excelize.File, j, r int) bool {
	ref, err := excelize.CoordinatesToCellName(j+1, r)
	if err != nil {
		return false
	}
	fm, err := f.GetCellFormula(SheetAssumptions, ref)
	return err == nil && fm != ""
}
