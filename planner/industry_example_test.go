package planner_test

import (
	"fmt"

	"aiplan/planner"
)

// The per-gw gap method: Epoch AI's $8.5B per GW-year (May 2026) at
// Cahn's 50% margin, for 10 GW.
func ExamplePerGWRequiredRevenue() {
	r, err := planner.PerGWRequiredRevenue(10, 8.5e9, 0.5)
	if err != nil {
		panic(err)
	}
	fmt.Println(planner.HumanUSD(r))
	// Output: $170B
}

// A year of capex read as gigawatts, and de Vries's 85 TWh of AI server
// energy (2027) as an average load.
func ExampleGWFromCapex() {
	gw, _ := planner.GWFromCapex(380e9, 38e9)
	load, _ := planner.GWFromTWh(85, 1, 1)
	fmt.Printf("%.1f GW, %.1f GW\n", gw, load)
	// Output: 10.0 GW, 9.7 GW
}
