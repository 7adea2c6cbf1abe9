package ui

import (
	"encoding/json"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// BubbleView is the Bubble-risk tab: on the left the list of bubble-risk
// scenarios (new, duplicate, delete, reorder, baseline; the name entry
// renames) and the selected one's inputs (its method's only); on the right,
// beside them so that an edit is seen as it is typed, the comparison chart
// with the reported points over pages for the side-by-side indicator table
// with deltas against the baseline, the selected scenario's waterfall (every
// method's own steps) and its tornado.
type BubbleView struct {
	// OnChanged is called after a user edit; the window then stores the
	// list with Store.
	OnChanged func()

	cat      *planner.Catalog
	rep      *planner.ReportedData
	list     []planner.BubbleScenario
	baseline string
	selected int
	results  []planner.BubbleResult
	rows     []planner.BubbleRow
	seen     string // the file's list as last loaded (JSON)

	List *widget.List
	// Buttons edit the list (the name entry renames on Enter).
	Buttons struct{ New, Duplicate, Delete, Up, Down, Baseline *widget.Button }
	Name    *widget.Entry
	Method  *widget.Select
	Prior   *widget.Check
	Entries map[string]*widget.Entry
	Status  *widget.Label
	Table   *widget.Table
	Compare *ChartImage
	// Own is the selected scenario's waterfall, Tornado its tornado of
	// the output TornadoOutput names; Pages holds the table and both.
	Own           *ChartImage
	Tornado       *builtChart
	TornadoOutput *widget.Select
	Pages         *container.AppTabs
	content       fyne.CanvasObject
	form          *widget.Form
	formBox       *fyne.Container
	// formItems holds every input's row; the form shows the method's.
	formItems map[string]*widget.FormItem
	loading   bool
}

// bubbleInputKeys are the input entries, in form order; which are shown
// depends on the method (planner.MethodKeys).
var bubbleInputKeys = []string{planner.GapKeyYear, planner.GapKeyDCRevenue, planner.GapKeyCapex, planner.GapKeyGPUShare,
	planner.GapKeyMargin, planner.GapKeyLife, planner.GapKeyReturn, planner.GapKeyGrossMargin, planner.GapKeyCapexRevenueRatio,
	planner.GapKeyAIRevenue, planner.GapKeyCapexGrowth, planner.GapKeyRevenueGrowth, planner.GapKeyYears}

// bubbleLabels are short, so that the inputs column stays narrow beside
// the charts.
var bubbleLabels = map[string]string{
	planner.GapKeyYear: "First year", planner.GapKeyDCRevenue: "GPU DC run-rate",
	planner.GapKeyCapex: "AI capex, year 1", planner.GapKeyGPUShare: "GPU share of TCO",
	planner.GapKeyMargin: "End-user margin", planner.GapKeyLife: "Useful life (yr)",
	planner.GapKeyReturn: "Return on capital", planner.GapKeyGrossMargin: "Gross margin",
	planner.GapKeyCapexRevenueRatio: "Capex / revenue", planner.GapKeyAIRevenue: "Revenue, year 1",
	planner.GapKeyCapexGrowth: "Capex growth (×/yr)", planner.GapKeyRevenueGrowth: "Revenue growth (×/yr)",
	planner.GapKeyYears: "Years",
}

// bubbleColumns are the indicator table's headings.
var bubbleColumns = []string{"Scenario", "Method", "Required", "Revenue", "Gap", "Gap/revenue", "Cumulative gap",
	"Closes", "Coverage", "Δ gap vs baseline", "Δ cumulative"}

// NewBubbleView returns the tab showing the built-in bubble-risk scenarios,
// baseline sequoia-2024 (as in the built-in file), until a file is loaded.
func NewBubbleView(cat *planner.Catalog, rep *planner.ReportedData) (*BubbleView, error) {
	defs, err := planner.BubbleDefaults(cat, rep)
	if err != nil {
		return nil, err
	}
	v := &BubbleView{cat: cat, rep: rep, list: defs, baseline: planner.GapScenarioName(&planner.GapInputs{Preset: planner.GapPreset2024}),
		Entries: map[string]*widget.Entry{}}
	v.build()
	v.recompute()
	v.showSelected()
	v.List.Select(v.selected)
	return v, nil
}

// View returns the tab for the window's Views list.
func (v *BubbleView) View() View {
	return View{Title: "Bubble risk", Content: v.content, Update: v.Update}
}

// Content returns the tab body.
func (v *BubbleView) Content() fyne.CanvasObject { return v.content }

// Update loads the file's bubble-risk scenarios when they changed since the
// last load (a file opened); the view's own edits come back unchanged.
func (v *BubbleView) Update(s State) {
	if s.File == nil {
		return
	}
	list := s.File.BubbleList()
	if len(list) == 0 {
		return
	}
	b, _ := json.Marshal(struct {
		L []planner.BubbleScenario
		B string
	}{list, s.File.BubbleBaseline})
	if string(b) == v.seen {
		return
	}
	v.seen = string(b)
	v.list, v.baseline, v.selected = list, s.File.BubbleBaseline, 0
	v.recompute()
	v.showSelected()
	v.List.Refresh()
	v.List.Select(v.selected)
	v.redraw()
}

// Store writes the list and baseline into f.
func (v *BubbleView) Store(f *planner.File) {
	f.BubbleScenarios = slices.Clone(v.list)
	f.BubbleBaseline = v.baseline
	b, _ := json.Marshal(struct {
		L []planner.BubbleScenario
		B string
	}{f.BubbleScenarios, f.BubbleBaseline})
	v.seen = string(b)
}

// Scenarios returns a copy of the list.
func (v *BubbleView) Scenarios() []planner.BubbleScenario { return slices.Clone(v.list) }

// Rows returns the indicator table's rows.
func (v *BubbleView) Rows() []planner.BubbleRow { return v.rows }

func (v *BubbleView) build() {
	v.List = widget.NewList(func() int { return len(v.list) },
		func() fyne.CanvasObject { return widget.NewLabel("Scenario name") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			name := v.list[i].Name
			if name == v.baseline {
				name = "★ " + name
			}
			o.(*widget.Label).SetText(name)
		})
	v.List.OnSelected = func(i widget.ListItemID) { v.Select(i) }
	b := &v.Buttons
	b.New, b.Duplicate, b.Delete = widget.NewButton("New", v.New), widget.NewButton("Duplicate", v.Duplicate), widget.NewButton("Delete", v.Delete)
	b.Up, b.Down = widget.NewButton("Up", func() { v.Move(-1) }), widget.NewButton("Down", func() { v.Move(1) })
	b.Baseline = widget.NewButton("Baseline", v.SetBaseline)
	buttons := container.NewGridWithColumns(3, b.New, b.Duplicate, b.Delete, b.Up, b.Down, b.Baseline)
	v.Name = widget.NewEntry()
	v.Name.OnSubmitted = func(s string) { v.Rename(s) }
	v.Method = widget.NewSelect(planner.BubbleMethods(), func(m string) { v.setMethod(m) })
	v.Prior = widget.NewCheck("Count earlier vintages", func(b bool) { v.edit(planner.GapKeyPriorVintages, "", b) })
	v.form = widget.NewForm(widget.NewFormItem("Name", v.Name), widget.NewFormItem("Method", v.Method))
	v.formItems = map[string]*widget.FormItem{planner.GapKeyPriorVintages: widget.NewFormItem("", v.Prior)}
	for _, k := range bubbleInputKeys {
		e := widget.NewEntry()
		e.OnChanged = func(s string) { v.edit(k, s, false) }
		v.Entries[k] = e
		v.formItems[k] = widget.NewFormItem(bubbleLabels[k], e)
	}
	v.Status = widget.NewLabel("")
	v.Status.Wrapping = fyne.TextWrapWord
	v.Table = widget.NewTable(func() (int, int) { return len(v.rows) + 1, len(bubbleColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("Kupperman 2025, 20% return") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id.Row, id.Col)) })
	for i := range bubbleColumns {
		v.Table.SetColumnWidth(i, 110)
	}
	v.Table.SetColumnWidth(0, 270)
	v.Compare = NewChartImage(func() (plot.Kind, plot.Input) {
		return plot.KindGapCompare, plot.Input{Catalog: v.cat, Bubble: slices.Clone(v.list), Reported: v.rep}
	})
	v.Own = NewChartImage(v.ownChart)
	v.Tornado = newBuiltChart(func() (plot.Chart, error) { return v.tornado(v.tornadoOutput()) })
	v.TornadoOutput = widget.NewSelect([]string{tornadoOutputTitles[planner.GapOutputGap], tornadoOutputTitles[planner.GapOutputCumulative]},
		func(string) { v.Tornado.Redraw() })
	v.TornadoOutput.SetSelected(tornadoOutputTitles[planner.GapOutputGap])
	// The ranges are the catalogue's (Cahn's inputs, life, revenue,
	// growth): capex, return, gross margin and the capex-to-revenue ratio
	// have none yet and draw no bar; the chart's footnote says where
	// ranges come from.
	tornado := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("What drives"), nil, v.TornadoOutput),
		nil, nil, nil, v.Tornado)
	v.Pages = container.NewAppTabs(
		container.NewTabItem("Indicators", v.Table),
		container.NewTabItem("Waterfall", v.Own),
		container.NewTabItem("Tornado", tornado))
	v.Pages.OnSelected = func(*container.TabItem) { v.redraw() }
	// The inputs beside the charts: at 1366x768 (the window's editor
	// column folded on this tab) an edit shows in the comparison chart
	// and the page below it without scrolling.
	v.formBox = container.NewStack(v.form)
	list := container.NewVSplit(v.List, container.NewVScroll(v.formBox))
	list.Offset = 0.3
	right := container.NewVSplit(v.Compare, v.Pages)
	right.Offset = 0.62
	split := container.NewHSplit(container.NewBorder(buttons, v.Status, nil, nil, list), right)
	split.Offset = 0.32
	v.content = split
}

