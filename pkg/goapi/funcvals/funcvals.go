// Package funcvals is an analyzer that resolves calls of function values
// (a handler taken from a map, a tool's Fn field, a callback kept in a
// slice) to the functions that may be called: those whose value the
// program stores, in the calling package or in the packages it imports,
// and whose signature is the call's. The analyses that follow calls
// (taint, capabilities, authentication) take the union of what those
// functions do, as they do for a call through an interface.
//
// It is a static approximation in the spirit of class hierarchy analysis
// for function values: a function counts when its value is put somewhere
// a later call can take it from (an element or field of a composite
// literal, an assignment, a return, an argument of the program's own
// functions or of a library's), not when it is only passed to the
// standard library (http.HandleFunc, sort.Slice) or called. A call counts
// when the value comes from storage: a map or slice element, a struct
// field, a package variable, a call's result, or a local holding one of
// these. A function value received as a parameter (middleware's next, a
// wrapper's inner handler) is not resolved: which function it is depends
// on the caller, and the union of every candidate would make each
// middleware reach what every handler does.
//
// Facts carry the stored functions of a package to its importers, so
// that it works one package at a time, as go vet runs it. A function
// stored only by a package that the caller does not import (main filling
// a table declared elsewhere) is not seen, as for interfaces.
package funcvals

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// MaxTargets bounds the functions a call of one function value is
// resolved to, as goapi.MaxImplementations bounds a call through an
// interface; a signature with more stored functions than this is left
// unresolved.
const MaxTargets = goapi.MaxImplementations

// Fact is exported for a package that stores function values: the
// declared functions and methods it stores, its own or another package's.
// Function literals have no name to carry and stay with their package.
type Fact struct{ Funcs []Ref }

// Ref names a function: its package, the type of its receiver for a
// method, and its name. Not an objectpath, which has no path for
// unexported functions, the usual members of a table: a source
// type-checked package (apiaudit scan) finds them by name, and under go
// vet a package read from export data finds them when that data has them.
type Ref struct {
	Pkg, Recv, Name string
	// Sig is the function's signature (SigKey), to match calls when the
	// importer's view of the package does not have the function: export
	// data leaves out unexported functions that no export refers to.
	Sig string
}

// SigKey spells a signature without parameter names, packages by path.
func SigKey(sig *types.Signature) string {
	q := func(p *types.Package) string { return p.Path() }
	var b strings.Builder
	b.WriteString("(")
	for i := range sig.Params().Len() {
		if i > 0 {
			b.WriteString(",")
		}
		if sig.Variadic() && i == sig.Params().Len()-1 {
			b.WriteString("...")
		}
		b.WriteString(types.TypeString(sig.Params().At(i).Type(), q))
	}
	b.WriteString(")(")
	for i := range sig.Results().Len() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(types.TypeString(sig.Results().At(i).Type(), q))
	}
	b.WriteString(")")
	return b.String()
}

// ref names fn; false for a method of a type that is not declared at the
// package level.
func ref(fn *types.Func) (Ref, bool) {
	r := Ref{Pkg: fn.Pkg().Path(), Name: fn.Name(), Sig: SigKey(fn.Signature())}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Parent() != fn.Pkg().Scope() {
			return Ref{}, false
		}
		r.Recv = n.Obj().Name()
	} else if fn.Parent() != fn.Pkg().Scope() {
		return Ref{}, false
	}
	return r, true
}

// resolve finds the function r names in pkg; nil when pkg does not have it.
func (r Ref) resolve(pkg *types.Package) *types.Func {
	if r.Recv == "" {
		fn, _ := pkg.Scope().Lookup(r.Name).(*types.Func)
		return fn
	}
	tn, ok := pkg.Scope().Lookup(r.Recv).(*types.TypeName)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, r.Name)
	fn, _ := obj.(*types.Func)
	return fn
}

func (*Fact) AFact() {}

func (f *Fact) String() string { return fmt.Sprintf("stores %d function values", len(f.Funcs)) }

