// Package go407 defines rule GO407: MCP tool arguments used without
// validation against the tool's input schema.
package go407

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO407",
	Name: "mcp-args-unvalidated",
	Doc: lint.Doc{
		Title: "MCP tool arguments used without schema validation",
		Summary: "An mcp-go server built without server.WithInputSchemaValidation() has tool handlers that read " +
			"their arguments loosely (GetArguments or Params.Arguments with a type assertion, GetRawArguments, " +
			"GetString/GetInt/...), or a go-sdk tool added with the raw (*mcp.Server).AddTool decodes " +
			"req.Params.Arguments itself and validates nothing.",
		Why: `A tool's input schema is a promise to the model about what it may send, not a
check: nothing stops a client, or a model steered by a prompt injection,
from sending a path where a number was declared, a value outside an enum, or
fields the schema never mentioned. Each SDK has one place that turns the
schema into a check, and it is easy to miss.

- mark3labs/mcp-go validates arguments against the tool's input schema only
  when the server is built with ` + "`server.WithInputSchemaValidation()`" + `; it is off by
  default. Without it, handlers that read ` + "`req.GetArguments()[\"x\"].(string)`" + `
  or ` + "`req.Params.Arguments.(map[string]any)`" + ` panic or misbehave on input of the
  wrong shape, and ` + "`GetString(key, default)`" + `, ` + "`GetInt`" + ` and the other Get
  helpers quietly turn a missing or mistyped argument into the default.
  An optional argument (declared in mcp.NewTool's options without
  mcp.Required(), or in the raw JSON schema given to
  mcp.NewToolWithRawSchema without being listed as required) read with the default its schema declares, or with any
  default when the schema declares none, is not reported: that is what the
  default is for. The advice names server.WithInputSchemaValidation() only
  when the mcp-go release the code is built with has it.
  The typed ` + "`RequireString`" + `, ` + "`RequireInt`" + `, ... helpers check that one argument is
  present and has the right type, so reads through them count as validated;
  ` + "`BindArguments`" + ` into a struct and ` + "`mcp.NewTypedToolHandler`" + ` count too.
- modelcontextprotocol/go-sdk validates input in the generic
  ` + "`mcp.AddTool[In, Out]`" + `. The raw ` + "`(*mcp.Server).AddTool(tool, handler)`" + ` leaves
  "unmarshaling the arguments and validating them against the input schema"
  to the handler (its documentation says so); a handler that
  ` + "`json.Unmarshal`" + `s ` + "`req.Params.Arguments`" + ` and calls no validator is reported.

Handlers are followed where they are registered in the same package
(` + "`AddTool`" + `, ` + "`AddTools`" + ` with ` + "`server.ServerTool`" + `, ` + "`AddSessionTool`" + `; function
literals, functions and methods of the package). A handler that calls a
validator (go-playground validator, a JSON Schema ` + "`Validate`" + `, any ` + "`Validate`" + `
method), itself or through a function of the package it calls (up to two
calls deep), is not reported. For mcp-go the rule needs to see the
` + "`server.NewMCPServer`" + ` call: servers built in another package, or with options
passed as a slice, are assumed to validate. GO406 leaves MCP arguments to
this rule.`,
		Fix: "validate tool arguments before use: go-sdk, add the tool with mcp.AddTool[In, Out]; mcp-go, read them with RequireString and the other Require helpers or BindArguments, or build the server with server.WithInputSchemaValidation() where the release in go.mod has it (each finding names what fits the code)",
		Bad: `s := server.NewMCPServer("files", "1.0.0")
s.AddTool(mcp.NewTool("read_file", mcp.WithString("path", mcp.Required())),
	func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		path := req.GetArguments()["path"].(string)
		return readFile(path)
	})`,
		Good: `s := server.NewMCPServer("files", "1.0.0", server.WithInputSchemaValidation())
s.AddTool(mcp.NewTool("read_file", mcp.WithString("path", mcp.Required())),
	func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		path, err := req.RequireString("path")
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return readFile(path)
	})`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 14 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "low",
		CWE:       []int{20},
		OWASP:     []string{"LLM06:2025", "API8:2023"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO407",
	Doc:      "reports MCP tool handlers that use their arguments without schema validation",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const (
	mcpgoMCP    = "github.com/mark3labs/mcp-go/mcp"
	mcpgoServer = "github.com/mark3labs/mcp-go/server"
	gosdkMCP    = "github.com/modelcontextprotocol/go-sdk/mcp"
)

var (
	fnNewServer   = goapi.MustFunc(mcpgoServer + ".NewMCPServer")
	fnValidation  = goapi.MustFunc(mcpgoServer + ".WithInputSchemaValidation")
	fnAddTool     = goapi.MustFunc("(*" + mcpgoServer + ".MCPServer).AddTool")
	fnAddSession  = goapi.MustFunc("(*" + mcpgoServer + ".MCPServer).AddSessionTool")
	fnAddTools    = goapi.MustFunc("(*" + mcpgoServer + ".MCPServer).AddTools")
	fnSDKAddTool  = goapi.MustFunc("(*" + gosdkMCP + ".Server).AddTool")
	fnUnmarshal   = goapi.MustFunc("encoding/json.Unmarshal")
	fnNewTool     = goapi.MustFunc(mcpgoMCP + ".NewTool")
	fnNewToolRaw  = goapi.MustFunc(mcpgoMCP + ".NewToolWithRawSchema")
	looseGetters  = map[string]bool{"GetArguments": true, "GetRawArguments": true}
	defaultedGets = map[string]bool{
		"GetString": true, "GetInt": true, "GetFloat": true, "GetBool": true,
		"GetStringSlice": true, "GetIntSlice": true, "GetFloatSlice": true, "GetBoolSlice": true,
	}
)

type checker struct {
	pass  *analysis.Pass
	ins   *inspector.Inspector
	decls map[*types.Func]*ast.FuncDecl
	done  map[ast.Node]bool
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, ins: ins, decls: map[*types.Func]*ast.FuncDecl{}, done: map[ast.Node]bool{}}
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil)) {
		fd := n.(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			c.decls[fn] = fd
		}
	}

	// mcp-go servers: which variables hold one that does not validate, and
	// whether every server built in the package leaves validation off.
	loose := map[types.Object]*ast.CallExpr{}
	var anyLoose *ast.CallExpr
	allLoose := true
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if fn := goapi.Callee(pass.TypesInfo, call); fn == nil || goapi.Of(fn) != fnNewServer {
			continue
		}
		if validates(pass, call) {
			allLoose = false
			continue
		}
		if anyLoose == nil {
			anyLoose = call
		}
		if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
			if obj := rootObj(pass, as.Lhs[0]); obj != nil {
				loose[obj] = call
			}
		} else if vs, ok := cur.Parent().Node().(*ast.ValueSpec); ok && len(vs.Names) == 1 {
			loose[pass.TypesInfo.Defs[vs.Names[0]]] = call
		}
	}
	serverOf := func(recv ast.Expr) *ast.CallExpr {
		if call, ok := loose[rootObj(pass, recv)]; ok {
			return call
		}
		if allLoose {
			return anyLoose
		}
		return nil
	}

	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := goapi.Callee(pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		switch name := goapi.Of(fn); {
		case (name == fnAddTool || name == fnAddSession) && sel != nil:
			i := len(call.Args) - 1
			if srv := serverOf(sel.X); srv != nil && i >= 1 {
				c.checkMCPGo(srv, toolName(pass, call.Args[i-1]), call.Args[i-1], call.Args[i], enclosing(cur))
			}
		case name == fnAddTools && sel != nil:
			srv := serverOf(sel.X)
			if srv == nil {
				continue
			}
			for _, arg := range call.Args {
				lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
				if !ok {
					continue
				}
				var tool, handler ast.Expr
				for _, el := range lit.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						switch id, _ := kv.Key.(*ast.Ident); {
						case id != nil && id.Name == "Tool":
							tool = kv.Value
						case id != nil && id.Name == "Handler":
							handler = kv.Value
						}
					}
				}
				if handler != nil {
					c.checkMCPGo(srv, toolName(pass, tool), tool, handler, enclosing(cur))
				}
			}
		case name == fnSDKAddTool && len(call.Args) == 2:
			c.checkSDK(call, toolName(pass, call.Args[0]), call.Args[1])
		}
	}
	return nil, nil
}

