package planner

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// The MFU prior: ln(MFU over paid GPU-hours) is linear in what is known
// before a run, fitted by least squares on the development set
// (assets/runs-dev.json). The band is the fit's prediction interval:
// Student's t on the residual spread, so its width comes from the data.

// MFUPriorTerms names the fit's terms in coefficient order. Mixture of
// experts enters through its active parameters (a MoE is a small model per
// token); a separate MoE term added nothing once size and hardware were in
// (and four coefficients are the limit).
var MFUPriorTerms = []string{"intercept", "log10(active params / 10B)",
	"Hopper-class or newer: dense BF16 peak >= 600 TFLOP/s (0/1)", "Hopper-class x log10(active params / 10B)"}

// mfuRefParams centres the size term (10B active parameters);
// mfuNewGenPeak splits the accelerator generations (above the A100's 312
// and TPU v5p's 459 TFLOP/s, below the H100's 989): an indicator rather
// than log peak, so chips faster than any in the development set (B300,
// TPU7x) are not extrapolated to ever lower MFU.
const (
	mfuRefParams  = 1e10
	mfuNewGenPeak = 600e12
	// MFUNominal is the nominal coverage of the P10-P90 band.
	MFUNominal = 0.8
)

// MFUPriorModel is a fitted MFU prior as the catalogue stores it.
type MFUPriorModel struct {
	// Coefficients follow MFUPriorTerms.
	Coefficients []float64 `json:"coefficients"`
	// Sigma is the spread of ln MFU around the fit: the root mean square
	// of its leave-one-source-out residuals.
	Sigma float64 `json:"sigma"`
	// N is the number of runs fitted.
	N      int    `json:"n"`
	Source string `json:"source"`
	Date   string `json:"date"`
	Note   string `json:"note,omitempty"`
}

// mfuTerms returns the regressors of a run or scenario. moe is not a
// regressor (see MFUPriorTerms) but is kept in the signature for the
// calibration rows.
func mfuTerms(active, peakBF16 float64, _ bool) []float64 {
	size := math.Log10(active / mfuRefParams)
	h := 0.0
	if peakBF16 >= mfuNewGenPeak {
		h = 1
	}
	return []float64{1, size, h, h * size}
}

// mfuObs is one development run as the fit sees it.
type mfuObs struct {
	run  *DevRun
	x    []float64
	lnY  float64 // ln realised MFU
	peak float64 // dense peak at the run's precision
}

func devObservations(ds *DevSet, cat *Catalog) ([]mfuObs, error) {
	obs := make([]mfuObs, 0, len(ds.Runs))
	for i := range ds.Runs {
		r := &ds.Runs[i]
		mfu, err := r.RealisedMFU(cat)
		if err != nil {
			return nil, err
		}
		p, _ := r.peak(cat)
		bf16 := cat.Accelerator(r.GPU).PeakBF16.Value
		obs = append(obs, mfuObs{run: r, x: mfuTerms(r.Active(), bf16, r.MoE()), lnY: math.Log(mfu), peak: p})
	}
	return obs, nil
}

// fitOLS fits ln MFU on the terms by least squares over the observations
// keep selects.
func fitOLS(obs []mfuObs, keep func(i int) bool) ([]float64, error) {
	n := 0
	for i := range obs {
		if keep(i) {
			n++
		}
	}
	p := len(MFUPriorTerms)
	if n <= p+1 {
		return nil, fmt.Errorf("MFU prior: %d runs cannot fit %d coefficients", n, p)
	}
	X := mat.NewDense(n, p, nil)
	y := mat.NewVecDense(n, nil)
	row := 0
	for i, o := range obs {
		if !keep(i) {
			continue
		}
		X.SetRow(row, o.x)
		y.SetVec(row, o.lnY)
		row++
	}
	var b mat.VecDense
	if err := b.SolveVec(X, y); err != nil {
		return nil, fmt.Errorf("MFU prior: %w", err)
	}
	coef := make([]float64, p)
	for i := range coef {
		coef[i] = b.AtVec(i)
	}
	return coef, nil
}

