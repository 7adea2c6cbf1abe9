package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/assets"
	"aiplan/planner"
)

// CalibrationPanel is the back-test's calibration panel: how often the
// blind P10-P90 GPU-hours band (nominal 80%) held the reported figure,
// for the former uniform MFU range and the MFU prior, and each run's band
// with its reported value.
type CalibrationPanel struct {
	Summary *widget.Label
	Table   *widget.Table
	panel   *planner.MFUCalibrationPanel
	rows    []calibrationLine
	content fyne.CanvasObject
}

// calibrationLine is one table row: a run of one method's check.
type calibrationLine struct {
	method string
	row    planner.CalibrationRow
}

var calibrationHeaders = []string{"Check", "Run", "P10 GPU-hours", "Median GPU-hours", "P90 GPU-hours", "Reported GPU-hours", "Realised MFU", "Inside"}

// NewCalibrationPanel computes the panel from the catalogue and the
// embedded development set.
func NewCalibrationPanel(cat *planner.Catalog) *CalibrationPanel {
	p := &CalibrationPanel{Summary: widget.NewLabel("")}
	ds, err := assets.DevRuns()
	if err == nil {
		p.panel, err = planner.CalibrateMFU(cat, ds)
	}
	if err != nil {
		p.Summary.SetText("Calibration failed: " + oneLine(err.Error()))
	} else {
		p.Summary.SetText(p.SummaryText())
		for _, c := range []*planner.Calibration{p.panel.After, p.panel.Catalogue} {
			for _, r := range c.Rows {
				p.rows = append(p.rows, calibrationLine{method: c.Method, row: r})
			}
		}
	}
	p.Table = newTextTable(func() (int, int) { return len(p.rows) + 1, len(calibrationHeaders) }, p.CellText,
		[]float32{260, 190, 130, 140, 130, 150, 110, 60})
	p.content = container.NewBorder(p.Summary, nil, nil, nil, p.Table)
	return p
}

// Content returns the panel body.
func (p *CalibrationPanel) Content() fyne.CanvasObject { return p.content }

// Panel returns the computed calibration, nil on error.
func (p *CalibrationPanel) Panel() *planner.MFUCalibrationPanel { return p.panel }

// SummaryText states nominal against achieved coverage for each check.
func (p *CalibrationPanel) SummaryText() string {
	if p.panel == nil {
		return ""
	}
	s := fmt.Sprintf("Blind GPU-hours band P10-P90: nominal %.0f%% inside.", p.panel.After.Nominal*100)
	for _, c := range []*planner.Calibration{p.panel.Before, p.panel.After, p.panel.Catalogue} {
		s += fmt.Sprintf("\n%s: %.0f%% of %d runs inside; median P90/P10 %.2f, widest %.2f.",
			c.Method, c.Coverage*100, len(c.Rows), c.MedianRatio, c.WidestRatio)
	}
	return s
}

// CellText returns the table text at row, col (row 0 is the header).
func (p *CalibrationPanel) CellText(row, col int) string {
	if row == 0 {
		return calibrationHeaders[col]
	}
	l := &p.rows[row-1]
	r := &l.row
	switch col {
	case 0:
		return l.method
	case 1:
		return r.Name
	case 2:
		return hours3(r.Low)
	case 3:
		return hours3(r.Median)
	case 4:
		return hours3(r.High)
	case 5:
		return hours3(r.Reported)
	case 6:
		return planner.HumanPercent(r.RealisedMFU)
	case 7:
		if r.Inside {
			return "yes"
		}
		return "NO"
	}
	return ""
}

// hours3 formats GPU-hours to 3 significant digits: 1.37M, 678k, 292.
func hours3(v float64) string {
	if !(v > 0) || math.IsInf(v, 0) {
		return "n/a"
	}
	e := 2 - math.Floor(math.Log10(v))
	if e >= 0 {
		p := math.Pow(10, e)
		return planner.FormatQuantity(math.Round(v*p) / p)
	}
	q := math.Pow(10, -e) // divide by an exact power of ten, so 51.2M stays 51.2M
	return planner.FormatQuantity(math.Round(v/q) * q)
}
