package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sync"
)

// parallelZip is the workbook's zip writer: it deflates each entry at best
// speed in segments of zipSegment bytes on GOMAXPROCS goroutines, as pigz
// does. Each segment is compressed on its own and ended with a sync flush
// (which leaves the stream byte-aligned), and the segments, in order, with
// an empty final block after them, are one valid deflate stream. A sweep's
// Model sheet is tens of megabytes of XML, which one goroutine takes a
// noticeable part of the export to compress.
type parallelZip struct {
	zw  *zip.Writer
	cur *zipEntry
	sem chan struct{} // bounds the segments being compressed
	err error
}

// zipSegment is the uncompressed size of a segment; each starts with an
// empty dictionary, which costs well under 1% of the compressed size.
const zipSegment = 1 << 20

// finalBlock is an empty stored block with BFINAL set.
var finalBlock = []byte{0x01, 0x00, 0x00, 0xff, 0xff}

var flatePool = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	return fw
}}

// segPool holds segment buffers (*[]byte of capacity zipSegment).
var segPool = sync.Pool{New: func() any {
	b := make([]byte, 0, zipSegment)
	return &b
}}

func getSegment() []byte { return (*segPool.Get().(*[]byte))[:0] }

func newParallelZip(w io.Writer) *parallelZip {
	return &parallelZip{zw: zip.NewWriter(w), sem: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// zipEntry is one file of the archive being compressed.
type zipEntry struct {
	z       *parallelZip
	name    string
	crc     uint32
	size    uint64
	pending []byte // written bytes not yet in a segment
	segs    []*zipSeg
	wg      sync.WaitGroup
}

type zipSeg struct {
	out bytes.Buffer
	err error
}

// Create ends the previous entry and starts one named name.
func (z *parallelZip) Create(name string) (io.Writer, error) {
	if err := z.end(); err != nil {
		return nil, err
	}
	z.cur = &zipEntry{z: z, name: name}
	return z.cur, nil
}

// AddFS adds the files of fsys, compressed in turn.
func (z *parallelZip) AddFS(fsys fs.FS) error {
	if err := z.end(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close ends the last entry and writes the central directory.
func (z *parallelZip) Close() error {
	if err := z.end(); err != nil {
		return err
	}
	return z.zw.Close()
}

// Write adds p to the entry.
func (e *zipEntry) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), zipSegment-len(e.pending))
		if e.pending == nil {
			e.pending = getSegment()
		}
		e.pending = append(e.pending, p[:k]...)
		p = p[k:]
		if len(e.pending) == zipSegment {
			e.dispatch(e.pending)
			e.pending = nil
		}
	}
	return n, nil
}

// ReadFrom adds everything r holds to the entry, a segment at a time (the
// excelize stream writers hand over their sheets as readers).
func (e *zipEntry) ReadFrom(r io.Reader) (int64, error) {
	var total int64
	for {
		if e.pending == nil {
			e.pending = getSegment()
		}
		n, err := io.ReadFull(r, e.pending[len(e.pending):zipSegment])
		e.pending = e.pending[:len(e.pending)+n]
		total += int64(n)
		if len(e.pending) == zipSegment {
			e.dispatch(e.pending)
			e.pending = nil
		}
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			return total, nil
		default:
			return total, err
		}
	}
}

// dispatch compresses seg on another goroutine once a slot is free.
func (e *zipEntry) dispatch(seg []byte) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, seg)
	e.size += uint64(len(seg))
	s := &zipSeg{}
	e.segs = append(e.segs, s)
	e.z.sem <- struct{}{}
	e.wg.Add(1)
	go func() {
		defer func() {
			segPool.Put(&seg)
			<-e.z.sem
			e.wg.Done()
		}()
		s.out.Grow(len(seg) / 4)
		fw := flatePool.Get().(*flate.Writer)
		defer flatePool.Put(fw)
		fw.Reset(&s.out)
		if _, s.err = fw.Write(seg); s.err == nil {
			s.err = fw.Flush()
		}
	}()
}

// end waits for the current entry's segments and writes the entry.
func (z *parallelZip) end() error {
	e := z.cur
	if e == nil || z.err != nil {
		return z.err
	}
	z.cur = nil
	if len(e.pending) > 0 {
		e.dispatch(e.pending)
		e.pending = nil
	}
	e.wg.Wait()
	compressed := uint64(len(finalBlock))
	for _, s := range e.segs {
		if s.err != nil {
			z.err = s.err
			return z.err
		}
		compressed += uint64(s.out.Len())
	}
	fh := &zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc,
		CompressedSize64: compressed, UncompressedSize64: e.size,
		CreatorVersion: 20, ReaderVersion: 20}
	w, err := z.zw.CreateRaw(fh)
	if err != nil {
		z.err = err
		return err
	}
	for _, s := range e.segs {
		if _, err := w.Write(s.out.Bytes()); err != nil {
			z.err = err
			return err
		}
	}
	_, z.err = w.Write(finalBlock)
	return z.err
}
