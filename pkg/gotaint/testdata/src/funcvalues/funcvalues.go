// Package funcvalues calls function values taken from tables: a map of
// another package, a slice of structs, a registry filled through a
// function, a function returned by a lookup.
package funcvalues

import (
	"net/http"
	"os"
	"os/exec"

	"example.com/toolbox"
)

// callTool runs the tool the client names with the client's arguments:
// the table holds a shell and a remover.
func callTool(w http.ResponseWriter, r *http.Request) { // want `callTool: taint\(p1.URL⇒command execution p1.URL⇒a file path\)`
	args := map[string]any{"cmd": r.URL.Query().Get("arg")}
	out, _ := toolbox.Tools[r.URL.Query().Get("tool")](args) // want `command execution from the request URL` `a file path from the request URL`
	w.Write([]byte(out))
}

// fixed runs a tool of the same table with constant arguments: silent.
func fixed() string {
	out, _ := toolbox.Tools["echo"](map[string]any{"text": "hello"})
	return out
}

type op struct {
	name string
	run  func(string) error
}

// ops holds a function of the standard library and a literal.
var ops = []op{
	{"rm", os.RemoveAll},
	{"exec", func(s string) error { return exec.Command(s).Run() }},
}

func runOp(r *http.Request) {
	for _, o := range ops {
		if o.name == r.FormValue("op") {
			o.run(r.FormValue("target")) // want `command execution from a form value` `a file path from a form value`
		}
	}
}

// cleanup calls the same values with the program's own data: silent.
func cleanup() {
	for _, o := range ops {
		o.run("/tmp/cache")
	}
}

// lookup returns a stored function: its caller calls the result.
func lookup(name string) func(string) error {
	for _, o := range ops {
		if o.name == name {
			return o.run
		}
	}
	return nil
}

func viaLookup(r *http.Request) {
	lookup(r.FormValue("op"))(r.FormValue("target")) // want `command execution from a form value` `a file path from a form value`
}

// handlers is filled by handle, a function of the program.
var handlers = map[string]func(string) string{}

func handle(name string, fn func(string) string) { handlers[name] = fn }

func init() { handle("run", runLine) }

func runLine(line string) string { // want `runLine: taint\(p0→result p0⇒command execution\)`
	out, _ := exec.Command(line).Output()
	return string(out)
}

func viaRegistry(r *http.Request) string { // want `viaRegistry: taint\(p0.Header→result p0.Header⇒command execution request data@result\)`
	return handlers["run"](r.Header.Get("X-Line")) // want `command execution from a request header`
}

// with calls a function value it receives: not resolved, silent, though
// functions of its signature that run commands are stored above.
func with(f func(string) string, r *http.Request) string { // want `with: taint\(p1.Header→result request data@result\)`
	return f(r.Header.Get("X-Line"))
}

var _, _, _, _, _, _ = callTool, fixed, runOp, cleanup, viaLookup, viaRegistry

var _ = with

// A test seam: a call through a package variable runs what the package
// assigns to it (quote), not every function of its signature (runLine).
var quoteFn = quote

func quote(s string) string { return "'" + s + "'" } // want `quote: taint\(p0→result\)`

func viaSeam(r *http.Request) string { // want `viaSeam: taint\(p0.Header→result`
	return quoteFn(r.Header.Get("X-Line"))
}

var _ = viaSeam

// A writer whose unexported func field is set only to a method value of
// an interface: calling it runs whatever the interface holds, not every
// stored func(string) error of the program (os.RemoveAll and the exec
// literal in ops): silent.
type sink interface{ Send(string) error }

type relay struct {
	send func(string) error
}

func newRelay(s sink) *relay { return &relay{send: s.Send} }

func (rl *relay) forward(r *http.Request) {
	rl.send(r.FormValue("msg"))
}
