package gotaint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/funcvals"
)

// newDispatcher resolves the package's calls through interfaces to the
// methods of the types it can see (goapi.Dispatcher), leaving out the
// packages the tables describe.
func newDispatcher(pass *analysis.Pass, m *Models) *goapi.Dispatcher {
	return goapi.NewDispatcher(pass.Fset, pass.Pkg, func(p *types.Package) bool {
		return m.Modelled[goapi.CanonPath(p.Path())]
	})
}

// localCallees are the functions of the package under analysis whose
// summaries a call uses: its static callee (the generic function, for an
// instance) or, through an interface, the methods it may run.
func (e *engine) localCallees(c *ssa.CallCommon) []*ssa.Function {
	if sf := c.StaticCallee(); sf != nil {
		if o := sf.Origin(); o != nil {
			sf = o
		}
		return []*ssa.Function{sf}
	}
	if !c.IsInvoke() {
		// A function value taken from storage: the package's own
		// functions and literals it may be.
		t := e.valueTargets(c)
		var out []*ssa.Function
		for _, fn := range t.Funcs() {
			if fn.Pkg() == e.pass.Pkg {
				if f := e.own[fn]; f != nil {
					out = append(out, f)
				}
			}
		}
		for _, lit := range t.Lits() {
			if f := e.lits[lit]; f != nil {
				out = append(out, f)
			}
		}
		return out
	}
	var out []*ssa.Function
	for _, impl := range e.disp.Implementations(c.Method) {
		if impl.Pkg() == e.pass.Pkg {
			if f := e.own[impl]; f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// summaryOf is the summary of fn, a method that a call through an
// interface may run: computed here for the package's own methods, read
// from its fact for the others'; nil when unknown.
func (e *engine) summaryOf(fn *types.Func) *FuncFact {
	if fn.Pkg() == e.pass.Pkg {
		if f := e.own[fn]; f != nil {
			if o := f.Origin(); o != nil {
				f = o
			}
			return e.sums[f]
		}
		return nil
	}
	var fact FuncFact
	if e.pass.ImportObjectFact(fn.Origin(), &fact) {
		return &fact
	}
	if funcvals.Hidden(fn) {
		var hf HiddenFacts
		if e.pass.ImportPackageFact(fn.Pkg(), &hf) {
			if i := slices.Index(hf.Names, fn.Name()); i >= 0 {
				return &hf.Facts[i]
			}
		}
	}
	return nil
}

// HiddenFacts carries the summaries of a package's unexported functions
// whose values it stores (funcvals.Unexported), which the drivers do not
// pass on as object facts: a caller in another package that takes one
// from a table uses it.
type HiddenFacts struct {
	Names []string
	Facts []FuncFact
}

func (*HiddenFacts) AFact() {}

func (f *HiddenFacts) String() string {
	return fmt.Sprintf("summaries of %d stored functions", len(f.Names))
}

// exportHidden exports the HiddenFacts of the package.
func (e *engine) exportHidden() {
	var hf HiddenFacts
	for _, fn := range e.vals.Unexported() {
		// The package's own member, not Prog.FuncValue: that reads the
		// program's table of packages, which other packages' analyses
		// change while this one runs (buildSSA creates under a lock).
		if fn.Pkg() != e.pass.Pkg || fn.Signature().Recv() != nil {
			continue
		}
		f := e.pkg.Func(fn.Name())
		if f == nil || e.sums[f].empty() {
			continue
		}
		hf.Names = append(hf.Names, fn.Name())
		hf.Facts = append(hf.Facts, *e.sums[f])
	}
	if len(hf.Names) > 0 {
		e.pass.ExportPackageFact(&hf)
	}
}

// dispatch applies, at a call through an interface, the sinks of the
// arguments and the untrusted results of every method the call may run.
// Not their flows: the default for unknown code
// (arguments flow to the result) stays, so that nothing that flowed
// through such a call before is lost.
func (s *state) dispatch(c *ssa.CallCommon, ops []ssa.Value, res ssa.Value, pos token.Pos, b *ssa.BasicBlock) {
	for _, impl := range s.e.disp.Implementations(c.Method) {
		sum := s.e.summaryOf(impl)
		if sum == nil {
			continue
		}
		// Untrusted results (an upstream client's listing, a fetched
		// page) come back through the interface too.
		var srcs []ResultSource
		for _, src := range sum.Sources {
			if src.To == Ret {
				srcs = append(srcs, src)
			}
		}
		if len(srcs) > 0 {
			s.apply(&FuncFact{Sources: srcs}, impl, ops, res, pos, b)
		}
		// The receiver's sinks are left out: they name fields of the
		// concrete type, not of the interface value at the call.
		var sinks []ParamSink
		for _, k := range sum.Sinks {
			if k.Param > 0 {
				sinks = append(sinks, k)
			}
		}
		if len(sinks) > 0 {
			s.apply(&FuncFact{Sinks: sinks}, impl, ops, res, pos, b)
		}
	}
}

// Calls of function values (goapi/funcvals): a value taken from a map, a
// slice, a struct field, a package variable or a call's result may be any
// stored function of its signature that the package can see. As for
// interfaces, the call gets the sinks and the untrusted results of each,
// and keeps the default for unknown code (arguments flow to the result).

// valueTargets are the functions a call of a function value may run; nil
// for other calls, for a value received as a parameter (see funcvals),
// and when the signature has too many stored functions.
func (e *engine) valueTargets(c *ssa.CallCommon) *funcvals.Targets {
	if c.IsInvoke() || c.StaticCallee() != nil || e.vals == nil {
		return nil
	}
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	sig, ok := c.Value.Type().Underlying().(*types.Signature)
	if !ok || !e.fromStorage(c.Value, 0) {
		return nil
	}
	var v *types.Var
	if u, ok := c.Value.(*ssa.UnOp); ok && u.Op == token.MUL {
		if g, ok := u.X.(*ssa.Global); ok {
			v, _ = g.Object().(*types.Var) // a call through a package variable
		}
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if p, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
				if st, ok := p.Elem().Underlying().(*types.Struct); ok {
					v = st.Field(fa.Field) // a call through a struct field (funcvals.OfVar)
				}
			}
		}
	}
	if f, ok := c.Value.(*ssa.Field); ok {
		if st, ok := f.X.Type().Underlying().(*types.Struct); ok {
			v = st.Field(f.Field)
		}
	}
	return e.vals.OfVar(v, sig)
}

// fromStorage is funcvals.FromStorage on SSA values: v was loaded from
// memory other than a local variable that holds a parameter, looked up
// in a map, received from a channel or a call, or type-asserted.
func (e *engine) fromStorage(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return true
		}
		if x.Op != token.MUL {
			return false
		}
		a, ok := x.X.(*ssa.Alloc)
		if !ok {
			return true // a field, an element, a package variable
		}
		// A local variable: what was stored in it.
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a && e.fromStorage(st.Val, depth+1) {
				return true
			}
		}
		return false
	case *ssa.Lookup, *ssa.Index, *ssa.Field, *ssa.Next, *ssa.Call, *ssa.TypeAssert:
		return true
	case *ssa.Extract:
		return e.fromStorage(x.Tuple, depth+1)
	case *ssa.Phi:
		for _, ed := range x.Edges {
			if e.fromStorage(ed, depth+1) {
				return true
			}
		}
		return false
	case *ssa.ChangeType:
		return e.fromStorage(x.X, depth+1)
	case *ssa.Convert:
		return e.fromStorage(x.X, depth+1)
	}
	return false // a parameter, a function, a closure made in place
}

