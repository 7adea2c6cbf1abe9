package export

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

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
		for j, v := range []string{k, src.Citation, src.URL, strings.Join(inputs, ", ")} {
			if err := f.SetCellStr(s, colLetter(j+1)+r, v); err != nil {
				return err
			}
		}
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "D1", hs); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 18, "B": 80, "C": 60, "D": 50} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
