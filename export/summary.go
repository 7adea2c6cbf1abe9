package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

// summaryRows are the Summary sheet's rows, Model paths from
// planner.OutputTable in display order: every output of the final run,
// then the programme totals of the outputs the results panel repeats.
var summaryRows = func() []string {
	var rows, prog []string
	for _, o := range planner.OutputTable {
		rows = append(rows, o.Path)
		if o.Programme {
			prog = append(prog, programmeKey(o.Path))
		}
	}
	return append(rows, prog...)
}()

// Summary layout: a title block (title, date, catalogue and app version),
// a header row, then one row per summaryRows path; the
// label and unit columns, then one column per scenario.
const (
	summaryTitleRow = 1
	summaryInfoRow  = 2
	summaryHeadRow  = 4
	summaryFirstRow = 5
	summaryLabelCol = 1
	summaryUnitCol  = 2
	summaryFirstCol = 3
)

// summaryRowOf returns the Summary row of a Model path, or 0.
func summaryRowOf(path string) int {
	for k, p := range summaryRows {
		if p == path {
			return summaryFirstRow + k
		}
	}
	return 0
}

// usdScale returns the one scale of a row of dollar figures (its largest):
// the divisor, the number format's thousands commas and the suffix.
func usdScale(vals []float64) (div float64, commas, suffix string) {
	top := 0.0
	for _, v := range vals {
		if !math.IsNaN(v) {
			top = max(top, math.Abs(v))
		}
	}
	switch {
	case top >= 1e9:
		return 1e9, ",,,", `"B"`
	case top >= 1e6:
		return 1e6, ",,", `"M"`
	}
	return 1, "", ""
}

// usdFormat returns the number format of v in a row of scale div: three
// significant figures ($1.02B, $15.3M, $980M), at least none after the point.
func usdFormat(v, div float64, commas, suffix string) string {
	decimals := 0
	if a := math.Abs(v) / div; a > 0 && a < 100 {
		decimals = min(2-int(math.Floor(math.Log10(a))), 6)
	}
	f := "$#,##0"
	if decimals > 0 {
		f += "." + strings.Repeat("0", decimals)
	}
	return f + commas + suffix
}

