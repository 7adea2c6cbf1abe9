package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"

	"aiplan/planner"
)

// DefaultSeed is the Monte Carlo seed of every uncertainty figure the window
// shows (the Charts tab's fan chart and the Uncertainty tab), the same as the
// command line's --seed default, so one scenario gives one P10 everywhere.
const DefaultSeed uint64 = 1

// View is an extra tab of the results area (charts, comparison, back-test,
// uncertainty, bubble gap). Window.New adds one tab per View, after
// "Results", in the order given.
type View struct {
	// Title is the tab label.
	Title string
	// Industry marks a tab that does not read the selected training
	// scenario (bubble risk, industry, back-test): while it is shown the
	// scenario list and editor collapse and the tab gets the whole width.
	// A view with no Update is industry-level too.
	Industry bool
	// Content is the tab body.
	Content fyne.CanvasObject
	// Update shows a new state. It runs on the UI goroutine after every
	// change and must return quickly: slow work (charts, simulations) goes
	// through a Latest, which runs it off the UI goroutine and publishes the
	// newest outcome with fyne.Do. Nil means the view never updates.
	Update func(s State)
}

// IndustryLevel returns v marked as an industry-level tab (View.Industry).
func IndustryLevel(v View) View {
	v.Industry = true
	return v
}

// State is what the window shows after a change: the scenario set, the
// selected scenario and its evaluation. Views must treat it as read-only;
// File is a snapshot that later edits do not change.
type State struct {
	Catalog *planner.Catalog
	// File is a copy of the open scenario set.
	File *planner.File
	// Selected is the index of the selected scenario in File.Scenarios.
	Selected int
	// Result and Resolution are the evaluation of the selected scenario's
	// committed inputs (File.Scenarios[Selected]; text an entry refuses is
	// never committed). Both are zero when those inputs do not resolve.
	Result     planner.Result
	Resolution *planner.Resolution
	// Err is the planner's refusal of the selected scenario's committed
	// inputs (nil when Result is theirs). Views show nothing of another
	// scenario meanwhile.
	Err error
}

// Latest runs background work and publishes only the newest outcome: when
// Run is called again before earlier work finishes, the earlier publish
// step is dropped. The zero value is ready to use.
type Latest struct {
	gen atomic.Uint64
	// finished, if set, runs at the end of every goroutine (tests).
	finished func()
}

// Run calls work on a new goroutine; the function it returns (if not nil)
// runs on the UI goroutine through fyne.Do, unless a newer Run has started.
func (l *Latest) Run(work func() (publish func())) {
	g := l.gen.Add(1)
	go func() {
		if l.finished != nil {
			defer l.finished()
		}
		publish := work()
		if publish == nil {
			return
		}
		fyne.Do(func() {
			if l.gen.Load() == g {
				publish()
			}
		})
	}()
}
