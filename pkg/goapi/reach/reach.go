// Package reach is an analyzer that works out, for every function, which
// capabilities (goapi.Capability) it can reach: by calling a library
// function that has one, or by calling or referring to a function that
// reaches one, in its own package or, through facts, in any package it
// imports. Rules ask it what a handler, a tool or a middleware can do.
package reach

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"iter"
	"math/bits"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/funcvals"
)

// Fact is exported for every function or method that reaches a capability.
type Fact struct {
	Caps goapi.Capability
	// Via says, per capability bit (index = bit number), how it is
	// reached: the chain of calls down to the library function, e.g.
	// "runTool → os/exec.Command". A slice, not a map, so that the fact
	// encodes the same bytes every time.
	Via []string
	// Conds are the capabilities the function has unless a call passes a
	// harmless value for one of its parameters (goapi.Cond): a helper that
	// POSTs to the URL its caller names, one that writes the path it is
	// given. Callers judge them against their arguments; a reference to
	// the function that is not a call counts them as Caps.
	Conds []goapi.Cond
}

// Why says how a single capability c is reached; "" when it is not.
func (f *Fact) Why(c goapi.Capability) string {
	if f == nil || f.Caps&c == 0 {
		return ""
	}
	return f.Via[bits.TrailingZeros16(uint16(c))]
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	if f.Caps != 0 {
		parts = append(parts, "reaches "+f.Caps.String())
	}
	for _, c := range f.Conds {
		if c.Ctor != "" {
			parts = append(parts, fmt.Sprintf("reaches %s unless built by %s with a read method", c.Cap, c.Ctor))
			continue
		}
		parts = append(parts, fmt.Sprintf("reaches %s unless argument %d (%s) is harmless", c.Cap, c.Arg, c.Kind))
	}
	return strings.Join(parts, "; ")
}

// all is every capability of f, its conditions counted as met: what a use
// of the function that is not a call can do.
func (f *Fact) all() goapi.Capability {
	c := f.Caps
	for _, cd := range f.Conds {
		c |= cd.Cap
	}
	return c
}

// addCond adds a condition on parameter i, unless f already has it (or
// has its capability unconditionally).
func addCond(f *Fact, c goapi.Cond) {
	if f.Caps&c.Cap != 0 {
		return
	}
	for _, old := range f.Conds {
		if old.Cap == c.Cap && old.Kind == c.Kind && old.Arg == c.Arg && old.URL == c.URL && old.Ctor == c.Ctor {
			return
		}
	}
	f.Conds = append(f.Conds, c)
}

// normalize drops the conditions whose capability f has outright.
func normalize(f *Fact) {
	f.Conds = slices.DeleteFunc(f.Conds, func(c goapi.Cond) bool { return f.Caps&c.Cap != 0 })
	slices.SortStableFunc(f.Conds, func(a, b goapi.Cond) int {
		return cmp.Or(cmp.Compare(a.Cap, b.Cap), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Arg, b.Arg), cmp.Compare(a.URL, b.URL), cmp.Compare(a.Ctor, b.Ctor))
	})
}

func (f *Fact) same(g *Fact) bool {
	if f.Caps != g.Caps || len(f.Conds) != len(g.Conds) {
		return false
	}
	for i := range f.Conds {
		a, b := f.Conds[i], g.Conds[i]
		if a.Cap != b.Cap || a.Kind != b.Kind || a.Arg != b.Arg || a.URL != b.URL || a.Ctor != b.Ctor {
			return false
		}
	}
	return true
}

// Analyzer computes the facts and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditreach",
	Doc:        "computes which capabilities (command execution, file and database writes, model calls...) each function reaches",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcvals.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact), new(HiddenFacts)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result answers questions about the functions of the package under
// analysis and, through facts, of its dependencies.
type Result struct {
	pass  *analysis.Pass
	local map[*types.Func]*Fact
	disp  *goapi.Dispatcher
	// vals resolves calls of function values (funcvals); lits holds what
	// the function literals they may run reach, once computed.
	vals  *funcvals.Result
	lits  map[*ast.FuncLit]*Fact
	judge *goapi.Judge
	// work bounds the rounds of the fixed point and the walks of Node
	// (see pkg/budget).
	work *budget.Budget
}

