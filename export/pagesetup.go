package export

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Paper: every visible sheet prints with margins, a header and a footer
// (sheet name, page number, date, catalogue version), its header rows and
// name column repeated on every page, landscape when wider than a portrait
// page, fitted to one page wide when that keeps the text at 7 pt or more
// (a scale of at least printScale percent of the 11 pt body text), else
// printed at that scale across as many pages as it takes.

const (
	// printScale (percent) keeps 11 pt text at 7.04 pt.
	printScale = 64
	// Printable widths in points: Letter/A4 less 0.4 in side margins.
	portraitPt  = 7.7 * 72
	landscapePt = 10.2 * 72
	// charPt is the printed width of one unit of column width in points
	// (LibreOffice, Carlito 11 pt; measured on the PDF, rounded up).
	charPt = 7.0
)

// printTitles are the rows and columns repeated on every page, by sheet.
var printTitles = map[string]string{
	SheetAssumptions: "$A:$B,$1:$3",
	SheetModel:       "$A:$A,$1:$3",
	SheetProvenance:  "$1:$1",
}

// streamedSheets are set up for paper before they are streamed (a
// StreamWriter writes the page setup it finds when it starts; changes
// after its Flush are lost).
var streamedSheets = map[string]bool{SheetSummary: true, SheetAssumptions: true, SheetModel: true, SheetProvenance: true, sheetData: true}

// printLayout sets up for paper every visible sheet written cell by cell.
func (wr *writer) printLayout() error {
	f := wr.f
	for _, sh := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(sh); err != nil || !v || streamedSheets[sh] {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			return err
		}
		last := 1
		for _, r := range rows {
			last = max(last, len(r))
		}
		if n, ok := printCols[sh]; ok {
			last = n
			if err := wr.columnsPrintArea(sh, rows, n); err != nil {
				return err
			}
		}
		if err := wr.wrapLongNotes(sh, rows, last); err != nil {
			return err
		}
		widths := make([]float64, last)
		for c := range widths {
			if widths[c], err = f.GetColWidth(sh, colLetter(c+1)); err != nil {
				return err
			}
		}
		if err := wr.pageSetup(sh, widths); err != nil {
			return err
		}
		if sh == SheetConstants {
			if err := wr.offPaper(sh, last); err != nil {
				return err
			}
		}
	}
	return nil
}

// wrapLongNotes wraps a note (a row with one text cell) that runs past the
// sheet's last column over the row's width, so that the text does not widen
// the printed page: LibreOffice prints a cell's overflowing text and
// scales the whole sheet down to fit it.
func (wr *writer) wrapLongNotes(sh string, rows [][]string, last int) error {
	f := wr.f
	widths := make([]float64, last)
	for c := range widths {
		w, err := f.GetColWidth(sh, colLetter(c+1))
		if err != nil {
			return err
		}
		widths[c] = w
	}
	for r, row := range rows {
		// The last text cell of the row: the only one that can overflow.
		col := len(row) - 1
		for col >= 0 && row[col] == "" {
			col--
		}
		if col < 0 || col >= last {
			continue
		}
		span := 0.0
		for _, w := range widths[col:] {
			span += w
		}
		text := float64(len([]rune(row[col])))
		if text <= span || span < minWrapChars {
			// It overflows within the sheet's width (fine), or the
			// columns are too narrow to wrap it readably (a chart's
			// title above its picture).
			continue
		}
		if err := wr.wrapCell(sh, r+1, col+1, last, math.Ceil(text*1.15/span)); err != nil {
			return err
		}
	}
	return nil
}

// wrapCell wraps the text of a cell over the columns col to last of its
// row, lines high.
func (wr *writer) wrapCell(sh string, row, col, last int, lines float64) error {
	f := wr.f
	from, to := cellAt(col, row), cellAt(last, row)
	if col < last {
		if err := f.MergeCell(sh, from, to); err != nil {
			return err
		}
	}
	st, err := f.GetCellStyle(sh, from)
	if err != nil {
		return err
	}
	style, err := f.GetStyle(st)
	if err != nil {
		return err
	}
	if style.Alignment == nil {
		style.Alignment = &excelize.Alignment{}
	}
	style.Alignment.WrapText, style.Alignment.Vertical = true, "top"
	id, err := f.NewStyle(style)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, from, from, id); err != nil {
		return err
	}
	h, err := f.GetRowHeight(sh, row)
	if err != nil {
		return err
	}
	return f.SetRowHeight(sh, row, max(h, 15*lines))
}

