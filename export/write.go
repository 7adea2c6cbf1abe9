package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"

	"aiplan/planner"
)

// Options are the optional parts of a workbook.
type Options struct {
	// Clock gives the export date on the About sheet and the staleness of
	// catalogue figures; nil means time.Now.
	Clock func() time.Time
	// AppVersion is printed on the About sheet ("dev" when empty).
	AppVersion string
	// Gap is the bubble-gap model to export as formulas. When nil, the
	// set's own gap inputs (File.Gap) are used; with neither, the
	// catalogue preset planner.GapPreset2024 (the sheet says so).
	Gap *planner.GapInputs
	// Charts are PNG images for the Charts sheet (none: no sheet).
	Charts []Image
	// Uncertainty adds the Uncertainty sheet: a Monte Carlo run
	// (UncertaintySamples samples, seed UncertaintySeed) and a tornado of
	// costUSD.cloud for each of the first UncertaintyMax scenarios. It is
	// ignored for sets of more than UncertaintySetMax scenarios (sweeps).
	Uncertainty bool
	// Currency adds a sheet of the Summary's money rows in this basis
	// (currency_summary.go); nil or nominal USD: none.
	Currency *planner.Currency
}

// Monte Carlo settings of the Uncertainty sheet.
const (
	UncertaintySamples = 10000
	UncertaintySeed    = 1
	// UncertaintyMax is the most scenarios simulated.
	UncertaintyMax = 50
	// UncertaintySetMax is the largest set that gets an Uncertainty sheet.
	UncertaintySetMax = 200
)

// Image is one chart picture for the Charts sheet.
type Image struct {
	Title string
	PNG   []byte
}

// Limits of the side-by-side and per-scenario parts of a workbook; the
// row-per-scenario sheets always hold every scenario.
const (
	// SummaryMax is the most scenarios the Summary sheet shows side by side.
	SummaryMax = 50
	// ChartMax is the most scenarios the native Summary charts show.
	ChartMax = 20
	// ProvenanceMax is the most scenarios whose inputs the Provenance sheet
	// lists one by one; above it, the sheet lists each distinct catalogue
	// figure once.
	ProvenanceMax = 200
	// jsonChunk is the most characters of JSON per cell of the data sheet
	// (Excel holds at most 32,767 per cell).
	jsonChunk = 8000
	// dataMarker is cell A1 of the data sheet.
	dataMarker = "aiplan-workbook"
	// dataVersion is the layout version of the data sheet.
	dataVersion = 1
	// dataFirstRow is the data sheet's row of the first scenario.
	dataFirstRow = 4
)

// row is one resolved scenario.
type row struct {
	sc *planner.Scenario
	// res is the resolution; above ProvenanceMax scenarios it is kept only
	// for the rows of distinctResolutions (the others need only vals).
	res *planner.Resolution
	// vals and marks hold each Assumptions column's number and mark;
	// has says whether the column has a value.
	vals  []float64
	marks []uint8
	has   []bool
	// choices hold the choice columns' values (layout.cIndex).
	choices []string
	// out holds the planner's value of each Model column (NaN: n/a), the
	// formulas' cached values.
	out []float64
}

// writer builds one workbook.
type writer struct {
	f      *excelize.File
	set    *planner.File
	cat    *planner.Catalog
	opts   Options
	now    time.Time
	l      *layout
	rows   []row
	styles map[styleKey]int
	// srcKeys caches the catalogue source keys cited by a source text.
	srcKeys map[string][]string
	// distinct caches distinctResolutions.
	distinct []int
}

// ScenarioError is a scenario that does not resolve; Err is the planner's
// error (a *planner.FieldError naming the input).
type ScenarioError struct {
	Name string
	Err  error
}

func (e *ScenarioError) Error() string { return fmt.Sprintf("export: scenario %q: %v", e.Name, e.Err) }

// Unwrap returns the planner's error.
func (e *ScenarioError) Unwrap() error { return e.Err }

