package goapi

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// Plain tool tables: the tools a program describes to a model with a
// struct type of its own rather than an SDK's, one literal per tool
// ([]Tool{{Name: "run", Description: ..., Parameters: ..., Handler:
// runShell}}), and dispatches on by the name in the model's tool call.
// GO302 reports the entries whose handler runs commands; the taint
// analysis takes the handlers' parameters for tool arguments (GO307,
// GO405).

// ToolShape returns the function fields of t when t is a struct type of
// the program's own (declared in pkg's module) with the fields of a tool
// definition: a name (Name or ToolName, a string), a description (a
// string field whose name starts with Desc) and a parameter schema (a
// field named Parameters, Params or Inputs, or whose name holds Schema);
// nil otherwise. The schema is what tells a tool the program describes to
// a model from a command table of its CLI or a menu for its user, which
// have a name, a description and an action too.
func ToolShape(pkg *types.Package, t types.Type) []string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || pkg == nil || !sameModule(pkg.Path(), named.Obj().Pkg().Path()) {
		return nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || ToolNameField(t) == "" {
		return nil
	}
	var desc, schema bool
	var funcs []string
	for f := range st.Fields() {
		low := strings.ToLower(f.Name())
		if _, ok := f.Type().Underlying().(*types.Signature); ok {
			funcs = append(funcs, f.Name())
			continue
		}
		switch {
		case strings.HasPrefix(low, "desc") && isStringType(f.Type()):
			desc = true
		case strings.Contains(low, "schema") || low == "parameters" || low == "params" || low == "inputs":
			schema = true
		}
	}
	if !desc || !schema {
		return nil
	}
	return funcs
}

// ToolNameField is the field of struct type t that names a tool: Name or
// ToolName, a string; "" when there is none.
func ToolNameField(t types.Type) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for f := range st.Fields() {
		if (f.Name() == "Name" || f.Name() == "ToolName") && isStringType(f.Type()) {
			return f.Name()
		}
	}
	return ""
}

// DeclaresToolShape reports whether the package declares a struct type
// with the shape of a tool definition (see ToolShape) and a function field.
func DeclaresToolShape(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, name := range pkg.Scope().Names() {
		if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && len(ToolShape(pkg, tn.Type())) > 0 {
			return true
		}
	}
	return false
}

// TableHandlers are the handlers the package's tool tables hold: the
// functions named, and the function literals written, in the function
// fields of its literals of a tool-shaped type (see ToolShape). The
// values of name tables (NameTables) are not among them: the taint
// analysis already follows the model's arguments from the call that
// dispatches on the name into the handler, and would report each flow
// twice.
func TableHandlers(info *types.Info, pkg *types.Package, files []*ast.File) (funcs map[*types.Func]bool, lits map[*ast.FuncLit]bool) {
	add := func(e ast.Expr) {
		switch v := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			if lits == nil {
				lits = map[*ast.FuncLit]bool{}
			}
			lits[v] = true
		case *ast.Ident, *ast.SelectorExpr:
			id, _ := v.(*ast.Ident)
			if sel, ok := v.(*ast.SelectorExpr); ok {
				id = sel.Sel
			}
			if fn, ok := info.Uses[id].(*types.Func); ok {
				if funcs == nil {
					funcs = map[*types.Func]bool{}
				}
				funcs[fn.Origin()] = true
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			tv, ok := info.Types[lit]
			if !ok {
				return true
			}
			handlers := ToolShape(pkg, tv.Type)
			if len(handlers) == 0 {
				return true
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, ok := kv.Key.(*ast.Ident)
				if !ok || !slices.Contains(handlers, key.Name) {
					continue
				}
				add(kv.Value)
			}
			return true
		})
	}
	return funcs, lits
}

// toolCallNamePkgs are the SDKs whose types carry the name of the tool a
// model (or an MCP client) chose to call, in a field called Name: go-openai
// and openai-go tool calls, Anthropic tool-use blocks, genai and
// langchaingo function calls, Ollama tool calls, MCP call-tool params.
var toolCallNamePkgs = []string{
	"github.com/sashabaranov/go-openai", "github.com/openai/openai-go", "github.com/anthropics/anthropic-sdk-go",
	"google.golang.org/genai", "github.com/tmc/langchaingo/llms", "github.com/ollama/ollama/api",
	"github.com/mark3labs/mcp-go/mcp", "github.com/modelcontextprotocol/go-sdk/mcp",
}

// NameTables are the package's name tables: map literals from a tool's
// name to its handler function (map[string]func(...){"run": runShell}),
// kept in a variable or a field that the package indexes with the name
// of the tool a model chose (handlers[call.Function.Name], directly or
// through a local variable). A map of handlers indexed by the model's
// choice is a tool table: its functions' capabilities are the tools'.
// A map of functions indexed by anything else (a CLI's commands, an
// event's type) is not.
func NameTables(info *types.Info, files []*ast.File) []*ast.CompositeLit {
	// The maps: where each literal of a name-to-function type is kept.
	held := map[*types.Var][]*ast.CompositeLit{}
	keep := func(lhs ast.Expr, rhs ast.Expr) {
		lit, ok := ast.Unparen(rhs).(*ast.CompositeLit)
		if !ok || !funcMap(info.TypeOf(lit)) {
			return
		}
		if v := heldIn(info, lhs); v != nil {
			held[v] = append(held[v], lit)
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						keep(name, n.Values[i])
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						keep(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
								if lit, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok && funcMap(info.TypeOf(lit)) {
									held[v] = append(held[v], lit)
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	if len(held) == 0 {
		return nil
	}
	// The indexes: m[k] with k the name of a tool call.
	var out []*ast.CompositeLit
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ix, ok := n.(*ast.IndexExpr)
			if !ok {
				return true
			}
			v := heldIn(info, ix.X)
			if v == nil || len(held[v]) == 0 || !toolCallName(info, ix.Index, f, 0) {
				return true
			}
			out = append(out, held[v]...)
			delete(held, v)
			return true
		})
	}
	slices.SortFunc(out, func(a, b *ast.CompositeLit) int { return int(a.Pos() - b.Pos()) })
	return out
}

// funcMap: t is a map from strings to functions.
func funcMap(t types.Type) bool {
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isStringType(m.Key()) {
		return false
	}
	_, ok = m.Elem().Underlying().(*types.Signature)
	return ok
}

// heldIn is the variable or field that e names (x, p.x); nil otherwise.
func heldIn(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[e.Sel].(*types.Var) // a package's variable
		return v
	}
	return nil
}

// toolCallName reports whether e is the name of the tool a model chose:
// the Name field of a type of one of toolCallNamePkgs, or a local
// variable assigned only such names in file f.
func toolCallName(info *types.Info, e ast.Expr, f *ast.File, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal || sel.Obj().Name() != "Name" || sel.Obj().Pkg() == nil {
			return false
		}
		path := CanonPath(sel.Obj().Pkg().Path())
		for _, p := range toolCallNamePkgs {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || depth > 2 || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		values := assignments(info, f, v)
		if len(values) == 0 {
			return false
		}
		for _, val := range values {
			if !toolCallName(info, val, f, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// sameModule: b is a, or shares its first three path elements (a module
// of a code host: github.com/org/repo), or its first element when a has
// no dot in it (a module path such as "example" or "own").
func sameModule(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	n := 3
	if !strings.Contains(pa[0], ".") {
		n = 1
	}
	if len(pa) < n || len(pb) < n {
		return false
	}
	return slices.Equal(pa[:n], pb[:n])
}
