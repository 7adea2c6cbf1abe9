package ui

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"aiplan/planner"
)

var (
	modelSteps = flag.Int("ui.steps", 2000, "steps of the model-based window test (TestWindowModel)")
	modelSeed  = flag.Uint64("ui.seed", 1, "first seed of the model-based window test")
)

// windowModel is what the window should hold, kept apart from it: the
// committed scenario set, the selection, the entry being typed into with
// its saved value, and which entries show refused text.
type windowModel struct {
	file    *planner.File
	sel     int
	focus   string // the focused input key, "name", or ""
	editing bool
	key     string
	base    float64
	had     bool
	refused map[string]bool
	badName bool
}

func (m *windowModel) cur() *planner.Scenario { return &m.file.Scenarios[m.sel] }

// reload is a new selection or set: typed text and refusals are dropped.
func (m *windowModel) reload() {
	m.editing = false
	clear(m.refused)
	m.badName = false
}

// focusOn moves the keyboard focus: the entry losing it ends its typing.
func (m *windowModel) focusOn(k string) {
	if m.focus != k && m.editing && m.key == m.focus {
		m.editing = false
	}
	m.focus = k
}

// typed applies the full text of entry key after one keystroke.
func (m *windowModel) typed(key, text string) {
	sc := m.cur()
	if !m.editing || m.key != key {
		m.editing, m.key = true, key
		m.base, m.had = sc.Value(key)
	}
	v, set, ok := 0.0, false, true
	if t := strings.TrimSpace(text); t != "" {
		var err error
		v, err = planner.ParseQuantity(t)
		ok = err == nil && planner.FieldByKey(key).Check(v) == nil
		set = true
	}
	if !ok {
		m.refused[key] = true
		v, set = m.base, m.had
	} else {
		delete(m.refused, key)
	}
	if set {
		sc.Set(key, v)
	} else {
		sc.Unset(key)
	}
}

// modelTexts are typed into the numeric inputs: valid, out of range and
// not numbers at all.
var modelTexts = []string{"lots", "1t", "-", "150%", "0", "1e400", ",", "1,2", "$", "NaN", " 12 ", "2.5x", "30%", "1.5"}

// textFor returns text to type into field f: half the time a valid value.
func textFor(r *rand.Rand, f *planner.Field) string {
	if r.IntN(2) == 0 {
		return modelTexts[r.IntN(len(modelTexts))]
	}
	lo, hi := math.Max(f.Min, 1e-3), f.Max
	v := math.Exp(math.Log(lo) + r.Float64()*(math.Log(hi)-math.Log(lo)))
	// Three significant digits, as a person types a figure.
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	if f.Integer {
		v = math.Round(v)
	}
	if f.Min == 0 && r.IntN(4) == 0 {
		v = 0
	}
	return formatInput(f, v)
}

var modelNames = []string{"", "Alpha", "=SUM(A1)", "GPT-4 class", "New scenario", "Llama 3 405B", "Nächster Lauf"}