// Analyzer computes the facts and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditfuncvals",
	Doc:        "finds the functions whose value a package stores, to resolve calls of function values",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result resolves the calls of function values of one package.
type Result struct {
	pass  *analysis.Pass
	funcs []*types.Func // stored declared functions visible here, sorted
	lits  []*ast.FuncLit
	// mu guards memo and the stand-ins of unseen, filled lazily by Of:
	// the analyses that require this one (taint, reach, authn) run at
	// the same time on a package and share its result.
	mu   sync.Mutex
	memo typeutil.Map // *types.Signature → *Targets
	// vars are the functions assigned to the package's own package
	// variables (a test seam: var installFn = installImpl) and to the
	// unexported fields of its struct types (a writer's flush func()),
	// which a call through the variable or field may run, rather than
	// every function of its signature.
	vars map[*types.Var]*varTargets
	// unseen are stored functions, named by a dependency's fact, that the
	// package's view of that dependency does not have (see Ref.Sig).
	unseen []unseen
	// called are the signatures of the package's calls of function
	// values, wherever the value comes from.
	called []*types.Signature
}

// Called yields the targets of every signature that the package calls a
// function value of (from storage or not), for a quick test of whether
// such calls can matter to an analysis.
func (r *Result) Called() iter.Seq[*Targets] {
	return func(yield func(*Targets) bool) {
		if r == nil || len(r.funcs)+len(r.lits)+len(r.unseen) == 0 {
			return
		}
		for _, sig := range r.called {
			if t := r.Of(sig); t != nil && !yield(t) {
				return
			}
		}
	}
}

// varTargets are the functions assigned to a package variable or an
// unexported field; opaque when something else was assigned too (another
// variable, a parameter, a call's result).
type varTargets struct {
	Targets
	opaque bool
}

type unseen struct {
	pkg *types.Package
	ref Ref
	fn  *types.Func // made on first match
}

// Targets are what a call of a function value may run: declared
// functions (of any package, the standard library's included, which the
// analyses know by their tables) and function literals of this package.
type Targets struct {
	funcs []*types.Func
	lits  []*ast.FuncLit
}

// Funcs are the declared functions, in a stable order; nil for nil.
func (t *Targets) Funcs() []*types.Func {
	if t == nil {
		return nil
	}
	return t.funcs
}

// Lits are the function literals, in source order; nil for nil.
func (t *Targets) Lits() []*ast.FuncLit {
	if t == nil {
		return nil
	}
	return t.lits
}

// Len is the number of targets.
func (t *Targets) Len() int { return len(t.Funcs()) + len(t.Lits()) }

