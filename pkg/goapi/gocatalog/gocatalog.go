// Package gocatalog turns the MCP tools a Go package registers (with
// mark3labs/mcp-go or modelcontextprotocol/go-sdk) into the tool model of
// pkg/toolcat, with every name, description, parameter and annotation at
// the line where the code writes it, so that the catalog rules (MCP2xx,
// MCP3xx, MCP4xx, MCP51x) run on Go servers as they run on manifests.
//
// It reads what agenttool found: the registration, the definition (an
// mcp.NewTool call with its options, or an mcp.Tool literal) and the
// handler. Values must be constants to be read; a tool whose name is built at
// run time is left out, and so are a description or a schema built at run
// time, and a schema the code takes
// from elsewhere (mcp.WithInputSchema, WithRawInputSchema, an InputSchema
// value that is not a literal) is marked Composed, so that rules judging
// bounds stay silent on it.
package gocatalog

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Analyzer builds the catalogs of a package's MCP tools: a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditcatalog",
	Doc:        "builds the tool catalogs of the MCP tools a package registers",
	Requires:   []*analysis.Analyzer{agenttool.Analyzer, inspect.Analyzer, Wrappers},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// Result holds one catalog per server the package registers tools on (a
// package may build several servers, each with its own tools), and one for
// the tools it defines without a registration that can be followed.
type Result struct {
	Catalogs []*toolcat.Catalog
}

// Package is every tool of the package in one catalog, named by the
// package path, in the order the catalogs list them: what a tools lock
// records for a Go package, since a package's servers (one per mode, say)
// are not told apart by anything stable. Nil when the package has no
// tools. Gathered is set when the package builds several catalogs, whose
// tools may repeat a name.
func (r *Result) Package() *toolcat.Catalog {
	if r == nil || len(r.Catalogs) == 0 {
		return nil
	}
	first := r.Catalogs[0]
	if len(r.Catalogs) == 1 {
		return first
	}
	c := &toolcat.Catalog{Source: first.Source, Name: first.Name, File: first.File, At: first.At, Gathered: true}
	for _, x := range r.Catalogs {
		c.Tools = append(c.Tools, x.Tools...)
	}
	return c
}

const (
	mcpGoPkg  = "github.com/mark3labs/mcp-go/mcp"
	goSDKPkg  = "github.com/modelcontextprotocol/go-sdk/mcp"
	schemaPkg = "github.com/google/jsonschema-go/jsonschema"
)

func run(pass *analysis.Pass) (any, error) {
	tools := pass.ResultOf[agenttool.Analyzer].(*agenttool.Result)
	b := builder{pass: pass, values: tools.Values, wrappers: pass.ResultOf[Wrappers].(*WrapperSet)}
	res := &Result{}
	byServer := map[any]*toolcat.Catalog{}
	add := func(key any, tool *toolcat.Tool, at toolcat.Pos) {
		cat := byServer[key]
		if cat == nil {
			cat = &toolcat.Catalog{Source: toolcat.SourceGo, Name: pass.Pkg.Path(), File: tool.At.File, At: at, Gathered: key == nil}
			byServer[key] = cat
			res.Catalogs = append(res.Catalogs, cat)
		}
		cat.Tools = append(cat.Tools, tool)
	}
	seen := map[ast.Node]bool{}
	for _, t := range tools.Tools {
		if t.SDK != agenttool.MCPGo && t.SDK != agenttool.GoSDK || t.Def == nil || seen[t.Def] {
			continue
		}
		seen[t.Def] = true // a tool value registered twice is one tool
		tool := b.tool(t)
		if tool == nil || !tool.Name.Set {
			// A name built at run time is unknown, not missing: rules
			// that judge names (MCP511) would take it for a tool without
			// one, so the tool is left out.
			continue
		}
		add(b.server(t.Register), tool, b.pos(t.Register.Pos()))
	}
	// Tools defined in the package and registered where agenttool cannot
	// follow them (a slice of server tools built by a constructor of the
	// package's own, a registry looping over them): every mcp-go NewTool
	// call and every mcp.Tool literal with a constant name is a tool the
	// package offers, in a catalog of their own.
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		if seen[n] {
			continue
		}
		var tool *toolcat.Tool
		switch n := n.(type) {
		case *ast.CallExpr:
			if _, pkg, name := b.callee(n); pkg == mcpGoPkg && name == "NewTool" && len(n.Args) > 0 {
				tool = b.mcpGoTool(n)
			} else if w := b.wrapper(n); w != nil {
				tool = b.wrappedTool(n, w)
			}
		case *ast.CompositeLit:
			tool = b.tool(&agenttool.Tool{Def: n})
		}
		if tool == nil || !tool.Name.Set {
			continue
		}
		seen[n] = true
		add(nil, tool, tool.At)
	}
	return res, nil
}

