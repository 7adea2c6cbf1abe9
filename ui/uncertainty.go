package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
	"aiplan/plot"
)

// HeadlineOutputs are the outputs the Uncertainty tab summarises, in
// order: time, each cost method, energy, carbon and water.
var HeadlineOutputs = []string{
	"gpuHours", "wallClockDays", "costUSD.cloud", "costUSD.amortized", "costUSD.purchase",
	"facilityEnergyKWh", "emissionsTCO2e", "waterOnsiteL", "waterOffsiteL",
}

// UncertaintyView is the Uncertainty tab: for the selected scenario, P50
// with the P10-P90 range of the headline outputs, the ranges sampled, and
// the fan and tornado charts of a chosen output. The Monte Carlo runs off
// the UI goroutine after every edit; a newer edit cancels the run before
// it and only the newest result is shown.
type UncertaintyView struct {
	// Output picks the output of the charts (labels of planner.Outputs).
	Output *widget.Select
	// Table lists the headline outputs: label, P50, P10 - P90.
	Table *widget.Table
	// Ranges lists the uncertain inputs with their low / likely / high.
	Ranges *widget.Label
	// Status says what is shown (scenario, samples) or why nothing is.
	Status       *widget.Label
	Fan, Tornado *ChartImage
	// Samples and Seed configure the runs (planner.DefaultSamples and
	// DefaultSeed, the seed of the Charts tab and the command line).
	Samples int
	Seed    uint64
	// OnUpdated, if set, is called on the UI goroutine after each result
	// or error is shown (tests wait on it).
	OnUpdated func()

	cat     *planner.Catalog
	win     fyne.Window
	latest  Latest
	mu      sync.Mutex
	cancel  context.CancelFunc
	scen    planner.Scenario
	hasScen bool
	// the newest shown run
	sim     *planner.Simulation
	u       *planner.Uncertainty
	rows    [][3]string
	content fyne.CanvasObject
}

// NewUncertaintyView returns the Uncertainty tab for the catalogue; win
// parents its dialogs.
func NewUncertaintyView(cat *planner.Catalog, win fyne.Window) *UncertaintyView {
	v := &UncertaintyView{cat: cat, win: win, Samples: planner.DefaultSamples, Seed: DefaultSeed}
	labels := make([]string, len(planner.Outputs))
	for i, o := range planner.Outputs {
		labels[i] = o.Label
	}
	v.Output = widget.NewSelect(labels, func(string) { v.recompute() })
	v.Output.Selected = planner.OutputByPath(plot.DefaultOutput).Label
	v.Status = widget.NewLabel("Select a scenario.")
	v.Status.Wrapping = fyne.TextWrapWord
	v.Ranges = widget.NewLabel("")
	v.Ranges.Wrapping = fyne.TextWrapWord
	v.Table = widget.NewTable(
		func() (int, int) { return len(v.rows) + 1, 3 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(v.CellText(id.Row, id.Col))
		})
	v.Table.SetColumnWidth(0, outputLabelWidth(false))
	v.Table.SetColumnWidth(1, 200)
	v.Table.SetColumnWidth(2, 360)
	v.Fan = NewChartImage(func() (plot.Kind, plot.Input) { return plot.KindFan, v.chartInput() })
	v.Tornado = NewChartImage(func() (plot.Kind, plot.Input) { return plot.KindTornado, v.chartInput() })
	// Never squashed below legibility: the split gives the table the rest.
	v.Fan.minSize = kindMinSize(plot.KindFan)
	v.Tornado.minSize = kindMinSize(plot.KindTornado)
	charts := container.NewAppTabs(
		container.NewTabItem("Distribution (fan)", v.Fan),
		container.NewTabItem("What drives it (tornado)", v.Tornado))
	table := container.NewGridWrap(fyne.NewSize(770, 300), v.Table)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("Chart output"), wideSelect(v.Output, 260)),
		v.Status,
		container.NewHScroll(table),
		v.Ranges)
	v.content = container.NewVSplit(container.NewVScroll(top), charts)
	v.content.(*container.Split).Offset = 0.45
	return v
}

// Content returns the tab body.
func (v *UncertaintyView) Content() fyne.CanvasObject { return v.content }

// View returns the tab for the window's Views list.
func (v *UncertaintyView) View() View {
	return View{Title: "Uncertainty", Content: v.content, Update: v.Update}
}

// Update starts a Monte Carlo run of the selected scenario of s (cancelling
// the one before) and returns at once. When the scenario's committed inputs
// do not resolve (s.Err), nothing is run and no other scenario's figures
// stay: the table empties and Status says why.
func (v *UncertaintyView) Update(s State) {
	if s.File == nil || s.Selected < 0 || s.Selected >= len(s.File.Scenarios) {
		return
	}
	if s.Err != nil {
		v.clear(s.File.Scenarios[s.Selected].Name, s.Err)
		return
	}
	v.scen, v.hasScen = s.File.Scenarios[s.Selected].Clone(), true
	v.recompute()
}

