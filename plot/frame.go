package plot

import (
	"image/color"
	"math"
	"strings"
)

// lineHeight returns the height of a line of text at size points, with
// leading.
func (c *Canvas) lineHeight(size float64) int {
	_, h := c.Measure("Hg", size)
	return h + h/3
}

// Header draws the title and an optional subtitle at the top of the
// free area and moves the area's top below them.
func (c *Canvas) Header(title, subtitle string) {
	a := &c.Area
	// a title wider than the chart wraps rather than running off the edge
	y := a.Top + c.lineHeight(sizeTitle)*3/4
	for i, line := range c.wrap(title, a.W(), sizeTitle) {
		if i > 0 {
			y += c.lineHeight(sizeTitle)
		}
		c.Text(line, a.Left, y, sizeTitle, c.Theme.Foreground, AlignLeft)
	}
	a.Top = y + c.px(6)
	for _, line := range c.wrap(subtitle, a.W(), sizeSubtitle) {
		a.Top += c.lineHeight(sizeSubtitle)
		c.Text(line, a.Left, a.Top-c.px(3), sizeSubtitle, c.Theme.Muted, AlignLeft)
	}
	a.Top += c.px(10)
}

// Footnote draws lines of small print at the bottom of the free area,
// wrapped to its width, and moves the area's bottom above them.
func (c *Canvas) Footnote(lines ...string) {
	var all []string
	for _, l := range lines {
		all = append(all, c.wrap(l, c.Area.W(), sizeNote)...)
	}
	lh := c.lineHeight(sizeNote)
	// in a chart squeezed below its MinSize the notes give way to the
	// plot: at most a third of the free height, the first lines kept
	if keep := (c.Area.H()/3 - c.px(10)) / lh; len(all) > keep {
		all = all[:max(0, keep)]
	}
	if len(all) == 0 {
		return
	}
	y := c.Area.Bottom - lh*(len(all)-1)
	for _, l := range all {
		c.Text(l, c.Area.Left, y, sizeNote, c.Theme.Muted, AlignLeft)
		y += lh
	}
	c.Area.Bottom -= lh*len(all) + c.px(10)
}

// LegendItem is one entry of a legend: a swatch (colour and pattern), a
// marker shape, or a line.
type LegendItem struct {
	Label   string
	Colour  color.Color
	Pattern Pattern
	// Marker draws Shape instead of a swatch.
	Marker bool
	Shape  Shape
	// Line draws a line (dashed when Dash is set) instead of a swatch.
	Line bool
	Dash []float64
}

// SeriesItem is the legend entry of series i.
func (c *Canvas) SeriesItem(i int, label string) LegendItem {
	return LegendItem{Label: label, Colour: c.Theme.SeriesColour(i), Pattern: c.Theme.SeriesPattern(i)}
}

// Legend draws the items in centred rows at the top of the free area and
// moves the area's top below them.
func (c *Canvas) Legend(items []LegendItem) {
	if len(items) == 0 {
		return
	}
	sw := c.px(16)
	gap := c.px(6)
	sep := c.px(18)
	lh := c.lineHeight(sizeLabel)
	width := func(it LegendItem) int {
		w, _ := c.Measure(it.Label, sizeLabel)
		return sw + gap + w
	}
	// a label wider than the chart (a long scenario name) is clipped
	items = append([]LegendItem(nil), items...)
	for i := range items {
		items[i].Label = c.clip(items[i].Label, c.Area.W()-sw-gap, sizeLabel)
	}
	var rows [][]LegendItem
	var row []LegendItem
	rowW := 0
	for _, it := range items {
		w := width(it)
		if len(row) > 0 && rowW+sep+w > c.Area.W() {
			rows = append(rows, row)
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			rowW += sep
		}
		row = append(row, it)
		rowW += w
	}
	rows = append(rows, row)
	y := c.Area.Top
	for _, row := range rows {
		total := 0
		for i, it := range row {
			if i > 0 {
				total += sep
			}
			total += width(it)
		}
		x := c.Area.Left + (c.Area.W()-total)/2
		mid := y + lh/2
		for _, it := range row {
			c.swatch(it, Box{x, mid - c.px(6), x + sw, mid + c.px(6)})
			c.Text(it.Label, x+sw+gap, mid+c.px(4), sizeLabel, c.Theme.Foreground, AlignLeft)
			x += width(it) + sep
		}
		y += lh + c.px(4)
	}
	c.Area.Top = y + c.px(6)
}

