package planner_test

import (
	"math"
	"testing"

	"aiplan/planner"
)

// liServing is Li et al.'s US average service ("Making AI Less Thirsty",
// arXiv 2304.03271, section 3.3.2 and Table 1): 4 Wh of server energy per
// medium-length response, PUE 1.17, WUE 0.55 L/kWh, EWIF 3.142 L/kWh.
func liServing() planner.ServingInputs {
	return planner.ServingInputs{QueriesPerDay: 1e9, EnergyPerQueryWh: 4, PUE: 1.17, WUELPerKWh: 0.55,
		EWIFLPerKWh: 3.142, CarbonGPerKWh: 400, RevenuePerQueryUSD: 0.01, BottleL: 0.5, GapUSD: 500e9}
}

func TestServingBottle(t *testing.T) {
	// Li et al.: a 500 mL bottle for 10-50 medium-length responses; their
	// US average of 16.9 mL per response is their inputs through the one
	// formula 4 Wh x (0.55 + 1.17 x 3.142) = 16.905 mL (within 5%), i.e.
	// about 29.6 responses per bottle. The other cases are by hand.
	cases := []struct {
		name          string
		energyWh, pue float64
		wue, ewif     float64
		want          float64
	}{
		{"Li et al. US average", 4, 1.17, 0.55, 3.142, 500 / (4 * (0.55 + 1.17*3.142))},
		{"on-site only (2.2 mL)", 4, 1.17, 0.55, 0, 500 / 2.2},
		{"10 mL: 50 responses", 1, 1, 10, 0, 50},
		{"50 mL: 10 responses", 10, 1, 1, 4, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := liServing()
			in.EnergyPerQueryWh, in.PUE, in.WUELPerKWh, in.EWIFLPerKWh = c.energyWh, c.pue, c.wue, c.ewif
			r, err := planner.EvaluateServing(in)
			if err != nil {
				t.Fatal(err)
			}
			if r.ResponsesPerBottle == nil || math.Abs(*r.ResponsesPerBottle-c.want) > 1e-9*c.want {
				t.Errorf("want %.4g responses per bottle, got %v", c.want, r.ResponsesPerBottle)
			}
		})
	}
	r, _ := planner.EvaluateServing(liServing())
	if rel := math.Abs(r.PerQuery.WaterML/16.9 - 1); rel > 0.05 {
		t.Errorf("Li et al.: want 16.9 mL per response within 5%%, got %.3f", r.PerQuery.WaterML)
	}
	if b := *r.ResponsesPerBottle; b < 10 || b > 50 || math.Abs(b/29.6-1) > 0.05 {
		t.Errorf("Li et al.: want 29.6 within 5%%, inside 10-50, got %.2f", b)
	}
}

func TestServingAnnual(t *testing.T) {
	// By hand, 1e9 queries/day x 365 = 3.65e11 queries a year, Li et al.'s
	// site (PUE 1.17, WUE 0.55, EWIF 3.142) at 0.3 Wh of IT energy:
	// IT energy 3.65e11 x 0.3 Wh = 1.095e8 kWh (Epoch AI 2025);
	// facility energy x 1.17 = 1.28115e8 kWh;
	// carbon 1.28115e8 kWh x 400 g = 51,246 t;
	// water 3.65e11 x 0.3 x (0.55 + 1.17 x 3.142) mL = 4.62762e8 L;
	// revenue 3.65e11 x $0.01 = $3.65e9;
	// services to close $500B: ceil(500 / 3.65) = ceil(136.99) = 137.
	in := liServing()
	in.EnergyPerQueryWh = 0.3
	r, err := planner.EvaluateServing(in)
	if err != nil {
		t.Fatal(err)
	}
	water := 3.65e11 * 0.3 * (0.55 + 1.17*3.142) / 1000
	for _, f := range []struct {
		name      string
		want, got float64
	}{
		{"queriesPerYear", 3.65e11, r.QueriesPerYear},
		{"itEnergyKWh", 1.095e8, r.ITEnergyKWh},
		{"energyKWh", 1.28115e8, r.EnergyKWh},
		{"carbonT", 51246, r.CarbonT},
		{"waterL", water, r.WaterL},
		{"waterL by hand", 4.62762e8, math.Round(r.WaterL/1e3) * 1e3},
		{"revenueUSD", 3.65e9, r.RevenueUSD},
	} {
		if math.Abs(f.got-f.want) > 1e-9*f.want {
			t.Errorf("%s: want %g, got %g", f.name, f.want, f.got)
		}
	}
	if r.ServicesToCloseGap == nil || *r.ServicesToCloseGap != 137 {
		t.Errorf("servicesToCloseGap: want 137, got %v", r.ServicesToCloseGap)
	}
	// de Vries 2023: 3 Wh per request, ten times the energy and the water.
	in.EnergyPerQueryWh = 3
	r3, _ := planner.EvaluateServing(in)
	if math.Abs(r3.EnergyKWh/r.EnergyKWh-10) > 1e-9 || math.Abs(r3.WaterL/r.WaterL-10) > 1e-9 {
		t.Errorf("3 Wh: want 10x energy and water, got %g, %g", r3.EnergyKWh/r.EnergyKWh, r3.WaterL/r.WaterL)
	}
}

