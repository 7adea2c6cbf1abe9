package export

import (
	"bytes"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"aiplan/planner"
)

// peakHeap samples the heap in use while f runs and returns the peak in
// bytes (runtime.ReadMemStats every 10 ms; the true peak may be a little
// higher).
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := ms.HeapAlloc
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkWriteSweep writes sweeps of named sizes; the budget for
// 10,000 scenarios is 1 s and 300 MB peak heap.
func BenchmarkWriteSweep(b *testing.B) {
	for _, n := range []int{6, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			set, cat := sweepSet(b, n)
			var buf bytes.Buffer
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				buf.Reset()
				peak = max(peak, peakHeap(func() {
					if err := Write(&buf, set, cat, Options{Clock: fixedClock}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(buf.Len())/(1<<20), "file-MB")
		})
	}
}

// BenchmarkRead reads a sweep workbook back.
func BenchmarkRead(b *testing.B) {
	set, cat := sweepSet(b, 1000)
	book := writeBook(b, set, cat, Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(book)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(1000*float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
}

// TestSweepBudget checks the 10,000-scenario sweep against the issue's
// budget (1 s, 300 MB peak heap) with a margin for a loaded machine, and
// has LibreOffice recalculate the same workbook, reporting the ratio.
// Some Model rows are compared with the planner.
func TestSweepBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 10,000-scenario sweep")
	}
	const n = 10000
	set, cat := sweepSet(t, n)
	var buf bytes.Buffer
	var took time.Duration
	peak := peakHeap(func() {
		start := time.Now()
		if err := Write(&buf, set, cat, Options{Clock: fixedClock}); err != nil {
			t.Fatal(err)
		}
		took = time.Since(start)
	})
	t.Logf("sweep of %d: written in %v, peak heap %.0f MB, %.1f MB file", n, took, float64(peak)/(1<<20), float64(buf.Len())/(1<<20))
	if took > 3*time.Second {
		t.Errorf("sweep of %d: want <= 1 s (3 s with margin), got %v", n, took)
	}
	if peak > 300<<20 {
		t.Errorf("sweep of %d: want <= 300 MB peak heap, got %.0f MB", n, float64(peak)/(1<<20))
	}
	sheets, lo := recalc(t, buf.Bytes(), SheetModel)
	t.Logf("LibreOffice recalculation and CSV dump of the sweep: %v (%.1fx the export)", lo, lo.Seconds()/took.Seconds())
	model := sheets[SheetModel]
	if len(model) < FirstRow-1+n {
		t.Fatalf("Model: want %d rows, got %d", FirstRow-1+n, len(model))
	}
	sample := &planner.File{Scenarios: nil}
	for _, i := range []int{0, 1, 2, 4999, n - 1} {
		sample.Scenarios = append(sample.Scenarios, set.Scenarios[i])
	}
	idx := []int{0, 1, 2, 4999, n - 1}
	checkModelRows(t, sample, cat, 1e-9, func(r, c int) string {
		row := model[FirstRow-1+idx[r-FirstRow]]
		if c-1 >= len(row) {
			return ""
		}
		return row[c-1]
	})
}