func predictLn(coef, x []float64) float64 {
	ln := 0.0
	for i, c := range coef {
		ln += c * x[i]
	}
	return ln
}

// fitPrior fits the prior on the observations keep selects. The
// coefficients are ordinary least squares; Sigma is the root mean square of
// the leave-one-source-out residuals (each disclosure source, such as one
// model card covering several sizes, is left out as a whole and predicted
// from the others), so the band's width is the error the fit makes on a run
// family it has not seen, not its in-sample scatter.
func fitPrior(obs []mfuObs, keep func(i int) bool) (*MFUPriorModel, error) {
	coef, err := fitOLS(obs, keep)
	if err != nil {
		return nil, err
	}
	ss, n := 0.0, 0
	cache := map[string][]float64{}
	for i, o := range obs {
		if !keep(i) {
			continue
		}
		src := o.run.Source
		c, ok := cache[src]
		if !ok {
			c, err = fitOLS(obs, func(j int) bool { return keep(j) && obs[j].run.Source != src })
			if err != nil {
				return nil, err
			}
			cache[src] = c
		}
		d := o.lnY - predictLn(c, o.x)
		ss += d * d
		n++
	}
	return &MFUPriorModel{Coefficients: coef, Sigma: math.Sqrt(ss / float64(n)), N: n}, nil
}

// FitMFUPrior fits the prior on the whole development set.
func FitMFUPrior(ds *DevSet, cat *Catalog) (*MFUPriorModel, error) {
	obs, err := devObservations(ds, cat)
	if err != nil {
		return nil, err
	}
	return fitPrior(obs, func(int) bool { return true })
}

// halfWidth returns the half-width of the P10-P90 prediction interval of
// ln MFU: t(0.9, n-p) x sigma x sqrt(1 + 1/n).
func (m *MFUPriorModel) halfWidth() float64 {
	df := float64(m.N - len(m.Coefficients))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(1 - (1-MFUNominal)/2)
	return t * m.Sigma * math.Sqrt(1+1/float64(m.N))
}

// Quantiles returns the P10, median and P90 MFU for a run of active
// parameters on an accelerator of dense BF16 peak, dense or MoE.
func (m *MFUPriorModel) Quantiles(active, peakBF16 float64, moe bool) (p10, p50, p90 float64) {
	x := mfuTerms(active, peakBF16, moe)
	ln := predictLn(m.Coefficients, x)
	h := m.halfWidth()
	clamp := func(v float64) float64 { return math.Min(math.Max(v, 0.01), 1) }
	return clamp(math.Exp(ln - h)), clamp(math.Exp(ln)), clamp(math.Exp(ln + h))
}

// Validate checks the stored model's shape and values.
func (m *MFUPriorModel) Validate() error {
	if len(m.Coefficients) != len(MFUPriorTerms) {
		return &FieldError{Field: "mfuPrior.coefficients", Msg: fmt.Sprintf("has %d, needs %d (%v)", len(m.Coefficients), len(MFUPriorTerms), MFUPriorTerms)}
	}
	for i, c := range m.Coefficients {
		if math.IsNaN(c) || math.Abs(c) > 10 {
			return &FieldError{Field: fmt.Sprintf("mfuPrior.coefficients[%d]", i), Msg: "must be finite, within -10 to 10"}
		}
	}
	if !(m.Sigma > 0 && m.Sigma < 2) {
		return &FieldError{Field: "mfuPrior.sigma", Msg: "must be in (0, 2)"}
	}
	if m.N <= len(m.Coefficients)+1 {
		return &FieldError{Field: "mfuPrior.n", Msg: fmt.Sprintf("must exceed %d", len(m.Coefficients)+1)}
	}
	return nil
}