func (c *Canvas) swatch(it LegendItem, b Box) {
	midX, midY := (b.Left+b.Right)/2, (b.Top+b.Bottom)/2
	switch {
	case it.Marker:
		c.Marker(it.Shape, midX, midY, 5*c.Scale, it.Colour, c.Theme.Background)
	case it.Line:
		c.Line(b.Left, midY, b.Right, midY, it.Colour, 2, it.Dash)
	default:
		c.PatternRect(b, it.Colour, it.Pattern)
	}
}

// wrap breaks s into lines no wider than width pixels at size points.
func (c *Canvas) wrap(s string, width int, size float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if tw, _ := c.Measure(try, size); tw > width && line != "" {
				lines = append(lines, line)
				line = w
				continue
			}
			line = try
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// clip shortens s with an ellipsis until it fits width pixels.
func (c *Canvas) clip(s string, width int, size float64) string {
	if w, _ := c.Measure(s, size); w <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if w, _ := c.Measure(t, size); w <= width {
			return t
		}
	}
	return "…"
}

// Frame is the plot area with its two scales.
type Frame struct {
	Plot Box
	X, Y Scale
}

// Frame lays out the axes in the free area: tick labels, category labels
// and axis titles, grid lines and axis lines; it returns the plot area and
// the scales. Y's band axis runs from the top.
func (c *Canvas) Frame(x, y Axis) *Frame {
	a := c.Area
	lh := c.lineHeight(sizeLabel)
	measureW := func(s string) int { w, _ := c.Measure(s, sizeLabel); return w }
	// vertical labels keep two lines apart, so the grid stays calm; on a
	// short plot a line and a third, so the axis can end near the data
	vGap := lh * 2
	if a.H() < 12*lh {
		vGap = lh + lh/3
	}
	measureH := func(string) int { return vGap }
	gap := c.px(6)
	left, bottom := a.Left, a.Bottom
	if y.Title != "" {
		left += c.lineHeight(sizeAxis) + gap
	}
	if x.Title != "" {
		bottom -= c.lineHeight(sizeAxis) + gap
	}
	// y labels: a band axis wraps names to at most 30% of the width.
	// Names wrap to two lines only where a band has room for two; where a
	// band is lower than a line, every k-th name is drawn (thinned).
	var yLines [][]string
	yLabelW := 0
	maxYW := a.W() * 3 / 10
	yThin := 1
	if n := len(y.Categories); n > 0 {
		band := float64(bottom-2*lh-gap-a.Top) / float64(n)
		maxLines := 2
		if band < float64(2*lh) {
			maxLines, maxYW = 1, a.W()*45/100
		}
		if band < float64(lh) {
			yThin = int(math.Ceil(float64(lh) / math.Max(band, 1)))
		}
		for i, cat := range y.Categories {
			if i%yThin != 0 {
				yLines = append(yLines, nil)
				continue
			}
			lines := c.wrap(cat, maxYW, sizeLabel)
			if len(lines) > maxLines {
				lines = append(lines[:maxLines-1], c.clip(strings.Join(lines[maxLines-1:], " "), maxYW, sizeLabel))
			}
			yLines = append(yLines, lines)
			for _, l := range lines {
				yLabelW = max(yLabelW, measureW(l))
			}
		}
	} else {
		_, _, ts := c.valueTicks(y, bottom-2*lh-a.Top, measureH, 0)
		for _, t := range ts {
			yLabelW = max(yLabelW, measureW(t.Label))
		}
	}
	plotLeft := left + yLabelW + gap
	right := a.Right
	if len(x.Categories) == 0 && x.Format != nil {
		// the last label sits at Max or, when Max has none (a year axis
		// ending mid-year), at the next whole value the ticks round up to
		right -= max(measureW(x.Format(x.Max)), measureW(x.Format(math.Ceil(x.Max))))/2 + c.px(2)
	}
	// x labels
	var xLines [][]string
	xLabelH := lh
	if n := len(x.Categories); n > 0 {
		slot := (right - plotLeft) / n
		maxLines := 1
		// three lines, four on a chart tall enough that the plot keeps
		// most of its height
		most := 3
		if a.H() >= 16*lh {
			most = 4
		}
		for _, cat := range x.Categories {
			lines := c.wrap(cat, slot-c.px(6), sizeLabel)
			if len(lines) > most {
				lines = append(lines[:most-1], c.clip(strings.Join(lines[most-1:], " "), slot-c.px(6), sizeLabel))
			}
			for i, l := range lines {
				lines[i] = c.clip(l, slot-c.px(2), sizeLabel)
			}
			xLines = append(xLines, lines)
			maxLines = max(maxLines, len(lines))
		}
		xLabelH = maxLines * lh
	}
	plot := Box{Left: plotLeft, Top: a.Top, Right: right, Bottom: bottom - xLabelH - gap}
	f := &Frame{Plot: plot}
	// scales
	if n := len(y.Categories); n > 0 {
		f.Y = Scale{Lo: plot.Top, Hi: plot.Bottom, N: n}
	} else {
		lo, hi, ts := c.valueTicks(y, plot.H(), measureH, c.px(4))
		f.Y = Scale{Min: lo, Max: hi, Lo: plot.Bottom, Hi: plot.Top, Log: y.Log, Ticks: ts}
	}
	if n := len(x.Categories); n > 0 {
		f.X = Scale{Lo: plot.Left, Hi: plot.Right, N: n}
	} else {
		lo, hi, ts := c.valueTicks(x, plot.W(), measureW, c.px(24))
		f.X = Scale{Min: lo, Max: hi, Lo: plot.Left, Hi: plot.Right, Log: x.Log, Ticks: ts}
	}
	// grid
	for _, t := range f.Y.Ticks {
		py := f.Y.PxAxis(t.Value)
		c.Line(plot.Left, py, plot.Right, py, c.Theme.Grid, 1, nil)
		c.Text(t.Label, plot.Left-gap, py+lh/3, sizeLabel, c.Theme.Muted, AlignRight)
	}
	for _, t := range f.X.Ticks {
		px := f.X.PxAxis(t.Value)
		c.Line(px, plot.Top, px, plot.Bottom, c.Theme.Grid, 1, nil)
		c.Text(t.Label, px, plot.Bottom+gap+lh*3/4, sizeLabel, c.Theme.Muted, AlignCenter)
	}
	for i, lines := range yLines {
		lo, hi := f.Y.Band(i)
		top := (lo+hi)/2 - len(lines)*lh/2
		for j, l := range lines {
			c.Text(l, plot.Left-gap, top+j*lh+lh*3/4, sizeLabel, c.Theme.Foreground, AlignRight)
		}
	}
	for i, lines := range xLines {
		lo, hi := f.X.Band(i)
		for j, l := range lines {
			c.Text(l, (lo+hi)/2, plot.Bottom+gap+j*lh+lh*3/4, sizeLabel, c.Theme.Foreground, AlignCenter)
		}
	}
	// axis lines
	c.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, c.Theme.Muted, 1, nil)
	c.Line(plot.Left, plot.Top, plot.Left, plot.Bottom, c.Theme.Muted, 1, nil)
	// titles
	if x.Title != "" {
		c.Text(x.Title, (plot.Left+plot.Right)/2, a.Bottom-c.px(3), sizeAxis, c.Theme.Foreground, AlignCenter)
	}
	if y.Title != "" {
		c.TextUp(y.Title, a.Left, (plot.Top+plot.Bottom)/2, sizeAxis, c.Theme.Foreground)
	}
	return f
}

