package fv // want package:"stored: spawn reaches command execution; wipe reaches file removal"

// fv calls function values taken from maps, slices and struct fields, its
// own and those of the tools package.

import (
	"os"
	"os/exec"
	"strings"

	"tools"
)

type entry struct {
	name string
	fn   func(string) error
}

// ops holds a function of the standard library that removes files.
var ops = []entry{{"rm", os.RemoveAll}, {"mkdir", mkdir}}

func mkdir(p string) error { return nil }

func runOp(i int, p string) { // want runOp:"reaches file removal"
	ops[i].fn(p)
}

// byName takes the function from the slice into a local first.
func byName(name, p string) { // want byName:"reaches file removal"
	for _, op := range ops {
		if op.name == name {
			f := op.fn
			f(p)
		}
	}
}

// viaTable calls a tool of another package's table.
func viaTable(name string) { // want viaTable:"reaches command execution, file removal"
	tools.Table[name](nil)
}

type handler func(string) string

// handlers are literals: one runs a command.
var handlers = map[string]handler{
	"exec": func(s string) string {
		out, _ := exec.Command(s).Output()
		return string(out)
	},
	"upper": strings.ToUpper,
}

func dispatchLit(k, s string) string { // want dispatchLit:"reaches command execution"
	return handlers[k](s)
}

// registry gets its handlers through a method; the call comes later.
type registry struct {
	fns map[string]func(string, bool) error
}

func (r *registry) add(name string, fn func(string, bool) error) { r.fns[name] = fn }

func (r *registry) call(name, p string) error { // want call:"reaches file removal"
	return r.fns[name](p, true)
}

func wipe(p string, all bool) error { return os.RemoveAll(p) } // want wipe:"reaches file removal"

// newRegistry mentions wipe, so it reaches what wipe does, as before.
func newRegistry() *registry { // want newRegistry:"reaches file removal"
	r := &registry{fns: map[string]func(string, bool) error{}}
	r.add("wipe", wipe)
	return r
}

// Silent: a function value received as a parameter is not resolved (it
// is whichever the caller passes), though functions of its signature that
// remove files are stored above.
func guard(next func(string) error) func(string) error {
	return func(p string) error {
		if p == "" {
			return nil
		}
		return next(p)
	}
}

// Silent: a literal called by name is its own code.
func local(p string) {
	f := func(p string) error { return nil }
	f(p)
}

// Silent: the stored functions of this signature reach nothing.
type pure func(int) int

var pures = []pure{double}

func double(x int) int { return 2 * x }

func applyAll(x int) int {
	for _, f := range pures {
		x = f(x)
	}
	return x
}

// Test seams: a call through a package variable runs what the package
// assigns to it, not every stored function of its signature.
var mkdirFn = mkdir

var wipeFn = os.RemoveAll

func viaSeam(p string) { mkdirFn(p) } // silent, though os.RemoveAll has the same signature

func viaWipeSeam(p string) { // want viaWipeSeam:"reaches file removal"
	wipeFn(p)
}

// A writer whose unexported func fields are set only to method values of
// an interface and to flushQuiet: a call through them runs those, not
// every stored func() of the program (spawn, stored below, runs a
// command).
type flusher interface{ Flush() }

type writeCloser struct {
	flush func()
	sync  func()
}

func newWriteCloser(f flusher) *writeCloser {
	return &writeCloser{flush: f.Flush, sync: flushQuiet}
}

func flushQuiet() {}

func spawn() { exec.Command("sh").Run() } // want spawn:"reaches command execution"

var jobs = []func(){spawn}

func (w *writeCloser) writeAndFlush() { // silent: flush is f.Flush
	w.flush()
}

func (w *writeCloser) syncNow() { // silent: sync is flushQuiet
	s := w.sync
	s()
}

// A field given a parameter is resolved as before: to every stored
// function of its signature.
type runner struct{ run func() }

func newRunner(fn func()) *runner { return &runner{run: fn} }

func (r *runner) start() { // want start:"reaches command execution"
	r.run()
}
