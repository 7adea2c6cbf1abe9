package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// Equivalent keys in the catalogue's macro figures.
const (
	EquivBottle = planner.EquivBottle
	EquivCar    = planner.EquivCar
	EquivHome   = planner.EquivHome
)

// Results shows the headline figures of one evaluated scenario in human
// units: the three cost methods, time, energy, carbon, water, the
// programme totals with experiments, and relatable equivalents.
type Results struct {
	// Title names the scenario shown; Status says whether the figures are
	// current or the last valid ones while an input is refused.
	Title, Status *widget.Label
	// Values and Programme are keyed by planner output path
	// ("costUSD.cloud", "wallClockDays", ...): the final run and the
	// programme total (final run x experiments multiplier).
	Values    map[string]*widget.Label
	Programme map[string]*widget.Label
	// Staff is the staff and R&D cost, reported apart.
	Staff *widget.Label
	// Equivalents and EquivalentSources are keyed by EquivBottle,
	// EquivCar and EquivHome; a key missing from the catalogue has no row.
	Equivalents       map[string]*widget.Label
	EquivalentSources map[string]*widget.Label
	// Content is the scrollable panel.
	Content *container.Scroll
	// Rate states the money basis beside the cost figures ("at 0.9239
	// EUR/USD, 2024 ECB average; nominal EUR"); CurrencyButton opens the
	// currency setting (the window sets its action).
	Rate           *widget.Label
	CurrencyButton *widget.Button

	cat *planner.Catalog
	// money is the basis figures are shown in (see currency.go); nominal
	// USD until SetCurrency.
	money moneyView
}

// staffPath is the staff and R&D cost, shown apart from the cost methods.
const staffPath = "costBreakdownUSD.staff"

var equivRows = []struct{ key, title string }{
	{EquivBottle, "50 cl bottles of water"},
	{EquivCar, "average cars driven for a year"},
	{EquivHome, "homes powered for a year"},
}

