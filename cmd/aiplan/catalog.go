package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"aiplan/assets"
	"aiplan/planner"
)

func init() {
	register("catalog", command{
		summary: "print the reference catalogue (accelerators, energy, cooling) with sources",
		usage: `aiplan catalog [--json | --sources]

Prints the embedded reference catalogue as tables: accelerators (dense peaks in
TFLOP/s, power, memory, purchase and default cloud prices), energy sources,
cooling presets, constants, published runs and the default uncertainty ranges
(training and gap inputs), each with its source keys. Values with no public
source are marked "(assumption)", ranges "assumption".

  --json      the whole catalogue as JSON
  --sources   the citation of every source key`,
		run: runCatalog,
	})
}

// assumptionMark follows every value that is an assumption, not a citation.
const assumptionMark = " (assumption)"

func runCatalog(e *env) int {
	f := newFlags()
	asJSON, sources := f.Bool("json"), f.Bool("sources")
	if code, done := e.parseOnly("catalog", f, "accepted: --json, --sources"); done {
		return code
	}
	if *asJSON && *sources {
		return e.usageError("catalog: --json and --sources exclude each other; give one")
	}
	cat, ok := e.catalog()
	if !ok {
		return exitFail
	}
	switch {
	case *asJSON:
		return writeJSON(e, cat)
	case *sources:
		writeCatalogSources(e.stdout, cat)
	default:
		writeCatalogTables(e.stdout, cat)
	}
	return exitOK
}

// writeCatalogSources prints "KEY: citation URL", one source a line, by key.
func writeCatalogSources(w io.Writer, cat *planner.Catalog) {
	writeSourceTable(w, cat.Sources)
	if ds, err := assets.DevRuns(); err == nil {
		fprintf(w, "\nDevelopment set of the MFU prior (assets/runs-dev.json, %d runs):\n", len(ds.Runs))
		writeSourceTable(w, ds.Sources)
	}
}

func writeSourceTable(w io.Writer, sources map[string]planner.Source) {
	keys := make([]string, 0, len(sources))
	for k := range sources {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := sources[k]
		line := k + ": " + s.Citation
		if s.URL != "" {
			line += " " + s.URL
		}
		fprintf(w, "%s\n", line)
	}
}

