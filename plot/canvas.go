package plot

import (
	"image"
	"image/color"
	idraw "image/draw"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Box is a pixel rectangle: Left <= x < Right, Top <= y < Bottom.
type Box struct{ Left, Top, Right, Bottom int }

// W returns the width.
func (b Box) W() int { return b.Right - b.Left }

// H returns the height.
func (b Box) H() int { return b.Bottom - b.Top }

// Align is a horizontal text alignment.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Font sizes in points (at 92 DPI x scale).
const (
	sizeTitle    float64 = 14
	sizeSubtitle float64 = 9.5
	sizeLabel    float64 = 9
	sizeAxis     float64 = 9.5
	sizeNote     float64 = 8
	sizeValue    float64 = 8
)

// Canvas is what a Chart draws on: a go-chart renderer, the theme, the
// size, and the area not yet used by the title, legend and footnote.
type Canvas struct {
	r     chart.Renderer
	Theme Theme
	W, H  int
	// Scale multiplies every length and font size (2 on a HiDPI screen).
	Scale float64
	svg   bool
	font  *truetype.Font
	// Area is what is left for the plot after Header, Legend and Footnote.
	Area Box
	// raster is the bitmap fast path (nil for SVG), see newRaster.
	raster *raster
	// widths caches Measure: text is measured far more often than drawn.
	widths map[measured]int
	// texts, when not nil, records every horizontal text's box (tests
	// check that labels do not collide).
	texts *[]drawnText
}

// drawnText is the box of one drawn text: left, baseline, width, height.
type drawnText struct {
	s          string
	x, y, w, h int
}

type measured struct {
	s    string
	size float64
}

// raster draws into the PNG renderer's own image, next to the renderer,
// where go-chart's interface costs time without changing a pixel:
//
//	opaque rectangles    copied with draw.Draw instead of rasterised
//	text                 glyphs added right to left, see raster.text
//	glyphs               outlines loaded once per size, not per use
//
// Each gives the bytes (and text widths) the renderer would.
type raster struct {
	img    *image.RGBA
	gc     *drawing.RasterGraphicContext
	buf    truetype.GlyphBuf
	glyphs map[glyphKey]*glyph
}

type glyphKey struct {
	i     truetype.Index
	scale fixed.Int26_6
}

// glyph is a loaded outline and the bounds of its points in pixels (y
// down), as go-chart's GetStringBounds sees them.
type glyph struct {
	points                 []truetype.Point
	ends                   []int
	minX, maxX, minY, maxY float64
}

// newRaster returns the fast path of a PNG renderer, or nil (SVG, or a
// renderer that does not hand out its image).
func newRaster(r chart.Renderer, svg bool) *raster {
	if svg {
		return nil
	}
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		return nil
	}
	im, err := iw.Image()
	if err != nil {
		return nil
	}
	img, ok := im.(*image.RGBA)
	if !ok {
		return nil
	}
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil
	}
	gc.SetDPI(r.GetDPI())
	return &raster{img: img, gc: gc, glyphs: map[glyphKey]*glyph{}}
}

// glyph loads glyph i at scale (font size x DPI in 26.6 units) unhinted,
// as go-chart does, once.
func (r *raster) glyph(font *truetype.Font, scale fixed.Int26_6, i truetype.Index) (*glyph, error) {
	k := glyphKey{i, scale}
	if g, ok := r.glyphs[k]; ok {
		return g, nil
	}
	if err := r.buf.Load(font, scale, i, xfont.HintingNone); err != nil {
		return nil, err
	}
	g := &glyph{ends: append([]int(nil), r.buf.Ends...), minX: math.MaxFloat64, minY: math.MaxFloat64, maxX: -math.MaxFloat64, maxY: -math.MaxFloat64}
	n := 0
	if len(g.ends) > 0 {
		n = g.ends[len(g.ends)-1]
	}
	g.points = append([]truetype.Point(nil), r.buf.Points[:n]...)
	for _, p := range g.points {
		x, y := fUnits(p.X), -fUnits(p.Y)
		g.minX, g.maxX = math.Min(g.minX, x), math.Max(g.maxX, x)
		g.minY, g.maxY = math.Min(g.minY, y), math.Max(g.maxY, y)
	}
	r.glyphs[k] = g
	return g, nil
}

