package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// GapView is the "Bubble gap" tab: three views, each with its own state and
// its own part of the scenario file: the gap model (Model, Gap chart and
// Waterfall pages, planner.File.Gap), the serving economics (Serving,
// File.Serving) and the frontier training-cost projection (Training cost,
// File.Projection). The only link between them is the gap model's
// first-year gap, which the serving view takes to count the services that
// would close it.
type GapView struct {
	Model      *GapModelView
	Serving    *ServingView
	Projection *ProjectionView
	Tabs       *container.AppTabs

	// OnChanged is called on the UI goroutine after the user changes a
	// valid input of any of the three (not after SetInputs and friends):
	// the window then calls Store, the one way the views write the file.
	OnChanged func()
}

// Preset choices of the gap and serving selects.
const presetCustom = "Custom"

// NewGapView returns the Bubble gap tab, showing the sequoia-2024 preset,
// the catalogue's default projection and the epoch2025 serving preset. It
// fails when the catalogue lacks a figure the presets need.
func NewGapView(cat *planner.Catalog) (*GapView, error) {
	serving, err := newServingView(cat)
	if err != nil {
		return nil, err
	}
	model, err := newGapModelView(cat)
	if err != nil {
		return nil, err
	}
	proj, err := newProjectionView(cat)
	if err != nil {
		return nil, err
	}
	v := &GapView{Model: model, Serving: serving, Projection: proj}
	serving.SetGap(model.Result().GapUSD)
	model.OnResult = func(r planner.GapResult) { serving.SetGap(r.GapUSD) }
	model.OnChanged, serving.OnChanged, proj.OnChanged = v.changed, v.changed, v.changed
	v.Tabs = container.NewAppTabs(
		container.NewTabItem("Model", model.page),
		container.NewTabItem("Gap chart", model.GapChart),
		container.NewTabItem("Waterfall", model.WaterfallChart),
		container.NewTabItem("Serving", serving.Content()),
		container.NewTabItem("Training cost", proj.Content()),
	)
	v.Tabs.OnSelected = func(*container.TabItem) {
		scheduleShown(model.GapChart, model.WaterfallChart, proj.Chart)
	}
	return v, nil
}

func (v *GapView) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// Content returns the tab body.
func (v *GapView) Content() fyne.CanvasObject { return v.Tabs }

// View returns the tab for the window's Views list.
func (v *GapView) View() View {
	return View{Title: "Bubble gap", Content: v.Tabs, Update: v.Update}
}

// Update shows a new window state: the projection chart takes the
// scenarios, and each view reloads its part of s.File (nil: its preset)
// only when that part changed since the view last loaded or stored it, so
// typing is never undone.
func (v *GapView) Update(s State) {
	if s.File == nil {
		return
	}
	v.Model.update(s.File)
	v.Serving.update(s.File)
	v.Projection.update(s.File)
}

// Store writes the three views' last valid inputs into f.
func (v *GapView) Store(f *planner.File) {
	v.Model.store(f)
	v.Serving.store(f)
	v.Projection.store(f)
}

func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}
