package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// chartDebounce is how long the charts wait after the last edit or resize
// before drawing.
const chartDebounce = 150 * time.Millisecond

// ChartsView is the Charts tab: a chart kind, cost method and baseline
// chooser over the chart, drawn at the widget's pixel size off the UI
// goroutine, with Save as PNG and SVG.
type ChartsView struct {
	Kind     *widget.Select
	Method   *widget.Select
	Baseline *widget.Select
	SavePNG  *widget.Button
	SaveSVG  *widget.Button
	// SaveTheme is the theme of a saved chart: plot.ThemeLight by default
	// (a white report page), whatever the window's theme.
	SaveTheme *widget.Select
	// Status shows the last drawing error, or nothing.
	Status *widget.Label
	// Seed shows the Monte Carlo seed of the uncertainty chart, the same
	// DefaultSeed as the Uncertainty tab.
	Seed  *widget.Label
	Chart *ChartImage

	cat       *planner.Catalog
	win       fyne.Window
	scenarios []planner.Scenario
	// gap and projection are the set's bubble-gap inputs (nil: presets).
	gap        *planner.GapInputs
	projection *planner.ProjectionInputs
	content    fyne.CanvasObject
}

// NewChartsView returns the Charts tab for the catalogue; win parents the
// save dialogs.
func NewChartsView(cat *planner.Catalog, win fyne.Window) *ChartsView {
	v := &ChartsView{cat: cat, win: win, Status: widget.NewLabel("")}
	titles := make([]string, len(plot.Kinds))
	for i, k := range plot.Kinds {
		titles[i] = k.Title
	}
	// Every field the chart's input reads exists before anything can
	// schedule a drawing: the selects get their first value without a
	// callback, and the chart is made last.
	v.Kind = widget.NewSelect(titles, nil)
	v.Kind.SetSelectedIndex(0)
	v.Kind.OnChanged = func(string) { v.changed() }
	v.Method = widget.NewSelect(plot.Methods, nil)
	v.Method.SetSelected("cloud")
	v.Method.OnChanged = func(string) { v.changed() }
	v.Baseline = widget.NewSelect(nil, func(string) { v.changed() })
	v.Baseline.PlaceHolder = "(first scenario)"
	v.Seed = widget.NewLabel(fmt.Sprintf("Monte Carlo seed %d", DefaultSeed))
	v.Seed.Importance = widget.LowImportance
	v.Chart = NewChartImage(v.input)
	v.Chart.minSize = func() fyne.Size { return kindMinSize(v.kind())() }
	v.SaveTheme = widget.NewSelect(plot.ThemeNames, nil)
	v.SaveTheme.SetSelected(plot.ThemeLight)
	v.SavePNG = widget.NewButtonWithIcon("Save PNG", theme.DocumentSaveIcon(), func() { v.save(plot.PNG) })
	v.SaveSVG = widget.NewButtonWithIcon("Save SVG", theme.DocumentSaveIcon(), func() { v.save(plot.SVG) })
	v.Chart.OnError = func(err error) {
		if err != nil {
			v.Status.SetText(err.Error())
		} else {
			v.Status.SetText("")
		}
	}
	// Three short rows, so that nothing is off-screen in a narrow tab
	// (about 630 wide at 1366 with the editor shown).
	choose := container.NewHBox(widget.NewLabel("Chart"), wideSelect(v.Kind, 260), widget.NewLabel("Cost"), v.Method)
	base := container.NewHBox(widget.NewLabel("Baseline / scenario"), v.Baseline, v.Seed)
	save := container.NewHBox(v.SavePNG, v.SaveSVG, widget.NewLabel("in theme"), v.SaveTheme)
	v.content = container.NewBorder(container.NewVBox(choose, base, save, v.Status), nil, nil, nil, v.Chart)
	return v
}

// Content returns the tab body.
func (v *ChartsView) Content() fyne.CanvasObject { return v.content }

// View returns the tab for the window's Views list.
func (v *ChartsView) View() View {
	return View{Title: "Charts", Content: v.content, Update: func(s State) {
		if s.File != nil {
			v.gap, v.projection = s.File.Gap, s.File.Projection
			v.Update(s.File.Scenarios, s.File.Baseline)
		}
	}}
}

// Update shows a new scenario set; baseline names the default baseline
// (kept when the user picked another that still exists). It returns at
// once: the chart is drawn in the background after a short pause.
func (v *ChartsView) Update(scenarios []planner.Scenario, baseline string) {
	v.scenarios = cloneScenarios(scenarios)
	names := scenarioNames(v.scenarios)
	keep := v.Baseline.Selected
	v.Baseline.SetOptions(names)
	switch {
	case keep != "" && contains(names, keep):
		v.Baseline.Selected = keep
	case contains(names, baseline):
		v.Baseline.Selected = baseline
	default:
		v.Baseline.Selected = ""
	}
	v.Baseline.Refresh()
	v.changed()
}

func (v *ChartsView) changed() {
	if v.Chart != nil {
		// The kind's minimum size may have changed: a refresh lets the
		// canvas lay out the tab's scroll again.
		v.Chart.Refresh()
		v.Chart.Schedule()
	}
}

// kind returns the selected kind.
func (v *ChartsView) kind() plot.Kind {
	i := v.Kind.SelectedIndex()
	if i < 0 {
		i = 0
	}
	return plot.Kinds[i].Kind
}

// input snapshots the choices; it runs on the UI goroutine.
func (v *ChartsView) input() (plot.Kind, plot.Input) {
	return v.kind(), plot.Input{Catalog: v.cat, Scenarios: v.scenarios, Method: v.Method.Selected,
		Baseline: v.Baseline.Selected, Gap: v.gap, Projection: v.projection, Seed: DefaultSeed}
}

