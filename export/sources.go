package export

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sourcesWidths are the Sources sheet's column widths: one landscape page
// wide at 64% (see pagesetup.go), the texts wrapped.
var sourcesWidths = []float64{16, 62, 46, 34}

// sources lists the catalogue citations the scenarios use.
func (wr *writer) sources() error {
	used := map[string]map[string]bool{}
	keys := wr.provenanceKeys()
	for _, i := range wr.distinctResolutions() {
		for _, c := range keys {
			p, ok := wr.provenanceOf(&wr.rows[i], c)
			if !ok {
				continue
			}
			for _, k := range wr.sourceKeys(p) {
				if used[k] == nil {
					used[k] = map[string]bool{}
				}
				used[k][c.key] = true
			}
		}
	}
	if k := wr.cat.Constants.PricePerfOOMPerYear.Source; k != "" {
		if used[k] == nil {
			used[k] = map[string]bool{}
		}
		used[k][KeyPricePerfOOM] = true
	}
	names := make([]string, 0, len(used))
	for k := range used {
		names = append(names, k)
	}
	sort.Strings(names)
	f, s := wr.f, SheetSources
	head := []any{"Source key", "Citation", "URL", "Used for (input keys)"}
	if err := f.SetSheetRow(s, "A1", &head); err != nil {
		return err
	}
	for i, k := range names {
		src := wr.cat.Sources[k]
		var inputs []string
		for in := range used[k] {
			inputs = append(inputs, in)
		}
		sort.Strings(inputs)
		r := strconv.Itoa(i + 2)
		lines := 1
		for j, v := range []string{k, src.Citation, src.URL, strings.Join(inputs, ", ")} {
			if err := f.SetCellStr(s, colLetter(j+1)+r, v); err != nil {
				return err
			}
			lines = max(lines, wrapLines(v, int(sourcesWidths[j])))
		}
		// LibreOffice keeps a row one line high unless told.
		if err := f.SetRowHeight(s, i+2, 15*float64(lines)); err != nil {
			return err
		}
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "D1", hs); err != nil {
		return err
	}
	if len(names) > 0 {
		wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "A2", cellAt(len(sourcesWidths), len(names)+1), wrap); err != nil {
			return err
		}
	}
	for j, w := range sourcesWidths {
		if err := f.SetColWidth(s, colLetter(j+1), colLetter(j+1), w); err != nil {
			return err
		}
	}
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
