package go302

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
)

// A provider's shell, computer-use or file-editing tool is a capability
// of the program that carries out the model's calls to it: the tool type
// itself is only a declaration in a request. A model-API gateway (a
// server that speaks the OpenAI, Anthropic or Gemini API to its callers
// and relays their requests to a provider) translates the tools its
// caller declared into the provider's types, bash and computer use
// among them, and hands the model's calls back to that caller: it runs
// nothing itself. The module step tells the two apart by what the whole
// module does: a provider tool reported at error is a note, saying why,
// when no function of any package of the module reaches what the tool
// needs carried out (command execution for a shell; command execution
// or an input or browser automation library for a computer; a file
// write or removal for file edits). A program that builds such a tool
// and runs the calls anywhere in the module keeps the error. Under go
// vet, which sees one package at a time, the error stays.

// Found is what the rule's analysis of a package says for the module
// step.
type Found struct {
	// Wrappers are the tools that reach command execution only through
	// other tools.
	Wrappers []Wrapper
	// Provider are the provider tools reported at error.
	Provider []ProviderTool
	// Carries is what the package's functions can do to carry a tool's
	// calls out.
	Carries Carry
}

// ProviderTool is a provider tool type reported at error, and what it
// hands the model (shell, computer or edits).
type ProviderTool struct {
	At   Place
	What string
}

// Carry is a set of ways a program carries out a model's tool calls.
type Carry uint8

const (
	RunsCommands Carry = 1 << iota // reaches command execution
	WritesFiles                    // reaches a file write or removal
	DrivesInput                    // imports an input or browser automation library
)

// needs is what a provider tool that hands the model what needs from the
// program to be carried out, and how the note names it.
func needs(what string) (Carry, string) {
	switch what {
	case shell:
		return RunsCommands, "no function of it reaches command execution"
	case computer:
		return RunsCommands | DrivesInput, "no function of it reaches command execution and none of its packages imports an input or browser automation library"
	case edits:
		return WritesFiles, "no function of it writes or removes a file"
	}
	return 0, ""
}

// automation are import path fragments of the libraries that move a
// mouse, press keys or drive a browser: what carries out a computer-use
// tool's clicks and keystrokes without another program.
var automation = []string{"robotgo", "keybd_event", "chromedp", "go-rod/rod", "playwright", "xgb/xtest", "vnc"}

// carries is what the package's functions can do to carry tool calls
// out: the capabilities they reach (through the packages they call, by
// the reach facts), the calls the package makes itself, and the
// automation libraries it imports.
func carries(pass *analysis.Pass) Carry {
	var c Carry
	add := func(caps goapi.Capability) {
		if caps&goapi.Exec != 0 {
			c |= RunsCommands
		}
		if caps&(goapi.FileWrite|goapi.FileDelete) != 0 {
			c |= WritesFiles
		}
	}
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	for _, fn := range res.Sorted() {
		f := res.Func(fn)
		if f.Why(goapi.Exec) != "" {
			c |= RunsCommands
		}
		if f.Why(goapi.FileWrite) != "" || f.Why(goapi.FileDelete) != "" {
			c |= WritesFiles
		}
	}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				caps, _ := goapi.CallCapability(pass.TypesInfo, call)
				add(caps)
			}
			return true
		})
	}
	for _, imp := range pass.Pkg.Imports() {
		if automates(imp) {
			c |= DrivesInput
		}
	}
	return c
}

func automates(p *types.Package) bool {
	for _, a := range automation {
		if strings.Contains(p.Path(), a) {
			return true
		}
	}
	return false
}
