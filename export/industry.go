package export

import (
	"strconv"
	"strings"

	"aiplan/assets"
	"aiplan/planner"
)

// SheetIndustry is the industry-scale sheet: Epoch AI's 1 GW model and a
// capex series read as a build-out, as formulas over blue inputs.
const SheetIndustry = "Industry"

// Industry sheet layout: inputs in B4 down (one row per
// planner.IndustryFields entry, in that order), results from
// IndustryResultRow, the build-out table from IndustryBuildOutRow.
const (
	industryInputRow = 4
	// IndustryResultRow is the first result row (column B).
	IndustryResultRow = industryInputRow + 24
	// IndustryBuildOutRow is the first year of the build-out table: A year,
	// B capex (input), C added GW, D installed GW, E facility TWh, F tCO2e,
	// G water consumption m3, H water withdrawal m3.
	IndustryBuildOutRow = IndustryResultRow + 24
)

// industryResults are the result rows, in order, with their formulas over
// the input cells (named by input key) and earlier results (named by key).
var industryResults = []struct{ key, label, unit, formula, format string }{
	{"capex", "Capex = G x capex per GW", "USD", "{gw}*{capex-per-gw}", fmtUSD},
	{"it-capex", "IT capex", "USD", "{capex}*{it-share}", fmtUSD},
	{"facility-capex", "Facility capex", "USD", "{capex}-{it-capex}", fmtUSD},
	{"crf-it", "CRF(r, IT life) = r / (1 - (1 + r)^-n)", "1/year", "IF({wacc}=0,1/{it-life},{wacc}/(1-(1+{wacc})^(-{it-life})))", "0.0000"},
	{"crf-facility", "CRF(r, facility life)", "1/year", "IF({wacc}=0,1/{facility-life},{wacc}/(1-(1+{wacc})^(-{facility-life})))", "0.0000"},
	{"it-annual", "IT capital recovery", "USD/year", "{it-capex}*{crf-it}", fmtUSD},
	{"facility-annual", "Facility capital recovery", "USD/year", "{facility-capex}*{crf-facility}", fmtUSD},
	{"it-energy", "IT energy = G x 8,766 h x utilisation", "TWh/year", "{gw}*8766*{utilization}/1000", "0.000"},
	{"facility-energy", "Facility energy = IT energy x PUE", "TWh/year", "{it-energy}*{pue}", "0.000"},
	{"opex-total", "Opex other than energy", "USD/year", "{gw}*{opex}", fmtUSD},
	{"energy-cost", "Energy cost", "USD/year", "{facility-energy}*1E9*{price}", fmtUSD},
	{"annual-cost", "Annual cost of ownership", "USD/year", "{it-annual}+{facility-annual}+{opex-total}+{energy-cost}", fmtUSD},
	{"required-revenue", "Required revenue (per-gw) = annual cost / (1 - margin)", "USD/year", "{annual-cost}/(1-{margin})", fmtUSD},
	{"revenue", "Revenue at revenue per GW", "USD/year", "{gw}*{revenue-per-gw}", fmtUSD},
	{"emissions", "Emissions, location-based", "tCO2e/year", "{facility-energy}*1E9*{carbon}/1E6", "#,##0"},
	{"market-emissions", "Emissions, market-based", "tCO2e/year", "{facility-energy}*1E9*{market-carbon}/1E6", "#,##0"},
	{"consumption", "Water CONSUMPTION = WUE x IT energy + EWIF x facility energy", "m3/year", "({it-energy}*{wue}+{facility-energy}*{ewif})*1E6", "#,##0"},
	{"withdrawal", "Water WITHDRAWAL (Li et al. factors)", "m3/year", "({it-energy}*{wue-withdrawal}+{facility-energy}*{ewif-withdrawal})*1E6", "#,##0"},
	{"denmarks", "Withdrawal in Denmark's annual withdrawals (0.98 billion m3, CIA 2020)", "x", "{withdrawal}/980000000", "0.00"},
	{"heat", "Heat reused", "MWh/year", "{facility-energy}*1E6*{heat-reuse}", "#,##0"},
	{"homes", "Homes heated", "homes", "{heat}/{heat-per-home}", "#,##0"},
	{"supply-share", "Dedicated supply / facility power at full load", "fraction", "{supply-mw}/({gw}*1000*{pue})", fmtPercent},
}