// measure returns the width of s as go-chart's raster MeasureText does
// (the bounds of the glyphs' points from x = 0), or false.
func (r *raster) measure(font *truetype.Font, s string, size float64) (int, bool) {
	if s == "" {
		return 0, false
	}
	scale := fixed.Int26_6(size * r.gc.GetDPI())
	left, right := math.MaxFloat64, 0.0
	cursor := 0.0
	prev, hasPrev := truetype.Index(0), false
	for _, rc := range s {
		i := font.Index(rc)
		if hasPrev {
			cursor += fUnits(font.Kern(scale, prev, i))
		}
		g, err := r.glyph(font, scale, i)
		if err != nil {
			return 0, false
		}
		if len(g.points) > 0 {
			left = math.Min(left, g.minX+cursor)
			right = math.Max(right, g.maxX+cursor)
		}
		cursor += fUnits(font.HMetric(scale, i).AdvanceWidth)
		prev, hasPrev = i, true
	}
	if left < 0 {
		right -= left
	} else if left > 0 {
		right += left
	}
	return int(math.Ceil(right)), true
}

func newCanvas(r chart.Renderer, svg bool, w, h int, theme Theme, scale float64) (*Canvas, error) {
	font, err := chart.GetDefaultFont()
	if err != nil {
		return nil, err
	}
	r.SetDPI(chart.DefaultDPI * scale)
	c := &Canvas{r: r, Theme: theme, W: w, H: h, Scale: scale, svg: svg, font: font,
		raster: newRaster(r, svg), widths: map[measured]int{}}
	m := c.px(14)
	c.Area = Box{Left: m, Top: m, Right: w - m, Bottom: h - m}
	c.FillRect(Box{0, 0, w, h}, theme.Background)
	return c, nil
}

// px converts a length in base pixels to device pixels.
func (c *Canvas) px(v float64) int { return int(math.Round(v * c.Scale)) }

func (c *Canvas) textStyle(size float64, col color.Color) {
	c.r.ResetStyle()
	c.r.SetFont(c.font)
	c.r.SetFontSize(size)
	c.r.SetFontColor(dc(col))
}

// Measure returns the width and height in pixels of s at size points.
func (c *Canvas) Measure(s string, size float64) (w, h int) {
	// The height of a line is the font size, not the glyphs' box, so that
	// lines line up whatever their letters.
	h = int(math.Ceil(size * c.r.GetDPI() / 72))
	if s == "" {
		// go-chart measures an empty text as a box from +MaxInt to
		// -MaxInt: a huge negative width
		return 0, h
	}
	k := measured{s, size}
	if w, ok := c.widths[k]; ok {
		return w, h
	}
	ok := false
	if c.raster != nil {
		w, ok = c.raster.measure(c.font, s, size)
	}
	if !ok {
		c.textStyle(size, c.Theme.Foreground)
		w = c.r.MeasureText(s).Width()
	}
	w = max(w, 0)
	c.widths[k] = w
	return w, h
}

// Text draws s with its baseline at y, aligned on x.
func (c *Canvas) Text(s string, x, y int, size float64, col color.Color, align Align) {
	if s == "" {
		return
	}
	w, _ := c.Measure(s, size)
	switch align {
	case AlignCenter:
		x -= w / 2
	case AlignRight:
		x -= w
	}
	if c.texts != nil {
		_, h := c.Measure(s, size)
		*c.texts = append(*c.texts, drawnText{s, x, y, w, h})
	}
	if c.raster != nil {
		c.raster.text(c.font, s, x, y, size, col)
		return
	}
	c.textStyle(size, col)
	c.r.Text(c.escape(s), x, y)
}

// text fills s with its baseline starting at (x, y), the glyphs where
// go-chart's CreateStringPath puts them (advance and kerning in 26.6
// units), but added to the path right to left. The rasteriser keeps a
// list of cells per pixel row sorted by x and searches it from the left
// for every new cell, so a line of text added left to right costs the
// square of its length; added right to left each glyph finds its cells at
// the head of the list. The cells sum to the same coverage in any order.
func (r *raster) text(font *truetype.Font, s string, x, y int, size float64, col color.Color) {
	gc := r.gc
	gc.SetFillColor(dc(col))
	scale := fixed.Int26_6(size * gc.GetDPI())
	type placed struct {
		i truetype.Index
		x float64
	}
	glyphs := make([]placed, 0, len(s))
	cx := float64(x)
	prev, hasPrev := truetype.Index(0), false
	for _, rc := range s {
		i := font.Index(rc)
		if hasPrev {
			cx += fUnits(font.Kern(scale, prev, i))
		}
		glyphs = append(glyphs, placed{i, cx})
		cx += fUnits(font.HMetric(scale, i).AdvanceWidth)
		prev, hasPrev = i, true
	}
	for k := len(glyphs) - 1; k >= 0; k-- {
		g, err := r.glyph(font, scale, glyphs[k].i)
		if err != nil {
			break
		}
		e0 := 0
		for _, e1 := range g.ends {
			drawing.DrawContour(gc, g.points[e0:e1], glyphs[k].x, float64(y))
			e0 = e1
		}
	}
	gc.Fill()
}