// save asks for a file and writes the chart at 1200 x 700 in format f and
// the chosen theme (light by default).
func (v *ChartsView) save(f plot.Format) {
	kind, in := v.input()
	ext := ".png"
	if f == plot.SVG {
		ext = ".svg"
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if w == nil {
			return // cancelled
		}
		uri := w.URI()
		w.Close() //nolint:errcheck // the file is written whole below
		opt, err := v.SaveOptions()
		if err == nil {
			err = SaveChart(uri, kind, in, f, opt)
		}
		if err != nil {
			dialog.ShowError(err, v.win)
		}
	}, v.win)
	d.SetFileName(string(kind) + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// SaveOptions are the options of Save PNG and Save SVG: 1200 x 700 in
// the theme SaveTheme names (light unless the user picks dark), whatever
// the window's theme.
func (v *ChartsView) SaveOptions() (plot.Options, error) {
	return plot.SaveOptions(1200, 700, v.SaveTheme.Selected)
}

// SaveChart builds and renders the chart in memory, then writes it to uri
// in one go (a local file through a temporary file and a rename).
func SaveChart(uri fyne.URI, kind plot.Kind, in plot.Input, f plot.Format, opt plot.Options) error {
	ch, err := plot.Build(kind, in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := plot.Render(ch, f, opt, &buf); err != nil {
		return err
	}
	return writeURI(uri, buf.Bytes())
}

// ChartImage is a widget that draws a plot chart at its own pixel size:
// every resize or Schedule draws again off the UI goroutine after a short
// pause, and only the newest drawing is shown.
type ChartImage struct {
	widget.BaseWidget
	// OnError is called on the UI goroutine after each drawing (nil error
	// on success).
	OnError func(error)

	input  func() (plot.Kind, plot.Input)
	img    *canvas.Image
	mu     sync.Mutex
	timer  *time.Timer
	latest Latest
	size   fyne.Size
	// minSize, if set, is the chart's legible minimum (plot.MinSize).
	minSize func() fyne.Size
}

// NewChartImage returns a chart widget; input is read on the UI goroutine
// when a drawing starts.
func NewChartImage(input func() (plot.Kind, plot.Input)) *ChartImage {
	c := &ChartImage{input: input, img: canvas.NewImageFromImage(nil)}
	c.img.FillMode = canvas.ImageFillStretch
	c.img.ScaleMode = canvas.ImageScalePixels
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *ChartImage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.img)
}

// kindMinSize returns plot.MinSize(kind) as a ChartImage.minSize.
func kindMinSize(kind plot.Kind) func() fyne.Size {
	return func() fyne.Size {
		w, h := plot.MinSize(kind)
		return fyne.NewSize(float32(w), float32(h))
	}
}

// MinSize keeps room for a legible chart: the chart kind's plot.MinSize
// (the tab scrolls below it), or 360 x 240.
func (c *ChartImage) MinSize() fyne.Size {
	if c.minSize != nil {
		return c.minSize()
	}
	return fyne.NewSize(360, 240)
}

// Resize draws again at the new size.
func (c *ChartImage) Resize(s fyne.Size) {
	c.BaseWidget.Resize(s)
	if s != c.size {
		c.size = s
		c.Schedule()
	}
}

// Schedule draws the chart again after the debounce pause; calls within
// the pause collapse into one drawing.
func (c *ChartImage) Schedule() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.timer = time.AfterFunc(chartDebounce, func() { fyne.Do(c.Draw) })
}

// Draw starts a drawing now with the current input and size; the image is
// published through fyne.Do unless a newer drawing started meanwhile.
func (c *ChartImage) Draw() {
	kind, in := c.input()
	sz := c.Size()
	opt := c.opts(0, 0)
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	opt.Width, opt.Height = int(sz.Width*scale), int(sz.Height*scale)
	opt.Scale = float64(scale)
	if opt.Width < plot.MinWidth || opt.Height < plot.MinHeight {
		return
	}
	c.latest.Run(func() func() {
		var im image.Image
		ch, err := plot.Build(kind, in)
		if err == nil {
			im, err = plot.Image(ch, opt)
		}
		return func() {
			if err == nil {
				c.img.Image = im
				c.img.Refresh()
			}
			if c.OnError != nil {
				c.OnError(err)
			}
		}
	})
}

// Image returns the image shown, or nil.
func (c *ChartImage) Image() image.Image { return c.img.Image }

// opts returns the options of a drawing of w x h pixels in the current
// Fyne theme's colours.
func (c *ChartImage) opts(w, h int) plot.Options {
	t := themeFor(fyne.CurrentApp())
	return plot.Options{Width: w, Height: h, Theme: &t}
}

// themeFor returns the plot theme matching the app's theme variant.
func themeFor(a fyne.App) plot.Theme {
	t := plot.Light()
	if a == nil {
		return t
	}
	variant := a.Settings().ThemeVariant()
	th := a.Settings().Theme()
	bg := th.Color(theme.ColorNameBackground, variant)
	if isDark(bg) {
		t = plot.Dark()
	}
	return t.WithColours(bg, th.Color(theme.ColorNameForeground, variant))
}

func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return (299*r+587*g+114*b)/1000 < 0x8000
}

func cloneScenarios(s []planner.Scenario) []planner.Scenario {
	out := make([]planner.Scenario, len(s))
	for i := range s {
		out[i] = s[i].Clone()
	}
	return out
}

func scenarioNames(s []planner.Scenario) []string {
	n := make([]string, len(s))
	for i := range s {
		n[i] = s[i].Name
	}
	return n
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// oneLine flattens an error for a label.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