// writeCatalogTables prints the catalogue as aligned tables.
func writeCatalogTables(w io.Writer, cat *planner.Catalog) {
	fprintf(w, "Reference catalogue %s (%s). %q marks a value with no public source;\n"+
		"'aiplan catalog --sources' prints the citations, --json the full data with notes.\n",
		cat.Version, cat.Date, strings.TrimSpace(assumptionMark))

	catSection(w, "Accelerators (dense peaks)")
	tw := catTable(w)
	catRow(tw, "ID", "NAME", "BF16 TFLOP/s", "FP8 TFLOP/s", "TDP W", "MEASURED W", "MEMORY GB", "SOURCES")
	for i := range cat.Accelerators {
		a := &cat.Accelerators[i]
		catRow(tw, a.ID, a.Name, catFig(&a.PeakBF16, 1e12), catFig(a.PeakFP8, 1e12), catFig(&a.TDPW, 1),
			catFig(a.MeasuredPowerW, 1), catFig(&a.MemoryGB, 1),
			catKeys(&a.PeakBF16, a.SparseBF16, a.PeakFP8, &a.TDPW, a.MeasuredPowerW, &a.MemoryGB))
	}
	catFlush(tw)

	catSection(w, "Accelerator prices (USD; cloud USD per accelerator-hour, default row)")
	tw = catTable(w)
	catRow(tw, "ID", "PRICE", "BASIS", "DATE", "ON-DEMAND", "1-YEAR", "3-YEAR", "CLOUD ROW", "SOURCES")
	for i := range cat.Accelerators {
		a := &cat.Accelerators[i]
		od, y1, y3, where, src := "-", "-", "-", "-", ""
		if c := a.DefaultCloud(); c != nil {
			od, y1, y3 = catPrice(c.OnDemand), catPrice(c.OneYear), catPrice(c.ThreeYear)
			where = c.Provider + ", " + c.Date
			src = c.Source
		}
		srcs := catKeys(&a.Price.Figure)
		if src != "" && !strings.Contains(","+srcs+",", ","+src+",") {
			srcs = catJoinKeys(srcs, src)
		}
		catRow(tw, a.ID, catUSD(a.Price.Value)+catMark(&a.Price.Figure), a.Price.Basis, a.Price.Date, od, y1, y3, where, srcs)
	}
	catFlush(tw)

	catSection(w, "Energy sources")
	tw = catTable(w)
	catRow(tw, "ID", "KIND", "gCO2e/kWh", "WATER L/kWh", "USD/kWh", "SOURCES")
	for i := range cat.EnergySources {
		s := &cat.EnergySources[i]
		catRow(tw, s.ID, s.Kind, catFig(&s.CarbonGPerKWh, 1), catFig(&s.EWIFLPerKWh, 1), catFig(&s.PriceUSDPerKWh, 1),
			catKeys(&s.CarbonGPerKWh, &s.EWIFLPerKWh, &s.PriceUSDPerKWh))
	}
	catFlush(tw)

	catSection(w, "Cooling presets")
	tw = catTable(w)
	catRow(tw, "ID", "NAME", "PUE", "ON-SITE WUE L/kWh", "SOURCES")
	for i := range cat.Cooling {
		k := &cat.Cooling[i]
		catRow(tw, k.ID, k.Name, catFig(&k.PUE, 1), catFig(&k.WUELPerKWh, 1), catKeys(&k.PUE, &k.WUELPerKWh))
	}
	catFlush(tw)

	catSection(w, "Constants")
	tw = catTable(w)
	catRow(tw, "NAME", "VALUE", "UNIT", "SOURCES")
	c := &cat.Constants
	for _, n := range []struct {
		name string
		f    *planner.Figure
	}{
		{"server cost factor", &c.ServerCostFactor},
		{"interconnect share", &c.InterconnectShare},
		{"price-performance", &c.PricePerfOOMPerYear},
		{"depreciation", &c.DepreciationYears},
		{"MFU (default)", &c.MFU},
		{"embodied lifetime", &c.EmbodiedLifetimeYrs},
		{"Epoch host power factor", &c.EpochHostPowerFactor},
		{"Chinchilla tokens/param", &c.ChinchillaTokensPerParam},
	} {
		catRow(tw, n.name, catFig(n.f, 1), n.f.Unit, catKeys(n.f))
	}
	catFlush(tw)

	writeCatalogMFUPrior(w, cat)

	catSection(w, "Published runs (validation cases)")
	tw = catTable(w)
	catRow(tw, "ID", "NAME", "YEAR", "ACCELERATOR", "REPORTED", "SOURCES")
	for i := range cat.Runs {
		r := &cat.Runs[i]
		reported := make([]string, 0, len(r.Reported))
		for k := range r.Reported {
			reported = append(reported, k)
		}
		sort.Strings(reported)
		catRow(tw, r.ID, r.Name, strconv.Itoa(r.Year), r.Informed.GPU, strings.Join(reported, " "), r.Source)
	}
	catFlush(tw)
	catSection(w, "Default uncertainty ranges (training inputs; a value you set gets the user spread around it)")
	catRanges(w, cat.Uncertainty.Inputs)
	catSection(w, "Default uncertainty ranges (gap inputs, 'aiplan tornado --gap')")
	catRanges(w, cat.Uncertainty.Gap)

	fprintf(w, "\n%d historical cost points and %d macro figures: see --json.\n",
		len(cat.CostPoints), len(cat.Macro.Figures))
}

// catRanges prints an evidence table of default ranges: an absolute range
// as low-high, a relative one as factors on the value (with the evidence
// around its centre), the cloud-rows kind in words.
func catRanges(w io.Writer, rows []planner.DefaultRange) {
	tw := catTable(w)
	catRow(tw, "KEY", "RANGE", "DIST", "USER SPREAD", "SOURCES")
	for i := range rows {
		d := &rows[i]
		var rng string
		switch d.Kind {
		case planner.RangeAbsolute:
			rng = planner.FormatNumber(d.Low) + "-" + planner.FormatNumber(d.High)
		case planner.RangeRelative:
			lo, hi := d.Factors()
			rng = "x" + catFactor(lo) + "-" + catFactor(hi)
			if d.Centre > 0 {
				rng += " (" + planner.FormatNumber(d.Low) + "-" + planner.FormatNumber(d.High) +
					" around " + planner.FormatNumber(d.Centre) + ")"
			}
		case planner.RangeCloudRows:
			rng = "the accelerator's cloud rows"
		}
		user := "-"
		if d.UserLow != 0 {
			user = "x" + planner.FormatNumber(d.UserLow) + "-" + planner.FormatNumber(d.UserHigh)
		}
		src := d.Source
		if d.IsAssumption() {
			src = catJoinKeys(src, "assumption")
		}
		catRow(tw, d.Key, rng, d.Dist, user, src)
	}
	catFlush(tw)
}

