package planner

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sync/errgroup"
)

// Monte Carlo defaults and bounds.
const (
	// DefaultSamples is the sample count when Options.Samples is 0.
	DefaultSamples = 10000
	// MaxSamples bounds Options.Samples.
	MaxSamples = 10000000
	// chunkSamples is the fixed chunk of samples that one RNG stream draws:
	// chunk c of seed s uses PCG(s, c), so results do not depend on the
	// number of workers.
	chunkSamples = 1024
)

// Options configure a Monte Carlo run.
type Options struct {
	// Samples is the number of draws (DefaultSamples when 0).
	Samples int
	// Seed fixes the random streams: the same seed gives identical results
	// on any number of cores.
	Seed uint64
	// Workers bounds the goroutines (runtime.GOMAXPROCS when 0).
	Workers int
	// Keep lists output paths whose samples are returned in
	// Uncertainty.Kept, in draw order (for histograms).
	Keep []string
}

// Quantiles summarise one output's samples.
type Quantiles struct {
	P10  float64 `json:"p10"`
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
	Mean float64 `json:"mean"`
}

// Uncertainty is the result of a Monte Carlo run: the quantiles of every
// known output by path (Outputs), for the final run and, apart, for the
// programme with experiments.
type Uncertainty struct {
	Samples int
	Seed    uint64
	// Inputs are the ranges that were sampled.
	Inputs          []Uncertain
	Totals          map[string]Quantiles
	WithExperiments map[string]Quantiles
	// Kept holds the samples of Options.Keep by path.
	Kept map[string][]float64
}

// Get returns the quantiles of path: an Outputs path, or one prefixed by
// "withExperiments.".
func (u *Uncertainty) Get(path string) (Quantiles, bool) {
	if p, ok := strings.CutPrefix(path, "withExperiments."); ok {
		q, ok := u.WithExperiments[p]
		return q, ok
	}
	q, ok := u.Totals[path]
	return q, ok
}

// MarshalJSON nests the quantiles by path, as estimate --json prints them
// under "uncertainty": {"gpuHours": {"p10": ...}, "costUSD": {"cloud":
// {...}}, "withExperiments": {...}, "samples": N, "seed": S, "ranges": {...}}.
func (u *Uncertainty) MarshalJSON() ([]byte, error) {
	m := nestQuantiles(u.Totals)
	m["withExperiments"] = nestQuantiles(u.WithExperiments)
	m["samples"] = u.Samples
	m["seed"] = u.Seed
	ranges := map[string]any{}
	for _, in := range u.Inputs {
		ranges[in.Key] = map[string]any{"low": in.Range.Low, "likely": in.Range.Likely, "high": in.Range.High,
			"dist": in.Range.Dist, "origin": in.Origin, "source": in.Source}
	}
	m["ranges"] = ranges
	return json.Marshal(m)
}

func nestQuantiles(qs map[string]Quantiles) map[string]any {
	m := map[string]any{}
	for path, q := range qs {
		parts := strings.Split(path, ".")
		cur := m
		for _, p := range parts[:len(parts)-1] {
			next, ok := cur[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				cur[p] = next
			}
			cur = next
		}
		cur[parts[len(parts)-1]] = q
	}
	return m
}

// variable is one sampled input, compiled against a resolved scenario.
type variable struct {
	Uncertain
	field int     // index into the worker's field pointers
	mode  int     // how the value acts: set the field, or scale compute
	base  float64 // the resolved value the scale modes divide by
}

// Modes of a variable.
const (
	modeSet    = iota // the field = v
	modeScale         // FLOP x= v / base
	modeScale2        // FLOP x= (v / base)^2 (params with tokens-per-param)
	modeInv           // FLOP x= base / v (efficiency)
)

// Simulation is a scenario compiled for Monte Carlo, tornado and sweeps:
// resolved once, with its uncertain inputs. It is safe for concurrent use.
type Simulation struct {
	Scenario   Scenario
	Resolution *Resolution
	// Point is the deterministic estimate (every input at its resolved value).
	Point Result
	vars  []variable
	// outputs are the indices into Outputs that are known for this scenario.
	outputs []int
	// withExp reports that the experiments multiplier varies, so the
	// programme totals need samples of their own; otherwise each is the
	// run's times a constant factor.
	withExp bool
	// reads locate each sampled column in a Result: the outputs of the run,
	// then (withExp) those of the programme.
	reads []Output
}

