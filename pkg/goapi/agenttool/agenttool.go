// Package agenttool is an analyzer that finds the tools a package hands to
// an MCP client or an agent: where each is registered, the read-only and
// destructive hints it carries, and the expression that handles its calls.
// The GO3xx rules ask it about MCP tools (mark3labs/mcp-go and
// modelcontextprotocol/go-sdk) and ADK function tools.
//
// Values are followed through simple local and package variables (assigned
// once, never changed field by field), through functions of the same
// package that return a tool (or a tool and its handler), and through
// option slices written as literals. What cannot be followed is marked
// Unknown, and rules stay silent on it.
package agenttool

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Hint is the state of a boolean annotation.
type Hint int8

const (
	Unset   Hint = iota // not written: the SDK's default applies
	Yes                 // set to true
	No                  // set to false
	Unknown             // set to something this package cannot evaluate
)

func (h Hint) String() string { return [...]string{"unset", "true", "false", "unknown"}[h] }

// SDKs a tool is registered with.
const (
	MCPGo = "mcp-go" // github.com/mark3labs/mcp-go
	GoSDK = "go-sdk" // github.com/modelcontextprotocol/go-sdk
	ADK   = "adk"    // google.golang.org/adk function tools
)

// Tool is one registered tool.
type Tool struct {
	SDK      string
	Name     string        // the tool's name when it is a constant; "" otherwise
	Register *ast.CallExpr // the registration call
	// Def is where the tool is defined: the mcp.NewTool call, the mcp.Tool
	// literal or the functiontool.Config literal; nil when the definition
	// could not be followed (then the hints are Unknown).
	Def ast.Node

	// ReadOnly and Destructive are the hints as the code leaves them.
	// Unset means not written: mcp-go's NewTool then says read-only false,
	// destructive true; the go-sdk leaves ReadOnlyHint false and a nil
	// DestructiveHint, which clients read as true.
	ReadOnly, Destructive Hint
	// ReadOnlyAt and DestructiveAt are what set them: the option call or
	// the key-value pair of an annotation literal.
	ReadOnlyAt, DestructiveAt ast.Node

	// Handler is the expression that handles calls, after following
	// variables and conversions; nil when there is none to follow.
	// HandlerKnown says whether what it runs can be seen: a function
	// literal, a named function or method, or a call of a named function
	// that builds the handler.
	Handler      ast.Expr
	HandlerKnown bool

	// ADK only: whether the Config asks a human to confirm each call
	// (RequireConfirmation true, a RequireConfirmationProvider, or a value
	// that cannot be evaluated).
	Confirmation bool
}

// Pos is where findings about the tool go: its definition, or its
// registration when the definition could not be followed.
func (t *Tool) Pos() token.Pos {
	if t.Def != nil {
		return t.Def.Pos()
	}
	return t.Register.Pos()
}

// Label names the tool in messages: `tool "delete_file"`, or "a tool" when
// its name is not a constant.
func (t *Tool) Label() string {
	if t.Name != "" {
		return "tool " + quote(t.Name)
	}
	return "a tool"
}

func quote(s string) string { return `"` + s + `"` }

// Result lists the tools registered in a package, in source order.
type Result struct {
	Tools  []*Tool
	Values *Values
}

// Analyzer finds the tools of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "apiaudittools",
	Doc:        "finds MCP and agent tools, their hints and their handlers",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

type registration struct {
	sdk           string
	tool, handler int // argument indexes; -1 = variadic ServerTool values from the index in variadic
	variadic      int
}

