package plot

import (
	"image/color"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
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
}

func newCanvas(r chart.Renderer, svg bool, w, h int, theme Theme, scale float64) (*Canvas, error) {
	font, err := chart.GetDefaultFont()
	if err != nil {
		return nil, err
	}
	r.SetDPI(chart.DefaultDPI * scale)
	c := &Canvas{r: r, Theme: theme, W: w, H: h, Scale: scale, svg: svg, font: font}
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
	c.textStyle(size, c.Theme.Foreground)
	b := c.r.MeasureText(s)
	// The height of a line is the font size, not the glyphs' box, so that
	// lines line up whatever their letters.
	return b.Width(), int(math.Ceil(size * c.r.GetDPI() / 72))
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
	c.textStyle(size, col)
	c.r.Text(c.escape(s), x, y)
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
			for x := b.Left + step/2 + off; x < b.Right-r; x += step {
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
// rising to the right, or falling when back is set.
func (c *Canvas) diagonals(b Box, step int, back bool) {
	w, h := b.W(), b.H()
	for k := step; k < w+h; k += step {
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
