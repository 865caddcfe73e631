package gowrap

import "syscall"

// setPdeathsig asks the kernel for SIGKILL when the parent dies; exec
// keeps it (it is cleared only for set-user-ID programs).
func setPdeathsig() error {
	_, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGKILL), 0)
	if errno != 0 {
		return errno
	}
	return nil
}