// Of returns the stored functions whose signature is sig (the receiver
// of a method value left aside); nil when none, or more than MaxTargets.
func (r *Result) Of(sig *types.Signature) *Targets {
	if r == nil || sig == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if v := r.memo.At(sig); v != nil {
		return v.(*Targets)
	}
	t := &Targets{}
	for _, fn := range r.funcs {
		if types.Identical(fn.Signature(), sig) {
			t.funcs = append(t.funcs, fn)
		}
	}
	if len(r.unseen) > 0 {
		key := SigKey(sig)
		for i := range r.unseen {
			u := &r.unseen[i]
			if u.ref.Sig != key {
				continue
			}
			if u.fn == nil {
				// A stand-in with the call's signature: analyses find
				// what it does in its package's facts, by name.
				u.fn = types.NewFunc(token.NoPos, u.pkg, u.ref.Name, types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
			}
			t.funcs = append(t.funcs, u.fn)
		}
	}
	for _, lit := range r.lits {
		if s, ok := r.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && types.Identical(s, sig) {
			t.lits = append(t.lits, lit)
		}
	}
	if t.Len() == 0 || t.Len() > MaxTargets {
		t = nil
	}
	r.memo.Set(sig, t)
	return t
}

// Call returns the targets of call, made in body (the enclosing function
// or the code a rule looks at), when it calls a function value that comes
// from storage (see the package comment); nil otherwise.
func (r *Result) Call(body ast.Node, call *ast.CallExpr) *Targets {
	if r == nil || len(r.funcs)+len(r.lits)+len(r.unseen) == 0 {
		return nil
	}
	info := r.pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	tv, ok := info.Types[fun]
	if !ok || tv.IsType() || tv.IsBuiltin() || goapi.Callee(info, call) != nil {
		return nil
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok || !FromStorage(info, body, fun) {
		return nil
	}
	return r.OfVar(storageVar(info, body, fun), sig)
}

// OfVar is Of, for a call through the package variable or struct field
// v: the functions assigned to v when the package assigns it only
// functions, and else (v nil, another package's, or given other values)
// every stored function of the signature. A field of the package's own
// (unexported, so every assignment is in sight) that is given only
// functions and method values of interfaces resolves to those functions
// alone, and to nothing known when there are none: a writer's flush
// field set to ctx.Writer.Flush does not run every func() the program
// stores.
func (r *Result) OfVar(v *types.Var, sig *types.Signature) *Targets {
	if vt := r.vars[v]; v != nil && vt != nil && !vt.opaque {
		if vt.Len() > MaxTargets || vt.Len() == 0 && v.IsField() {
			return nil
		}
		return &vt.Targets
	}
	return r.Of(sig)
}

// storageVar is the package variable or struct field whose value fun is,
// directly or through locals of body; nil when it is neither.
func storageVar(info *types.Info, body ast.Node, fun ast.Expr) *types.Var {
	for range 8 {
		var id *ast.Ident
		switch f := ast.Unparen(fun).(type) {
		case *ast.Ident:
			id = f
		case *ast.SelectorExpr:
			if sel := info.Selections[f]; sel != nil {
				if v, ok := sel.Obj().(*types.Var); ok && sel.Kind() == types.FieldVal {
					return v
				}
				return nil
			}
			id = f.Sel
		default:
			return nil
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		if v.Kind() == types.PackageVar {
			return v
		}
		if fun = goapi.Definition(info, body, v); fun == nil {
			return nil
		}
	}
	return nil
}

// FromStorage reports whether fun, the function value of a call, was
// taken from a map, slice, struct field, package variable or call result,
// rather than received as a parameter or written in place.
func FromStorage(info *types.Info, body ast.Node, fun ast.Expr) bool {
	for range 8 {
		switch f := ast.Unparen(fun).(type) {
		case *ast.IndexExpr:
			// An element of a slice or map received as a parameter
			// (a chain helper's mws[i]) is received too.
			if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.Kind() == types.ParamVar {
					return false
				}
			}
			return true
		case *ast.CallExpr, *ast.TypeAssertExpr:
			return true
		case *ast.SelectorExpr:
			if sel := info.Selections[f]; sel != nil {
				return sel.Kind() == types.FieldVal
			}
			_, ok := info.Uses[f.Sel].(*types.Var) // a package variable
			return ok
		case *ast.StarExpr:
			fun = f.X
			continue
		case *ast.Ident:
			v, ok := info.Uses[f].(*types.Var)
			if !ok {
				return false
			}
			switch v.Kind() {
			case types.PackageVar:
				return true
			case types.LocalVar:
			default:
				return false // a parameter, a receiver or a named result
			}
			def := goapi.Definition(info, body, v)
			if def == nil {
				return true // fn, ok := m[k]; for _, fn := range fns
			}
			if _, ok := def.(*ast.FuncLit); ok {
				return false // a literal called by name: its code is in place
			}
			if id, ok := def.(*ast.Ident); ok {
				if _, ok := info.Uses[id].(*types.Func); ok {
					return false // a static function under another name
				}
			}
			fun = def
			continue
		}
		return false
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, vars: map[*types.Var]*varTargets{}}
	if !goapi.InGOROOT(pass.Fset, pass.Files) {
		res.assigned()
		res.lits, res.called = collect(pass, func(fn *types.Func) {
			if !slices.Contains(res.funcs, fn) {
				res.funcs = append(res.funcs, fn)
			}
		})
		var fact Fact
		for _, fn := range res.funcs {
			if r, ok := ref(fn); ok {
				fact.Funcs = append(fact.Funcs, r)
			}
		}
		if len(fact.Funcs) > 0 {
			slices.SortFunc(fact.Funcs, func(a, b Ref) int {
				return strings.Compare(a.Pkg+" "+a.Recv+" "+a.Name, b.Pkg+" "+b.Recv+" "+b.Name)
			})
			pass.ExportPackageFact(&fact)
		}
	}
	// What the packages this one imports store, directly or not.
	var pkgs map[string]*types.Package
	for _, pf := range pass.AllPackageFacts() {
		f, ok := pf.Fact.(*Fact)
		if !ok || pf.Package == pass.Pkg {
			continue
		}
		if pkgs == nil {
			pkgs = visible(pass.Pkg)
		}
		for _, ref := range f.Funcs {
			p := pkgs[ref.Pkg]
			if p == nil {
				continue
			}
			if fn := ref.resolve(p); fn != nil {
				if !slices.Contains(res.funcs, fn) {
					res.funcs = append(res.funcs, fn)
				}
			} else if ref.Recv == "" && !slices.ContainsFunc(res.unseen, func(u unseen) bool { return u.ref == ref }) {
				res.unseen = append(res.unseen, unseen{pkg: p, ref: ref})
			}
		}
	}
	slices.SortFunc(res.funcs, func(a, b *types.Func) int { return strings.Compare(goapi.Of(a).String(), goapi.Of(b).String()) })
	return res, nil
}

// assigned fills r.vars from the assignments to the package's own
// package variables and unexported struct fields of function type
// (assignments, composite literals, keyed or not).
func (r *Result) assigned() {
	info := r.pass.TypesInfo
	note := func(lhs types.Object, rhs ast.Expr) {
		v, ok := lhs.(*types.Var)
		if !ok || v.Pkg() != r.pass.Pkg {
			return
		}
		if v.IsField() {
			if v.Exported() {
				return // other packages may set it too
			}
		} else if v.Kind() != types.PackageVar {
			return
		}
		if _, ok := v.Type().Underlying().(*types.Signature); !ok {
			return
		}
		vt := r.vars[v]
		if vt == nil {
			vt = &varTargets{}
			r.vars[v] = vt
		}
		for range 4 { // conversions: ToolFunc(f)
			c, ok := ast.Unparen(rhs).(*ast.CallExpr)
			if !ok || len(c.Args) != 1 || !info.Types[c.Fun].IsType() {
				break
			}
			rhs = c.Args[0]
		}
		switch e := ast.Unparen(rhs).(type) {
		case *ast.FuncLit:
			vt.lits = append(vt.lits, e)
			return
		case *ast.Ident:
			if info.Types[e].IsNil() {
				return
			}
			if fn, ok := info.Uses[e].(*types.Func); ok {
				vt.funcs = append(vt.funcs, fn)
				return
			}
		case *ast.SelectorExpr:
			if fn, ok := info.Uses[e.Sel].(*types.Func); ok && (info.Selections[e] == nil || info.Selections[e].Kind() == types.MethodVal) {
				if recv := fn.Signature().Recv(); recv == nil || !types.IsInterface(recv.Type()) {
					vt.funcs = append(vt.funcs, fn)
					return
				}
				if v.IsField() {
					return // ctx.Writer.Flush: whatever the interface holds, not a stored function
				}
			}
		}
		vt.opaque = true
	}
	field := func(e ast.Expr) types.Object { // x.f, (*x).f
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				return s.Obj()
			}
		}
		return nil
	}
	lhsObj := func(e ast.Expr) types.Object {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			return info.ObjectOf(id)
		}
		return field(e)
	}
	for _, file := range r.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					for _, lhs := range n.Lhs {
						if obj := lhsObj(lhs); obj != nil {
							note(obj, &ast.BadExpr{}) // from a call with several results
						}
					}
					break
				}
				for i, lhs := range n.Lhs {
					if obj := lhsObj(lhs); obj != nil {
						note(obj, n.Rhs[i])
					}
				}
			case *ast.CompositeLit:
				st, ok := types.Unalias(info.TypeOf(n)).Underlying().(*types.Struct)
				if !ok {
					break
				}
				for i, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							note(info.Uses[id], kv.Value)
						}
					} else if i < st.NumFields() {
						note(st.Field(i), elt)
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == len(n.Names) {
					for i, name := range n.Names {
						note(info.Defs[name], n.Values[i])
					}
				}
			case *ast.UnaryExpr:
				if obj := lhsObj(n.X); obj != nil && n.Op == token.AND {
					note(obj, &ast.BadExpr{}) // &v: written anywhere
				}
			}
			return true
		})
	}
}

