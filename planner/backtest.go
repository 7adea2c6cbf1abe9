package planner

import (
	"fmt"
	"sort"
)

// BacktestRow compares one reported figure of a published run with the
// planner's predictions in informed mode (disclosed GPU-hours, power, PUE)
// and blind mode (size, tokens and hardware only, MFU at the catalogue
// default).
type BacktestRow struct {
	RunID  string `json:"runId"`
	Name   string `json:"name"`
	Year   int    `json:"year"`
	Metric string `json:"metric"` // output path, e.g. "gpuHours"
	Label  string `json:"label"`
	Unit   string `json:"unit"`

	Reported       float64 `json:"reported"`
	ReportedSource string  `json:"reportedSource"`
	Note           string  `json:"note,omitempty"`
	TolerancePct   float64 `json:"tolerancePct"`

	Informed    Maybe `json:"informed"`
	Blind       Maybe `json:"blind"`
	InformedErr Maybe `json:"informedErrPct"` // (predicted - reported) / reported x 100
	BlindErr    Maybe `json:"blindErrPct"`
}

// Backtest evaluates every published run of the catalogue in both modes
// and returns one row per reported figure, ordered by year, run and metric.
func Backtest(cat *Catalog) ([]BacktestRow, error) {
	var rows []BacktestRow
	for i := range cat.Runs {
		run := &cat.Runs[i]
		informed, blind := run.Informed.Clone(), run.Blind.Clone()
		ri, _, err := Estimate(cat, &informed)
		if err != nil {
			return nil, fmt.Errorf("run %s (informed): %w", run.ID, err)
		}
		var rb *Result
		if blind.GPU != "" {
			r, _, err := Estimate(cat, &blind)
			if err != nil {
				return nil, fmt.Errorf("run %s (blind): %w", run.ID, err)
			}
			rb = &r
		}
		keys := make([]string, 0, len(run.Reported))
		for k := range run.Reported {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return outputRank(keys[a]) < outputRank(keys[b]) })
		for _, k := range keys {
			o := OutputByPath(k)
			if o == nil {
				return nil, fmt.Errorf("run %s: reported %q is not an output", run.ID, k)
			}
			rep := run.Reported[k]
			row := BacktestRow{RunID: run.ID, Name: run.Name, Year: run.Year, Metric: k, Label: o.Label, Unit: o.Unit,
				Reported: rep.Value, ReportedSource: rep.Source, Note: rep.Note, TolerancePct: rep.TolerancePct}
			if v, ok := o.Get(&ri.Totals); ok {
				row.Informed, row.InformedErr = Some(v), Some((v-rep.Value)/rep.Value*100)
			}
			if rb != nil {
				if v, ok := o.Get(&rb.Totals); ok {
					row.Blind, row.BlindErr = Some(v), Some((v-rep.Value)/rep.Value*100)
				}
			}
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].Year < rows[b].Year })
	return rows, nil
}

func outputRank(path string) int {
	for i := range Outputs {
		if Outputs[i].Path == path {
			return i
		}
	}
	return len(Outputs)
}

// MFUCalibrationPanel is the back-test's calibration panel: how often the
// blind GPU-hours band (P10-P90, nominal 80%) holds the reported figure.
type MFUCalibrationPanel struct {
	// Before is the former uniform 20-52% MFU range on the development set.
	Before *Calibration `json:"before"`
	// After is the MFU prior, leave-one-out on the development set.
	After *Calibration `json:"after"`
	// Catalogue is the prior on the catalogue's blind validation runs,
	// which the fit never saw.
	Catalogue *Calibration `json:"catalogue"`
}

// CalibrateMFU builds the calibration panel from the development set and
// the catalogue's runs with reported GPU-hours.
func CalibrateMFU(cat *Catalog, ds *DevSet) (*MFUCalibrationPanel, error) {
	before, err := UniformCalibration(ds, cat, 0.2, 0.52)
	if err != nil {
		return nil, err
	}
	after, err := LeaveOneOut(ds, cat)
	if err != nil {
		return nil, err
	}
	held := &Calibration{Method: "MFU prior on catalogue runs"}
	for i := range cat.Runs {
		run := &cat.Runs[i]
		rep, ok := run.Reported["gpuHours"]
		if !ok || run.Blind.GPU == "" {
			continue
		}
		lo, mid, hi, err := MFUPrior(run.Blind, cat)
		if err != nil {
			return nil, fmt.Errorf("run %s: %w", run.ID, err)
		}
		blind := run.Blind.Clone()
		res, _, err := Estimate(cat, &blind)
		if err != nil {
			return nil, fmt.Errorf("run %s (blind): %w", run.ID, err)
		}
		if !res.Totals.ImpliedMFU.Valid {
			continue
		}
		held.addBand(run.ID, run.Name, rep.Value, res.Totals.GPUHours*res.Totals.ImpliedMFU.Value, lo, mid, hi)
	}
	held.summarise()
	return &MFUCalibrationPanel{Before: before, After: after, Catalogue: held}, nil
}
