package planner_test

import (
	"fmt"

	"aiplan/planner"
)

// The "$600B question" (David Cahn, Sequoia Capital, June 2024) with a
// three-year depreciation life and AI revenue doubling each year.
func ExampleEvaluateGap() {
	in := planner.GapInputs{
		Year:         2024,
		DCRevenueUSD: 150e9, // Nvidia data-centre run-rate
		GPUShare:     0.5,   // GPUs are half of data-centre TCO
		Margin:       0.5,   // end user's gross margin
		Revenue: []planner.RevenueItem{
			{Name: "Listed companies", USD: 70e9},
			{Name: "Other (Cahn's rounding to ~$100B)", USD: 30e9, Other: true},
		},
		LifeYears: 3, CapexGrowth: 1, RevenueGrowth: 2, Years: 5,
	}
	r, err := planner.EvaluateGap(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("lifetime need of a vintage: $%.0fB; itemised revenue $%.0fB\n",
		r.VintageRevenueUSD/1e9, r.ItemisedRevenueUSD/1e9)
	for _, y := range r.Years {
		fmt.Printf("%d required $%4.0fB revenue $%4.0fB gap $%5.0fB cumulative $%5.0fB\n",
			y.Year, y.RequiredRevenueUSD/1e9, y.RevenueUSD/1e9, y.GapUSD/1e9, y.CumulativeGapUSD/1e9)
	}
	fmt.Println("closes in", *r.ClosesYear)
	// Output:
	// lifetime need of a vintage: $600B; itemised revenue $70B
	// 2024 required $ 200B revenue $ 100B gap $  100B cumulative $  100B
	// 2025 required $ 400B revenue $ 200B gap $  200B cumulative $  300B
	// 2026 required $ 600B revenue $ 400B gap $  200B cumulative $  500B
	// 2027 required $ 600B revenue $ 800B gap $ -200B cumulative $  300B
	// 2028 required $ 600B revenue $1600B gap $-1000B cumulative $ -700B
	// closes in 2027
}

// Frontier training cost from GPT-4's amortised $40.7M (Epoch AI) at 2.4x a
// year, with the 2.0-2.9x band.
func ExampleProject() {
	r, err := planner.Project(planner.ProjectionInputs{BaseCostUSD: 40.7e6, BaseYear: 2023,
		Basis: "amortized", Growth: 2.4, GrowthLow: 2.0, GrowthHigh: 2.9, Until: 2030})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range planner.ThresholdKeys {
		if y := r.ThresholdYears[k]; y != nil {
			fmt.Printf("$%s: %d\n", k, *y)
		} else {
			fmt.Printf("$%s: after 2030\n", k)
		}
	}
	// Output:
	// $1e9: 2027
	// $1e10: 2030
	// $1e11: after 2030
}

// Water of one chatbot response in a 500 mL bottle from Li et al.'s US
// inputs: 4 Wh x (0.55 + 1.17 x 3.142) L/kWh = 16.9 mL per response.
func ExampleEvaluateServing() {
	r, err := planner.EvaluateServing(planner.ServingInputs{QueriesPerDay: 1e9,
		EnergyPerQueryWh: 4, PUE: 1.17, WUELPerKWh: 0.55, EWIFLPerKWh: 3.142, BottleL: 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f responses per bottle, %.3g kWh a year\n", *r.ResponsesPerBottle, r.EnergyKWh)
	// Output:
	// 29.6 responses per bottle, 1.71e+09 kWh a year
}