// summary writes the side-by-side comparison and its native charts. Every
// figure is a formula over the Model sheet with the planner's value cached;
// a row of dollars has one scale (B, M or none) and three significant
// figures in every cell.
func (wr *writer) summary() error {
	n := min(len(wr.rows), SummaryMax)
	styles, err := wr.plainStyles(markHeader, markUnit, markNone)
	if err != nil {
		return err
	}
	hs, us, ns := styles[0], styles[1], styles[2]
	widths := []float64{36, 10}
	head := []any{excelize.Cell{StyleID: hs, Value: "Output"}, excelize.Cell{StyleID: hs, Value: "Unit"}}
	for i := range n {
		name := wr.rows[i].sc.Name
		widths = append(widths, float64(min(max(utf8.RuneCountInString(name)+2, 12), 24)))
		// A string value: a name such as =HYPERLINK(...) stays text.
		head = append(head, excelize.Cell{StyleID: hs, Value: name})
	}
	if err := wr.pageSetup(SheetSummary, widths); err != nil {
		return err
	}
	// The widths go on the sheet before the charts are anchored (excelize
	// places a chart by the widths it knows) and before streaming.
	for i, w := range widths {
		if err := wr.f.SetColWidth(SheetSummary, colLetter(summaryLabelCol+i), colLetter(summaryLabelCol+i), w); err != nil {
			return err
		}
	}
	chartRow := summaryFirstRow + len(summaryRows) + 1
	if len(wr.rows) > n {
		chartRow += 2
	}
	inputsRow := chartRow
	if n <= ChartMax {
		inputsRow += 2 * summaryChartRows
	}
	if len(wr.summaryInputRows(n)) > 0 {
		// The inputs block starts a page of its own.
		if err := wr.f.InsertPageBreak(SheetSummary, cellAt(summaryLabelCol, inputsRow)); err != nil {
			return err
		}
	}
	if n <= ChartMax {
		// The charts start a page of their own, so neither straddles a
		// page break. Both the break and the charts' drawing are set before
		// the StreamWriter starts: it writes what it finds then, and a
		// change after its Flush is lost (the charts were, before).
		if err := wr.f.InsertPageBreak(SheetSummary, cellAt(summaryLabelCol, chartRow)); err != nil {
			return err
		}
		if err := wr.summaryCharts(n, chartRow); err != nil {
			return err
		}
	}
	sw, err := wr.f.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: summaryFirstCol - 1, YSplit: summaryHeadRow,
		TopLeftCell: cellAt(summaryFirstCol, summaryFirstRow), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	ts, err := wr.style("", markTitle)
	if err != nil {
		return err
	}
	info := fmt.Sprintf("Written %s · catalogue %s · aiplan %s · %d scenario(s)",
		wr.now.UTC().Format("2006-01-02 15:04 UTC"), wr.cat.Version, wr.version(), len(wr.rows))
	for _, r := range []struct {
		row  int
		cell excelize.Cell
	}{
		{summaryTitleRow, excelize.Cell{StyleID: ts, Value: "AI training cost plan: scenario comparison"}},
		{summaryInfoRow, excelize.Cell{StyleID: us, Value: info}},
		{summaryHeadRow, excelize.Cell{}},
	} {
		row := []any{r.cell}
		if r.row == summaryHeadRow {
			row = head
		}
		if err := sw.SetRow(cellAt(summaryLabelCol, r.row), row); err != nil {
			return err
		}
	}
	vals := make([]float64, n)
	for k, path := range summaryRows {
		r := summaryFirstRow + k
		j := wr.l.mIndex[path]
		mc := wr.l.model[j]
		for i := range n {
			vals[i] = wr.rows[i].out[j]
		}
		div, commas, suffix := usdScale(vals)
		row := []any{excelize.Cell{StyleID: ns, Value: mc.label}, excelize.Cell{StyleID: us, Value: mc.unit}}
		for i := range n {
			format := mc.format
			if mc.format == fmtUSD {
				format = usdFormat(vals[i], div, commas, suffix)
			}
			st, err := wr.style(format, markNone)
			if err != nil {
				return err
			}
			row = append(row, excelize.Cell{StyleID: st, Value: cached(vals[i]),
				Formula: SheetModel + "!" + mc.letter + strconv.Itoa(FirstRow+i)})
		}
		if err := sw.SetRow(cellAt(summaryLabelCol, r), row); err != nil {
			return err
		}
	}
	if len(wr.rows) > n {
		note := fmt.Sprintf("Showing the first %d of %d scenarios; the Model sheet has them all.", n, len(wr.rows))
		if err := sw.SetRow(cellAt(summaryLabelCol, summaryFirstRow+len(summaryRows)+1), []any{note}); err != nil {
			return err
		}
	}
	if err := wr.summaryInputs(sw, n, inputsRow); err != nil {
		return err
	}
	return sw.Flush()
}

// The Summary's two charts, one above the other on a page of their own:
// 300 px (15 default rows) each, two rows apart.
const (
	summaryChartPx   = 300
	summaryChartRows = 17
)

// chartFont is the native charts' text: dark enough to print (excelize's
// default axis labels are a pale grey, about #D9D9D9).
var (
	chartFont = excelize.Font{Color: "262626", Size: 11}
	titleFont = excelize.Font{Color: "000000", Size: 12, Bold: true}
)

func (wr *writer) summaryCharts(n, top int) error {
	rowOf := func(path string) string { return strconv.Itoa(summaryRowOf(path)) }
	first, last := colLetter(summaryFirstCol), colLetter(summaryFirstCol+n-1)
	cats := fmt.Sprintf("%s!$%s$%d:$%s$%d", SheetSummary, first, summaryHeadRow, last, summaryHeadRow)
	series := func(paths ...string) []excelize.ChartSeries {
		var ss []excelize.ChartSeries
		for _, p := range paths {
			r := rowOf(p)
			ss = append(ss, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$%s", SheetSummary, colLetter(summaryLabelCol), r),
				Categories: cats,
				Values:     fmt.Sprintf("%s!$%s$%s:$%s$%s", SheetSummary, first, r, last, r),
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
		cell := cellAt(summaryLabelCol, top+i*summaryChartRows)
		err := wr.f.AddChart(SheetSummary, cell, &excelize.Chart{
			Type:      c.typ,
			Series:    series(c.paths...),
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title, Font: &titleFont}}},
			Legend:    excelize.ChartLegend{Position: "bottom", Font: &chartFont},
			Dimension: excelize.ChartDimension{Width: width, Height: summaryChartPx},
			XAxis:     excelize.ChartAxis{Font: chartFont},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtUSD}, Font: chartFont},
			PlotArea:  excelize.ChartPlotArea{ShowVal: false},
		})
		if err != nil {
			return err
		}
	}
	return nil
}
