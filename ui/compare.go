package ui

import (
	"fmt"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// CompareView is the Comparison tab: every included scenario side by side
// (rows = planner.Outputs, columns = scenarios) with the change against the
// baseline, columns sortable by a metric.
type CompareView struct {
	// Include picks the scenarios shown.
	Include *widget.CheckGroup
	// Baseline picks the scenario the deltas are against.
	Baseline *widget.Select
	// SortBy orders the columns by a metric ("Scenario order" keeps the
	// file's order); Descending flips it.
	SortBy     *widget.Select
	Descending *widget.Check
	Table      *widget.Table

	cat       *planner.Catalog
	scenarios []planner.Scenario
	results   []planner.Result
	errs      []error
	// cols are the indices of the shown scenarios in column order.
	cols    []int
	base    int
	content fyne.CanvasObject
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
	v.Table = widget.NewTable(v.size, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, v.cell)
	v.Table.SetColumnWidth(0, 230)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("Baseline"), v.Baseline, widget.NewLabel("Sort scenarios by"), v.SortBy, v.Descending),
		container.NewHScroll(v.Include))
	v.content = container.NewBorder(top, nil, nil, nil, v.Table)
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
		v.Table.SetColumnWidth(c+1, 190)
	}
	v.Table.Refresh()
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
// names, column 0 the metric names).
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
	s := planner.Human(o.Path, x)
	if v.base < 0 || i == v.base || v.errs[v.base] != nil {
		return s
	}
	b, ok := o.Get(&v.results[v.base].Totals)
	switch {
	case !ok:
	case b == 0 && x == 0:
		s += " (=)"
	case b == 0:
	default:
		s += fmt.Sprintf(" (%+.0f%%)", (x-b)/math.Abs(b)*100)
	}
	return s
}

func (v *CompareView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.SetText(v.CellText(id.Row, id.Col))
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0 || id.Col == 0}
}
