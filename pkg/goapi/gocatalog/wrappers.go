package gocatalog

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// A program often builds its tools through a constructor of its own:
// mcp-grafana's MustTool(name, description, handler, options...) calls
// ConvertTool, which writes mcp.Tool{Name: name, Description:
// description} and applies the options. Such a constructor is followed by
// what it does, not by its name: a function whose parameters flow into an
// SDK tool's name (and description, and options) is a wrapper, and a call
// of it with a constant name defines a tool. Wrappers are found in the
// package that declares them and passed to its importers as facts.

// WrapperFact says which parameters of a function become a tool's name,
// description and options (-1: none).
type WrapperFact struct {
	Name, Desc, Opts int
}

func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string { return "tool wrapper" }

// Wrappers finds the tool constructors of a package, with facts exported
// for its importers: a *WrapperSet.
var Wrappers = &analysis.Analyzer{
	Name:       "apiaudittoolwrappers",
	Doc:        "finds the functions of a package that build MCP tools from their parameters",
	Run:        runWrappers,
	FactTypes:  []analysis.Fact{new(WrapperFact)},
	ResultType: reflect.TypeFor[*WrapperSet](),
}

// WrapperSet answers, for the package under analysis, which functions (its
// own or its dependencies') are tool constructors. Facts belong to the
// analyzer that declares them, so other analyzers ask through it.
type WrapperSet struct {
	pass  *analysis.Pass
	local map[*types.Func]*WrapperFact
}

// Of is what fn does with its arguments when it is a tool constructor;
// nil otherwise.
func (s *WrapperSet) Of(fn *types.Func) *WrapperFact {
	if s == nil || fn == nil {
		return nil
	}
	fn = fn.Origin()
	if w := s.local[fn]; w != nil {
		return w
	}
	if fn.Pkg() != nil && fn.Pkg() != s.pass.Pkg {
		var w WrapperFact
		if s.pass.ImportObjectFact(fn, &w) {
			return &w
		}
	}
	return nil
}

// maxWrapperRounds bounds how many times wrappers calling wrappers are
// followed inside one package.
const maxWrapperRounds = 4

func runWrappers(pass *analysis.Pass) (any, error) {
	local := map[*types.Func]*WrapperFact{}
	set := &WrapperSet{pass: pass, local: local}
	imported := pass.Pkg.Imports()
	uses := false
	for _, p := range imported {
		if p.Path() == mcpGoPkg || p.Path() == goSDKPkg {
			uses = true
		}
	}
	if !uses {
		// Without the SDK, a package can only wrap another wrapper: look
		// for imported facts before walking anything.
		uses = len(pass.AllObjectFacts()) > 0
	}
	if !uses {
		return set, nil
	}
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	lookup := set.Of
	for range maxWrapperRounds {
		changed := false
		for _, fd := range decls {
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || local[fn] != nil {
				continue
			}
			if w := wrapperOf(pass, fd, fn, lookup); w != nil {
				local[fn] = w
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, w := range local {
		pass.ExportObjectFact(fn, w)
	}
	return set, nil
}

// wrapperOf says how fn's parameters make a tool, nil when they do not
// make its name.
func wrapperOf(pass *analysis.Pass, fd *ast.FuncDecl, fn *types.Func, lookup func(*types.Func) *WrapperFact) *WrapperFact {
	sig := fn.Signature()
	param := func(e ast.Expr) int {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return -1
		}
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == v {
				return i
			}
		}
		return -1
	}
	// A variadic parameter of SDK tool options is applied to the tool.
	opts := -1
	if sig.Variadic() {
		last := sig.Params().At(sig.Params().Len() - 1)
		if s, ok := last.Type().(*types.Slice); ok {
			if n, ok := s.Elem().(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == mcpGoPkg && n.Obj().Name() == "ToolOption" {
				opts = sig.Params().Len() - 1
			}
		}
	}
	var found *WrapperFact
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure runs later, if at all
		case *ast.CallExpr:
			callee := goapi.Callee(pass.TypesInfo, n)
			if callee == nil || callee.Pkg() == nil {
				return true
			}
			if callee.Pkg().Path() == mcpGoPkg && callee.Name() == "NewTool" && len(n.Args) > 0 {
				if i := param(n.Args[0]); i >= 0 {
					w := &WrapperFact{Name: i, Desc: -1, Opts: -1}
					for _, a := range n.Args[1:] {
						if oc, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(oc.Args) == 1 {
							if f := goapi.Callee(pass.TypesInfo, oc); f != nil && f.Pkg() != nil && f.Pkg().Path() == mcpGoPkg && f.Name() == "WithDescription" {
								w.Desc = param(oc.Args[0])
							}
						}
					}
					if n.Ellipsis.IsValid() {
						w.Opts = param(n.Args[len(n.Args)-1])
					}
					found = w
				}
				return true
			}
			if inner := lookup(callee); inner != nil && inner.Name < len(n.Args) {
				if i := param(n.Args[inner.Name]); i >= 0 {
					w := &WrapperFact{Name: i, Desc: -1, Opts: -1}
					if inner.Desc >= 0 && inner.Desc < len(n.Args) {
						w.Desc = param(n.Args[inner.Desc])
					}
					if inner.Opts >= 0 && inner.Opts < len(n.Args) && n.Ellipsis.IsValid() {
						w.Opts = param(n.Args[inner.Opts])
					}
					found = w
				}
			}
		case *ast.CompositeLit:
			t := pass.TypesInfo.TypeOf(n)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			named, ok := t.(*types.Named)
			if !ok || named.Obj().Pkg() == nil || named.Obj().Name() != "Tool" ||
				(named.Obj().Pkg().Path() != mcpGoPkg && named.Obj().Pkg().Path() != goSDKPkg) {
				return true
			}
			w := &WrapperFact{Name: -1, Desc: -1, Opts: opts}
			for _, e := range n.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, _ := kv.Key.(*ast.Ident)
				if key == nil {
					continue
				}
				switch key.Name {
				case "Name":
					w.Name = param(kv.Value)
				case "Description":
					w.Desc = param(kv.Value)
				}
			}
			if w.Name >= 0 {
				found = w
			}
		}
		return true
	})
	return found
}