var registrations = goapi.Table[registration]{
	goapi.MustFunc("(*github.com/mark3labs/mcp-go/server.MCPServer).AddTool"):         {sdk: MCPGo, tool: 0, handler: 1, variadic: -1},
	goapi.MustFunc("(*github.com/mark3labs/mcp-go/server.MCPServer).AddSessionTool"):  {sdk: MCPGo, tool: 1, handler: 2, variadic: -1},
	goapi.MustFunc("(*github.com/mark3labs/mcp-go/server.MCPServer).AddTools"):        {sdk: MCPGo, tool: -1, handler: -1, variadic: 0},
	goapi.MustFunc("(*github.com/mark3labs/mcp-go/server.MCPServer).SetTools"):        {sdk: MCPGo, tool: -1, handler: -1, variadic: 0},
	goapi.MustFunc("(*github.com/mark3labs/mcp-go/server.MCPServer).AddSessionTools"): {sdk: MCPGo, tool: -1, handler: -1, variadic: 1},
	goapi.MustFunc("github.com/modelcontextprotocol/go-sdk/mcp.AddTool"):              {sdk: GoSDK, tool: 1, handler: 2, variadic: -1},
	goapi.MustFunc("(*github.com/modelcontextprotocol/go-sdk/mcp.Server).AddTool"):    {sdk: GoSDK, tool: 0, handler: 1, variadic: -1},
	goapi.MustFunc("google.golang.org/adk/tool/functiontool.New"):                     {sdk: ADK, tool: 0, handler: 1, variadic: -1},
}

const (
	mcpGoPkg = "github.com/mark3labs/mcp-go/mcp"
	goSDKPkg = "github.com/modelcontextprotocol/go-sdk/mcp"
	adkPkg   = "google.golang.org/adk/tool/functiontool"
)

func run(pass *analysis.Pass) (any, error) {
	return Find(pass.TypesInfo, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)), nil
}

// Find finds the tools registered in the code ins walks: what the
// analyzer's result holds, for an analyzer that needs them only in some
// packages and does not require this one.
func Find(info *types.Info, ins *inspector.Inspector) *Result {
	res := &Result{Values: NewValues(info, ins)}
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		reg, _, ok := registrations.Call(info, call)
		if !ok {
			continue
		}
		f := finder{info: info, values: res.Values}
		res.Tools = append(res.Tools, f.tools(call, reg)...)
	}
	return res
}

type finder struct {
	info   *types.Info
	values *Values
}

func (f finder) tools(call *ast.CallExpr, reg registration) []*Tool {
	args := call.Args
	if reg.variadic >= 0 {
		var out []*Tool
		for _, st := range f.serverTools(call, reg.variadic) {
			t := &Tool{SDK: reg.sdk, Register: call}
			f.define(t, st[0])
			f.handle(t, st[1])
			out = append(out, t)
		}
		return out
	}
	t := &Tool{SDK: reg.sdk, Register: call}
	var toolExpr, handlerExpr ast.Expr
	switch {
	case len(args) > reg.handler:
		toolExpr, handlerExpr = args[reg.tool], args[reg.handler]
	case len(args) == reg.handler && reg.tool == reg.handler-1:
		// s.AddTool(newDeleteTool(client)): one call that returns the
		// tool and its handler.
		if inner, ok := ast.Unparen(args[len(args)-1]).(*ast.CallExpr); ok {
			if res := f.values.Returns(f.info, inner); len(res) == 2 {
				toolExpr, handlerExpr = res[0], res[1]
			}
		}
	}
	f.define(t, toolExpr)
	f.handle(t, handlerExpr)
	return []*Tool{t}
}

// serverTools returns the (Tool, Handler) pairs of the server.ServerTool
// values passed from argument i on.
func (f finder) serverTools(call *ast.CallExpr, i int) [][2]ast.Expr {
	var elems []ast.Expr
	if call.Ellipsis.IsValid() && len(call.Args) == i+1 {
		lit, ok := f.values.Resolve(call.Args[i]).(*ast.CompositeLit)
		if !ok {
			return [][2]ast.Expr{{nil, nil}}
		}
		elems = lit.Elts
	} else if len(call.Args) > i {
		elems = call.Args[i:]
	}
	var out [][2]ast.Expr
	for _, e := range elems {
		lit, ok := f.values.Resolve(e).(*ast.CompositeLit)
		if !ok {
			out = append(out, [2]ast.Expr{nil, nil})
			continue
		}
		out = append(out, [2]ast.Expr{field(lit, "Tool", 0), field(lit, "Handler", 1)})
	}
	return out
}