// The capability analysis of a package may take WorkFloor steps plus
// WorkPerByte for each byte of the package's source: a step is a body
// evaluated in a round of the fixed point, or a walk of Node.
var (
	WorkFloor   int64 = 200_000
	WorkPerByte int64 = 1
)

// targets are the functions a use of fn may run: fn itself or, for a
// method of one of the program's interfaces, its implementations that the
// package can see (goapi.Dispatcher).
func (r *Result) targets(fn *types.Func) []*types.Func {
	if impls := r.disp.Implementations(fn); len(impls) > 0 {
		return impls
	}
	return []*types.Func{fn}
}

// Func is what fn reaches; nil when nothing.
func (r *Result) Func(fn *types.Func) *Fact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := r.local[fn]; ok {
		return f
	}
	if fn.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(fn, &f) {
			return &f
		}
		var hf HiddenFacts
		if funcvals.Hidden(fn) && r.pass.ImportPackageFact(fn.Pkg(), &hf) {
			if i := slices.Index(hf.Names, fn.Name()); i >= 0 {
				return &hf.Facts[i]
			}
		}
	}
	return nil
}

// HiddenFacts carries the facts of a package's unexported functions whose
// values it stores (funcvals.Unexported), which the drivers do not pass on
// as object facts: a caller in another package that takes one from a
// table uses them.
type HiddenFacts struct {
	Names []string
	Facts []Fact
}

func (*HiddenFacts) AFact() {}

func (f *HiddenFacts) String() string {
	var parts []string
	for i, name := range f.Names {
		parts = append(parts, name+" "+f.Facts[i].String())
	}
	return "stored: " + strings.Join(parts, "; ")
}

// Node is what the code under n reaches: the calls it makes and the
// functions it mentions, including inside function literals. Capabilities
// that depend on an argument (goapi.Cond) count when the argument is not
// known to be harmless: n is judged as the top of a call chain, such as a
// tool's handler.
func (r *Result) Node(n ast.Node) *Fact { return r.NodeWithout(n, nil) }

// NodeWithout is Node, leaving out the calls of (and references to) the
// functions skip accepts: what the code under n reaches by itself rather
// than through them (a wrapper agent's own capabilities, without those of
// the sub-agents it delegates to). skip sees the function named in the
// code, an interface method before its implementations.
func (r *Result) NodeWithout(n ast.Node, skip func(*types.Func) bool) *Fact {
	if !r.work.Spend() {
		return nil
	}
	out := &Fact{}
	root := n
	calls := callsByFun(n)
	stored := r.storedInFields(n)
	sc := &goapi.Scope{Body: n}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c, conds, fn := r.judge.Call(n, sc)
			for _, cd := range conds {
				c |= cd.Cap
			}
			if c != 0 {
				add(out, c, goapi.Of(fn).String())
			}
			for c, via := range r.dynamic(root, n) {
				add(out, c, via)
			}
		case *ast.Ident:
			if used, ok := r.pass.TypesInfo.Uses[n].(*types.Func); ok && !stored[n] && (skip == nil || !skip(used)) {
				for _, fn := range r.targets(used) {
					if f := r.Func(fn); f != nil {
						for _, c := range f.Caps.Each() {
							add(out, c, fn.Name()+" → "+f.Why(c))
						}
						for _, cd := range f.Conds {
							switch v, _ := r.judge.Resolve(cd, calls[n], sc); v {
							case goapi.Benign:
							case goapi.Weak:
								add(out, goapi.HTTPPost, fn.Name()+" → "+cd.Via)
							default:
								add(out, cd.Cap, fn.Name()+" → "+cd.Via)
							}
						}
					}
				}
			}
		}
		return true
	})
	if out.Caps == 0 {
		return nil
	}
	return out
}

