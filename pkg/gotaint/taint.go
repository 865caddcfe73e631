// Package gotaint is the taint engine of the Go injection rules: it tracks
// untrusted data (HTTP request data, MCP and model tool-call arguments,
// model output, fetched content) through the SSA form of each package to
// the places where it does harm (system prompts, tool descriptions, prompt
// templates, commands, SQL, NoSQL queries, file paths, URLs, HTML,
// redirects).
//
// What the engine knows about libraries is data: the models_*.go files hold
// one table per library, written in goapi's notation, with the sources, the
// sinks, the sanitizers and the summaries of calls that move data from one
// argument to another (json.Unmarshal writes what arg 0 holds into what arg
// 1 points to). Rules add their users' own names through options
// (Register).
//
// The analysis is per package and linear-ish: one flow-insensitive pass per
// function (with its function literals), memory tracked per allocation and
// its first two levels of fields, no pointer analysis. Calls into the same package use
// summaries computed on SSA to a fixed point; calls into other packages use
// the summaries exported as facts (FuncFact): which parameters flow to the
// result or into other parameters, which reach a sink, and which results
// are themselves untrusted. A wrapper in another package that runs a shell
// is therefore reported where it is called with untrusted data.
package gotaint

import (
	"fmt"
	"go/token"
	"math/bits"
	"path/filepath"
	"strings"
)

// Source is a set of kinds of untrusted data.
type Source uint8

const (
	Request     Source = 1 << iota // data from an HTTP request
	ToolArgs                       // tool arguments chosen by an MCP client or a model
	ModelOutput                    // text or structures a model produced
	Retrieved                      // content fetched from elsewhere: web pages, documents, tool results
	Upstream                       // tool definitions another MCP server listed (see models_upstream.go)
	numSources  = iota
)

// AnySource is every kind of untrusted data but Upstream, which only a
// rule that asks for it (GO402, for tools a server registers) reports.
const AnySource = Request | ToolArgs | ModelOutput | Retrieved

var sourceNames = [numSources]string{"request data", "tool arguments", "model output", "retrieved content", "another MCP server's tool list"}

func (s Source) String() string {
	var out []string
	for i := range numSources {
		if s&(1<<i) != 0 {
			out = append(out, sourceNames[i])
		}
	}
	return strings.Join(out, ", ")
}

// Sink is a set of kinds of places where untrusted data does harm.
type Sink uint16

const (
	SystemPrompt Sink = 1 << iota // the system or developer channel of a model
	UserPrompt                    // the user channel of a model
	ToolDesc                      // a tool's name, description or schema
	Template                      // the text of a template that is compiled
	Exec                          // a command that is run
	SQL                           // the text of a SQL statement
	Path                          // a file path
	URL                           // an outbound request URL
	HTML                          // markup that is not escaped
	Redirect                      // a redirect target
	Custom                        // a sink a user configured
	NoSQL                         // a query document (filter, update, pipeline) of a document database
	numSinks     = iota
)

var sinkNames = [numSinks]string{"the system prompt", "a user prompt", "a tool definition", "a template", "command execution", "a SQL statement", "a file path", "an outbound URL", "unescaped HTML", "a redirect", "a configured sink", "a NoSQL query"}

func (s Sink) String() string {
	var out []string
	for i := range numSinks {
		if s&(1<<i) != 0 {
			out = append(out, sinkNames[i])
		}
	}
	return strings.Join(out, ", ")
}

// Trace is a path of untrusted data, newest step last: Prev points to the
// step before. Traces are shared between values.
type Trace struct {
	Pos  token.Pos
	Msg  string
	What string // on the first step: what the data is ("the request body")
	Prev *Trace
}

// Steps returns the trace in order, source first.
func (t *Trace) Steps() []*Trace {
	var out []*Trace
	for ; t != nil; t = t.Prev {
		out = append(out, t)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func (t *Trace) len() int {
	n := 0
	for ; t != nil; t = t.Prev {
		n++
	}
	return n
}

// Flow is untrusted data reaching a sink in the package under analysis.
type Flow struct {
	Pos     token.Pos // the sink: a call, or the store of a struct field
	Sink    Sink
	What    string // the sink, as people call it: "exec.Command", "openai.SystemMessage"
	Via     string // for sinks inside a called function: where the data ends up, e.g. "runShell → exec.Command at tools.go:14"
	Final   string // the sink at the end of the path: "exec.Command" for that Via; What when the sink is called where the flow is reported
	Sources Source
	Traces  [numSources]*Trace // per kind in Sources: how the data got here
	// Spliced: the value at the sink also holds text the program wrote
	// itself (a constant joined to the data, a format, a template): the
	// untrusted data was put inside the program's own prompt, rather than
	// passed through as it came.
	Spliced bool
	// State: the data reached the sink only after a call stored it in the
	// state of a long-lived object (a field of a method's receiver, a
	// package variable) and another call read it back from there, as when
	// a tool call adds a server to the configuration and the save that
	// follows writes the configuration to its configured path. The engine
	// keeps memory apart two fields below a variable, but a summary names
	// one field of each parameter, so such paths often name data that the
	// sink does not use; rules grade these flows down.
	State bool
	// Stored is where the data was stored, when State is set.
	Stored *Trace
	// Object: on the way to the sink, the data was passed inside an
	// object (a struct of the program, or an interface of it) to a call
	// whose summary says that the object as a whole reaches the sink:
	// the callee reads a part of the object the engine cannot tell apart
	// from the part holding the data (a field below a type assertion, an
	// interface method), and that part is often the object's
	// configuration (a key path, a command). Rules grade these flows
	// down.
	Object bool
	// Passed is where the object was passed, when Object is set.
	Passed *Trace
	// Role: the system-prompt sink is reached only on the branch where a
	// message's role is "system" (or "developer"): code that converts a
	// conversation of any roles for an SDK. The engine does not follow
	// which role the message carrying the data had, and user and
	// assistant messages take the same path.
	Role bool
}

// Trace is the path of the data of kind k (the first kind of k that the
// flow carries).
func (f *Flow) Trace(k Source) *Trace {
	k &= f.Sources
	if k == 0 {
		return nil
	}
	return f.Traces[bits.TrailingZeros8(uint8(k))]
}

// Origin describes where data of kind k came from: "the request body
// (source at main.go:31)".
func (f *Flow) Origin(fset *token.FileSet, k Source) string {
	steps := f.Trace(k).Steps()
	if len(steps) == 0 {
		return k.String()
	}
	first := steps[0]
	what := first.What
	if what == "" {
		what = k.String()
	}
	return fmt.Sprintf("%s (source at %s)", what, shortPos(fset, first.Pos))
}

func shortPos(fset *token.FileSet, pos token.Pos) string {
	if !pos.IsValid() {
		return "?"
	}
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
