package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"aiplan/planner"
	"aiplan/plot"
)

// MaxScenarios is the most scenarios one report shows: the key-figure
// table keeps columns of at least 22 mm at 8 pt on A4 portrait.
const MaxScenarios = 6

// TopAssumptions is how many tornado inputs the report lists.
const TopAssumptions = 6

// Options select what goes in a report and how it is printed.
type Options struct {
	// Paper is "a4" (default) or "letter".
	Paper string
	// Scenarios names the scenarios to show, in order; empty means the
	// baseline and the file's other scenarios up to Max.
	Scenarios []string
	// Max is the most scenarios shown when Scenarios is empty (0 means
	// MaxScenarios); at most MaxScenarios.
	Max int
	// Source names the scenario file in the title block ("" for the
	// built-in scenarios).
	Source string
	// AppVersion is printed in the footer.
	AppVersion string
	// Now is the report's date (nil: time.Now).
	Now func() time.Time
}

// Papers lists the accepted paper names.
var Papers = []string{"a4", "letter"}

// data is everything the layout prints, evaluated before any drawing so a
// failing scenario stops the report before a byte is written.
type data struct {
	names     []string
	scenarios []planner.Scenario
	results   []planner.Result
	accel     []string // accelerator name and count
	energy    []string // energy source name
	baseline  int      // index into names
	gap       planner.GapResult
	tornado   planner.Tornado
	tornadoOf string
	sources   []string       // full citations, deduplicated, in order of first use
	sourceNo  map[string]int // source key -> 1-based number in sources
}