// MFUPrior returns the P10, median and P90 MFU (utilisation over paid
// GPU-hours) the catalogue's prior gives a scenario from what is known
// before the run: active parameters (or parameters; inferred from compute
// and tokens, or from compute at the Chinchilla ratio, when only FLOPs are
// given), dense or MoE, and the accelerator's dense BF16 peak. A user's own
// MFU is not consulted here.
func MFUPrior(s Scenario, cat *Catalog) (p10, p50, p90 float64, err error) {
	if cat == nil || cat.MFUPrior == nil {
		return 0, 0, 0, fmt.Errorf("MFU prior: the catalogue has none")
	}
	active, moe, err := scenarioActiveParams(s, cat)
	if err != nil {
		return 0, 0, 0, err
	}
	peak, err := scenarioPeakBF16(s, cat)
	if err != nil {
		return 0, 0, 0, err
	}
	p10, p50, p90 = cat.MFUPrior.Quantiles(active, peak, moe)
	return p10, p50, p90, nil
}

// scenarioActiveParams returns the active parameters of a scenario and
// whether it is a mixture of experts.
func scenarioActiveParams(s Scenario, cat *Catalog) (float64, bool, error) {
	params, hasP := s.Values[KeyParams]
	active, hasA := s.Values[KeyActiveParams]
	switch {
	case hasA && active > 0:
		return active, hasP && active < params, nil
	case hasP && params > 0:
		return params, false, nil
	}
	if f, ok := s.Values[KeyFLOPs]; ok && f > 0 {
		if d, ok := s.Values[KeyTokens]; ok && d > 0 {
			return f / (6 * d), false, nil
		}
		r := cat.Constants.ChinchillaTokensPerParam.Value
		return math.Sqrt(f / (6 * r)), false, nil
	}
	return 0, false, &FieldError{Field: KeyParams, Msg: "the MFU prior needs params, active-params or flops"}
}

// scenarioPeakBF16 returns the dense BF16 peak of the scenario's
// accelerator (a custom or overridden peak-flops).
func scenarioPeakBF16(s Scenario, cat *Catalog) (float64, error) {
	a, err := cat.AcceleratorFor(&s)
	if err != nil {
		return 0, err
	}
	return a.PeakBF16.Value, nil
}

// CalibrationRow is one development run's leave-one-out band.
type CalibrationRow struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Reported float64 `json:"reportedGPUHours"`
	// Low and High are the GPU-hours at the band's P90 and P10 MFU.
	Low    float64 `json:"lowGPUHours"`
	Median float64 `json:"medianGPUHours"`
	High   float64 `json:"highGPUHours"`
	Inside bool    `json:"inside"`
	// Ratio is High / Low (P90/P10 of GPU-hours).
	Ratio       float64 `json:"ratio"`
	RealisedMFU float64 `json:"realisedMFU"`
}

// Calibration summarises bands against reported GPU-hours.
type Calibration struct {
	Method      string           `json:"method"`
	Nominal     float64          `json:"nominal"`
	Coverage    float64          `json:"coverage"`
	MedianRatio float64          `json:"medianRatio"`
	WidestRatio float64          `json:"widestRatio"`
	Rows        []CalibrationRow `json:"rows"`
}

func (c *Calibration) add(o mfuObs, mfu10, mfu50, mfu90 float64) {
	c.addBand(o.run.ID, o.run.Name, o.run.GPUHours, o.run.FLOP()/(o.peak*3600), mfu10, mfu50, mfu90)
}

// addBand adds a run whose GPU-hours at 100% MFU are flopHours.
func (c *Calibration) addBand(id, name string, reported, flopHours, mfu10, mfu50, mfu90 float64) {
	row := CalibrationRow{ID: id, Name: name, Reported: reported,
		Low: flopHours / mfu90, Median: flopHours / mfu50, High: flopHours / mfu10, RealisedMFU: flopHours / reported}
	row.Inside = row.Low <= row.Reported && row.Reported <= row.High
	row.Ratio = row.High / row.Low
	c.Rows = append(c.Rows, row)
}

