package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"
)

// Limits of Read. A workbook is refused, with a message naming the limit,
// before anything unbounded happens: the zip directory is checked before
// excelize opens the file, and the two sheets Read needs are streamed row by
// row. A 10,000-scenario sweep (11 MB, 68 MB of XML) is well inside them.
const (
	// MaxWorkbookBytes bounds the workbook file.
	MaxWorkbookBytes = 64 << 20
	// MaxUnzippedBytes bounds the sum of the parts' uncompressed sizes.
	MaxUnzippedBytes = 256 << 20
	// MaxInMemoryBytes bounds the parts excelize keeps in memory: every
	// part but the worksheets and shared strings above xmlInMemory, which
	// it extracts to temporary files.
	MaxInMemoryBytes = 64 << 20
	// MaxParts bounds the number of parts (files) in the zip.
	MaxParts = 1000
	// MaxRows bounds the rows read from a sheet: the scenarios plus headers.
	MaxRows = 100000 + dataFirstRow
	// MaxColumns bounds the cells of a row Read needs (Excel's limit is 16,384).
	MaxColumns = 512
	// MaxCellChars is Excel's own limit on the characters of a cell.
	MaxCellChars = 32767
	// MaxReadTime bounds the wall-clock time Read spends on one workbook:
	// a last guard, generous because a loaded machine is slow (the limits
	// above bound the work; a 10,000-scenario sweep takes about 2.4 CPU-s).
	MaxReadTime = 60 * time.Second
	// MaxReadSheetBytes bounds the uncompressed size of each sheet Read
	// parses (the data and Assumptions sheets; 6.5 and 16.5 MB in a
	// 10,000-scenario sweep) and of the shared strings: an XML decoder
	// holds a run of text between two tags whole.
	MaxReadSheetBytes = 48 << 20
	// maxBookPart bounds workbook.xml and its relationships, read here to
	// find the sheets' parts.
	maxBookPart = 1 << 20
	// xmlInMemory is excelize's UnzipXMLSizeLimit: larger worksheets go to
	// temporary files.
	xmlInMemory = 8 << 20
)

// LimitError is a workbook refused because it exceeds one of Read's limits.
type LimitError struct {
	// What names what is too large ("part xl/worksheets/sheet2.xml").
	What string
	// Size and Limit are in Unit.
	Size, Limit int64
	Unit        string
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("workbook refused: %s has %d %s; at most %d are accepted", e.What, e.Size, e.Unit, e.Limit)
}

// checkZip reads the zip's central directory (not the parts) and refuses
// a workbook whose declared sizes exceed the limits. archive/zip, which
// excelize uses, fails a part that inflates beyond its declared size, so
// the declared sizes bound the work.
func checkZip(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a readable Excel workbook: %w", err)
	}
	if len(z.File) > MaxParts {
		return &LimitError{What: "the zip", Size: int64(len(z.File)), Limit: MaxParts, Unit: "parts"}
	}
	read, err := readSheetParts(z, sheetData, SheetAssumptions)
	if err != nil {
		return err
	}
	read["xl/sharedstrings.xml"] = true
	var total, inMemory uint64
	for _, zf := range z.File {
		if read[strings.ToLower(zf.Name)] && zf.UncompressedSize64 > MaxReadSheetBytes {
			return &LimitError{What: "part " + zf.Name, Size: int64(min(zf.UncompressedSize64, 1<<62)), Limit: MaxReadSheetBytes, Unit: "bytes uncompressed"}
		}
		size := zf.UncompressedSize64
		if size > MaxUnzippedBytes {
			return &LimitError{What: "part " + zf.Name, Size: int64(min(size, 1<<62)), Limit: MaxUnzippedBytes, Unit: "bytes uncompressed"}
		}
		total += size
		if total > MaxUnzippedBytes {
			return &LimitError{What: "the zip", Size: int64(min(total, 1<<62)), Limit: MaxUnzippedBytes, Unit: "bytes uncompressed"}
		}
		if size <= xmlInMemory || !extractedToDisk(zf.Name) {
			inMemory += size
		}
		if inMemory > MaxInMemoryBytes {
			return &LimitError{What: "the parts held in memory", Size: int64(inMemory), Limit: MaxInMemoryBytes, Unit: "bytes uncompressed"}
		}
	}
	return nil
}

// extractedToDisk reports whether excelize extracts a part above its
// UnzipXMLSizeLimit to a temporary file instead of memory.
func extractedToDisk(name string) bool {
	name = strings.ToLower(name)
	return (path.Dir(name) == "xl/worksheets" && strings.HasSuffix(name, ".xml")) || name == "xl/sharedstrings.xml"
}

// readSheetParts returns the zip paths (lower case) of the named sheets,
// from xl/workbook.xml and its relationships. A workbook without them is
// left to excelize to refuse.
func readSheetParts(z *zip.Reader, names ...string) (map[string]bool, error) {
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	parts := map[string]bool{}
	if !readSmallXML(z, "xl/workbook.xml", &book) || !readSmallXML(z, "xl/_rels/workbook.xml.rels", &rels) {
		return parts, nil
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		target[r.ID] = r.Target
	}
	for _, sh := range book.Sheets {
		if !slices.Contains(names, sh.Name) {
			continue
		}
		t := target[sh.RID]
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		parts[strings.ToLower(t)] = true
	}
	return parts, nil
}

// readSmallXML decodes a part of at most maxBookPart bytes; false when it
// is missing, larger or not XML.
func readSmallXML(z *zip.Reader, name string, v any) bool {
	for _, zf := range z.File {
		if zf.Name != name {
			continue
		}
		if zf.UncompressedSize64 > maxBookPart {
			return false
		}
		rc, err := zf.Open()
		if err != nil {
			return false
		}
		defer rc.Close() //nolint:errcheck // read only
		return xml.NewDecoder(io.LimitReader(rc, maxBookPart)).Decode(v) == nil
	}
	return false
}

// limitedRows streams a sheet's rows under Read's limits.
type limitedRows struct {
	sheet    string
	deadline time.Time
	n        int
}

// check refuses row r (1-based) of the sheet when it breaks a limit.
func (l *limitedRows) check(r int, cols []string) error {
	l.n++
	if l.n > MaxRows || r > MaxRows {
		return &LimitError{What: "sheet " + l.sheet, Size: int64(max(l.n, r)), Limit: MaxRows, Unit: "rows"}
	}
	if len(cols) > MaxColumns {
		return &LimitError{What: fmt.Sprintf("sheet %s row %d", l.sheet, r), Size: int64(len(cols)), Limit: MaxColumns, Unit: "columns"}
	}
	for j, c := range cols {
		if len(c) > MaxCellChars*4 { // UTF-8: up to 4 bytes a character
			return &LimitError{What: fmt.Sprintf("cell %s!%s", l.sheet, cellAt(j+1, r)), Size: int64(len(c)), Limit: MaxCellChars, Unit: "characters"}
		}
	}
	if time.Now().After(l.deadline) {
		return fmt.Errorf("workbook refused: reading it took more than %v (at sheet %s row %d)", MaxReadTime, l.sheet, r)
	}
	return nil
}
