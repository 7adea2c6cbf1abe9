package planner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// Scenario file format (.aiplan): a JSON object
//
//	{
//	  "format": "aiplan-scenarios",
//	  "version": 1,
//	  "catalogVersion": "2026.11.1",
//	  "baseline": "GPT-4 class",
//	  "scenarios": [ {"name": ..., "gpu": ..., "values": {...}}, ... ],
//	  "gap": {...}, "projection": {...}, "serving": {...}   (bubble-gap inputs)
//	  "currency": {"code": "EUR", "dollarYear": 2024, "deflator": "cpi-u"}  (optional)
//	}
//
// Values are keyed by the estimate flag names (see Fields). Files written by
// a later version (version > FileVersion) are refused rather than misread.
const (
	FileFormat  = "aiplan-scenarios"
	FileVersion = 1
	// MaxFileBytes bounds what ReadFile accepts.
	MaxFileBytes = 32 << 20
	// MaxScenarios bounds the scenarios of one file.
	MaxScenarios = 100000
	// MaxNameLen bounds a scenario name, in characters.
	MaxNameLen = 200
)

// File is a scenario set as saved on disk.
type File struct {
	Format         string     `json:"format"`
	Version        int        `json:"version"`
	CatalogVersion string     `json:"catalogVersion"`
	Baseline       string     `json:"baseline,omitempty"`
	Scenarios      []Scenario `json:"scenarios"`
	// Gap, Projection and Serving hold the bubble-gap screen's inputs;
	// absent means the catalogue presets.
	Gap        *GapInputs        `json:"gap,omitempty"`
	Projection *ProjectionInputs `json:"projection,omitempty"`
	Serving    *ServingInputs    `json:"serving,omitempty"`
	// BubbleScenarios are the named bubble-risk scenarios compared on the
	// Bubble gap screen; BubbleBaseline names the one deltas are taken
	// against. Absent in older files: see BubbleList.
	BubbleScenarios []BubbleScenario `json:"bubbleScenarios,omitempty"`
	BubbleBaseline  string           `json:"bubbleBaseline,omitempty"`
	// Currency is the display and export currency; absent means nominal
	// USD (CurrencyOf).
	Currency *CurrencySetting `json:"currency,omitempty"`
}

// BubbleList returns the file's bubble-risk scenarios (a copy): the
// bubbleScenarios list, or, for a file without one, its single gap model
// as one scenario, unchanged; nil when there is neither.
func (f *File) BubbleList() []BubbleScenario {
	if len(f.BubbleScenarios) > 0 {
		return append([]BubbleScenario(nil), f.BubbleScenarios...)
	}
	if f.Gap != nil {
		return []BubbleScenario{{Name: GapScenarioName(f.Gap), GapInputs: *f.Gap}}
	}
	return nil
}

// NewFile returns a file of scenarios made with catalogue version cv.
func NewFile(cv string, scenarios []Scenario) *File {
	return &File{Format: FileFormat, Version: FileVersion, CatalogVersion: cv, Scenarios: scenarios}
}

// ErrFileTooLarge is returned for files above MaxFileBytes.
var ErrFileTooLarge = fmt.Errorf("scenario file is larger than %d MiB", MaxFileBytes>>20)

// ReadFile reads and checks a scenario file. It never returns a partly read
// set: on any error the caller keeps what it had.
func ReadFile(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading scenario file: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, ErrFileTooLarge
	}
	return ParseFile(data)
}

// ParseFile decodes and checks a scenario file held in memory.
func ParseFile(data []byte) (*File, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("scenario file is empty")
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not a scenario file (invalid or truncated JSON: %v)", err)
	}
	if head.Format != FileFormat {
		return nil, fmt.Errorf("not a scenario file: format is %q, want %q", head.Format, FileFormat)
	}
	if head.Version > FileVersion {
		return nil, fmt.Errorf("scenario file version %d was written by a newer aiplan; this one reads version %d", head.Version, FileVersion)
	}
	if head.Version < 1 {
		return nil, fmt.Errorf("scenario file version %d is not valid", head.Version)
	}
	var f File
	if err := DecodeStrict(data, &f); err != nil {
		return nil, fmt.Errorf("scenario file: %v", err)
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	return &f, nil
}

