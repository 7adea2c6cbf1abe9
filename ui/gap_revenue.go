package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// The gap model's revenue table, yearly table and text helpers.

// RevenueRow is one editable line of the expected AI revenue table.
type RevenueRow struct {
	Name, Amount *widget.Entry
	// Other marks the balancing line (Cahn's rounding), not a company.
	Other  *widget.Check
	Remove *widget.Button
	source string
	box    fyne.CanvasObject
}

// YearlyRows returns the yearly table's text: year, required revenue, AI
// revenue, gap and cumulative gap, one row per year.
func (v *GapModelView) YearlyRows() [][]string {
	out := make([][]string, len(v.yearly))
	for i, r := range v.yearly {
		out[i] = append([]string(nil), r...)
	}
	return out
}

func presetTitle(titles map[string]string, id string) string {
	if t, ok := titles[id]; ok {
		return t
	}
	return presetCustom
}

func presetID(titles map[string]string, title string) string {
	for id, t := range titles {
		if t == title {
			return id
		}
	}
	return ""
}

func usdText(v float64) string { return "$" + planner.FormatQuantity(v) }

func growthText(v float64) string { return planner.FormatNumber(v) + "x" }

func percentText(v float64) string {
	s := planner.FormatNumber(v*100) + "%"
	if back, err := planner.ParseQuantity(s); err == nil && back == v {
		return s
	}
	return planner.FormatNumber(v)
}

// addRow appends a revenue line to the table (no evaluation).
func (v *GapModelView) addRow(it planner.RevenueItem) {
	r := &RevenueRow{source: it.Source}
	r.Name = widget.NewEntry()
	r.Name.SetText(it.Name)
	r.Name.OnChanged = func(string) {
		if !v.fields.loading {
			v.apply()
		}
	}
	r.Amount = widget.NewEntry()
	r.Amount.AlwaysShowValidationError = true
	r.Amount.SetText(usdText(it.USD))
	r.Amount.OnChanged = r.Name.OnChanged
	r.Other = widget.NewCheck("other", func(bool) {
		if !v.fields.loading {
			v.apply()
		}
	})
	r.Other.Checked = it.Other
	r.Remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeRow(r) })
	r.Remove.Importance = widget.LowImportance
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(110, r.Amount.MinSize().Height), r.Amount), r.Other, r.Remove)
	r.box = container.NewBorder(nil, nil, nil, right, r.Name)
	v.Rows = append(v.Rows, r)
	v.rowsBox.Add(r.box)
}

func (v *GapModelView) removeRow(r *RevenueRow) {
	for i, x := range v.Rows {
		if x == r {
			v.Rows = append(v.Rows[:i], v.Rows[i+1:]...)
			v.rowsBox.Remove(r.box)
			v.apply()
			return
		}
	}
}

// show writes the revenue summary, indicators and yearly table.
func (v *GapModelView) show() {
	r := &v.res
	first := r.Years[0]
	last := r.Years[len(r.Years)-1]
	sum := fmt.Sprintf("Listed items %s (gap %s)", planner.HumanUSD(r.ItemisedRevenueUSD), planner.HumanUSD(r.ItemisedGapUSD))
	if r.OtherRevenueUSD != 0 {
		sum += fmt.Sprintf(" / with other %s (gap %s)", planner.HumanUSD(r.TableRevenueUSD), planner.HumanUSD(r.RequiredRevenueUSD-r.TableRevenueUSD))
	}
	if r.RevenueOverridden {
		sum += fmt.Sprintf(" / override %s (gap %s)", planner.HumanUSD(r.AIRevenueUSD), planner.HumanUSD(r.GapUSD))
	}
	v.RevenueSummary.SetText(sum)
	v.Rule.SetText(fmt.Sprintf("%s / %s = data-centre cost %s; / (1 − %s) = %s needed per year of capex; %s required in %d.",
		planner.HumanUSD(v.in.DCRevenueUSD), planner.HumanPercent(v.in.GPUShare), planner.HumanUSD(r.DataCentreCostUSD),
		planner.HumanPercent(v.in.Margin), planner.HumanUSD(r.VintageRevenueUSD), planner.HumanUSD(first.RequiredRevenueUSD), first.Year))
	if r.GapToRevenue != nil {
		v.GapRatio.SetText(fmt.Sprintf("Gap / AI revenue, %d: %s× (gap %s on revenue %s).", first.Year,
			strconv.FormatFloat(*r.GapToRevenue, 'f', 2, 64), planner.HumanUSD(first.GapUSD), planner.HumanUSD(first.RevenueUSD)))
	} else {
		v.GapRatio.SetText(fmt.Sprintf("Gap / AI revenue, %d: n/a (no AI revenue).", first.Year))
	}
	if r.ClosesYear != nil {
		v.Closes.SetText(fmt.Sprintf("Gap closes in %d (%d years after %d). Cumulative gap by then: %s.", *r.ClosesYear, *r.YearsToClose,
			first.Year, planner.HumanUSD(r.Years[*r.YearsToClose].CumulativeGapUSD)))
	} else {
		v.Closes.SetText(fmt.Sprintf("Gap does not close: not within the horizon (%d–%d). Cumulative gap by %d: %s.",
			first.Year, last.Year, last.Year, planner.HumanUSD(last.CumulativeGapUSD)))
	}
	v.yearly = v.yearly[:0]
	for _, y := range r.Years {
		v.yearly = append(v.yearly, []string{strconv.Itoa(y.Year), planner.HumanUSD(y.RequiredRevenueUSD),
			planner.HumanUSD(y.RevenueUSD), planner.HumanUSD(y.GapUSD), planner.HumanUSD(y.CumulativeGapUSD)})
	}
	v.Yearly.Refresh()
}

var yearlyHeader = []string{"Year", "Required", "AI revenue", "Gap", "Cumulative gap"}

func (v *GapModelView) newYearlyTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.yearly), len(yearlyHeader) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("$000.0B")
			l.Alignment = fyne.TextAlignTrailing
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < len(v.yearly) && id.Col < len(yearlyHeader) {
				l.SetText(v.yearly[id.Row][id.Col])
			}
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(yearlyHeader) {
			o.(*widget.Label).SetText(yearlyHeader[id.Col])
		}
	}
	t.SetColumnWidth(0, 56)
	for c := 1; c < len(yearlyHeader); c++ {
		t.SetColumnWidth(c, 96)
	}
	t.SetColumnWidth(len(yearlyHeader)-1, 132) // "Cumulative gap" whole (layout)
	return t
}
