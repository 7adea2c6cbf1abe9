package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"aiplan/planner"
)

func TestOpensOnDefaults(t *testing.T) {
	w := newTestWindow(t)
	if got := len(w.File().Scenarios); got != 6 {
		t.Fatalf("scenarios: want 6, got %d", got)
	}
	if got := w.Window.Title(); got != AppTitle {
		t.Errorf("title: want %q, got %q", AppTitle, got)
	}
	// The seed's figure: 57M GPU-hours x AWS p4d 3-year $1.45 = $82.7M
	// (assets/defaults.aiplan note).
	tests := []struct{ path, want string }{
		{"costUSD.cloud", "$82.7M"},
		{"gpuHours", "57 million GPU-hours"},
		{"trainingFLOP", "2.1e25 FLOP"},
		{"wallClockDays", "95 days"},
	}
	for _, tc := range tests {
		if got := w.Results.Values[tc.path].Text; got != tc.want {
			t.Errorf("%s: want %q, got %q", tc.path, tc.want, got)
		}
	}
	for _, key := range []string{EquivBottle, EquivCar, EquivHome} {
		l := w.Results.Equivalents[key]
		if l == nil || !strings.HasPrefix(l.Text, "≈ ") {
			t.Errorf("equivalent %s: want a line, got %v", key, l)
			continue
		}
		if w.Results.EquivalentSources[key].Text == "" {
			t.Errorf("equivalent %s: want its source shown", key)
		}
	}
}

func TestEditRecomputes(t *testing.T) {
	tests := []struct {
		name, key, text string
		path            string // an output that must change
		want            string // its new text, "" = just different
	}{
		{"GPU count halves the wall clock", planner.KeyGPUs, "50,000", "wallClockDays", "175 days"},
		{"params as 2T", planner.KeyParams, "2T", "trainingFLOP", "6e26 FLOP"},
		{"tokens as 15T", planner.KeyTokens, "15T", "trainingFLOP", "9e25 FLOP"},
		{"MFU as a percentage", planner.KeyMFU, "20%", "gpuHours", "421 million GPU-hours"},
		{"cloud price in dollars", planner.KeyGPUHourPrice, "$2.50", "costUSD.cloud", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
			before := w.Results.Values[tc.path].Text
			typeInto(w, tc.key, tc.text)
			got := w.Results.Values[tc.path].Text
			if tc.want != "" && got != tc.want {
				t.Errorf("%s: want %q, got %q", tc.path, tc.want, got)
			}
			if got == before {
				t.Errorf("%s: want a change from %q, got none", tc.path, before)
			}
			if !w.Dirty() || !strings.HasPrefix(w.Window.Title(), "*") {
				t.Errorf("title: want an unsaved mark, got %q", w.Window.Title())
			}
			if w.Editor.Reset[tc.key].Disabled() {
				t.Errorf("reset of %s: want enabled after an edit", tc.key)
			}
		})
	}
}

func TestInvalidInputKeepsLastResults(t *testing.T) {
	tests := []struct {
		name, key, text, wantMsg string
	}{
		{"not a number", planner.KeyGPUs, "lots", "no digits"},
		{"out of range", planner.KeyGPUs, "0", `"0" is not accepted; accepted: 1 to 100,000,000, a whole number`},
		{"not whole", planner.KeyGPUs, "1.5", "a whole number"},
		{"MFU above 100%", planner.KeyMFU, "120%", "accepted"},
		{"wrong case suffix", planner.KeyParams, "1t", "case-sensitive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
			before := map[string]string{}
			for p, l := range w.Results.Values {
				before[p] = l.Text
			}
			// Pasted in one go: typed characters would pass through
			// valid prefixes ("1" of "1.5"), which recompute on the way.
			w.Editor.Entries[tc.key].SetText(tc.text)
			det := w.Editor.Details[tc.key]
			if det.Importance != widget.DangerImportance || !strings.Contains(det.Text, tc.wantMsg) {
				t.Errorf("detail of %s: want a danger message with %q, got %q (importance %v)", tc.key, tc.wantMsg, det.Text, det.Importance)
			}
			if w.inputErr[tc.key] == nil || w.State().Err != nil {
				t.Errorf("%s: want the entry refused and the saved inputs evaluated, got %v / %v", tc.key, w.inputErr[tc.key], w.State().Err)
			}
			for p, l := range w.Results.Values {
				if l.Text != before[p] {
					t.Errorf("%s: want last valid %q kept, got %q", p, before[p], l.Text)
				}
			}
			if w.Results.Status.Importance != widget.DangerImportance || !strings.Contains(w.Results.Status.Text, "saved inputs") {
				t.Errorf("status: want the refusal explained, got %q", w.Results.Status.Text)
			}
			// Fixing the input recomputes and clears the marks.
			typeInto(w, tc.key, "200,000")
			if tc.key == planner.KeyMFU {
				typeInto(w, tc.key, "50%")
			}
			if tc.key == planner.KeyParams {
				typeInto(w, tc.key, "1T")
			}
			if det.Importance == widget.DangerImportance {
				t.Errorf("detail of %s after the fix: want no error, got %q", tc.key, det.Text)
			}
			if w.State().Err != nil {
				t.Errorf("after the fix: want no error, got %v", w.State().Err)
			}
		})
	}
}

