package plot

// KindIndustry is the industry build-out chart (built by the command line
// and the window from planner.BuildOut, not from an Input).
const KindIndustry Kind = "industry"

// minSizes are the smallest sizes, in pixels at scale 1, at which each
// kind draws every label without collision or thinning, checked by
// TestMinSizeLegible at the sizes below and looked at as PNG. Below them
// the charts still draw (labels thinned, notes shortened, fewer tornado
// bars, the back-test one row per metric), down to MinWidth x MinHeight.
var minSizes = map[Kind][2]int{
	KindBreakdown:     {600, 340},
	KindCompare:       {600, 400},
	KindEnergySources: {760, 500},
	KindBacktest:      {560, 360},
	KindGap:           {560, 360},
	KindWaterfall:     {760, 440},
	KindProjection:    {640, 440},
	KindFan:           {560, 380},
	KindTornado:       {560, 440},
	KindIndustry:      {600, 380},
	KindGapCompare:    {720, 340},
}

// MinSize returns the smallest size, in pixels at scale 1 (multiply by the
// window's scale), at which a chart of kind stays legible: the size a
// window should give the chart before it scrolls. An unknown kind gets
// the largest of them.
func MinSize(kind Kind) (w, h int) {
	if s, ok := minSizes[kind]; ok {
		return s[0], s[1]
	}
	for _, s := range minSizes {
		w, h = max(w, s[0]), max(h, s[1])
	}
	return w, h
}
