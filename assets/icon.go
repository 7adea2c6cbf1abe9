package assets

import _ "embed"

// IconPNG is the application icon, a 512x512 PNG (icon.png). FyneApp.toml
// in cmd/aiplan points at the same file for `fyne package`.
//
//go:embed icon.png
var IconPNG []byte
