package ui

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"aiplan/assets"
	"aiplan/planner"
	"aiplan/plot"
)

// bubbleModel is the reference of the Bubble risk tab's list: the rules of
// issue 12 written plainly (new and duplicate get a free name, delete keeps
// one and clears a deleted baseline, rename refuses bad or taken names and
// carries the baseline, an edit applies only when the planner accepts it).
type bubbleModel struct {
	list     []planner.BubbleScenario
	baseline string
	selected int
}

func (m *bubbleModel) free(base string) string {
	name := base
	for n := 2; slices.ContainsFunc(m.list, func(s planner.BubbleScenario) bool { return s.Name == name }); n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	return name
}

func (m *bubbleModel) add(s planner.BubbleScenario) {
	if len(m.list) < planner.MaxBubbleScenarios {
		m.list = append(m.list, s)
		m.selected = len(m.list) - 1
	}
}

func (m *bubbleModel) rename(name string) {
	old := m.list[m.selected].Name
	taken := slices.ContainsFunc(m.list, func(s planner.BubbleScenario) bool { return s.Name == name })
	if name == old || planner.CheckName(name) != nil || taken {
		return
	}
	m.list[m.selected].Name = name
	if m.baseline == old {
		m.baseline = name
	}
}

// edit applies text to input key of the selected scenario when it parses,
// is in range and the model evaluates.
func (m *bubbleModel) edit(key, text string) {
	s := cloneBubble(m.list[m.selected])
	x, err := planner.ParseQuantity(text)
	if err != nil || s.SetInput(key, x) != nil {
		return
	}
	if _, err := planner.EvaluateGap(s.GapInputs); err == nil {
		m.list[m.selected] = s
	}
}

// bubbleTexts are typed into the inputs: valid values, values out of
// range, text that is not a number, and hostile magnitudes.
var bubbleTexts = []string{"2024", "2030", "3", "12", "0", "-5", "1e400", "NaN", "abc", "", "50%", "25%", "90%", "150%",
	"0.2", "$300B", "$2T", "1.5x", "0.05x", "1x", "7", "2.5", "$0"}

// bubbleNames are tried as new names: fresh, taken, empty, hostile.
var bubbleNames = []string{"Bear", "Bull", "=SUM(A1)", "", "  ", "Sequoia 2024: the $600B question", "New scenario", "x" + strings.Repeat("y", 300), "Ωmega"}

// TestBubbleViewModel drives the Bubble risk tab through the Fyne test
// driver with random seeded sequences of new, duplicate, rename, delete,
// reorder, baseline, select, method and input edits, and after every step
// checks the view against the reference model and the planner: the list,
// selection and baseline, the indicator table (planner.CompareBubble of
// planner.EvaluateBubble of the list, and its text), the comparison chart's
// scenarios, the selected scenario's waterfall and tornado inputs.
func TestBubbleViewModel(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			v, win, _ := newTestBubbleView(t)
			cat, _ := testData(t)
			rep, _ := assets.Reported()
			m := &bubbleModel{list: v.Scenarios(), baseline: v.baseline, selected: v.Selected()}
			rng := rand.New(rand.NewPCG(seed, 12))
			for step := range 120 {
				op := bubbleStep(t, v, win, m, rng, cat, rep)
				checkBubbleModel(t, fmt.Sprintf("seed %d step %d (%s)", seed, step, op), v, m)
				if t.Failed() {
					return
				}
			}
		})
	}
}