// server identifies the server a registration call adds to: the variable
// or field it is held in (s in s.AddTool(...) or mcp.AddTool(s, ...)), or
// the expression itself when it is not a variable.
func (b builder) server(call *ast.CallExpr) any {
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if fn := goapi.Callee(b.pass.TypesInfo, call); fn != nil && fn.Signature().Recv() != nil {
			recv = sel.X
		}
	}
	if recv == nil && len(call.Args) > 0 {
		recv = call.Args[0] // mcp.AddTool(server, tool, handler)
	}
	switch r := ast.Unparen(recv).(type) {
	case *ast.Ident:
		if obj := b.pass.TypesInfo.Uses[r]; obj != nil {
			return obj
		}
	case *ast.SelectorExpr:
		if obj := b.pass.TypesInfo.Uses[r.Sel]; obj != nil {
			return obj // a field: s.server.AddTool(...)
		}
	}
	if recv != nil {
		return recv
	}
	return call
}

type builder struct {
	pass     *analysis.Pass
	values   *agenttool.Values
	wrappers *WrapperSet // the tool constructors the package can call
}

func (b builder) pos(p token.Pos) toolcat.Pos {
	if !p.IsValid() {
		return toolcat.Pos{}
	}
	at := b.pass.Fset.Position(p)
	return toolcat.Pos{File: at.Filename, Line: at.Line, Column: at.Column}
}

// text reads a constant string; the zero Text when e is not one. A call
// of a helper that returns its default (see defaultArg) reads as the
// default: t("TOOL_X_DESCRIPTION", "Gets x.") is "Gets x.".
func (b builder) text(e ast.Expr) toolcat.Text {
	if e == nil {
		return toolcat.Text{}
	}
	if d := b.defaultArg(e); d != nil {
		e = d
	}
	tv, ok := b.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		if r := b.values.Resolve(e); r != nil && r != e {
			if tv, ok = b.pass.TypesInfo.Types[r]; !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return toolcat.Text{}
			}
		} else {
			return toolcat.Text{}
		}
	}
	return toolcat.Text{Value: constant.StringVal(tv.Value), Set: true, At: b.pos(e.Pos())}
}

// defaultArg is the argument a call returns by default, for the helpers
// servers route their texts through (translations, overrides from the
// environment): a call of a function value of type func(string, string)
// string (a parameter, a variable, a field: its body is not known) whose
// two arguments are constant strings, read as a key and a default, as
// github-mcp-server's t("TOOL_X_DESCRIPTION", "default") is; or a call of
// a function of this package whose string result is, in some return, one
// of its string parameters, given as a constant. Nil otherwise: a
// function of another package (strings.TrimPrefix("ab", "a")) is not
// taken for a helper.
func (b builder) defaultArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	isConst := func(a ast.Expr) bool {
		tv, ok := b.pass.TypesInfo.Types[a]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.String
	}
	sig, _ := b.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return nil
	}
	fn := goapi.Callee(b.pass.TypesInfo, call)
	if fn == nil {
		if _, isConv := b.pass.TypesInfo.Types[call.Fun]; isConv && b.pass.TypesInfo.Types[call.Fun].IsType() {
			return nil // a conversion
		}
		if sig.Params().Len() == 2 && !sig.Variadic() && isString(sig.Params().At(0).Type()) && isString(sig.Params().At(1).Type()) &&
			len(call.Args) == 2 && isConst(call.Args[0]) && isConst(call.Args[1]) {
			return call.Args[1]
		}
		return nil
	}
	if fn.Pkg() != b.pass.Pkg {
		return nil
	}
	i := b.returnedParam(fn)
	if i < 0 || i >= len(call.Args) || !isConst(call.Args[i]) {
		return nil
	}
	return call.Args[i]
}