// NewResults builds the results panel; the catalogue supplies the factors
// of the equivalents.
func NewResults(cat *planner.Catalog) *Results {
	r := &Results{
		Values: map[string]*widget.Label{}, Programme: map[string]*widget.Label{},
		Equivalents: map[string]*widget.Label{}, EquivalentSources: map[string]*widget.Label{},
		cat: cat,
	}
	r.Title = heading("")
	r.Title.SizeName = theme.SizeNameHeadingText
	r.Title.Wrapping = fyne.TextWrapWord
	r.Status = detailLabel()

	costs := container.New(layout.NewGridLayoutWithColumns(3))
	for _, o := range planner.Outputs {
		if o.Section != planner.SectionCost {
			continue
		}
		v := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v.SizeName = theme.SizeNameHeadingText
		v.Importance = widget.HighImportance
		r.Values[o.Path] = v
		cap := detailLabel()
		cap.SetText(o.Caption)
		costs.Add(container.NewVBox(widget.NewLabelWithStyle(o.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v, cap))
	}
	r.Rate = detailLabel()
	r.Rate.Wrapping = fyne.TextWrapWord
	r.CurrencyButton = widget.NewButton("Currency…", nil)
	r.money = nominalView()
	rateRow := container.NewBorder(nil, nil, nil, r.CurrencyButton, r.Rate)
	rows := []fyne.CanvasObject{r.Title, r.Status, widget.NewSeparator(), rateRow, costs}

	// One form for every section keeps the value column aligned.
	form := container.New(layout.NewFormLayout())
	section := planner.SectionCost // shown above
	for _, o := range bySection() {
		if o.Section == planner.SectionCost {
			continue
		}
		if o.Section != section {
			section = o.Section
			form.Add(heading(section))
			form.Add(layout.NewSpacer())
		}
		v := valueLabel()
		r.Values[o.Path] = v
		form.Add(widget.NewLabel(o.Label))
		form.Add(v)
	}
	r.Staff = valueLabel()
	form.Add(widget.NewLabel(planner.OutputByPath(staffPath).Label))
	form.Add(r.Staff)
	progNote := detailLabel()
	progNote.SetText("final run x experiments multiplier")
	form.Add(heading("Programme total"))
	form.Add(progNote)
	for _, o := range bySection() {
		if o.Programme {
			v := valueLabel()
			r.Programme[o.Path] = v
			form.Add(widget.NewLabel(o.Label))
			form.Add(v)
		}
	}
	rows = append(rows, widget.NewSeparator(), form)

	eq := container.NewVBox()
	for _, e := range equivRows {
		if _, ok := cat.Macro.Figures[e.key]; !ok {
			continue
		}
		v := valueLabel()
		src := detailLabel()
		src.SetText(r.equivSource(e.key))
		r.Equivalents[e.key], r.EquivalentSources[e.key] = v, src
		eq.Add(container.NewVBox(v, src))
	}
	if len(r.Equivalents) > 0 {
		rows = append(rows, widget.NewSeparator(), heading("In everyday terms (final run)"), eq)
	}
	r.Content = container.NewVScroll(container.NewPadded(container.NewVBox(rows...)))
	return r
}

// bySection returns planner.Outputs in the order of their sections.
func bySection() []planner.Output {
	var out []planner.Output
	for _, section := range planner.Sections {
		for _, o := range planner.Outputs {
			if o.Section == section {
				out = append(out, o)
			}
		}
	}
	return out
}

func valueLabel() *widget.Label {
	l := widget.NewLabelWithStyle("—", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (r *Results) equivSource(key string) string {
	f := r.cat.Macro.Figures[key]
	unit := f.Unit
	s := "Factor " + sig3(f.Value) + " " + unit
	if f.Assumption != "" {
		return s + "; assumption: " + f.Assumption
	}
	s += "; " + r.cat.Citation(f.Source)
	if f.Date != "" {
		s += ", " + f.Date
	}
	return s
}

// Show displays the evaluation of the scenario named name (its prices
// taken as undated when the basis is in constant dollars: ShowInputs).
func (r *Results) Show(name string, res planner.Result) { r.ShowInputs(name, res, nil) }

// ShowInputs displays the evaluation of the scenario named name, its money
// in the chosen currency (deflated from the dates of inputs' prices when
// the basis is in constant dollars).
func (r *Results) ShowInputs(name string, res planner.Result, inputs map[string]planner.Resolved) {
	setText(r.Title, name)
	res, note := r.money.deflate(res, inputs)
	setLabel(r.Status, "Figures in "+r.money.note()+note+".", widget.LowImportance)
	setText(r.Rate, r.money.rateLine())
	for p, l := range r.Values {
		setText(l, r.money.human(p, &res.Totals))
	}
	for p, l := range r.Programme {
		setText(l, r.money.human(p, &res.WithExperiments))
	}
	setText(r.Staff, r.money.money(res.CostBreakdownUSD.Staff))
	for _, e := range planner.Equivalents(r.cat, &res.Totals) {
		if l, ok := r.Equivalents[e.Key]; ok {
			setText(l, "≈ "+planner.HumanCount(e.Count)+" "+e.What)
		}
	}
}

// ShowError keeps the figures shown and says why they are not current.
func (r *Results) ShowError(err error, shown string) {
	msg := "Input refused: " + err.Error() + "."
	if shown != "" {
		msg += " Showing the last valid results (" + shown + ")."
	}
	setLabel(r.Status, msg, widget.DangerImportance)
}

func human(path string, t *planner.Totals) string {
	o := planner.OutputByPath(path)
	v, ok := o.Get(t)
	if !ok {
		return "n/a"
	}
	return planner.Human(path, v)
}

// setLabel sets a label's text and importance, refreshing only on change.
func setLabel(l *widget.Label, s string, imp widget.Importance) {
	if l.Text != s || l.Importance != imp {
		l.Text, l.Importance = s, imp
		l.Refresh()
	}
}

func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}
