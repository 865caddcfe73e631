// Package go204 defines rule GO204: an agent or tool loop with no cap on
// the number of model calls.
package go204

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO204",
	Name: "agent-loop-unbounded",
	Doc: lint.Doc{
		Title: "Agent loop has no iteration cap",
		Summary: "A tool loop can call the model without end: an anthropic tool runner without MaxIterations, " +
			"a langchaingo executor or genkit generation allowed more than max-iterations turns, or a " +
			"hand-written loop that calls a model and runs the tool calls it returns with no counter and no " +
			"context deadline.",
		Why: `In a tool loop the model decides when to stop: each answer that asks for a
tool leads to another request with the whole conversation so far. A model
that keeps asking (a tool that keeps failing, a prompt injected into a tool
result, a plain loop in its reasoning) then runs up cost and latency without
bound, and every turn re-sends a longer context. A cap on turns, or a
deadline on the context, turns that into an error you can handle.

Reported:
- anthropic-sdk-go's ` + "`BetaToolRunnerParams`" + ` given to NewToolRunner or
  NewToolRunnerStreaming with MaxIterations unset, zero or negative (zero
  means no limit), unless runner.Params.MaxIterations or
  params.MaxIterations is set later in the same function. Parameters that
  come from elsewhere are not judged.
- langchaingo ` + "`agents.WithMaxIterations(n)`" + ` and an Executor's MaxIterations, and
  genkit ` + "`ai.WithMaxTurns(n)`" + `, with a constant n above the max-iterations option
  (25 by default). Their defaults (5) are fine.
- a ` + "`for { }`" + ` or ` + "`for cond { }`" + ` loop (no post statement) whose body calls a model
  (directly or through functions that do, across packages) and handles tool
  calls (refers to ToolCalls, FunctionCalls, tool-use blocks or the like of
  an LLM SDK, in the loop or in a function of the package it calls), when no
  integer counter changed in the loop appears in its condition or in an
  if that leaves the loop, and the function makes no context.WithTimeout or
  WithDeadline. A three-clause for loop counts as bounded.
- such a loop whose only cap holds when a limit is set (` + "`max > 0 && i >= max`" + `
  to leave, ` + "`max == 0 || i < max`" + ` to go on: zero means no limit), when the
  package gives that variable or field no non-zero default (an assignment,
  a struct literal, the default of a flag bound to it).`,
		Fix: "cap the number of model turns (MaxIterations, a loop counter) or give the loop's context a deadline",
		Bad: `for {
	resp, err := client.CreateChatCompletion(ctx, req)
	if err != nil {
		return err
	}
	msg := resp.Choices[0].Message
	if len(msg.ToolCalls) == 0 {
		return nil
	}
	req.Messages = append(req.Messages, msg)
	req.Messages = append(req.Messages, runTools(msg.ToolCalls)...)
}`,
		Good: `for turn := 0; turn < maxTurns; turn++ {
	resp, err := client.CreateChatCompletion(ctx, req)
	if err != nil {
		return err
	}
	msg := resp.Choices[0].Message
	if len(msg.ToolCalls) == 0 {
		return nil
	}
	req.Messages = append(req.Messages, msg)
	req.Messages = append(req.Messages, runTools(msg.ToolCalls)...)
}
return errors.New("too many tool turns")`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "medium",
		CWE:       []int{834, 770},
		OWASP:     []string{"LLM10:2025", "API4:2023"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO204.
type Options struct {
	// MaxIterations is the largest number of model turns an agent may be
	// allowed before the rule reports it.
	MaxIterations int64 `yaml:"max-iterations"`
}

var options = Options{MaxIterations: 25}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO204",
	Doc:      "reports agent and tool loops with no cap on model calls",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

var (
	toolRunners = goapi.Set(true,
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunner",
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunnerStreaming")
	// turnOptions take a number of turns as their first argument.
	turnOptions = goapi.Set(true,
		"github.com/tmc/langchaingo/agents.WithMaxIterations",
		"github.com/firebase/genkit/go/ai.WithMaxTurns")
	deadlines = goapi.Set(true,
		"context.WithTimeout", "context.WithDeadline", "context.WithTimeoutCause", "context.WithDeadlineCause")
	// llmPkgs are the packages whose tool-call types and fields mark a loop
	// as a tool loop.
	llmPkgs = []string{
		"github.com/openai/openai-go", "github.com/sashabaranov/go-openai", "github.com/anthropics/anthropic-sdk-go",
		"google.golang.org/genai", "github.com/ollama/ollama/api", "github.com/tmc/langchaingo/llms",
	}
)

const anthropicPkg = "github.com/anthropics/anthropic-sdk-go"

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	opts := Rule.Options.(*Options)
	bodies := map[*types.Func]*ast.BlockStmt{}
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil)) {
		fd := n.(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			bodies[fn] = fd.Body
		}
	}
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ForStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			checkCall(pass, opts, cur, n)
		case *ast.AssignStmt:
			for _, fa := range goapi.FieldAssigns(pass.TypesInfo, n) {
				if fa.Field == "MaxIterations" && goapi.IsType(fa.Recv, "github.com/tmc/langchaingo/agents", "Executor") && fa.Value != nil {
					if v, ok := goapi.ConstInt(pass.TypesInfo, fa.Value); ok && v > opts.MaxIterations {
						goapi.Reportf(pass, goapi.Warning, fa.Value.Pos(), "%s.MaxIterations %d is above the cap of %d model turns", types.ExprString(fa.X), v, opts.MaxIterations)
					}
				}
			}
		case *ast.ForStmt:
			checkLoop(pass, res, bodies, cur, n)
		}
	}
	return nil, nil
}

