//go:build windows

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
	"unsafe"
)

// Win32 constants (winbase.h, winerror.h), kept here so that the package
// needs nothing beyond the standard library.
const (
	moveFileReplaceExisting = 0x1
	moveFileWriteThrough    = 0x8

	errAccessDenied      syscall.Errno = 5
	errSharingViolation  syscall.Errno = 32
	errLockViolation     syscall.Errno = 33
	errUserMappedSection syscall.Errno = 1224
)

var procMoveFileExW = syscall.NewLazyDLL("kernel32.dll").NewProc("MoveFileExW")

// lockRetries and lockWait bound how long a save waits for a short-lived
// lock (a virus scanner or the search indexer opening the new file) before
// it reports the target as locked: about one second in all.
const (
	lockRetries = 10
	lockWait    = 100 * time.Millisecond
)

// LockedError reports that the target file is open in another program that
// does not let it be replaced (Excel locks a workbook it has open). The
// target is unchanged and no temporary file is left behind.
type LockedError struct {
	Path string
	Err  error
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("cannot replace %s: the file is open in another program "+
		"(close it in Excel, or whichever program has it open, then save again)", e.Path)
}

func (e *LockedError) Unwrap() error { return e.Err }

// replace renames tmp over target with MoveFileEx(MOVEFILE_REPLACE_EXISTING
// | MOVEFILE_WRITE_THROUGH): one step on NTFS, and it returns only once the
// rename is on disk. A target held open without FILE_SHARE_DELETE (Excel,
// Word, some viewers) cannot be replaced; after a short retry that becomes a
// LockedError naming the path, and the target keeps its old contents.
func replace(tmp, target string) error {
	var err error
	for attempt := 0; ; attempt++ {
		err = moveFileEx(tmp, target)
		if err == nil {
			return nil
		}
		if !isLocked(err) {
			return &os.LinkError{Op: "replace", Old: tmp, New: target, Err: err}
		}
		if fi, statErr := os.Stat(target); statErr == nil && fi.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("cannot replace %s: the file is read-only "+
				"(clear Read-only in its Properties, or save under another name)", target)
		}
		if attempt >= lockRetries {
			return &LockedError{Path: target, Err: err}
		}
		time.Sleep(lockWait)
	}
}

func moveFileEx(from, to string) error {
	f, err := syscall.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := syscall.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	r, _, callErr := procMoveFileExW.Call(uintptr(unsafe.Pointer(f)), uintptr(unsafe.Pointer(t)),
		moveFileReplaceExisting|moveFileWriteThrough)
	if r != 0 {
		return nil
	}
	var errno syscall.Errno
	if errors.As(callErr, &errno) && errno != 0 {
		return errno
	}
	return syscall.EINVAL
}

// isLocked reports the errors Windows gives when another process holds the
// target open: a sharing or lock violation, a mapped section, or access
// denied (what MoveFileEx returns for a file open without FILE_SHARE_DELETE).
func isLocked(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case errAccessDenied, errSharingViolation, errLockViolation, errUserMappedSection:
		return true
	}
	return false
}