// visible maps the path of pkg and of every package it imports, directly
// or not, to the package.
func visible(pkg *types.Package) map[string]*types.Package {
	out := map[string]*types.Package{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if out[p.Path()] != nil {
			return
		}
		out[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	return out
}

// collect calls add for every declared function whose value the package
// stores, and returns the function literals it stores and the signatures
// of the function values it calls.
func collect(pass *analysis.Pass, add func(*types.Func)) ([]*ast.FuncLit, []*types.Signature) {
	info := pass.TypesInfo
	var lits []*ast.FuncLit
	var called []*types.Signature
	var seen typeutil.Map
	for _, file := range pass.Files {
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				tv, ok := info.Types[ast.Unparen(n.Fun)]
				if !ok || tv.IsType() || tv.IsBuiltin() || goapi.Callee(info, n) != nil {
					break
				}
				if sig, ok := tv.Type.Underlying().(*types.Signature); ok && seen.At(sig) == nil {
					seen.Set(sig, true)
					called = append(called, sig)
				}
			case *ast.FuncLit:
				if stored(pass.Fset, info, n, stack) {
					lits = append(lits, n)
				}
			case *ast.Ident:
				fn, ok := info.Uses[n].(*types.Func)
				if !ok || fn.Signature().TypeParams().Len() > 0 || fn.Signature().RecvTypeParams().Len() > 0 {
					return true
				}
				var e ast.Expr = n
				if len(stack) > 0 {
					if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && sel.Sel == n {
						if s := info.Selections[sel]; s != nil && s.Kind() != types.MethodVal {
							return true // a method expression (T.M): another signature
						}
						if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
							return true // a method value of an interface: dispatch's
						}
						e, stack = sel, stack[:len(stack)-1]
					}
				}
				if stored(pass.Fset, info, e, stack) {
					add(fn)
				}
			}
			return true
		})
	}
	return lits, called
}

