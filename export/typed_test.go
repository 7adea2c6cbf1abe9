package export

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCachedNumbersTyped (issue 14 item 4, a wart left by the first wave):
// every formula cell whose cached value is a number is typed as a number on
// every sheet, the Bubble gap and Projection sheets included (excelize's
// SetCellFormula marked them t="str"), and a text result keeps t="str".
func TestCachedNumbersTyped(t *testing.T) {
	set, cat := testSet(t)
	book := writeBook(t, set, cat, Options{Clock: fixedClock, Uncertainty: true})
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	cell := regexp.MustCompile(`<c ([^>]*)><f>([^<]*)</f><v>([^<]*)</v></c>`)
	numbers := map[string]int{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, err := io.ReadAll(rc)
		rc.Close() //nolint:errcheck
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cell.FindAllSubmatch(xml, -1) {
			attrs, v := string(m[1]), string(m[3])
			if strings.HasPrefix(string(m[2]), SheetAssumptions+"!B") {
				continue // a scenario's name ("+1" is a name) stays text
			}
			_, perr := strconv.ParseFloat(v, 64)
			str := strings.Contains(attrs, `t="str"`)
			switch {
			case perr == nil && str:
				t.Errorf("%s: <c %s> caches the number %s as text", zf.Name, attrs, v)
			case perr != nil && !str && !strings.Contains(attrs, `t="`):
				t.Errorf("%s: <c %s> caches the text %q as a number", zf.Name, attrs, v)
			case perr == nil:
				numbers[zf.Name]++
			}
		}
	}
	if len(numbers) < 6 {
		t.Errorf("numeric formula cells on %d sheets (%v); want the workbook's formula sheets", len(numbers), numbers)
	}
}
