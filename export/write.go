package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

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

type styleKey struct {
	format string
	mark   int
}

// Cell marks on the Assumptions sheet.
const (
	markNone       = iota
	markUser       // blue font: the user's input
	markAssumption // orange fill: a catalogue assumption, not a published figure
	markFormula    // derived or flag: a formula
	markHeader
	markUnit
	markKey
	markTitle
	markNote // italic explanation
)

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
	wr.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newParallelZip(w) })
	defer wr.f.Close() //nolint:errcheck // in-memory file
	if err := wr.build(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var out bytes.Buffer
	if _, err := wr.f.WriteTo(&out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err = w.Write(out.Bytes())
	return err
}

// parallel runs f(0..n-1) on GOMAXPROCS goroutines over contiguous
// chunks and returns the error of the lowest index that failed.
func parallel(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	if workers <= 1 {
		for i := 0; i < n; i++ {
			if err := f(i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				if err := f(i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// parallelTasks runs f(0..n-1), one task per goroutine at a time on up
// to GOMAXPROCS goroutines, and returns the error of the lowest index that
// failed.
func parallelTasks(n int, f func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = f(i)
			}
		}()
	}
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
	if wr.opts.Uncertainty {
		sheets = append(sheets, SheetUncertainty)
	}
	if len(wr.opts.Charts) > 0 {
		sheets = append(sheets, SheetCharts)
	}
	sheets = append(sheets, SheetSources, SheetAbout, sheetData)
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
	if err := parallelTasks(len(rowSheets), func(i int) error { return rowSheets[i].rows() }); err != nil {
		return err
	}
	for _, rs := range rowSheets[:2] {
		if err := rs.sw.Flush(); err != nil {
			return err
		}
	}
	for _, step := range []func() error{wr.provenance, wr.summary, wr.sources, wr.about} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := rowSheets[2].sw.Flush(); err != nil {
		return err
	}
	if gap != nil {
		if err := wr.gapSheet(gap, preset); err != nil {
			return err
		}
	}
	if err := wr.bubbleSheets(); err != nil { // Bubble scenarios and Reported data sheets
		return err
	}
	if proj != nil {
		if err := wr.projectionSheet(proj); err != nil {
			return err
		}
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
	// The formatted sheets print landscape, one page wide (two for the
	// Uncertainty sheet's two tables).
	for _, sh := range []string{SheetSummary, SheetConstants, SheetGap, SheetProjection, SheetUncertainty, SheetCharts, SheetSources, SheetAbout} {
		if idx, err := f.GetSheetIndex(sh); err != nil || idx < 0 {
			continue
		}
		wide := 1
		if sh == SheetUncertainty {
			wide = 2 // quantiles, then the tornado
		}
		if err := printSetup(f, sh, wide); err != nil {
			return err
		}
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

// plainStyles returns the style ID of each mark, with no number format.
func (wr *writer) plainStyles(marks ...int) ([]int, error) {
	ids := make([]int, len(marks))
	for i, m := range marks {
		id, err := wr.style("", m)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

// style returns the cached style of a number format and a mark.
func (wr *writer) style(format string, mark int) (int, error) {
	k := styleKey{format, mark}
	if id, ok := wr.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{}
	if format != "" {
		fm := format
		s.CustomNumFmt = &fm
	}
	switch mark {
	case markUser:
		s.Font = &excelize.Font{Color: "0000FF"}
	case markAssumption:
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}
	case markFormula:
		s.Font = &excelize.Font{Color: "000000"}
	case markHeader:
		s.Font = &excelize.Font{Bold: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case markUnit:
		s.Font = &excelize.Font{Italic: true, Color: "595959"}
	case markKey:
		s.Font = &excelize.Font{Color: "808080", Size: 8}
	case markTitle:
		s.Font = &excelize.Font{Bold: true, Size: 13}
	case markNote:
		s.Font = &excelize.Font{Italic: true, Color: "7F6000"}
	}
	id, err := wr.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	wr.styles[k] = id
	return id, nil
}

// headerRows writes the label, unit and key rows of a row-per-scenario sheet.
func (wr *writer) headerRows(sw *excelize.StreamWriter, cols []column) error {
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	us, err := wr.style("", markUnit)
	if err != nil {
		return err
	}
	ks, err := wr.style("", markKey)
	if err != nil {
		return err
	}
	labels := make([]any, len(cols))
	units := make([]any, len(cols))
	keys := make([]any, len(cols))
	for i, c := range cols {
		labels[i] = excelize.Cell{StyleID: hs, Value: c.label}
		units[i] = excelize.Cell{StyleID: us, Value: c.unit}
		keys[i] = excelize.Cell{StyleID: ks, Value: c.key}
	}
	if err := sw.SetRow("A1", labels, excelize.RowOpts{Height: 45}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", units); err != nil {
		return err
	}
	return sw.SetRow("A3", keys)
}

func (wr *writer) rowSheetStart(sheet string, cols []column) (*excelize.StreamWriter, error) {
	sw, err := wr.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		width := 14.0
		switch {
		case c.key == KeyID:
			width = 5
		case c.key == KeyName:
			width = 28
		case c.key == KeyNote:
			width = 60
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: FirstRow - 1,
		TopLeftCell: "C" + strconv.Itoa(FirstRow), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	return sw, wr.headerRows(sw, cols)
}

// assumptions starts the sheet of one row per scenario with its resolved
// inputs.
func (wr *writer) assumptions() (*rowSheet, error) {
	cols := wr.l.assumptions
	sw, err := wr.rowSheetStart(SheetAssumptions, cols)
	if err != nil {
		return nil, err
	}
	styles := make([][markFormula + 1]int, len(cols))
	for j := range cols {
		for m := markNone; m <= markFormula; m++ {
			if styles[j][m], err = wr.style(cols[j].format, m); err != nil {
				return nil, err
			}
		}
	}
	// Per-column lookups done once, not per cell.
	aIdx, cIdx := make([]int, len(cols)), make([]int, len(cols))
	derived := make([]*column, len(cols))
	for j := range cols {
		aIdx[j], cIdx[j], derived[j] = wr.l.aIndex[cols[j].key], wr.l.cIndex[cols[j].key], wr.l.derived[cols[j].key]
	}
	rows := func() error {
		vals := make([]any, len(cols))
		// The cells of a row are passed by pointer into one reused array,
		// not boxed one by one.
		cells := make([]excelize.Cell, len(cols))
		var buf, ref []byte
		for i := range wr.rows {
			rw := &wr.rows[i]
			r := FirstRow + i
			for j := range cols {
				vals[j] = assumptionCell(rw, i, r, &cols[j], &styles[j], aIdx[j], cIdx[j], derived[j], &cells[j], &buf)
			}
			ref = strconv.AppendInt(append(ref[:0], 'A'), int64(r), 10)
			if err := sw.SetRow(string(ref), vals); err != nil {
				return err
			}
		}
		return nil
	}
	return &rowSheet{sw: sw, rows: rows}, nil
}

// assumptionCell returns the value to stream for column c of a row: nil,
// a plain value, or cell filled in. j and k are c's Assumptions and
// choice indices, derived its derived-input formula (or nil); buf is
// scratch space for formulas.
func assumptionCell(rw *row, i, r int, c *column, styles *[markFormula + 1]int, j, k int, derived *column, cell *excelize.Cell, buf *[]byte) any {
	switch c.kind {
	case kindID:
		return i + 1
	case kindName:
		return rw.sc.Name
	case kindNote:
		if rw.sc.Note == "" {
			return nil
		}
		return rw.sc.Note
	case kindFlag:
		*cell = excelize.Cell{StyleID: styles[markFormula], Formula: c.formulaAt(r, buf)}
		return cell
	}
	if !rw.has[j] {
		return nil
	}
	if c.kind == kindChoice {
		*cell = excelize.Cell{StyleID: styles[rw.marks[j]], Value: rw.choices[k]}
		return cell
	}
	v, mark := rw.vals[j], rw.marks[j]
	*cell = excelize.Cell{StyleID: styles[mark], Value: v}
	if mark == markFormula && derived != nil {
		cell.Formula = derived.formulaAt(r, buf)
	}
	return cell
}

// fill looks up every Assumptions value of a row once.
func (wr *writer) fill(rw *row) {
	for j := range wr.l.assumptions {
		c := &wr.l.assumptions[j]
		if c.kind == kindChoice {
			p, ok := rw.res.Provenance[c.key]
			if !ok {
				continue
			}
			mark := markNone
			if p.Origin == planner.OriginUser {
				mark = markUser
			}
			v, ok := p.Value.(string)
			if !ok {
				v = fmt.Sprint(p.Value)
			}
			rw.choices[wr.l.cIndex[c.key]], rw.marks[j], rw.has[j] = v, uint8(mark), true
			continue
		}
		if c.kind != kindField && c.kind != kindExtra {
			continue
		}
		v, p, ok := wr.extraValue(rw, c.key)
		if !ok {
			continue
		}
		mark := markNone
		switch {
		case p.Origin == planner.OriginUser:
			mark = markUser
		case p.Assumption != "":
			mark = markAssumption
		case p.Origin == planner.OriginDerived:
			mark = markFormula
		}
		rw.vals[j], rw.marks[j], rw.has[j] = v, uint8(mark), true
	}
}

// extraValue returns the resolved number of an Assumptions column with its
// provenance: a planner input, or a catalogue figure Evaluate uses.
func (wr *writer) extraValue(rw *row, key string) (float64, planner.Resolved, bool) {
	res := rw.res
	switch key {
	case KeyTDPW:
		a := res.Accelerator
		return res.Inputs.TDPW, planner.Resolved{Value: a.TDPW.Value, Unit: "W", Source: a.TDPW.Source,
			Date: a.TDPW.Date, Assumption: a.TDPW.Assumption, Origin: planner.OriginCatalogue}, true
	case KeyPricePerfOOM:
		k := &wr.cat.Constants.PricePerfOOMPerYear
		return res.Inputs.PricePerfOOM, planner.Resolved{Value: res.Inputs.PricePerfOOM, Unit: "OOM/year",
			Source: k.Source, Date: k.Date, Assumption: k.Assumption, Origin: planner.OriginCatalogue}, true
	}
	p, ok := res.Provenance[key]
	if !ok {
		return 0, p, false
	}
	v, ok := p.Value.(float64)
	return v, p, ok
}

// model starts the sheet of one row of live formulas per scenario.
func (wr *writer) model() (*rowSheet, error) {
	cols := wr.l.model
	sw, err := wr.rowSheetStart(SheetModel, cols)
	if err != nil {
		return nil, err
	}
	ids := make([]int, len(cols))
	for j, c := range cols {
		mark := markNone
		if strings.HasPrefix(c.key, "work.") {
			mark = markFormula
		}
		if ids[j], err = wr.style(c.format, mark); err != nil {
			return nil, err
		}
	}
	rows := func() error {
		vals := make([]any, len(cols))
		cells := make([]excelize.Cell, len(cols))
		for j := range cols {
			cells[j].StyleID = ids[j]
			vals[j] = &cells[j]
		}
		var buf, ref []byte
		for i := range wr.rows {
			r := FirstRow + i
			for j := range cols {
				cells[j].Formula = cols[j].formulaAt(r, &buf)
			}
			ref = strconv.AppendInt(append(ref[:0], 'A'), int64(r), 10)
			if err := sw.SetRow(string(ref), vals); err != nil {
				return err
			}
		}
		return nil
	}
	return &rowSheet{sw: sw, rows: rows}, nil
}

// constants writes the shared constants and defines a name for each.
func (wr *writer) constants() error {
	f := wr.f
	s := SheetConstants
	rows := [][]any{
		{"Name", "Value", "Unit", "Meaning"},
		{constHoursPerYear, planner.HoursPerYear, "hours/year", "365.25 days x 24 h (Epoch AI's convention); depreciation, embodied carbon and financing"},
		{"FLOPPerParamToken", 6, "FLOP per parameter per token", "Training compute C = 6 N D (Kaplan et al. 2020)"},
		{"SecondsPerHour", 3600, "s/h", "GPU-hours from FLOP and FLOP/s"},
		{"HoursPerDay", 24, "h/day", "Wall-clock days from GPU-hours per accelerator"},
	}
	for i, r := range rows {
		cell := "A" + strconv.Itoa(i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			return err
		}
		if i == 0 {
			continue
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: r[0].(string),
			RefersTo: s + "!$B$" + strconv.Itoa(i+1), Comment: r[3].(string)}); err != nil {
			return err
		}
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "D1", hs); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "A", "A", 20); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "C", "C", 26); err != nil {
		return err
	}
	return f.SetColWidth(s, "D", "D", 90)
}

// provenanceKeys lists the Assumptions keys that have a provenance entry.
func (wr *writer) provenanceKeys() []*column {
	var cols []*column
	for i := range wr.l.assumptions {
		c := &wr.l.assumptions[i]
		switch c.kind {
		case kindChoice, kindField, kindExtra:
			cols = append(cols, c)
		}
	}
	return cols
}

var sourceKeyRE = regexp.MustCompile(`\(([A-Z0-9][A-Z0-9._-]*)\)`)

// sourceKeys returns the catalogue source keys a provenance entry cites.
func (wr *writer) sourceKeys(p planner.Resolved) []string {
	if keys, ok := wr.srcKeys[p.Source]; ok {
		return keys
	}
	var keys []string
	if _, ok := wr.cat.Sources[p.Source]; ok {
		keys = []string{p.Source}
	} else {
		for _, m := range sourceKeyRE.FindAllStringSubmatch(p.Source, -1) {
			if _, ok := wr.cat.Sources[m[1]]; ok {
				keys = append(keys, m[1])
			}
		}
	}
	wr.srcKeys[p.Source] = keys
	return keys
}

func (wr *writer) citation(p planner.Resolved) string {
	var cs []string
	for _, k := range wr.sourceKeys(p) {
		cs = append(cs, wr.cat.Citation(k))
	}
	return strings.Join(cs, "; ")
}

// provenance writes every input's value, unit, origin, source and vintage.
func (wr *writer) provenance() error {
	sw, err := wr.f.NewStreamWriter(SheetProvenance)
	if err != nil {
		return err
	}
	widths := []float64{28, 22, 30, 16, 16, 10, 40, 60, 11, 40, 8}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	head := []string{"Scenario", "Input key", "Input", "Value", "Unit", "Origin", "Source", "Citation", "Vintage", "Assumption (no published source)", "Stale"}
	hr := make([]any, len(head))
	for i, h := range head {
		hr[i] = excelize.Cell{StyleID: hs, Value: h}
	}
	if err := sw.SetRow("A1", hr); err != nil {
		return err
	}
	as, err := wr.style("", markAssumption)
	if err != nil {
		return err
	}
	r := 2
	emit := func(scenario string, c *column, p planner.Resolved) error {
		stale := ""
		if p.Date != "" {
			fig := planner.Figure{Date: p.Date}
			if fig.Stale(wr.now) {
				stale = "yes"
			}
		}
		vals := []any{scenario, c.key, c.label, p.Value, p.Unit, p.Origin, p.Source, wr.citation(p), p.Date, p.Assumption, stale}
		if p.Assumption != "" {
			vals[9] = excelize.Cell{StyleID: as, Value: p.Assumption}
		}
		err := sw.SetRow("A"+strconv.Itoa(r), vals)
		r++
		return err
	}
	keys := wr.provenanceKeys()
	if len(wr.rows) <= ProvenanceMax {
		for i := range wr.rows {
			rw := &wr.rows[i]
			for _, c := range keys {
				p, ok := wr.provenanceOf(rw, c)
				if !ok {
					continue
				}
				if err := emit(rw.sc.Name, c, p); err != nil {
					return err
				}
			}
		}
		return sw.Flush()
	}
	// A sweep: each distinct catalogue figure or default once.
	type seen struct {
		key, value, source, date string
	}
	done := map[seen]bool{}
	for _, i := range wr.distinctResolutions() {
		rw := &wr.rows[i]
		for _, c := range keys {
			p, ok := wr.provenanceOf(rw, c)
			if !ok || p.Origin == planner.OriginUser || p.Origin == planner.OriginDerived {
				continue
			}
			k := seen{c.key, fmt.Sprint(p.Value), p.Source, p.Date}
			if done[k] {
				continue
			}
			done[k] = true
			if err := emit(fmt.Sprintf("(sweep of %d: catalogue figures used; user inputs are blue on Assumptions)", len(wr.rows)), c, p); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

func (wr *writer) provenanceOf(rw *row, c *column) (planner.Resolved, bool) {
	if c.kind == kindChoice {
		p, ok := rw.res.Provenance[c.key]
		return p, ok
	}
	_, p, ok := wr.extraValue(rw, c.key)
	return p, ok
}

// summaryRows are the Summary sheet's rows: Model paths in display order.
var summaryRows = []string{
	"trainingFLOP", "gpuHours", "wallClockDays", "impliedMFU", "itEnergyKWh", "facilityEnergyKWh",
	"peakPowerMW", "emissionsTCO2e", "marketEmissionsTCO2e", "embodiedTCO2e", "waterOnsiteL", "waterOffsiteL",
	"costUSD.cloud", "costUSD.amortized", "costUSD.purchase", "costUSD.energy", "breakEvenGPUHours",
	"costBreakdownUSD.amortizedAccelerators", "costBreakdownUSD.amortizedServerInterconnect",
	"costBreakdownUSD.energy", "costBreakdownUSD.financing", "costBreakdownUSD.purchaseAccelerators",
	"costBreakdownUSD.purchaseServerInterconnect", "costBreakdownUSD.staff",
	"withExperiments.gpuHours", "withExperiments.facilityEnergyKWh", "withExperiments.emissionsTCO2e",
	"withExperiments.costUSD.cloud", "withExperiments.costUSD.amortized",
}

// summary writes the side-by-side comparison and its native charts.
func (wr *writer) summary() error {
	f, s := wr.f, SheetSummary
	n := min(len(wr.rows), SummaryMax)
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	us, err := wr.style("", markUnit)
	if err != nil {
		return err
	}
	if err := f.SetCellStr(s, "A1", "Output"); err != nil {
		return err
	}
	if err := f.SetCellStr(s, "B1", "Unit"); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(3+i, 1)
		// SetCellStr: a name such as =HYPERLINK(...) stays text.
		if err := f.SetCellStr(s, cell, wr.rows[i].sc.Name); err != nil {
			return err
		}
		width := float64(min(max(utf8.RuneCountInString(wr.rows[i].sc.Name)+2, 14), 40))
		col := colLetter(3 + i)
		if err := f.SetColWidth(s, col, col, width); err != nil {
			return err
		}
	}
	last := colLetter(2 + n)
	if err := f.SetCellStyle(s, "A1", last+"1", hs); err != nil {
		return err
	}
	for k, path := range summaryRows {
		r := k + 2
		mc := wr.l.model[wr.l.mIndex[path]]
		if err := f.SetCellStr(s, "A"+strconv.Itoa(r), mc.label); err != nil {
			return err
		}
		if err := f.SetCellStr(s, "B"+strconv.Itoa(r), mc.unit); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			cell, _ := excelize.CoordinatesToCellName(3+i, r)
			if err := f.SetCellFormula(s, cell, SheetModel+"!"+mc.letter+strconv.Itoa(FirstRow+i)); err != nil {
				return err
			}
		}
		st, err := wr.style(mc.format, markNone)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "C"+strconv.Itoa(r), last+strconv.Itoa(r), st); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "B"+strconv.Itoa(r), "B"+strconv.Itoa(r), us); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(s, "A", "A", 40); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "B", "B", 11); err != nil {
		return err
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	next := len(summaryRows) + 3
	if len(wr.rows) > n {
		if err := f.SetCellStr(s, "A"+strconv.Itoa(next), fmt.Sprintf("Showing the first %d of %d scenarios; the Model sheet has them all.", n, len(wr.rows))); err != nil {
			return err
		}
		next += 2
	}
	if n > ChartMax {
		return nil
	}
	return wr.summaryCharts(n, next)
}

func (wr *writer) summaryCharts(n, top int) error {
	rowOf := func(path string) string {
		for k, p := range summaryRows {
			if p == path {
				return strconv.Itoa(k + 2)
			}
		}
		return ""
	}
	last := colLetter(2 + n)
	cats := fmt.Sprintf("%s!$C$1:$%s$1", SheetSummary, last)
	series := func(paths ...string) []excelize.ChartSeries {
		var ss []excelize.ChartSeries
		for _, p := range paths {
			r := rowOf(p)
			ss = append(ss, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$A$%s", SheetSummary, r),
				Categories: cats,
				Values:     fmt.Sprintf("%s!$C$%s:$%s$%s", SheetSummary, r, last, r),
			})
		}
		return ss
	}
	width := uint(max(640, 110*n))
	charts := []struct {
		title string
		typ   excelize.ChartType
		paths []string
	}{
		{"Training cost by method (USD)", excelize.Col, []string{"costUSD.cloud", "costUSD.amortized", "costUSD.purchase"}},
		{"Amortized cost breakdown (USD)", excelize.ColStacked, []string{
			"costBreakdownUSD.amortizedAccelerators", "costBreakdownUSD.amortizedServerInterconnect",
			"costBreakdownUSD.energy", "costBreakdownUSD.financing"}},
	}
	for i, c := range charts {
		cell := "A" + strconv.Itoa(top+i*22)
		err := wr.f.AddChart(SheetSummary, cell, &excelize.Chart{
			Type:      c.typ,
			Series:    series(c.paths...),
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: width, Height: 400},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtUSD}},
			PlotArea:  excelize.ChartPlotArea{ShowVal: false},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// distinctResolutions returns one row index per distinct set of choices and
// user-set keys: rows that share them share every catalogue figure, source
// and default (only the user's numbers differ).
func (wr *writer) distinctResolutions() []int {
	if wr.distinct != nil {
		return wr.distinct
	}
	seen := map[string]bool{}
	var idx []int
	var b strings.Builder
	for i := range wr.rows {
		sc := wr.rows[i].sc
		b.Reset()
		for _, k := range planner.ChoiceKeys {
			b.WriteString(sc.Choice(k))
			b.WriteByte('|')
		}
		for _, f := range planner.Fields {
			if _, ok := sc.Values[f.Key]; ok {
				b.WriteString(f.Key)
				b.WriteByte(',')
			}
		}
		if k := b.String(); !seen[k] {
			seen[k] = true
			idx = append(idx, i)
		}
	}
	wr.distinct = idx
	return idx
}

// sources lists the catalogue citations the scenarios use.
func (wr *writer) sources() error {
	used := map[string]map[string]bool{}
	keys := wr.provenanceKeys()
	for _, i := range wr.distinctResolutions() {
		for _, c := range keys {
			p, ok := wr.provenanceOf(&wr.rows[i], c)
			if !ok {
				continue
			}
			for _, k := range wr.sourceKeys(p) {
				if used[k] == nil {
					used[k] = map[string]bool{}
				}
				used[k][c.key] = true
			}
		}
	}
	if k := wr.cat.Constants.PricePerfOOMPerYear.Source; k != "" {
		if used[k] == nil {
			used[k] = map[string]bool{}
		}
		used[k][KeyPricePerfOOM] = true
	}
	names := make([]string, 0, len(used))
	for k := range used {
		names = append(names, k)
	}
	sort.Strings(names)
	f, s := wr.f, SheetSources
	head := []any{"Source key", "Citation", "URL", "Used for (input keys)"}
	if err := f.SetSheetRow(s, "A1", &head); err != nil {
		return err
	}
	for i, k := range names {
		src := wr.cat.Sources[k]
		var inputs []string
		for in := range used[k] {
			inputs = append(inputs, in)
		}
		sort.Strings(inputs)
		r := strconv.Itoa(i + 2)
		for j, v := range []string{k, src.Citation, src.URL, strings.Join(inputs, ", ")} {
			if err := f.SetCellStr(s, colLetter(j+1)+r, v); err != nil {
				return err
			}
		}
	}
	hs, err := wr.style("", markHeader)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "D1", hs); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 18, "B": 80, "C": 60, "D": 50} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// about writes the version, catalogue and date, and how to read the book.
func (wr *writer) about() error {
	f, s := wr.f, SheetAbout
	rows := [][2]string{
		{"AI Cost Planner (aiplan)", ""},
		{"App version", wr.version()},
		{"Catalogue version", wr.cat.Version},
		{"Catalogue date", wr.cat.Date},
		{"Exported", wr.now.UTC().Format("2006-01-02 15:04 MST")},
		{"Scenarios", strconv.Itoa(len(wr.rows))},
		{"Currency", planner.CurrencyNote},
		{"", ""},
		{"How to read this workbook", ""},
		{"Assumptions", "One row per scenario: every input as resolved by the planner. Blue = set by the user; orange fill = a catalogue assumption (no published source); formulas = derived. Change a value and the Model recomputes."},
		{"Model", "One row per scenario: every output as a live formula over the same row of Assumptions, in the unit of its 'aiplan estimate --json' key (row 3). n/a = unknown (null in JSON)."},
		{"Constants", "Shared constants, each a defined name used in the formulas (HoursPerYear, FLOPPerParamToken, SecondsPerHour, HoursPerDay)."},
		{"Provenance", "Every input's value, origin, source, citation and vintage; figures older than two years at the export date are marked stale."},
		{"Summary", "The scenarios side by side; every figure refers to the Model sheet."},
		{"Sources", "The catalogue citations used."},
		{"Bubble gap", "The investment-versus-revenue gap model and its yearly projection, as formulas over the blue inputs (the catalogue preset when the scenario file has none)."},
		{"Projection", "The frontier training-cost projection cost(year) = base x growth^(year - base year), its band and threshold years, as formulas over the blue inputs."},
		{"Uncertainty", wr.uncertaintyAbout()},
		{"Charts", "Pictures of the app's charts at export time (not live), when the export includes them."},
		{"Import", "'aiplan import THIS.xlsx -o FILE.aiplan' reads the scenarios back; edited Assumptions values become user inputs. Accelerator, precision and catalogue figures (peak, TDP) are not recomputed in the workbook when their choice is edited: import the workbook to re-resolve them."},
	}
	for i, r := range rows {
		rr := strconv.Itoa(i + 1)
		if err := f.SetCellStr(s, "A"+rr, r[0]); err != nil {
			return err
		}
		if r[1] != "" {
			if err := f.SetCellStr(s, "B"+rr, r[1]); err != nil {
				return err
			}
		}
	}
	ts, err := wr.style("", markTitle)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", ts); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A9", "A9", ts); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "A", "A", 26); err != nil {
		return err
	}
	return f.SetColWidth(s, "B", "B", 120)
}

// data writes the very hidden sheet Read uses:
//
//	row 1  aiplan-workbook | layout version
//	row 2  file | the scenario file without its scenarios, as JSON
//	row 3  columns | the keys of the Assumptions values that follow
//	row 4+ # | the values as exported, a JSON array | the scenario as JSON
//
// so that Read can tell a spreadsheet edit from the exported value, and
// recover names, choices, ranges and notes. JSON is split over cells.
func (wr *writer) data() (*rowSheet, error) {
	sw, err := wr.f.NewStreamWriter(sheetData)
	if err != nil {
		return nil, err
	}
	return &rowSheet{sw: sw, rows: func() error { return wr.dataRows(sw) }}, nil
}

// dataRows streams every row of the data sheet.
func (wr *writer) dataRows(sw *excelize.StreamWriter) error {
	if err := sw.SetRow("A1", []any{dataMarker, dataVersion}); err != nil {
		return err
	}
	head := *wr.set
	head.Scenarios = []planner.Scenario{}
	hb, err := json.Marshal(&head)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A2", chunkRow([]any{"file"}, hb)); err != nil {
		return err
	}
	var cols []*column
	keys := []any{"columns"}
	for i := range wr.l.assumptions {
		c := &wr.l.assumptions[i]
		switch c.kind {
		case kindChoice, kindField, kindExtra:
			cols = append(cols, c)
			keys = append(keys, c.key)
		}
	}
	if err := sw.SetRow("A3", keys); err != nil {
		return err
	}
	var arr []byte
	for i := range wr.rows {
		rw := &wr.rows[i]
		arr = append(arr[:0], '[')
		for j, c := range cols {
			if j > 0 {
				arr = append(arr, ',')
			}
			if j := wr.l.aIndex[c.key]; c.kind == kindChoice && rw.has[j] {
				q, err := json.Marshal(rw.choices[wr.l.cIndex[c.key]])
				if err != nil {
					return err
				}
				arr = append(arr, q...)
			} else if c.kind == kindChoice {
				arr = append(arr, "null"...)
			} else if rw.has[j] {
				arr = strconv.AppendFloat(arr, rw.vals[j], 'g', -1, 64)
			} else {
				arr = append(arr, "null"...)
			}
		}
		arr = append(arr, ']')
		b, err := json.Marshal(rw.sc)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A"+strconv.Itoa(dataFirstRow+i), chunkRow([]any{i + 1, string(arr)}, b)); err != nil {
			return err
		}
	}
	return nil
}

// chunkRow returns a row of the data sheet: a head cell, then the JSON in
// cells of at most jsonChunk characters, with every character XML cannot
// hold escaped so that the text comes back byte for byte.
func chunkRow(head []any, js []byte) []any {
	s := xmlSafeJSON(js)
	out := head
	for len(s) > 0 {
		n := 0
		for i := range s {
			if n == jsonChunk {
				out = append(out, s[:i])
				s = s[i:]
				n = -1
				break
			}
			n++
		}
		if n >= 0 {
			out = append(out, s)
			break
		}
	}
	return out
}

// xmlSafeJSON escapes, as \uXXXX, the characters of JSON text that XML 1.0
// cannot carry (json.Marshal already escapes control characters), and the
// underscore, which excelize would read as part of an _xHHHH_ escape.
func xmlSafeJSON(js []byte) string {
	var b strings.Builder
	b.Grow(len(js))
	for _, r := range string(js) {
		switch {
		case r == 0xFFFE || r == 0xFFFF || r == '_':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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

// printSetup prints a sheet landscape, fitted to wide pages across.
func printSetup(f *excelize.File, sheet string, wide int) error {
	landscape, tall := "landscape", 0
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
}

// Chart pictures are shown at chartScale of their size; chartRows rows
// hold one title and picture (a 1200 x 700 picture at 0.6 is 420 pixels
// high, 21 default rows of 20 pixels).
const (
	chartScale = 0.6
	chartRows  = 24
)

// charts places the PNG images one below the other, scaled to fit a
// screen and a landscape page.
func (wr *writer) charts() error {
	ts, err := wr.style("", markTitle)
	if err != nil {
		return err
	}
	r := 1
	for _, img := range wr.opts.Charts {
		cell := "A" + strconv.Itoa(r)
		if err := wr.f.SetCellStr(SheetCharts, cell, img.Title); err != nil {
			return err
		}
		if err := wr.f.SetCellStyle(SheetCharts, cell, cell, ts); err != nil {
			return err
		}
		if err := wr.f.AddPictureFromBytes(SheetCharts, "A"+strconv.Itoa(r+1), &excelize.Picture{
			Extension: ".png", File: img.PNG,
			Format: &excelize.GraphicOptions{AltText: img.Title, ScaleX: chartScale, ScaleY: chartScale},
		}); err != nil {
			return fmt.Errorf("chart %q: %w", img.Title, err)
		}
		r += chartRows
	}
	return nil
}
