package ui

import (
	"encoding/json"
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// BubbleView is the Bubble-risk tab: the list of bubble-risk scenarios
// (new, duplicate, delete, reorder, baseline; the name entry renames), the
// selected one's inputs, the comparison chart with the reported points, the
// side-by-side indicator table with deltas against the baseline, and the
// selected scenario's own chart.
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

	List    *widget.List
	Name    *widget.Entry
	Method  *widget.Select
	Prior   *widget.Check
	Entries map[string]*widget.Entry
	Status  *widget.Label
	Table   *widget.Table
	Compare *ChartImage
	Own     *ChartImage
	content fyne.CanvasObject
	form    *widget.Form
	loading bool
}

// bubbleInputKeys are the input entries, in form order; which are shown
// depends on the method (planner.MethodKeys).
var bubbleInputKeys = []string{planner.GapKeyYear, planner.GapKeyDCRevenue, planner.GapKeyCapex, planner.GapKeyGPUShare,
	planner.GapKeyMargin, planner.GapKeyLife, planner.GapKeyReturn, planner.GapKeyGrossMargin, planner.GapKeyCapexRevenueRatio,
	planner.GapKeyAIRevenue, planner.GapKeyCapexGrowth, planner.GapKeyRevenueGrowth, planner.GapKeyYears}

var bubbleLabels = map[string]string{
	planner.GapKeyYear: "First year", planner.GapKeyDCRevenue: "Accelerator DC revenue run-rate",
	planner.GapKeyCapex: "AI capex, first year", planner.GapKeyGPUShare: "GPU share of TCO",
	planner.GapKeyMargin: "End-user gross margin", planner.GapKeyLife: "Useful life (years)",
	planner.GapKeyReturn: "Target return on capital", planner.GapKeyGrossMargin: "Gross margin on AI revenue",
	planner.GapKeyCapexRevenueRatio: "Capex-to-revenue ratio", planner.GapKeyAIRevenue: "Revenue, first year",
	planner.GapKeyCapexGrowth: "Capex growth (x/year)", planner.GapKeyRevenueGrowth: "Revenue growth (x/year)",
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
		func() fyne.CanvasObject { return widget.NewLabel("scenario name placeholder") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			name := v.list[i].Name
			if name == v.baseline {
				name = "★ " + name
			}
			o.(*widget.Label).SetText(name)
		})
	v.List.OnSelected = func(i widget.ListItemID) { v.Select(i) }
	buttons := container.NewGridWithColumns(3,
		widget.NewButton("New", v.New), widget.NewButton("Duplicate", v.Duplicate), widget.NewButton("Delete", v.Delete),
		widget.NewButton("Up", func() { v.Move(-1) }), widget.NewButton("Down", func() { v.Move(1) }),
		widget.NewButton("Baseline", v.SetBaseline))
	v.Name = widget.NewEntry()
	v.Name.OnSubmitted = func(s string) { v.Rename(s) }
	v.Method = widget.NewSelect(planner.BubbleMethods(), func(m string) { v.setMethod(m) })
	v.Prior = widget.NewCheck("Count earlier capex vintages", func(b bool) { v.edit(planner.GapKeyPriorVintages, "", b) })
	v.form = widget.NewForm(widget.NewFormItem("Name", v.Name), widget.NewFormItem("Method", v.Method))
	for _, k := range bubbleInputKeys {
		e := widget.NewEntry()
		e.OnChanged = func(s string) { v.edit(k, s, false) }
		v.Entries[k] = e
		v.form.Append(bubbleLabels[k], e)
	}
	v.form.Append("", v.Prior)
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
	// One column, so that the tab reads in the window's narrow right pane:
	// the comparison chart and the indicator table first (what the tab is
	// for), then the list, the inputs and the selected scenario's chart;
	// the window's scroll shows the rest.
	v.content = container.NewVBox(minHeight(v.Compare, 440), minHeight(v.Table, 300),
		buttons, minHeight(v.List, 180), v.form, v.Status,
		minHeight(v.Own, 380))
}

// minHeight stacks o over an invisible strut of height h, so that a VBox
// gives it at least h.
func minHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(strut, o)
}

// ownChart is the selected scenario's chart: the waterfall for Cahn's
// method, else the scenario alone by year.
func (v *BubbleView) ownChart() (plot.Kind, plot.Input) {
	if v.selected >= len(v.list) {
		return plot.KindGapCompare, plot.Input{Catalog: v.cat}
	}
	s := v.list[v.selected]
	if s.Method == "" || s.Method == planner.MethodCahn {
		return plot.KindWaterfall, plot.Input{Catalog: v.cat, Gap: &s.GapInputs}
	}
	return plot.KindGapCompare, plot.Input{Catalog: v.cat, Bubble: []planner.BubbleScenario{s}}
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