// NewSimulation resolves sc and compiles its uncertain inputs (the user's
// ranges over the default evidence table). Errors are *FieldError.
func NewSimulation(cat *Catalog, sc *Scenario) (*Simulation, error) {
	res, err := Resolve(cat, sc)
	if err != nil {
		return nil, err
	}
	un, err := UncertainInputs(cat, sc, res)
	if err != nil {
		return nil, err
	}
	s := &Simulation{Scenario: sc.Clone(), Resolution: res, Point: Evaluate(&res.Inputs)}
	for _, u := range un {
		v := variable{Uncertain: u, field: -1, mode: modeSet}
		if inputField(&res.Inputs, u.Key) != nil {
			v.field = fieldSlot(u.Key)
		} else {
			v.base = sc.Values[u.Key]
			switch u.Key {
			case KeyEfficiency:
				v.mode = modeInv
				if _, ok := sc.Values[u.Key]; !ok {
					v.base = 1
				}
			case KeyParams:
				v.mode = modeScale
				_, hasTokens := sc.Values[KeyTokens]
				if _, hasTPP := sc.Values[KeyTokensPerParam]; hasTPP && !hasTokens {
					v.mode = modeScale2
				}
			default:
				v.mode = modeScale
			}
		}
		s.vars = append(s.vars, v)
	}
	for _, v := range s.vars {
		if v.Key == KeyExperiments {
			s.withExp = true
		}
	}
	for i := range Outputs {
		if _, ok := Outputs[i].Get(&s.Point.Totals); ok {
			s.outputs = append(s.outputs, i)
		}
	}
	if s.Point.BreakEvenGPUHours.Valid == false {
		// break-even can appear in some samples; track it when a price varies
		for _, v := range s.vars {
			if v.Key == KeyGPUHourPrice || v.Key == KeyElectricityPrice {
				s.outputs = append(s.outputs, outputIndex("breakEvenGPUHours"))
				break
			}
		}
	}
	sort.Ints(s.outputs)
	for _, oi := range s.outputs {
		s.reads = append(s.reads, Outputs[oi])
	}
	if s.withExp {
		for _, oi := range s.outputs {
			o := Outputs[oi]
			o.off += unsafe.Offsetof(s.Point.WithExperiments) // from the start of Result
			s.reads = append(s.reads, o)
		}
	}
	return s, nil
}

// Inputs returns the uncertain inputs in display order.
func (s *Simulation) Inputs() []Uncertain {
	out := make([]Uncertain, len(s.vars))
	for i, v := range s.vars {
		out[i] = v.Uncertain
	}
	return out
}

// fieldKeys are the directly settable keys; a worker keeps one pointer per
// slot into its private Inputs.
var fieldKeys = func() []string {
	var keys []string
	var in Inputs
	for _, f := range Fields {
		if inputField(&in, f.Key) != nil {
			keys = append(keys, f.Key)
		}
	}
	return keys
}()

func fieldSlot(key string) int {
	for i, k := range fieldKeys {
		if k == key {
			return i
		}
	}
	return -1
}

// evaluator applies values to a private copy of the inputs.
type evaluator struct {
	base  *Inputs
	in    Inputs
	slots [32]*float64
}

func newEvaluator(base *Inputs) *evaluator {
	e := &evaluator{base: base}
	for i, k := range fieldKeys {
		e.slots[i] = inputField(&e.in, k)
	}
	return e
}

// reset restores the resolved inputs.
func (e *evaluator) reset() { e.in = *e.base }

// apply sets variable v to x (clamped to the input's accepted range).
func (e *evaluator) apply(v *variable, x float64) {
	switch v.mode {
	case modeSet:
		*e.slots[v.field] = x
	case modeScale:
		e.in.FLOP *= x / v.base
	case modeScale2:
		r := x / v.base
		e.in.FLOP *= r * r
	case modeInv:
		e.in.FLOP *= v.base / x
	}
}