// fUnits converts 26.6 font units to pixels as go-chart does.
func fUnits(x fixed.Int26_6) float64 {
	scaled := x << 2
	return float64(scaled/256) + float64(scaled%256)/256.0
}

// TextUp draws s reading bottom to top, centred vertically on y, with the
// top of the letters at x.
func (c *Canvas) TextUp(s string, x, y int, size float64, col color.Color) {
	w, h := c.Measure(s, size)
	c.textStyle(size, col)
	c.r.SetTextRotation(chart.DegreesToRadians(270))
	c.r.Text(c.escape(s), x+h*4/5, y+w/2)
	c.r.ClearTextRotation()
}

// TextUpAt draws s reading bottom to top, starting at (x, y) (the left of
// the baseline before rotation).
func (c *Canvas) TextUpAt(s string, x, y int, size float64, col color.Color) {
	c.textStyle(size, col)
	c.r.SetTextRotation(chart.DegreesToRadians(270))
	c.r.Text(c.escape(s), x, y)
	c.r.ClearTextRotation()
}

func (c *Canvas) escape(s string) string {
	if !c.svg {
		return s
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// FillRect fills b.
func (c *Canvas) FillRect(b Box, col color.Color) {
	if c.raster != nil {
		// an opaque box on whole pixels covers them fully: the painter
		// would write the colour itself
		if n := color.NRGBAModel.Convert(col).(color.NRGBA); n.A == 255 {
			r := image.Rect(b.Left, b.Top, b.Right, b.Bottom)
			idraw.Draw(c.raster.img, r, image.NewUniform(dc(col)), image.Point{}, idraw.Src)
			return
		}
	}
	c.r.ResetStyle()
	c.r.SetFillColor(dc(col))
	c.path([][2]int{{b.Left, b.Top}, {b.Right, b.Top}, {b.Right, b.Bottom}, {b.Left, b.Bottom}}, true)
	c.r.Fill()
}

// StrokeRect outlines b.
func (c *Canvas) StrokeRect(b Box, col color.Color, width float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(width * c.Scale)
	c.path([][2]int{{b.Left, b.Top}, {b.Right, b.Top}, {b.Right, b.Bottom}, {b.Left, b.Bottom}}, true)
	c.r.Stroke()
}

// Line draws a straight line; dash is in base pixels (nil for solid).
func (c *Canvas) Line(x0, y0, x1, y1 int, col color.Color, width float64, dash []float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(math.Max(1, math.Round(width*c.Scale)))
	if len(dash) > 0 {
		d := make([]float64, len(dash))
		for i, v := range dash {
			d[i] = v * c.Scale
		}
		c.r.SetStrokeDashArray(d)
	}
	c.r.MoveTo(x0, y0)
	c.r.LineTo(x1, y1)
	c.r.Stroke()
}

func (c *Canvas) path(pts [][2]int, closed bool) {
	for i, p := range pts {
		if i == 0 {
			c.r.MoveTo(p[0], p[1])
		} else {
			c.r.LineTo(p[0], p[1])
		}
	}
	if closed {
		c.r.Close()
	}
}

// Bar fills b with series i's colour and pattern and outlines it in the
// background colour, so stacked segments stay apart.
func (c *Canvas) Bar(b Box, series int) {
	c.PatternRect(b, c.Theme.SeriesColour(series), c.Theme.SeriesPattern(series))
}

// PatternRect fills b with col and draws pattern over it.
func (c *Canvas) PatternRect(b Box, col color.Color, p Pattern) {
	if b.W() <= 0 || b.H() <= 0 {
		return
	}
	c.FillRect(b, col)
	c.hatch(b, p, contrast(col))
	if b.W() > 2 && b.H() > 2 {
		c.StrokeRect(b, c.Theme.Background, 1)
	}
}

// hatch draws pattern p inside b as one path (one SVG element).
func (c *Canvas) hatch(b Box, p Pattern, col color.Color) {
	if p == Solid {
		return
	}
	step := c.px(6)
	if step < 3 {
		step = 3
	}
	c.r.ResetStyle()
	ink := dc(withAlpha(col, 150))
	if p == Dots {
		r := int(math.Max(1, math.Round(c.Scale)))
		c.r.SetFillColor(ink)
		row := 0
		for y := b.Top + step/2; y < b.Bottom-r; y += step {
			off := 0
			if row%2 == 1 {
				off = step / 2
			}
			row++
			// on a bitmap right to left keeps the rasteriser's cell lists
			// short (see raster.text); the dots are the same
			x0, n := b.Left+step/2+off, 0
			if x0 < b.Right-r {
				n = (b.Right-r-1-x0)/step + 1
			}
			for i := 0; i < n; i++ {
				x := x0 + i*step
				if c.raster != nil {
					x = x0 + (n-1-i)*step
				}
				c.path([][2]int{{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}}, true)
			}
		}
		c.r.Fill()
		return
	}
	c.r.SetStrokeColor(ink)
	c.r.SetStrokeWidth(math.Max(1, math.Round(c.Scale)))
	switch p {
	case Horizontal:
		for y := b.Top + step/2; y < b.Bottom; y += step {
			c.r.MoveTo(b.Left, y)
			c.r.LineTo(b.Right, y)
		}
	default:
		if p == Diagonal || p == Cross {
			c.diagonals(b, step, false)
		}
		if p == BackDiagonal || p == Cross {
			c.diagonals(b, step, true)
		}
	}
	c.r.Stroke()
}

// diagonals adds 45-degree lines through b, clipped to it, to the path:
// rising to the right, or falling when back is set. On a bitmap the lines
// go in from the right (see raster.text: the rasteriser then finds each
// line's cells at the head of its rows' lists), which draws the same
// pixels; SVG keeps them left to right.
func (c *Canvas) diagonals(b Box, step int, back bool) {
	w, h := b.W(), b.H()
	n := (w + h - 1) / step // k = step, 2 step, ... < w + h
	for i := 0; i < n; i++ {
		k := (i + 1) * step
		if !back && c.raster != nil {
			k = (n - i) * step
		}
		// the line x + y = k in box coordinates (y down), mirrored for back
		x0, y0 := k, 0
		if x0 > w {
			x0, y0 = w, k-w
		}
		x1, y1 := 0, k
		if y1 > h {
			x1, y1 = k-h, h
		}
		if back {
			x0, x1 = w-x0, w-x1
		}
		c.r.MoveTo(b.Left+x0, b.Top+y0)
		c.r.LineTo(b.Left+x1, b.Top+y1)
	}
}

func withAlpha(col color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	n.A = a
	return n
}

// Shape is a marker shape.
type Shape int

// Marker shapes.
const (
	Circle Shape = iota
	Square
	Triangle
	Diamond
)

// Marker draws a marker of radius r centred on (x, y), filled with fill and
// outlined with stroke (nil for none).
func (c *Canvas) Marker(s Shape, x, y int, r float64, fill, stroke color.Color) {
	var pts [][2]int
	pt := func(dx, dy float64) [2]int {
		return [2]int{x + int(math.Round(dx)), y + int(math.Round(dy))}
	}
	switch s {
	case Square:
		r *= 0.9
		pts = [][2]int{pt(-r, -r), pt(r, -r), pt(r, r), pt(-r, r)}
	case Triangle:
		r *= 1.2
		pts = [][2]int{pt(0, -r), pt(r*0.866, r*0.5), pt(-r*0.866, r*0.5)}
	case Diamond:
		r *= 1.2
		pts = [][2]int{pt(0, -r), pt(r, 0), pt(0, r), pt(-r, 0)}
	default:
		for i := 0; i < 16; i++ {
			a := float64(i) * math.Pi / 8
			pts = append(pts, pt(r*math.Cos(a), r*math.Sin(a)))
		}
	}
	c.r.ResetStyle()
	if fill != nil {
		c.r.SetFillColor(dc(fill))
	}
	if stroke != nil {
		c.r.SetStrokeColor(dc(stroke))
		c.r.SetStrokeWidth(math.Max(1, math.Round(c.Scale)))
	}
	c.path(pts, true)
	switch {
	case fill != nil && stroke != nil:
		c.r.FillStroke()
	case fill != nil:
		c.r.Fill()
	default:
		c.r.Stroke()
	}
}
