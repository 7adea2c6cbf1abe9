package plot

import (
	"image/color"
	"math"
	"strings"
)

// gapComparePalette is the comparison chart's ten scenario colours: the
// Okabe-Ito colour-blind-safe set (Okabe & Ito 2008, less its yellow,
// too pale on white) then Paul Tol's wine, olive, indigo and teal (Tol,
// "Colour schemes", SRON 2021), so that nine scenarios no longer share
// white, grey and olive.
var gapComparePalette = []color.Color{
	rgb(0x0072b2), // blue
	rgb(0xd55e00), // vermillion
	rgb(0x009e73), // bluish green
	rgb(0xe69f00), // orange
	rgb(0xcc79a7), // reddish purple
	rgb(0x56b4e9), // sky blue
	rgb(0x882255), // wine
	rgb(0x999933), // olive
	rgb(0x332288), // indigo
	rgb(0x44aa99), // teal
}

// gapComparePaletteDark is the same idea for dark windows, where the
// blue, wine and indigo above fade into the background and, lifted, into
// their neighbours: Okabe-Ito's sky blue, vermillion, bluish green,
// orange, reddish purple and yellow, then Tol's lavender-lifted indigo,
// olive, rose and grey.
var gapComparePaletteDark = []color.Color{
	rgb(0x56b4e9), // sky blue
	rgb(0xe8703a), // vermillion
	rgb(0x00b386), // bluish green
	rgb(0xe69f00), // orange
	rgb(0xcc79a7), // reddish purple
	rgb(0xf0e442), // yellow
	rgb(0x9f8fe8), // lavender
	rgb(0xb3b34d), // olive
	rgb(0xee6677), // rose
	rgb(0xbbbbbb), // grey
}

// compareColour is scenario i's colour from the palette for the theme's
// background, mixed towards the foreground if it is still too close to
// the background to read as a line.
func compareColour(t *Theme, i int) color.Color {
	pal := gapComparePalette
	if luma(t.Background) < 128 {
		pal = gapComparePaletteDark
	}
	col := pal[i%len(pal)]
	if math.Abs(luma(col)-luma(t.Background)) < 70 {
		return mix(col, t.Foreground, 0.45)
	}
	return col
}

// Reported groups' short legend labels, under a "Reported" heading.
var reportedShort = map[string]string{
	reportedCapexLabel:  "Big-four capex (sum)",
	reportedNvidiaLabel: "NVIDIA data-centre rev.",
	reportedLabsLabel:   "OpenAI, Anthropic run-rates",
}

// shortScenario is the part of a scenario's name before ": " ("Sequoia
// 2023: the $200B question" -> "Sequoia 2023").
func shortScenario(name string) string {
	if s, _, ok := strings.Cut(name, ": "); ok && s != "" {
		return s
	}
	return name
}

// sideLegend draws the scenarios and the reported groups as a column at
// the right of the free area and moves the area's right edge left of it.
// It picks the longest labels that fit: "name (method)", then the name,
// then the short name (given up to a third of the width); below that a
// label is clipped.
func (g *GapCompare) sideLegend(c *Canvas) {
	sw, gap := c.px(18), c.px(5)
	lh := c.lineHeight(sizeLabel)
	rows := len(g.Scenarios)
	if len(g.Reported) > 0 {
		rows += 1 + len(g.Reported)
	}
	if rows*lh+c.px(4) > c.Area.H()-c.px(40) {
		g.rowLegend(c)
		return
	}
	maxW := max(c.Area.W()*28/100, c.px(120))
	labelSets := [][]string{{}, {}, {}}
	for _, s := range g.Scenarios {
		labelSets[0] = append(labelSets[0], s.Name+" ("+s.Method+")")
		labelSets[1] = append(labelSets[1], s.Name)
		labelSets[2] = append(labelSets[2], shortScenario(s.Name))
	}
	var rep []string
	for _, m := range g.Reported {
		rep = append(rep, reportedShort[m.Label])
	}
	widest := func(ls []string) int {
		w := 0
		for _, l := range append(ls, rep...) {
			lw, _ := c.Measure(l, sizeLabel)
			w = max(w, lw)
		}
		return w
	}
	labels := labelSets[2]
	for _, ls := range labelSets {
		if widest(ls) <= maxW-sw-gap {
			labels = ls
			break
		}
	}
	// the short names may take up to a third of the width rather than clip
	colW := min(max(maxW, c.Area.W()/3), widest(labels)+sw+gap)
	left := c.Area.Right - colW
	y := c.Area.Top + lh/2
	row := func(label string, it LegendItem, size float64, col color.Color) {
		if it.Colour != nil {
			c.swatch(it, Box{left, y - c.px(6), left + sw, y + c.px(6)})
		}
		c.Text(c.clip(label, colW-sw-gap, size), left+sw+gap, y+c.px(4), size, col, AlignLeft)
		y += lh
	}
	for i, l := range labels {
		row(l, LegendItem{Colour: compareColour(&c.Theme, i), Line: true}, sizeLabel, c.Theme.Foreground)
	}
	if len(g.Reported) > 0 {
		y += c.px(4)
		row("Reported figures", LegendItem{}, sizeLabel, c.Theme.Muted)
		for i, m := range g.Reported {
			row(rep[i], LegendItem{Colour: c.Theme.Foreground, Marker: true, Shape: m.Shape}, sizeLabel, c.Theme.Foreground)
		}
	}
	c.Area.Right = left - c.px(12)
}

// rowLegend is the fallback when the column would not fit the height (a
// short, wide chart such as the report's): short names in centred rows
// above the plot.
func (g *GapCompare) rowLegend(c *Canvas) {
	items := make([]LegendItem, 0, len(g.Scenarios)+len(g.Reported))
	for i, s := range g.Scenarios {
		items = append(items, LegendItem{Label: shortScenario(s.Name), Colour: compareColour(&c.Theme, i), Line: true})
	}
	for _, m := range g.Reported {
		items = append(items, LegendItem{Label: "Reported: " + reportedShort[m.Label], Colour: c.Theme.Foreground, Marker: true, Shape: m.Shape})
	}
	c.Legend(items)
}

// endLabels names each scenario at the end of its required-revenue line,
// in its colour on a plate, when the plot is wide enough (900 pixels at
// scale 1); a label that would overlap one already placed, or leave the
// plot, is dropped (the legend still names it).
func (g *GapCompare) endLabels(c *Canvas, f *Frame) {
	if f.Plot.W() < c.px(900) {
		return
	}
	var placed []Box
	pad := c.px(3)
	for i, s := range g.Scenarios {
		if len(s.Years) < 2 {
			continue
		}
		end := s.Years[len(s.Years)-1]
		label := shortScenario(s.Name)
		w, h := c.Measure(label, sizeLabel)
		right := f.X.PxAxis(float64(end.Year)) - c.px(6)
		base := f.Y.Px(end.RequiredRevenueUSD) - c.px(7)
		b := Box{right - w - pad, base - h - pad, right + pad, base + h/3 + pad}
		if b.Left < f.Plot.Left || b.Top < f.Plot.Top {
			continue
		}
		clash := false
		for _, p := range placed {
			if min(b.Right, p.Right) > max(b.Left, p.Left) && min(b.Bottom, p.Bottom) > max(b.Top, p.Top) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		placed = append(placed, b)
		c.plateText(label, right, base, sizeLabel, compareColour(&c.Theme, i), AlignRight)
	}
}
