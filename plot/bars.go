package plot

// StackedBar draws the absolute stack parts (series 0, 1, ... from the
// base up) in band i of the frame: vertical bars on a band X axis,
// horizontal bars on a band Y axis. Segments tall enough for it carry their
// value formatted by label (nil for none). It returns the pixel of the
// stack's end (top of a vertical bar, right of a horizontal one).
//
// go-chart's StackedBarChart normalises every bar to 100%; this draws the
// rectangles through the renderer instead, so bars keep their dollars.
func (c *Canvas) StackedBar(f *Frame, i int, parts []float64, series []int, widthFrac float64, label func(float64) string) int {
	horizontal := f.Y.N > 0
	band := f.X
	value := f.Y
	if horizontal {
		band, value = f.Y, f.X
	}
	lo, hi := band.Band(i)
	w := int(float64(hi-lo) * widthFrac)
	if maxW := c.px(110); w > maxW {
		w = maxW
	}
	a := (lo+hi)/2 - w/2
	b := a + w
	sum := 0.0
	end := value.Px(0)
	lh := c.lineHeight(sizeValue)
	for k, v := range parts {
		if !(v > 0) {
			continue
		}
		p0, p1 := value.Px(sum), value.Px(sum+v)
		sum += v
		s := k
		if series != nil {
			s = series[k]
		}
		var box Box
		if horizontal {
			box = Box{p0, a, p1, b}
		} else {
			box = Box{a, p1, b, p0}
		}
		c.Bar(box, s)
		end = p1
		if label == nil {
			continue
		}
		txt := label(v)
		tw, _ := c.Measure(txt, sizeValue)
		if box.H() >= lh+c.px(4) && box.W() >= tw+c.px(8) {
			col := contrast(c.Theme.SeriesColour(s))
			// a plate behind the text keeps it readable over the pattern
			cx, cy := (box.Left+box.Right)/2, (box.Top+box.Bottom)/2
			plate := Box{cx - tw/2 - c.px(3), cy - lh/2, cx + tw/2 + c.px(3), cy + lh/2}
			c.FillRect(plate, withAlpha(c.Theme.SeriesColour(s), 220))
			c.Text(txt, cx, cy+lh/3, sizeValue, col, AlignCenter)
		}
	}
	return end
}