// field is a field of a struct literal, keyed or positional; nil when it is
// not written.
func field(lit *ast.CompositeLit, name string, index int) ast.Expr {
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i == index {
			return e
		}
	}
	return nil
}

func (f finder) handle(t *Tool, e ast.Expr) {
	if e == nil {
		return
	}
	h := f.values.Resolve(e)
	// Unwrap conversions such as server.ToolHandlerFunc(fn).
	for {
		call, ok := h.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := f.info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		h = f.values.Resolve(call.Args[0])
	}
	t.Handler = h
	switch h := h.(type) {
	case *ast.FuncLit:
		t.HandlerKnown = true
	case *ast.Ident:
		_, t.HandlerKnown = f.info.Uses[h].(*types.Func)
	case *ast.SelectorExpr:
		_, t.HandlerKnown = f.info.Uses[h.Sel].(*types.Func)
	case *ast.CallExpr:
		t.HandlerKnown = goapi.Callee(f.info, h) != nil
	}
}

func (f finder) define(t *Tool, e ast.Expr) {
	t.ReadOnly, t.Destructive = Unknown, Unknown
	if e == nil {
		return
	}
	def := f.values.Resolve(e)
	if u, ok := def.(*ast.UnaryExpr); ok && u.Op == token.AND {
		def = f.values.Resolve(u.X)
	}
	switch def := def.(type) {
	case *ast.CallExpr:
		fn := goapi.Callee(f.info, def)
		if fn == nil || fn.Pkg() == nil || goapi.CanonPath(fn.Pkg().Path()) != mcpGoPkg {
			return
		}
		switch fn.Name() {
		case "NewTool":
			t.Def = def
			f.mcpGoOptions(t, def)
		case "NewToolWithRawSchema":
			t.Def = def
			t.ReadOnly, t.Destructive = Unset, Unset
			if len(def.Args) > 0 {
				t.Name = goapi.ConstString(f.info, def.Args[0])
			}
		}
	case *ast.CompositeLit:
		tv, ok := f.info.Types[def]
		if !ok {
			return
		}
		switch {
		case goapi.IsType(tv.Type, mcpGoPkg, "Tool"):
			t.Def = def
			t.Name = goapi.ConstString(f.info, keyed(def, "Name"))
			t.ReadOnly, t.Destructive = Unset, Unset
			if a := keyed(def, "Annotations"); a != nil {
				f.mcpGoAnnotation(t, a)
			}
		case goapi.IsType(tv.Type, goSDKPkg, "Tool"):
			t.Def = def
			t.Name = goapi.ConstString(f.info, keyed(def, "Name"))
			f.goSDKAnnotations(t, keyed(def, "Annotations"))
		case goapi.IsType(tv.Type, adkPkg, "Config"):
			t.Def = def
			t.Name = goapi.ConstString(f.info, keyed(def, "Name"))
			t.ReadOnly, t.Destructive = Unset, Unset
			c := f.isTrue(keyed(def, "RequireConfirmation"))
			t.Confirmation = c == Yes || c == Unknown
			if p := keyed(def, "RequireConfirmationProvider"); p != nil && !isNil(f.info, p) {
				t.Confirmation = true
			}
		}
	}
}

func keyed(lit *ast.CompositeLit, name string) ast.Expr { return field(lit, name, -1) }

