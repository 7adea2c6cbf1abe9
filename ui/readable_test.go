package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"aiplan/plot"
)

// roundTrip matches Go's shortest round-trip floats and exponents where a
// person reads a number: "1.4000000000000001", "0.009315068493150684",
// "1.07e+04", "1e+08".
var roundTrip = regexp.MustCompile(`\d\.\d{7,}|\de[+-]\d`)

// TestNumbersForPeople: the window's tables, captions and chart axes show
// numbers a person reads (issue 13 item 6).
func TestNumbersForPeople(t *testing.T) {
	test.NewTempApp(t)
	cat, f := testData(t)

	t.Run("back-test hardware", func(t *testing.T) {
		v := NewBacktestView(cat)
		count := regexp.MustCompile(`^([0-9]{1,3}(,[0-9]{3})*|[0-9.]+ (million|billion)) x `)
		for row := 1; row <= len(v.Rows()); row++ {
			got := v.CellText(row, 2)
			if strings.Contains(got, " x ") && !count.MatchString(got) {
				t.Errorf("row %d: want the accelerator count grouped (2,048 x ...), got %q", row, got)
			}
			for col := range backtestHeaders {
				if s := v.CellText(row, col); roundTrip.MatchString(s) {
					t.Errorf("row %d col %d: want a readable number, got %q", row, col, s)
				}
			}
		}
	})

	t.Run("equivalent factors", func(t *testing.T) {
		r := NewResults(cat)
		for k, l := range r.EquivalentSources {
			if roundTrip.MatchString(l.Text) {
				t.Errorf("%s: want the factor readable (10,715 kWh/year), got %q", k, l.Text)
			}
		}
	})

	t.Run("compare axis", func(t *testing.T) {
		v := NewChartsView(cat, test.NewTempWindow(t, nil))
		v.Update(f.Scenarios, f.Baseline)
		for _, base := range []string{"Next-gen on gas", f.Scenarios[len(f.Scenarios)-1].Name} {
			v.Baseline.SetSelected(base)
			v.Kind.SetSelectedIndex(1)
			_, in := v.input()
			ch, err := plot.Build(plot.KindCompare, in)
			if err != nil {
				t.Fatal(err)
			}
			cmp := ch.(*plot.Compare)
			for m := range cmp.Metrics {
				for s := range cmp.Names {
					b := cmp.Values[cmp.Baseline][m]
					if b == 0 {
						continue
					}
					if got := plot.Ratio(cmp.Values[s][m] / b); roundTrip.MatchString(got) {
						t.Errorf("baseline %q: ratio label %q", base, got)
					}
				}
			}
		}
		for v, want := range map[float64]string{1.4000000000000001: "1.4×", 0.30000000000000004: "0.3×", 12.5: "12.5×", 1: "1×"} {
			if got := plot.Ratio(v); got != want {
				t.Errorf("Ratio(%v): want %q, got %q", v, want, got)
			}
		}
	})
}
