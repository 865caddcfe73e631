// Package v1 is a stub of k8s.io/api/core/v1 for the rules' tests.
package v1

type PodExecOptions struct {
	Stdin     bool
	Stdout    bool
	Stderr    bool
	TTY       bool
	Container string
	Command   []string
}
