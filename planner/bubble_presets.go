package planner

import (
	"fmt"
	"strings"
)

// Built-in bubble-risk preset IDs (besides GapPreset2023 and GapPreset2024).
const (
	// BubblePresetCahnLatest is Cahn's method on NVIDIA's latest quarterly
	// data-centre revenue x 4 from the reported data (Q4 FY2026: $62.31B ->
	// $249.24B run-rate -> $996.96B required).
	BubblePresetCahnLatest = "cahn-latest"
	// BubblePresetKupperman is Kupperman's 2025 figure at rho = 0: K = $400B,
	// L = 10, g = 25% -> $160B.
	BubblePresetKupperman = "kupperman-2025"
	// BubblePresetKuppermanReturn is the same at rho = 20% -> $480B.
	BubblePresetKuppermanReturn = "kupperman-2025-return20"
	// BubblePresetBain is Bain's 2030 figure: $500B / 0.25 = $2T, against
	// $1.2T of funding sources -> $800B short.
	BubblePresetBain = "bain-2025"
	// BubblePresetBull and BubblePresetBear are an optimist's and a
	// sceptic's reading of Kupperman's method (inputs in BubblePreset).
	BubblePresetBull = "bull-2025"
	BubblePresetBear = "bear-2025"
)

// Published inputs of the presets that are not in the catalogue's macro
// figures (sources in BubblePreset's comment).
const (
	kuppermanCapexUSD   = 400e9
	kuppermanLife       = 10
	kuppermanGross      = 0.25
	kuppermanReturnHigh = 0.20
	genAIRevenue2025USD = 60e9
	bainCapexUSD        = 500e9
	bainRatio           = 0.25
	bainShortfallUSD    = 800e9
)

// BubblePresetIDs lists the built-in bubble-risk scenarios in display order.
func BubblePresetIDs() []string {
	return []string{GapPreset2023, GapPreset2024, BubblePresetCahnLatest, BubblePresetKupperman,
		BubblePresetKuppermanReturn, BubblePresetBain, BubblePresetBull, BubblePresetBear}
}

// BubblePresetInfo describes a preset for listings.
type BubblePresetInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Method string `json:"method"`
	Source string `json:"source"`
}

var bubblePresetInfo = map[string]BubblePresetInfo{
	GapPreset2023: {Title: "Sequoia 2023: the $200B question", Method: MethodCahn,
		Source: "David Cahn, Sequoia Capital, Sept 2023, sequoiacap.com/article/follow-the-gpus-perspective/"},
	GapPreset2024: {Title: "Sequoia 2024: the $600B question", Method: MethodCahn,
		Source: "David Cahn, Sequoia Capital, 2024-06-20, sequoiacap.com/article/ais-600b-question/"},
	BubblePresetCahnLatest: {Title: "Cahn on NVIDIA's latest quarter", Method: MethodCahn,
		Source: "Cahn's identity on NVIDIA Q4 FY2026 data-centre revenue x 4 (release 2026-02-25); revenue: OpenAI and Anthropic run-rates (reported data)"},
	BubblePresetKupperman: {Title: "Kupperman 2025, no return", Method: MethodCapexReturn,
		Source: "Harris Kupperman, Praetorian Capital, Aug 2025 (press coverage: futurism.com, marcellus.in; secondary)"},
	BubblePresetKuppermanReturn: {Title: "Kupperman 2025, 20% return", Method: MethodCapexReturn,
		Source: "Harris Kupperman, Praetorian Capital, Aug 2025 (press coverage: futurism.com, marcellus.in; secondary)"},
	BubblePresetBain: {Title: "Bain 2030: $2T needed", Method: MethodCapexRatio,
		Source: "Bain & Company, Technology Report 2025, 2025-09-23 (press coverage: tomshardware.com, cybernews.com; secondary)"},
	BubblePresetBull: {Title: "Bull case", Method: MethodCapexReturn,
		Source: "aiplan: K $400B +15%/yr, life 6 years, return 10%, gross margin 60%, AI revenue $60B doubling yearly"},
	BubblePresetBear: {Title: "Bear case", Method: MethodCapexReturn,
		Source: "aiplan: K $400B +30%/yr, life 3 years, return 10%, gross margin 25%, AI revenue $60B +30%/yr"},
}

