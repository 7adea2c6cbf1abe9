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
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/workbook")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(buf.Len())/(1<<20), "file-MB")
		})
	}
}

// BenchmarkRead reads sweep workbooks back; issue 14's bound for any
// workbook up to 10 MB is 2 s and 200 MB.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			set, cat := sweepSet(b, n)
			book := writeBook(b, set, cat, Options{})
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakHeap(func() {
					if _, err := Read(bytes.NewReader(book)); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(len(book))/(1<<20), "file-MB")
		})
	}
}

// TestSweepRecalc has LibreOffice recalculate the 10,000-scenario sweep and
// compares some Model rows with the planner. Its time and memory are
// measured by BenchmarkWriteSweep/10000 (the budget: 1 s and 300 MB
// peak heap), not asserted here.
func TestSweepRecalc(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 10,000-scenario sweep")
	}
	const n = 10000
	set, cat := sweepSet(t, n)
	book := writeBook(t, set, cat, Options{Clock: fixedClock})
	sheets, _ := recalc(t, book, SheetModel)
	model := sheets[SheetModel]
	if len(model) < FirstRow-1+n {
		t.Fatalf("Model: want %d rows, got %d", FirstRow-1+n, len(model))
	}
	idx := []int{0, 1, 2, 4999, n - 1}
	sample := &planner.File{}
	for _, i := range idx {
		sample.Scenarios = append(sample.Scenarios, set.Scenarios[i])
	}
	checkModelRows(t, sample, cat, 1e-9, func(r, c int) string {
		row := model[FirstRow-1+idx[r-FirstRow]]
		if c-1 >= len(row) {
			return ""
		}
		return row[c-1]
	})
}
