package plot

import (
	"fmt"
	"image/color"
	"strings"

	"aiplan/planner"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Pattern is the fill texture drawn over a series colour, so that series
// stay apart when printed in greyscale.
type Pattern int

// Patterns, in the order series use them.
const (
	Solid Pattern = iota
	Diagonal
	Dots
	Cross
	Horizontal
	BackDiagonal
)

// Theme holds the colours of a chart. Series colours are ordered by
// lightness steps large enough to survive greyscale printing; each series
// also has a pattern (Patterns[i % len]).
type Theme struct {
	Background color.Color
	Foreground color.Color
	// Muted is for grid lines, axis ticks and secondary text.
	Muted color.Color
	// Grid is the colour of the grid lines.
	Grid color.Color
	// Highlight marks the current item (energy-sources chart).
	Highlight color.Color
	Series    []color.Color
	Patterns  []Pattern
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

var defaultPatterns = []Pattern{Solid, Diagonal, Solid, Dots, Cross, Horizontal, BackDiagonal, Solid}

// Light returns the theme for white paper and light windows.
func Light() Theme {
	return Theme{
		Background: rgb(0xffffff),
		Foreground: rgb(0x1f2328),
		Muted:      rgb(0x5f6670),
		Grid:       rgb(0xdfe3e8),
		Highlight:  rgb(0xc2185b),
		// greyscale luma: 45, 105, 150, 186, 218, 74, 128, 240
		Series: []color.Color{
			rgb(0x1f3b73), // navy
			rgb(0xb5542d), // brick
			rgb(0x3f9c8f), // teal
			rgb(0xe3a33b), // amber
			rgb(0xa9cce3), // pale blue
			rgb(0x5b3a75), // plum
			rgb(0x7b8a33), // olive
			rgb(0xf2e6c9), // sand
		},
		Patterns: defaultPatterns,
	}
}

// Dark returns the theme for dark windows: the same hues, lifted so that
// the darkest series still stands out from the background.
func Dark() Theme {
	return Theme{
		Background: rgb(0x17191c),
		Foreground: rgb(0xe8eaed),
		Muted:      rgb(0xa0a7b0),
		Grid:       rgb(0x34383e),
		Highlight:  rgb(0xff6fa8),
		Series: []color.Color{
			rgb(0x6f9ce8), // blue
			rgb(0xe07a4f), // brick
			rgb(0x5cc9b8), // teal
			rgb(0xf2c04e), // amber
			rgb(0xdbeaf7), // pale blue
			rgb(0x9a73c2), // plum
			rgb(0xa9ba52), // olive
			rgb(0x4d5560), // slate
		},
		Patterns: defaultPatterns,
	}
}

// WithColours returns t with its background and foreground replaced (the
// window passes its theme's colours) and Muted and Grid mixed from them.
func (t Theme) WithColours(bg, fg color.Color) Theme {
	t.Background, t.Foreground = bg, fg
	t.Muted = mix(fg, bg, 0.35)
	t.Grid = mix(fg, bg, 0.85)
	return t
}

// SeriesColour returns the colour of series i.
func (t *Theme) SeriesColour(i int) color.Color {
	if len(t.Series) == 0 {
		return t.Foreground
	}
	return t.Series[i%len(t.Series)]
}

// SeriesPattern returns the pattern of series i.
func (t *Theme) SeriesPattern(i int) Pattern {
	if len(t.Patterns) == 0 {
		return Solid
	}
	return t.Patterns[i%len(t.Patterns)]
}

// luma is the greyscale value (Rec. 601) of c, 0..255.
func luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
}

// contrast returns black-ish or white-ish, whichever reads on c.
func contrast(c color.Color) color.Color {
	if luma(c) > 140 {
		return color.NRGBA{R: 20, G: 20, B: 20, A: 255}
	}
	return color.NRGBA{R: 250, G: 250, B: 250, A: 255}
}

// mix returns a + (b - a) x f.
func mix(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	m := func(x, y uint32) uint8 {
		return uint8((float64(x) + (float64(y)-float64(x))*f) / 257)
	}
	return color.NRGBA{R: m(ar, br), G: m(ag, bg), B: m(ab, bb), A: 255}
}

// dc converts a colour to go-chart's; a fully transparent colour becomes
// the smallest visible alpha-free value, since go-chart treats the zero
// colour as "unset".
func dc(c color.Color) drawing.Color {
	if c == nil {
		return drawing.Color{A: 255}
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	d := drawing.Color{R: n.R, G: n.G, B: n.B, A: n.A}
	if d.IsZero() {
		d.A = 1
	}
	return d
}

// Theme names for a saved chart.
const (
	ThemeLight = "light"
	ThemeDark  = "dark"
)

// ThemeNames lists the themes a saved chart can use, the default first:
// a chart saved for a report goes on white paper.
var ThemeNames = []string{ThemeLight, ThemeDark}

// ThemeByName returns the theme named name ("" is light). The error names
// the field "theme" and the accepted names.
func ThemeByName(name string) (Theme, error) {
	switch name {
	case "", ThemeLight:
		return Light(), nil
	case ThemeDark:
		return Dark(), nil
	}
	return Theme{}, &planner.FieldError{Field: "theme", Value: fmt.Sprintf("%q", name), Msg: "accepted: " + strings.Join(ThemeNames, ", ")}
}

// SaveOptions are the options of a chart saved to a file (the window's
// Save PNG and Save SVG): w x h pixels in the named theme, light by
// default whatever the window's theme, so that it sits on a white page.
func SaveOptions(w, h int, theme string) (Options, error) {
	t, err := ThemeByName(theme)
	if err != nil {
		return Options{}, err
	}
	return Options{Width: w, Height: h, Theme: &t}, nil
}