// Run draws opt.Samples samples of the uncertain inputs, evaluates each and
// summarises every known output. Samples are drawn in fixed chunks, each
// from its own stream seeded by (seed, chunk), so the result is identical
// for the same seed on any number of cores. Below streamMin samples (or
// with Options.Keep) every value is stored and the quantiles are exact
// order statistics; beyond, the first pilotSamples bracket each quantile
// and the rest stream through the brackets (runStream), which gives the
// same order statistics in a fraction of the memory. Run returns ctx.Err()
// when cancelled.
func (s *Simulation) Run(ctx context.Context, opt Options) (*Uncertainty, error) {
	n := opt.Samples
	if n == 0 {
		n = DefaultSamples
	}
	if n < 1 || n > MaxSamples {
		return nil, &FieldError{Field: "samples", Value: strconv.Itoa(n), Msg: fmt.Sprintf("accepted: 1 to %d", MaxSamples)}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, (n+chunkSamples-1)/chunkSamples)
	u := &Uncertainty{Samples: n, Seed: opt.Seed, Inputs: s.Inputs()}
	var qs []Quantiles
	var oks []bool
	var err error
	if n >= streamMin && len(opt.Keep) == 0 {
		qs, oks, err = s.runStream(ctx, n, workers, opt.Seed)
	}
	if qs == nil && err == nil {
		qs, oks, u.Kept, err = s.runExact(ctx, n, workers, opt)
	}
	if err != nil {
		return nil, err
	}
	nOut := len(s.outputs)
	u.Totals, u.WithExperiments = make(map[string]Quantiles, nOut), make(map[string]Quantiles, nOut)
	for j, oi := range s.outputs {
		if oks[j] {
			u.Totals[Outputs[oi].Path] = qs[j]
		}
		switch {
		case s.withExp:
			if oks[nOut+j] {
				u.WithExperiments[Outputs[oi].Path] = qs[nOut+j]
			}
		case oks[j]:
			u.WithExperiments[Outputs[oi].Path] = scaleQuantiles(qs[j], s.programmeFactor(oi))
		}
	}
	return u, nil
}

// columns returns the number of sampled columns: the known outputs of the
// run, and of the programme when the experiments multiplier varies.
func (s *Simulation) columns() int { return len(s.outputs) * (1 + b2i(s.withExp)) }

// value returns column j of the sample in ws.
func (s *Simulation) value(ws *workerState, j int) float64 {
	return s.reads[j].value(&ws.r)
}

// sample draws every uncertain input and evaluates the chain into ws.r.
func (s *Simulation) sample(ws *workerState) {
	ws.ev.reset()
	for k := range ws.local {
		ws.ev.apply(&s.vars[k], ws.local[k].draw(ws.rng))
	}
	ws.r = Evaluate(&ws.ev.in)
}

// forWorkers runs work on workers goroutines, each with its own worker
// state drawing from samplers, and waits for them.
func (s *Simulation) forWorkers(workers int, work func(ws *workerState)) {
	samplers := make([]sampler, len(s.vars))
	for i := range s.vars {
		samplers[i] = newSampler(s.vars[i].Range, s.vars[i].Key)
	}
	var g errgroup.Group
	for range workers {
		g.Go(func() error {
			ws := workerPool.Get().(*workerState)
			defer func() {
				ws.ev.base = nil
				workerPool.Put(ws)
			}()
			ws.ev.base = &s.Resolution.Inputs
			ws.local = ws.local[:0]
			for i := range samplers {
				ws.local = append(ws.local, samplers[i].withSource(ws.pcg))
			}
			work(ws)
			return nil
		})
	}
	g.Wait() //nolint:errcheck // the workers return nil
}