// catFactor formats a range factor to 4 significant digits: 0.8873.
func catFactor(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

func catSection(w io.Writer, title string) { fprintf(w, "\n%s\n", title) }

func catTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 2, 2, ' ', 0) }

func catRow(tw *tabwriter.Writer, cells ...string) { fprintf(tw, "%s\n", strings.Join(cells, "\t")) }

func catFlush(tw *tabwriter.Writer) {
	tw.Flush() //nolint:errcheck // terminal output
}

// fig formats a figure's value divided by scale, marked when it is an
// assumption; "-" when the catalogue has none.
func catFig(f *planner.Figure, scale float64) string {
	if f == nil {
		return "-"
	}
	return planner.FormatNumber(f.Value/scale) + catMark(f)
}

func catMark(f *planner.Figure) string {
	if f.IsAssumption() {
		return assumptionMark
	}
	return ""
}

// keys lists the distinct source keys of the figures, in order; an
// assumption without a source shows as "assumption".
func catKeys(figs ...*planner.Figure) string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, f := range figs {
		if f == nil {
			continue
		}
		if f.Source == "" && f.IsAssumption() {
			add("assumption")
		}
		for _, k := range strings.Split(f.Source, ",") {
			add(strings.TrimSpace(k))
		}
	}
	return strings.Join(out, ",")
}

func catJoinKeys(a, b string) string {
	if a == "" {
		return b
	}
	return a + "," + b
}

// price formats a cloud price tier; "-" where the provider publishes none.
func catPrice(v float64) string {
	if v <= 0 {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// usd formats a whole-dollar amount with thousands groups: 33,810.
func catUSD(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	n := len(s)
	if n <= 3 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (n-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// writeCatalogMFUPrior prints the fitted MFU prior in words and numbers,
// with its residuals on the development set.
func writeCatalogMFUPrior(w io.Writer, cat *planner.Catalog) {
	m := cat.MFUPrior
	if m == nil {
		return
	}
	catSection(w, fmt.Sprintf("MFU prior (blind MFU over paid GPU-hours; least squares on %d development runs, %s)", m.N, m.Source))
	tw := catTable(w)
	catRow(tw, "TERM", "COEFFICIENT (on ln MFU)")
	for i, t := range planner.MFUPriorTerms {
		catRow(tw, t, strconv.FormatFloat(m.Coefficients[i], 'f', 4, 64))
	}
	catFlush(tw)
	med := func(active, peak float64) string {
		_, m, _ := m.Quantiles(active, peak, false)
		return planner.HumanPercent(m)
	}
	fprintf(w, "Band: P10 = median / %.3f, P90 = median x %.3f (Student t on sigma %.3f, the RMS of\n"+
		"leave-one-source-out residuals). Medians: 10B active on A100-class %s, on H100-class %s; 1B on H100-class %s;\n"+
		"400B on H100-class %s. A mixture of experts counts by its active parameters.\n",
		m.BandFactor(), m.BandFactor(), m.Sigma, med(1e10, 312e12), med(1e10, 989e12), med(1e9, 989e12), med(4e11, 989e12))
	ds, err := assets.DevRuns()
	if err != nil {
		return
	}
	res, err := m.Residuals(ds, cat)
	if err != nil || len(res) == 0 {
		return
	}
	var parts []string
	for _, r := range res[:min(5, len(res))] {
		parts = append(parts, fmt.Sprintf("%s %+.2f", r.ID, r.Residual))
	}
	fprintf(w, "Largest residuals (ln realised - ln fitted): %s. 'aiplan backtest --calibration' shows the\n"+
		"leave-one-out check.\n", strings.Join(parts, ", "))
}
