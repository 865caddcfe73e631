// Package stored keeps functions in struct fields of its own types: the // want package:"stored: removeAll reaches file removal"
// code that stores one runs nothing, and a call through the field reaches
// what the stored function does.
package stored

import (
	"os"
	"os/exec"
)

type runner struct {
	run  func(cmd string) error
	wipe func(dir string) error
}

func (r *runner) shell(cmd string) error { // want shell:"reaches command execution"
	return exec.Command("sh", "-c", cmd).Run()
}

func removeAll(dir string) error { // want removeAll:"reaches file removal"
	return os.RemoveAll(dir)
}

// newRunner fills the fields, by assignment and in a literal (silent).
func newRunner() *runner {
	r := &runner{wipe: removeAll}
	r.run = r.shell
	return r
}

// Status builds a runner and runs nothing (silent).
func Status() string {
	r := newRunner()
	if r == nil {
		return "down"
	}
	return "up"
}

// Exec calls through the field.
func (r *runner) Exec(cmd string) error { // want Exec:"reaches command execution"
	return r.run(cmd)
}

// Clean builds a runner and calls through its other field.
func Clean(dir string) error { // want Clean:"reaches file removal"
	return newRunner().wipe(dir)
}

// Spawn keeps a function in a local and calls it: a reference that is
// not a field's (it counts).
func Spawn(dir string) error { // want Spawn:"reaches file removal"
	f := removeAll
	return f(dir)
}