// industryCells maps input and result keys to their cells.
func industryCells() map[string]string {
	m := map[string]string{}
	for i, f := range planner.IndustryFields {
		m[f.Key] = "B" + strconv.Itoa(industryInputRow+i)
	}
	for i, r := range industryResults {
		m[r.key] = "B" + strconv.Itoa(IndustryResultRow+i)
	}
	return m
}

// IndustryCell returns the cell of an industry input or result key ("" if
// unknown).
func IndustryCell(key string) string { return industryCells()[key] }

// expandIndustry replaces {key} in a formula with the key's cell (absolute).
func expandIndustry(fm string, cells map[string]string) string {
	out := make([]byte, 0, len(fm)+16)
	for i := 0; i < len(fm); i++ {
		if fm[i] != '{' {
			out = append(out, fm[i])
			continue
		}
		j := i + 1
		for j < len(fm) && fm[j] != '}' {
			j++
		}
		c := cells[fm[i+1:j]]
		out = append(out, "$B$"+c[1:]...)
		i = j
	}
	return string(out)
}

// industrySheet writes Epoch AI's 1 GW preset of assets/industry.json and
// the reported hyperscaler capex series as live formulas following
// planner.EvaluateIndustry and planner.BuildOut.
func (wr *writer) industrySheet() error {
	data, err := assets.Industry()
	if err != nil {
		return err
	}
	res, err := planner.ResolveIndustry(wr.cat, data, planner.IndustryRequest{Preset: planner.IndustryPresetEpoch})
	if err != nil {
		return err
	}
	f, s := wr.f, SheetIndustry
	st, err := wr.plainStyles(markTitle, markHeader, markNote)
	if err != nil {
		return err
	}
	cells := industryCells()
	put := func(row int, vals ...any) error {
		for i, v := range vals {
			if v == nil {
				continue
			}
			if err := f.SetCellValue(s, string(rune('A'+i))+strconv.Itoa(row), v); err != nil {
				return err
			}
		}
		return nil
	}
	styled := func(cell, format string, mark int) error {
		id, err := wr.style(format, mark)
		if err != nil {
			return err
		}
		return f.SetCellStyle(s, cell, cell, id)
	}
	if err := put(1, "Industry scale: "+data.Preset(planner.IndustryPresetEpoch).Name+", and a capex series as a build-out"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", st[0]); err != nil {
		return err
	}
	if err := put(2, "Blue cells are inputs (change them); the rest are formulas. Water WITHDRAWAL is water taken, CONSUMPTION water evaporated (Li et al., 'Making AI Less Thirsty')."); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A2", "A2", st[2]); err != nil {
		return err
	}
	if err := put(industryInputRow-1, "Input", "Value", "Unit", "Key (aiplan industry flag)", "Source"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A3", "E3", st[1]); err != nil {
		return err
	}
	for i, fd := range planner.IndustryFields {
		row := industryInputRow + i
		p := res.Prov[fd.Key]
		src := p.Source
		if p.Assumption != "" {
			src += " (assumption: " + p.Assumption + ")"
		}
		v, _ := p.Value.(float64)
		if err := put(row, fd.Label, v, fd.Unit, fd.Key, src); err != nil {
			return err
		}
		format := "General"
		switch {
		case fd.Percent:
			format = fmtPercent
		case strings.HasPrefix(fd.Unit, "USD/GW"):
			format = fmtUSD
		}
		if err := styled(cells[fd.Key], format, markUser); err != nil {
			return err
		}
	}
	if err := put(IndustryResultRow-1, "Result", "Value", "Unit", "Formula"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A"+strconv.Itoa(IndustryResultRow-1), "D"+strconv.Itoa(IndustryResultRow-1), st[1]); err != nil {
		return err
	}
	for i, r := range industryResults {
		row := IndustryResultRow + i
		if err := put(row, r.label, nil, r.unit, r.formula); err != nil {
			return err
		}
		if err := f.SetCellFormula(s, cells[r.key], expandIndustry(r.formula, cells)); err != nil {
			return err
		}
		if err := styled(cells[r.key], r.format, markFormula); err != nil {
			return err
		}
	}
	rep, _ := assets.Reported() // reported hyperscaler capex; nil: error below
	series, err := planner.HyperscalerCapexSeries(rep)
	if err != nil {
		return err
	}
	return wr.industryBuildOut(series, cells, st[1])
}

