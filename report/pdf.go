package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"aiplan/internal/atomicfile"
	"aiplan/planner"
	"aiplan/plot"
)

// Page geometry in millimetres and type sizes in points. No text is set
// below minPt, so that every line reads on paper.
const (
	margin    = 14.0
	minPt     = 7.0
	bodyPt    = 8.0
	headPt    = 10.5
	titlePt   = 15.0
	rowH      = 4.0
	chartDPI  = 300.0
	plotDPI   = 92.0 // the DPI plot's point sizes assume
	footerGap = 8.0
)

// sheet is one report being laid out.
type sheet struct {
	pdf    *fpdf.Fpdf
	tr     func(string) string
	w, h   float64 // page size
	cw     float64 // content width
	d      *data
	f      *planner.File
	cat    *planner.Catalog
	opt    Options
	images int
}

// Write lays out the report of f and writes the PDF to w. Nothing is
// written when a scenario does not evaluate or an option is out of range;
// errors are *planner.FieldError naming the option or *plot.ScenarioError
// naming the scenario.
func Write(w io.Writer, f *planner.File, cat *planner.Catalog, opt Options) error {
	if f == nil || cat == nil {
		return fmt.Errorf("report: no scenarios or no catalogue")
	}
	if err := opt.check(); err != nil {
		return err
	}
	d, err := gather(f, cat, opt)
	if err != nil {
		return err
	}
	size := "A4"
	if opt.Paper == "letter" {
		size = "Letter"
	}
	pdf := fpdf.New("P", "mm", size, "")
	pw, ph := pdf.GetPageSize()
	s := &sheet{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), w: pw, h: ph, cw: pw - 2*margin,
		d: d, f: f, cat: cat, opt: opt}
	now := opt.Now()
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.SetTitle("AI Cost Planner report", true)
	pdf.SetCreator("aiplan "+opt.AppVersion, true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetLineWidth(0.2)
	pdf.AliasNbPages("{nb}")
	if err := s.pageOne(); err != nil {
		return err
	}
	if err := s.pageTwo(); err != nil {
		return err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteFile writes the report of f to path whole or not at all: the
// window's File > Export report calls this.
func WriteFile(path string, f *planner.File, cat *planner.Catalog, opt Options) error {
	var buf bytes.Buffer
	if err := Write(&buf, f, cat, opt); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes(), 0o644)
}

// WriteReport is the window's File > Export report entry point (it runs
// off the UI goroutine, like the workbook export): the report of the open
// set on paper ("a4" or "letter"), laid out in memory first so that a
// failure writes nothing to w. The hook in cmd/aiplan/window.go is
//
//	ExportReport: func(out io.Writer, s ui.State) error { return report.WriteReport(out, s.File, s.Catalog, "a4", meta.Version) },
func WriteReport(w io.Writer, f *planner.File, cat *planner.Catalog, paper, version string) error {
	return Write(w, f, cat, Options{Paper: paper, AppVersion: version})
}

func (s *sheet) font(style string, pt float64) {
	s.pdf.SetFont("Helvetica", style, max(pt, minPt))
}

func (s *sheet) grey(v int) { s.pdf.SetTextColor(v, v, v) }

// fit clips text to width w at the current font, ending in "...".
func (s *sheet) fit(t string, w float64) string { return s.fitEncoded(s.tr(t), w) }

// fitEncoded is fit for text already in the PDF's encoding.
func (s *sheet) fitEncoded(t string, w float64) string {
	if s.pdf.GetStringWidth(t) <= w {
		return t
	}
	ell := s.tr("…")
	for len(t) > 0 && s.pdf.GetStringWidth(t+ell) > w {
		t = t[:len(t)-1]
	}
	return strings.TrimRight(t, " ") + ell
}

// wrap splits text into at most n lines of width w at the current font,
// the last clipped with "...".
func (s *sheet) wrap(t string, w float64, n int) []string {
	ls := s.lines(t, w)
	if len(ls) > n {
		ls = ls[:n]
		ls[n-1] = s.fitEncoded(ls[n-1]+s.tr("…"), w)
	}
	return ls
}

// lines encodes t for the PDF's core font and breaks it into lines no
// wider than w at the current font: at spaces, and inside a word only when
// the word alone is wider than w. (fpdf's SplitText reads UTF-8, so it
// cannot wrap text already encoded.)
func (s *sheet) lines(t string, w float64) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(s.tr(t)) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if s.pdf.GetStringWidth(try) <= w {
			line = try
			continue
		}
		if line != "" {
			out = append(out, line)
		}
		for s.pdf.GetStringWidth(word) > w && len(word) > 1 {
			k := len(word) - 1
			for k > 1 && s.pdf.GetStringWidth(word[:k]) > w {
				k--
			}
			out = append(out, word[:k])
			word = word[k:]
		}
		line = word
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// heading sets a section title at y and returns the y below it.
func (s *sheet) heading(title string, y float64) float64 {
	s.font("B", headPt)
	s.grey(20)
	s.pdf.Text(margin, y+4, s.tr(title))
	return y + 6.5
}

// footer prints the page's small print.
func (s *sheet) footer() {
	s.font("", minPt+0.5)
	s.grey(90)
	y := s.h - margin + 4
	left := fmt.Sprintf("AI Cost Planner %s · catalogue %s · %s", s.opt.AppVersion, s.cat.Version, s.opt.Now().Format("2 January 2006"))
	s.pdf.Text(margin, y, s.tr(left))
	right := fmt.Sprintf("page %d of {nb}", s.pdf.PageNo())
	s.pdf.Text(s.w-margin-s.pdf.GetStringWidth(fmt.Sprintf("page %d of 2", s.pdf.PageNo())), y, right)
}

// chart draws ch into the box at print resolution, keeping plot's type
// sizes: the box is laid out as plotDPI pixels and rendered at chartDPI.
func (s *sheet) chart(ch plot.Chart, x, y, w, h float64) error {
	scale := chartDPI / plotDPI
	px := func(mm float64) int { return int(mm / 25.4 * chartDPI) }
	var buf bytes.Buffer
	if err := plot.Render(ch, plot.PNG, plot.Options{Width: px(w), Height: px(h), Scale: scale}, &buf); err != nil {
		return fmt.Errorf("report: chart: %w", err)
	}
	s.images++
	name := fmt.Sprintf("chart%d", s.images)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	s.pdf.RegisterImageOptionsReader(name, opt, &buf)
	s.pdf.ImageOptions(name, x, y, w, h, false, opt, 0, "")
	s.pdf.SetDrawColor(200, 200, 200)
	s.pdf.Rect(x, y, w, h, "D")
	return s.pdf.Error()
}

// pageOne: title block, key figures, breakdown and comparison charts.
func (s *sheet) pageOne() error {
	p, d := s.pdf, s.d
	p.AddPage()
	y := margin
	s.font("B", titlePt)
	s.grey(0)
	p.Text(margin, y+5, s.tr("AI training-run cost report"))
	y += 9
	src := s.opt.Source
	if src == "" {
		src = "built-in scenarios"
	}
	s.font("", bodyPt)
	s.grey(70)
	info := fmt.Sprintf("Scenarios: %s (%d of %d shown; baseline %q) · catalogue %s of %s · %s", src, len(d.names),
		len(s.f.Scenarios), d.names[d.baseline], s.cat.Version, s.cat.Date, s.opt.Now().Format("2 January 2006"))
	p.Text(margin, y+3, s.fit(info, s.cw))
	y += 4.5
	p.Text(margin, y+3, s.fit("Costs in "+planner.CurrencyNote+"; one final training run, without experiments.", s.cw))
	y += 7
	y = s.heading("Key figures", y)
	y = s.table(y)
	y += 4
	// The comparison's rotated value labels need more height than the
	// breakdown's bars.
	avail := s.h - margin - footerGap - y - 4
	bdH, cmpH := avail*0.44, avail*0.56
	if len(d.names) == 1 {
		// one scenario: nothing to compare, the breakdown takes the page
		bdH = min(avail, 110)
	}
	bd, err := plot.Build(plot.KindBreakdown, plot.Input{Catalog: s.cat, Scenarios: d.scenarios, Method: "amortized"})
	if err != nil {
		return err
	}
	if err := s.chart(bd, margin, y, s.cw, bdH); err != nil {
		return err
	}
	y += bdH + 4
	if len(d.names) == 1 {
		s.footer()
		return nil
	}
	cmp, err := plot.Build(plot.KindCompare, plot.Input{Catalog: s.cat, Scenarios: d.scenarios, Method: "cloud",
		Baseline: d.names[d.baseline]})
	if err != nil {
		return err
	}
	if err := s.chart(cmp, margin, y, s.cw, cmpH); err != nil {
		return err
	}
	s.footer()
	return nil
}

// table draws the key figures: outputs as rows, scenarios as columns.
func (s *sheet) table(y float64) float64 {
	p, d := s.pdf, s.d
	labelW := 42.0
	// columns no wider than 38 mm: a short table stays together
	colW := min((s.cw-labelW)/float64(len(d.names)), 38)
	tw := labelW + colW*float64(len(d.names))
	// Header: scenario names wrapped to at most three lines.
	s.font("B", bodyPt)
	lines := make([][]string, len(d.names))
	n := 1
	for i, name := range d.names {
		if i == d.baseline {
			name += " (baseline)"
		}
		ls := s.wrap(name, colW-2, 3)
		lines[i] = ls
		n = max(n, len(ls))
	}
	hh := float64(n)*3.4 + 1.5
	p.SetFillColor(232, 236, 241)
	p.Rect(margin, y, tw, hh, "F")
	s.grey(0)
	for i, ls := range lines {
		x := margin + labelW + float64(i)*colW
		for k, l := range ls {
			p.Text(x+colW-1-p.GetStringWidth(l), y+3.3+float64(k)*3.4+float64(n-len(ls))*3.4, l)
		}
	}
	y += hh
	for r, rw := range rows {
		style := ""
		if rw.bold {
			style = "B"
		}
		s.font(style, bodyPt)
		cells := make([][]string, len(d.names))
		n := 1
		for i := range d.names {
			cells[i] = s.wrap(rw.cell(d, i), colW-2, 2)
			n = max(n, len(cells[i]))
		}
		h := rowH + float64(n-1)*3.3
		if r%2 == 1 {
			p.SetFillColor(246, 247, 249)
			p.Rect(margin, y, tw, h, "F")
		}
		s.grey(30)
		p.Text(margin+1, y+2.9, s.fit(rw.label, labelW-2))
		for i, ls := range cells {
			for k, t := range ls {
				p.Text(margin+labelW+float64(i+1)*colW-1-p.GetStringWidth(t), y+2.9+float64(k)*3.3, t)
			}
		}
		y += h
	}
	p.SetDrawColor(160, 160, 160)
	p.Line(margin, y, margin+tw, y)
	return y
}
