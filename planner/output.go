package planner

// Report is what estimate --json prints for one scenario: the result, the
// catalogue version and every resolved input with its provenance.
type Report struct {
	Name string `json:"name,omitempty"`
	Result
	CatalogVersion string `json:"catalogVersion"`
	// Currency states the dollar basis: nominal USD as dated in the catalogue.
	Currency string              `json:"currency"`
	Inputs   map[string]Resolved `json:"inputs"`
}

// CurrencyNote is the dollar basis of every cost.
const CurrencyNote = "USD, nominal, as dated in the catalogue (no inflation adjustment)"

// NewReport assembles the report of an evaluated scenario.
func NewReport(name string, r Result, res *Resolution) Report {
	return Report{Name: name, Result: r, CatalogVersion: res.CatalogVersion, Currency: CurrencyNote, Inputs: res.Provenance}
}