// TestWindowModel drives the window with seeded random sequences of
// select, typing valid and invalid text character by character, clear,
// rename, duplicate, new, delete, reorder, reset, choice, open and sweep;
// after every step the results panel must name the selected scenario and
// show exactly what planner.Evaluate gives for its committed inputs, and
// the window's set must equal the model's. -ui.steps sets the step count
// (2,000 by default, 300 with -short), -ui.seed the seed.
func TestWindowModel(t *testing.T) {
	w := newTestWindow(t)
	cat, defs := testData(t)
	openPath := filepath.Join(t.TempDir(), "open.aiplan")
	alt := cloneFile(defs)
	alt.Scenarios = append(alt.Scenarios[:2], planner.Scenario{Name: "Unfinished", GPU: alt.Scenarios[0].GPU, Values: map[string]float64{}})
	data, err := alt.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(openPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	steps := *modelSteps
	if testing.Short() {
		steps = min(steps, 300)
	}
	m := &windowModel{file: cloneFile(defs), refused: map[string]bool{}}
	r := rand.New(rand.NewPCG(*modelSeed, 2026))
	var log []string
	for step := range steps {
		desc := modelStep(t, w, m, r, openPath, cat)
		log = append(log, desc)
		if len(log) > 12 {
			log = log[1:]
		}
		if msg := checkModel(w, m, cat); msg != "" {
			t.Fatalf("step %d (seed %d): %s\nlast steps:\n  %s", step, *modelSeed, msg, strings.Join(log, "\n  "))
		}
	}
}

// modelStep does one random action on the window and the model and
// describes it.
func modelStep(t *testing.T, w *Window, m *windowModel, r *rand.Rand, openPath string, cat *planner.Catalog) string {
	n := len(m.file.Scenarios)
	switch a := r.IntN(100); {
	case a < 12: // select through the list
		i := r.IntN(n)
		w.List.Select(i)
		if i != m.sel {
			m.sel = i
			m.reload()
		}
		return fmt.Sprintf("select %d", i)
	case a < 52: // type into an input, character by character
		f := &planner.Fields[r.IntN(len(planner.Fields))]
		e := w.Editor.Entries[f.Key]
		w.Window.Canvas().Focus(e)
		m.focusOn(f.Key)
		text := textFor(r, f)
		if r.IntN(3) > 0 {
			e.SetText("")
			m.typed(f.Key, "")
		}
		// Typing goes in at the entry's cursor: the model reads the
		// text the entry then holds, as the person sees it.
		for _, c := range text {
			test.Type(e, string(c))
			m.typed(f.Key, e.Text)
		}
		return fmt.Sprintf("type %q into %s (now %q)", text, f.Key, e.Text)
	case a < 57: // clear an input
		f := &planner.Fields[r.IntN(len(planner.Fields))]
		e := w.Editor.Entries[f.Key]
		w.Window.Canvas().Focus(e)
		m.focusOn(f.Key)
		e.SetText("")
		m.typed(f.Key, "")
		return "clear " + f.Key
	case a < 63: // undo by reset
		f := &planner.Fields[r.IntN(len(planner.Fields))]
		if _, set := m.cur().Value(f.Key); !set {
			return "reset " + f.Key + " (disabled)"
		}
		test.Tap(w.Editor.Reset[f.Key])
		m.editing = false
		delete(m.refused, f.Key)
		m.cur().Unset(f.Key)
		return "reset " + f.Key
	case a < 70: // rename, character by character
		name := modelNames[r.IntN(len(modelNames))]
		w.Window.Canvas().Focus(w.Editor.Name)
		m.focusOn("name")
		w.Editor.Name.SetText("")
		m.rename("")
		for _, c := range name {
			test.Type(w.Editor.Name, string(c))
			m.rename(w.Editor.Name.Text)
		}
		return fmt.Sprintf("rename to %q", name)
	case a < 75:
		test.Tap(w.DuplicateButton)
		m.sel = m.file.Duplicate(m.sel)
		m.reload()
		return "duplicate"
	case a < 78:
		test.Tap(w.NewButton)
		m.sel = m.file.AddNew(m.sel, m.cur().GPU)
		m.reload()
		m.focusOn("name")
		return "new"
	case a < 83:
		w.Delete()
		if next, ok := m.file.Delete(m.sel); ok {
			m.sel = next
			m.reload()
		}
		return "delete"
	case a < 90: // reorder
		by := 1 - 2*r.IntN(2)
		if by < 0 {
			test.Tap(w.UpButton)
		} else {
			test.Tap(w.DownButton)
		}
		if j, ok := m.file.Move(m.sel, by); ok {
			m.sel = j
			m.editing = false
		}
		return fmt.Sprintf("move %+d", by)
	case a < 95: // a choice
		keys := []string{planner.KeyPrecision, planner.KeyEnergy, planner.KeyGPU, planner.KeyPriceTier}
		key := keys[r.IntN(len(keys))]
		i := r.IntN(len(w.Editor.choiceIDs[key]))
		id := w.Editor.choiceIDs[key][i]
		w.Editor.Selects[key].SetSelected(w.Editor.choiceLabels[key][i])
		if m.cur().Choice(key) != id {
			m.cur().SetChoice(key, id)
			m.editing = false
		}
		return "choose " + key + " " + id
	case a < 97:
		if err := w.OpenURI(storage.NewFileURI(openPath)); err != nil {
			t.Fatal(err)
		}
		f, err := planner.ReadFile(strings.NewReader(mustRead(t, openPath)))
		if err != nil {
			t.Fatal(err)
		}
		m.file, m.sel = f, 0
		m.reload()
		return "open"
	default: // sweep the selected scenario's accelerators
		scs, err := planner.Sweep(context.Background(), cat, m.cur().Clone(),
			[]planner.Vary{{Key: planner.KeyGPUs, Values: []string{"1000", "2000"}}}, nil)
		if err != nil {
			return "sweep refused: " + err.Error()
		}
		mine := make([]planner.Scenario, len(scs))
		for i := range scs {
			mine[i] = scs[i].Clone()
		}
		w.AddScenarios(scs)
		m.sel = m.file.Append(mine)
		m.reload()
		return fmt.Sprintf("sweep (%d)", len(scs))
	}
}

func (m *windowModel) rename(name string) {
	m.editing = false
	m.badName = m.file.Rename(m.sel, name) != nil
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkModel compares the window with the model and returns the first
// difference, or "".
func checkModel(w *Window, m *windowModel, cat *planner.Catalog) string {
	got := w.File()
	if len(got.Scenarios) != len(m.file.Scenarios) || got.Baseline != m.file.Baseline {
		return fmt.Sprintf("set: want %d scenarios, baseline %q; got %d, %q", len(m.file.Scenarios), m.file.Baseline, len(got.Scenarios), got.Baseline)
	}
	for i := range got.Scenarios {
		g, want := &got.Scenarios[i], &m.file.Scenarios[i]
		if g.Name != want.Name || g.GPU != want.GPU || g.Precision != want.Precision || g.Energy != want.Energy ||
			g.PriceTier != want.PriceTier || !maps.Equal(g.Values, want.Values) {
			return fmt.Sprintf("scenario %d: want %q %v, got %q %v", i, want.Name, want.Values, g.Name, g.Values)
		}
	}
	if w.Selected() != m.sel {
		return fmt.Sprintf("selection: want %d, got %d", m.sel, w.Selected())
	}
	sc := m.cur()
	if got := w.Results.Title.Text; got != sc.Name {
		return fmt.Sprintf("results: want headed %q, got %q", sc.Name, got)
	}
	if !m.badName && w.Editor.Name.Text != sc.Name {
		return fmt.Sprintf("editor: want name %q, got %q", sc.Name, w.Editor.Name.Text)
	}
	for _, f := range planner.Fields {
		_, set := sc.Value(f.Key)
		if w.Editor.Reset[f.Key].Disabled() == set {
			return fmt.Sprintf("reset of %s: want enabled = %v", f.Key, set)
		}
	}
	status := w.Results.Status.Text
	res, err := planner.Resolve(cat, sc)
	if err != nil {
		for p, l := range w.Results.Values {
			if l.Text != "—" {
				return fmt.Sprintf("%s of unresolved %q: want —, got %q", p, sc.Name, l.Text)
			}
		}
		if !strings.Contains(status, "No results") {
			return fmt.Sprintf("status of unresolved %q: want No results, got %q", sc.Name, status)
		}
		return ""
	}
	out := planner.Evaluate(&res.Inputs)
	for p, l := range w.Results.Values {
		if want := modelHuman(p, &out.Totals); l.Text != want {
			return fmt.Sprintf("%s of %q: want %q, got %q (status %q)", p, sc.Name, want, l.Text, status)
		}
	}
	for p, l := range w.Results.Programme {
		if want := modelHuman(p, &out.WithExperiments); l.Text != want {
			return fmt.Sprintf("programme %s of %q: want %q, got %q", p, sc.Name, want, l.Text)
		}
	}
	if want := planner.HumanUSD(out.CostBreakdownUSD.Staff); w.Results.Staff.Text != want {
		return fmt.Sprintf("staff: want %q, got %q", want, w.Results.Staff.Text)
	}
	if len(m.refused) > 0 != strings.Contains(status, "saved inputs") {
		return fmt.Sprintf("status: refused entries %v, got %q", m.refused, status)
	}
	if w.Editor.Selects[planner.KeyPrecision].Selected == "" {
		return "precision: want a selection, got none"
	}
	return ""
}

func modelHuman(path string, t *planner.Totals) string {
	v, ok := planner.OutputByPath(path).Get(t)
	if !ok {
		return "n/a"
	}
	return planner.Human(path, v)
}
