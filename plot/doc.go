// Package plot draws the planner's charts with go-chart's renderers (PNG
// and SVG) and imports no Fyne: the command line writes files with it, the
// window draws the same pictures into images at the widget's pixel size.
//
// # Pattern
//
// A chart kind is a plain data type that implements Chart:
//
//	type Chart interface{ Draw(c *Canvas) error }
//
// and a constructor that fills it from planner values (NewBreakdown,
// NewCompare, NewEnergySources, NewBacktest). Draw lays the picture out on
// the Canvas with the shared pieces of this package, so every chart gets
// the same title, legend, axes, colours and footnote:
//
//	c.Header(title, subtitle)          title block at the top, returns nothing
//	c.Legend(items)                     one row of swatches under the title
//	c.Footnote(lines...)                small text at the bottom
//	c.Frame(x, y)                       reserves tick labels and axis titles,
//	                                    returns the plot area and the scales
//	LinearAxis / LogAxis                nice ticks labelled by a formatter
//	                                    (planner.HumanUSD, ...), thinned so
//	                                    that labels never overlap
//	c.StackedBars / c.Bar / c.Marker    absolute stacks, hatched bars, shapes
//	c.Empty(msg)                        the empty-state picture
//
// Colours come from the Theme (Light, Dark, or one built from the window's
// colours): Series colours differ in lightness and each has a Pattern, so
// a greyscale print still tells the series apart.
//
// To add a kind (gap, waterfall, projection, fan, tornado): write
// plot/KIND.go with the data type, its constructor and Draw; register it in
// Kinds if it can be built from an Input (the command line and the window's
// Charts tab then offer it); add a golden SVG case in plot_test.go and a
// benchmark case. Render and Image handle sizes, formats and errors.
//
// Render writes PNG or SVG to an io.Writer; Image returns an image.Image
// through chart.ImageWriter (no PNG encoding) for the screen. Both are
// deterministic: the same input gives the same bytes. Bad numbers (NaN,
// Inf, negatives where a size is expected) give an error from the
// constructor or an empty-state chart, never a panic.
package plot
