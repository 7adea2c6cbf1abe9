// Package export writes a scenario set as an Excel workbook an analyst can
// audit, and reads such a workbook back.
//
// The workbook has one row per scenario on the Assumptions sheet (the
// resolved inputs, as planner.Resolve returns them) and the same row on the
// Model sheet, where every output of planner.Evaluate is a live formula over
// that row, in the unit of its estimate --json key. The Summary sheet shows
// the scenarios side by side with cells that refer to the Model, and native
// charts over those cells. Shared constants are defined names
// (HoursPerYear, FLOPPerParamToken, SecondsPerHour, HoursPerDay). A very
// hidden sheet keeps the original scenario file, so Read returns what was
// written plus the assumption edits made in the spreadsheet.
//
// The Bubble gap and Projection sheets are formulas over their blue inputs
// (the catalogue preset and default projection when the scenario file has
// none). The Uncertainty sheet (Options.Uncertainty) holds Monte Carlo
// quantiles and a cloud-cost tornado as values, labelled as simulation
// output; the Charts sheet holds the pictures the caller passes.
//
// The same row-per-scenario layout serves a six-scenario comparison and a
// sweep of 10,000 scenarios: the row sheets are written with excelize's
// StreamWriter and use relative references only.
package export
