package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

// Select shows scenario i's inputs.
func (v *BubbleView) Select(i int) {
	if i < 0 || i >= len(v.list) || i == v.selected {
		return
	}
	v.selected = i
	v.showSelected()
	v.Own.Schedule()
	v.Tornado.Redraw()
}

// Selected returns the index of the selected scenario.
func (v *BubbleView) Selected() int { return v.selected }

// New appends Cahn's sequoia-2024 preset under a fresh name and selects it.
func (v *BubbleView) New() {
	in, err := planner.BubblePreset(v.cat, v.rep, planner.GapPreset2024)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.insert(planner.BubbleScenario{Name: v.freeName("New scenario"), GapInputs: in})
}

// Duplicate appends a copy of the selected scenario.
func (v *BubbleView) Duplicate() {
	s := cloneBubble(v.list[v.selected])
	s.Name = v.freeName(s.Name + " (copy)")
	v.insert(s)
}

func (v *BubbleView) insert(s planner.BubbleScenario) {
	if len(v.list) >= planner.MaxBubbleScenarios {
		v.Status.SetText(fmt.Sprintf("at most %d bubble-risk scenarios", planner.MaxBubbleScenarios))
		return
	}
	v.list = append(v.list, s)
	v.selected = len(v.list) - 1
	v.afterListEdit()
}

// Delete removes the selected scenario (the last one stays).
func (v *BubbleView) Delete() {
	if len(v.list) <= 1 {
		v.Status.SetText("the last bubble-risk scenario cannot be deleted")
		return
	}
	if v.list[v.selected].Name == v.baseline {
		v.baseline = ""
	}
	v.list = slices.Delete(v.list, v.selected, v.selected+1)
	v.selected = min(v.selected, len(v.list)-1)
	v.afterListEdit()
}

// Move moves the selected scenario up (-1) or down (+1).
func (v *BubbleView) Move(d int) {
	j := v.selected + d
	if j < 0 || j >= len(v.list) {
		return
	}
	v.list[v.selected], v.list[j] = v.list[j], v.list[v.selected]
	v.selected = j
	v.afterListEdit()
}

// SetBaseline makes the selected scenario the baseline of the deltas.
func (v *BubbleView) SetBaseline() {
	v.baseline = v.list[v.selected].Name
	v.afterListEdit()
}

// Rename renames the selected scenario; a bad or taken name is refused
// with a message.
func (v *BubbleView) Rename(name string) {
	old := v.list[v.selected].Name
	if name == old {
		return
	}
	if err := planner.CheckName(name); err != nil {
		v.Status.SetText(err.Error())
		return
	}
	for i := range v.list {
		if v.list[i].Name == name {
			v.Status.SetText(fmt.Sprintf("name: %q is already used", name))
			return
		}
	}
	v.list[v.selected].Name = name
	if v.baseline == old {
		v.baseline = name
	}
	v.afterListEdit()
}

func (v *BubbleView) freeName(base string) string {
	name := base
	for n := 2; slices.ContainsFunc(v.list, func(s planner.BubbleScenario) bool { return s.Name == name }); n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	return name
}

func (v *BubbleView) afterListEdit() {
	v.Status.SetText("")
	v.recompute()
	v.showSelected()
	v.List.Refresh()
	v.List.Select(v.selected)
	v.redraw()
	v.changed()
}

// setMethod switches the selected scenario to method m, starting from the
// method's own preset (its inputs differ) but keeping the name.
func (v *BubbleView) setMethod(m string) {
	if v.loading || v.list[v.selected].Method == m || (m == planner.MethodCahn && v.list[v.selected].Method == "") {
		return
	}
	id, err := planner.MethodDefaultPreset(m)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	in, err := planner.BubblePreset(v.cat, v.rep, id)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.list[v.selected].GapInputs = in
	v.afterListEdit()
	v.Status.SetText("method " + m + ": inputs from the " + id + " preset")
}

