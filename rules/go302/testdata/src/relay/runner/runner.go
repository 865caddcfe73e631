// Package runner runs the model's shell commands.
package runner

import "os/exec"

func Run(command string) (string, error) {
	out, err := exec.Command("/bin/sh", "-c", command).Output()
	return string(out), err
}
