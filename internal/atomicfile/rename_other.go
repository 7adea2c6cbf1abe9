//go:build !windows

package atomicfile

import "os"

// replace renames tmp over target. On POSIX file systems rename(2) replaces
// an existing target atomically, even one another program has open.
func replace(tmp, target string) error {
	return os.Rename(tmp, target)
}