// dynamic yields what a call of a function value taken from storage
// (funcvals) reaches, through the functions it may run: their facts, the
// tables for the standard library's, and the bodies of function literals.
// Functions of this package are looked up as they are now (run uses its
// own events for them, to reach a fixed point).
func (r *Result) dynamic(body ast.Node, call *ast.CallExpr) iter.Seq2[goapi.Capability, string] {
	return func(yield func(goapi.Capability, string) bool) {
		t := r.vals.Call(body, call)
		if t == nil {
			return
		}
		for _, fn := range t.Funcs() {
			if c, ok := goapi.Capabilities.Lookup(fn); ok {
				for _, c := range c.Each() {
					if !yield(c, goapi.Of(fn).String()) {
						return
					}
				}
			}
			if f := r.Func(fn); f != nil {
				for _, c := range f.Caps.Each() {
					if !yield(c, fn.Name()+" → "+f.Why(c)) {
						return
					}
				}
			}
		}
		for _, lit := range t.Lits() {
			if f := r.lit(lit); f != nil {
				for _, c := range f.Caps.Each() {
					if !yield(c, r.litName(lit)+" → "+f.Why(c)) {
						return
					}
				}
			}
		}
	}
}

// lit is what the body of a function literal reaches; a literal that
// reaches itself through a table counts once.
func (r *Result) lit(lit *ast.FuncLit) *Fact {
	if f, ok := r.lits[lit]; ok {
		return f
	}
	r.lits[lit] = nil
	f := r.Node(lit.Body)
	r.lits[lit] = f
	return f
}

func (r *Result) litName(lit *ast.FuncLit) string {
	p := r.pass.Fset.Position(lit.Pos())
	return fmt.Sprintf("func literal at %s:%d", filepath.Base(p.Filename), p.Line)
}

// storedInFields are the references under n to functions and method
// values that are stored in a struct field (c.exec = c.defaultExec, or
// &Client{exec: defaultExec}) from which every call of the field resolves
// to them (funcvals): storing a function runs nothing, and the calls of
// the field reach what it does. Only fields of the package's own types:
// a library calls its fields where its bodies are not read. A constructor that fills such fields
// does not reach what they do; its callers reach it where they call
// through the field.
func (r *Result) storedInFields(n ast.Node) map[*ast.Ident]bool {
	info := r.pass.TypesInfo
	var out map[*ast.Ident]bool
	store := func(field types.Object, val ast.Expr) {
		f, ok := field.(*types.Var)
		if !ok || !f.IsField() || f.Pkg() != r.pass.Pkg {
			return // a library's field is called where its bodies are not read
		}
		sig, ok := f.Type().Underlying().(*types.Signature)
		if !ok {
			return
		}
		var id *ast.Ident
		switch v := ast.Unparen(val).(type) {
		case *ast.Ident:
			id = v
		case *ast.SelectorExpr:
			id = v.Sel
		default:
			return
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok {
			return
		}
		for _, t := range r.vals.OfVar(f, sig).Funcs() {
			if t.Origin() == fn.Origin() {
				if out == nil {
					out = map[*ast.Ident]bool{}
				}
				out[id] = true
				return
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
						store(s.Obj(), n.Rhs[i])
					}
				}
			}
		case *ast.CompositeLit:
			if _, ok := info.TypeOf(n).Underlying().(*types.Struct); !ok {
				break
			}
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok {
						store(info.Uses[key], kv.Value)
					}
				}
			}
		}
		return true
	})
	return out
}

// callsByFun maps the identifier that names a call's function (f in f(x),
// Sel in x.f(y)) to the call, for the calls under n.
func callsByFun(n ast.Node) map[*ast.Ident]*ast.CallExpr {
	m := map[*ast.Ident]*ast.CallExpr{}
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			fun := ast.Unparen(call.Fun)
			if ix, ok := fun.(*ast.IndexExpr); ok { // f[T](x)
				fun = ix.X
			} else if ix, ok := fun.(*ast.IndexListExpr); ok {
				fun = ix.X
			}
			switch f := fun.(type) {
			case *ast.Ident:
				m[f] = call
			case *ast.SelectorExpr:
				m[f.Sel] = call
			}
		}
		return true
	})
	return m
}

