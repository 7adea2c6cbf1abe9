package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"aiplan/assets"
	"aiplan/plot"
)

func TestChartViews(t *testing.T) {
	test.NewTempApp(t)
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)

	t.Run("charts", func(t *testing.T) {
		v := NewChartsView(cat, w)
		v.Update(f.Scenarios, f.Baseline)
		if got := v.Baseline.Selected; got != f.Baseline {
			t.Errorf("baseline: want %q, got %q", f.Baseline, got)
		}
		v.Baseline.SetSelected("Next-gen on gas")
		v.Update(f.Scenarios, f.Baseline)
		if got := v.Baseline.Selected; got != "Next-gen on gas" {
			t.Errorf("baseline after update: want the user's choice kept, got %q", got)
		}
		v.Kind.SetSelectedIndex(1)
		v.Method.SetSelected("purchase")
		kind, in := v.input()
		if kind != plot.KindCompare || in.Method != "purchase" || len(in.Scenarios) != len(f.Scenarios) {
			t.Errorf("input: want compare/purchase/%d scenarios, got %s/%s/%d", len(f.Scenarios), kind, in.Method, len(in.Scenarios))
		}
		for _, ext := range []string{"png", "svg"} {
			path := filepath.Join(t.TempDir(), "c."+ext)
			format, _ := plot.FormatFromPath(path)
			if err := SaveChart(storage.NewFileURI(path), kind, in, format, v.Chart.opts(1200, 700)); err != nil {
				t.Fatal(err)
			}
			if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
				t.Errorf("save %s: want a chart file, got %v", ext, err)
			}
		}
	})

	t.Run("compare", func(t *testing.T) {
		v := NewCompareView(cat)
		v.Update(f.Scenarios, f.Baseline)
		if got := len(v.Columns()); got != len(f.Scenarios) {
			t.Fatalf("columns: want %d, got %d", len(f.Scenarios), got)
		}
		if got := v.CellText(0, 1); got != f.Baseline+" (baseline)" {
			t.Errorf("header: want %q, got %q", f.Baseline+" (baseline)", got)
		}
		v.Deltas.SetChecked(true)
		if got := v.CellText(3, 3); !strings.Contains(got, "%)") {
			t.Errorf("cell: want a delta against the baseline, got %q", got)
		}
		v.Include.SetSelected([]string{"GPT-4 class", "Next-gen on gas"})
		if got := v.Columns(); len(got) != 2 {
			t.Errorf("include: want 2 columns, got %v", got)
		}
		v.Include.SetSelected(scenarioNames(f.Scenarios))
		v.SortBy.SetSelected("Carbon (location-based)")
		cols := v.Columns()
		if cols[0] != "Next-gen on nuclear" {
			t.Errorf("sort by carbon: want Next-gen on nuclear first, got %v", cols)
		}
		v.Descending.SetChecked(true)
		if cols := v.Columns(); cols[0] != "Next-gen on gas" {
			t.Errorf("sort by carbon, descending: want Next-gen on gas first, got %v", cols)
		}
	})

	t.Run("backtest", func(t *testing.T) {
		v := NewBacktestView(cat)
		if len(v.Rows()) == 0 {
			t.Fatal("want back-test rows")
		}
		if got := v.CellText(0, 4); got != "Reported" {
			t.Errorf("header: want Reported, got %q", got)
		}
		if got := v.CellText(1, 2); !strings.Contains(got, " x ") {
			t.Errorf("disclosed inputs: want a hardware summary, got %q", got)
		}
		if got := v.CellText(1, 6); !strings.HasSuffix(got, "%") && got != "n/a" {
			t.Errorf("error column: want a percentage, got %q", got)
		}
	})
}