// valueTicks returns the axis range (in axis units) and ticks of a value
// axis of length pixels.
func (c *Canvas) valueTicks(ax Axis, length int, size func(string) int, gap int) (lo, hi float64, ts []Tick) {
	format := ax.Format
	if format == nil {
		format = PowerOfTen
	}
	if !ax.Log {
		f := format
		format = func(v float64) string {
			if v == 0 {
				return "0"
			}
			return f(v)
		}
	}
	if length < 10 {
		length = 10
	}
	if ax.Log {
		mn, mx := 0.0, 1.0
		if ax.Min > 0 && ax.Max > 0 {
			mn, mx = log10(ax.Min), log10(ax.Max)
		}
		return logTicks(mn, mx, length, format, size, gap)
	}
	mn, mx := ax.Min, ax.Max
	if ax.ZeroBased {
		mn, mx = min(mn, 0), max(mx, 0)
	}
	return linearTicks(mn, mx, length, format, size, gap)
}

// Empty draws the empty-state message in the middle of the free area.
func (c *Canvas) Empty(msg string) {
	a := c.Area
	c.StrokeRect(Box{a.Left, a.Top, a.Right, a.Bottom}, c.Theme.Grid, 1)
	lines := c.wrap(msg, a.W()*2/3, sizeAxis)
	lh := c.lineHeight(sizeAxis)
	y := (a.Top+a.Bottom)/2 - len(lines)*lh/2 + lh*3/4
	for _, l := range lines {
		c.Text(l, (a.Left+a.Right)/2, y, sizeAxis, c.Theme.Muted, AlignCenter)
		y += lh
	}
}
