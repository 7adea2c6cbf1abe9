// Package assets holds the embedded resources: the versioned reference
// catalogue, the built-in default scenarios and the application icon.
package assets

import (
	_ "embed"
	"sync"

	"aiplan/planner"
)

// CatalogJSON is the reference catalogue as shipped (catalog.json).
//
//go:embed catalog.json
var CatalogJSON []byte

var catalogOnce = sync.OnceValues(func() (*planner.Catalog, error) {
	return planner.ParseCatalog(CatalogJSON)
})

// Catalog returns the parsed and validated embedded catalogue. The value is
// shared: callers must not modify it.
func Catalog() (*planner.Catalog, error) { return catalogOnce() }

// DefaultsJSON is the built-in scenario set (defaults.aiplan): the file the
// window opens on and `aiplan scenarios --defaults` prints.
//
//go:embed defaults.aiplan
var DefaultsJSON []byte

// Defaults returns a fresh copy of the built-in scenario set.
func Defaults() (*planner.File, error) { return planner.ParseFile(DefaultsJSON) }
