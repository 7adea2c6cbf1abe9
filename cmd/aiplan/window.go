package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"aiplan/assets"
	"aiplan/export"
	"aiplan/planner"
	"aiplan/report"
	"aiplan/ui"
)

// fyneAppTOML is the metadata `fyne package` reads; embedding it applies
// the same ID, name, version and icon to plain `go build` binaries.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// appMetadata parses FyneApp.toml and attaches the embedded icon.
func appMetadata() (fyne.AppMetadata, error) {
	var cfg struct {
		Website string
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
	}
	if _, err := toml.Decode(string(fyneAppTOML), &cfg); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := cfg.Details
	if d.ID == "" || d.Name == "" || d.Version == "" {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: Details needs ID, Name and Version")
	}
	return fyne.AppMetadata{
		ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build,
		Icon:   fyne.NewStaticResource("icon.png", assets.IconPNG),
		Custom: map[string]string{"website": cfg.Website},
	}, nil
}

// runWindow opens the desktop window and returns when it closes.
func runWindow(stderr io.Writer) int {
	if why := displayMissing(os.Getenv); why != "" {
		fprintf(stderr, "aiplan: %s\n", why)
		return exitFail
	}
	meta, err := appMetadata()
	if err != nil {
		fprintf(stderr, "aiplan: %v\n", err)
		return exitFail
	}
	cat, err := assets.Catalog()
	if err != nil {
		fprintf(stderr, "aiplan: %v\n", err)
		return exitFail
	}
	defaults, err := assets.Defaults()
	if err != nil {
		fprintf(stderr, "aiplan: built-in scenarios: %v\n", err)
		return exitFail
	}
	repairPreferences(preferencesPath(meta.ID)) // before Fyne loads them
	app.SetMetadata(meta)
	a := app.NewWithID(meta.ID)
	a.SetIcon(meta.Icon)
	w := a.NewWindow(ui.AppTitle)
	gap, err := ui.NewGapView(cat)
	if err != nil {
		fprintf(stderr, "aiplan: bubble-gap screen: %v\n", err)
		return exitFail
	}
	bubble, err := ui.NewBubbleView(cat, mustReported())
	if err != nil {
		fprintf(stderr, "aiplan: bubble-risk screen: %v\n", err)
		return exitFail
	}
	win := ui.New(a, w, ui.Options{
		Catalog:  cat,
		Defaults: defaults,
		Views: []ui.View{
			ui.NewCompareView(cat).View(),
			ui.NewChartsView(cat, w).View(),
			ui.NewUncertaintyView(cat, w).View(),
			ui.IndustryLevel(bubble.View()),
			ui.IndustryLevel(gap.View()),
			ui.IndustryLevel(industryView(cat)),
			ui.IndustryLevel(ui.NewBacktestView(cat).View()),
		},
		// Runs off the UI goroutine (ui.Window.ExportExcelURI).
		ExportExcel: func(out io.Writer, s ui.State) error {
			return writeWorkbook(out, s.File, s.Catalog, meta.Version)
		},
		// Runs off the UI goroutine too (ui.Window.ExportReportURI).
		ExportReport: func(out io.Writer, s ui.State) error {
			return report.WriteReport(out, s.File, s.Catalog, "a4", meta.Version)
		},
		ImportExcel: importWorkbook,
	})
	gap.OnChanged = func() { win.EditFile(gap.Store) }
	bubble.OnChanged = func() { win.EditFile(bubble.Store) }
	w.Resize(ui.StartSize(a.Preferences()))
	w.CenterOnScreen()
	w.ShowAndRun()
	return exitOK
}

// importWorkbook reads a workbook for File > Import from Excel with the
// checks of `aiplan import`: the edited values' ranges (export.Read) and
// every scenario against the catalogue (export.Validate).
func importWorkbook(in io.Reader, cat *planner.Catalog) (*planner.File, error) {
	set, err := export.Read(in)
	if err != nil {
		return nil, err
	}
	if err := export.Validate(set, cat); err != nil {
		return nil, err
	}
	return set, nil
}

// runVersion prints the name, ID and version from FyneApp.toml.
func runVersion(stdout io.Writer) int {
	meta, err := appMetadata()
	if err != nil {
		fprintf(stdout, "aiplan: %v\n", err)
		return exitFail
	}
	fprintf(stdout, "%s %s (build %d, %s)\n", meta.Name, meta.Version, meta.Build, meta.ID)
	return exitOK
}