// Check validates names and the numbers' types (not their ranges: a scenario
// with an out-of-range input still loads, so the user can fix it in the
// editor, where the field is marked).
func (f *File) Check() error {
	if len(f.Scenarios) > MaxScenarios {
		return fmt.Errorf("scenario file has %d scenarios; at most %d are accepted", len(f.Scenarios), MaxScenarios)
	}
	names := make(map[string]bool, len(f.Scenarios))
	for i := range f.Scenarios {
		s := &f.Scenarios[i]
		if err := CheckName(s.Name); err != nil {
			return fmt.Errorf("scenario %d: %w", i+1, err)
		}
		if names[s.Name] {
			return fmt.Errorf("scenario %d: the name %q is used twice", i+1, s.Name)
		}
		names[s.Name] = true
		for k, v := range s.Values {
			if FieldByKey(k) == nil {
				return fmt.Errorf("scenario %q: unknown input %q", s.Name, k)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("scenario %q: input %q is not a finite number", s.Name, k)
			}
		}
		for k, rg := range s.Ranges {
			if FieldByKey(k) == nil {
				return fmt.Errorf("scenario %q: unknown range %q", s.Name, k)
			}
			if err := rg.Check(k); err != nil {
				return fmt.Errorf("scenario %q: %w", s.Name, err)
			}
		}
	}
	if f.Gap != nil {
		if err := f.Gap.Validate(); err != nil {
			return fmt.Errorf("gap inputs: %w", err)
		}
		if err := f.Gap.checkFileMethod(); err != nil {
			return fmt.Errorf("gap inputs: %w", err)
		}
	}
	if err := CheckBubbleScenarios(f.BubbleScenarios, f.BubbleBaseline); err != nil {
		return err
	}
	if f.Projection != nil {
		if err := f.Projection.Validate(); err != nil {
			return fmt.Errorf("projection inputs: %w", err)
		}
	}
	if f.Serving != nil {
		if err := f.Serving.Validate(); err != nil {
			return fmt.Errorf("serving inputs: %w", err)
		}
	}
	if f.Currency != nil {
		if err := f.Currency.Check(); err != nil {
			return err
		}
	}
	if f.Baseline != "" && !names[f.Baseline] {
		return fmt.Errorf("baseline %q is not one of the scenarios", f.Baseline)
	}
	return nil
}

// Check validates a range for input key: low <= likely <= high, finite.
func (r Range) Check(key string) error {
	for _, v := range []float64{r.Low, r.Likely, r.High} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &FieldError{Field: key, Msg: "range values must be finite numbers"}
		}
	}
	if !(r.Low <= r.Likely && r.Likely <= r.High) {
		return &FieldError{Field: key, Value: fmt.Sprintf("%s,%s,%s", FormatNumber(r.Low), FormatNumber(r.Likely), FormatNumber(r.High)),
			Msg: "accepted: low <= likely <= high"}
	}
	switch r.Dist {
	case "", "triangular", "pert", "lognormal", "uniform":
	default:
		return &FieldError{Field: key, Value: fmt.Sprintf("%q", r.Dist), Msg: "distribution must be triangular, pert, lognormal or uniform"}
	}
	if r.Dist == "lognormal" && !(r.Low > 0) {
		return &FieldError{Field: key, Msg: "a lognormal range needs low > 0"}
	}
	return nil
}

// CheckName validates a scenario name: 1-200 characters of valid UTF-8, no
// control characters. Names starting with = + - @ are allowed; writers must
// store them as text.
func CheckName(name string) error {
	if strings.TrimSpace(name) == "" {
		return &FieldError{Field: "name", Msg: "is empty; give the scenario a name"}
	}
	if !utf8.ValidString(name) {
		return &FieldError{Field: "name", Msg: "is not valid UTF-8 text"}
	}
	if n := utf8.RuneCountInString(name); n > MaxNameLen {
		return &FieldError{Field: "name", Msg: fmt.Sprintf("has %d characters; at most %d are accepted", n, MaxNameLen)}
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return &FieldError{Field: "name", Msg: "contains a control character"}
		}
	}
	return nil
}

// Marshal encodes the file, indented, ending in a newline.
func (f *File) Marshal() ([]byte, error) {
	if f.Format == "" {
		f.Format = FileFormat
	}
	if f.Version == 0 {
		f.Version = FileVersion
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Scenario returns the scenario named name, or nil.
func (f *File) Scenario(name string) *Scenario {
	for i := range f.Scenarios {
		if f.Scenarios[i].Name == name {
			return &f.Scenarios[i]
		}
	}
	return nil
}
