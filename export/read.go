package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// ErrNotAiplan is returned for a workbook aiplan did not write.
var ErrNotAiplan = errors.New("not a workbook written by aiplan export (no aiplan data sheet); only those can be imported")

// InputError is an Assumptions value Read refuses: not a number, or outside
// the planner's accepted range for the input.
type InputError struct {
	Sheet, Cell string
	// Field and Label name the input (planner.Field Key and Label).
	Field, Label string
	// Value is the cell's text.
	Value string
	// Accepted is the planner's accepted range (planner.Field.RangeText).
	Accepted string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s!%s, %s (%s): %q is not accepted; accepted: %s", e.Sheet, e.Cell, e.Label, e.Field, e.Value, e.Accepted)
}

// Read reads a workbook written by Write back into a scenario set. Names,
// choices, ranges, notes and the user-set inputs come from the data sheet;
// every Assumptions value that differs from the exported one (an edit in
// the spreadsheet) becomes a user-set input, a cleared cell drops the input
// (it takes its default again), and a deleted row drops the scenario. Rows
// are matched by the # column, so sorted rows still match. A recalculated
// derived input (active parameters, tokens) is not an edit. An edited value
// outside the planner's range is an *InputError naming the cell. Any other
// file is an error; a corrupt or hostile file never panics, and the work is
// bounded (see MaxWorkbookBytes and the limits beside it; *LimitError).
func Read(r io.Reader) (set *planner.File, err error) {
	deadline := time.Now().Add(MaxReadTime)
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading workbook: %w", err)
	}
	if len(data) > MaxWorkbookBytes {
		return nil, &LimitError{What: "the workbook file", Size: int64(len(data)), Limit: MaxWorkbookBytes, Unit: "bytes"}
	}
	if err := checkZip(data); err != nil {
		return nil, err
	}
	defer func() {
		// excelize parses untrusted XML; a parser bug must not take the
		// app down with it.
		if p := recover(); p != nil {
			set, err = nil, fmt.Errorf("not a readable Excel workbook (%v)", p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: xmlInMemory})
	if err != nil {
		return nil, fmt.Errorf("not a readable Excel workbook: %w", err)
	}
	defer f.Close() //nolint:errcheck // read only
	return readBook(f, deadline)
}

// sheetRows streams the rows of a sheet under Read's limits, calling fn
// with each row number (1-based) and its raw cell values.
func sheetRows(f *excelize.File, sheet string, deadline time.Time, fn func(r int, cols []string) error) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("%s sheet: %w", sheet, err)
	}
	defer rows.Close() //nolint:errcheck // read only
	lim := &limitedRows{sheet: sheet, deadline: deadline}
	raw := excelize.Options{RawCellValue: true}
	for r := 1; rows.Next(); r++ {
		cols, err := rows.Columns(raw)
		if err != nil {
			return fmt.Errorf("%s sheet row %d: %w", sheet, r, err)
		}
		if err := lim.check(r, cols); err != nil {
			return err
		}
		if err := fn(r, cols); err != nil {
			return err
		}
	}
	return rows.Error()
}

// dataSheet reads the hidden data sheet: the file header, the column keys
// and the records by id.
func dataSheet(f *excelize.File, deadline time.Time) (*planner.File, []string, map[int]*record, error) {
	var set planner.File
	var keys []string
	records := map[int]*record{}
	err := sheetRows(f, sheetData, deadline, func(r int, rw []string) error {
		switch {
		case r == 1:
			if len(rw) < 2 || rw[0] != dataMarker {
				return ErrNotAiplan
			}
			if v, err := strconv.Atoi(rw[1]); err != nil || v > dataVersion || v < 1 {
				return fmt.Errorf("aiplan data sheet version %q: this aiplan reads version %d", rw[1], dataVersion)
			}
		case r == 2:
			if len(rw) < 2 || rw[0] != "file" {
				return errors.New("aiplan data sheet: the scenario file header is missing")
			}
			if err := planner.DecodeStrict([]byte(strings.Join(rw[1:], "")), &set); err != nil {
				return fmt.Errorf("aiplan data sheet: scenario file header: %w", err)
			}
		case r == dataFirstRow-1:
			if len(rw) < 1 || rw[0] != "columns" {
				return errors.New("aiplan data sheet: the column keys are missing")
			}
			keys = rw[1:]
		default:
			if len(rw) == 0 || rw[0] == "" {
				return nil
			}
			id, rec, err := readRecord(r, rw, keys)
			if err != nil {
				return err
			}
			records[id] = rec
		}
		return nil
	})
	if err == nil && keys == nil {
		err = ErrNotAiplan
	}
	return &set, keys, records, err
}