// validates reports whether a NewMCPServer call turns input validation on,
// or may (its options come as a slice).
func validates(pass *analysis.Pass, call *ast.CallExpr) bool {
	if call.Ellipsis.IsValid() {
		return true
	}
	for _, arg := range call.Args {
		if c, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
			if fn := goapi.Callee(pass.TypesInfo, c); fn != nil && goapi.Of(fn) == fnValidation {
				return true
			}
		}
	}
	return false
}

// handlerBody finds the body of a handler expression: a function literal,
// or a function or method of this package, through conversions.
func (c *checker) handlerBody(e ast.Expr) (inspector.Cursor, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			return c.handlerBody(call.Args[0]) // server.ToolHandlerFunc(f)
		}
	}
	var body *ast.BlockStmt
	switch x := e.(type) {
	case *ast.FuncLit:
		body = x.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := x.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = x.(*ast.Ident)
		}
		if fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func); ok {
			if fd := c.decls[fn.Origin()]; fd != nil {
				body = fd.Body
			}
		}
	}
	if body == nil || c.done[body] {
		return inspector.Cursor{}, false
	}
	c.done[body] = true
	return c.ins.Root().FindNode(body)
}

func (c *checker) validatesIn(body inspector.Cursor) bool {
	return c.validatesWithin(body, 2)
}