// Write evaluates every scenario of set against cat and writes the
// workbook to w. The workbook is built in memory and written in one call
// only when complete; on error nothing is written. A scenario that does not
// resolve is an error naming the scenario and the input.
func Write(w io.Writer, set *planner.File, cat *planner.Catalog, opts Options) error {
	if set == nil || cat == nil {
		return errors.New("export: no scenario set or no catalogue")
	}
	if len(set.Scenarios) == 0 {
		return errors.New("export: the scenario set is empty")
	}
	if err := set.Check(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	set, err := normalizedNames(set)
	if err != nil {
		return err
	}
	l, err := newLayout()
	if err != nil {
		return err
	}
	wr := &writer{set: set, cat: cat, opts: opts, l: l, styles: map[styleKey]int{}, srcKeys: map[string][]string{}, now: time.Now()}
	if opts.Clock != nil {
		wr.now = opts.Clock()
	}
	wr.rows = make([]row, len(set.Scenarios))
	for i := range set.Scenarios {
		wr.rows[i].sc = &set.Scenarios[i]
	}
	// Above ProvenanceMax, only one row per distinct resolution keeps its
	// provenance: a sweep's 10,000 resolutions would hold ~100 MB.
	keep := make([]bool, len(wr.rows))
	if len(wr.rows) > ProvenanceMax {
		for _, i := range wr.distinctResolutions() {
			keep[i] = true
		}
	}
	// One array for every row's numbers: three allocations, not 3n.
	n := len(l.assumptions)
	vals, marks, has := make([]float64, n*len(wr.rows)), make([]uint8, n*len(wr.rows)), make([]bool, n*len(wr.rows))
	choices := make([]string, len(l.cIndex)*len(wr.rows))
	k := len(l.cIndex)
	m := len(l.model)
	outs := make([]float64, m*len(wr.rows))
	get := modelValueFuncs(l.model)
	resolve := func(i int) error {
		rw := &wr.rows[i]
		// The formulas compute the outputs: resolving is all Write needs.
		res, err := planner.Resolve(cat, rw.sc)
		if err != nil {
			return &ScenarioError{Name: rw.sc.Name, Err: err}
		}
		rw.res = res
		rw.vals, rw.marks, rw.has = vals[i*n:(i+1)*n:(i+1)*n], marks[i*n:(i+1)*n:(i+1)*n], has[i*n:(i+1)*n:(i+1)*n]
		rw.choices = choices[i*k : (i+1)*k : (i+1)*k]
		wr.fill(rw)
		result := planner.Evaluate(&res.Inputs)
		rw.out = outs[i*m : (i+1)*m : (i+1)*m]
		for j, g := range get {
			if g != nil {
				rw.out[j] = g(&res.Inputs, &result)
			}
		}
		if len(wr.rows) > ProvenanceMax && !keep[i] {
			rw.res = nil
		}
		return nil
	}
	if err := parallel(len(wr.rows), resolve); err != nil {
		return err
	}
	wr.f = excelize.NewFile()
	// Deflate at best speed, on every core: a sweep's sheets are tens of
	// megabytes of XML.
	var typed map[string]bool
	wr.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &typedZip{zw: newZipWriter(w), parts: typed}
	})
	defer wr.f.Close() //nolint:errcheck // in-memory file
	if err := wr.build(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	typed = wr.cellSheetParts()
	var out bytes.Buffer
	if _, err := wr.f.WriteTo(&out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err = w.Write(out.Bytes())
	return err
}

// cellSheetParts returns the zip part names of the sheets written cell by
// cell (not streamed): excelize names a new sheet's part by its sheet ID.
func (wr *writer) cellSheetParts() map[string]bool {
	parts := map[string]bool{}
	for id, name := range wr.f.GetSheetMap() {
		if !streamedSheets[name] {
			parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = true
		}
	}
	return parts
}

// rowSheet is a row-per-scenario sheet being streamed: rows writes every
// row and may run alongside other sheets' rows; sw.Flush ends the sheet.
type rowSheet struct {
	sw   *excelize.StreamWriter
	rows func() error
}

func (wr *writer) build() error {
	f := wr.f
	gap, preset, err := wr.gapInputs()
	if err != nil {
		return err
	}
	proj := wr.projectionInputs()
	sheets := []string{SheetSummary, SheetAssumptions, SheetConstants, SheetModel, SheetProvenance}
	if gap != nil {
		sheets = append(sheets, SheetGap)
	}
	if proj != nil {
		sheets = append(sheets, SheetProjection)
	}
	sheets = append(sheets, SheetIndustry)
	if wr.opts.Uncertainty {
		sheets = append(sheets, SheetUncertainty)
	}
	if len(wr.opts.Charts) > 0 {
		sheets = append(sheets, SheetCharts)
	}
	if convertedWanted(wr.opts.Currency) {
		sheets = append(sheets, convertedSheetName(wr.opts.Currency))
	}
	sheets = append(sheets, SheetCurrency, SheetSources, SheetAbout, sheetData)
	if err := f.SetSheetName("Sheet1", sheets[0]); err != nil {
		return err
	}
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	// Before any sheet is streamed: both read every worksheet back.
	if err := f.SetSheetVisible(sheetData, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := wr.constants(); err != nil {
		return err
	}
	// The cell-by-cell formula sheets, with their values cached, before any
	// sheet is streamed: excelize's calculation engine reads every sheet of
	// the workbook back, which for a streamed sweep is tens of megabytes.
	if gap != nil {
		if err := wr.gapSheet(gap, preset); err != nil {
			return err
		}
		if err := cacheFormulaValues(f, SheetGap); err != nil {
			return err
		}
	}
	if proj != nil {
		if err := wr.projectionSheet(proj); err != nil {
			return err
		}
		if err := cacheFormulaValues(f, SheetProjection); err != nil {
			return err
		}
	}
	if err := wr.bubbleSheets(); err != nil { // Bubble scenarios and Reported data sheets
		return err
	}
	if err := cacheFormulaValues(f, SheetBubble); err != nil {
		return err
	}
	if err := wr.industrySheet(); err != nil {
		return err
	}
	if err := cacheFormulaValues(f, SheetIndustry); err != nil {
		return err
	}
	if err := wr.currencySheet(); err != nil {
		return err
	}
	if err := cacheFormulaValues(f, SheetCurrency); err != nil {
		return err
	}
	// The three row-per-scenario sheets hold nearly all of a sweep's cells.
	// Each is started (styles, widths, headers: changes to the File) in
	// turn, their rows are then streamed concurrently (a StreamWriter's
	// SetRow touches only its own sheet's buffer), and they are flushed
	// into the File in turn.
	var rowSheets []*rowSheet
	for _, start := range []func() (*rowSheet, error){wr.assumptions, wr.model, wr.data} {
		rs, err := start()
		if err != nil {
			return err
		}
		rowSheets = append(rowSheets, rs)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, rs := range rowSheets {
		g.Go(rs.rows)
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, rs := range rowSheets[:2] {
		if err := rs.sw.Flush(); err != nil {
			return err
		}
	}
	for _, step := range []func() error{wr.provenance, wr.summary, wr.convertedSummary, wr.sources, wr.about} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := rowSheets[2].sw.Flush(); err != nil {
		return err
	}
	if wr.opts.Uncertainty {
		if err := wr.uncertainty(); err != nil {
			return err
		}
	}
	if len(wr.opts.Charts) > 0 {
		if err := wr.charts(); err != nil {
			return err
		}
	}
	if err := wr.printLayout(); err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{
		Creator: "aiplan " + wr.version(), Title: "AI training cost plan",
		Description: "Written by aiplan (AI Cost Planner), catalogue " + wr.cat.Version,
	})
}

func (wr *writer) version() string {
	if wr.opts.AppVersion == "" {
		return "dev"
	}
	return wr.opts.AppVersion
}

// gapInputs returns the bubble-gap inputs to export: Options.Gap, the
// set's own, or else the catalogue preset (preset true); nil only when the
// catalogue has no preset either.
func (wr *writer) gapInputs() (in *planner.GapInputs, preset bool, err error) {
	if wr.opts.Gap != nil {
		if err := wr.opts.Gap.Validate(); err != nil {
			return nil, false, fmt.Errorf("gap inputs: %w", err)
		}
		return wr.opts.Gap, false, nil
	}
	if wr.set.Gap != nil && wr.set.Gap.Validate() == nil {
		return wr.set.Gap, false, nil
	}
	p, err := planner.GapPreset(wr.cat, planner.GapPreset2024)
	if err != nil || p.Validate() != nil {
		return nil, false, nil
	}
	return &p, true, nil
}

// projectionInputs returns the training-cost projection to export: the
// set's own, or the catalogue default; nil when neither is usable.
func (wr *writer) projectionInputs() *planner.ProjectionInputs {
	if p := wr.set.Projection; p != nil && p.Validate() == nil {
		q := *p
		return &q
	}
	p, err := planner.DefaultProjection(wr.cat)
	if err != nil || p.Validate() != nil {
		return nil
	}
	return &p
}

// parallel runs f(0..n-1) over contiguous chunks of at least 500 indices
// on at most GOMAXPROCS goroutines and returns the error of the lowest
// index that failed (each chunk stops at its first error).
func parallel(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	errs := make([]error, workers)
	var g errgroup.Group
	g.SetLimit(workers)
	for w := range workers {
		g.Go(func() error {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				if errs[w] = f(i); errs[w] != nil {
					return nil
				}
			}
			return nil
		})
	}
	_ = g.Wait() // the chunks report through errs, in index order
	return firstNonNil(errs)
}

func firstNonNil(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// normalizedNames returns set with every scenario name under
// planner.NormalizeName (a copy when a name changes), refusing two names
// that become the same: "run" and "run " would not import back.
func normalizedNames(set *planner.File) (*planner.File, error) {
	seen := make(map[string]int, len(set.Scenarios))
	out := set
	for i := range set.Scenarios {
		name := set.Scenarios[i].Name
		n, err := planner.NormalizeName(name)
		if err != nil {
			return nil, &ScenarioError{Name: name, Err: err}
		}
		if j, ok := seen[n]; ok {
			return nil, fmt.Errorf("export: scenarios %d (%q) and %d (%q) have the same name once leading and trailing spaces are dropped; rename one",
				j+1, set.Scenarios[j].Name, i+1, name)
		}
		seen[n] = i
		if n == name {
			continue
		}
		if out == set {
			c := *set
			c.Scenarios = slices.Clone(set.Scenarios)
			out = &c
		}
		out.Scenarios[i].Name = n
		if set.Baseline == name {
			out.Baseline = n
		}
	}
	return out, nil
}