// ownChart is the selected scenario's waterfall, in its method's steps
// (plot.NewMethodWaterfall).
func (v *BubbleView) ownChart() (plot.Kind, plot.Input) {
	s := cloneBubble(v.list[min(v.selected, len(v.list)-1)])
	return plot.KindWaterfall, plot.Input{Catalog: v.cat, Gap: &s.GapInputs}
}

// cell returns the indicator table's text at row r (0: headings), column c.
func (v *BubbleView) cell(r, c int) string {
	if r == 0 {
		return bubbleColumns[c]
	}
	row := v.rows[r-1]
	in := row.Indicators
	name := row.Name
	if row.Baseline {
		name = "★ " + name
	}
	ratio := func(p *float64, pct bool) string {
		switch {
		case p == nil:
			return "n/a"
		case pct:
			return planner.HumanPercent(*p)
		}
		return fmt.Sprintf("%.2f", *p)
	}
	delta := func(p *float64) string {
		if p == nil || row.Baseline {
			return ""
		}
		if *p >= 0 {
			return "+" + planner.HumanUSD(*p)
		}
		return "−" + planner.HumanUSD(-*p)
	}
	switch c {
	case 0:
		return name
	case 1:
		return in.Method
	case 2:
		return planner.HumanUSD(in.RequiredUSD)
	case 3:
		return planner.HumanUSD(in.RevenueUSD)
	case 4:
		return planner.HumanUSD(in.GapUSD)
	case 5:
		return ratio(in.GapToRevenue, false)
	case 6:
		return planner.HumanUSD(in.CumulativeGapUSD)
	case 7:
		if in.ClosesYear == nil {
			return "not by " + fmt.Sprint(in.LastYear)
		}
		return fmt.Sprint(*in.ClosesYear)
	case 8:
		return ratio(in.CoverageRatio, true)
	case 9:
		return delta(row.DeltaGapUSD)
	}
	return delta(row.DeltaCumulativeUSD)
}