// runExact stores every sample of every column by position and returns the
// exact quantiles, and the samples of opt.Keep in draw order.
func (s *Simulation) runExact(ctx context.Context, n, workers int, opt Options) ([]Quantiles, []bool, map[string][]float64, error) {
	nOut, nCols := len(s.outputs), s.columns()
	// The columns come from a pool: every position is written before it is
	// read, so a reused buffer needs no clearing, and a run of the default
	// 10,000 samples allocates no 1.4 MB buffer (and triggers no collection).
	bp := getColumns(n * nCols)
	defer putColumns(bp)
	cols := splitColumns(*bp, nCols, n)
	// keeps[t] lists the Options.Keep paths served by column t.
	keeps := make([][]string, nCols)
	for _, path := range opt.Keep {
		p, prog := strings.CutPrefix(path, "withExperiments.")
		if j := slices.Index(s.outputs, outputIndex(p)); j >= 0 {
			if prog && s.withExp {
				j += nOut
			}
			keeps[j] = append(keeps[j], path)
		}
	}

	var next atomic.Int64
	s.forWorkers(workers, func(ws *workerState) {
		s.drawColumns(ctx, ws, cols, &next, 0, n, opt.Seed)
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}

	// the columns' quantiles, one task per column
	qs := make([]Quantiles, nCols)
	oks := make([]bool, nCols)
	var kept map[string][]float64
	for t, paths := range keeps {
		for _, path := range paths {
			if kept == nil {
				kept = map[string][]float64{}
			}
			kept[path] = slices.Clone(cols[t]) // before summarise reorders it
		}
	}
	var sum errgroup.Group
	sum.SetLimit(workers)
	for t := range nCols {
		sum.Go(func() error {
			sm := summariserPool.Get().(*summariser)
			qs[t], oks[t] = sm.summarise(cols[t])
			summariserPool.Put(sm)
			return nil
		})
	}
	sum.Wait() //nolint:errcheck // the tasks return nil
	return qs, oks, kept, nil
}

// splitColumns cuts buf into nCols columns of n values.
func splitColumns(buf []float64, nCols, n int) [][]float64 {
	cols := make([][]float64, nCols)
	for j := range cols {
		cols[j], buf = buf[:n:n], buf[n:]
	}
	return cols
}

// drawColumns fills positions [c*chunkSamples, (c+1)*chunkSamples) of every
// column for each chunk c >= first it takes from next (counted from first),
// until the samples below n are done or ctx is. cols are indexed from
// sample first*chunkSamples. Chunk c draws from PCG(seed, c) whichever
// worker takes it.
func (s *Simulation) drawColumns(ctx context.Context, ws *workerState, cols [][]float64, next *atomic.Int64, first, n int, seed uint64) {
	chunks := (n + chunkSamples - 1) / chunkSamples
	for {
		c := first + int(next.Add(1)-1)
		if c >= chunks || ctx.Err() != nil {
			return
		}
		s.drawChunk(ws, cols, c, n, first*chunkSamples, seed)
	}
}

// drawChunk fills positions [c*chunkSamples, (c+1)*chunkSamples) below n,
// less off, of every column with chunk c, drawn from PCG(seed, c).
func (s *Simulation) drawChunk(ws *workerState, cols [][]float64, c, n, off int, seed uint64) {
	ws.pcg.Seed(seed, uint64(c))
	end := min((c+1)*chunkSamples, n)
	for i := c * chunkSamples; i < end; i++ {
		s.sample(ws)
		for j := range cols {
			cols[j][i-off] = s.value(ws, j)
		}
	}
}

// workerState is one worker's scratch space, kept between runs.
type workerState struct {
	ev    evaluator
	pcg   *rand.PCG
	rng   *rand.Rand
	r     Result
	local []sampler
}

// summariserPool keeps the selection's scratch space between columns.
var summariserPool = sync.Pool{New: func() any { return new(summariser) }}

var workerPool = sync.Pool{New: func() any {
	ws := &workerState{pcg: rand.NewPCG(0, 0)}
	ws.rng = rand.New(ws.pcg)
	for i, k := range fieldKeys {
		ws.ev.slots[i] = inputField(&ws.ev.in, k)
	}
	return ws
}}

// colPool holds column buffers (*[]float64) of at most maxPooled values
// between runs.
var colPool sync.Pool

const maxPooled = 4 << 20 // 32 MB: 100,000 samples of 34 columns and more

func putColumns(bp *[]float64) {
	if cap(*bp) <= maxPooled {
		colPool.Put(bp)
	}
}

// getColumns returns a pooled buffer of at least size values (contents
// undefined).
func getColumns(size int) *[]float64 {
	if bp, ok := colPool.Get().(*[]float64); ok && cap(*bp) >= size {
		*bp = (*bp)[:size]
		return bp
	}
	b := make([]float64, size)
	return &b
}

// programmeFactor returns the constant ratio of output oi's programme total
// to the run's (the experiments multiplier, or 1 for intensive outputs).
func (s *Simulation) programmeFactor(oi int) float64 {
	run, ok1 := Outputs[oi].Get(&s.Point.Totals)
	prog, ok2 := Outputs[oi].Get(&s.Point.WithExperiments)
	if !ok1 || !ok2 || run == 0 {
		return s.Resolution.Inputs.Experiments
	}
	return prog / run
}

func scaleQuantiles(q Quantiles, f float64) Quantiles {
	return Quantiles{P10: q.P10 * f, P50: q.P50 * f, P90: q.P90 * f, Mean: q.Mean * f}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
