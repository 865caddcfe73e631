// Package sink runs commands.
package sink

import "os/exec"

// Run runs cmd with the shell.
func Run(cmd string) error { return exec.Command("sh", "-c", cmd).Run() }