// validatesWithin reports whether body calls a validator, itself or
// through functions of the package it calls, depth calls deep: a handler
// that decodes and validates in a helper (go-sdk's unmarshalAndValidate
// example, which ends in jsonschema's Resolved.Validate) validates.
func (c *checker) validatesWithin(body inspector.Cursor, depth int) bool {
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if goapi.IsValidation(c.pass.TypesInfo, call, nil) {
			return true
		}
		if depth == 0 {
			continue
		}
		fn := goapi.Callee(c.pass.TypesInfo, call)
		if fn == nil {
			continue
		}
		if fd := c.decls[fn]; fd != nil {
			if checksArguments(c.pass.TypesInfo, fd, call) {
				return true
			}
			if helper, ok := c.ins.Root().FindNode(fd); ok && c.validatesWithin(helper, depth-1) {
				return true
			}
		}
	}
	return false
}

// checkMCPGo reports the first loose read of arguments in an mcp-go
// handler registered on a server that does not validate.
func (c *checker) checkMCPGo(server *ast.CallExpr, tool string, toolExpr, handler ast.Expr, at0 ast.Node) {
	body, ok := c.handlerBody(handler)
	if !ok || c.validatesIn(body) {
		return
	}
	info := c.pass.TypesInfo
	isReq := func(e ast.Expr) bool { return goapi.IsType(info.TypeOf(e), mcpgoMCP, "CallToolRequest") }

	var at ast.Node
	var what string
	// Get helpers that default silently.
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && defaultedGets[sel.Sel.Name] && isReq(sel.X) {
			// An optional argument read with the schema's own default (or
			// one the schema leaves without a default) is what the default
			// is for.
			if optionalWithDefault(info, toolExpr, at0, call) {
				continue
			}
			at, what = call, "reads argument "+argName(info, call)+" with "+sel.Sel.Name+", which turns a missing or mistyped value into the default"
			break
		}
	}
	// GetArguments, GetRawArguments and Params.Arguments relied on
	// without a check.
	direct := func(e ast.Expr) bool {
		switch x := e.(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			return ok && looseGetters[sel.Sel.Name] && isReq(sel.X)
		case *ast.SelectorExpr:
			if x.Sel.Name != "Arguments" {
				return false
			}
			p, ok := ast.Unparen(x.X).(*ast.SelectorExpr)
			return ok && p.Sel.Name == "Params" && isReq(p.X)
		}
		return false
	}
	holders := map[types.Object]bool{}
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "BindArguments" && isReq(sel.X) && len(call.Args) == 1 {
			if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := u.X.(*ast.Ident); ok && goapi.IsUntyped(info.TypeOf(id)) {
					holders[info.Uses[id]] = true
				}
			}
		}
	}
	if use, ok := goapi.FindUntypedUse(info, body, holders, direct); ok && (at == nil || use.Node.Pos() < at.Pos()) {
		at, what = use.Node, "uses its arguments without a check ("+use.What+")"
	}
	if at == nil {
		return
	}
	p := c.pass.Fset.Position(server.Pos())
	var serverPkg *types.Package
	if fn := goapi.Callee(info, server); fn != nil {
		serverPkg = fn.Pkg()
	}
	goapi.PlaceGrade(c.pass, goapi.Warning).Report(c.pass, analysis.Diagnostic{
		Pos: at.Pos(),
		End: at.End(),
		Message: fmt.Sprintf("tool %s %s, and its server (server.NewMCPServer at %s:%d) does not validate arguments against the input schema: %s",
			tool, what, filepath.Base(p.Filename), p.Line, goapi.MCPGoValidationAdvice(serverPkg)),
		Related: []analysis.RelatedInformation{
			{Pos: server.Pos(), Message: "server built with no input validation here"},
			{Pos: at.Pos(), Message: "arguments read here"},
		},
	})
}

