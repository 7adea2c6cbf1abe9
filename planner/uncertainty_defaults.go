package planner

import (
	"math"
	"strings"
)

// DefaultRange is one row of the catalogue's evidence table of default
// uncertainty (Catalog.Uncertainty). A catalogue value gets [Low, High]
// (absolute) or the resolved value times Factors() (relative), with the
// resolved value as likely; a value the user set gets the user value times
// [UserLow, UserHigh]. Rows with Kind "cloud-rows" use the spread of the
// catalogue's cloud prices. Like a Figure, a row names its sources or, where
// no source gives the range, holds a one-line rationale in Assumption.
type DefaultRange struct {
	// Key is a Field key (Uncertainty.Inputs) or a gap input (Uncertainty.Gap).
	Key  string `json:"key"`
	Kind string `json:"kind"` // "absolute", "relative" or "cloud-rows"
	Dist string `json:"dist"`
	// Low and High bound an absolute range in the input's unit. For a
	// relative range they are the evidence's bounds around Centre, so the
	// factors are Low/Centre and High/Centre; with no Centre they are the
	// factors themselves.
	Low    float64 `json:"low,omitempty"`
	High   float64 `json:"high,omitempty"`
	Centre float64 `json:"centre,omitempty"`
	// UserLow and UserHigh give the spread around a user's value; zero means
	// a user's value is taken as known (no default range).
	UserLow    float64 `json:"userLow,omitempty"`
	UserHigh   float64 `json:"userHigh,omitempty"`
	Source     string  `json:"source,omitempty"`
	Date       string  `json:"date"`
	Assumption string  `json:"assumption,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// Kinds of DefaultRange.
const (
	RangeAbsolute  = "absolute"
	RangeRelative  = "relative"
	RangeCloudRows = "cloud-rows"
)

// RangeKinds lists the valid kinds of DefaultRange.
var RangeKinds = []string{RangeAbsolute, RangeRelative, RangeCloudRows}

// Factors returns the multipliers of a relative range:
//
//	Low / Centre, High / Centre   (Centre > 0)
//	Low, High                     (no Centre)
func (d *DefaultRange) Factors() (lo, hi float64) {
	if d.Centre > 0 {
		return d.Low / d.Centre, d.High / d.Centre
	}
	return d.Low, d.High
}

// IsAssumption reports whether the row rests on an assumption rather than
// on a published range.
func (d *DefaultRange) IsAssumption() bool { return d != nil && d.Assumption != "" }

// Basis returns what the range rests on in one line: the note, prefixed by
// "assumption: " and the rationale for an assumption.
func (d *DefaultRange) Basis() string {
	if d.Assumption == "" {
		return d.Note
	}
	if d.Note == "" {
		return "assumption: " + d.Assumption
	}
	return "assumption: " + d.Assumption + "; " + d.Note
}

// DefaultRange returns the catalogue's default range of the numeric input
// key (a Field key), or nil.
func (c *Catalog) DefaultRange(key string) *DefaultRange {
	if c == nil {
		return nil
	}
	return findRange(c.Uncertainty.Inputs, key)
}

// GapDefaultRange returns the catalogue's default range of the gap input key
// (a GapRangeKeys key), or nil.
func (c *Catalog) GapDefaultRange(key string) *DefaultRange {
	if c == nil {
		return nil
	}
	return findRange(c.Uncertainty.Gap, key)
}

func findRange(rows []DefaultRange, key string) *DefaultRange {
	for i := range rows {
		if rows[i].Key == key {
			return &rows[i]
		}
	}
	return nil
}

// committed-use discount spreads across providers, relative to the GCP row
// most catalogue tiers come from (EPOCH-CONST DEFAULT_CUD).
var cudSpread = map[string][2]float64{
	TierOneYear:   {(1 - 0.41) / (1 - 0.37), (1 - 0.25) / (1 - 0.37)},
	TierThreeYear: {(1 - 0.64) / (1 - 0.56), (1 - 0.49) / (1 - 0.56)},
}

// UncertainInputs returns the ranges the Monte Carlo varies for a resolved
// scenario: the user's ranges (sc.Ranges) over the defaults of the
// catalogue's evidence table (cat.Uncertainty.Inputs). A default applies to a catalogue value as the evidence gives
// it, and to a value the user set as a spread centred on it; inputs that
// cannot change the result (MFU with disclosed GPU-hours) get none. A
// user's range on such an input is an error naming it.
func UncertainInputs(cat *Catalog, sc *Scenario, res *Resolution) ([]Uncertain, error) {
	var out []Uncertain
	in := &res.Inputs
	_, userMFU := sc.Values[KeyMFU]
	for _, f := range Fields {
		key := f.Key
		if r, ok := sc.Ranges[key]; ok {
			if err := r.Validate(key); err != nil {
				return nil, err
			}
			if ok, why := relevant(sc, in, key); !ok {
				return nil, &FieldError{Field: key, Msg: "a range has no effect: " + why}
			}
			if r.Dist == "" {
				r.Dist = DistTriangular
			}
			out = append(out, Uncertain{Key: key, Label: f.Label, Range: r, Origin: OriginUser, Source: "user range"})
			continue
		}
		if key == KeyMFU && !userMFU && !in.HasGPUHours {
			// A blind MFU: the prior fitted on the development set (mfuprior.go).
			if r, err := MFUPriorRange(*sc, cat); err == nil {
				out = append(out, Uncertain{Key: key, Label: f.Label, Range: r, Origin: OriginCatalogue,
					Source: "DEV-RUNS", Note: "MFU prior: lognormal with the fit's P10/P90 (aiplan catalog)"})
				continue
			}
		}
		d := cat.DefaultRange(key)
		if d == nil {
			continue
		}
		if ok, _ := relevant(sc, in, key); !ok {
			continue
		}
		if key == KeyGoodput && !userMFU {
			continue // the default MFU range already holds goodput losses
		}
		if key == KeyServerCostFactor && res.Accelerator != nil && res.Accelerator.Price.Basis == PriceBasisSystem {
			continue
		}
		v, ok := inputValue(in, key)
		if !ok {
			continue
		}
		u := Uncertain{Key: key, Label: f.Label, Source: d.Source, Note: d.Basis()}
		r := Range{Likely: v, Dist: d.Dist}
		if _, set := sc.Values[key]; set {
			if d.UserLow == 0 {
				continue
			}
			r.Low, r.High = v*d.UserLow, v*d.UserHigh
			u.Origin = OriginDerived
			u.Note = "spread centred on the user's value; " + d.Basis()
		} else {
			u.Origin = OriginCatalogue
			switch d.Kind {
			case RangeAbsolute:
				r.Low, r.High = math.Min(d.Low, v), math.Max(d.High, v)
			case RangeRelative:
				lo, hi := d.Factors()
				r.Low, r.High = v*lo, v*hi
			case RangeCloudRows:
				r.Low, r.High = cloudSpread(res, v)
			}
		}
		r.Low, r.High = math.Max(roundSig(r.Low), f.Min), math.Min(roundSig(r.High), f.Max)
		r.Likely = math.Min(math.Max(r.Likely, r.Low), r.High)
		if !(r.Low < r.High) {
			continue // a zero value (closed-loop WUE) or a single price stays as it is
		}
		u.Range = r
		out = append(out, u)
	}
	for key := range sc.Ranges {
		if FieldByKey(key) == nil {
			return nil, &FieldError{Field: key, Msg: "unknown input; valid: " + strings.Join(FieldKeys(), ", ")}
		}
	}
	return out, nil
}

// roundSig rounds a default range bound to 4 significant digits.
func roundSig(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// cloudSpread returns the min and max price of the accelerator's catalogue
// rows at the tier used, or the committed-use spread around v.
func cloudSpread(res *Resolution, v float64) (lo, hi float64) {
	lo, hi = v, v
	rows := 0
	if res.Accelerator != nil {
		for _, row := range res.Accelerator.Cloud {
			if p := row.Tier(res.PriceTierUsed); p > 0 {
				lo, hi = math.Min(lo, p), math.Max(hi, p)
				rows++
			}
		}
	}
	if rows < 2 {
		if s, ok := cudSpread[res.PriceTierUsed]; ok {
			return v * s[0], v * s[1]
		}
	}
	return lo, hi
}