// returnedParam is the index of a string parameter that a function of the
// package returns as it is, in some return statement; -1 when none.
func (b builder) returnedParam(fn *types.Func) int {
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || b.pass.TypesInfo.Defs[fd.Name] != fn {
				continue
			}
			params := fn.Signature().Params()
			found := -1
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				ret, ok := n.(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 || found >= 0 {
					return found < 0
				}
				id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
				if !ok {
					return true
				}
				for i := range params.Len() {
					if p := params.At(i); b.pass.TypesInfo.Uses[id] == p && isString(p.Type()) {
						found = i
					}
				}
				return true
			})
			return found
		}
	}
	return -1
}

func isString(t types.Type) bool {
	basic, ok := t.Underlying().(*types.Basic)
	return ok && basic.Kind() == types.String
}

func (b builder) constInt(e ast.Expr) *int {
	if tv, ok := b.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if v, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok {
			n := int(v)
			return &n
		}
	}
	return nil
}

func (b builder) constFloat(e ast.Expr) *float64 {
	if tv, ok := b.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if v, ok := constant.Float64Val(constant.ToFloat(tv.Value)); ok {
			return &v
		}
	}
	return nil
}

// hint reads a bool annotation: a constant, or a pointer helper around one
// (mcp.ToBoolPtr(true), jsonschema.Ptr(false), &v); at is what sets it.
func (b builder) hint(e ast.Expr, at ast.Node) toolcat.Hint {
	if e == nil {
		return toolcat.Hint{}
	}
	h := toolcat.Hint{State: toolcat.Unknown, At: b.pos(at.Pos())}
	if tv, ok := b.pass.TypesInfo.Types[e]; ok && tv.IsNil() {
		return toolcat.Hint{}
	}
	v := ast.Unparen(e)
	if call, ok := v.(*ast.CallExpr); ok && len(call.Args) == 1 {
		v = call.Args[0]
	} else if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = u.X
	}
	v = b.values.Resolve(v)
	if tv, ok := b.pass.TypesInfo.Types[v]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		h.State = toolcat.False
		if constant.BoolVal(tv.Value) {
			h.State = toolcat.True
		}
	}
	return h
}

func (b builder) callee(e ast.Expr) (*ast.CallExpr, string, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, "", ""
	}
	fn := goapi.Callee(b.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return call, "", ""
	}
	return call, goapi.CanonPath(fn.Pkg().Path()), fn.Name()
}

// tool builds one tool from its definition.
func (b builder) tool(t *agenttool.Tool) *toolcat.Tool {
	switch def := t.Def.(type) {
	case *ast.CallExpr:
		if _, pkg, name := b.callee(def); pkg == mcpGoPkg && name == "NewTool" && len(def.Args) > 0 {
			return b.mcpGoTool(def)
		}
	case *ast.CompositeLit:
		tv, ok := b.pass.TypesInfo.Types[def]
		if !ok {
			return nil
		}
		switch {
		case goapi.IsType(tv.Type, goSDKPkg, "Tool"):
			return b.goSDKTool(def, t)
		case goapi.IsType(tv.Type, mcpGoPkg, "Tool"):
			tool := &toolcat.Tool{At: b.pos(def.Pos()), Name: b.text(goapi.Keyed(def, "Name")),
				Title: b.text(goapi.Keyed(def, "Title")), Description: b.text(goapi.Keyed(def, "Description")),
				InputSchema: &toolcat.Schema{At: b.pos(def.Pos()), Composed: true}}
			if a := goapi.Keyed(def, "Annotations"); a != nil {
				tool.Annotations = b.annotations(a)
			}
			return tool
		}
	}
	return nil
}