func checkCall(pass *analysis.Pass, opts *Options, cur inspector.Cursor, call *ast.CallExpr) {
	fn := goapi.Callee(pass.TypesInfo, call)
	if fn == nil {
		return
	}
	name := goapi.Of(fn)
	switch {
	case turnOptions[name]:
		if len(call.Args) == 1 {
			if v, ok := goapi.ConstInt(pass.TypesInfo, call.Args[0]); ok && v > opts.MaxIterations {
				goapi.Reportf(pass, goapi.Warning, call.Args[0].Pos(), "%s.%s(%d) allows more than %d model turns", fn.Pkg().Name(), fn.Name(), v, opts.MaxIterations)
			}
		}
	case toolRunners[name]:
		if len(call.Args) < 2 {
			return
		}
		body := goapi.EnclosingFunc(cur)
		if runner := goapi.StoredIn(pass.TypesInfo, cur); runner != nil && goapi.FieldSetOn(pass.TypesInfo, body, runner, "MaxIterations", positive(pass)) {
			return
		}
		arg := ast.Unparen(call.Args[1])
		if id, ok := arg.(*ast.Ident); ok {
			v := pass.TypesInfo.Uses[id]
			if goapi.FieldSetOn(pass.TypesInfo, body, v, "MaxIterations", positive(pass)) {
				return
			}
			arg = goapi.Definition(pass.TypesInfo, body, v)
		}
		lit, ok := arg.(*ast.CompositeLit)
		if !ok || !goapi.IsType(pass.TypesInfo.TypeOf(lit), anthropicPkg, "BetaToolRunnerParams") {
			return
		}
		fields, keyed := goapi.KeyedFields(lit)
		if !keyed {
			return
		}
		if e, ok := fields["MaxIterations"]; ok && positive(pass)(e) {
			return
		}
		goapi.Reportf(pass, goapi.Warning, call.Pos(), "%s runs tools with no MaxIterations: it calls the model until the model stops asking for tools", fn.Name())
	}
}

// positive accepts an expression that is not a constant zero or less.
func positive(pass *analysis.Pass) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		v, ok := goapi.ConstInt(pass.TypesInfo, e)
		return !ok || v > 0
	}
}

