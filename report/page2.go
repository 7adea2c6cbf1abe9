package report

import (
	"fmt"
	"strings"

	"aiplan/planner"
	"aiplan/plot"
)

// pageTwo: the bubble-risk chart and figures, the assumptions that drive
// the baseline's cloud cost, and the sources.
func (s *sheet) pageTwo() error {
	p, d := s.pdf, s.d
	p.AddPage()
	y := s.heading("Bubble risk: AI investment against AI revenue", margin)
	s.font("", bodyPt)
	s.grey(30)
	g := &d.gap
	closes := "does not close within the horizon"
	if g.ClosesYear != nil {
		closes = fmt.Sprintf("closes in %d", *g.ClosesYear)
	}
	ratio := "n/a"
	if g.GapToRevenue != nil {
		ratio = fmt.Sprintf("%.1fx", *g.GapToRevenue)
	}
	line := fmt.Sprintf("%d: revenue needed %s, AI revenue %s, gap %s (gap / revenue %s); the gap %s.",
		g.Inputs.Year, planner.HumanUSD(g.RequiredRevenueUSD), planner.HumanUSD(g.AIRevenueUSD),
		planner.HumanUSD(g.GapUSD), ratio, closes)
	for _, l := range s.lines(line, s.cw) {
		p.Text(margin, y+3, l)
		y += 3.8
	}
	y += 1.5
	ch, err := BubbleChart(s.f, s.cat)
	if err != nil {
		return err
	}
	const bubbleH = 76.0
	if err := s.chart(ch, margin, y, s.cw, bubbleH); err != nil {
		return err
	}
	y += bubbleH + 6
	y = s.heading(fmt.Sprintf("What drives the %s cost of %s (%s)", strings.TrimPrefix(d.tornado.Label, "Cost: "), d.tornadoOf, planner.HumanUSD(d.tornado.Base)), y)
	y = s.assumptions(y)
	y += 5
	y = s.heading("Sources", y)
	s.sources(y)
	s.footer()
	return nil
}

// assumptions lists the top of the baseline's tornado: each input's range
// and the cloud cost at either end.
func (s *sheet) assumptions(y float64) float64 {
	p, d := s.pdf, s.d
	cols := []struct {
		title string
		w     float64
		right bool
	}{{"Assumption", 0.3, false}, {"Low - high", 0.24, true}, {"Cost at low", 0.13, true},
		{"Cost at high", 0.13, true}, {"Swing", 0.1, true}, {"Source", 0.1, true}}
	cell := func(i int, t string, y float64) {
		x := margin
		for k := range i {
			x += cols[k].w * s.cw
		}
		w := cols[i].w * s.cw
		t = s.fit(t, w-2)
		if cols[i].right {
			p.Text(x+w-1-p.GetStringWidth(t), y, t)
		} else {
			p.Text(x+1, y, t)
		}
	}
	p.SetFillColor(232, 236, 241)
	p.Rect(margin, y, s.cw, rowH+0.5, "F")
	s.font("B", bodyPt)
	s.grey(0)
	for i, c := range cols {
		cell(i, c.title, y+3.1)
	}
	y += rowH + 0.5
	s.font("", bodyPt)
	s.grey(30)
	bars := d.tornado.Bars[:min(TopAssumptions, len(d.tornado.Bars))]
	if len(bars) == 0 {
		p.Text(margin+1, y+2.9, s.tr("No uncertain inputs: every input of this scenario is fixed."))
		return y + rowH
	}
	for r, b := range bars {
		if r%2 == 1 {
			p.SetFillColor(246, 247, 249)
			p.Rect(margin, y, s.cw, rowH, "F")
		}
		var refs []string
		for _, k := range sourceKeys(b.Source) {
			if n := d.sourceNo[k]; n > 0 {
				refs = append(refs, fmt.Sprintf("[%d]", n))
			}
		}
		src := strings.Join(refs, " ")
		if src == "" {
			src = "assumption"
		}
		vals := []string{b.Label, plot.InputText(b.Key, b.Low) + " - " + plot.InputText(b.Key, b.High),
			planner.HumanUSD(b.OutputLow), planner.HumanUSD(b.OutputHigh), planner.HumanUSD(b.Swing), src}
		for i, v := range vals {
			cell(i, v, y+2.9)
		}
		y += rowH
	}
	if n := len(d.tornado.Bars) - len(bars); n > 0 {
		s.font("", minPt)
		s.grey(90)
		p.Text(margin+1, y+3, s.tr(fmt.Sprintf("%d more uncertain inputs swing the cost less; each other input held at its likely value.", n)))
		y += rowH
	}
	return y
}

// sources lists the numbered citations, as many as fit above the footer.
func (s *sheet) sources(y float64) {
	p, d := s.pdf, s.d
	s.font("", minPt)
	s.grey(40)
	const lh = 3.1
	bottom := s.h - margin - footerGap
	for i, c := range d.sources {
		num := fmt.Sprintf("[%d] ", i+1)
		lines := s.lines(c, s.cw-8)
		if y+float64(len(lines))*lh > bottom-lh {
			left := len(d.sources) - i
			p.Text(margin, y+2.6, s.tr(fmt.Sprintf("... and %d more sources: see the workbook's Sources sheet (aiplan export).", left)))
			return
		}
		p.Text(margin, y+2.6, num)
		for _, l := range lines {
			p.Text(margin+8, y+2.6, l)
			y += lh
		}
	}
}
