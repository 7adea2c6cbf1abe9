package export

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Chart pictures are shown at chartScale of their size; chartRows rows
// hold one title and picture (a 1200 x 700 picture at 0.6 is 420 pixels
// high, 21 default rows of 20 pixels). On paper two fit a portrait page
// (2 x 23 rows of 15 pt = 690 pt of 706), and a page break before every
// other title keeps each picture on one page.
const (
	chartScale    = 0.6
	chartRows     = 23
	chartsPerPage = 2
)

// charts places the PNG images one below the other, scaled to fit a
// screen and a landscape page.
func (wr *writer) charts() error {
	ts, err := wr.style("", markTitle)
	if err != nil {
		return err
	}
	r := 1
	for i, img := range wr.opts.Charts {
		cell := "A" + strconv.Itoa(r)
		if i > 0 && i%chartsPerPage == 0 {
			if err := wr.f.InsertPageBreak(SheetCharts, cell); err != nil {
				return err
			}
		}
		if err := wr.f.SetCellStr(SheetCharts, cell, img.Title); err != nil {
			return err
		}
		if err := wr.f.SetCellStyle(SheetCharts, cell, cell, ts); err != nil {
			return err
		}
		if err := wr.f.AddPictureFromBytes(SheetCharts, "A"+strconv.Itoa(r+1), &excelize.Picture{
			Extension: ".png", File: img.PNG,
			Format: &excelize.GraphicOptions{AltText: img.Title, ScaleX: chartScale, ScaleY: chartScale},
		}); err != nil {
			return fmt.Errorf("chart %q: %w", img.Title, err)
		}
		r += chartRows
	}
	return nil
}