func add(f *Fact, c goapi.Capability, via string) {
	if f.Caps&c == 0 {
		i := bits.TrailingZeros16(uint16(c))
		if len(f.Via) <= i {
			f.Via = append(f.Via, make([]string, i+1-len(f.Via))...)
		}
		f.Caps |= c
		f.Via[i] = via
	}
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, local: map[*types.Func]*Fact{}, disp: goapi.NewDispatcher(pass.Fset, pass.Pkg, nil),
		vals: pass.ResultOf[funcvals.Analyzer].(*funcvals.Result), lits: map[*ast.FuncLit]*Fact{},
		judge: goapi.NewJudge(pass.TypesInfo).SetFiles(pass.Files)}
	if goapi.InGOROOT(pass.Fset, pass.Files) {
		// The standard library's capabilities are in goapi's tables;
		// walking its bodies would only find the same calls again.
		return res, nil
	}
	res.work = goapi.PackageBudget(pass, "capability analysis", WorkFloor, WorkPerByte)

	// Each body is walked once, into what Node would see in it, in the
	// same order: capabilities called directly and facts of other
	// packages are fixed; functions of this package are looked up again
	// in every round.
	type event struct {
		fn     *types.Func // a function of this package; nil when fixed
		cap    goapi.Capability
		via    string
		cond   *goapi.Cond   // a condition of a fixed callee, or of this body's own call
		call   *ast.CallExpr // the call of fn, or the one cond is judged at; nil for a reference
		scope  *goapi.Scope
		prefix string // how the call got to fn or via: "func literal at a.go:3 → "
	}
	type decl struct {
		fn     *types.Func
		events []event
	}
	// Calls of function values taken from storage (funcvals) count as
	// calls of each function they may run; a literal among them counts
	// by the events of its body, computed once.
	litEvents := map[*ast.FuncLit][]event{}
	var walk func(fn *types.Func, body ast.Node) []event
	target := func(fn *types.Func, prefix string, sc *goapi.Scope) []event {
		var out []event
		if c, ok := goapi.Capabilities.Lookup(fn); ok {
			for _, c := range c.Each() {
				out = append(out, event{cap: c, via: prefix + goapi.Of(fn).String()})
			}
		}
		if fn.Origin().Pkg() == pass.Pkg {
			out = append(out, event{fn: fn.Origin(), prefix: prefix, scope: sc})
		} else if f := res.Func(fn); f != nil {
			for _, c := range f.Caps.Each() {
				out = append(out, event{cap: c, via: prefix + fn.Name() + " → " + f.Why(c)})
			}
		}
		return out
	}
	walk = func(fn *types.Func, fbody ast.Node) []event {
		var events []event
		sc := &goapi.Scope{Body: fbody} // a function literal's
		if fn != nil {
			sc = goapi.NewScope(fn, fbody)
		}
		calls := callsByFun(fbody)
		stored := res.storedInFields(fbody)
		ast.Inspect(fbody, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				c, conds, callee := res.judge.Call(n, sc)
				if c != 0 {
					events = append(events, event{cap: c, via: goapi.Of(callee).String()})
				}
				for _, cd := range conds {
					cd.Via = goapi.Of(callee).String()
					events = append(events, event{cond: &cd, scope: sc})
				}
				if t := res.vals.Call(fbody, n); t != nil {
					for _, fn := range t.Funcs() {
						events = append(events, target(fn, "", sc)...)
					}
					for _, lit := range t.Lits() {
						evs, ok := litEvents[lit]
						if !ok {
							litEvents[lit] = nil // a literal that reaches itself
							evs = walk(nil, lit.Body)
							litEvents[lit] = evs
						}
						prefix := res.litName(lit) + " → "
						for _, ev := range evs {
							ev.prefix = prefix + ev.prefix
							events = append(events, ev)
						}
					}
				}
			case *ast.Ident:
				used0, ok := pass.TypesInfo.Uses[n].(*types.Func)
				if !ok || stored[n] {
					break
				}
				for _, used := range res.targets(used0) {
					if used.Origin().Pkg() == pass.Pkg {
						events = append(events, event{fn: used, call: calls[n], scope: sc})
					} else if f := res.Func(used); f != nil {
						for _, c := range f.Caps.Each() {
							events = append(events, event{cap: c, via: used.Name() + " → " + f.Why(c)})
						}
						for _, cd := range f.Conds {
							cd.Via = used.Name() + " → " + cd.Via
							switch v, nc := res.judge.Resolve(cd, calls[n], sc); {
							case v == goapi.Risky:
								events = append(events, event{cap: cd.Cap, via: cd.Via})
							case v == goapi.Weak:
								events = append(events, event{cap: goapi.HTTPPost, via: cd.Via})
							case v == goapi.Keep, v >= 0:
								events = append(events, event{cond: &nc, scope: sc})
							}
						}
					}
				}
			}
			return true
		})
		return events
	}
	var decls []decl
	for fn, fbody := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		decls = append(decls, decl{fn, walk(fn, fbody)})
	}
	// node replays a body's events against what is known so far.
	node := func(events []event) *Fact {
		out := &Fact{}
		var conds []goapi.Cond
		for _, ev := range events {
			switch {
			case ev.cond != nil && ev.call == nil:
				conds = append(conds, *ev.cond) // already on this body's parameter
			case ev.fn == nil:
				add(out, ev.cap, ev.prefix+ev.via)
			default:
				f := res.Func(ev.fn)
				if f == nil {
					break
				}
				for _, c := range f.Caps.Each() {
					add(out, c, ev.prefix+ev.fn.Name()+" → "+f.Why(c))
				}
				for _, cd := range f.Conds {
					cd.Via = ev.fn.Name() + " → " + cd.Via
					switch v, nc := res.judge.Resolve(cd, ev.call, ev.scope); {
					case v == goapi.Risky:
						add(out, cd.Cap, cd.Via)
					case v == goapi.Weak:
						add(out, goapi.HTTPPost, cd.Via)
					case v == goapi.Keep, v >= 0:
						conds = append(conds, nc)
					}
				}
			}
		}
		for _, cd := range conds {
			addCond(out, cd)
		}
		normalize(out)
		if out.Caps == 0 && len(out.Conds) == 0 {
			return nil
		}
		return out
	}
	// Iterate to a fixed point: a function reaches what its body reaches,
	// and the bodies mention each other. Capabilities and conditions only
	// grow (a condition becomes a capability, never the reverse), so this
	// ends after at most as many rounds as there are capabilities times
	// the longest call chain; in practice two or three.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if !res.work.Spend() {
				changed = false
				break // the facts so far are kept; the driver reports the stop
			}
			f := node(d.events)
			if f == nil {
				continue
			}
			old := res.local[d.fn]
			if old == nil || !old.same(f) {
				if old != nil { // keep the first explanation of each capability
					for _, c := range old.Caps.Each() {
						f.Via[bits.TrailingZeros16(uint16(c))] = old.Why(c)
					}
				}
				res.local[d.fn] = f
				changed = true
			}
		}
	}
	for _, d := range decls {
		if f := res.local[d.fn]; f != nil && exportable(d.fn) {
			pass.ExportObjectFact(d.fn, f)
		}
	}
	var hf HiddenFacts
	for _, fn := range res.vals.Unexported() {
		if f := res.local[fn]; f != nil {
			hf.Names = append(hf.Names, fn.Name())
			hf.Facts = append(hf.Facts, *f)
		}
	}
	if len(hf.Names) > 0 {
		pass.ExportPackageFact(&hf)
	}
	return res, nil
}

// exportable: facts can be attached to package-level functions and to
// methods of package-level types.
func exportable(fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		return goapi.TypeName(recv.Type()) != "" || types.IsInterface(recv.Type())
	}
	return fn.Parent() == fn.Pkg().Scope()
}

// Sorted returns the functions of the package that reach something, in a
// stable order; for tests and debugging.
func (r *Result) Sorted() []*types.Func {
	fns := make([]*types.Func, 0, len(r.local))
	for fn := range r.local {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	return fns
}