// industryBuildOut writes the capex series' build-out table.
func (wr *writer) industryBuildOut(series planner.CapexSeries, cells map[string]string, header int) error {
	f, s := wr.f, SheetIndustry
	h := strconv.Itoa(IndustryBuildOutRow - 1)
	if err := f.SetCellValue(s, "A"+strconv.Itoa(IndustryBuildOutRow-2), "Build-out: "+series.Name+" ("+series.Source+"), at the capex per GW above"); err != nil {
		return err
	}
	for i, t := range []string{"Year", "Capex (USD)", "Added GW", "Installed GW", "Facility TWh", "tCO2e (location)", "Consumption m3", "Withdrawal m3"} {
		if err := f.SetCellValue(s, string(rune('A'+i))+h, t); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A"+h, "H"+h, header); err != nil {
		return err
	}
	for _, row := range []int{industryInputRow - 1, IndustryBuildOutRow - 1} {
		if err := f.SetRowHeight(s, row, 30); err != nil {
			return err
		}
	}
	in := func(k string) string { return "$B$" + cells[k][1:] }
	for i, y := range series.Years {
		r := strconv.Itoa(IndustryBuildOutRow + i)
		prev := "0"
		if i > 0 {
			prev = "D" + strconv.Itoa(IndustryBuildOutRow+i-1)
		}
		if err := f.SetCellValue(s, "A"+r, y.Year); err != nil {
			return err
		}
		if err := f.SetCellValue(s, "B"+r, y.CapexUSD); err != nil {
			return err
		}
		for _, c := range []struct{ col, fm string }{
			{"C", "B" + r + "/" + in("capex-per-gw")},
			{"D", prev + "+C" + r},
			{"E", "D" + r + "*8766*" + in("utilization") + "*" + in("pue") + "/1000"},
			{"F", "E" + r + "*1E9*" + in("carbon") + "/1E6"},
			{"G", "(E" + r + "/" + in("pue") + "*" + in("wue") + "+E" + r + "*" + in("ewif") + ")*1E6"},
			{"H", "(E" + r + "/" + in("pue") + "*" + in("wue-withdrawal") + "+E" + r + "*" + in("ewif-withdrawal") + ")*1E6"},
		} {
			if err := f.SetCellFormula(s, c.col+r, c.fm); err != nil {
				return err
			}
		}
		for _, c := range []struct{ col, format string }{{"B", fmtUSD}, {"C", "0.00"}, {"D", "0.00"}, {"E", "0.0"}, {"F", "#,##0"}, {"G", "#,##0"}, {"H", "#,##0"}} {
			mark := markFormula
			if c.col == "B" {
				mark = markUser
			}
			id, err := wr.style(c.format, mark)
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(s, c.col+r, c.col+r, id); err != nil {
				return err
			}
		}
	}
	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 50}, {"B", 16}, {"C", 14}, {"D", 16}, {"E", 16}, {"F", 14}, {"G", 16}, {"H", 16}} {
		if err := f.SetColWidth(s, w.col, w.col, w.width); err != nil {
			return err
		}
	}
	return nil
}