// BubblePresets lists every preset's ID, title, method and source.
func BubblePresets() []BubblePresetInfo {
	out := make([]BubblePresetInfo, 0, len(bubblePresetInfo))
	for _, id := range BubblePresetIDs() {
		p := bubblePresetInfo[id]
		p.ID = id
		out = append(out, p)
	}
	return out
}

// MethodDefaultPreset is the preset 'aiplan gap --method M' starts from.
func MethodDefaultPreset(method string) (string, error) {
	switch method {
	case MethodCahn:
		return GapPreset2024, nil
	case MethodCapexReturn:
		return BubblePresetKupperman, nil
	case MethodCapexRatio:
		return BubblePresetBain, nil
	}
	return "", choiceError("method", method, BubbleMethods())
}

// BubblePreset returns a built-in bubble-risk scenario's inputs.
//
//	sequoia-2023, sequoia-2024  GapPreset (Cahn's published figures)
//	cahn-latest   NVIDIA's latest quarterly DC revenue x 4 (reported data),
//	              share 0.5, margin 0.5, L = 1, flat, 5 years from 2026;
//	              revenue: OpenAI's and Anthropic's latest run-rates only
//	kupperman-2025[-return20]  capex-return, K = $400B of 2025 AI DC capex,
//	              L = 10, g = 25%, rho = 0 (or 20%): $160B (or $480B);
//	              revenue: generative-AI revenue of about $60B in 2025
//	              (Azeem Azhar, Exponential View, "Is AI a bubble?", Sept
//	              2025; secondary), so coverage = 15%; flat, 5 years
//	bain-2025     capex-ratio, $500B a year of capex by 2030, c = 0.25:
//	              $2T; revenue side = Bain's funding sources (US on-premise
//	              IT budgets moved to the cloud plus reinvested AI savings),
//	              derived as $2T - $800B shortfall = $1.2T, not AI revenue;
//	              one year (2030)
//	bull-2025     capex-return, K $400B growing 15% a year, L = 6 (the
//	              hyperscalers' stated server lives), rho = 10%, g = 60%
//	              (cloud-like), AI revenue $60B doubling yearly, 8 years
//	bear-2025     capex-return, K $400B growing 30% a year, L = 3 (Burry's
//	              short useful life), rho = 10%, g = 25%, AI revenue $60B
//	              growing 30% a year, 8 years
func BubblePreset(cat *Catalog, rep *ReportedData, id string) (GapInputs, error) {
	info, ok := bubblePresetInfo[id]
	if !ok {
		return GapInputs{}, choiceError("preset", id, BubblePresetIDs())
	}
	if id == GapPreset2023 || id == GapPreset2024 {
		in, err := GapPreset(cat, id)
		in.Source = info.Source
		return in, err
	}
	in := GapInputs{Preset: id, Method: info.Method, Source: info.Source, CapexGrowth: 1, RevenueGrowth: 1, Years: 5}
	genAI := []RevenueItem{{Name: "Generative-AI revenue 2025 (Exponential View, Sept 2025; secondary)", USD: genAIRevenue2025USD}}
	switch id {
	case BubblePresetCahnLatest:
		if cat == nil {
			return GapInputs{}, fmt.Errorf("gap preset %s: no catalogue", id)
		}
		q, ok := rep.Latest(ReportedNVDAQuarter)
		if !ok {
			return GapInputs{}, fmt.Errorf("gap preset %s: the reported data lacks series %s", id, ReportedNVDAQuarter)
		}
		share, ok1 := cat.Macro.Figures["sequoia.gpuShareOfTCO"]
		margin, ok2 := cat.Macro.Figures["sequoia.endUserGrossMargin"]
		if !ok1 || !ok2 {
			return GapInputs{}, fmt.Errorf("gap preset %s: the catalogue lacks macro.figures.sequoia.gpuShareOfTCO or endUserGrossMargin", id)
		}
		in.Year, in.DCRevenueUSD, in.GPUShare, in.Margin, in.LifeYears = 2026, 4*q.ValueUSD, share.Value, margin.Value, 1
		for _, sid := range []string{ReportedOpenAI, ReportedAnthropic} {
			p, ok := rep.Latest(sid)
			if !ok {
				return GapInputs{}, fmt.Errorf("gap preset %s: the reported data lacks series %s", id, sid)
			}
			in.Revenue = append(in.Revenue, RevenueItem{Name: fmt.Sprintf("%s, run-rate %s", rep.Find(sid).Company, p.Period), USD: p.ValueUSD, Source: sid})
		}
	case BubblePresetKupperman, BubblePresetKuppermanReturn:
		in.Year, in.CapexUSD, in.LifeYears, in.GrossMargin = 2025, kuppermanCapexUSD, kuppermanLife, kuppermanGross
		if id == BubblePresetKuppermanReturn {
			in.ReturnRate = kuppermanReturnHigh
		}
		in.Revenue = genAI
	case BubblePresetBain:
		in.Year, in.Years, in.CapexUSD, in.CapexRevenueRatio = 2030, 1, bainCapexUSD, bainRatio
		in.Revenue = []RevenueItem{{Name: "Funding sources: on-premise IT budgets moved to the cloud + reinvested AI savings (derived: $2T - $800B)",
			USD: BainRequired(bainCapexUSD, bainRatio) - bainShortfallUSD}}
		in.RevenueNotAI = true
	case BubblePresetBull:
		in.Year, in.Years, in.CapexUSD, in.LifeYears, in.ReturnRate, in.GrossMargin = 2025, 8, kuppermanCapexUSD, 6, 0.10, 0.60
		in.CapexGrowth, in.RevenueGrowth, in.Revenue = 1.15, 2, genAI
	case BubblePresetBear:
		in.Year, in.Years, in.CapexUSD, in.LifeYears, in.ReturnRate, in.GrossMargin = 2025, 8, kuppermanCapexUSD, 3, 0.10, kuppermanGross
		in.CapexGrowth, in.RevenueGrowth, in.Revenue = 1.3, 1.3, genAI
	}
	return in, nil
}