// readRecord reads one scenario row of the data sheet.
func readRecord(r int, rw []string, keys []string) (int, *record, error) {
	id, err := strconv.Atoi(rw[0])
	if err != nil || id < 1 || len(rw) < 3 {
		return 0, nil, fmt.Errorf("aiplan data sheet row %d: not a scenario record", r)
	}
	var vals []any
	if err := planner.DecodeStrict([]byte(rw[1]), &vals); err != nil || len(vals) != len(keys) {
		return 0, nil, fmt.Errorf("aiplan data sheet row %d: the exported values do not match the column keys", r)
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
		return 0, nil, fmt.Errorf("aiplan data sheet row %d: %w", r, err)
	}
	if rec.scenario.Name, err = planner.NormalizeName(rec.scenario.Name); err != nil {
		return 0, nil, fmt.Errorf("aiplan data sheet row %d: %w", r, err)
	}
	return id, rec, nil
}

func readBook(f *excelize.File, deadline time.Time) (*planner.File, error) {
	if idx, err := f.GetSheetIndex(sheetData); err != nil || idx < 0 {
		return nil, ErrNotAiplan
	}
	set, _, records, err := dataSheet(f, deadline)
	if err != nil {
		return nil, err
	}
	colOf := map[string]int{}
	renamed := map[string]string{}
	used := map[int]bool{}
	set.Scenarios = []planner.Scenario{}
	err = sheetRows(f, SheetAssumptions, deadline, func(r int, rw []string) error {
		if r < rowKey {
			return nil
		}
		if r == rowKey {
			for j, k := range rw {
				colOf[k] = j
			}
			for _, k := range []string{KeyID, KeyName} {
				if _, ok := colOf[k]; !ok {
					return fmt.Errorf("%s sheet: no %q column in the key row (row %d)", SheetAssumptions, k, rowKey)
				}
			}
			return nil
		}
		row := assumptionRow{cols: rw, colOf: colOf, r: r}
		idText, _ := row.at(KeyID)
		name, _ := row.at(KeyName)
		if idText == "" && name == "" {
			return nil
		}
		id, err := strconv.Atoi(idText)
		rec := records[id]
		if err != nil || rec == nil {
			return fmt.Errorf("%s row %d: # is %q, not the id of an exported scenario; add scenarios in aiplan, not in the workbook", SheetAssumptions, r, idText)
		}
		if used[id] {
			return fmt.Errorf("%s row %d: scenario # %d appears twice", SheetAssumptions, r, id)
		}
		used[id] = true
		sc := rec.scenario.Clone()
		if name != "" {
			n, err := planner.NormalizeName(name)
			if err != nil {
				return &InputError{Sheet: SheetAssumptions, Cell: row.cell(KeyName), Field: KeyName, Label: "Scenario",
					Value: name, Accepted: "1 to 200 characters, no control characters"}
			}
			if n != sc.Name {
				renamed[sc.Name] = n
				sc.Name = n
			}
		}
		if err := applyEdits(&sc, rec, row); err != nil {
			return err
		}
		set.Scenarios = append(set.Scenarios, sc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(colOf) == 0 {
		return nil, fmt.Errorf("%s sheet: the key row (row %d) is missing", SheetAssumptions, rowKey)
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
	return set, nil
}

// assumptionRow is one scenario row of the Assumptions sheet as read.
type assumptionRow struct {
	cols  []string
	colOf map[string]int
	r     int
}

// at returns the trimmed text of a key's cell and whether the sheet has
// the key's column.
func (a assumptionRow) at(key string) (string, bool) {
	j, ok := a.colOf[key]
	if !ok {
		return "", false
	}
	if j >= len(a.cols) {
		return "", true
	}
	return strings.TrimSpace(a.cols[j]), true
}

// num returns a key's cell as a finite number.
func (a assumptionRow) num(key string) (float64, bool) {
	t, _ := a.at(key)
	v, err := strconv.ParseFloat(t, 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

func (a assumptionRow) cell(key string) string { return cellAt(a.colOf[key]+1, a.r) }

// record is one scenario of the data sheet: as given, and the text of each
// Assumptions value as exported.
type record struct {
	scenario planner.Scenario
	resolved map[string]string
}

// applyEdits turns the spreadsheet's edits of one Assumptions row into
// scenario inputs, refusing a value the planner does not accept.
func applyEdits(sc *planner.Scenario, rec *record, row assumptionRow) error {
	for _, key := range planner.ChoiceKeys {
		v, ok := row.at(key)
		if !ok {
			continue
		}
		if v != rec.resolved[key] {
			sc.SetChoice(key, v)
		}
	}
	for i := range planner.Fields {
		fd := &planner.Fields[i]
		text, ok := row.at(fd.Key)
		if !ok {
			continue
		}
		wasText, had := rec.resolved[fd.Key]
		was, err := strconv.ParseFloat(wasText, 64)
		if had && err != nil {
			return fmt.Errorf("aiplan data sheet: scenario %q, %s: %q is not a number", sc.Name, fd.Key, wasText)
		}
		if text == "" {
			if had {
				// A cleared input takes its default again.
				sc.Unset(fd.Key)
			}
			continue
		}
		v, err := strconv.ParseFloat(text, 64)
		if err == nil && had && sameNumber(v, was) {
			continue
		}
		if err == nil && rederived(fd.Key, v, rec, row) {
			continue
		}
		if err != nil || fd.Check(v) != nil {
			return &InputError{Sheet: SheetAssumptions, Cell: row.cell(fd.Key), Field: fd.Key, Label: fd.Label,
				Value: text, Accepted: fd.RangeText()}
		}
		sc.Set(fd.Key, v)
	}
	return nil
}

// rederived reports whether v is a derived input's formula recalculated
// over the row (the workbook writes active-params = params and tokens =
// params x tokens-per-param as formulas when the planner derived them),
// which is not an edit.
func rederived(key string, v float64, rec *record, row assumptionRow) bool {
	if _, user := rec.scenario.Values[key]; user {
		return false
	}
	p, ok := row.num(planner.KeyParams)
	if !ok {
		return false
	}
	switch key {
	case planner.KeyActiveParams:
		return sameNumber(v, p)
	case planner.KeyTokens:
		k, ok := row.num(planner.KeyTokensPerParam)
		return ok && sameNumber(v, p*k)
	}
	return false
}

// sameNumber reports whether an exported number came back unchanged (a
// spreadsheet may round the last digit when it saves).
func sameNumber(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// Validate resolves every scenario of an imported set against cat, so that
// an edit Read cannot check alone (an accelerator id, a choice) is refused
// at import, naming the scenario and the input, rather than by a later
// estimate.
func Validate(set *planner.File, cat *planner.Catalog) error {
	for i := range set.Scenarios {
		if _, err := planner.Resolve(cat, &set.Scenarios[i]); err != nil {
			return fmt.Errorf("%s sheet, scenario %q: %w", SheetAssumptions, set.Scenarios[i].Name, err)
		}
	}
	return nil
}
