package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// CompareView is the Comparison tab: a matrix with one row per
// planner.Outputs entry and one column per included scenario, compact
// figures ("$1.02B", "211M GPU-h") with the change against the baseline
// (a toggle), the row labels and scenario names kept in view while the
// table scrolls, the full value of the selected cell in a detail line, and
// columns sortable by a metric.
type CompareView struct {
	// Include picks the scenarios shown.
	Include *widget.CheckGroup
	// Baseline picks the scenario the deltas are against.
	Baseline *widget.Select
	// SortBy orders the columns by a metric ("Scenario order" keeps the
	// file's order); Descending flips it.
	SortBy     *widget.Select
	Descending *widget.Check
	// Deltas shows the change against the baseline in every cell (off
	// by default).
	Deltas *widget.Check
	Table  *widget.Table
	// Detail shows the full value of the selected cell.
	Detail *widget.Label

	cat       *planner.Catalog
	scenarios []planner.Scenario
	results   []planner.Result
	errs      []error
	// cols are the indices of the shown scenarios in column order.
	cols    []int
	base    int
	content fyne.CanvasObject
	// selected is the cell shown in Detail (Row 0: none).
	selected widget.TableCellID
}

const sortScenarioOrder = "Scenario order"

// NewCompareView returns the Comparison tab for the catalogue.
func NewCompareView(cat *planner.Catalog) *CompareView {
	v := &CompareView{cat: cat, base: -1}
	v.Include = widget.NewCheckGroup(nil, func([]string) { v.refresh() })
	v.Include.Horizontal = true
	v.Baseline = widget.NewSelect(nil, func(string) { v.refresh() })
	opts := []string{sortScenarioOrder}
	for _, o := range planner.Outputs {
		opts = append(opts, o.Label)
	}
	v.SortBy = widget.NewSelect(opts, func(string) { v.refresh() })
	v.SortBy.Selected = sortScenarioOrder
	v.Descending = widget.NewCheck("Descending", func(bool) { v.refresh() })
	v.Deltas = widget.NewCheck("Change vs baseline", func(bool) { v.refresh() })
	// Off by default: six compact columns fit 1920 wide beside the
	// editor; the detail line always gives the change.
	v.Detail = widget.NewLabel("Select a cell to see its full value.")
	v.Detail.Wrapping = fyne.TextWrapWord
	v.Table = widget.NewTable(v.size, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, v.cell)
	// The row labels and the scenario names stay in view while the
	// figures scroll.
	v.Table.StickyColumnCount = 1
	v.Table.StickyRowCount = 1
	v.Table.OnSelected = func(id widget.TableCellID) {
		v.selected = id
		v.Detail.SetText(v.DetailText(id.Row, id.Col))
	}
	v.Table.SetColumnWidth(0, v.labelWidth())
	v.Table.SetRowHeight(0, twoLineLabelHeight())
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("Baseline"), v.Baseline, v.Deltas),
		container.NewHBox(widget.NewLabel("Sort scenarios by"), wideSelect(v.SortBy, 240), v.Descending),
		container.NewHScroll(v.Include))
	v.content = container.NewBorder(top, v.Detail, nil, nil, v.Table)
	return v
}

// Content returns the tab body.
func (v *CompareView) Content() fyne.CanvasObject { return v.content }

// View returns the tab for the window's Views list.
func (v *CompareView) View() View {
	return View{Title: "Comparison", Content: v.content, Update: func(s State) {
		if s.File != nil {
			v.Update(s.File.Scenarios, s.File.Baseline)
		}
	}}
}

// Update evaluates the scenarios and shows them; new scenarios are
// included, the user's exclusions and baseline choice are kept while the
// names exist.
func (v *CompareView) Update(scenarios []planner.Scenario, baseline string) {
	old := scenarioNames(v.scenarios)
	v.scenarios = cloneScenarios(scenarios)
	v.results = make([]planner.Result, len(scenarios))
	v.errs = make([]error, len(scenarios))
	for i := range v.scenarios {
		sc := v.scenarios[i].Clone()
		v.results[i], _, v.errs[i] = planner.Estimate(v.cat, &sc)
	}
	names := scenarioNames(v.scenarios)
	var sel []string
	for _, n := range names {
		if !contains(old, n) || contains(v.Include.Selected, n) {
			sel = append(sel, n)
		}
	}
	v.Include.Options = names
	v.Include.Selected = sel
	v.Include.Refresh()
	keep := v.Baseline.Selected
	v.Baseline.Options = names
	switch {
	case contains(names, keep):
	case contains(names, baseline):
		v.Baseline.Selected = baseline
	case len(names) > 0:
		v.Baseline.Selected = names[0]
	default:
		v.Baseline.Selected = ""
	}
	v.Baseline.Refresh()
	v.refresh()
}

// Columns returns the names of the shown scenarios in column order.
func (v *CompareView) Columns() []string {
	n := make([]string, len(v.cols))
	for i, c := range v.cols {
		n[i] = v.scenarios[c].Name
	}
	return n
}