func TestChoicesAndReset(t *testing.T) {
	w := newTestWindow(t)
	w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
	carbon := w.Results.Values["emissionsTCO2e"].Text

	w.Editor.Selects[planner.KeyEnergy].SetSelected(w.cat.EnergySource("nuclear").Name)
	if got := w.File().Scenarios[w.Selected()].Energy; got != "nuclear" {
		t.Fatalf("energy: want nuclear, got %q", got)
	}
	if got := w.Results.Values["emissionsTCO2e"].Text; got == carbon {
		t.Errorf("carbon: want a change from %q on nuclear, got none", got)
	}
	if d := w.Editor.ChoiceDetails[planner.KeyEnergy].Text; !strings.Contains(d, "gCO2e/kWh") {
		t.Errorf("energy detail: want the catalogue values, got %q", d)
	}

	cloud := w.Results.Values["costUSD.cloud"].Text
	w.Editor.Selects[planner.KeyGPU].SetSelected(w.cat.Accelerator("b200").Name)
	if got := w.Results.Values["costUSD.cloud"].Text; got == cloud {
		t.Errorf("cloud cost: want a change on B200, got %q", got)
	}
	if d := w.Editor.ChoiceDetails[planner.KeyGPU].Text; !strings.Contains(d, "TFLOP/s") {
		t.Errorf("GPU detail: want the peak, got %q", d)
	}

	// MFU is overridden (40%): reset goes back to the catalogue's 37.5%.
	reset := w.Editor.Reset[planner.KeyMFU]
	if reset.Disabled() {
		t.Fatal("reset of mfu: want enabled for an overridden value")
	}
	if d := w.Editor.Details[planner.KeyMFU].Text; !strings.Contains(d, "catalogue default 37.5%") {
		t.Errorf("mfu detail: want the default named, got %q", d)
	}
	test.Tap(reset)
	if _, set := w.File().Scenarios[w.Selected()].Value(planner.KeyMFU); set {
		t.Error("mfu: want unset after reset")
	}
	e := w.Editor.Entries[planner.KeyMFU]
	if e.Text != "" || e.PlaceHolder != "37.5%" {
		t.Errorf("mfu entry: want empty with placeholder 37.5%%, got %q / %q", e.Text, e.PlaceHolder)
	}
	if !reset.Disabled() {
		t.Error("reset of mfu: want disabled once the default applies")
	}
}

func TestStaleAndAssumptionMarks(t *testing.T) {
	tests := []struct {
		name      string
		now       time.Time
		wantStale bool
	}{
		{"2026: A100 figures are old", testNow, true},
		{"2021: nothing is two years old", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWindowIn(t, test.NewTempApp(t), func() time.Time { return tc.now })
			w.Select(mustIndex(t, w, "GPT-4 class"))
			var stale []string
			for k, l := range w.Editor.Details {
				if strings.Contains(l.Text, "possibly stale") {
					stale = append(stale, k)
					if l.Importance != widget.WarningImportance {
						t.Errorf("%s: want a warning style for a stale value, got %v", k, l.Importance)
					}
				}
			}
			for k, l := range w.Editor.ChoiceDetails {
				if strings.Contains(l.Text, "possibly stale") {
					stale = append(stale, k)
				}
			}
			if tc.wantStale != (len(stale) > 0) {
				t.Errorf("want stale marks %v, got %v", tc.wantStale, stale)
			}
		})
	}
}