// litFuncs maps the function literals of the package to their SSA
// functions.
func litFuncs(fns []*ssa.Function) map[*ast.FuncLit]*ssa.Function {
	out := map[*ast.FuncLit]*ssa.Function{}
	var walk func(f *ssa.Function)
	walk = func(f *ssa.Function) {
		for _, a := range f.AnonFuncs {
			if lit, ok := a.Syntax().(*ast.FuncLit); ok {
				out[lit] = a
			}
			walk(a)
		}
	}
	for _, fn := range fns {
		walk(fn)
	}
	return out
}

// storedLits are the SSA functions of the literals that a call of a
// function value in fns may run: they get summaries of their own.
func (e *engine) storedLits(fns []*ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	seen := map[*ssa.Function]bool{}
	var walk func(f *ssa.Function)
	walk = func(f *ssa.Function) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				for _, lit := range e.valueTargets(ci.Common()).Lits() {
					if a := e.lits[lit]; a != nil && !seen[a] {
						seen[a] = true
						out = append(out, a)
					}
				}
			}
		}
		for _, a := range f.AnonFuncs {
			walk(a)
		}
	}
	for _, fn := range fns {
		walk(fn)
	}
	slices.SortFunc(out, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	return out
}

// callValue applies, at a call of a function value, the sinks of the
// arguments and the untrusted results of every function it may run.
func (s *state) callValue(c *ssa.CallCommon, ops []ssa.Value, res ssa.Value, pos token.Pos, b *ssa.BasicBlock) {
	t := s.e.valueTargets(c)
	if t == nil {
		return
	}
	for _, fn := range t.Funcs() {
		args := ops
		method := fn.Signature().Recv() != nil
		if method {
			args = append([]ssa.Value{nil}, ops...) // a method value: the receiver is bound
		}
		name := goapi.Of(fn)
		if sms := s.e.m.Sinks[name]; len(sms) > 0 {
			at := func(i int) ssa.Value {
				j := i
				switch {
				case i == Recv:
					j = 0
				case method:
					j = i + 1
				}
				if j >= 0 && j < len(args) {
					return args[j]
				}
				return nil
			}
			for _, sm := range sms {
				s.sinkCall(pos, fn, sm, args, method, at, b)
			}
			continue
		}
		if sum := s.e.summaryOf(fn); sum != nil {
			s.applyTarget(sum, fn, args, res, pos, b)
		}
	}
	for _, lit := range t.Lits() {
		if f := s.e.lits[lit]; f != nil && f != s.fn {
			if sum := s.e.sums[f]; sum != nil {
				s.applyTarget(sum, litFunc(s.e.pass.Pkg, f), ops, res, pos, b)
			}
		}
	}
}