// stored reports whether the function value e, whose ancestors are stack,
// is put where a later call can take it from: it is not called in place,
// nor only passed to the standard library.
func stored(fset *token.FileSet, info *types.Info, e ast.Expr, stack []ast.Node) bool {
	child := ast.Node(e)
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			if p.Fun == child {
				return false // called in place
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				child = p // a conversion: ToolFunc(f)
				continue
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsBuiltin() {
				return true // append(fns, f)
			}
			if fn := goapi.Callee(info, p); fn != nil && fn.Pkg() != nil && goapi.StdPackage(fset, fn.Pkg()) {
				return false // http.HandleFunc(path, h), sort.Slice(x, less)
			}
			return true
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.ExprStmt:
			return false
		}
		return true
	}
	return false
}

// Unexported returns the package's own unexported functions (not
// methods) whose values it stores. Drivers do not pass object facts about
// these on to importers, so an analysis whose importers need to know what
// such a function does (a tool in a table that another package calls)
// carries it in a package fact, by name (see Lookup).
func (r *Result) Unexported() []*types.Func {
	var out []*types.Func
	for _, fn := range r.funcs {
		if fn.Pkg() == r.pass.Pkg && !fn.Exported() && fn.Signature().Recv() == nil {
			out = append(out, fn)
		}
	}
	return out
}

// Hidden reports whether the facts about fn, a stored function of
// another package, come through that package's fact by name rather than
// as object facts (see Unexported).
func Hidden(fn *types.Func) bool { return !fn.Exported() && fn.Signature().Recv() == nil }
