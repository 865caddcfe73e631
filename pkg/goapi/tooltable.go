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
// fields of its literals of a tool-shaped type (see ToolShape).
func TableHandlers(info *types.Info, pkg *types.Package, files []*ast.File) (funcs map[*types.Func]bool, lits map[*ast.FuncLit]bool) {
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
				switch v := ast.Unparen(kv.Value).(type) {
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
			return true
		})
	}
	return funcs, lits
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
