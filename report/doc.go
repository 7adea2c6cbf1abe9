// Package report lays out a printable report of at most two pages (A4 or
// US Letter) from a scenario file: the chosen scenarios' key figures, the
// cost breakdown and comparison charts, the bubble-risk chart, the
// assumptions that drive the baseline's cost (the top of its tornado) and
// the numbered sources. It imports planner and plot, no Fyne, and writes
// the PDF (codeberg.org/go-pdf/fpdf, core Helvetica) to an io.Writer.
//
//	Write(w, file, catalogue, Options{Paper: "letter"})  the command's path
//	WriteFile(path, ...)                                 whole or not at all
//	WriteReport(w, file, catalogue, paper, version)      the window's hook
//	BubbleChart(file, catalogue)                         the bubble-risk chart, one place to swap
//
// Layout: page one holds the title block, the key-figure table (outputs as
// rows, scenarios as columns, compact figures such as "$1.02B") and the
// two charts; page two the bubble-risk chart and figures, the tornado's
// top inputs with their ranges and the sources, cut to what fits with a
// pointer to the workbook. Positions are explicit (no automatic page
// break), so the report never runs to a third page. Charts are rendered
// by plot at 300 dpi with plot's point sizes kept (the box is laid out as
// 92-dpi pixels and scaled), so chart text prints at 8 pt and up; the PDF
// text is never below 7 pt. Text is encoded in the core font's code page
// (Windows-1252): characters outside it print as ".".
package report