func TestListActions(t *testing.T) {
	w := newTestWindow(t)
	n := len(w.File().Scenarios)

	w.Actions.Duplicate.Action()
	f := w.File()
	if len(f.Scenarios) != n+1 || f.Scenarios[w.Selected()].Name != "GPT-4 class copy" || w.Selected() != 1 {
		t.Fatalf("duplicate: want \"GPT-4 class copy\" selected at 1 of %d, got %q at %d of %d",
			n+1, f.Scenarios[w.Selected()].Name, w.Selected(), len(f.Scenarios))
	}
	w.Editor.Name.SetText("GPT-4 class copy B")
	if got := w.File().Scenarios[1].Name; got != "GPT-4 class copy B" {
		t.Errorf("rename: want %q, got %q", "GPT-4 class copy B", got)
	}
	w.Editor.Name.SetText("GPT-4 class")
	if w.Editor.NameError.Hidden || !strings.Contains(w.Editor.NameError.Text, "already used") {
		t.Errorf("duplicate name: want a refusal, got %q", w.Editor.NameError.Text)
	}
	if got := w.File().Scenarios[1].Name; got != "GPT-4 class copy B" {
		t.Errorf("refused rename: want the name kept, got %q", got)
	}

	w.Actions.MoveUp.Action()
	if w.Selected() != 0 || w.File().Scenarios[0].Name != "GPT-4 class copy B" {
		t.Errorf("move up: want the copy first, got %q at %d", w.File().Scenarios[0].Name, w.Selected())
	}
	w.Actions.MoveDown.Action()
	if w.Selected() != 1 {
		t.Errorf("move down: want selection 1, got %d", w.Selected())
	}

	w.Actions.NewScenario.Action()
	if got := w.File().Scenarios[w.Selected()].Name; got != "New scenario" {
		t.Errorf("new: want \"New scenario\", got %q", got)
	}
	if w.State().Err == nil || w.Results.Status.Importance != widget.DangerImportance {
		t.Error("new scenario: want the missing inputs reported")
	}
	if w.Editor.Details[planner.KeyParams].Importance != widget.DangerImportance {
		t.Errorf("new scenario: want params marked, got %q", w.Editor.Details[planner.KeyParams].Text)
	}

	count := len(w.File().Scenarios)
	w.Delete()
	if len(w.File().Scenarios) != count-1 {
		t.Errorf("delete: want %d scenarios, got %d", count-1, len(w.File().Scenarios))
	}
}

func TestSaveOpenRoundTrip(t *testing.T) {
	w := newTestWindow(t)
	w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
	typeInto(w, planner.KeyGPUs, "64k")
	path := filepath.Join(t.TempDir(), "plan.aiplan")
	uri := storage.NewFileURI(path)
	if err := w.SaveURI(uri); err != nil {
		t.Fatal(err)
	}
	if w.Dirty() || w.Window.Title() != "plan.aiplan - "+AppTitle {
		t.Errorf("after save: want clean title, got %q", w.Window.Title())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := planner.ParseFile(data)
	if err != nil {
		t.Fatalf("saved file: %v", err)
	}
	if saved.CatalogVersion != w.cat.Version {
		t.Errorf("catalogVersion: want %q, got %q", w.cat.Version, saved.CatalogVersion)
	}

	w.Actions.NewSet.Action()
	if got, _ := w.File().Scenarios[2].Value(planner.KeyGPUs); got != 100000 {
		t.Fatalf("new set: want the built-in 100,000 GPUs, got %v", got)
	}
	if err := w.OpenURI(uri); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.File().Scenarios[2].Value(planner.KeyGPUs); got != 64000 {
		t.Errorf("reopened: want 64,000 GPUs, got %v", got)
	}
	if got := w.RecentFiles(); len(got) != 1 || got[0] != uri.String() {
		t.Errorf("recent files: want [%s], got %v", uri, got)
	}
	if items := w.Actions.Recent.ChildMenu.Items; len(items) != 1 {
		t.Errorf("open recent menu: want 1 item, got %d", len(items))
	}
}

func TestOpenBadFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	good, err := planner.NewFile("x", []planner.Scenario{{Name: "a", GPU: "h100", Values: map[string]float64{"flops": 1e24, "gpus": 8}}}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, content, wantMsg string
	}{
		{"corrupt", "{not json", "invalid or truncated"},
		{"truncated", string(good[:len(good)/2]), "truncated"},
		{"future version", strings.Replace(string(good), `"version": 1`, `"version": 99`, 1), "newer"},
		{"empty", "", "empty"},
		{"other JSON", `{"format":"something-else","version":1}`, "not a scenario file"},
		{"huge", `{"format":"aiplan-scenarios","version":1,"scenarios":[],"x":"` + strings.Repeat("a", planner.MaxFileBytes) + `"}`, "larger"},
		{"no scenarios", `{"format":"aiplan-scenarios","version":1,"catalogVersion":"x","scenarios":[]}`, "no scenarios"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t)
			typeInto(w, planner.KeyGPUs, "30,000")
			before, title := w.File(), w.Window.Title()
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".aiplan")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			err := w.OpenURI(storage.NewFileURI(path))
			if err == nil || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("want an error with %q, got %v", tc.wantMsg, err)
			}
			if w.LastError() == nil {
				t.Error("want the error shown in a dialog")
			}
			after := w.File()
			if len(after.Scenarios) != len(before.Scenarios) || after.Scenarios[0].Values[planner.KeyGPUs] != 30000 || w.Window.Title() != title || !w.Dirty() {
				t.Errorf("want the open set unchanged, got %d scenarios, title %q", len(after.Scenarios), w.Window.Title())
			}
			if len(w.RecentFiles()) != 0 {
				t.Errorf("want no recent file, got %v", w.RecentFiles())
			}
		})
	}
}

