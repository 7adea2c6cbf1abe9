package planner_test

import (
	"math"
	"testing"

	"aiplan/planner"
)

func TestServingBottle(t *testing.T) {
	// Li, Yang, Islam, Ren, "Making AI Less Thirsty" (arXiv 2304.03271): a
	// 500 mL bottle for 10-50 medium-length responses; the US average of
	// 16.9 mL per response (2.2 mL on-site) gives 500 / 16.9 = 29.59.
	cases := []struct {
		name    string
		waterML float64
		want    float64
	}{
		{"US average total", 16.9, 500 / 16.9},
		{"on-site only", 2.2, 500 / 2.2},
		{"50 responses", 10, 50},
		{"10 responses", 50, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := planner.EvaluateServing(planner.ServingInputs{QueriesPerDay: 1, EnergyPerQueryWh: 0.3,
				WaterPerQueryML: c.waterML, BottleL: 0.5})
			if err != nil {
				t.Fatal(err)
			}
			if r.ResponsesPerBottle == nil || math.Abs(*r.ResponsesPerBottle-c.want) > 1e-9 {
				t.Errorf("%s: want %.4g responses per bottle, got %v", c.name, c.want, r.ResponsesPerBottle)
			}
		})
	}
	r, _ := planner.EvaluateServing(planner.ServingInputs{WaterPerQueryML: 16.9, BottleL: 0.5})
	if b := *r.ResponsesPerBottle; b < 10 || b > 50 || math.Abs(b-29.6) > 0.05 {
		t.Errorf("Li et al.: want 29.6, inside 10-50, got %.2f", b)
	}
}

func TestServingAnnual(t *testing.T) {
	// By hand, 1e9 queries/day x 365 = 3.65e11 queries a year:
	// energy 3.65e11 x 0.3 Wh = 1.095e11 Wh = 1.095e8 kWh (Epoch AI 2025);
	// carbon 1.095e8 kWh x 400 g = 4.38e10 g = 43,800 t;
	// water 3.65e11 x 16.9 mL = 6.1685e9 L; revenue 3.65e11 x $0.01 = $3.65e9;
	// services to close $500B: ceil(500 / 3.65) = ceil(136.99) = 137.
	in := planner.ServingInputs{QueriesPerDay: 1e9, EnergyPerQueryWh: 0.3, WaterPerQueryML: 16.9,
		CarbonGPerKWh: 400, RevenuePerQueryUSD: 0.01, BottleL: 0.5, GapUSD: 500e9}
	r, err := planner.EvaluateServing(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name      string
		want, got float64
	}{
		{"queriesPerYear", 3.65e11, r.QueriesPerYear},
		{"energyKWh", 1.095e8, r.EnergyKWh},
		{"carbonT", 43800, r.CarbonT},
		{"waterL", 6.1685e9, r.WaterL},
		{"revenueUSD", 3.65e9, r.RevenueUSD},
	} {
		if math.Abs(f.got-f.want) > 1e-9*f.want {
			t.Errorf("%s: want %g, got %g", f.name, f.want, f.got)
		}
	}
	if r.ServicesToCloseGap == nil || *r.ServicesToCloseGap != 137 {
		t.Errorf("servicesToCloseGap: want 137, got %v", r.ServicesToCloseGap)
	}
	// de Vries 2023: 3 Wh per request, ten times the energy.
	in.EnergyPerQueryWh = 3
	r, _ = planner.EvaluateServing(in)
	if math.Abs(r.EnergyKWh-1.095e9) > 1 {
		t.Errorf("3 Wh: want 1.095e9 kWh, got %g", r.EnergyKWh)
	}
}

func TestServicesToClose(t *testing.T) {
	cases := []struct {
		name         string
		gap, revenue float64
		want         float64
		ok           bool
	}{
		{"exact", 100, 25, 4, true},
		{"rounds up", 100, 30, 4, true},
		{"no gap", 0, 0, 0, true},
		{"negative gap", -5, 10, 0, true},
		{"no revenue", 100, 0, 0, false},
	}
	for _, c := range cases {
		n, ok := planner.ServicesToClose(c.gap, c.revenue)
		if n != c.want || ok != c.ok {
			t.Errorf("%s: want %g %v, got %g %v", c.name, c.want, c.ok, n, ok)
		}
	}
}

func TestServingValidate(t *testing.T) {
	base := planner.ServingInputs{QueriesPerDay: 1e9, EnergyPerQueryWh: 0.3, WaterPerQueryML: 16.9, BottleL: 0.5}
	cases := []struct {
		name  string
		edit  func(*planner.ServingInputs)
		field string
	}{
		{"queries", func(in *planner.ServingInputs) { in.QueriesPerDay = -1 }, "queries-per-day"},
		{"energy", func(in *planner.ServingInputs) { in.EnergyPerQueryWh = math.NaN() }, "energy-wh"},
		{"bottle", func(in *planner.ServingInputs) { in.BottleL = 0 }, "bottle"},
		{"carbon", func(in *planner.ServingInputs) { in.CarbonGPerKWh = 5000 }, "carbon-intensity"},
	}
	for _, c := range cases {
		in := base
		c.edit(&in)
		if _, err := planner.EvaluateServing(in); planner.ErrField(err) != c.field {
			t.Errorf("%s: want a field error on %s, got %v", c.name, c.field, err)
		}
	}
}

func TestServingPreset(t *testing.T) {
	cat := gapCatalog(t)
	cases := []struct {
		id       string
		energyWh float64
	}{
		{"epoch2025", 0.3}, // Epoch AI 2025
		{"devries2023", 3}, // de Vries 2023, Joule
	}
	for _, c := range cases {
		in, err := planner.ServingPreset(cat, c.id)
		if err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		if in.EnergyPerQueryWh != c.energyWh || in.WaterPerQueryML != 16.9 || in.BottleL != 0.5 {
			t.Errorf("%s: want %g Wh, 16.9 mL, 0.5 L; got %+v", c.id, c.energyWh, in)
		}
		r, err := planner.EvaluateServing(in)
		if err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		if b := *r.ResponsesPerBottle; math.Abs(b-500/16.9) > 1e-9 {
			t.Errorf("%s: want 29.6 responses per bottle, got %g", c.id, b)
		}
	}
	if _, err := planner.ServingPreset(cat, "nope"); planner.ErrField(err) != "preset" {
		t.Errorf("unknown preset: want a preset field error, got %v", err)
	}
}