// checkLoop reports a loop without a post statement that calls a model
// and handles tool calls, with no counter and no deadline.
func checkLoop(pass *analysis.Pass, res *reach.Result, bodies map[*types.Func]*ast.BlockStmt, cur inspector.Cursor, loop *ast.ForStmt) {
	if loop.Post != nil {
		return
	}
	fact := res.Node(loop.Body)
	if fact == nil || fact.Caps&goapi.ModelCall == 0 {
		return
	}
	if !handlesTools(pass, bodies, loop.Body) {
		return
	}
	counters := loopCounters(pass, loop.Body)
	var optional []ast.Expr // limits that bound the loop only when set
	if loop.Cond != nil && mentions(pass, loop.Cond, counters) {
		limit := zeroUnbounds(pass, loop.Cond, counters)
		if limit == nil {
			return
		}
		optional = append(optional, limit)
	}
	bounded, limits := exitsOnCounter(pass, loop.Body, counters)
	if bounded {
		return
	}
	optional = append(optional, limits...)
	outer, name := outermostFunc(cur)
	if outer != nil && hasDeadline(pass, outer) {
		return
	}
	if len(optional) > 0 {
		limit := optional[0]
		if hasDefault(pass, limit) {
			return
		}
		goapi.Reportf(pass, goapi.Warning, loop.Pos(), "loop in %s calls the model (%s) and runs the tools it asks for, capped by %s only when it is set: it is 0 unless configured, and 0 means no limit", name, fact.Why(goapi.ModelCall), types.ExprString(limit))
		return
	}
	goapi.Reportf(pass, goapi.Warning, loop.Pos(), "loop in %s calls the model (%s) and runs the tools it asks for with no iteration cap or deadline", name, fact.Why(goapi.ModelCall))
}

// zeroUnbounds finds, in a condition that bounds the loop by a counter, a
// limit whose zero value switches the bound off: "max > 0 && i >= max"
// (or != 0) to leave the loop, "max == 0 || i < max" (or <= 0) to stay in
// it. It returns the limit, or nil when the bound always holds.
func zeroUnbounds(pass *analysis.Pass, cond ast.Expr, counters map[types.Object]bool) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.LAND && b.Op != token.LOR) {
		return nil
	}
	guard, ok := ast.Unparen(b.X).(*ast.BinaryExpr)
	if !ok || !mentions(pass, b.Y, counters) {
		return nil
	}
	limit, zero := guard.X, guard.Y
	op := guard.Op
	if isZero(pass, limit) {
		limit, zero = zero, limit
		switch op { // 0 < max is max > 0
		case token.LSS:
			op = token.GTR
		case token.GEQ:
			op = token.LEQ
		}
	}
	if !isZero(pass, zero) || mentions(pass, limit, counters) {
		return nil
	}
	switch {
	case b.Op == token.LAND && (op == token.GTR || op == token.NEQ):
		return limit
	case b.Op == token.LOR && (op == token.EQL || op == token.LEQ):
		return limit
	}
	return nil
}

func isZero(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// hasDefault reports whether the package gives the limit (a variable or a
// field) a non-zero constant anywhere: an assignment, a keyed composite
// literal, or the default of a flag bound to it (IntVar(&max, name, 20,
// usage)). A limit set only from elsewhere is taken to have none.
func hasDefault(pass *analysis.Pass, limit ast.Expr) bool {
	var obj types.Object
	switch l := ast.Unparen(limit).(type) {
	case *ast.Ident:
		obj = pass.TypesInfo.Uses[l]
	case *ast.SelectorExpr:
		obj = pass.TypesInfo.Uses[l.Sel]
	}
	if obj == nil {
		return true // cannot tell: give it the benefit
	}
	refers := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.ObjectOf(x) == obj
		case *ast.SelectorExpr:
			return pass.TypesInfo.ObjectOf(x.Sel) == obj
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				switch y := ast.Unparen(x.X).(type) {
				case *ast.Ident:
					return pass.TypesInfo.ObjectOf(y) == obj
				case *ast.SelectorExpr:
					return pass.TypesInfo.ObjectOf(y.Sel) == obj
				}
			}
		}
		return false
	}
	nonZero := func(e ast.Expr) bool {
		tv, ok := pass.TypesInfo.Types[e]
		return ok && tv.Value != nil && tv.Value.String() != "0"
	}
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if i < len(n.Rhs) && refers(lhs) && nonZero(n.Rhs[i]) {
						found = true
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) && pass.TypesInfo.Defs[name] == obj && nonZero(n.Values[i]) {
						found = true
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && pass.TypesInfo.ObjectOf(id) == obj && nonZero(n.Value) {
					found = true
				}
			case *ast.CallExpr:
				// A flag bound to the limit: its default is the first
				// constant argument after the address.
				for i, a := range n.Args {
					if refers(a) && i+2 < len(n.Args) && nonZero(n.Args[i+2]) {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			break
		}
	}
	return found
}

