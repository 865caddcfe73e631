// Package goapi is what the Go rules know about the libraries they look at:
// how to name a function or method in a table, how to match a call against
// a table, and the tables themselves (one file per kind of library). Rules
// read the tables; users extend them through rule options in the
// configuration file, written in the same notation.
package goapi

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"iter"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/budget"
)

// Func names a function or method by package path, receiver type name and
// name. Tables write it as a string:
//
//	os/exec.Command                                  a function
//	(*database/sql.DB).Exec                          a method ("*" is optional)
//	(github.com/tmc/langchaingo/llms.Model).Call     an interface method
//
// The package path is canonical (see CanonPath): one entry covers every
// major version of a module.
type Func struct {
	Pkg  string // canonical package path
	Recv string // receiver type name without "*"; "" for a function
	Name string
}

func (f Func) String() string {
	if f.Recv == "" {
		return f.Pkg + "." + f.Name
	}
	return "(" + f.Pkg + "." + f.Recv + ")." + f.Name
}

var funcPattern = regexp.MustCompile(`^(?:\(\*?([^()\s]+)\.([A-Za-z_]\w*)\)|([^()\s]+))\.([A-Za-z_]\w*)$`)

// ParseFunc reads a function name in table notation.
func ParseFunc(s string) (Func, error) {
	m := funcPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Func{}, fmt.Errorf("%q is not a function name: write pkg/path.Func or (*pkg/path.Type).Method", s)
	}
	if m[1] != "" {
		return Func{Pkg: CanonPath(m[1]), Recv: m[2], Name: m[4]}, nil
	}
	return Func{Pkg: CanonPath(m[3]), Name: m[4]}, nil
}

// MustFunc is ParseFunc for tables written in code.
func MustFunc(s string) Func {
	f, err := ParseFunc(s)
	if err != nil {
		panic(err)
	}
	return f
}

var majorVersion = regexp.MustCompile(`^v([2-9]|[1-9]\d+)$`)

// CanonPath drops the major-version elements of an import path
// ("github.com/openai/openai-go/v3/responses" becomes
// "github.com/openai/openai-go/responses"), so that a table entry matches
// every major version of a module. Standard-library paths are unchanged.
func CanonPath(path string) string {
	if !strings.Contains(path, "/v") {
		return path
	}
	// Of calls it for every function it names: the answers are kept (the
	// import paths of a scan are few).
	if c, ok := canonPaths.Load(path); ok {
		return c.(string)
	}
	c := canonPath(path)
	canonPaths.Store(path, c)
	return c
}

var canonPaths sync.Map // import path → CanonPath

func canonPath(path string) string {
	parts := strings.Split(path, "/")
	out := parts[:0]
	for i, p := range parts {
		if i > 0 && majorVersion.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "/")
}

// Of names fn in table notation. Methods of generic types and
// instantiated generic functions are named by their origin.
func Of(fn *types.Func) Func {
	if fn == nil || fn.Pkg() == nil {
		return Func{}
	}
	fn = fn.Origin()
	f := Func{Pkg: CanonPath(fn.Pkg().Path()), Name: fn.Name()}
	if recv := fn.Signature().Recv(); recv != nil {
		f.Recv = TypeName(recv.Type())
	}
	return f
}

// TypeName is the name of a named type, through one pointer and aliases;
// "" for other types.
func TypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// IsType reports whether t, or what t points to, is the named type pkg.name
// (pkg canonical or not).
func IsType(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && CanonPath(n.Obj().Pkg().Path()) == CanonPath(pkg)
}

// Keyed is the value of the field name in a keyed composite literal
// (http.Server{ReadTimeout: t}), or nil when the literal does not set it.
func Keyed(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// FuncOf is the code a handler or middleware expression stands for: the
// literal itself, or the function it names (h, pkg.H, (*T).M) or calls
// (app.Endpoint(cfg), whose result is what serves), seen through
// parentheses and one-argument conversions such as http.HandlerFunc(h).
// Both are nil when the expression is none of these.
func FuncOf(info *types.Info, e ast.Expr) (*ast.FuncLit, *types.Func) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e, nil
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return FuncOf(info, e.Args[0])
			}
			return nil, nil
		}
		return nil, Callee(info, e)
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return nil, fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return nil, fn
	}
	return nil, nil
}

