// Package atomicfile writes local files so that a crash or a full disk never
// leaves a half-written file behind: the data goes to a temporary file in the
// target's folder, is synced, and is renamed over the target in one step.
//
// It is the one writer of every file aiplan saves (scenario files, sweeps,
// workbooks, charts). The target keeps its permissions; a symbolic link is
// followed and the file it points to is replaced (the link stays); errors
// name the path the user gave, never the temporary file; the temporary file
// is removed on any error; and temporary files of its own naming that a
// killed process left in the folder are removed once they are an hour old.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Stdout is the path that means standard output (see Stream).
const Stdout = "-"

// tempMark is in the name of every temporary file: ".NAME" + tempMark + random.
const tempMark = ".aiplan-tmp-"

// StaleAge is the age after which a temporary file of this package's naming
// is taken to belong to a process that died, and is removed.
const StaleAge = time.Hour

// maxLinks bounds the symbolic links followed (as the kernel's ELOOP does).
const maxLinks = 40

// WriteFile replaces the file at path with data (see Write).
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Stream calls write with stdout when path is Stdout ("-"), where output
// can stream, and otherwise writes path atomically with Write.
func Stream(path string, stdout io.Writer, perm os.FileMode, write func(io.Writer) error) error {
	if path == Stdout {
		return write(stdout)
	}
	return Write(path, perm, write)
}

// Write replaces the file at path with what write writes, atomically on
// POSIX file systems. An existing file keeps its permissions; a new one
// gets perm. On any error, the target is unchanged, the temporary file is
// removed and the error names path.
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	defer func() {
		if err != nil {
			err = &fs.PathError{Op: "writing", Path: path, Err: bare(err)}
		}
	}()
	target, err := resolve(path)
	if err != nil {
		return err
	}
	if fi, statErr := os.Stat(target); statErr == nil {
		if !fi.Mode().IsRegular() {
			return errors.New("not a regular file")
		}
		perm = fi.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	RemoveStale(dir, time.Now())
	f, err := os.CreateTemp(dir, "."+base+tempMark+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()      //nolint:errcheck // already failing
			os.Remove(tmp) //nolint:errcheck // best effort clean-up
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = replace(tmp, target); err != nil {
		return err
	}
	// Make the rename itself durable; failure here does not lose data.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()  //nolint:errcheck // best effort
		d.Close() //nolint:errcheck // read-only handle
	}
	return nil
}

// bare strips the temporary file's name from an *fs.PathError or
// *os.LinkError, so that the message names the user's path only.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// resolve follows symbolic links from path to the file they name, which
// need not exist yet.
func resolve(path string) (string, error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// RemoveStale removes the temporary files of this package's naming in dir
// last modified more than StaleAge before now. It is best effort: what
// cannot be removed stays.
func RemoveStale(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.Contains(name, tempMark) {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < StaleAge {
			continue
		}
		os.Remove(filepath.Join(dir, name)) //nolint:errcheck // best effort
	}
}
