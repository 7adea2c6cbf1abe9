package assets

import (
	_ "embed"
	"sync"

	"aiplan/planner"
)

// MoneyJSON is the money reference file as shipped (money.json): ECB
// exchange rates, price indexes, and money cost points and forecasts.
//
//go:embed money.json
var MoneyJSON []byte

var moneyOnce = sync.OnceValues(func() (*planner.MoneyData, error) {
	return planner.ParseMoney(MoneyJSON)
})

// Money returns the parsed and validated money file. The value is shared:
// callers must not modify it.
func Money() (*planner.MoneyData, error) { return moneyOnce() }
