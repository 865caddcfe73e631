package childproc

import "syscall"

// setPdeathsig has the kernel kill the child when apiaudit dies, however
// it dies.
func setPdeathsig(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
