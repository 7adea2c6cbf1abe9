package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// builtChart shows a chart the view builds itself (the bubble gap tornado
// has no plot.Kind): building runs on the UI goroutine (a tornado is a
// few dozen gap evaluations), drawing off it; the newest drawing wins.
type builtChart struct {
	widget.BaseWidget
	build func() (plot.Chart, error)
	img   *canvas.Image
	last  Latest
	drawn fyne.Size
	// Err is the last build or drawing error (nil: drawn).
	Err error
}

func newBuiltChart(build func() (plot.Chart, error)) *builtChart {
	c := &builtChart{build: build, img: canvas.NewImageFromImage(nil)}
	c.img.FillMode = canvas.ImageFillStretch
	c.img.ScaleMode = canvas.ImageScalePixels
	c.ExtendBaseWidget(c)
	return c
}

func (c *builtChart) CreateRenderer() fyne.WidgetRenderer { return builtRenderer{c} }

// builtRenderer lays the image over the widget and draws again when the
// size changes.
type builtRenderer struct{ c *builtChart }

func (r builtRenderer) Layout(s fyne.Size) {
	r.c.img.Resize(s)
	if s != r.c.drawn {
		r.c.drawn = s
		r.c.Redraw()
	}
}

func (r builtRenderer) MinSize() fyne.Size           { return fyne.NewSize(360, 200) }
func (r builtRenderer) Refresh()                     { r.c.img.Refresh() }
func (r builtRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.img} }
func (r builtRenderer) Destroy()                     {}

// Redraw builds the chart and draws it at the widget's size (nothing while
// it is hidden or too small).
func (c *builtChart) Redraw() {
	if !c.Visible() || c.drawn.Width == 0 {
		return // built when shown (Resize)
	}
	ch, err := c.build()
	c.Err = err
	if err != nil {
		return
	}
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	t := themeFor(fyne.CurrentApp())
	opt := plot.Options{Width: int(c.drawn.Width * scale), Height: int(c.drawn.Height * scale), Scale: float64(scale), Theme: &t}
	if opt.Width < plot.MinWidth || opt.Height < plot.MinHeight {
		return
	}
	c.last.Run(func() func() {
		im, err := plot.Image(ch, opt)
		return func() { c.show(im, err) }
	})
}

func (c *builtChart) show(im image.Image, err error) {
	c.Err = err
	if err == nil {
		c.img.Image = im
		c.img.Refresh()
	}
}

// Bubble gap tornado outputs, as the select shows them.
var tornadoOutputTitles = map[string]string{
	planner.GapOutputGap:        "Gap, first year",
	planner.GapOutputCumulative: "Cumulative gap at the horizon",
}

// tornado builds the selected scenario's tornado of output: each input
// with a catalogue range (planner.GapUncertainInputs: the evidence table's
// ranges of Cahn's inputs, life, revenue and growth) at its low and high.
func (v *BubbleView) tornado(output string) (*plot.Tornado, error) {
	s := v.list[v.selected]
	vars, err := planner.GapUncertainInputs(v.cat, s.GapInputs, nil)
	if err != nil {
		return nil, err
	}
	t, err := planner.GapTornado(s.GapInputs, vars, output)
	if err != nil {
		return nil, err
	}
	return plot.NewTornado(s.Name, t)
}

// tornadoOutput is the output the tornado select names.
func (v *BubbleView) tornadoOutput() string {
	if v.TornadoOutput != nil && v.TornadoOutput.Selected == tornadoOutputTitles[planner.GapOutputCumulative] {
		return planner.GapOutputCumulative
	}
	return planner.GapOutputGap
}