// handlesTools reports whether code under n, or in a function of this
// package that it calls, refers to tool calls of an LLM SDK.
func handlesTools(pass *analysis.Pass, bodies map[*types.Func]*ast.BlockStmt, n ast.Node) bool {
	if refersToTools(pass, n) {
		return true
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := goapi.Callee(pass.TypesInfo, call); fn != nil {
				if body, ok := bodies[fn]; ok && refersToTools(pass, body) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func refersToTools(pass *analysis.Pass, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		obj := pass.TypesInfo.Uses[id]
		if obj == nil || obj.Pkg() == nil || !isLLMPkg(obj.Pkg().Path()) {
			return true
		}
		if name := obj.Name(); strings.Contains(name, "ToolCall") || strings.Contains(name, "ToolUse") || strings.Contains(name, "FunctionCall") {
			found = true
		}
		return !found
	})
	return found
}

func isLLMPkg(path string) bool {
	path = goapi.CanonPath(path)
	for _, p := range llmPkgs {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// loopCounters are the integer variables that the loop body steps (i++,
// i += n, i = i + 1) and the slices it appends to (their length counts).
func loopCounters(pass *analysis.Pass, body *ast.BlockStmt) map[types.Object]bool {
	counters := map[types.Object]bool{}
	isInt := func(obj types.Object) bool {
		b, ok := obj.Type().Underlying().(*types.Basic)
		return ok && b.Info()&types.IsInteger != 0
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				if obj := pass.TypesInfo.Uses[id]; obj != nil && isInt(obj) {
					counters[obj] = true
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || i >= len(n.Rhs) {
					continue
				}
				obj := pass.TypesInfo.ObjectOf(id)
				if obj == nil {
					continue
				}
				switch {
				case (n.Tok == token.ADD_ASSIGN || n.Tok == token.SUB_ASSIGN) && isInt(obj):
					counters[obj] = true
				case n.Tok == token.ASSIGN && isInt(obj) && mentions(pass, n.Rhs[i], map[types.Object]bool{obj: true}):
					counters[obj] = true
				case isAppendTo(pass, n.Rhs[i], obj):
					counters[obj] = true
				}
			}
		}
		return true
	})
	return counters
}

func isAppendTo(pass *analysis.Pass, e ast.Expr, obj types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	if b, ok := pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return false
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[arg] == obj
}

// mentions reports whether e refers to one of the variables. A slice is
// mentioned only through len(slice).
func mentions(pass *analysis.Pass, e ast.Expr, vars map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if ok && !found {
			if obj := pass.TypesInfo.Uses[id]; vars[obj] {
				if _, slice := obj.Type().Underlying().(*types.Slice); !slice || inLen(pass, e, id) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// inLen reports whether id appears as the argument of a len call in e.
func inLen(pass *analysis.Pass, e ast.Expr, id *ast.Ident) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 {
			return !found
		}
		if fn, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && fn.Name == "len" && ast.Unparen(call.Args[0]) == id {
			if _, builtin := pass.TypesInfo.Uses[fn].(*types.Builtin); builtin {
				found = true
			}
		}
		return !found
	})
	return found
}

// exitsOnCounter reports whether the loop body has an if on a counter
// whose branch leaves the loop (break, return or goto).
//
// An if whose bound holds only when a limit is set ("max > 0 && i >=
// max") does not count; its limit is returned.
func exitsOnCounter(pass *analysis.Pass, body *ast.BlockStmt, counters map[types.Object]bool) (bool, []ast.Expr) {
	if len(counters) == 0 {
		return false, nil
	}
	found := false
	var optional []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if !found && mentions(pass, n.Cond, counters) && leaves(n.Body) {
				if limit := zeroUnbounds(pass, n.Cond, counters); limit != nil {
					optional = append(optional, limit)
				} else {
					found = true
				}
			}
		}
		return !found
	})
	return found, optional
}

func leaves(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO {
				found = true
			}
		}
		return !found
	})
	return found
}

// outermostFunc is the top-level declaration around cur (its literals
// share its context) and a name for messages.
func outermostFunc(cur inspector.Cursor) (ast.Node, string) {
	var node ast.Node
	name := "a function literal"
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		node = c.Node()
		if fd, ok := node.(*ast.FuncDecl); ok {
			name = fd.Name.Name
		}
	}
	return node, name
}

func hasDeadline(pass *analysis.Pass, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if _, _, ok := deadlines.Call(pass.TypesInfo, call); ok {
				found = true
			}
		}
		return !found
	})
	return found
}
