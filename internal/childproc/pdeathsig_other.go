//go:build unix && !linux

package childproc

import "syscall"

// setPdeathsig does nothing where there is no parent-death signal: the
// process group is still killed when the scan is cancelled.
func setPdeathsig(*syscall.SysProcAttr) {}
