// Package childproc starts the programs apiaudit runs (git, go env) so
// that they do not outlive it: each runs in a process group of its own,
// which is killed whole when the scan is cancelled, and on Linux it is
// killed by the kernel when apiaudit dies, even by SIGKILL.
package childproc

import "os/exec"

// Configure sets up cmd, made with exec.CommandContext, before it starts.
func Configure(cmd *exec.Cmd) { configure(cmd) }