// applyTarget applies the sinks and the untrusted results of sum.
func (s *state) applyTarget(sum *FuncFact, fn *types.Func, ops []ssa.Value, res ssa.Value, pos token.Pos, b *ssa.BasicBlock) {
	var srcs []ResultSource
	for _, src := range sum.Sources {
		if src.To == Ret {
			srcs = append(srcs, src)
		}
	}
	if len(srcs) > 0 || len(sum.Sinks) > 0 {
		s.apply(&FuncFact{Sources: srcs, Sinks: sum.Sinks}, fn, ops, res, pos, b)
	}
}

// litFunc is a stand-in declaration for a function literal, so that
// messages can name it ("func literal at tools.go:12").
func litFunc(pkg *types.Package, f *ssa.Function) *types.Func {
	p := f.Prog.Fset.Position(f.Pos())
	return types.NewFunc(f.Pos(), pkg, fmt.Sprintf("func literal at %s:%d", filepath.Base(p.Filename), p.Line), f.Signature)
}

// valuesRelevant: the package calls a function value that may be a
// function of another package whose fact has a sink or an untrusted
// result, or a sink of the tables.
func valuesRelevant(pass *analysis.Pass, m *Models) bool {
	vals, _ := pass.ResultOf[funcvals.Analyzer].(*funcvals.Result)
	for t := range vals.Called() {
		for _, fn := range t.Funcs() {
			if _, ok := m.Sinks.Lookup(fn); ok {
				return true
			}
			var f FuncFact
			if fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn.Origin(), &f) && (len(f.Sinks) > 0 || len(f.Sources) > 0) {
				return true
			}
		}
	}
	return false
}