// mcpGoTool reads mcp.NewTool(name, options...).
func (b builder) mcpGoTool(call *ast.CallExpr) *toolcat.Tool {
	return b.mcpGoToolOf(call, call.Args[0], call.Args[1:], call.Ellipsis.IsValid())
}

// wrapper is what a call's callee does with its arguments when it is a
// tool constructor of the program (see Wrappers); nil otherwise.
func (b builder) wrapper(call *ast.CallExpr) *WrapperFact {
	fn := goapi.Callee(b.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return b.wrappers.Of(fn)
}

// wrappedTool builds the tool a call of a wrapper defines: its name and
// description from the arguments the wrapper puts there, and its options
// read as mcp.NewTool's. The wrapper may add to the schema (mcp-grafana
// derives it from the handler's argument type): the schema is Composed.
func (b builder) wrappedTool(call *ast.CallExpr, w *WrapperFact) *toolcat.Tool {
	if w.Name < 0 || w.Name >= len(call.Args) {
		return nil
	}
	var opts []ast.Expr
	if w.Opts >= 0 && w.Opts < len(call.Args) {
		opts = call.Args[w.Opts:]
	}
	tool := b.mcpGoToolOf(call, call.Args[w.Name], opts, call.Ellipsis.IsValid() && len(opts) > 0)
	if w.Desc >= 0 && w.Desc < len(call.Args) && !tool.Description.Set {
		tool.Description = b.text(call.Args[w.Desc])
	}
	tool.InputSchema.Composed = true
	tool.InputSchema.Canonical = canonical(tool.InputSchema)
	return tool
}

// mcpGoToolOf builds a tool from a name and mcp-go tool options; call is
// where the tool is defined.
func (b builder) mcpGoToolOf(call *ast.CallExpr, nameArg ast.Expr, opts []ast.Expr, spread bool) *toolcat.Tool {
	tool := &toolcat.Tool{At: b.pos(call.Pos()), Name: b.text(nameArg)}
	schema := &toolcat.Schema{At: b.pos(call.Pos()), Types: []string{"object"}}
	tool.InputSchema = schema
	if spread && len(opts) == 1 {
		lit, ok := b.values.Resolve(opts[0]).(*ast.CompositeLit)
		if !ok {
			schema.Composed = true
			return tool
		}
		opts = lit.Elts
	}
	ann := func() *toolcat.Annotations {
		if tool.Annotations == nil {
			tool.Annotations = &toolcat.Annotations{At: b.pos(call.Pos())}
		}
		return tool.Annotations
	}
	for _, o := range opts {
		oc, pkg, name := b.callee(o)
		if oc == nil || pkg != mcpGoPkg {
			// An option of the package's own may do anything.
			schema.Composed = true
			continue
		}
		arg := func(i int) ast.Expr {
			if i < len(oc.Args) {
				return oc.Args[i]
			}
			return nil
		}
		switch name {
		case "WithDescription":
			tool.Description = b.text(arg(0))
		case "WithTitleAnnotation":
			ann().Title = b.text(arg(0))
			if !tool.Title.Set {
				tool.Title = ann().Title
			}
		case "WithReadOnlyHintAnnotation":
			ann().ReadOnly = b.hint(arg(0), oc)
		case "WithDestructiveHintAnnotation":
			ann().Destructive = b.hint(arg(0), oc)
		case "WithIdempotentHintAnnotation":
			ann().Idempotent = b.hint(arg(0), oc)
		case "WithOpenWorldHintAnnotation":
			ann().OpenWorld = b.hint(arg(0), oc)
		case "WithToolAnnotation":
			tool.Annotations = b.annotations(arg(0))
			if tool.Annotations != nil && tool.Annotations.Title.Set && !tool.Title.Set {
				tool.Title = tool.Annotations.Title
			}
		case "WithString", "WithNumber", "WithInteger", "WithBoolean", "WithArray", "WithObject", "WithAny":
			b.property(schema, oc, strings.ToLower(strings.TrimPrefix(name, "With")))
		case "WithInputSchema", "WithRawInputSchema":
			schema.Composed = true
		}
	}
	schema.Canonical = canonical(schema)
	return tool
}

// property reads mcp.WithString("name", mcp.Description(...), ...).
func (b builder) property(parent *toolcat.Schema, call *ast.CallExpr, typ string) {
	if len(call.Args) == 0 {
		return
	}
	name := b.text(call.Args[0])
	if !name.Set {
		parent.Composed = true
		return
	}
	s := &toolcat.Schema{At: b.pos(call.Pos())}
	if typ != "any" {
		s.Types = []string{typ}
	}
	b.propertyOptions(s, call.Args[1:], parent, name.Value)
	parent.Properties = append(parent.Properties, toolcat.Property{Name: name.Value, At: name.At, Schema: s})
}

func (b builder) propertyOptions(s *toolcat.Schema, opts []ast.Expr, parent *toolcat.Schema, name string) {
	for _, o := range opts {
		oc, pkg, fn := b.callee(o)
		if oc == nil || pkg != mcpGoPkg {
			s.Composed = true
			continue
		}
		var a0 ast.Expr
		if len(oc.Args) > 0 {
			a0 = oc.Args[0]
		}
		switch fn {
		case "Description":
			s.Description = b.text(a0)
		case "Required":
			if parent != nil && !slices.Contains(parent.Required, name) {
				parent.Required = append(parent.Required, name)
			}
		case "MaxLength":
			s.MaxLength = b.constInt(a0)
		case "MaxItems":
			s.MaxItems = b.constInt(a0)
		case "MaxProperties":
			s.MaxProperties = b.constInt(a0)
		case "Max", "Maximum":
			s.Maximum = b.constFloat(a0)
		case "Pattern":
			if t := b.text(a0); t.Set {
				s.Pattern = t.Value
			}
		case "Enum":
			s.Enum = len(oc.Args)
		case "WithStringItems", "WithNumberItems", "WithBooleanItems", "WithObjectItems":
			items := &toolcat.Schema{At: b.pos(oc.Pos()), Types: []string{strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(fn, "With"), "Items"))}}
			b.propertyOptions(items, oc.Args, nil, "")
			s.Items = items
		case "Items", "Properties", "AdditionalProperties":
			s.Composed = true // a map[string]any the code builds: not followed
		}
	}
}

