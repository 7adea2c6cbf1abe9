package plot

import (
	"fmt"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// TestFractionalYearAxis: a year axis whose bounds fall between years
// (labels only on whole years, so Format(Max) is "") keeps its plot inside
// the chart. It used to measure the empty label as a huge negative width,
// push the plot's right edge to about 4.6e18 pixels, and go-chart's
// dasher then looped for ever over the revenue line.
func TestFractionalYearAxis(t *testing.T) {
	for _, b := range [][2]float64{{2021.5, 2032.5}, {2021.75, 2032.25}, {2024.5, 2025}, {2022, 2032.5}, {2025.3, 2025.7}, {-0.5, 0.5}} {
		for _, w := range []int{MinWidth, 640, 1200} {
			t.Run(fmt.Sprintf("%v/%d", b, w), func(t *testing.T) {
				r, err := chart.PNG(w, 500)
				if err != nil {
					t.Fatal(err)
				}
				c, err := newCanvas(r, false, w, 500, Light(), 1)
				if err != nil {
					t.Fatal(err)
				}
				if ew, _ := c.Measure("", sizeLabel); ew != 0 {
					t.Errorf("empty text measured %d wide; want 0", ew)
				}
				f := c.Frame(Axis{Min: b[0], Max: b[1], Format: YearLabel}, Axis{Min: 1, Max: 10})
				if f.Plot.Left < 0 || f.Plot.Right > w || f.Plot.Right <= f.Plot.Left {
					t.Fatalf("plot spans x %d to %d; want inside 0 to %d", f.Plot.Left, f.Plot.Right, w)
				}
				for _, v := range []float64{b[0], b[1], (b[0] + b[1]) / 2} {
					if x := f.X.PxAxis(v); x < f.Plot.Left-w/20 || x > f.Plot.Right+w/20 {
						t.Errorf("year %v at x %d; want within the plot %d to %d", v, x, f.Plot.Left, f.Plot.Right)
					}
				}
				// the dashed line that used to hang
				c.polyline([][2]int{{f.X.PxAxis(b[0]), f.Plot.Top}, {f.X.PxAxis(b[1]), f.Plot.Bottom}}, c.Theme.Foreground, 2, []float64{7, 4})
			})
		}
	}
}