func (v *CompareView) refresh() {
	if v.Table == nil {
		return
	}
	v.cols = v.cols[:0]
	v.base = -1
	for i := range v.scenarios {
		if contains(v.Include.Selected, v.scenarios[i].Name) {
			v.cols = append(v.cols, i)
		}
		if v.scenarios[i].Name == v.Baseline.Selected {
			v.base = i
		}
	}
	if o := v.sortOutput(); o != nil {
		key := func(i int) float64 {
			if v.errs[i] != nil {
				return math.Inf(1)
			}
			x, ok := o.Get(&v.results[i].Totals)
			if !ok {
				return math.Inf(1)
			}
			if v.Descending.Checked {
				return -x
			}
			return x
		}
		sort.SliceStable(v.cols, func(a, b int) bool { return key(v.cols[a]) < key(v.cols[b]) })
	}
	for c := range v.cols {
		v.Table.SetColumnWidth(c+1, v.columnWidth(c+1))
	}
	v.Table.Refresh()
	if v.selected.Row > 0 && v.selected.Col > 0 {
		v.Detail.SetText(v.DetailText(v.selected.Row, v.selected.Col))
	}
}

func (v *CompareView) sortOutput() *planner.Output {
	for i := range planner.Outputs {
		if planner.Outputs[i].Label == v.SortBy.Selected {
			return &planner.Outputs[i]
		}
	}
	return nil
}

func (v *CompareView) size() (rows, cols int) {
	return len(planner.Outputs) + 1, len(v.cols) + 1
}

// CellText returns the text of the cell at row, col (row 0 is the scenario
// names, column 0 the metric names): a compact figure, followed by the
// change against the baseline when Deltas is checked.
func (v *CompareView) CellText(row, col int) string {
	switch {
	case row == 0 && col == 0:
		return "Metric"
	case row == 0:
		s := v.scenarios[v.cols[col-1]].Name
		if v.cols[col-1] == v.base {
			s += " (baseline)"
		}
		return s
	case col == 0:
		return planner.Outputs[row-1].Label
	}
	i := v.cols[col-1]
	if v.errs[i] != nil {
		return "error: " + oneLine(v.errs[i].Error())
	}
	o := &planner.Outputs[row-1]
	x, ok := o.Get(&v.results[i].Totals)
	if !ok {
		return "n/a"
	}
	s := compactHuman(o.Path, x)
	if d := v.delta(row, i, x); d != "" && v.Deltas.Checked {
		s += " (" + d + ")"
	}
	return s
}

// delta is the change of x (scenario i's value of row's output) against
// the baseline ("+12%", "=" for two zeros), or "" when there is none.
func (v *CompareView) delta(row, i int, x float64) string {
	if v.base < 0 || i == v.base || v.errs[v.base] != nil {
		return ""
	}
	b, ok := planner.Outputs[row-1].Get(&v.results[v.base].Totals)
	switch {
	case !ok || (b == 0 && x != 0):
		return ""
	case b == 0:
		return "="
	}
	return fmt.Sprintf("%+.0f%%", (x-b)/math.Abs(b)*100)
}

// DetailText is the full value of a cell: scenario, output, the planner's
// full figure and the change against the baseline; the full error of a
// scenario that does not evaluate.
func (v *CompareView) DetailText(row, col int) string {
	if row <= 0 || col <= 0 || row > len(planner.Outputs) || col > len(v.cols) {
		return "Select a cell to see its full value."
	}
	i := v.cols[col-1]
	o := &planner.Outputs[row-1]
	head := v.scenarios[i].Name + " · " + o.Label + ": "
	if v.errs[i] != nil {
		return head + oneLine(v.errs[i].Error())
	}
	x, ok := o.Get(&v.results[i].Totals)
	if !ok {
		return head + "n/a (not known for this scenario)"
	}
	s := head + planner.Human(o.Path, x)
	if d := v.delta(row, i, x); d != "" {
		s += " (" + d + " vs " + v.scenarios[v.base].Name + ")"
	}
	return s
}

// labelWidth fits the longest output label.
func (v *CompareView) labelWidth() float32 { return outputLabelWidth(true) }

// columnWidth fits column col's figures; the scenario name wraps onto two
// lines, so it asks for at most half its width (and a long word whole).
func (v *CompareView) columnWidth(col int) float32 {
	w := float32(0)
	for row := 1; row <= len(planner.Outputs); row++ {
		t := v.CellText(row, col)
		if len(t) > 40 {
			t = t[:40] // an error: cut, the detail line has it whole
		}
		w = max(w, textWidth(t, false))
	}
	name := v.CellText(0, col)
	w = max(w, min(textWidth(name, true)*0.55, 220))
	for _, word := range strings.Fields(name) {
		w = max(w, min(textWidth(word, true), 220))
	}
	return w + 2*theme.InnerPadding() + 2*theme.Padding()
}

func (v *CompareView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0 || id.Col == 0}
	// Scenario names wrap onto the header's two lines.
	if id.Row == 0 {
		l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateClip
	} else {
		l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	}
	l.SetText(v.CellText(id.Row, id.Col))
}
