package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// readMemoryBound is issue 14's bound on reading any workbook up to 10 MB.
const readMemoryBound = 200 << 20

// allocated returns the bytes f allocates (runtime TotalAlloc, an upper
// bound of the peak heap it adds).
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// zipPart is one part of a crafted workbook. When Claim is non-zero the
// part is stored with that uncompressed size in its headers, whatever its
// real size (a lying header).
type zipPart struct {
	Name  string
	Data  []byte
	Claim uint64
}

// craftBook returns an excelize workbook with a sheet named "aiplan" (the
// data sheet's name) whose parts named in parts are replaced or added.
func craftBook(t testing.TB, parts ...zipPart) []byte {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheetData); err != nil {
		t.Fatal(err)
	}
	var base bytes.Buffer
	if err := f.Write(&base); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	byName := map[string]zipPart{}
	for _, p := range parts {
		byName[p.Name] = p
	}
	write := func(p zipPart) {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		_, _ = fw.Write(p.Data)
		_ = fw.Close()
		size := uint64(len(p.Data))
		if p.Claim != 0 {
			size = p.Claim
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(p.Data),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(comp.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	for _, zf := range zr.File {
		if p, ok := byName[zf.Name]; ok {
			write(p)
			delete(byName, zf.Name)
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		write(zipPart{Name: zf.Name, Data: data})
	}
	for _, p := range parts {
		if _, ok := byName[p.Name]; ok {
			write(p)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// sheetXML returns a worksheet part with rows made by row(r).
func sheetXML(rows int, row func(r int) string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		b.WriteString(row(r))
	}
	b.WriteString(`</sheetData></worksheet>`)
	return []byte(b.String())
}

// xfdRow is a row holding one cell in column XFD, the last of 16,384.
func xfdRow(r int) string {
	return fmt.Sprintf(`<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r)
}

const sheetPart = "xl/worksheets/sheet1.xml"

// hostileBooks are issue 14 item 6's crafted workbooks, generated here.
func hostileBooks(t testing.TB) []struct {
	name string
	book []byte
	want string
} {
	ws := bytes.Repeat([]byte(" "), 50<<20)
	return []struct {
		name string
		book []byte
		want string
	}{
		// GetRows padded every row to 16,384 strings: 543 MB for 1k rows,
		// 4.1 GB for 10k, out of memory (a fatal error) for 100k.
		{"XFD cells, 1k rows", craftBook(t, zipPart{Name: sheetPart, Data: sheetXML(1000, xfdRow)}), "16384 columns"},
		{"XFD cells, 100k rows", craftBook(t, zipPart{Name: sheetPart, Data: sheetXML(100000, xfdRow)}), "16384 columns"},
		// 900 MB of whitespace declared in the zip directory (57 s and
		// 2.1 GB before): refused from the headers.
		{"900 MB of whitespace declared", craftBook(t, zipPart{Name: sheetPart, Data: ws, Claim: 900 << 20}), "bytes uncompressed"},
		// The same part declaring 1 KB: the inflater stops at the declared size.
		{"whitespace under a lying header", craftBook(t, zipPart{Name: sheetPart, Data: ws, Claim: 1 << 10}), "not a"},
		// 240 MB of whitespace in the data sheet: under the zip's limit,
		// over the limit of a sheet Read parses (an XML decoder holds the
		// run of text whole).
		{"240 MB of whitespace in the data sheet", craftBook(t, zipPart{Name: sheetPart,
			Data: sheetXML(1, func(int) string { return strings.Repeat(" ", 240<<20) })}), "at most 50331648"},
		// Just under that limit: parsed, then refused as not aiplan's.
		{"47 MB of whitespace in the data sheet", craftBook(t, zipPart{Name: sheetPart,
			Data: sheetXML(1, func(int) string { return string(ws[:47<<20]) })}), "not a"},
		// Parts under the per-file limit but too many in memory.
		{"many in-memory parts", craftBook(t, func() []zipPart {
			var ps []zipPart
			for i := range 20 {
				ps = append(ps, zipPart{Name: fmt.Sprintf("xl/media/pad%d.bin", i), Data: ws[:4<<20]})
			}
			return ps
		}()...), "held in memory"},
		// A valid data-sheet head, then 200k empty rows.
		{"200k rows", craftBook(t, zipPart{Name: sheetPart, Data: sheetXML(200000, func(r int) string {
			cell := func(c, v string) string {
				return fmt.Sprintf(`<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, c, r, v)
			}
			switch r {
			case 1:
				return `<row r="1">` + cell("A", dataMarker) + `<c r="B1"><v>1</v></c></row>`
			case 2:
				return `<row r="2">` + cell("A", "file") + cell("B", "{}") + `</row>`
			case 3:
				return `<row r="3">` + cell("A", "columns") + `</row>`
			}
			return fmt.Sprintf(`<row r="%d"></row>`, r)
		})}), "100004 are accepted"},
		{"one huge cell", craftBook(t, zipPart{Name: sheetPart, Data: sheetXML(1, func(r int) string {
			return `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("x", 200000) + `</t></is></c></row>`
		})}), "characters"},
	}
}

// TestReadHostile: every crafted workbook is refused with a message naming
// the limit, allocating less than the bound. Time is logged, not asserted
// (see BenchmarkReadHostile).
func TestReadHostile(t *testing.T) {
	for _, tc := range hostileBooks(t) {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			start := time.Now()
			alloc := allocated(func() { _, err = Read(bytes.NewReader(tc.book)) })
			t.Logf("%d KB file: refused in %v, %d MB allocated: %v", len(tc.book)>>10, time.Since(start), alloc>>20, err)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
			if alloc > readMemoryBound {
				t.Errorf("allocated %d MB; the bound is %d MB", alloc>>20, readMemoryBound>>20)
			}
			var le *LimitError
			if tc.want != "not a" && !errors.As(err, &le) {
				t.Errorf("want a *LimitError, got %T", err)
			}
		})
	}
}

// BenchmarkReadHostile measures the time and memory of refusing each
// crafted workbook.
func BenchmarkReadHostile(b *testing.B) {
	for _, tc := range hostileBooks(b) {
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(bytes.NewReader(tc.book)); err == nil {
					b.Fatal("accepted")
				}
			}
			b.ReportMetric(float64(len(tc.book))/(1<<10), "file-KB")
		})
	}
}