// TestServingAnnualIsPerQuery: every annual figure is the unit economics'
// per-query figure times the queries of a year (one formula).
func TestServingAnnualIsPerQuery(t *testing.T) {
	m := money(t)
	for _, e := range []float64{0, 0.3, 3, 4} {
		in := liServing()
		in.EnergyPerQueryWh = e
		r, err := planner.EvaluateServing(in)
		if err != nil {
			t.Fatal(err)
		}
		u, err := planner.EvaluateServingUnit(planner.ServingUnitDefaults(m, in))
		if err != nil {
			t.Fatal(err)
		}
		q := r.QueriesPerYear
		for _, f := range []struct {
			name      string
			annual, x float64
		}{
			{"energyKWh", r.EnergyKWh, q * u.FacilityEnergyPerQuery / 1000},
			{"itEnergyKWh", r.ITEnergyKWh, q * u.EnergyPerQueryWh / 1000},
			{"waterL", r.WaterL, q * u.WaterPerQueryML / 1000},
			{"carbonT", r.CarbonT, q * u.EmissionsPerQueryG / 1e6},
		} {
			if math.Abs(f.annual-f.x) > 1e-12*math.Max(1, f.x) {
				t.Errorf("%g Wh %s: annual %g, per query x queries %g", e, f.name, f.annual, f.x)
			}
		}
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
	base := liServing()
	cases := []struct {
		name  string
		edit  func(*planner.ServingInputs)
		field string
	}{
		{"queries", func(in *planner.ServingInputs) { in.QueriesPerDay = -1 }, "queries-per-day"},
		{"energy", func(in *planner.ServingInputs) { in.EnergyPerQueryWh = math.NaN() }, "energy-wh"},
		{"bottle", func(in *planner.ServingInputs) { in.BottleL = 0 }, "bottle"},
		{"carbon", func(in *planner.ServingInputs) { in.CarbonGPerKWh = 5000 }, "carbon-intensity"},
		{"pue below 1", func(in *planner.ServingInputs) { in.PUE = 0 }, "pue"},
		{"wue NaN", func(in *planner.ServingInputs) { in.WUELPerKWh = math.NaN() }, "wue"},
		{"ewif 1e400", func(in *planner.ServingInputs) { in.EWIFLPerKWh = math.Inf(1) }, "ewif"},
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
		if in.EnergyPerQueryWh != c.energyWh || in.BottleL != 0.5 || in.PUE < 1 || in.WUELPerKWh <= 0 || in.EWIFLPerKWh <= 0 {
			t.Errorf("%s: want %g Wh, 0.5 L and the catalogue's PUE, WUE, EWIF; got %+v", c.id, c.energyWh, in)
		}
		r, err := planner.EvaluateServing(in)
		if err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		// Water follows the energy: bottle x 1000 / (E x (WUE + PUE x EWIF)).
		want := 500 / (c.energyWh * (in.WUELPerKWh + in.PUE*in.EWIFLPerKWh))
		if b := *r.ResponsesPerBottle; math.Abs(b/want-1) > 1e-12 {
			t.Errorf("%s: want %.4g responses per bottle, got %g", c.id, want, b)
		}
	}
	if _, err := planner.ServingPreset(cat, "nope"); planner.ErrField(err) != "preset" {
		t.Errorf("unknown preset: want a preset field error, got %v", err)
	}
}
