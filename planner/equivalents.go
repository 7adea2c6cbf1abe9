package planner

// Equivalent is a result restated in everyday terms, with the catalogue
// factor it divides by (so its source and date can be shown).
type Equivalent struct {
	Key    string  `json:"key"`
	Count  float64 `json:"count"`
	What   string  `json:"what"`
	Factor Figure  `json:"factor"`
}

// Catalogue keys of the everyday-terms factors.
const (
	EquivBottle = "equivalent.bottleL"
	EquivCar    = "equivalent.carTCO2ePerYear"
	EquivHome   = "equivalent.homeKWhPerYear"
)

// Equivalents restates t in everyday terms with the catalogue's factors;
// a factor the catalogue lacks is left out.
//
//	bottles = (on-site + off-site water) / bottle volume   (50 cl)
//	cars    = location-based carbon / tCO2e per car-year   (US EPA)
//	homes   = facility energy / kWh per home-year          (US EIA)
func Equivalents(cat *Catalog, t *Totals) []Equivalent {
	rows := []struct {
		key, what string
		amount    float64
	}{
		{EquivBottle, "50 cl bottles of water (on-site + off-site)", t.WaterOnsiteL + t.WaterOffsiteL},
		{EquivCar, "average cars driven for a year (location-based carbon)", t.EmissionsTCO2e},
		{EquivHome, "homes powered for a year (facility energy)", t.FacilityEnergyKWh},
	}
	var out []Equivalent
	for _, r := range rows {
		f, ok := cat.Macro.Figures[r.key]
		if !ok || !(f.Value > 0) {
			continue
		}
		out = append(out, Equivalent{Key: r.key, Count: r.amount / f.Value, What: r.what, Factor: f})
	}
	return out
}
