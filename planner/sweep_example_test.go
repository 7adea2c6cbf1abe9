package planner_test

import (
	"context"
	"fmt"

	"aiplan/assets"
	"aiplan/planner"
)

func ExampleSweep() {
	cat, err := assets.Catalog()
	if err != nil {
		panic(err)
	}
	base := planner.Scenario{GPU: "h100", Values: map[string]float64{"params": 70e9, "tokens": 2e12, "gpus": 1000}}
	gpus, _ := planner.ParseVary("gpus=1000,10000")
	energy, _ := planner.ParseVary("energy=coal,nuclear")
	scs, err := planner.Sweep(context.Background(), cat, base, []planner.Vary{gpus, energy}, nil)
	if err != nil {
		panic(err)
	}
	for _, sc := range scs {
		fmt.Println(sc.Name)
	}
	// Output:
	// gpus=1000 energy=coal
	// gpus=1000 energy=nuclear
	// gpus=10000 energy=coal
	// gpus=10000 energy=nuclear
}
