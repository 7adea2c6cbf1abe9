package planner

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// Distribution shapes of a Range.
const (
	// DistTriangular is the triangular distribution low / likely / high.
	DistTriangular = "triangular"
	// DistPERT is the PERT distribution: a Beta scaled to [low, high] with
	// alpha = 1 + 4 (likely - low) / (high - low) and
	// beta = 1 + 4 (high - likely) / (high - low).
	DistPERT = "pert"
	// DistLognormal is the lognormal fitted to low and high as its 10th and
	// 90th percentiles; likely is only the tornado's middle value.
	DistLognormal = "lognormal"
	// DistUniform is uniform on [low, high], for evidence that bounds a
	// quantity without favouring a value; likely is only the tornado's
	// middle value.
	DistUniform = "uniform"
)

// Dists lists the valid distribution shapes.
var Dists = []string{DistTriangular, DistPERT, DistLognormal, DistUniform}

// z90 is the standard normal's 90th percentile.
var z90 = distuv.UnitNormal.Quantile(0.9)

// Validate checks the range of the numeric input key more strictly than
// Check, as the Monte Carlo needs it: low <= likely <= high,
// low < high, a known shape, and (except for lognormal tails, which are
// clamped when sampled) every bound inside the input's accepted range.
// Errors are *FieldError naming key.
func (r Range) Validate(key string) error {
	f := FieldByKey(key)
	if f == nil {
		return &FieldError{Field: key, Msg: "unknown input; valid: " + joinKeys(FieldKeys())}
	}
	text := fmt.Sprintf("%s,%s,%s", FormatNumber(r.Low), FormatNumber(r.Likely), FormatNumber(r.High))
	for _, v := range []float64{r.Low, r.Likely, r.High} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < f.Min || v > f.Max {
			return &FieldError{Field: key, Value: text, Msg: "accepted: low, likely and high each " + f.RangeText()}
		}
	}
	if !(r.Low <= r.Likely && r.Likely <= r.High && r.Low < r.High) {
		return &FieldError{Field: key, Value: text, Msg: "accepted: low <= likely <= high with low < high"}
	}
	switch r.Dist {
	case "", DistTriangular, DistPERT, DistUniform:
	case DistLognormal:
		if r.Low <= 0 {
			return &FieldError{Field: key, Value: text, Msg: "accepted: a lognormal range needs low > 0"}
		}
	default:
		return choiceError(key+" distribution", r.Dist, Dists)
	}
	return nil
}

// Mean returns the distribution's analytic mean.
func (r Range) Mean() float64 {
	switch r.Dist {
	case DistPERT:
		return (r.Low + 4*r.Likely + r.High) / 6
	case DistLognormal:
		return r.lognormal().Mean()
	case DistUniform:
		return (r.Low + r.High) / 2
	}
	return (r.Low + r.Likely + r.High) / 3
}

// Quantile returns the distribution's analytic p-quantile (gonum distuv),
// before any clamping to the input's accepted range.
func (r Range) Quantile(p float64) float64 {
	switch r.Dist {
	case DistPERT:
		return r.Low + (r.High-r.Low)*r.beta().Quantile(p)
	case DistLognormal:
		return r.lognormal().Quantile(p)
	case DistUniform:
		return distuv.Uniform{Min: r.Low, Max: r.High}.Quantile(p)
	}
	return distuv.NewTriangle(r.Low, r.High, r.Likely, nil).Quantile(p)
}

func (r Range) beta() distuv.Beta {
	w := r.High - r.Low
	return distuv.Beta{Alpha: 1 + 4*(r.Likely-r.Low)/w, Beta: 1 + 4*(r.High-r.Likely)/w}
}

// lognormal fits mu and sigma so that Low and High are the 10th and 90th
// percentiles.
func (r Range) lognormal() distuv.LogNormal {
	lo, hi := math.Log(r.Low), math.Log(r.High)
	return distuv.LogNormal{Mu: (lo + hi) / 2, Sigma: (hi - lo) / (2 * z90)}
}

