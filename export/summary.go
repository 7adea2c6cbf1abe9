package export

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// summaryRows are the Summary sheet's rows: Model paths in display order.
var summaryRows = []string{
	"trainingFLOP", "gpuHours", "wallClockDays", "impliedMFU", "itEnergyKWh", "facilityEnergyKWh",
	"peakPowerMW", "emissionsTCO2e", "marketEmissionsTCO2e", "embodiedTCO2e", "waterOnsiteL", "waterOffsiteL",
	"costUSD.cloud", "costUSD.amortized", "costUSD.purchase", "costUSD.energy", "breakEvenGPUHours",
	"costBreakdownUSD.amortizedAccelerators", "costBreakdownUSD.amortizedServerInterconnect",
	"costBreakdownUSD.energy", "costBreakdownUSD.financing", "costBreakdownUSD.purchaseAccelerators",
	"costBreakdownUSD.purchaseServerInterconnect", "costBreakdownUSD.staff",
	"withExperiments.gpuHours", "withExperiments.facilityEnergyKWh", "withExperiments.emissionsTCO2e",
	"withExperiments.costUSD.cloud", "withExperiments.costUSD.amortized",
}

// summary writes the side-by-side comparison and its native charts.
func (wr *writer) summary() error {
	f, s := wr.f, SheetSummary
	n := min(len(wr.rows), SummaryMax)
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	us, err := wr.style("", markUnit)
	if err != nil {
		return err
	}
	if err := f.SetCellStr(s, "A1", "Output"); err != nil {
		return err
	}
	if err := f.SetCellStr(s, "B1", "Unit"); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(3+i, 1)
		// SetCellStr: a name such as =HYPERLINK(...) stays text.
		if err := f.SetCellStr(s, cell, wr.rows[i].sc.Name); err != nil {
			return err
		}
		width := float64(min(max(utf8.RuneCountInString(wr.rows[i].sc.Name)+2, 14), 40))
		col := colLetter(3 + i)
		if err := f.SetColWidth(s, col, col, width); err != nil {
			return err
		}
	}
	last := colLetter(2 + n)
	if err := f.SetCellStyle(s, "A1", last+"1", hs); err != nil {
		return err
	}
	for k, path := range summaryRows {
		r := k + 2
		mc := wr.l.model[wr.l.mIndex[path]]
		if err := f.SetCellStr(s, "A"+strconv.Itoa(r), mc.label); err != nil {
			return err
		}
		if err := f.SetCellStr(s, "B"+strconv.Itoa(r), mc.unit); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			cell, _ := excelize.CoordinatesToCellName(3+i, r)
			if err := f.SetCellFormula(s, cell, SheetModel+"!"+mc.letter+strconv.Itoa(FirstRow+i)); err != nil {
				return err
			}
		}
		st, err := wr.style(mc.format, markNone)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "C"+strconv.Itoa(r), last+strconv.Itoa(r), st); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "B"+strconv.Itoa(r), "B"+strconv.Itoa(r), us); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(s, "A", "A", 40); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "B", "B", 11); err != nil {
		return err
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	next := len(summaryRows) + 3
	if len(wr.rows) > n {
		if err := f.SetCellStr(s, "A"+strconv.Itoa(next), fmt.Sprintf("Showing the first %d of %d scenarios; the Model sheet has them all.", n, len(wr.rows))); err != nil {
			return err
		}
		next += 2
	}
	if n > ChartMax {
		return nil
	}
	return wr.summaryCharts(n, next)
}

func (wr *writer) summaryCharts(n, top int) error {
	rowOf := func(path string) string {
		for k, p := range summaryRows {
			if p == path {
				return strconv.Itoa(k + 2)
			}
		}
		return ""
	}
	last := colLetter(2 + n)
	cats := fmt.Sprintf("%s!$C$1:$%s$1", SheetSummary, last)
	series := func(paths ...string) []excelize.ChartSeries {
		var ss []excelize.ChartSeries
		for _, p := range paths {
			r := rowOf(p)
			ss = append(ss, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$A$%s", SheetSummary, r),
				Categories: cats,
				Values:     fmt.Sprintf("%s!$C$%s:$%s$%s", SheetSummary, r, last, r),
			})
		}
		return ss
	}
	width := uint(max(640, 110*n))
	charts := []struct {
		title string
		typ   excelize.ChartType
		paths []string
	}{
		{"Training cost by method (USD)", excelize.Col, []string{"costUSD.cloud", "costUSD.amortized", "costUSD.purchase"}},
		{"Amortized cost breakdown (USD)", excelize.ColStacked, []string{
			"costBreakdownUSD.amortizedAccelerators", "costBreakdownUSD.amortizedServerInterconnect",
			"costBreakdownUSD.energy", "costBreakdownUSD.financing"}},
	}
	for i, c := range charts {
		cell := "A" + strconv.Itoa(top+i*22)
		err := wr.f.AddChart(SheetSummary, cell, &excelize.Chart{
			Type:      c.typ,
			Series:    series(c.paths...),
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: width, Height: 400},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtUSD}},
			PlotArea:  excelize.ChartPlotArea{ShowVal: false},
		})
		if err != nil {
			return err
		}
	}
	return nil
}