// edit applies the text of input key (or the prior-vintages check) to the
// selected scenario when the result evaluates; otherwise it shows the error
// naming the field and keeps the last valid inputs.
func (v *BubbleView) edit(key, text string, checked bool) {
	if v.loading || key == "" {
		return
	}
	s := cloneBubble(v.list[v.selected])
	in := &s.GapInputs
	if key == planner.GapKeyPriorVintages {
		in.PriorVintages = checked
	} else {
		x, err := planner.ParseQuantity(text)
		if err != nil {
			v.Status.SetText(bubbleLabels[key] + ": " + err.Error())
			return
		}
		if err := in.SetInput(key, x); err != nil {
			v.Status.SetText(err.Error())
			return
		}
	}
	if _, err := planner.EvaluateGap(*in); err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.list[v.selected] = s
	v.Status.SetText("")
	v.recompute()
	v.redraw()
	v.changed()
}

// bubbleInputText is input key of in as the entry shows it.
func bubbleInputText(in *planner.GapInputs, r *planner.GapResult, key string) string {
	switch key {
	case planner.GapKeyYear:
		return fmt.Sprint(in.Year)
	case planner.GapKeyYears:
		return fmt.Sprint(in.Years)
	case planner.GapKeyDCRevenue:
		return usdText(in.DCRevenueUSD)
	case planner.GapKeyCapex:
		return usdText(in.CapexUSD)
	case planner.GapKeyGPUShare:
		return percentText(in.GPUShare)
	case planner.GapKeyMargin:
		return percentText(in.Margin)
	case planner.GapKeyLife:
		return planner.FormatNumber(in.LifeYears)
	case planner.GapKeyReturn:
		return percentText(in.ReturnRate)
	case planner.GapKeyGrossMargin:
		return percentText(in.GrossMargin)
	case planner.GapKeyCapexRevenueRatio:
		return percentText(in.CapexRevenueRatio)
	case planner.GapKeyAIRevenue:
		return usdText(r.AIRevenueUSD)
	case planner.GapKeyCapexGrowth:
		return growthText(in.CapexGrowth)
	}
	return growthText(in.RevenueGrowth)
}

// showSelected fills the form from the selected scenario: the inputs of its
// method only (those of other methods are left out, disabled and empty).
func (v *BubbleView) showSelected() {
	v.loading = true
	defer func() { v.loading = false }()
	s := &v.list[v.selected]
	m := s.Method
	if m == "" {
		m = planner.MethodCahn
	}
	v.Name.SetText(s.Name)
	v.Method.SetSelected(m)
	own := planner.MethodKeys(m)
	items := slices.Clone(v.form.Items[:2]) // name and method
	for _, k := range bubbleInputKeys {
		e := v.Entries[k]
		if planner.MethodOf(k, m) != "" && !slices.Contains(own, k) {
			e.SetText("")
			e.SetPlaceHolder("not an input of " + m)
			e.Disable()
			continue
		}
		e.Enable()
		e.SetText(bubbleInputText(&s.GapInputs, &v.results[v.selected].GapResult, k))
		items = append(items, v.formItems[k])
	}
	v.Prior.SetChecked(s.PriorVintages)
	if slices.Contains(own, planner.GapKeyPriorVintages) {
		v.Prior.Enable()
		items = append(items, v.formItems[planner.GapKeyPriorVintages])
	} else {
		v.Prior.Disable()
	}
	if !slices.Equal(items, v.form.Items) {
		// a new form: widget.Form keeps its first widgets on Refresh
		v.form = widget.NewForm(items...)
		v.formBox.Objects = []fyne.CanvasObject{v.form}
		v.formBox.Refresh()
	}
}

// recompute evaluates every scenario and the indicator table (the list is
// always valid: edits are checked before they apply).
func (v *BubbleView) recompute() {
	res, err := planner.EvaluateBubble(v.list)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.results = res
	v.rows = planner.CompareBubble(res, v.baseline)
	if v.Table != nil {
		v.Table.Refresh()
	}
}

func (v *BubbleView) redraw() {
	v.Compare.Schedule()
	v.Own.Schedule()
	v.Tornado.Redraw()
}

func (v *BubbleView) changed() {
	if v.OnChanged != nil {
		v.OnChanged()
	}
}

// cloneBubble copies a scenario with its own revenue table and override.
func cloneBubble(s planner.BubbleScenario) planner.BubbleScenario {
	s.Revenue = slices.Clone(s.Revenue)
	if s.AIRevenueUSD != nil {
		x := *s.AIRevenueUSD
		s.AIRevenueUSD = &x
	}
	return s
}
