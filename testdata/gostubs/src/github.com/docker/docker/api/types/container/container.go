// Package container is a stub of the docker API's container types.
package container

type ExecOptions struct {
	User         string
	AttachStdout bool
	Cmd          []string
}

type ExecCreateResponse struct{ ID string }