func TestUnsavedChangesAsk(t *testing.T) {
	w := newTestWindow(t)
	w.Actions.NewSet.Action()
	if w.Prompt != nil {
		t.Fatal("clean set: want no question")
	}
	typeInto(w, planner.KeyGPUs, "30,000")
	w.Actions.NewSet.Action()
	if w.Prompt == nil {
		t.Fatal("unsaved set: want a question")
	}
	test.Tap(w.Prompt.Cancel)
	if got := w.File().Scenarios[0].Values[planner.KeyGPUs]; got != 30000 || w.Prompt != nil {
		t.Errorf("cancel: want the edit kept, got %v", got)
	}
	w.Actions.NewSet.Action()
	test.Tap(w.Prompt.Discard)
	if got := w.File().Scenarios[0].Values[planner.KeyGPUs]; got != 25000 || w.Dirty() {
		t.Errorf("discard: want the built-in 25,000, got %v (dirty %v)", got, w.Dirty())
	}
}

func TestAboutNamesCatalogue(t *testing.T) {
	w := newTestWindow(t)
	text := strings.Join(w.AboutText(), "\n")
	if !strings.Contains(text, "Reference catalogue "+w.cat.Version) {
		t.Errorf("about: want the catalogue version %q, got %q", w.cat.Version, text)
	}
}

func TestViewsPlugIn(t *testing.T) {
	a := test.NewTempApp(t)
	cat, defs := testData(t)
	var got []State
	v := View{Title: "Charts", Content: widget.NewLabel("charts"), Update: func(s State) { got = append(got, s) }}
	w := New(a, test.NewTempWindow(t, nil), Options{Catalog: cat, Defaults: defs, Views: []View{v}, Now: func() time.Time { return testNow }})
	if n := len(w.Tabs.Items); n != 2 || w.Tabs.Items[0].Text != "Results" || w.Tabs.Items[1].Text != "Charts" {
		t.Fatalf("tabs: want Results then Charts, got %d", n)
	}
	typeInto(w, planner.KeyGPUs, "30,000")
	if len(got) < 2 || got[len(got)-1].File.Scenarios[0].Values[planner.KeyGPUs] != 30000 {
		t.Errorf("view updates: want the edit published, got %d updates", len(got))
	}
}

func TestShortcuts(t *testing.T) {
	w := newTestWindow(t)
	tests := []struct {
		name string
		item *fyne.MenuItem
		key  fyne.KeyName
		mod  fyne.KeyModifier
	}{
		{"new", w.Actions.NewScenario, fyne.KeyN, fyne.KeyModifierShortcutDefault},
		{"open", w.Actions.Open, fyne.KeyO, fyne.KeyModifierShortcutDefault},
		{"save", w.Actions.Save, fyne.KeyS, fyne.KeyModifierShortcutDefault},
		{"save as", w.Actions.SaveAs, fyne.KeyS, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{"duplicate", w.Actions.Duplicate, fyne.KeyD, fyne.KeyModifierShortcutDefault},
		{"quit", w.Actions.Quit, fyne.KeyQ, fyne.KeyModifierShortcutDefault},
	}
	for _, tc := range tests {
		sc, ok := tc.item.Shortcut.(*desktop.CustomShortcut)
		if !ok || sc.KeyName != tc.key || sc.Modifier != tc.mod {
			t.Errorf("%s: want %s with modifier %v, got %#v", tc.name, tc.key, tc.mod, tc.item.Shortcut)
		}
	}
	if !w.Actions.ExportExcel.Disabled || !w.Actions.ImportExcel.Disabled {
		t.Error("Excel items: want disabled without hooks")
	}
}

func TestAssumptionsShown(t *testing.T) {
	w := newTestWindow(t)
	w.Select(mustIndex(t, w, "Next-gen 1T x 50T"))
	// The catalogue gives the French grid's water per kWh as an assumption.
	w.Editor.Selects[planner.KeyEnergy].SetSelected(w.cat.EnergySource("france-grid").Name)
	shown := 0
	for key, p := range w.State().Resolution.Provenance {
		det, ok := w.Editor.Details[key]
		if !ok || p.Assumption == "" || p.Origin != planner.OriginCatalogue {
			continue
		}
		shown++
		if !strings.HasPrefix(det.Text, "Assumption: ") || det.Importance != widget.WarningImportance {
			t.Errorf("%s: want it shown as an assumption, got %q", key, det.Text)
		}
	}
	if shown == 0 {
		t.Error("want at least one assumption on the French grid, got none")
	}
}
