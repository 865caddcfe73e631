// Package go302 defines rule GO302: a shell, computer-use or file-editing
// tool handed to a model.
package go302

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO302",
	Name: "shell-tool-for-model",
	Doc: lint.Doc{
		Title: "Shell or computer-use tool is handed to a model",
		Summary: "A request gives a model a tool that this program carries out on its own host: a bash or " +
			"local shell tool, a computer-use tool, or a file-editing (text editor, apply-patch) tool " +
			"(anthropic-sdk-go, its agenttoolset package, openai-go responses), or a tool of the program's own, " +
			"whatever it is called, whose run method or tool-table handler reaches command execution.",
		Why: `With these tools the model writes the command, the click or the patch, and
the application runs it: on the developer's laptop, a CI runner or a
production container, with that machine's credentials, network and files.
Whatever the model reads along the way (a web page, a README, an issue, a
tool result) can steer it, so a prompt injection becomes remote code
execution (OWASP LLM06, excessive agency; LLM05, improper output handling).

Reported: Anthropic's ` + "`ToolBash*Param`" + `, ` + "`BetaToolBash*Param`" + `,
` + "`BetaToolComputerUse*Param`" + `, ` + "`BetaComputerToolset*Param`" + ` and ` + "`ToolTextEditor*Param`" + `
values, ` + "`agenttoolset.BetaBashTool`" + ` and ` + "`agenttoolset.BetaAgentToolset20260401`" + `
(whose bash tool "runs an unrestricted /bin/bash and cannot be confined"),
and OpenAI's ` + "`responses.ToolLocalShellParam`" + `, ` + "`FunctionShellToolParam`" + `,
` + "`ComputerToolParam`" + `, ` + "`ComputerUsePreviewToolParam`" + ` and ` + "`ApplyPatchToolParam`" + `.

A tool of the program's own is a type with Name and Description methods and
a Run, Call, Execute, Invoke or InvokableRun method (the shape of
langchaingo and eino tools and of hand-written agent loops); it is
reported when that method reaches command execution, through the
program's functions and interfaces, in any of its packages. So is an entry
of a plain tool table: a struct literal of the program's own type with a
name, a description and a parameter schema (a field named Parameters,
Params, Inputs or like *Schema*), whose function field (the handler)
reaches command execution. Without the schema the table is taken for a
command table of the program's CLI or a menu for its user, and is not
reported. So is an entry of a name table: a map from tool names to handler
functions that the program indexes with the name of the tool a model chose
(` + "`handlers[call.Function.Name]`" + ` with a tool call of go-openai, openai-go,
Anthropic, genai, langchaingo, Ollama or an MCP call-tool request).

A tool that reaches command execution only through the run methods of the
tools it delegates to (a loop, a router or a sequence of sub-agents, an
agent that adds a prompt to another's input) is not reported on its own
when the tool that runs the commands is reported in the same scan: it is a
related location of that tool's finding, so one capability is one finding
however many wrappers reach it. (Under go vet, which sees one package at a
time, each wrapper keeps its finding.)

The grade follows what the model controls. A tool whose arguments reach
the program or the shell script it runs is an error. A tool that reaches
command execution only with a command its arguments never choose (a
constant program, the command of an MCP server the developer configured,
a program named in the configuration) is a note that says so: the model
does not write the command, and at most fills in arguments of a fixed
program.
An agent SDK that offers such a tool as a type of its own (a ComputerTool,
a LocalShellTool that the application constructs with the Computer or the
executor that carries the actions out) converts it to the provider's type
in a type switch over the tools it is given. That conversion, in a case
for an exported type of the package on a parameter of the function,
outside a main package, is a note that says so: the SDK only offers the
tool. Constructing a value of that type, in the SDK or in a package that
imports it (an application giving the tool to an agent), is the finding,
at the rule's severity, naming where the SDK converts it.
A provider tool is a capability of the program that carries out the model's
calls to it. A model-API gateway translates the tools its caller declared
(bash, computer use, an editor) into the provider's types and hands the
calls back to that caller: it runs nothing. So in apiaudit scan, a provider
shell tool in a module where no function of any package reaches command
execution, a computer-use tool where none does and no package imports an
input or browser automation library, and a file-editing tool where none
writes or removes a file, are notes that say so. A program that builds such
a tool and runs the calls anywhere in the module keeps the error (under go
vet, which sees one package at a time, every one does).
Not reported: tools that run in the provider's sandbox rather than on your
host (Anthropic code execution, OpenAI code interpreter, and an OpenAI shell
tool whose ` + "`Environment`" + ` is a hosted container), and the agenttoolset file tools,
which confine themselves to a work directory. When you do need a shell tool,
run the whole program in a disposable sandbox (a container or VM with no
secrets and a network allowlist), ask a human before each command, and
suppress the finding with the reason.`,
		Fix: "run shell and computer-use tools only inside a disposable sandbox with approval for each action, or use the provider's hosted sandbox",
		Bad: `tools := []anthropic.ToolUnionParam{
	{OfBashTool20250124: &anthropic.ToolBash20250124Param{}},
}`,
		Good: `tools := []anthropic.ToolUnionParam{
	{OfCodeExecutionTool20250825: &anthropic.CodeExecutionTool20250825Param{}},
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A note for a provider shell, computer-use or file-editing tool whose calls nothing in the module carries out (no function reaches command execution; for a computer, none and no input or browser automation library; for edits, no file write or removal): a gateway relaying the tools its caller declared. A note for a provider tool built where an agent SDK converts its own opt-in tool type (a type-switch case, on a parameter, for an exported type of the package, outside main): constructing that type is reported instead, at the rule's severity. A note for a tool whose arguments never choose the program or shell script it runs (a constant, or a command from the program's configuration such as a configured MCP server's); a note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest), and for a tool of the program's own whose type has a method that classifies each call for a human's approval (CheckModifiesResource, RequiresApproval, IsDestructive...). A tool that reaches command execution only by delegating to other tools (a loop, router or prompt wrapper over sub-agents) is a related location of the finding of the tool that runs the commands, when that one is reported in the same scan.",
		Precision: "low",
		CWE:       []int{78, 250},
		OWASP:     []string{"LLM06:2025", "LLM05:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO302",
	Doc:      "reports shell, computer-use and file-editing tools handed to a model",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, gotaint.Analyzer, optInAnalyzer},
	Run:      run,
	// What the module step (module.go) needs of the package: the tools
	// that only delegate to other tools, the provider tools reported, and
	// whether the package runs commands, writes files or drives input.
	ResultType: reflect.TypeFor[*Found](),
}

func init() { Rule.Analyzer = Analyzer }

const (
	anthropicPkg = "github.com/anthropics/anthropic-sdk-go"
	responsesPkg = "github.com/openai/openai-go/responses"
	toolsetPkg   = "github.com/anthropics/anthropic-sdk-go/tools/agenttoolset"
)

const (
	shell    = "a shell whose commands this program runs"
	computer = "control of a computer through clicks and keystrokes that this program carries out"
	edits    = "file edits that this program applies"
)

type kind struct {
	pkg  string
	name *regexp.Regexp
	what string
}

// types are the tool parameter types, by canonical package and name
// pattern (dated names: ToolBash20250124Param, BetaToolComputerUse20251124Param).
var toolTypes = []kind{
	{anthropicPkg, regexp.MustCompile(`^(Beta)?ToolBash\d+Param$`), shell},
	{anthropicPkg, regexp.MustCompile(`^(BetaToolComputerUse|BetaComputerToolset)\d+Param$`), computer},
	{anthropicPkg, regexp.MustCompile(`^(Beta)?ToolTextEditor\d+Param$`), edits},
	{responsesPkg, regexp.MustCompile(`^(ToolLocalShellParam|FunctionShellToolParam)$`), shell},
	{responsesPkg, regexp.MustCompile(`^(ComputerToolParam|ComputerUsePreviewToolParam)$`), computer},
	{responsesPkg, regexp.MustCompile(`^ApplyPatchToolParam$`), edits},
}

// constructors build the same tools.
var constructors = []kind{
	{anthropicPkg, regexp.MustCompile(`^BetaToolUnionParamOfComputerUseTool\d+$`), computer},
	{responsesPkg, regexp.MustCompile(`^(NewToolLocalShellParam)$`), shell},
	{responsesPkg, regexp.MustCompile(`^(NewComputerToolParam|ToolParamOfComputerUsePreview)$`), computer},
	{toolsetPkg, regexp.MustCompile(`^BetaBashTool$`), "an unrestricted bash shell on this host"},
	{toolsetPkg, regexp.MustCompile(`^BetaAgentToolset\d+$`), "an unrestricted bash shell on this host (its BetaBashTool)"},
}

func match(table []kind, pkg, name string) string {
	pkg = goapi.CanonPath(pkg)
	for _, k := range table {
		if k.pkg == pkg && k.name.MatchString(name) {
			return k.what
		}
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	opt := pass.ResultOf[optInAnalyzer].(*optIns)
	// report grades a provider tool built in a case of a type switch that
	// converts the package's own opt-in tool type down to a note.
	found := &Found{}
	report := func(pos token.Pos, what, msg string) {
		g := goapi.PlaceGrade(pass, goapi.Error)
		if tn := opt.caseFor(pos); tn != nil && opt.types[tn] != nil {
			g.LowerTo(goapi.Note, fmt.Sprintf("it converts %s.%s, a tool type of this package that a caller passes in: the package only offers the tool, and constructing a %s is what hands it to a model, reported where that is done", tn.Pkg().Name(), tn.Name(), tn.Name()))
		}
		if g.Level == goapi.Error && what != "" {
			found.Provider = append(found.Provider, ProviderTool{At: place(pass.Fset.Position(pos)), What: what})
		}
		g.Report(pass, analysis.Diagnostic{Pos: pos, Message: msg})
	}
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			tv, ok := pass.TypesInfo.Types[n]
			if !ok {
				continue
			}
			named, ok := types.Unalias(tv.Type).(*types.Named)
			if !ok || named.Obj().Pkg() == nil {
				continue
			}
			obj := named.Obj()
			if o := opt.types[obj]; o != nil {
				goapi.Reportf(pass, goapi.Error, n.Pos(), "%s.%s hands the model %s (%s converts it to %s at %s)", obj.Pkg().Name(), obj.Name(), o.What, obj.Pkg().Name(), o.Converted, o.At)
				continue
			}
			what := match(toolTypes, obj.Pkg().Path(), obj.Name())
			if what == "" || obj.Name() == "FunctionShellToolParam" && hosted(n) {
				continue
			}
			report(n.Pos(), what, fmt.Sprintf("%s.%s hands the model %s", obj.Pkg().Name(), obj.Name(), what))
		case *ast.CallExpr:
			fn := goapi.Callee(pass.TypesInfo, n)
			if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
				continue
			}
			if what := match(constructors, fn.Pkg().Path(), fn.Name()); what != "" {
				// The agenttoolset tools run their commands in the SDK,
				// not in this program's code: no module step for them.
				if goapi.CanonPath(fn.Pkg().Path()) == toolsetPkg {
					what = ""
				}
				report(n.Pos(), what, fmt.Sprintf("%s.%s hands the model %s", fn.Pkg().Name(), fn.Name(), match(constructors, fn.Pkg().Path(), fn.Name())))
			}
		}
	}
	found.Wrappers = ownTools(pass)
	tableTools(pass, ins)
	found.Carries = carries(pass)
	return found, nil
}

// tableTools reports the entries of plain tool tables that run commands:
// a struct literal of a type of the program's own with the fields of a
// tool definition (a name, a description, the schema of its parameters)
// and a function field, the handler, that reaches command execution
// ([]Tool{{Name: "run", Description: ..., Parameters: ..., Handler:
// runShell}}), whatever the tool is called. The schema field is what tells
// a tool the program describes to a model from a command table of its CLI
// or a menu for its user (a name, a description and an action).
func tableTools(pass *analysis.Pass, ins *inspector.Inspector) {
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil)) {
		lit := n.(*ast.CompositeLit)
		tv, ok := pass.TypesInfo.Types[lit]
		if !ok {
			continue
		}
		handlers := goapi.ToolShape(pass.Pkg, tv.Type)
		if handlers == nil {
			continue
		}
		fields, ok := goapi.KeyedFields(lit)
		if !ok {
			continue
		}
		for _, h := range handlers {
			e := fields[h]
			if e == nil {
				continue
			}
			why := res.Node(e).Why(goapi.Exec)
			if why == "" {
				continue
			}
			label := "a tool"
			if ne := fields[goapi.ToolNameField(tv.Type)]; ne != nil {
				if name := goapi.ConstString(pass.TypesInfo, ne); name != "" {
					label = "tool " + strconv.Quote(name)
				}
			}
			if _, isLit := ast.Unparen(e).(*ast.FuncLit); isLit {
				why = h + " → " + why
			}
			g := goapi.PlaceGrade(pass, goapi.Error)
			msg := fmt.Sprintf("%s of a tool table hands the model %s (%s)", label, shell, why)
			if chosen, known := handlerChoosesCommand(pass, e); known && !chosen {
				g.LowerTo(goapi.Note, fixedCommand)
				msg = fmt.Sprintf("%s of a tool table runs commands that the model does not choose (%s)", label, why)
			}
			g.Report(pass, analysis.Diagnostic{Pos: lit.Pos(), Message: msg})
			break
		}
	}
	// Name tables: map[string]func{...} indexed by the name of the tool
	// the model chose.
	for _, m := range goapi.NameTables(pass.TypesInfo, pass.Files) {
		for _, elt := range m.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			why := res.Node(kv.Value).Why(goapi.Exec)
			if why == "" {
				continue
			}
			label := "a tool"
			if name := goapi.ConstString(pass.TypesInfo, kv.Key); name != "" {
				label = "tool " + strconv.Quote(name)
			}
			if _, isLit := ast.Unparen(kv.Value).(*ast.FuncLit); isLit {
				why = "func literal → " + why
			}
			g := goapi.PlaceGrade(pass, goapi.Error)
			msg := fmt.Sprintf("%s of a table of handlers indexed by the tool the model calls hands the model %s (%s)", label, shell, why)
			// A literal's parameters are not tool arguments to the taint
			// engine here (see goapi.TableHandlers): only a named
			// function's summary says whether they reach the command.
			_, isLit := ast.Unparen(kv.Value).(*ast.FuncLit)
			if chosen, known := handlerChoosesCommand(pass, kv.Value); known && !chosen && !isLit {
				g.LowerTo(goapi.Note, fixedCommand)
				msg = fmt.Sprintf("%s of a table of handlers indexed by the tool the model calls runs commands that the model does not choose (%s)", label, why)
			}
			g.Report(pass, analysis.Diagnostic{Pos: kv.Pos(), Message: msg})
		}
	}
}

// fixedCommand says why a tool that reaches command execution, but not
// with a command its arguments choose, is a note.
const fixedCommand = "the tool's arguments never choose the program or the shell script it runs: that is a constant or comes from the program's configuration (the command of a configured MCP server, say), and at most the arguments fill in arguments of a fixed program, so the model is not handed a shell"

// argsChooseCommand says whether the arguments of a tool's run method fn
// (its parameters other than the receiver) reach the program or the shell
// script of a command it runs, as the taint engine summarises fn. A flow
// only through stored state does not count: the engine follows one level
// of fields, and such a flow is how an agent tool that runs an agent, which
// starts its configured MCP servers, looks when the tool's input goes into
// the agent's state on the way (gotaint.Flow.State). known is false
// when the engine has no word on fn: a method of another package, one it leaves out as too costly, or a package it did not
// analyse (no summaries at all: a package it analysed has some, if only
// the flow of a field to a getter's result).
func argsChooseCommand(pass *analysis.Pass, fn *types.Func) (chosen, known bool) {
	tr := pass.ResultOf[gotaint.Analyzer].(*gotaint.Result)
	fn = fn.Origin()
	if fn.Pkg() != pass.Pkg || len(tr.Summaries) == 0 || tooCostly(pass, fn) {
		return false, false
	}
	first := 0
	if fn.Signature().Recv() != nil {
		first = 1 // SSA numbers the receiver 0
	}
	if s := tr.Summaries[fn]; s != nil {
		for _, ps := range s.Sinks {
			if ps.Kind&gotaint.Exec != 0 && ps.Param >= first && !ps.State {
				return true, true
			}
		}
	}
	return false, true
}

// handlerChoosesCommand is argsChooseCommand for the handler e of a tool
// table: a function of the package, or a function literal whose own
// flows (the engine takes a table handler's parameters for tool
// arguments) say whether they reach a command.
func handlerChoosesCommand(pass *analysis.Pass, e ast.Expr) (chosen, known bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		tr := pass.ResultOf[gotaint.Analyzer].(*gotaint.Result)
		if len(tr.Summaries) == 0 {
			return false, false
		}
		for _, f := range tr.Flows {
			if f.Sink&gotaint.Exec != 0 && f.Sources&gotaint.ToolArgs != 0 && !f.State && e.Pos() <= f.Pos && f.Pos < e.End() {
				return true, true
			}
		}
		return false, true
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
			return argsChooseCommand(pass, fn)
		}
	}
	return false, false
}

// tooCostly reports whether the taint engine leaves fn's body out.
func tooCostly(pass *analysis.Pass, fn *types.Func) bool {
	for _, f := range pass.Files {
		if f.FileStart <= fn.Pos() && fn.Pos() < f.FileEnd {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
					return gotaint.TooCostly(fd) != ""
				}
			}
		}
	}
	return true
}

// runMethods are the methods by which an agent framework, or a program's
// own agent loop, runs a tool.
var runMethods = []string{"Run", "Call", "Execute", "Invoke", "InvokableRun"}

// ownTools reports the program's own tools that run commands, whatever
// they are called: a type with the shape of a tool (Name and Description
// methods, as langchaingo, eino and hand-written agent loops define them,
// and a method that runs it) whose run method reaches command execution,
// directly or through functions and interfaces, across packages.
func ownTools(pass *analysis.Pass) []Wrapper {
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	var wrappers []Wrapper
	var disp *goapi.Dispatcher
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range gd.Specs {
				ts, ok := sp.(*ast.TypeSpec)
				if !ok {
					continue
				}
				tn, ok := pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
				if !ok || types.IsInterface(tn.Type()) {
					continue
				}
				ms := types.NewMethodSet(types.NewPointer(tn.Type()))
				if !hasMethod(ms, "Name") || !hasMethod(ms, "Description") {
					continue
				}
				for _, name := range runMethods {
					sel := ms.Lookup(tn.Pkg(), name)
					if sel == nil {
						continue
					}
					if why := res.Func(sel.Obj().(*types.Func)).Why(goapi.Exec); why != "" {
						g := goapi.PlaceGrade(pass, goapi.Error)
						msg := fmt.Sprintf("tool %s hands the model %s (%s → %s)", tn.Name(), shell, name, why)
						if chosen, known := argsChooseCommand(pass, sel.Obj().(*types.Func)); known && !chosen {
							g.LowerTo(goapi.Note, fixedCommand)
							msg = fmt.Sprintf("tool %s runs commands that the model does not choose (%s → %s)", tn.Name(), name, why)
						}
						if m := approvalMethod(ms); m != "" {
							g.LowerTo(goapi.Note, "its "+m+" method classifies each call so that the program can ask a human before the ones that change something, the check this rule asks for")
						}
						g.Report(pass, analysis.Diagnostic{Pos: ts.Name.Pos(), Message: msg})
						if disp == nil {
							disp = goapi.NewDispatcher(pass.Fset, pass.Pkg, nil)
						}
						if owners := delegatesTo(pass, res, disp, tn, sel.Obj().(*types.Func)); len(owners) > 0 {
							p := pass.Fset.Position(ts.Name.Pos())
							wrappers = append(wrappers, Wrapper{Name: tn.Name(), At: place(p), Why: name + " → " + why, Owners: owners})
						}
						break
					}
				}
			}
		}
	}
	return wrappers
}

// Wrapper is a tool whose run method reaches command execution only
// through the run methods of other tools it delegates to (a loop, a
// router or a sequence of sub-agents, an agent that adds a prompt to
// another's input): the capability is the other tools', and the module
// step reports it once, at the tool that owns it, with the wrappers as
// related locations.
type Wrapper struct {
	Name string
	At   Place
	// Why is the path to command execution, as the finding says it.
	Why string
	// Owners are the tools it may delegate to that reach command
	// execution themselves: where the capability is.
	Owners []Place
}

// Place is a position in a file, the file absolute.
type Place struct {
	File         string
	Line, Column int
}

func place(p token.Position) Place { return Place{File: p.Filename, Line: p.Line, Column: p.Column} }

// delegatesTo returns the tools that tool tn, whose run method m reaches
// command execution, reaches it through, when it reaches it only through
// them: the calls of other tools' run methods (through the program's tool
// interface, or on a concrete tool) in m's body are what reach it, and the
// rest of the body does not. nil when m reaches command execution itself.
func delegatesTo(pass *analysis.Pass, res *reach.Result, disp *goapi.Dispatcher, tn *types.TypeName, m *types.Func) []Place {
	delegate := func(fn *types.Func) bool {
		if fn == nil || !slices.Contains(runMethods, fn.Name()) || fn.Signature().Recv() == nil {
			return false
		}
		recv := types.Unalias(fn.Signature().Recv().Type())
		if p, ok := recv.(*types.Pointer); ok {
			recv = types.Unalias(p.Elem())
		}
		if n, ok := recv.(*types.Named); ok && n.Obj() == tn {
			return false // the tool's own method
		}
		ms := types.NewMethodSet(types.NewPointer(recv))
		if types.IsInterface(recv) {
			ms = types.NewMethodSet(recv)
		}
		return hasMethod(ms, "Name") && hasMethod(ms, "Description")
	}
	var calls []*types.Func
	if delegate(m) {
		// A run method promoted from an embedded tool (a struct that
		// embeds the tool interface and sets only its own fields).
		calls = []*types.Func{m}
	} else {
		body := funcBody(pass, m)
		if body == nil || res.NodeWithout(body, delegate).Why(goapi.Exec) != "" {
			return nil
		}
		ast.Inspect(body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && delegate(fn) && !slices.Contains(calls, fn) {
					calls = append(calls, fn)
				}
			}
			return true
		})
	}
	var owners []Place
	for _, fn := range calls {
		impls := disp.Implementations(fn)
		if impls == nil {
			impls = []*types.Func{fn}
		}
		for _, impl := range impls {
			recv := impl.Signature().Recv()
			if recv == nil || res.Func(impl).Why(goapi.Exec) == "" {
				continue
			}
			if name := goapi.TypeName(recv.Type()); name != "" {
				t := types.Unalias(recv.Type())
				if p, ok := t.(*types.Pointer); ok {
					t = types.Unalias(p.Elem())
				}
				if n, ok := t.(*types.Named); ok && n.Obj() != tn && n.Obj().Pos().IsValid() {
					pl := place(pass.Fset.Position(n.Obj().Pos()))
					if !slices.Contains(owners, pl) {
						owners = append(owners, pl)
					}
				}
			}
		}
	}
	return owners
}

// funcBody is the body of fn when it is declared in the package.
func funcBody(pass *analysis.Pass, fn *types.Func) *ast.BlockStmt {
	for _, f := range pass.Files {
		if f.FileStart <= fn.Pos() && fn.Pos() < f.FileEnd {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
					return fd.Body
				}
			}
		}
	}
	return nil
}

// approvalWords mark a method that classifies a tool call for a human's
// approval: kubectl-ai's CheckModifiesResource, RequiresApproval,
// NeedsConfirmation, IsDestructive, IsReadOnly.
var approvalWords = []string{"approv", "confirm", "permission", "modifies", "destructive", "readonly", "dangerous"}

// approvalMethod is the name of the tool's method that classifies its
// calls for approval, or "".
func approvalMethod(ms *types.MethodSet) string {
	for i := range ms.Len() {
		name := ms.At(i).Obj().Name()
		low := strings.ToLower(name)
		for _, w := range approvalWords {
			if strings.Contains(low, w) {
				return name
			}
		}
	}
	return ""
}

func hasMethod(ms *types.MethodSet, name string) bool {
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// hosted reports whether an OpenAI shell tool runs in a container that
// OpenAI hosts rather than on this machine.
func hosted(lit *ast.CompositeLit) bool {
	env := goapi.Keyed(lit, "Environment")
	envLit, ok := env.(*ast.CompositeLit)
	if !ok {
		return env != nil // set from elsewhere: cannot tell, give it the benefit
	}
	return goapi.Keyed(envLit, "OfContainerAuto") != nil || goapi.Keyed(envLit, "OfContainerReference") != nil
}