// annotations reads an annotations value: an mcp-go ToolAnnotation (pointer
// hints) or a go-sdk *ToolAnnotations (ReadOnlyHint and IdempotentHint
// bool, the others pointers).
func (b builder) annotations(e ast.Expr) *toolcat.Annotations {
	if e == nil {
		return nil
	}
	if tv, ok := b.pass.TypesInfo.Types[e]; ok && tv.IsNil() {
		return nil
	}
	v := b.values.Resolve(e)
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = b.values.Resolve(u.X)
	}
	a := &toolcat.Annotations{At: b.pos(e.Pos())}
	lit, ok := v.(*ast.CompositeLit)
	if !ok {
		unknown := toolcat.Hint{State: toolcat.Unknown, At: a.At}
		a.ReadOnly, a.Destructive, a.Idempotent, a.OpenWorld = unknown, unknown, unknown, unknown
		return a
	}
	field := func(name string) (ast.Expr, ast.Node) {
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					return kv.Value, kv
				}
			}
		}
		return nil, nil
	}
	if v, _ := field("Title"); v != nil {
		a.Title = b.text(v)
	}
	for _, h := range []struct {
		name string
		dst  *toolcat.Hint
	}{{"ReadOnlyHint", &a.ReadOnly}, {"DestructiveHint", &a.Destructive}, {"IdempotentHint", &a.Idempotent}, {"OpenWorldHint", &a.OpenWorld}} {
		if v, at := field(h.name); v != nil {
			*h.dst = b.hint(v, at)
		}
	}
	return a
}