// check validates the options; errors name the field and the accepted
// values.
func (o *Options) check() error {
	switch strings.ToLower(o.Paper) {
	case "", "a4":
		o.Paper = "a4"
	case "letter":
		o.Paper = "letter"
	default:
		return &planner.FieldError{Field: "paper", Value: fmt.Sprintf("%q", o.Paper), Msg: "accepted: " + strings.Join(Papers, ", ")}
	}
	if o.Max == 0 {
		o.Max = MaxScenarios
	}
	if o.Max < 1 || o.Max > MaxScenarios {
		return &planner.FieldError{Field: "max", Value: fmt.Sprint(o.Max), Msg: fmt.Sprintf("accepted: 1 to %d scenarios", MaxScenarios)}
	}
	if len(o.Scenarios) > MaxScenarios {
		return &planner.FieldError{Field: "scenario", Value: fmt.Sprint(len(o.Scenarios)),
			Msg: fmt.Sprintf("accepted: 1 to %d scenarios in one report", MaxScenarios)}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return nil
}

// pick returns the scenarios to show: the named ones, else the baseline
// first and the others in file order up to max.
func pick(f *planner.File, names []string, max int) ([]planner.Scenario, error) {
	if len(f.Scenarios) == 0 {
		return nil, &planner.FieldError{Field: "scenarios", Value: "none", Msg: "accepted: a file with at least one scenario"}
	}
	if len(names) > 0 {
		var out []planner.Scenario
		for _, n := range names {
			sc := f.Scenario(n)
			if sc == nil {
				var all []string
				for _, s := range f.Scenarios {
					all = append(all, fmt.Sprintf("%q", s.Name))
				}
				return nil, &planner.FieldError{Field: "scenario", Value: fmt.Sprintf("%q", n), Msg: "accepted: " + strings.Join(all, ", ")}
			}
			if slices.ContainsFunc(out, func(s planner.Scenario) bool { return s.Name == n }) {
				return nil, &planner.FieldError{Field: "scenario", Value: fmt.Sprintf("%q", n), Msg: "is named twice; name each scenario once"}
			}
			out = append(out, sc.Clone())
		}
		return out, nil
	}
	var out []planner.Scenario
	if b := f.Scenario(f.Baseline); b != nil {
		out = append(out, b.Clone())
	}
	for i := range f.Scenarios {
		if len(out) >= max {
			break
		}
		if f.Scenarios[i].Name != f.Baseline {
			out = append(out, f.Scenarios[i].Clone())
		}
	}
	return out, nil
}

// gather evaluates what the report prints.
func gather(f *planner.File, cat *planner.Catalog, opt Options) (*data, error) {
	scs, err := pick(f, opt.Scenarios, opt.Max)
	if err != nil {
		return nil, err
	}
	d := &data{scenarios: scs, sourceNo: map[string]int{}}
	addSource := func(key string) {
		for _, k := range sourceKeys(key) {
			if _, ok := cat.Sources[k]; !ok || d.sourceNo[k] > 0 {
				continue
			}
			d.sources = append(d.sources, cat.Citation(k))
			d.sourceNo[k] = len(d.sources)
		}
	}
	for i := range scs {
		sc := scs[i].Clone()
		r, res, err := planner.Estimate(cat, &sc)
		if err != nil {
			return nil, &plot.ScenarioError{Name: scs[i].Name, Err: err}
		}
		d.names = append(d.names, scs[i].Name)
		d.results = append(d.results, r)
		d.accel = append(d.accel, fmt.Sprintf("%s x %s", compact(res.Inputs.GPUs, ""), shortName(res.Accelerator.Name)))
		d.energy = append(d.energy, res.EnergySource.Name)
		if scs[i].Name == f.Baseline {
			d.baseline = i
		}
		keys := make([]string, 0, len(res.Provenance))
		for k := range res.Provenance {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			addSource(res.Provenance[k].Source)
		}
	}
	base := scs[d.baseline].Clone()
	sim, err := planner.NewSimulation(cat, &base)
	if err != nil {
		return nil, &plot.ScenarioError{Name: base.Name, Err: err}
	}
	// The cloud rent of a run with disclosed GPU-hours moves with the
	// price alone; the ownership cost then shows more of what drives it.
	for _, out := range []string{plot.DefaultOutput, "costUSD.amortized"} {
		if d.tornado, err = sim.Tornado(out); err != nil {
			return nil, err
		}
		d.tornado.Bars = slices.DeleteFunc(d.tornado.Bars, func(b planner.TornadoBar) bool { return !(b.Swing > 0) })
		if len(d.tornado.Bars) >= 3 {
			break
		}
	}
	d.tornadoOf = base.Name
	for _, b := range d.tornado.Bars[:min(TopAssumptions, len(d.tornado.Bars))] {
		addSource(b.Source)
	}
	g, err := gapInputs(f, cat)
	if err != nil {
		return nil, err
	}
	if d.gap, err = planner.EvaluateGap(g); err != nil {
		return nil, err
	}
	for _, it := range d.gap.Revenue {
		addSource(it.Source)
	}
	return d, nil
}

// gapInputs is the file's gap model, or the sequoia-2024 preset.
func gapInputs(f *planner.File, cat *planner.Catalog) (planner.GapInputs, error) {
	if f.Gap != nil {
		return *f.Gap, nil
	}
	return planner.GapPreset(cat, planner.GapPreset2024)
}

// BubbleChart is the report's bubble-risk chart of the file's gap model:
// one function, so that a comparison chart can replace the gap-by-year
// chart in one place. It stays the single-gap chart: page two gives it
// 180 x 76 mm (about 650 x 275 plot pixels), below the comparison chart's
// plot.MinSize (720 x 340), and the page is full to its foot with the
// sources, so a taller box would push the report past two pages.
func BubbleChart(f *planner.File, cat *planner.Catalog) (plot.Chart, error) {
	return plot.Build(plot.KindGap, plot.Input{Catalog: cat, Gap: f.Gap})
}

// sourceKeys splits a provenance source ("a; b" or "a, b") into keys.
func sourceKeys(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// shortName drops the vendor from an accelerator's name: "NVIDIA H100
// SXM5 80 GB" -> "H100 SXM5 80 GB".
func shortName(n string) string {
	for _, v := range []string{"NVIDIA ", "AMD ", "Google ", "AWS ", "Intel "} {
		if s, ok := strings.CutPrefix(n, v); ok {
			return s
		}
	}
	return n
}