// minWrapChars is the narrowest span (in characters) a long note is
// wrapped over.
const minWrapChars = 30

// printedModelColumns is the number of Model columns on paper: the name
// and the outputs. The programme totals after them (printed on the
// Summary, scenarios as columns) and the working columns (the shared terms
// and the range check) stay on screen.
func printedModelColumns(cols []column) int {
	n := len(cols)
	for n > 0 && (strings.HasPrefix(cols[n-1].key, "work.") || strings.HasPrefix(cols[n-1].key, programmeKey(""))) {
		n--
	}
	return n
}

// modelPrintArea prints the Model's name and outputs.
func (wr *writer) modelPrintArea(cols []column) error {
	last := FirstRow + max(len(wr.rows), 1) - 1
	area := "'" + SheetModel + "'!$A$1:$" + colLetter(printedModelColumns(cols)) + "$" + strconv.Itoa(last)
	return wr.definePrint(SheetModel, "_xlnm.Print_Area", area)
}

// printCols is the number of columns on paper of the sheets whose last
// columns stay on screen: Bubble gap's earlier vintages (columns L to Q,
// 49 working rows back to 1975), Reported data's flags and long Note and
// Definition texts (L to N), the Uncertainty tornado's sources (R).
var printCols = map[string]int{SheetGap: 10, SheetReported: 11, SheetUncertainty: 17}

// portraitParts are the sheets printed portrait whatever their width: a
// column break splits them into tables of one portrait page wide each
// (Uncertainty: the quantiles, then the tornado).
var portraitParts = map[string]bool{SheetUncertainty: true}

// columnsPrintArea prints the first cols columns of a sheet, down to the
// last row with a value in them.
func (wr *writer) columnsPrintArea(sh string, rows [][]string, cols int) error {
	end := 1
	for r, row := range rows {
		for c := 0; c < min(len(row), cols); c++ {
			if row[c] != "" {
				end = r + 1
			}
		}
	}
	area := "'" + sh + "'!$A$1:$" + colLetter(cols) + "$" + strconv.Itoa(end)
	return wr.definePrint(sh, "_xlnm.Print_Area", area)
}

// pageSetup sets a sheet up for paper, given its column widths (in
// characters): landscape when wider than a portrait page, as few pages
// across as keep minPrintScale, margins, header and footer, print titles.
func (wr *writer) pageSetup(sh string, widths []float64) error {
	f := wr.f
	width := 0.0
	for _, w := range widths {
		width += w*charPt + 2
	}
	orient, page := "portrait", portraitPt
	if width > portraitPt && !portraitParts[sh] {
		orient, page = "landscape", landscapePt
	}
	// One page wide when that keeps the scale at printScale or more;
	// otherwise at printScale, across as many pages as it takes (fitting
	// to two or more pages across makes LibreOffice shrink the text
	// further and add pages down).
	layout := &excelize.PageLayoutOptions{Orientation: &orient}
	fit := width*printScale/100 <= page
	if fit {
		one, tall := 1, 0
		layout.FitToWidth, layout.FitToHeight = &one, &tall
	} else {
		scale := uint(printScale)
		layout.AdjustTo = &scale
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sh, layout); err != nil {
		return err
	}
	lr, tb, hf := 0.4, 0.6, 0.3
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb,
		Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	date := wr.now.UTC().Format("2006-01-02")
	// 11 pt: LibreOffice scales headers with the sheet (7 pt at 64%).
	// "&11" then a digit would read as another font size: the text
	// starts with a word.
	foot := "&L&11&A&C&11Page &P of &N&R&11" + hfText("Written "+date+" · catalogue "+wr.cat.Version)
	head := "&L&11" + hfText("AI training cost plan (aiplan "+wr.version()+")") + "&R&11&A"
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddHeader: head, OddFooter: foot}); err != nil {
		return err
	}
	if t, ok := printTitles[sh]; ok {
		var refs []string
		for r := range strings.SplitSeq(t, ",") {
			refs = append(refs, "'"+sh+"'!"+r)
		}
		return wr.definePrint(sh, "_xlnm.Print_Titles", strings.Join(refs, ","))
	}
	return nil
}

// definePrint sets a sheet-scoped built-in name (print titles or area).
func (wr *writer) definePrint(sh, name, ref string) error {
	_ = wr.f.DeleteDefinedName(&excelize.DefinedName{Name: name, Scope: sh})
	return wr.f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: ref, Scope: sh})
}

// hfText escapes & in header and footer text.
func hfText(s string) string { return strings.ReplaceAll(s, "&", "&&") }
