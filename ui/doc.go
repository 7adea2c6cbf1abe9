// Package ui is the desktop window of the AI Cost Planner: a scenario list,
// an editor of every planner input and a results panel, with file handling
// and menus. It holds no business logic: widgets forward input to package
// planner and show what it returns. It never imports fyne.io/fyne/v2/app;
// the command creates the app and passes it in, so tests run on the Fyne
// test driver with no display.
package ui
