package ui

import (
	"fmt"

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

var calibrationHeaders = []string{"Check", "Run", "P10 GPU-hours", "Median", "P90", "Reported", "Realised MFU", "Inside"}

// NewCalibrationPanel computes the panel from the catalogue and the
// embedded development set.
func NewCalibrationPanel(cat *planner.Catalog) *CalibrationPanel {
	p := &CalibrationPanel{Summary: widget.NewLabel("")}
	p.Summary.Wrapping = fyne.TextWrapWord
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
		[]float32{250, 190, 130, 130, 130, 130, 100, 60})
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
		return planner.Human("gpuHours", r.Low)
	case 3:
		return planner.Human("gpuHours", r.Median)
	case 4:
		return planner.Human("gpuHours", r.High)
	case 5:
		return planner.Human("gpuHours", r.Reported)
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