// goSDKTool reads a go-sdk &mcp.Tool{...} literal. Without an InputSchema
// written out, mcp.AddTool infers it from the handler's input type, and so
// does this: from the struct's fields, their json names and jsonschema
// descriptions.
func (b builder) goSDKTool(def *ast.CompositeLit, t *agenttool.Tool) *toolcat.Tool {
	tool := &toolcat.Tool{At: b.pos(def.Pos()), Name: b.text(goapi.Keyed(def, "Name")),
		Title: b.text(goapi.Keyed(def, "Title")), Description: b.text(goapi.Keyed(def, "Description"))}
	if a := goapi.Keyed(def, "Annotations"); a != nil {
		tool.Annotations = b.annotations(a)
		if tool.Annotations != nil && tool.Annotations.Title.Set && !tool.Title.Set {
			tool.Title = tool.Annotations.Title
		}
	}
	switch in := goapi.Keyed(def, "InputSchema"); {
	case in != nil:
		tool.InputSchema = b.jsonSchemaLit(in, 0)
	case t.Handler != nil:
		if st := inputType(b.pass.TypesInfo, t.Handler); st != nil {
			tool.InputSchema = b.structSchema(st, b.pos(def.Pos()), 0)
		}
	}
	if tool.InputSchema != nil {
		tool.InputSchema.Canonical = canonical(tool.InputSchema)
	}
	return tool
}

// inputType is the In of a go-sdk typed handler func(ctx, req, In).
func inputType(info *types.Info, handler ast.Expr) types.Type {
	sig, ok := info.TypeOf(handler).(*types.Signature)
	if !ok || sig.Params().Len() != 3 {
		return nil
	}
	return sig.Params().At(2).Type()
}

const maxDepth = 6

// structSchema is the schema the go-sdk infers for a Go type.
func (b builder) structSchema(t types.Type, at toolcat.Pos, depth int) *toolcat.Schema {
	s := &toolcat.Schema{At: at}
	if depth > maxDepth {
		s.Composed = true
		return s
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			s.Types = []string{"string"}
		case u.Info()&types.IsInteger != 0:
			s.Types = []string{"integer"}
		case u.Info()&types.IsFloat != 0:
			s.Types = []string{"number"}
		case u.Info()&types.IsBoolean != 0:
			s.Types = []string{"boolean"}
		default:
			s.Composed = true
		}
	case *types.Slice:
		s.Types = []string{"array"}
		s.Items = b.structSchema(u.Elem(), at, depth+1)
	case *types.Array:
		s.Types = []string{"array"}
		n := int(u.Len())
		s.MaxItems = &n
		s.Items = b.structSchema(u.Elem(), at, depth+1)
	case *types.Map:
		s.Types = []string{"object"}
		s.AdditionalProperties = b.structSchema(u.Elem(), at, depth+1)
	case *types.Struct:
		s.Types = []string{"object"}
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() {
				continue
			}
			tag := reflect.StructTag(u.Tag(i))
			name, opts, _ := strings.Cut(tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name()
			}
			fat := at
			if p := b.pos(f.Pos()); p.Known() {
				fat = p
			}
			ps := b.structSchema(f.Type(), fat, depth+1)
			if d := strings.TrimPrefix(tag.Get("jsonschema"), "description="); d != "" {
				ps.Description = toolcat.Text{Value: d, Set: true, At: fat}
			}
			s.Properties = append(s.Properties, toolcat.Property{Name: name, At: fat, Schema: ps})
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				s.Required = append(s.Required, name)
			}
		}
	default:
		s.Composed = true // interfaces, any: whatever the client sends
	}
	return s
}

