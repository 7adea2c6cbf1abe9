package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// BacktestView is the Back-test tab: the catalogue's published runs with
// their disclosed inputs, reported figures, the planner's informed and
// blind predictions and the % error of each, and the back-test chart.
type BacktestView struct {
	Table *widget.Table
	Chart *ChartImage
	// Status shows a back-test error, or nothing.
	Status *widget.Label

	// Calibration is the calibration panel: nominal 80% against achieved
	// coverage of the blind GPU-hours band, and each run's band.
	Calibration *CalibrationPanel

	cat     *planner.Catalog
	rows    []planner.BacktestRow
	inputs  map[string]string
	content fyne.CanvasObject
}

// backtestChartHeight gives each of the catalogue's ~50 reported figures a
// readable row in the back-test chart.
const backtestChartHeight = 1000

var backtestHeaders = []string{"Run", "Year", "Disclosed inputs", "Figure", "Reported", "Informed", "Error", "Blind", "Error"}

// NewBacktestView runs the back-test of the catalogue and returns its tab.
func NewBacktestView(cat *planner.Catalog) *BacktestView {
	v := &BacktestView{cat: cat, Status: widget.NewLabel(""), inputs: map[string]string{}}
	rows, err := planner.Backtest(cat)
	if err != nil {
		v.Status.SetText("Back-test failed: " + oneLine(err.Error()))
	} else {
		v.Status.Hide() // shown only to report a problem
	}
	v.rows = rows
	for i := range cat.Runs {
		v.inputs[cat.Runs[i].ID] = disclosed(&cat.Runs[i].Informed)
	}
	v.Table = newTextTable(func() (int, int) { return len(v.rows) + 1, len(backtestHeaders) }, v.CellText,
		[]float32{170, 55, 330, 190, 130, 130, 75, 130, 75})
	v.Chart = NewChartImage(func() (plot.Kind, plot.Input) {
		return plot.KindBacktest, plot.Input{Catalog: cat}
	})
	v.Chart.OnError = func(err error) {
		if err != nil {
			v.Status.SetText(oneLine(err.Error()))
			v.Status.Show()
		}
	}
	// Fifty rows need height: the chart gets its own tab, at least
	// backtestChartHeight tall, and scrolls when the window is shorter.
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(360, backtestChartHeight))
	v.Calibration = NewCalibrationPanel(cat)
	tabs := container.NewAppTabs(
		container.NewTabItem("Chart", container.NewVScroll(container.NewStack(tall, v.Chart))),
		container.NewTabItem("Table", v.Table),
		container.NewTabItem("Calibration", v.Calibration.Content()))
	v.content = container.NewBorder(v.Status, nil, nil, nil, tabs)
	return v
}

// newTextTable returns a table of truncated labels, row 0 bold (the
// header), with the given column widths.
func newTextTable(size func() (int, int), text func(row, col int) string, widths []float32) *widget.Table {
	t := widget.NewTable(size,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(text(id.Row, id.Col))
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
		})
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// Content returns the tab body.
func (v *BacktestView) Content() fyne.CanvasObject { return v.content }

// View returns the tab for the window's Views list (it does not depend on
// the scenarios, so it has no Update).
func (v *BacktestView) View() View { return View{Title: "Back-test", Content: v.content} }

// Rows returns the back-test rows shown.
func (v *BacktestView) Rows() []planner.BacktestRow { return v.rows }

// CellText returns the text at row, col (row 0 is the header).
func (v *BacktestView) CellText(row, col int) string {
	if row == 0 {
		return backtestHeaders[col]
	}
	r := &v.rows[row-1]
	human := func(m planner.Maybe) string {
		if !m.Valid {
			return "n/a"
		}
		return planner.Human(r.Metric, m.Value)
	}
	pct := func(m planner.Maybe) string {
		if !m.Valid {
			return "n/a"
		}
		return fmt.Sprintf("%+.1f%%", m.Value)
	}
	switch col {
	case 0:
		return r.Name
	case 1:
		return fmt.Sprint(r.Year)
	case 2:
		return v.inputs[r.RunID]
	case 3:
		return r.Label
	case 4:
		return planner.Human(r.Metric, r.Reported)
	case 5:
		return human(r.Informed)
	case 6:
		return pct(r.InformedErr)
	case 7:
		return human(r.Blind)
	case 8:
		return pct(r.BlindErr)
	}
	return ""
}

// disclosed summarises a run's informed inputs: hardware and the set
// numbers in words a person reads, e.g. "10,000 x v100; params 175
// billion; tokens 300 billion; gpu-hours 3.55 million".
func disclosed(sc *planner.Scenario) string {
	parts := []string{sc.GPU}
	if n, ok := sc.Value(planner.KeyGPUs); ok {
		parts[0] = planner.HumanCount(n) + " x " + sc.GPU
	}
	for _, k := range sc.SetKeys() {
		if k == planner.KeyGPUs {
			continue
		}
		v := sc.Values[k]
		if k == planner.KeyFLOPs {
			parts = append(parts, k+" "+planner.HumanFLOP(v))
			continue
		}
		parts = append(parts, k+" "+planner.HumanCount(v))
	}
	return strings.Join(parts, "; ")
}