// checkSDK reports a go-sdk raw handler that unmarshals its arguments
// and validates nothing.
func (c *checker) checkSDK(add *ast.CallExpr, tool string, handler ast.Expr) {
	body, ok := c.handlerBody(handler)
	if !ok || c.validatesIn(body) {
		return
	}
	info := c.pass.TypesInfo
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := goapi.Callee(info, call)
		if fn == nil || goapi.Of(fn) != fnUnmarshal || len(call.Args) != 2 {
			continue
		}
		sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Arguments" || !goapi.IsType(info.TypeOf(sel.X), gosdkMCP, "CallToolParamsRaw") {
			continue
		}
		into := "its arguments"
		if t := info.TypeOf(call.Args[1]); t != nil {
			if p, ok := t.(*types.Pointer); ok && goapi.IsUntyped(p.Elem()) {
				into = "its arguments into an untyped value"
			}
		}
		goapi.PlaceGrade(c.pass, goapi.Warning).Report(c.pass, analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("tool %s is added with (*mcp.Server).AddTool, which does not validate arguments, and its handler decodes %s with no validation: "+
				"add it with mcp.AddTool[In, Out], which validates against the schema, or validate the decoded value before use",
				tool, into),
			Related: []analysis.RelatedInformation{
				{Pos: add.Pos(), Message: "tool added without input validation here"},
				{Pos: call.Pos(), Message: "arguments decoded here"},
			},
		})
		return
	}
}

// enclosing is the function around cur: what a tool variable is looked up
// in.
func enclosing(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.Node()
	}
	return nil
}

// optionalWithDefault reports whether get, a GetString(key, def)-style
// call, reads an argument that the tool's schema declares optional, with
// the schema's own default or where the schema sets none.
func optionalWithDefault(info *types.Info, toolExpr ast.Expr, body ast.Node, get *ast.CallExpr) bool {
	if toolExpr == nil || len(get.Args) != 2 {
		return false
	}
	name := goapi.ConstString(info, get.Args[0])
	if name == "" {
		return false
	}
	resolve := func(e ast.Expr) ast.Expr {
		if id, ok := e.(*ast.Ident); ok && body != nil {
			return goapi.Definition(info, body, info.Uses[id])
		}
		return nil
	}
	a := goapi.MCPGoArgSchema(info, toolExpr, name, resolve)
	return a.Declared && !a.Required && a.SameDefault(info, get.Args[1])
}