// jsonSchemaLit reads an InputSchema written as &jsonschema.Schema{...}.
func (b builder) jsonSchemaLit(e ast.Expr, depth int) *toolcat.Schema {
	s := &toolcat.Schema{At: b.pos(e.Pos())}
	v := b.values.Resolve(e)
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = b.values.Resolve(u.X)
	}
	lit, ok := v.(*ast.CompositeLit)
	if !ok || depth > maxDepth {
		s.Composed = true
		return s
	}
	if tv, ok := b.pass.TypesInfo.Types[lit]; !ok || !goapi.IsType(tv.Type, schemaPkg, "Schema") {
		s.Composed = true
		return s
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch key.Name {
		case "Type":
			if t := b.text(kv.Value); t.Set {
				s.Types = []string{t.Value}
			}
		case "Types":
			if l, ok := kv.Value.(*ast.CompositeLit); ok {
				for _, x := range l.Elts {
					if t := b.text(x); t.Set {
						s.Types = append(s.Types, t.Value)
					}
				}
			}
		case "Description":
			s.Description = b.text(kv.Value)
		case "MaxLength":
			s.MaxLength = b.constInt(ptrArg(kv.Value))
		case "MaxItems":
			s.MaxItems = b.constInt(ptrArg(kv.Value))
		case "Maximum":
			s.Maximum = b.constFloat(ptrArg(kv.Value))
		case "Pattern":
			if t := b.text(kv.Value); t.Set {
				s.Pattern = t.Value
			}
		case "Enum":
			if l, ok := kv.Value.(*ast.CompositeLit); ok {
				s.Enum = len(l.Elts)
			}
		case "Required":
			if l, ok := kv.Value.(*ast.CompositeLit); ok {
				for _, x := range l.Elts {
					if t := b.text(x); t.Set {
						s.Required = append(s.Required, t.Value)
					}
				}
			}
		case "Items":
			s.Items = b.jsonSchemaLit(kv.Value, depth+1)
		case "Properties":
			l, ok := b.values.Resolve(kv.Value).(*ast.CompositeLit)
			if !ok {
				s.Composed = true
				continue
			}
			for _, pe := range l.Elts {
				pkv, ok := pe.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				name := b.text(pkv.Key)
				if !name.Set {
					s.Composed = true
					continue
				}
				s.Properties = append(s.Properties, toolcat.Property{Name: name.Value, At: name.At, Schema: b.jsonSchemaLit(pkv.Value, depth+1)})
			}
		case "AllOf", "AnyOf", "OneOf", "Ref":
			s.Composed = true
		}
	}
	return s
}

// ptrArg is the value of a pointer helper: jsonschema.Ptr(10) gives 10.
func ptrArg(e ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		return call.Args[0]
	}
	return e
}

// canonical writes a schema as JSON with sorted keys: what a lock file
// hashes. It holds what the model knows of the schema.
func canonical(s *toolcat.Schema) string {
	data, err := json.Marshal(schemaMap(s, 0))
	if err != nil {
		return ""
	}
	return string(data)
}

func schemaMap(s *toolcat.Schema, depth int) map[string]any {
	m := map[string]any{}
	if s == nil || depth > maxDepth {
		return m
	}
	switch len(s.Types) {
	case 0:
	case 1:
		m["type"] = s.Types[0]
	default:
		m["type"] = s.Types
	}
	if s.Description.Set {
		m["description"] = s.Description.Value
	}
	if s.MaxLength != nil {
		m["maxLength"] = *s.MaxLength
	}
	if s.MaxItems != nil {
		m["maxItems"] = *s.MaxItems
	}
	if s.Maximum != nil {
		m["maximum"] = *s.Maximum
	}
	if s.Pattern != "" {
		m["pattern"] = s.Pattern
	}
	if s.Enum > 0 {
		m["enum"] = strconv.Itoa(s.Enum) + " values"
	}
	if len(s.Required) > 0 {
		m["required"] = s.Required
	}
	if len(s.Properties) > 0 {
		props := map[string]any{}
		for _, p := range s.Properties {
			props[p.Name] = schemaMap(p.Schema, depth+1)
		}
		m["properties"] = props
	}
	if s.Items != nil {
		m["items"] = schemaMap(s.Items, depth+1)
	}
	if s.Composed {
		m["x-composed"] = true
	}
	return m
}