// BubbleScenario is one named bubble-risk scenario of a file: a method, its
// inputs and the revenue side (GapInputs, flattened in JSON).
type BubbleScenario struct {
	Name string `json:"name"`
	GapInputs
}

// MaxBubbleScenarios bounds the bubble-risk scenarios of one file.
const MaxBubbleScenarios = 1000

// BubbleDefaults returns the built-in bubble-risk scenarios, named by their
// titles, in BubblePresetIDs order.
func BubbleDefaults(cat *Catalog, rep *ReportedData) ([]BubbleScenario, error) {
	var out []BubbleScenario
	for _, id := range BubblePresetIDs() {
		in, err := BubblePreset(cat, rep, id)
		if err != nil {
			return nil, err
		}
		out = append(out, BubbleScenario{Name: bubblePresetInfo[id].Title, GapInputs: in})
	}
	return out, nil
}

// CheckBubbleScenarios validates a list: at most MaxBubbleScenarios, valid
// unique names, each scenario's inputs in range; baseline, when set, names
// one of them. Errors name the scenario.
func CheckBubbleScenarios(list []BubbleScenario, baseline string) error {
	if len(list) > MaxBubbleScenarios {
		return fmt.Errorf("%d bubble-risk scenarios; at most %d are accepted", len(list), MaxBubbleScenarios)
	}
	names := map[string]bool{}
	for i := range list {
		s := &list[i]
		if err := CheckName(s.Name); err != nil {
			return fmt.Errorf("bubble-risk scenario %d: %w", i+1, err)
		}
		if names[s.Name] {
			return fmt.Errorf("bubble-risk scenario %d: the name %q is used twice", i+1, s.Name)
		}
		names[s.Name] = true
		if err := s.Validate(); err != nil {
			return fmt.Errorf("bubble-risk scenario %q: %w", s.Name, err)
		}
		if err := s.checkFileMethod(); err != nil {
			return fmt.Errorf("bubble-risk scenario %q: %w", s.Name, err)
		}
	}
	if baseline != "" && !names[baseline] {
		return fmt.Errorf("bubble baseline %q is not one of the bubble-risk scenarios", baseline)
	}
	return nil
}

// GapScenarioName is the name an old file's single gap model gets as a
// bubble-risk scenario: its preset's title, else "Gap model".
func GapScenarioName(in *GapInputs) string {
	if p, ok := bubblePresetInfo[in.Preset]; ok && strings.TrimSpace(p.Title) != "" {
		return p.Title
	}
	return "Gap model"
}