// SetScenario runs the Monte Carlo of sc (as Update does for a state).
func (v *UncertaintyView) SetScenario(sc planner.Scenario) {
	v.scen, v.hasScen = sc.Clone(), true
	v.recompute()
}

// OutputPath returns the path of the chosen output.
func (v *UncertaintyView) OutputPath() string {
	for _, o := range planner.Outputs {
		if o.Label == v.Output.Selected {
			return o.Path
		}
	}
	return plot.DefaultOutput
}

// Result returns the Monte Carlo shown, or nil.
func (v *UncertaintyView) Result() *planner.Uncertainty { return v.u }

// recompute runs the simulation off the UI goroutine; it runs on the UI
// goroutine.
func (v *UncertaintyView) recompute() {
	if !v.hasScen {
		return
	}
	sc := v.scen.Clone()
	output, samples, seed := v.OutputPath(), v.Samples, v.Seed
	keep := []string{output}
	v.mu.Lock()
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.mu.Unlock()
	cat := v.cat
	v.latest.Run(func() func() {
		defer cancel()
		sim, err := planner.NewSimulation(cat, &sc)
		var u *planner.Uncertainty
		if err == nil {
			u, err = sim.Run(ctx, planner.Options{Samples: samples, Seed: seed, Keep: keep})
		}
		if ctx.Err() != nil {
			return nil // a newer run replaces this one
		}
		return func() { v.show(sc.Name, sim, u, err) }
	})
}

// show publishes a run; it runs on the UI goroutine.
func (v *UncertaintyView) show(name string, sim *planner.Simulation, u *planner.Uncertainty, err error) {
	defer func() {
		if v.OnUpdated != nil {
			v.OnUpdated()
		}
	}()
	if err != nil {
		v.clear(name, err)
		return
	}
	v.sim, v.u = sim, u
	v.rows = v.rows[:0]
	for _, path := range HeadlineOutputs {
		o := planner.OutputByPath(path)
		q, ok := u.Get(path)
		if o == nil || !ok {
			continue
		}
		band := "no spread"
		if q.P10 != q.P90 {
			band = planner.Human(path, q.P10) + " – " + planner.Human(path, q.P90)
		}
		v.rows = append(v.rows, [3]string{o.Label, planner.Human(path, q.P50), band})
	}
	v.Table.Refresh()
	v.Status.SetText(fmt.Sprintf("%s: %s Monte Carlo samples (seed %d) over %d uncertain inputs. P50 with the P10 – P90 range; "+
		"the Results tab keeps the point estimate.", name, planner.HumanCount(float64(u.Samples)), u.Seed, len(u.Inputs)))
	v.Ranges.SetText(rangesText(u.Inputs))
	v.Fan.Schedule()
	v.Tornado.Schedule()
}

// clear drops the shown run, cancels any running one and says why the
// scenario named name has no figures.
func (v *UncertaintyView) clear(name string, err error) {
	v.mu.Lock()
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
	v.mu.Unlock()
	v.hasScen = false
	v.latest.Run(func() func() { return nil }) // outdates a run in flight
	v.sim, v.u, v.rows = nil, nil, v.rows[:0]
	v.Table.Refresh()
	v.Ranges.SetText("")
	v.Status.SetText(fmt.Sprintf("No uncertainty for %q: %s", name, oneLine(err.Error())))
}

// CellText returns the text of a table cell; row 0 is the header.
func (v *UncertaintyView) CellText(row, col int) string {
	if row == 0 {
		return [3]string{"Output", "P50", "P10 – P90"}[col]
	}
	if row-1 < len(v.rows) {
		return v.rows[row-1][col]
	}
	return ""
}

// chartInput is the charts' input: the shown run; it runs on the UI
// goroutine.
func (v *UncertaintyView) chartInput() plot.Input {
	in := plot.Input{Catalog: v.cat, Output: v.OutputPath(), Samples: v.Samples, Seed: v.Seed}
	if v.sim != nil {
		in.Simulation, in.Uncertainty = v.sim, v.u
	}
	return in
}

// rangesText lists the uncertain inputs, one a line.
func rangesText(in []planner.Uncertain) string {
	if len(in) == 0 {
		return "No uncertain inputs: give a range to an input."
	}
	var b strings.Builder
	b.WriteString("Ranges sampled (low / likely / high):")
	for _, u := range in {
		origin := "catalogue evidence"
		switch u.Origin {
		case planner.OriginUser:
			origin = "your range"
		case planner.OriginDerived:
			origin = "spread around your value"
		}
		fmt.Fprintf(&b, "\n%s: %s / %s / %s, %s (%s)", u.Label, plot.InputText(u.Key, u.Range.Low),
			plot.InputText(u.Key, u.Range.Likely), plot.InputText(u.Key, u.Range.High), u.Range.Dist, origin)
	}
	return b.String()
}
