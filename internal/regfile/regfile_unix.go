//go:build unix

package regfile

import (
	"errors"
	"os"
	"syscall"
)

// openFlags opens without blocking, so that a named pipe with no writer
// opens at once (to be refused), and without making a terminal the
// controlling one.
func openFlags(flags Flags) int {
	f := os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY | syscall.O_CLOEXEC
	if flags&NoFollow != 0 {
		f |= syscall.O_NOFOLLOW
	}
	return f
}

// isLinkRefused reports whether an open failed because O_NOFOLLOW met a
// symbolic link (ELOOP on Linux and the BSDs, EMLINK on FreeBSD).
func isLinkRefused(err error) bool {
	return errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK)
}

// blocking turns O_NONBLOCK off again on a regular file (where it means
// nothing to the kernel, but is clearer for every later reader).
func blocking(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
