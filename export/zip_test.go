package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// TestParallelZip writes entries of awkward sizes (empty, one byte, just
// under, at and over a segment, several segments of mixed compressible and
// random data, written in odd-sized pieces) and reads them back with the
// standard library, which checks every CRC and length.
func TestParallelZip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	mixed := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			if (i/4096)%2 == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				b[i] = "<c r=\"A1\"><v>1</v></c>"[i%22]
			}
		}
		return b
	}
	sizes := []int{0, 1, zipSegment - 1, zipSegment, zipSegment + 1, 3*zipSegment + 12345}
	want := map[string][]byte{}
	var buf bytes.Buffer
	z := newParallelZip(&buf)
	for i, n := range sizes {
		name := fmt.Sprintf("xl/part%d.xml", i)
		data := mixed(n)
		want[name] = data
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		for rest := data; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(300000))
			if _, err := w.Write(rest[:k]); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("archive does not open: %v", err)
	}
	if len(zr.File) != len(sizes) {
		t.Fatalf("want %d entries, got %d", len(sizes), len(zr.File))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		got, err := io.ReadAll(rc) // checks the CRC at EOF
		rc.Close()                 //nolint:errcheck // read-only
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, want[f.Name]) {
			t.Errorf("%s: want %d bytes back unchanged, got %d (differ)", f.Name, len(want[f.Name]), len(got))
		}
	}
}