func (c *Calibration) summarise() {
	if len(c.Rows) == 0 {
		return
	}
	in := 0
	ratios := make([]float64, len(c.Rows))
	for i, r := range c.Rows {
		if r.Inside {
			in++
		}
		ratios[i] = r.Ratio
	}
	sort.Float64s(ratios)
	c.Nominal = MFUNominal
	c.Coverage = float64(in) / float64(len(c.Rows))
	c.MedianRatio = median(ratios)
	c.WidestRatio = ratios[len(ratios)-1]
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// LeaveOneOut refits the prior without each development run in turn and
// checks the run's reported GPU-hours against the band so predicted.
func LeaveOneOut(ds *DevSet, cat *Catalog) (*Calibration, error) {
	obs, err := devObservations(ds, cat)
	if err != nil {
		return nil, err
	}
	c := &Calibration{Method: "leave-one-out MFU prior"}
	for i, o := range obs {
		m, err := fitPrior(obs, func(j int) bool { return j != i })
		if err != nil {
			return nil, err
		}
		lo, mid, hi := m.Quantiles(o.run.Active(), cat.Accelerator(o.run.GPU).PeakBF16.Value, o.run.MoE())
		c.add(o, lo, mid, hi)
	}
	c.summarise()
	return c, nil
}

// UniformCalibration checks a uniform MFU distribution (the catalogue's
// former 20-52%) on the development set: its P10-P90 band is the uniform's
// 10th and 90th percentiles, its median the midpoint.
func UniformCalibration(ds *DevSet, cat *Catalog, low, high float64) (*Calibration, error) {
	obs, err := devObservations(ds, cat)
	if err != nil {
		return nil, err
	}
	c := &Calibration{Method: fmt.Sprintf("uniform MFU %.0f-%.0f%%", low*100, high*100)}
	for _, o := range obs {
		c.add(o, low+0.1*(high-low), (low+high)/2, high-0.1*(high-low))
	}
	c.summarise()
	return c, nil
}

// MFUResidual is one development run's residual under a fitted prior.
type MFUResidual struct {
	ID string `json:"id"`
	// Residual is ln(realised MFU) - ln(fitted median).
	Residual float64 `json:"residual"`
}

// Residuals returns each development run's residual under m, largest
// first by size.
func (m *MFUPriorModel) Residuals(ds *DevSet, cat *Catalog) ([]MFUResidual, error) {
	obs, err := devObservations(ds, cat)
	if err != nil {
		return nil, err
	}
	out := make([]MFUResidual, len(obs))
	for i, o := range obs {
		out[i] = MFUResidual{ID: o.run.ID, Residual: o.lnY - predictLn(m.Coefficients, o.x)}
	}
	sort.Slice(out, func(a, b int) bool { return math.Abs(out[a].Residual) > math.Abs(out[b].Residual) })
	return out, nil
}

// BandFactor returns the factor the P10 and P90 sit below and above the
// median.
func (m *MFUPriorModel) BandFactor() float64 { return math.Exp(m.halfWidth()) }

// MFUPriorRange returns the prior as the Monte Carlo range of mfu: a
// lognormal whose 10th and 90th percentiles are the prior's P10 and P90
// (likely is the median). GPU-hours, proportional to 1/MFU, then get the
// prior's band.
func MFUPriorRange(s Scenario, cat *Catalog) (Range, error) {
	lo, mid, hi, err := MFUPrior(s, cat)
	if err != nil {
		return Range{}, err
	}
	return Range{Low: lo, Likely: mid, High: hi, Dist: DistLognormal}, nil
}

// MFUPriorFigure returns the prior's median MFU for a scenario as a
// catalogue figure, the point estimate's default in place of the single
// constant.
func MFUPriorFigure(s Scenario, cat *Catalog) (*Figure, error) {
	_, mid, _, err := MFUPrior(s, cat)
	if err != nil {
		return nil, err
	}
	m := cat.MFUPrior
	return &Figure{Value: mid, Unit: "fraction", Source: m.Source, Date: m.Date,
		Note: fmt.Sprintf("median of the MFU prior (%d development runs) for this size, MoE and hardware", m.N)}, nil
}
