package gotaint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
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
		return nil
	}
	var out []*ssa.Function
	for _, impl := range e.disp.Implementations(c.Method) {
		if impl.Pkg() == e.pass.Pkg {
			if f := e.pkg.Prog.FuncValue(impl); f != nil {
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
		if f := e.pkg.Prog.FuncValue(fn); f != nil {
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
	return nil
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
