// Package atomicfile writes local files so that a crash or a full disk never
// leaves a half-written file behind: the data goes to a temporary file in the
// same folder, is synced, and is renamed over the target in one step.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data, atomically on POSIX file
// systems. An existing file keeps its permissions; a new one gets perm. On
// any error the target is unchanged and the temporary file is removed.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()           //nolint:errcheck // already failing
			os.Remove(tmp.Name()) //nolint:errcheck // best effort clean-up
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = replace(tmp.Name(), path); err != nil {
		return err
	}
	// Make the rename itself durable; failure here does not lose data.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()  //nolint:errcheck // best effort
		d.Close() //nolint:errcheck // read-only handle
	}
	return nil
}