// at is the element of lit that holds v: the key-value pair when keyed.
func at(lit *ast.CompositeLit, v ast.Expr) ast.Node {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Value == v {
			return kv
		}
	}
	return v
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// mcpGoOptions applies the options of an mcp.NewTool call in order.
func (f finder) mcpGoOptions(t *Tool, call *ast.CallExpr) {
	t.ReadOnly, t.Destructive = Unset, Unset
	if len(call.Args) == 0 {
		return
	}
	t.Name = goapi.ConstString(f.info, call.Args[0])
	opts := call.Args[1:]
	if call.Ellipsis.IsValid() && len(opts) == 1 {
		lit, ok := f.values.Resolve(opts[0]).(*ast.CompositeLit)
		if !ok {
			t.ReadOnly, t.Destructive = Unknown, Unknown
			return
		}
		opts = lit.Elts
	}
	for _, o := range opts {
		oc, ok := ast.Unparen(o).(*ast.CallExpr)
		var fn *types.Func
		if ok {
			fn = goapi.Callee(f.info, oc)
		}
		if fn == nil || fn.Pkg() == nil || goapi.CanonPath(fn.Pkg().Path()) != mcpGoPkg {
			// An option of the package's own: it may set any hint.
			if t.ReadOnly == Unset {
				t.ReadOnly = Unknown
			}
			if t.Destructive == Unset {
				t.Destructive = Unknown
			}
			continue
		}
		switch fn.Name() {
		case "WithReadOnlyHintAnnotation":
			t.ReadOnly, t.ReadOnlyAt = f.isTrue(arg(oc, 0)), oc
		case "WithDestructiveHintAnnotation":
			t.Destructive, t.DestructiveAt = f.isTrue(arg(oc, 0)), oc
		case "WithToolAnnotation":
			// Replaces all hints: fields left out become nil.
			t.ReadOnly, t.Destructive, t.ReadOnlyAt, t.DestructiveAt = Unset, Unset, nil, nil
			f.mcpGoAnnotation(t, arg(oc, 0))
		}
	}
}

func arg(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// mcpGoAnnotation reads an mcp.ToolAnnotation value (pointer hints).
func (f finder) mcpGoAnnotation(t *Tool, e ast.Expr) {
	lit, ok := f.values.Resolve(e).(*ast.CompositeLit)
	if !ok {
		t.ReadOnly, t.Destructive = Unknown, Unknown
		return
	}
	if v := field(lit, "ReadOnlyHint", 1); v != nil {
		t.ReadOnly, t.ReadOnlyAt = f.boolPtr(v), at(lit, v)
	}
	if v := field(lit, "DestructiveHint", 2); v != nil {
		t.Destructive, t.DestructiveAt = f.boolPtr(v), at(lit, v)
	}
}

// goSDKAnnotations reads the Annotations field of a go-sdk mcp.Tool: a
// *mcp.ToolAnnotations with ReadOnlyHint bool and DestructiveHint *bool.
func (f finder) goSDKAnnotations(t *Tool, e ast.Expr) {
	t.ReadOnly, t.Destructive = Unset, Unset
	if e == nil || isNil(f.info, e) {
		return
	}
	v := f.values.Resolve(e)
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = f.values.Resolve(u.X)
	}
	lit, ok := v.(*ast.CompositeLit)
	if !ok {
		t.ReadOnly, t.Destructive = Unknown, Unknown
		return
	}
	if v := keyed(lit, "ReadOnlyHint"); v != nil {
		t.ReadOnly, t.ReadOnlyAt = f.isTrue(v), at(lit, v)
	}
	if v := keyed(lit, "DestructiveHint"); v != nil {
		t.Destructive, t.DestructiveAt = f.boolPtr(v), at(lit, v)
	}
}

// isTrue evaluates a bool expression.
func (f finder) isTrue(e ast.Expr) Hint {
	if e == nil {
		return Unset
	}
	if b, ok := f.constBool(e); ok {
		if b {
			return Yes
		}
		return No
	}
	return Unknown
}

func (f finder) constBool(e ast.Expr) (bool, bool) {
	e = f.values.Resolve(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value), true
	}
	return false, false
}

// boolPtr evaluates a *bool expression: nil, &v, or a one-argument helper
// such as mcp.ToBoolPtr(true), jsonschema.Ptr(false) or new(true).
func (f finder) boolPtr(e ast.Expr) Hint {
	if isNil(f.info, e) {
		return Unset
	}
	// A helper call is read by its argument before it is followed: ptr(v)
	// would otherwise lead to the helper's own "return &v".
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		return f.isTrue(call.Args[0])
	}
	switch v := f.values.Resolve(e).(type) {
	case *ast.UnaryExpr:
		if v.Op == token.AND {
			return f.isTrue(v.X)
		}
	case *ast.CallExpr:
		if len(v.Args) == 1 {
			return f.isTrue(v.Args[0])
		}
	}
	return Unknown
}
