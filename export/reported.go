package export

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/assets"
	"aiplan/planner"
)

// SheetReported lists the reported capex and revenue series with sources.
const SheetReported = "Reported data"

// reportedColumns are the Reported data sheet's columns, in order.
var reportedColumns = []string{"Series", "Company", "Kind", "Period", "Year (chart)", "Value USD",
	"Low USD (guidance)", "High USD (guidance)", "Date", "Source", "Published", "Flags", "Note", "Definition"}

// reportedSheet writes every point of rep, one row each, with its source,
// date and definition flags.
func (wr *writer) reportedSheet(rep *planner.ReportedData) error {
	f, s := wr.f, SheetReported
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	st, err := wr.plainStyles(markTitle, markHeader)
	if err != nil {
		return err
	}
	// Every data cell top-aligned, beside the wrapped name and source.
	top := &excelize.Alignment{WrapText: true, Vertical: "top"}
	fm := fmtUSD
	usd, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fm, Alignment: top})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return err
	}
	w := cellWriter{f: f, s: s}
	w.str("A1", "Reported series, as of "+rep.AsOf+": "+rep.Note)
	for i, h := range reportedColumns {
		w.str(cellAt(1+i, 3), h)
	}
	r := 4
	for _, sr := range rep.Series {
		for _, p := range sr.Points {
			w.str(cellAt(1, r), sr.Name)
			w.str(cellAt(2, r), sr.Company)
			w.str(cellAt(3, r), sr.Kind)
			w.str(cellAt(4, r), p.Period)
			w.num(cellAt(5, r), float64(p.Year))
			w.num(cellAt(6, r), p.ValueUSD)
			if p.HighUSD > 0 {
				w.num(cellAt(7, r), p.LowUSD)
				w.num(cellAt(8, r), p.HighUSD)
			}
			w.str(cellAt(9, r), p.Date)
			w.str(cellAt(10, r), p.Source)
			w.str(cellAt(11, r), p.Published)
			w.str(cellAt(12, r), strings.Join(p.Flags, " "))
			w.str(cellAt(13, r), p.Note)
			w.str(cellAt(14, r), sr.Definition)
			// LibreOffice keeps a row one line high unless told: the
			// wrapped name and source set the height.
			lines := max(wrapLines(sr.Name, 24), wrapLines(p.Source, 38), 1)
			if err := f.SetRowHeight(s, r, 15*float64(lines)); err != nil {
				return err
			}
			r++
		}
	}
	if w.err != nil {
		return w.err
	}
	if err := f.SetCellStyle(s, "A1", "A1", st[0]); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A3", cellAt(len(reportedColumns), 3), st[1]); err != nil {
		return err
	}
	// Columns A to K print on one landscape page width at 64% (see
	// pagesetup.go), the series name and source wrapped; the flags and the
	// long Note and Definition (L to N) stay on screen.
	if r > 4 {
		if err := f.SetCellStyle(s, cellAt(1, 4), cellAt(len(reportedColumns), r-1), wrap); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cellAt(6, 4), cellAt(8, r-1), usd); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		col string
		w   float64
	}{{"A", 24}, {"B", 11}, {"D", 10}, {"F", 13}, {"G", 13}, {"H", 13}, {"I", 10.5}, {"J", 38}, {"K", 10.5}, {"L", 16}, {"M", 50}, {"N", 60}} {
		if err := f.SetColWidth(s, c.col, c.col, c.w); err != nil {
			return err
		}
	}
	return nil
}

// bubbleSheets writes the Bubble scenarios and Reported data sheets: the
// set's bubble-risk scenarios (an older file's gap model as one; none: the
// built-in presets are not invented here, the sheet is left out) and the
// embedded reported series.
func (wr *writer) bubbleSheets() error {
	list := wr.set.BubbleList()
	if len(list) > SummaryMax {
		list = list[:SummaryMax]
	}
	if len(list) > 0 && planner.CheckBubbleScenarios(list, "") == nil {
		if err := wr.bubbleSheet(list); err != nil {
			return err
		}
	}
	rep, err := assets.Reported()
	if err != nil {
		return err
	}
	return wr.reportedSheet(rep)
}

// wrapLines is the number of lines text takes wrapped in a column width
// characters wide (LibreOffice, Carlito 11 pt: a unit of column width holds
// a little more than one average character, which about pays for the
// space wrapping leaves at the end of a line; checked on the PDF).
func wrapLines(text string, width int) int {
	return (len([]rune(text)) + width - 1) / width
}
