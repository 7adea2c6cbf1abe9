package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"io/fs"
	"regexp"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// newZipWriter is the workbook's zip writer: the standard zip.Writer
// deflating at best speed (a sweep's sheets are tens of megabytes of XML,
// which the default level takes several times longer to compress). A
// home-made parallel writer was measured against it on the 10,000-scenario
// workbook on 2 cores and was not faster (issue 11), so it was removed.
func newZipWriter(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// typedZip writes the workbook through newZipWriter, giving the cached
// numbers of the sheets written cell by cell their number type: excelize's
// SetCellFormula marks a formula cell t="str", so a reader that does not
// recalculate would see the Bubble gap's and Projection's figures as text.
// Only the parts named in parts (small sheets) are buffered and rewritten.
type typedZip struct {
	zw      excelize.ZipWriter
	parts   map[string]bool
	pending *bytes.Buffer
	dst     io.Writer
}

func (z *typedZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	w, err := z.zw.Create(name)
	if err != nil || !z.parts[name] {
		return w, err
	}
	z.pending, z.dst = &bytes.Buffer{}, w
	return z.pending, nil
}

func (z *typedZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *typedZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

func (z *typedZip) flush() error {
	if z.pending == nil {
		return nil
	}
	_, err := z.dst.Write(numberTyped(z.pending.Bytes()))
	z.pending, z.dst = nil, nil
	return err
}

// strFormulaCell is a formula cell typed as a string, with its cached value.
var strFormulaCell = regexp.MustCompile(`<c ([^>]*?) t="str">(<f>[^<]*</f>)<v>([^<]*)</v></c>`)

// numberTyped drops t="str" from the formula cells of a sheet's XML whose
// cached value is a number.
func numberTyped(xml []byte) []byte {
	return strFormulaCell.ReplaceAllFunc(xml, func(m []byte) []byte {
		sub := strFormulaCell.FindSubmatch(m)
		if _, err := strconv.ParseFloat(string(sub[3]), 64); err != nil {
			return m
		}
		out := append([]byte("<c "), sub[1]...)
		out = append(out, '>')
		out = append(out, sub[2]...)
		out = append(out, "<v>"...)
		out = append(out, sub[3]...)
		return append(out, "</v></c>"...)
	})
}
