package planner_test

import (
	"math"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

func catalog(t testing.TB) *planner.Catalog {
	t.Helper()
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	return cat
}

func estimate(t *testing.T, sc planner.Scenario) planner.Result {
	t.Helper()
	r, _, err := planner.Estimate(catalog(t), &sc)
	if err != nil {
		t.Fatalf("%s: %v", sc.Name, err)
	}
	return r
}

func within(t *testing.T, name string, got, want, tolPct float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > math.Abs(want)*tolPct/100 {
		t.Errorf("%s: want %.6g (±%g%%), got %.6g (%+.2f%%)", name, want, tolPct, got, (got-want)/want*100)
	}
}

// TestPublishedRuns reproduces the disclosures of
// ../shared/reference/validation.md, each within the tolerance its row
// supports. Expected values are the published figures; the comment of each
// case names the source.
func TestPublishedRuns(t *testing.T) {
	type check struct {
		path   string
		want   float64
		tolPct float64
	}
	cases := []struct {
		name   string
		sc     planner.Scenario
		checks []check
	}{
		{
			// Patterson et al. 2021, Table 4: 10,000 V100 for 14.8 days, 330 W
			// measured system power, PUE 1.10, 429 gCO2e/kWh -> 1,287 MWh, 552 t.
			// Cloud: Epoch $4.34M; 3.552M h x AWS V100 3-year $1.23 = $4.37M.
			name: "GPT-3 informed",
			sc: planner.Scenario{Name: "gpt3", GPU: "v100", Values: map[string]float64{
				"params": 175e9, "tokens": 300e9, "gpus": 10000, "gpu-hours": 3_552_000,
				"power-w": 330, "pue": 1.1, "carbon-intensity": 429, "gpu-hour-price": 1.23}},
			checks: []check{
				{"trainingFLOP", 3.14e23, 0.5},
				{"facilityEnergyKWh", 1_287_000, 1},
				{"emissionsTCO2e", 552, 1},
				{"wallClockDays", 14.8, 0.1},
				{"costUSD.cloud", 4.34e6, 1},
			},
		},
		{
			// Li et al. "Making AI Less Thirsty", Table 1: on-site 0.708 ML =
			// 1,287 MWh x 0.55 L/kWh. Li et al. apply WUE to energy that includes
			// PUE; the planner applies it to IT energy (The Green Grid), so it
			// gives 1,171 MWh x 0.55 = 0.644 ML, 9.1% below: the stated gap.
			name: "GPT-3 water (Li et al. convention differs)",
			sc: planner.Scenario{Name: "gpt3w", GPU: "v100", Values: map[string]float64{
				"params": 175e9, "tokens": 300e9, "gpus": 10000, "gpu-hours": 3_552_000,
				"power-w": 330, "pue": 1.1, "wue": 0.55, "ewif": 3.142}},
			checks: []check{
				{"waterOnsiteL", 0.708e6 / 1.1, 0.2},
				// Off-site: 1,289 MWh x 3.142 = 4.05 ML versus Li et al.'s 4.731 ML,
				// which used their US-average PUE 1.17 instead of Microsoft's 1.1.
				{"waterOffsiteL", 1_287_000 * 3.142, 0.5},
			},
		},
		{
			// Touvron et al. 2023 (LLaMA) Table 15, recomputing OPT-175B:
			// 809,472 GPU-h x 0.4 kW x 1.1 = 356 MWh; x 0.385 = 137 t.
			// Cloud: Epoch $1.49M; x A100-80GB 3-year $1.81 = $1.47M (-1.6%).
			name: "OPT-175B",
			sc: planner.Scenario{Name: "opt", GPU: "a100-80gb", Values: map[string]float64{
				"gpus": 992, "gpu-hours": 809_472, "power-w": 400, "pue": 1.1, "carbon-intensity": 385,
				"gpu-hour-price": 1.81}},
			checks: []check{
				{"facilityEnergyKWh", 356_000, 0.1},
				{"emissionsTCO2e", 137, 0.2},
				{"costUSD.cloud", 1.49e6, 2},
			},
		},
		// Touvron et al. 2023 (LLaMA 1) Table 15: A100-80GB at 400 W, PUE 1.1,
		// 0.385 kgCO2e/kWh; reported tCO2eq 14 / 23 / 90 / 173 (rounded to
		// the tonne, hence 1-4% tolerance on the small ones).
		{name: "LLaMA 7B", sc: meta("llama7b", 2048, 82_432), checks: []check{{"emissionsTCO2e", 14, 1}}},
		{name: "LLaMA 13B", sc: meta("llama13b", 2048, 135_168), checks: []check{{"emissionsTCO2e", 23, 1}}},
		{name: "LLaMA 33B", sc: meta("llama33b", 2048, 530_432), checks: []check{{"emissionsTCO2e", 90, 1}}},
		{name: "LLaMA 65B", sc: meta("llama65b", 2048, 1_022_362), checks: []check{
			{"emissionsTCO2e", 173, 1},
			{"facilityEnergyKWh", 449_000, 1},
		}},
		// Llama 2 model card (meta-llama/llama MODEL_CARD.md): 31.22 / 62.44 /
		// 291.42 tCO2eq from 184,320 / 368,640 / 1,720,320 GPU-h at 400 W.
		{name: "Llama 2 7B", sc: meta("llama2-7b", 2048, 184_320), checks: []check{{"emissionsTCO2e", 31.22, 1}}},
		{name: "Llama 2 13B", sc: meta("llama2-13b", 2048, 368_640), checks: []check{{"emissionsTCO2e", 62.44, 1}}},
		{name: "Llama 2 70B", sc: meta("llama2-70b", 2048, 1_720_320), checks: []check{{"emissionsTCO2e", 291.42, 1}}},
		{
			// OLMo 2 paper Table 19 / Morrison et al. 2025: 131 MWh measured GPU
			// energy (encoded as GPU-hours at 700 W), PUE 1.2, 0.332 kg/kWh,
			// WUE 0, EWIF 1.29 L/kWh -> 52 tCO2e and 202 kL.
			name: "OLMo 2 7B",
			sc: planner.Scenario{Name: "olmo2-7b", GPU: "h100", Values: map[string]float64{
				"gpus": 1024, "gpu-hours": 131_000.0 / 0.7, "power-w": 700, "pue": 1.2,
				"carbon-intensity": 332, "wue": 0, "ewif": 1.29}},
			checks: []check{
				{"emissionsTCO2e", 52, 1},
				{"waterOffsiteL", 202_000, 1},
				{"waterOnsiteL", 0, 0},
			},
		},
		{
			// OLMo 2 13B: 257 MWh, PUE 1.12, 0.352 kg/kWh, EWIF 3.10 -> 101 t, 892 kL.
			name: "OLMo 2 13B",
			sc: planner.Scenario{Name: "olmo2-13b", GPU: "h100", Values: map[string]float64{
				"gpus": 1024, "gpu-hours": 257_000.0 / 0.7, "power-w": 700, "pue": 1.12,
				"carbon-intensity": 352, "wue": 0, "ewif": 3.10}},
			checks: []check{
				{"emissionsTCO2e", 101, 1},
				{"waterOffsiteL", 892_000, 1},
			},
		},
		{
			// Li et al. 2023 (StarCoder) §5.7: 320,256 GPU-h x 280 W = 89,671.68
			// kWh, PUE 1.2, 0.15495 kg/kWh -> 16.68 tCO2eq.
			name: "StarCoder",
			sc: planner.Scenario{Name: "starcoder", GPU: "a100-80gb", Values: map[string]float64{
				"params": 15.5e9, "tokens": 1e12, "gpus": 512, "gpu-hours": 320_256, "power-w": 280,
				"pue": 1.2, "carbon-intensity": 154.95}},
			checks: []check{
				{"itEnergyKWh", 89_671.68, 0.01},
				{"emissionsTCO2e", 16.68, 0.5},
				{"wallClockDays", 26.06, 0.2},
			},
		},
		{
			// MosaicML MPT-7B blog (2023-05-05): 440 A100-40GB for ~9.5 days,
			// ~$200k at $2.00/GPU-h.
			name: "MPT-7B",
			sc: planner.Scenario{Name: "mpt7b", GPU: "a100-40gb", Values: map[string]float64{
				"params": 6.7e9, "tokens": 1e12, "gpus": 440, "gpu-hours": 100_320, "gpu-hour-price": 2}},
			checks: []check{{"costUSD.cloud", 200_000, 1}, {"wallClockDays", 9.5, 0.1}},
		},
		{
			// Epoch AI inputs for GPT-4 (2.1e25 FLOP, 25,000 A100-40GB, 57M
			// GPU-h) at the catalogue's default A100-40GB 3-year price ($1.45,
			// AWS p4d) against Epoch's cloud estimate of $78.6M: validation.md
			// case 17 finds +5.2%, so 6% tolerance.
			name: "GPT-4 cloud (Epoch)",
			sc: planner.Scenario{Name: "gpt4", GPU: "a100-40gb", Values: map[string]float64{
				"flops": 2.1e25, "gpus": 25000, "gpu-hours": 57e6}},
			checks: []check{{"costUSD.cloud", 78.6e6, 6}, {"costUSD.cloud", 82.65e6, 0.01}},
		},
		{
			// Stanford AI Index 2024: Gemini Ultra $191.4M = Epoch's 132M TPU v4
			// chip-hours at the GCP 3-year rate of $1.45.
			name: "Gemini 1 Ultra cloud (AI Index)",
			sc: planner.Scenario{Name: "gemini", GPU: "tpu-v4", Values: map[string]float64{
				"flops": 5e25, "gpus": 57000, "gpu-hours": 132e6}},
			checks: []check{{"costUSD.cloud", 191.4e6, 0.05}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := estimate(t, c.sc)
			for _, ch := range c.checks {
				v, ok := planner.OutputByPath(ch.path).Get(&r.Totals)
				if !ok {
					t.Errorf("%s: %s is null", c.name, ch.path)
					continue
				}
				if ch.want == 0 {
					if v != 0 {
						t.Errorf("%s: %s: want 0, got %g", c.name, ch.path, v)
					}
					continue
				}
				within(t, c.name+" "+ch.path, v, ch.want, ch.tolPct)
			}
		})
	}
}

// meta is Meta's model-card convention: A100-80GB at 400 W x PUE 1.1 x
// 0.385 kgCO2e/kWh (validation.md, cases 6 and 7).
func meta(name string, gpus, gpuHours float64) planner.Scenario {
	return planner.Scenario{Name: name, GPU: "a100-80gb", Values: map[string]float64{
		"gpus": gpus, "gpu-hours": gpuHours, "power-w": 400, "pue": 1.1, "carbon-intensity": 385}}
}

// TestBlindGPT3 checks the blind chain against validation.md case 1: MFU
// fixed at Epoch's median 0.375 gives 1,867,000 GPU-hours (-47% against the
// reported 3.552M) and 264 t at TDP.
func TestBlindGPT3(t *testing.T) {
	r := estimate(t, planner.Scenario{Name: "gpt3-blind", GPU: "v100", Values: map[string]float64{
		"params": 175e9, "tokens": 300e9, "gpus": 10000, "power-w": 300, "pue": 1.1, "carbon-intensity": 429}})
	within(t, "blind GPU-hours", r.GPUHours, 1_867_000, 0.1)
	within(t, "blind carbon", r.EmissionsTCO2e, 264, 0.5)
	within(t, "implied MFU", r.ImpliedMFU.Value, 0.375, 1e-9)
}

// TestCatalogueRuns evaluates every published run stored in the catalogue in
// informed mode and checks each reported figure that carries a tolerance.
func TestCatalogueRuns(t *testing.T) {
	cat := catalog(t)
	if len(cat.Runs) < 10 {
		t.Fatalf("catalogue: want at least 10 published runs, got %d", len(cat.Runs))
	}
	for _, run := range cat.Runs {
		t.Run(run.ID, func(t *testing.T) {
			informed := run.Informed
			r, _, err := planner.Estimate(cat, &informed)
			if err != nil {
				t.Fatalf("%s informed: %v", run.ID, err)
			}
			blind := run.Blind
			if _, _, err := planner.Estimate(cat, &blind); err != nil {
				t.Fatalf("%s blind: %v", run.ID, err)
			}
			for key, rep := range run.Reported {
				o := planner.OutputByPath(key)
				if o == nil {
					t.Errorf("%s: reported key %q is not an output path", run.ID, key)
					continue
				}
				if rep.TolerancePct == 0 {
					continue
				}
				v, ok := o.Get(&r.Totals)
				if !ok {
					t.Errorf("%s: %s is null", run.ID, key)
					continue
				}
				within(t, run.ID+" "+key+" ("+rep.Source+")", v, rep.Value, rep.TolerancePct)
			}
		})
	}
}

func catalogBytes() []byte { return assets.CatalogJSON }