// Conjuncts are the operands of a chain of && (cfg.Auth.Enabled &&
// s.users != nil), unparenthesised; e itself when it is none.
func Conjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(Conjuncts(b.X), Conjuncts(b.Y)...)
	}
	return []ast.Expr{ast.Unparen(e)}
}

// Callee is the function or method a call invokes: the static callee, or
// the interface method for a call through an interface; nil for calls of
// function values, conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// Table maps functions to what a rule knows about them.
type Table[V any] map[Func]V

// Lookup finds fn in the table.
func (t Table[V]) Lookup(fn *types.Func) (V, bool) {
	v, ok := t[Of(fn)]
	return v, ok
}

// Call finds the callee of call in the table.
func (t Table[V]) Call(info *types.Info, call *ast.CallExpr) (V, *types.Func, bool) {
	fn := Callee(info, call)
	if fn == nil {
		var zero V
		return zero, nil, false
	}
	v, ok := t.Lookup(fn)
	return v, fn, ok
}

// Set builds a table from names in table notation; it panics on a bad
// name, so it is for tables written in code.
func Set[V any](v V, names ...string) Table[V] {
	t := Table[V]{}
	for _, n := range names {
		t[MustFunc(n)] = v
	}
	return t
}

// Merge copies the entries of others into t, later entries winning.
func (t Table[V]) Merge(others ...Table[V]) Table[V] {
	for _, o := range others {
		for k, v := range o {
			t[k] = v
		}
	}
	return t
}

// ParseNames reads user-supplied names (from rule options) into a table,
// returning the first bad name as an error.
func ParseNames[V any](v V, names []string) (Table[V], error) {
	t := Table[V]{}
	for _, n := range names {
		f, err := ParseFunc(n)
		if err != nil {
			return nil, err
		}
		t[f] = v
	}
	return t, nil
}

// InGOROOT reports whether files, parsed into fset, are the standard
// library's: analyzers with facts run on every dependency, and goapi's
// tables already describe the standard library, so they skip its bodies.
// A package without files counts as standard (unsafe, for one).
func InGOROOT(fset *token.FileSet, files []*ast.File) bool {
	if len(files) == 0 {
		return true
	}
	name := fset.File(files[0].FileStart).Name()
	return strings.HasPrefix(name, goroot)
}

// SourceSize is the size in bytes of files, what the work budgets of
// the analyses of a package grow with (see pkg/budget).
func SourceSize(fset *token.FileSet, files []*ast.File) int64 {
	var n int64
	for _, f := range files {
		if tf := fset.File(f.FileStart); tf != nil {
			n += int64(tf.Size())
		}
	}
	return n
}

// PackageBudget is the work budget of an analysis of the package of pass
// (see pkg/budget): floor steps plus perByte for each byte of its source,
// tracked under the load's file set for the driver to report.
func PackageBudget(pass *analysis.Pass, name string, floor, perByte int64) *budget.Budget {
	b := budget.Sized(name, "package "+pass.Pkg.Path(), SourceSize(pass.Fset, pass.Files), floor, perByte)
	if len(pass.Files) > 0 {
		if tf := pass.Fset.File(pass.Files[0].FileStart); tf != nil {
			b.Where = filepath.Dir(tf.Name())
		}
	}
	return budget.Track(pass.Fset, b)
}

var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// FuncBodies yields the functions and methods declared at the top level of
// files that have a body, in source order.
func FuncBodies(info *types.Info, files []*ast.File) iter.Seq2[*types.Func, *ast.BlockStmt] {
	return func(yield func(*types.Func, *ast.BlockStmt) bool) {
		for _, file := range files {
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok && !yield(fn, fd.Body) {
					return
				}
			}
		}
	}
}

// Definition is the expression that a local variable v is declared or
// first assigned with in body (x := e, var x = e, x = e), without
// parentheses and a leading &; nil when there is none, or when v comes
// from a call with several results.
func Definition(info *types.Info, body ast.Node, v types.Object) ast.Expr {
	if body == nil || v == nil {
		return nil
	}
	var def ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if def != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
						def = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if info.Defs[name] == v {
						def = n.Values[i]
					}
				}
			}
		}
		return true
	})
	def = ast.Unparen(def)
	if u, ok := def.(*ast.UnaryExpr); ok && u.Op == token.AND {
		def = ast.Unparen(u.X)
	}
	return def
}