// toolName quotes the tool's name when it is written in the call:
// mcp.NewTool("name", ...) or &mcp.Tool{Name: "name"}.
func toolName(pass *analysis.Pass, e ast.Expr) string {
	if e == nil {
		return "(unnamed)"
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := goapi.Callee(pass.TypesInfo, x); fn != nil && (goapi.Of(fn) == fnNewTool || goapi.Of(fn) == fnNewToolRaw) && len(x.Args) > 0 {
			if s := goapi.ConstString(pass.TypesInfo, x.Args[0]); s != "" {
				return fmt.Sprintf("%q", s)
			}
		}
	case *ast.UnaryExpr:
		return toolName(pass, x.X)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Name" {
					if s := goapi.ConstString(pass.TypesInfo, kv.Value); s != "" {
						return fmt.Sprintf("%q", s)
					}
				}
			}
		}
	case *ast.Ident:
		return x.Name
	}
	return strings.TrimSpace(types.ExprString(e))
}

func argName(info *types.Info, call *ast.CallExpr) string {
	if len(call.Args) > 0 {
		if s := goapi.ConstString(info, call.Args[0]); s != "" {
			return fmt.Sprintf("%q", s)
		}
	}
	return "?"
}

// rootObj is the variable a selector chain starts from.
func rootObj(pass *analysis.Pass, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.ObjectOf(x)
		case *ast.SelectorExpr:
			if v, ok := pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// checksArguments reports whether fd, a function of the package that the
// handler calls with an untyped map (the tool's arguments), checks them
// as a validator does: it returns an error, reads the map's values only
// with the comma-ok type assertion (v, ok := args["url"].(string)) or a
// type switch, never with the form that panics, and returns an error
// somewhere other than at the end (a missing or mistyped argument is
// refused). A parser such as loadScrapeParams(args) or
// validateChartData(kind, args) is the handler's check.
func checksArguments(info *types.Info, fd *ast.FuncDecl, call *ast.CallExpr) bool {
	sig, ok := info.Defs[fd.Name].Type().(*types.Signature)
	if !ok || fd.Body == nil || sig.Results().Len() == 0 {
		return false
	}
	if last := sig.Results().At(sig.Results().Len() - 1).Type(); !types.Identical(last, types.Universe.Lookup("error").Type()) {
		return false
	}
	passed := false
	for _, a := range call.Args {
		if _, ok := info.TypeOf(a).Underlying().(*types.Map); ok {
			passed = true
		}
	}
	if !passed {
		return false
	}
	checked, loose, refuses := 0, 0, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.TypeSwitchStmt:
			checked++
			return true
		case *ast.AssignStmt:
			if len(x.Lhs) == 2 && len(x.Rhs) == 1 {
				if _, ok := ast.Unparen(x.Rhs[0]).(*ast.TypeAssertExpr); ok {
					checked++
					// The checked assertion itself; its operand may
					// hold more to inspect.
					ast.Inspect(x.Rhs[0].(*ast.TypeAssertExpr).X, func(m ast.Node) bool {
						if ta, ok := m.(*ast.TypeAssertExpr); ok && ta.Type != nil {
							loose++
						}
						return true
					})
					return false
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == 2 && len(x.Values) == 1 {
				if _, ok := ast.Unparen(x.Values[0]).(*ast.TypeAssertExpr); ok {
					checked++
					return false
				}
			}
		case *ast.TypeAssertExpr:
			if x.Type != nil {
				loose++ // v := args["x"].(string): panics on a wrong type
			}
		case *ast.ReturnStmt:
			if n := len(x.Results); n > 0 {
				if id, ok := ast.Unparen(x.Results[n-1]).(*ast.Ident); !ok || id.Name != "nil" {
					refuses = true
				}
			}
		}
		return true
	})
	return checked > 0 && loose == 0 && refuses
}