// Uncertain is one input the Monte Carlo varies: its range and where the
// range comes from.
type Uncertain struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Range Range  `json:"range"`
	// Origin is OriginUser for a range the user gave, OriginCatalogue for a
	// default range from the evidence table, OriginDerived for a default
	// spread centred on a value the user set.
	Origin string `json:"origin"`
	// Source holds catalogue source keys; Note says what the range rests on.
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// DefaultRange is one row of the catalogue's evidence table of default
// uncertainty (Catalog.Uncertainty). A catalogue value gets [Low, High]
// (absolute) or the resolved value times Factors() (relative), with the
// resolved value as likely; a value the user set gets the user value times
// [UserLow, UserHigh]. Rows with Kind "cloud-rows" use the spread of the
// catalogue's cloud prices. Like a Figure, a row names its sources or, where
// no source gives the range, holds a one-line rationale in Assumption.
type DefaultRange struct {
	// Key is a Field key (Uncertainty.Inputs) or a gap input (Uncertainty.Gap).
	Key  string `json:"key"`
	Kind string `json:"kind"` // "absolute", "relative" or "cloud-rows"
	Dist string `json:"dist"`
	// Low and High bound an absolute range in the input's unit. For a
	// relative range they are the evidence's bounds around Centre, so the
	// factors are Low/Centre and High/Centre; with no Centre they are the
	// factors themselves.
	Low    float64 `json:"low,omitempty"`
	High   float64 `json:"high,omitempty"`
	Centre float64 `json:"centre,omitempty"`
	// UserLow and UserHigh give the spread around a user's value; zero means
	// a user's value is taken as known (no default range).
	UserLow    float64 `json:"userLow,omitempty"`
	UserHigh   float64 `json:"userHigh,omitempty"`
	Source     string  `json:"source,omitempty"`
	Date       string  `json:"date"`
	Assumption string  `json:"assumption,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// Kinds of DefaultRange.
const (
	RangeAbsolute  = "absolute"
	RangeRelative  = "relative"
	RangeCloudRows = "cloud-rows"
)

// RangeKinds lists the valid kinds of DefaultRange.
var RangeKinds = []string{RangeAbsolute, RangeRelative, RangeCloudRows}

// Factors returns the multipliers of a relative range:
//
//	Low / Centre, High / Centre   (Centre > 0)
//	Low, High                     (no Centre)
func (d *DefaultRange) Factors() (lo, hi float64) {
	if d.Centre > 0 {
		return d.Low / d.Centre, d.High / d.Centre
	}
	return d.Low, d.High
}

// IsAssumption reports whether the row rests on an assumption rather than
// on a published range.
func (d *DefaultRange) IsAssumption() bool { return d != nil && d.Assumption != "" }

// Basis returns what the range rests on in one line: the note, prefixed by
// "assumption: " and the rationale for an assumption.
func (d *DefaultRange) Basis() string {
	if d.Assumption == "" {
		return d.Note
	}
	if d.Note == "" {
		return "assumption: " + d.Assumption
	}
	return "assumption: " + d.Assumption + "; " + d.Note
}

// DefaultRange returns the catalogue's default range of the numeric input
// key (a Field key), or nil.
func (c *Catalog) DefaultRange(key string) *DefaultRange {
	if c == nil {
		return nil
	}
	return findRange(c.Uncertainty.Inputs, key)
}

// GapDefaultRange returns the catalogue's default range of the gap input key
// (a GapRangeKeys key), or nil.
func (c *Catalog) GapDefaultRange(key string) *DefaultRange {
	if c == nil {
		return nil
	}
	return findRange(c.Uncertainty.Gap, key)
}

func findRange(rows []DefaultRange, key string) *DefaultRange {
	for i := range rows {
		if rows[i].Key == key {
			return &rows[i]
		}
	}
	return nil
}

// committed-use discount spreads across providers, relative to the GCP row
// most catalogue tiers come from (EPOCH-CONST DEFAULT_CUD).
var cudSpread = map[string][2]float64{
	TierOneYear:   {(1 - 0.41) / (1 - 0.37), (1 - 0.25) / (1 - 0.37)},
	TierThreeYear: {(1 - 0.64) / (1 - 0.56), (1 - 0.49) / (1 - 0.56)},
}

// relevant reports whether varying key can change any output of the
// resolved scenario, and why not.
func relevant(sc *Scenario, in *Inputs, key string) (bool, string) {
	_, hasFLOPs := sc.Values[KeyFLOPs]
	_, hasActive := sc.Values[KeyActiveParams]
	_, hasTokens := sc.Values[KeyTokens]
	_, hasTPP := sc.Values[KeyTokensPerParam]
	_, hasParams := sc.Values[KeyParams]
	switch key {
	case KeyYear:
		return false, "the year places the scenario on the projection chart only"
	case KeyMFU, KeyGoodput:
		if in.HasGPUHours {
			return false, "unused when gpu-hours is given"
		}
	case KeyGPUHours:
		if !in.HasGPUHours {
			return false, "give gpu-hours to put a range on it"
		}
	case KeyDepreciationYrs, KeyResidualValue:
		if in.EpochDepreciation {
			return false, "unused in epoch depreciation mode"
		}
	case KeyFLOPs:
		if !hasFLOPs {
			return false, "give flops to put a range on it"
		}
	case KeyParams:
		if hasFLOPs || hasActive || !hasParams {
			return false, "compute does not depend on it here (flops or active-params given, or params unset)"
		}
	case KeyActiveParams:
		if hasFLOPs || !hasActive {
			return false, "compute does not depend on it here (flops given, or active-params unset)"
		}
	case KeyTokens:
		if hasFLOPs || !hasTokens {
			return false, "compute does not depend on it here (flops given, or tokens unset)"
		}
	case KeyTokensPerParam:
		if hasFLOPs || hasTokens || !hasTPP || !hasParams {
			return false, "compute does not depend on it here (flops or tokens given, or tokens-per-param unset)"
		}
	case KeyEfficiency:
		if !in.HasFLOP {
			return false, "unused when gpu-hours stands alone"
		}
	}
	return true, ""
}

// UncertainInputs returns the ranges the Monte Carlo varies for a resolved
// scenario: the user's ranges (sc.Ranges) over the defaults of the
// catalogue's evidence table (cat.Uncertainty.Inputs). A default applies to a catalogue value as the evidence gives
// it, and to a value the user set as a spread centred on it; inputs that
// cannot change the result (MFU with disclosed GPU-hours) get none. A
// user's range on such an input is an error naming it.
func UncertainInputs(cat *Catalog, sc *Scenario, res *Resolution) ([]Uncertain, error) {
	var out []Uncertain
	in := &res.Inputs
	_, userMFU := sc.Values[KeyMFU]
	for _, f := range Fields {
		key := f.Key
		if r, ok := sc.Ranges[key]; ok {
			if err := r.Validate(key); err != nil {
				return nil, err
			}
			if ok, why := relevant(sc, in, key); !ok {
				return nil, &FieldError{Field: key, Msg: "a range has no effect: " + why}
			}
			if r.Dist == "" {
				r.Dist = DistTriangular
			}
			out = append(out, Uncertain{Key: key, Label: f.Label, Range: r, Origin: OriginUser, Source: "user range"})
			continue
		}
		d := cat.DefaultRange(key)
		if d == nil {
			continue
		}
		if ok, _ := relevant(sc, in, key); !ok {
			continue
		}
		if key == KeyGoodput && !userMFU {
			continue // the default MFU range already holds goodput losses
		}
		if key == KeyServerCostFactor && res.Accelerator != nil && res.Accelerator.Price.Basis == PriceBasisSystem {
			continue
		}
		v, ok := inputValue(in, key)
		if !ok {
			continue
		}
		u := Uncertain{Key: key, Label: f.Label, Source: d.Source, Note: d.Basis()}
		r := Range{Likely: v, Dist: d.Dist}
		if _, set := sc.Values[key]; set {
			if d.UserLow == 0 {
				continue
			}
			r.Low, r.High = v*d.UserLow, v*d.UserHigh
			u.Origin = OriginDerived
			u.Note = "spread centred on the user's value; " + d.Basis()
		} else {
			u.Origin = OriginCatalogue
			switch d.Kind {
			case RangeAbsolute:
				r.Low, r.High = math.Min(d.Low, v), math.Max(d.High, v)
			case RangeRelative:
				lo, hi := d.Factors()
				r.Low, r.High = v*lo, v*hi
			case RangeCloudRows:
				r.Low, r.High = cloudSpread(res, v)
			}
		}
		r.Low, r.High = math.Max(roundSig(r.Low), f.Min), math.Min(roundSig(r.High), f.Max)
		r.Likely = math.Min(math.Max(r.Likely, r.Low), r.High)
		if !(r.Low < r.High) {
			continue // a zero value (closed-loop WUE) or a single price stays as it is
		}
		u.Range = r
		out = append(out, u)
	}
	for key := range sc.Ranges {
		if FieldByKey(key) == nil {
			return nil, &FieldError{Field: key, Msg: "unknown input; valid: " + joinKeys(FieldKeys())}
		}
	}
	return out, nil
}

// roundSig rounds a default range bound to 4 significant digits.
func roundSig(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// cloudSpread returns the min and max price of the accelerator's catalogue
// rows at the tier used, or the committed-use spread around v.
func cloudSpread(res *Resolution, v float64) (lo, hi float64) {
	lo, hi = v, v
	rows := 0
	if res.Accelerator != nil {
		for _, row := range res.Accelerator.Cloud {
			if p := row.Tier(res.PriceTierUsed); p > 0 {
				lo, hi = math.Min(lo, p), math.Max(hi, p)
				rows++
			}
		}
	}
	if rows < 2 {
		if s, ok := cudSpread[res.PriceTierUsed]; ok {
			return v * s[0], v * s[1]
		}
	}
	return lo, hi
}

// inputValue returns the resolved value of the numeric input key.
func inputValue(in *Inputs, key string) (float64, bool) {
	if p := inputField(in, key); p != nil {
		return *p, true
	}
	return 0, false
}

// inputField returns the Inputs field that the numeric input key sets
// directly, or nil for keys that act through compute (params, tokens, ...)
// or not at all (year).
func inputField(in *Inputs, key string) *float64 {
	switch key {
	case KeyGPUs:
		return &in.GPUs
	case KeyMFU:
		return &in.MFU
	case KeyGoodput:
		return &in.Goodput
	case KeyGPUHours:
		return &in.GPUHours
	case KeyExperiments:
		return &in.Experiments
	case KeyPowerW:
		return &in.PowerW
	case KeyHostPowerFactor:
		return &in.HostPowerFactor
	case KeyPUE:
		return &in.PUE
	case KeyWUE:
		return &in.WUELPerKWh
	case KeyCarbonIntensity:
		return &in.CarbonGPerKWh
	case KeyRenewableShare:
		return &in.RenewableShare
	case KeyEWIF:
		return &in.EWIFLPerKWh
	case KeyElectricityPrice:
		return &in.ElectricityUSD
	case KeyGPUHourPrice:
		return &in.GPUHourUSD
	case KeyGPUPrice:
		return &in.GPUPriceUSD
	case KeyServerCostFactor:
		return &in.ServerCostFactor
	case KeyInterconnect:
		return &in.InterconnectShare
	case KeyDepreciationYrs:
		return &in.DepreciationYears
	case KeyWACC:
		return &in.WACC
	case KeyResidualValue:
		return &in.ResidualValue
	case KeyStaffCost:
		return &in.StaffUSD
	}
	return nil
}

// ParseRange reads "LOW,LIKELY,HIGH" or "LOW,LIKELY,HIGH,DIST" for the
// numeric input key; each number is a quantity (ParseQuantity: 30%, 35k,
// $2.50). Errors are *FieldError naming key.
func ParseRange(key, s string) (Range, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 && len(parts) != 4 {
		return Range{}, &FieldError{Field: key, Value: fmt.Sprintf("%q", s),
			Msg: "accepted: LOW,LIKELY,HIGH[,DIST] with DIST one of " + strings.Join(Dists, ", ")}
	}
	var v [3]float64
	for i := range v {
		x, err := ParseQuantity(parts[i])
		if err != nil {
			return Range{}, &FieldError{Field: key, Value: fmt.Sprintf("%q", s), Msg: err.Error()}
		}
		v[i] = x
	}
	r := Range{Low: v[0], Likely: v[1], High: v[2], Dist: DistTriangular}
	if len(parts) == 4 {
		r.Dist = strings.TrimSpace(parts[3])
	}
	return r, r.Validate(key)
}

// sortedKeys returns m's keys sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

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

// sampler draws one variable with gonum's distuv: triangular and uniform
// through their quantile functions from one uniform draw, PERT as a scaled
// Beta, lognormal from a normal draw.
type sampler struct {
	dist   int
	tri    distuv.Triangle
	uni    distuv.Uniform
	beta   distuv.Beta
	logn   distuv.LogNormal
	lo, hi float64 // PERT scale; clamp bounds for lognormal
}

const (
	sampTri = iota
	sampUni
	sampPERT
	sampLogn
)

func newSampler(r Range, key string) sampler {
	f := FieldByKey(key)
	s := sampler{lo: r.Low, hi: r.High}
	switch r.Dist {
	case DistPERT:
		s.dist, s.beta = sampPERT, r.beta()
	case DistLognormal:
		s.dist, s.logn = sampLogn, r.lognormal()
		s.lo, s.hi = f.Min, f.Max
	case DistUniform:
		s.dist, s.uni = sampUni, distuv.Uniform{Min: r.Low, Max: r.High}
	default:
		s.dist, s.tri = sampTri, distuv.NewTriangle(r.Low, r.High, r.Likely, nil)
	}
	return s
}

// withSource returns a copy whose gonum distribution draws from src.
func (s sampler) withSource(src rand.Source) sampler {
	s.beta.Src = src
	s.logn.Src = src
	return s
}

func (s *sampler) draw(rng *rand.Rand) float64 {
	switch s.dist {
	case sampUni:
		return s.uni.Quantile(rng.Float64())
	case sampPERT:
		return s.lo + (s.hi-s.lo)*s.beta.Rand()
	case sampLogn:
		return min(max(s.logn.Rand(), s.lo), s.hi)
	}
	return s.tri.Quantile(rng.Float64())
}

// Run draws opt.Samples samples of the uncertain inputs, evaluates each and
// summarises every known output. Samples are drawn in fixed chunks, each
// from its own stream seeded by (seed, chunk), and stored by position, so
// the result is identical for the same seed on any number of cores. Run
// returns ctx.Err() when cancelled.
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
	chunks := (n + chunkSamples - 1) / chunkSamples
	workers = min(workers, chunks)

	nOut := len(s.outputs)
	nCols := nOut * (1 + b2i(s.withExp))
	// The columns come from a pool: every position is written before it is
	// read, so a reused buffer needs no clearing, and a run of the default
	// 10,000 samples allocates no 1.4 MB buffer (and triggers no collection).
	bp := getColumns(n * nCols)
	defer putColumns(bp)
	buf := *bp
	cols := make([][]float64, nCols) // cols[nOut:] are the programme's
	for j := range cols {
		cols[j], buf = buf[:n:n], buf[n:]
	}
	samplers := make([]sampler, len(s.vars))
	for i := range s.vars {
		samplers[i] = newSampler(s.vars[i].Range, s.vars[i].Key)
	}

	// One set of workers does both phases: draw the chunks, wait for all
	// of them at a barrier, then summarise the columns, one per task. The
	// calling goroutine is one of the workers, so a run starts no more
	// goroutines than the other cores need.
	qs := make([]Quantiles, nCols)
	oks := make([]bool, nCols)
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
	kept := make([][]float64, nCols)
	var next, nextCol atomic.Int64
	sampled := newBarrier(workers)
	finished := newBarrier(workers)
	work := func() {
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
		defer finished.done()
		s.draw(ctx, ws, cols, &next, chunks, n, opt.Seed)
		sampled.done()
		sampled.wait()
		if ctx.Err() != nil {
			return
		}
		for {
			t := int(nextCol.Add(1) - 1)
			if t >= nCols {
				return
			}
			if len(keeps[t]) > 0 {
				kept[t] = slices.Clone(cols[t]) // before summarise reorders it
			}
			qs[t], oks[t] = ws.sm.summarise(cols[t])
		}
	}
	for range workers - 1 {
		go work()
	}
	work()
	finished.wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	u := &Uncertainty{Samples: n, Seed: opt.Seed, Inputs: s.Inputs(),
		Totals: make(map[string]Quantiles, nOut), WithExperiments: make(map[string]Quantiles, nOut)}
	for t, paths := range keeps {
		for i, path := range paths {
			if u.Kept == nil {
				u.Kept = map[string][]float64{}
			}
			if i > 0 {
				kept[t] = slices.Clone(kept[t])
			}
			u.Kept[path] = kept[t]
		}
	}
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

// draw fills positions [c*chunkSamples, (c+1)*chunkSamples) of every column
// for each chunk c it takes from next, until none is left or ctx is done.
// Chunk c draws from PCG(seed, c) whichever worker takes it.
func (s *Simulation) draw(ctx context.Context, ws *workerState, cols [][]float64, next *atomic.Int64, chunks, n int, seed uint64) {
	nOut := len(s.outputs)
	ev, rng, local := &ws.ev, ws.rng, ws.local
	r := &ws.r
	for {
		c := int(next.Add(1) - 1)
		if c >= chunks || ctx.Err() != nil {
			return
		}
		ws.pcg.Seed(seed, uint64(c))
		end := min((c+1)*chunkSamples, n)
		for i := c * chunkSamples; i < end; i++ {
			ev.reset()
			for k := range local {
				ev.apply(&s.vars[k], local[k].draw(rng))
			}
			*r = Evaluate(&ev.in)
			for j, oi := range s.outputs {
				cols[j][i] = Outputs[oi].value(&r.Totals)
			}
			if s.withExp {
				for j, oi := range s.outputs {
					cols[nOut+j][i] = Outputs[oi].value(&r.WithExperiments)
				}
			}
		}
	}
}

// barrier waits for n parties. A party that arrives early spins for a
// little while before it sleeps: with the default 10,000 samples a phase
// takes about a millisecond, and putting a thread to sleep and waking it
// costs tens of microseconds on each side.
type barrier struct {
	left atomic.Int32
	ch   chan struct{}
}

func newBarrier(n int) *barrier {
	b := &barrier{ch: make(chan struct{})}
	b.left.Store(int32(n))
	return b
}

// done marks one party arrived.
func (b *barrier) done() {
	if b.left.Add(-1) == 0 {
		close(b.ch)
	}
}

// barrierSpin bounds the busy wait of barrier.wait.
const barrierSpin = 100 * time.Microsecond

// wait returns once every party is done.
func (b *barrier) wait() {
	if b.left.Load() <= 0 {
		return
	}
	start := time.Now()
	for i := 0; b.left.Load() > 0; i++ {
		if i%64 == 63 {
			if time.Since(start) > barrierSpin {
				<-b.ch
				return
			}
			runtime.Gosched()
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
	sm    summariser
}

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

// summarise returns the P10, P50, P90 and mean of x's finite values,
// reordering x. A quantile is the order statistic at rank ceil(n p) (the
// inverse of the empirical distribution, R's type 1): with thousands of
// samples it differs from interpolating ones by far less than the sampling
// error, and needs no extra pass.
func summarise(x []float64) (Quantiles, bool) {
	var s summariser
	return s.summarise(x)
}

// summariser finds the quantiles of a column with scratch space it keeps
// from one column to the next (one per worker).
//
// Comparison-based selection (Floyd-Rivest, below) spends most of its time
// on branches the CPU cannot predict: on fresh random data each partition
// step is a coin toss, about 12 ns a value for the three ranks. Large
// columns therefore go through a bucket select with no data-dependent
// branch: one pass counts the values in histBuckets equal-width buckets
// between the minimum and the maximum, the prefix sums name the bucket
// holding each rank, a second pass copies those buckets' values out
// (written unconditionally, kept by advancing a length), and the search
// repeats inside each copy (usually a few dozen values, then sorted). The
// answer is the exact order statistic whatever the data: a bucket holding
// every value cannot occur, since the minimum and the maximum fall in the
// first and the last bucket, so each round shrinks the search.
type summariser struct {
	counts [histBuckets]int32
	// buf holds the copies of each round, by depth.
	buf [][3][]float64
}

// Sizes of the bucket select.
const (
	histBuckets = 1024
	histMin     = 2048 // smaller columns are selected directly
	histSort    = 48   // at most this many values are sorted
)

func (s *summariser) summarise(x []float64) (Quantiles, bool) {
	k := 0
	sum := 0.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v == v { // NaN marks an output absent in that sample
			x[k] = v
			k++
			sum += v
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	x = x[:k]
	if k == 0 {
		return Quantiles{}, false
	}
	if lo == hi {
		return Quantiles{P10: lo, P50: lo, P90: lo, Mean: lo}, true
	}
	q := Quantiles{Mean: sum / float64(k)}
	ranks := [3]int{rank(k, 0.1), rank(k, 0.5), rank(k, 0.9)}
	if k < histMin {
		selectK(x, ranks[1])
		if ranks[0] < ranks[1] {
			selectK(x[:ranks[1]], ranks[0])
		}
		if ranks[2] > ranks[1] {
			selectK(x[ranks[1]+1:], ranks[2]-ranks[1]-1)
		}
		q.P10, q.P50, q.P90 = x[ranks[0]], x[ranks[1]], x[ranks[2]]
		return q, true
	}
	var out [3]float64
	s.bucketSelect(x, lo, hi, ranks[:], out[:], 0)
	q.P10, q.P50, q.P90 = out[0], out[1], out[2]
	return q, true
}

// bucketSelect sets out[j] to the value at ranks[j] (ascending) of x, whose
// values are finite, lo its minimum and hi its maximum (lo < hi). depth 0
// is the round (the summariser keeps one set of copies per round).
func (s *summariser) bucketSelect(x []float64, lo, hi float64, ranks []int, out []float64, depth int) {
	if len(x) <= histSort {
		slices.Sort(x)
		for j, r := range ranks {
			out[j] = x[r]
		}
		return
	}
	// bucket of v: floor((v - lo) x scale), the maximum clamped into the last
	const last = histBuckets - 1
	scale := histBuckets / (hi - lo)
	c := &s.counts
	*c = [histBuckets]int32{}
	for _, v := range x {
		c[min(int((v-lo)*scale), last)&last]++
	}
	// the bucket of each rank and the rank inside it
	var target, inside [3]int
	j, below := 0, 0
	for b := 0; b < histBuckets && j < len(ranks); b++ {
		n := int(c[b])
		for j < len(ranks) && ranks[j] < below+n {
			target[j], inside[j] = b, ranks[j]-below
			j++
		}
		below += n
	}
	// distinct target buckets, each copied once
	var bufs [3][]float64
	var size [3]int
	nb := 0
	var slot [3]int
	for j := range ranks {
		if j > 0 && target[j] == target[j-1] {
			slot[j] = slot[j-1]
			continue
		}
		slot[j] = nb
		size[nb] = int(c[target[j]])
		if depth >= len(s.buf) {
			s.buf = append(s.buf, [3][]float64{})
		}
		if cap(s.buf[depth][nb]) < size[nb]+1 {
			s.buf[depth][nb] = make([]float64, size[nb]+1+size[nb]/2)
		}
		bufs[nb] = s.buf[depth][nb][:size[nb]+1]
		nb++
	}
	t0, t1, t2 := -1, -1, -1
	for i := range nb {
		b := target[slices.Index(slot[:len(ranks)], i)]
		switch i {
		case 0:
			t0 = b
		case 1:
			t1 = b
		case 2:
			t2 = b
		}
	}
	// the copy pass: every value is written to each copy and kept where it
	// belongs; the extra slot at the end of each copy takes the last writes
	n0, n1, n2 := 0, 0, 0
	switch nb {
	case 1:
		b0 := bufs[0]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0] = v
			n0 += b2i(b == t0)
		}
	case 2:
		b0, b1 := bufs[0], bufs[1]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0], b1[n1] = v, v
			n0 += b2i(b == t0)
			n1 += b2i(b == t1)
		}
	default:
		b0, b1, b2 := bufs[0], bufs[1], bufs[2]
		for _, v := range x {
			b := min(int((v-lo)*scale), last) & last
			b0[n0], b1[n1], b2[n2] = v, v, v
			n0 += b2i(b == t0)
			n1 += b2i(b == t1)
			n2 += b2i(b == t2)
		}
	}
	// search inside each copy
	for i := range nb {
		sub := bufs[i][:size[i]]
		var rs [3]int
		var res [3]float64
		var js [3]int
		m := 0
		for j := range ranks {
			if slot[j] == i {
				rs[m], js[m] = inside[j], j
				m++
			}
		}
		mn, mx := sub[0], sub[0]
		for _, v := range sub {
			mn, mx = min(mn, v), max(mx, v)
		}
		if mn == mx {
			res = [3]float64{mn, mn, mn}
		} else {
			s.bucketSelect(sub, mn, mx, rs[:m], res[:m], depth+1)
		}
		for k := range m {
			out[js[k]] = res[k]
		}
	}
}

// rank returns the 0-based index of the p-quantile of n sorted values:
// ceil(n p) - 1, at least 0.
func rank(n int, p float64) int {
	return max(int(math.Ceil(float64(n)*p))-1, 0)
}

// selectK reorders x so that x[k] is the k-th smallest, with x[:k] <= x[k]
// <= x[k+1:]: Floyd and Rivest's SELECT (CACM 18(3), 1975, Algorithm 489),
// which narrows the search to a band around k chosen from a sample, so it
// needs about n + min(k, n-k) comparisons. Deterministic.
func selectK(x []float64, k int) { floydRivest(x, 0, len(x)-1, k) }

func floydRivest(x []float64, left, right, k int) {
	for right > left {
		if right-left > 600 {
			n := float64(right - left + 1)
			i := float64(k - left + 1)
			z := math.Log(n)
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(n-s)/n)
			if i < n/2 {
				sd = -sd
			}
			newLeft := max(left, int(float64(k)-i*s/n+sd))
			newRight := min(right, int(float64(k)+(n-i)*s/n+sd))
			floydRivest(x, newLeft, newRight, k)
		}
		t := x[k]
		i, j := left, right
		x[left], x[k] = x[k], x[left]
		if x[right] > t {
			x[right], x[left] = x[left], x[right]
		}
		for i < j {
			x[i], x[j] = x[j], x[i]
			i++
			j--
			for x[i] < t {
				i++
			}
			for x[j] > t {
				j--
			}
		}
		if x[left] == t {
			x[left], x[j] = x[j], x[left]
		} else {
			j++
			x[j], x[right] = x[right], x[j]
		}
		if j <= k {
			left = j + 1
		}
		if k <= j {
			right = j - 1
		}
	}
}
