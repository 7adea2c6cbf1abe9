package export

import (
	"github.com/xuri/excelize/v2"
)

type styleKey struct {
	format string
	mark   int
}

// Cell marks on the Assumptions sheet.
const (
	markNone       = iota
	markUser       // blue font: the user's input
	markAssumption // orange fill: a catalogue assumption, not a published figure
	markFormula    // derived or flag: a formula
	markHeader
	markUnit
	markKey
	markTitle
	markNote // italic explanation
)

// plainStyles returns the style ID of each mark, with no number format.
func (wr *writer) plainStyles(marks ...int) ([]int, error) {
	ids := make([]int, len(marks))
	for i, m := range marks {
		id, err := wr.style("", m)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

// style returns the cached style of a number format and a mark.
func (wr *writer) style(format string, mark int) (int, error) {
	k := styleKey{format, mark}
	if id, ok := wr.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{}
	if format != "" {
		fm := format
		s.CustomNumFmt = &fm
	}
	switch mark {
	case markUser:
		s.Font = &excelize.Font{Color: "0000FF"}
	case markAssumption:
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}
	case markFormula:
		s.Font = &excelize.Font{Color: "000000"}
	case markHeader:
		s.Font = &excelize.Font{Bold: true}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case markUnit:
		s.Font = &excelize.Font{Italic: true, Color: "595959"}
	case markKey:
		s.Font = &excelize.Font{Color: "808080"} // body size: 7 pt once printed at 64%
	case markTitle:
		s.Font = &excelize.Font{Bold: true, Size: 13}
	case markNote:
		s.Font = &excelize.Font{Italic: true, Color: "7F6000"}
	}
	id, err := wr.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	wr.styles[k] = id
	return id, nil
}

// wrapStyle returns a bold header style that wraps its text.
func (wr *writer) wrapStyle() (int, error) { return wr.style("", markHeader) }
