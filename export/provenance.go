package export

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"aiplan/planner"
)

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
	keys := citedKeys(p.Source, wr.cat.Sources)
	wr.srcKeys[p.Source] = keys
	return keys
}

// citedKeys returns the catalogue source keys a source text cites: a key,
// comma-separated keys ("LI-THIRSTY,CODE-EGRID") or keys in parentheses
// inside prose, each once, in order.
func citedKeys(text string, sources map[string]planner.Source) []string {
	var keys []string
	add := func(k string) {
		if _, ok := sources[k]; ok && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for k := range strings.SplitSeq(text, ",") {
		add(strings.TrimSpace(k))
	}
	for _, m := range sourceKeyRE.FindAllStringSubmatch(text, -1) {
		add(m[1])
	}
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
	widths := []float64{18, 14, 22, 10, 9, 8, 16, 30, 9, 20, 5} // one landscape page wide at 64%
	if err := wr.pageSetup(SheetProvenance, widths); err != nil {
		return err
	}
	sw, err := wr.f.NewStreamWriter(SheetProvenance)
	if err != nil {
		return err
	}
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
	head := []string{"Scenarios", "Input key", "Input", "Value", "Unit", "Origin", "Source", "Citation", "Vintage", "Assumption (no published source)", "Stale"}
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
		// One row per distinct figure, naming the scenarios that use it
		// (all of them, often): the sheet prints on a few pages.
		type entry struct {
			c     *column
			p     planner.Resolved
			names []string
		}
		var order []*entry
		byFig := map[string]*entry{}
		for i := range wr.rows {
			rw := &wr.rows[i]
			for _, c := range keys {
				p, ok := wr.provenanceOf(rw, c)
				if !ok {
					continue
				}
				k := fmt.Sprint(c.key, "\x00", p.Value, "\x00", p.Unit, "\x00", p.Origin, "\x00", p.Source, "\x00", p.Date, "\x00", p.Assumption)
				e := byFig[k]
				if e == nil {
					e = &entry{c: c, p: p}
					byFig[k] = e
					order = append(order, e)
				}
				e.names = append(e.names, rw.sc.Name)
			}
		}
		for _, e := range order {
			who := strings.Join(e.names, "; ")
			if len(e.names) == len(wr.rows) && len(wr.rows) > 1 {
				who = fmt.Sprintf("All %d scenarios", len(wr.rows))
			}
			if err := emit(who, e.c, e.p); err != nil {
				return err
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