// bubbleStep performs one random operation on the view and the model and
// returns its description.
func bubbleStep(t *testing.T, v *BubbleView, win fyne.Window, m *bubbleModel, rng *rand.Rand, cat *planner.Catalog, rep *planner.ReportedData) string {
	t.Helper()
	switch op := rng.IntN(10); op {
	case 0:
		in, err := planner.BubblePreset(cat, rep, planner.GapPreset2024)
		if err != nil {
			t.Fatal(err)
		}
		test.Tap(v.Buttons.New)
		m.add(planner.BubbleScenario{Name: m.free("New scenario"), GapInputs: in})
		return "new"
	case 1:
		s := cloneBubble(m.list[m.selected])
		s.Name = m.free(s.Name + " (copy)")
		test.Tap(v.Buttons.Duplicate)
		m.add(s)
		return "duplicate"
	case 2:
		test.Tap(v.Buttons.Delete)
		if len(m.list) > 1 {
			if m.list[m.selected].Name == m.baseline {
				m.baseline = ""
			}
			m.list = slices.Delete(m.list, m.selected, m.selected+1)
			m.selected = min(m.selected, len(m.list)-1)
		}
		return "delete"
	case 3, 4:
		d := 1
		b := v.Buttons.Down
		if op == 3 {
			d, b = -1, v.Buttons.Up
		}
		test.Tap(b)
		if j := m.selected + d; j >= 0 && j < len(m.list) {
			m.list[m.selected], m.list[j] = m.list[j], m.list[m.selected]
			m.selected = j
		}
		return fmt.Sprint("move ", d)
	case 5:
		test.Tap(v.Buttons.Baseline)
		m.baseline = m.list[m.selected].Name
		return "baseline"
	case 6:
		name := bubbleNames[rng.IntN(len(bubbleNames))]
		win.Canvas().Focus(v.Name)
		v.Name.SetText(name)
		v.Name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		m.rename(name)
		return fmt.Sprintf("rename %q", name)
	case 7:
		i := rng.IntN(len(m.list))
		v.List.Select(i)
		m.selected = i
		return fmt.Sprint("select ", i)
	case 8:
		meth := planner.BubbleMethods()[rng.IntN(3)]
		v.Method.SetSelected(meth)
		cur := m.list[m.selected].Method
		if cur != meth && !(cur == "" && meth == planner.MethodCahn) {
			id, _ := planner.MethodDefaultPreset(meth)
			in, err := planner.BubblePreset(cat, rep, id)
			if err != nil {
				t.Fatal(err)
			}
			m.list[m.selected].GapInputs = in
		}
		return "method " + meth
	}
	var keys []string
	for _, k := range bubbleInputKeys {
		if !v.Entries[k].Disabled() {
			keys = append(keys, k)
		}
	}
	k, text := keys[rng.IntN(len(keys))], bubbleTexts[rng.IntN(len(bubbleTexts))]
	win.Canvas().Focus(v.Entries[k])
	v.Entries[k].SetText(text)
	m.edit(k, text)
	return fmt.Sprintf("edit %s %q", k, text)
}

// checkBubbleModel compares the view with the model and the planner.
func checkBubbleModel(t *testing.T, at string, v *BubbleView, m *bubbleModel) {
	t.Helper()
	same := func(a, b any) bool {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		return string(x) == string(y)
	}
	if !same(v.Scenarios(), m.list) || v.Selected() != m.selected || v.baseline != m.baseline {
		t.Fatalf("%s: view %d scenarios, selected %d, baseline %q; model %d, %d, %q", at,
			len(v.Scenarios()), v.Selected(), v.baseline, len(m.list), m.selected, m.baseline)
	}
	res, err := planner.EvaluateBubble(m.list)
	if err != nil {
		t.Fatalf("%s: the model's list does not evaluate: %v", at, err)
	}
	rows := planner.CompareBubble(res, m.baseline)
	if !same(v.Rows(), rows) {
		t.Fatalf("%s: indicator rows differ from planner.CompareBubble", at)
	}
	if r, c := v.Table.Length(); r != len(rows)+1 || c != len(bubbleColumns) {
		t.Fatalf("%s: table %dx%d, want %dx%d", at, r, c, len(rows)+1, len(bubbleColumns))
	}
	for i, row := range rows {
		name := row.Name
		if row.Baseline {
			name = "★ " + name
		}
		want := []string{name, row.Indicators.Method, planner.HumanUSD(row.Indicators.RequiredUSD),
			planner.HumanUSD(row.Indicators.RevenueUSD), planner.HumanUSD(row.Indicators.GapUSD)}
		for c, w := range want {
			if got := v.cell(i+1, c); got != w {
				t.Fatalf("%s: cell (%d,%d) %q, want %q", at, i+1, c, got, w)
			}
		}
	}
	kind, in := v.Compare.input()
	if kind != plot.KindGapCompare || !same(in.Bubble, m.list) {
		t.Fatalf("%s: comparison chart input differs from the list", at)
	}
	sel := m.list[m.selected]
	if kind, in := v.Own.input(); kind != plot.KindWaterfall || !same(in.Gap, sel.GapInputs) {
		t.Fatalf("%s: waterfall input is not the selected scenario's", at)
	}
	// a refused name may stay in the entry (to be corrected); a name the
	// list would take never does
	refused := planner.CheckName(v.Name.Text) != nil ||
		slices.ContainsFunc(m.list, func(s planner.BubbleScenario) bool { return s.Name == v.Name.Text })
	if (v.Name.Text != sel.Name && !refused) || v.Method.Selected != res[m.selected].Method {
		t.Fatalf("%s: form shows %q (%s), want %q (%s)", at, v.Name.Text, v.Method.Selected, sel.Name, res[m.selected].Method)
	}
	tor, err := v.tornado(planner.GapOutputGap)
	if err != nil || tor.T.Base != res[m.selected].GapUSD || tor.Scenario != sel.Name {
		t.Fatalf("%s: tornado base %v (%v), want the selected gap %v", at, tor, err, res[m.selected].GapUSD)
	}
}
