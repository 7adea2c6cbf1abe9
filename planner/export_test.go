package planner

import "context"

// StreamedForTest reports whether a run of n samples takes the streamed
// path (its brackets held every quantile) rather than the fallback.
func StreamedForTest(s *Simulation, n int, seed uint64) bool {
	qs, _, err := s.runStream(context.Background(), n, 2, seed)
	return err == nil && qs != nil
}
