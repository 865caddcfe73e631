package gotaint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/funcvals"
)

// FuncFact summarises a function for its callers in other packages.
// Parameters are numbered as in SSA: the receiver, if any, is 0.
type FuncFact struct {
	Flows   []ParamFlow    // data moving from a parameter to the result or into another parameter
	Sinks   []ParamSink    // parameters that reach a sink
	Sources []ResultSource // results (or out-parameters) that are untrusted by themselves
	// Validates are the parameters that the function checks against
	// allowed values (a constant, an allow-list, a pattern, a schema) and
	// whose verdict it returns, as a bool or an error: a caller that
	// branches on the result has checked the argument.
	Validates []int
	// Confines are the parameters that the function checks to lie under
	// a root (a prefix or filepath.Rel test against a directory the
	// program chose), returning its verdict as an error or a bool: a path
	// guard (guards.go).
	Confines []int
}

// ParamFlow: parameter From flows to the result (To == Ret) or into what
// parameter To points to. When Field is set, only that field of From
// does (see ParamSink).
type ParamFlow struct {
	From, To int
	Spliced  bool   // the result also holds text the function wrote (see Flow.Spliced)
	State    bool   // the data went through an object's stored state on the way (see Flow.State)
	Field    int    // 1 + the index of the field of a struct parameter; 0: the whole parameter
	Name     string // the field's name, for people
	// ToField, for To a parameter that points to a struct: 1 + the index
	// of the field the data is written into (0: anywhere in it), so that
	// a caller's other fields stay clean (p.name = arg taints p.name, not
	// p.config).
	ToField int
	ToName  string
	// Result, for To == Ret in a function of several results: 1 + the
	// index of the result the data flows to (0: every result). The
	// URL and the body a function builds and returns side by side stay
	// apart.
	Result int
	// Role: the data reaches the result only as read in the system
	// branch of a switch on a message's role (see Flow.Role), as a
	// conversion's system text does.
	Role bool
	// Values: the parameter reaches the result only as values read out
	// of its maps (see ParamSink.Values).
	Values bool
	// Lookup, with State: the stored state is a record looked up by the
	// data (store.ListMessages(ctx, session)), which only chose it.
	Lookup bool
	// Opaque: as in ParamSink, on the way to the result.
	Opaque string
	// Key: the data is written as keys of a map in the memory of To
	// (r.files[name] = e): the caller keeps it as keys (state.keys), so a
	// value read from that map is not tainted by it.
	Key bool
	// Bounds: the sinks where what flows is bounded (a word a strict
	// parser accepted, a quoted SQL literal: bounds.go).
	Bounds Sink
}

// ParamSink: parameter Param reaches a sink of kind Kind; Via says how,
// e.g. "exec.Command at tools.go:14". For a parameter that is a struct or
// a pointer to one, Field (1 + the field's index) says that only that
// field reaches the sink: a caller whose other fields carry untrusted
// data then has no flow.
type ParamSink struct {
	Param   int
	Spliced bool // the function adds its own text to the parameter on the way
	State   bool // the parameter reaches the sink only through stored state (see Flow.State)
	Lookup  bool // with State: a record the data looked up (see ParamFlow.Lookup)
	Role    bool // the sink is chosen by a message's role (see Flow.Role)
	Object  bool // the parameter reaches the sink only inside an object passed whole on the way (see Flow.Object)
	Values  bool // the parameter reaches the sink only as values read out of its maps (m[k]), not as the keys a caller stored there
	Field   int
	Name    string
	Kind    Sink
	What    string
	Final   string // the sink at the end of the path (see Flow.Final)
	Via     string
	// Opaque names the method of the program's interface, with no
	// implementation in sight, that every path to the sink goes
	// through (see Opaque); "" when some path does not.
	Opaque string
}

// ResultSource: the result (To == Ret) or what parameter To points to
// holds untrusted data of kind Kind.
type ResultSource struct {
	Kind    Source
	To      int
	ToField int // as in ParamFlow
	ToName  string
	Result  int  // as in ParamFlow
	State   bool // the data went through stored state (see Flow.State)
	// RoleFixed: the data is in a message whose role the program set to
	// a constant other than the system's (see roleFixed).
	RoleFixed bool
	// Key: as in ParamFlow.
	Key bool
	// Bounds: as in ParamFlow.
	Bounds Sink
	What   string
	Via    string
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	var parts []string
	for _, x := range f.Flows {
		parts = append(parts, fmt.Sprintf("%s→%s%s", param(x.From, x.Name), place(x.To, x.ToName, x.Result), keyMark(x.Key)))
	}
	for _, x := range f.Sinks {
		parts = append(parts, fmt.Sprintf("%s⇒%s", param(x.Param, x.Name), x.Kind))
	}
	for _, x := range f.Sources {
		parts = append(parts, fmt.Sprintf("%s@%s%s", x.Kind, place(x.To, x.ToName, x.Result), keyMark(x.Key)))
	}
	for _, p := range f.Validates {
		parts = append(parts, fmt.Sprintf("checks p%d", p))
	}
	for _, p := range f.Confines {
		parts = append(parts, fmt.Sprintf("confines p%d", p))
	}
	return "taint(" + strings.Join(parts, " ") + ")"
}

// keyMark marks data written as a map's keys (ParamFlow.Key).
func keyMark(key bool) string {
	if key {
		return "[key]"
	}
	return ""
}

func param(i int, field string) string {
	if field != "" {
		return fmt.Sprintf("p%d.%s", i, field)
	}
	return fmt.Sprintf("p%d", i)
}

func place(i int, field string, result int) string {
	if i == Ret && result > 0 {
		return fmt.Sprintf("result%d", result)
	}
	if i == Ret {
		return "result"
	}
	if field != "" {
		return fmt.Sprintf("p%d.%s", i, field)
	}
	return fmt.Sprintf("*p%d", i)
}

func (f *FuncFact) empty() bool {
	return f == nil || len(f.Flows)+len(f.Sinks)+len(f.Sources)+len(f.Validates)+len(f.Confines) == 0
}

// Analyzer computes summaries (exported as facts) and the flows of the
// package; the injection rules require it and report the flows they own.
var Analyzer = &analysis.Analyzer{
	Name:       "apiaudittaint",
	Doc:        "tracks untrusted data (request data, tool arguments, model output) to prompts, commands, SQL, paths and URLs",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcvals.Analyzer},
	FactTypes:  []analysis.Fact{new(FuncFact), new(HiddenFacts)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result holds the flows of a package, in source order.
type Result struct {
	Flows []*Flow
	// Summaries of the package's functions, for tests.
	Summaries map[*types.Func]*FuncFact
	// work bounds the analysis of the package (see pkg/budget); nil when
	// the package was not analysed.
	work *budget.Budget
}

// The taint analysis of a package may step WorkFloor SSA instructions
// plus WorkPerByte for each byte of the package's source, over every
// round of every function's analysis; see docs/performance.md for what
// real projects use.
var (
	WorkFloor   int64 = 2_000_000
	WorkPerByte int64 = 5
)

// Taint bits 0..4 are source kinds, roleFixed+k is data of kind k whose
// message role the program fixed (see roleFixed), paramBase+i is
// parameter i as a whole, and fieldBit(i, f) is field f of parameter i, a
// struct or a pointer to one: what a load of p.F gets, so that a summary
// says which field of a parameter reaches a sink.
const (
	paramBase = 24
	fieldBase = 1 << 16
	// roleFixed+k marks data of source kind k that the program put in a
	// message whose role it set to a constant other than the system's
	// ("assistant", "user"): it counts as kind k everywhere, except at a
	// system-prompt sink reached by switching on the role (Flow.Role),
	// which such a message never takes.
	roleFixed = 8
	// spliceBit marks a value that holds text the program wrote itself
	// (Flow.Spliced); it is not a source.
	spliceBit = paramBase - 1
	// stateBit marks data that a call stored in the state of a long-lived
	// object (a field of the method's receiver, a package variable) and
	// that was read back from there (Flow.State); it is not a source.
	stateBit = paramBase - 2
	// roleBit marks data at a system-prompt sink that the program reaches
	// by switching on a message's role (Flow.Role); it is not a source.
	roleBit = paramBase - 3
	// objBit marks data that reached a sink only inside an object passed
	// whole to a call whose summary names the whole parameter
	// (Flow.Object); it is not a source.
	objBit = roleFixed - 1
	// valBit marks data read as a map's value (m[k]): what a parameter
	// gives there is what its maps hold, not the keys they hold
	// (ParamSink.Values, ParamFlow.Values); it is not a source. Bit
	// numSources (5) is free.
	valBit = roleFixed - 2
	// wordBit and sqlBit mark data that is bounded at some sinks: every
	// value that makes it up was accepted by a strict parser whose
	// language cannot carry an injection there (wordBit), or was quoted
	// as a SQL literal or identifier (sqlBit). See bounds.go; they are
	// not sources, and unlike the other marks they hold only while all
	// the data holds them (union and merge drop them otherwise).
	wordBit = roleFixed + numSources
	sqlBit  = wordBit + 1
)

// flagBit: k marks a property of the data, not a source or a parameter.
func flagBit(k int) bool {
	return k == spliceBit || k == stateBit || k == roleBit || k == objBit || k == valBit || k == wordBit || k == sqlBit
}

// holdsData reports whether t holds data, not only marks of its properties.
func holdsData(t taint) bool {
	for k := range t {
		if !flagBit(k) {
			return true
		}
	}
	return false
}

// sourceOf is the source kind (bit index) of a taint bit below paramBase
// that is not a flag, and whether its message role is fixed.
func sourceOf(k int) (kind int, fixed bool) {
	if k >= roleFixed && k < roleFixed+numSources {
		return k - roleFixed, true
	}
	return k, false
}

func fieldBit(param, field int) int { return fieldBase + param<<10 + field }

// paramOf decodes a parameter bit: the parameter and its field (-1: the
// whole parameter).
func paramOf(k int) (param, field int) {
	if k >= fieldBase {
		return (k - fieldBase) >> 10, (k - fieldBase) & 1023
	}
	return k - paramBase, -1
}

// taint maps a taint bit to the trace that brought it.
type taint map[int]*Trace

func (t taint) sources() Source {
	var s Source
	for k := range t {
		if k < paramBase && !flagBit(k) {
			kind, _ := sourceOf(k)
			s |= 1 << kind
		}
	}
	return s
}

type engine struct {
	work *budget.Budget // instructions stepped (see Result.work)
	pass *analysis.Pass
	m    *Models
	pkg  *ssa.Package
	sums map[*ssa.Function]*FuncFact
	// flows holds, per function, the flows its latest analysis found: a
	// function analysed again replaces its own.
	flows map[*ssa.Function]map[flowKey]*Flow
	// disp resolves calls through the program's interfaces, vals calls
	// of function values (dispatch.go); lits maps the package's function
	// literals to their SSA functions.
	disp *goapi.Dispatcher
	vals *funcvals.Result
	lits map[*ast.FuncLit]*ssa.Function
	// own maps the package's declared functions and methods to their SSA
	// functions. Prog.FuncValue would read the program's table of
	// packages, which other packages' analyses change while this one
	// runs (a data race, and a crash on a large module).
	own map[*types.Func]*ssa.Function
	// ownClient caches ownServerClient (models_upstream.go): 0 unknown,
	// 1 no, 2 yes.
	ownClient int8
	// tableFuncs and tableLits are the handlers of the package's plain
	// tool tables (goapi.TableHandlers): their parameters are tool
	// arguments.
	tableFuncs map[*types.Func]bool
	tableLits  map[*ast.FuncLit]bool
}

type flowKey struct {
	pos  token.Pos
	sink Sink
}

// relevant reports whether the package can take part in a flow the rules
// report: it uses a modelled source, sink or field, anything of a library
// the tables describe (an LLM or MCP SDK), or a function whose fact says it
// reaches a sink or returns untrusted data. Most packages of a large module
// use none of these, and building SSA for them was most of the analyzer's
// cost.
func relevant(pass *analysis.Pass, m *Models, disp *goapi.Dispatcher) bool {
	if valuesRelevant(pass, m) {
		return true
	}
	fields := m.modelledFields()
	for _, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			continue
		}
		if m.Modelled[goapi.CanonPath(obj.Pkg().Path())] {
			return true
		}
		switch o := obj.(type) {
		case *types.Func:
			if _, ok := m.Sources.Lookup(o); ok {
				return true
			}
			if _, ok := m.Sinks.Lookup(o); ok {
				return true
			}
			var f FuncFact
			if pass.ImportObjectFact(o.Origin(), &f) && (len(f.Sinks) > 0 || len(f.Sources) > 0) {
				return true
			}
			for _, impl := range disp.Implementations(o) {
				if impl.Pkg() != pass.Pkg && pass.ImportObjectFact(impl.Origin(), &f) && (len(f.Sinks) > 0 || len(f.Sources) > 0) {
					return true // a call through an interface reaches a sink or a source
				}
			}
		case *types.Var:
			if o.IsField() && fields[[2]string{goapi.CanonPath(o.Pkg().Path()), o.Name()}] {
				return true
			}
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{Summaries: map[*types.Func]*FuncFact{}}
	m, err := tables()
	if err != nil {
		return nil, err
	}
	if goapi.InGOROOT(pass.Fset, pass.Files) || m.Modelled[goapi.CanonPath(pass.Pkg.Path())] {
		// The tables describe these packages; their code is not read.
		return res, nil
	}
	sl := sharedFor(pass) // nil unless the driver shares the load
	if sl != nil && sl.needed != nil && !sl.needed[pass.Pkg] {
		// No flow through this package can be reported (see Share): no
		// importer reads its facts, and none of its flows has a source.
		return res, nil
	}
	disp := newDispatcher(pass, m)
	tableFuncs, tableLits := goapi.TableHandlers(pass.TypesInfo, pass.Pkg, pass.Files)
	if tableFuncs == nil && tableLits == nil && !relevant(pass, m, disp) {
		// Nothing here reads untrusted data or reaches a sink, directly or
		// through a dependency's facts: no SSA, no facts. Callers then use
		// the default for these functions (arguments flow to the result),
		// which keeps any flow through them.
		return res, nil
	}
	ssapkg, fns := buildSSA(pass, sl)
	res.work = goapi.PackageBudget(pass, "taint analysis", WorkFloor, WorkPerByte)
	e := &engine{work: res.work, pass: pass, m: m, pkg: ssapkg, sums: map[*ssa.Function]*FuncFact{}, flows: map[*ssa.Function]map[flowKey]*Flow{},
		disp: disp, vals: pass.ResultOf[funcvals.Analyzer].(*funcvals.Result), lits: litFuncs(fns), own: ownFuncs(fns),
		tableFuncs: tableFuncs, tableLits: tableLits}
	// Function literals that calls of function values may run get
	// summaries of their own (their flows stay their enclosing
	// function's).
	all := append(slices.Clip(fns), e.storedLits(fns)...)
	// Summaries to a fixed point with a worklist: every function once,
	// then again only the callers of a function whose summary grew (they
	// only grow). Each analysis also records the function's flows; since a
	// caller is analysed again whenever what it relies on changes, the
	// flows left at the end are those of the final summaries.
	callers := e.callersOf(all)
	queue := bottomUp(all, callers)
	queued := map[*ssa.Function]bool{}
	for _, fn := range all {
		queued[fn] = true
	}
	for budget := 20 * len(all); len(queue) > 0 && budget > 0 && !e.work.Spent(); budget-- {
		fn := queue[0]
		queue = queue[1:]
		queued[fn] = false
		s := e.analyze(fn)
		if reflect.DeepEqual(s, e.sums[fn]) {
			continue
		}

		e.sums[fn] = s
		for _, c := range callers[fn] {
			if !queued[c] {
				queued[c] = true
				queue = append(queue, c)
			}
		}
	}
	if len(queue) > 0 && !e.work.Spent() {
		// The bound on the worklist (each function 20 times on average)
		// was reached first: the summaries so far are kept.
		e.work.Stop(fmt.Sprintf("after %d analyses of its %d functions", 20*len(all), len(all)))
	}
	for _, fn := range fns {
		s := e.sums[fn]
		obj, _ := fn.Object().(*types.Func)
		if obj == nil {
			continue
		}
		if !s.empty() {
			res.Summaries[obj] = s
		}
		// Every function gets a fact, empty ones too: callers in other
		// packages then know that nothing flows, rather than assuming
		// that everything does.
		if exportable(obj) {
			if s == nil {
				// Never analysed (the work bound was reached first):
				// an empty fact, since the checker cannot hand a nil
				// one to importers.
				s = &FuncFact{}
			}
			pass.ExportObjectFact(obj, s)
		}
	}
	e.exportHidden()
	for _, fn := range fns {
		for _, f := range e.flows[fn] {
			res.Flows = append(res.Flows, f)
		}
	}
	if sl != nil {
		// Importers need the functions of a shared program, not their
		// bodies: without this the bodies of every package analysed
		// would live until the end of the load.
		for _, fn := range fns {
			dropBody(fn)
		}
	}
	slices.SortFunc(res.Flows, func(a, b *Flow) int {
		if a.Pos != b.Pos {
			return int(a.Pos - b.Pos)
		}
		return int(a.Sink) - int(b.Sink)
	})
	return res, nil
}

// buildSSA builds the SSA of the package and returns its functions, in
// source order, that have a body and no type parameters, then its
// initializer.
//
// SSA is built here, as buildssa does, rather than by requiring buildssa:
// this analyzer has facts, so it runs on every dependency, and the
// standard library needs no SSA. Every package the code refers to must
// be in the program; one created from export data gets a function for
// each of its members, which, repeated for each importer, cost more than
// building the importer itself. So when the driver shares a program
// among the packages of one load (Share), each package is created once.
func buildSSA(pass *analysis.Pass, sl *sharedLoad) (*ssa.Package, []*ssa.Function) {
	prog := ssa.NewProgram(pass.Fset, 0)
	lock, unlock, rlock, runlock := func() {}, func() {}, func() {}, func() {}
	if sl != nil {
		prog = sl.prog
		lock, unlock, rlock, runlock = sl.mu.Lock, sl.mu.Unlock, sl.mu.RLock, sl.mu.RUnlock
	}
	// Creating a package changes the program's table of packages, which
	// building one reads: creation is exclusive, builds run side by side
	// (as ssautil's do).
	lock()
	for _, p := range pass.Pkg.Imports() {
		if prog.Package(p) == nil {
			prog.CreatePackage(p, nil, nil, true)
		}
	}
	// Facts make the driver finish a package before any importer starts,
	// and only importers create a package from its types: it is not in
	// the program yet.
	// A function too costly to build is left out (see bound.go).
	ssapkg := prog.CreatePackage(pass.Pkg, withoutCostly(pass.Files), pass.TypesInfo, false)
	unlock()
	rlock()
	defer runlock()
	ssapkg.Build()

	var fns []*ssa.Function
	for obj := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		if fn := prog.FuncValue(obj); fn != nil && fn.Blocks != nil {
			fns = append(fns, fn)
		}
	}
	if init := ssapkg.Func("init"); init != nil {
		fns = append(fns, init)
	}
	return ssapkg, fns
}

// ownFuncs indexes the package's declared functions by their objects.
func ownFuncs(fns []*ssa.Function) map[*types.Func]*ssa.Function {
	out := make(map[*types.Func]*ssa.Function, len(fns))
	for _, fn := range fns {
		if obj, ok := fn.Object().(*types.Func); ok {
			out[obj] = fn
		}
	}
	return out
}

// dropBody frees the SSA code of fn and of the function literals in it.
func dropBody(fn *ssa.Function) {
	for _, a := range fn.AnonFuncs {
		dropBody(a)
	}
	fn.Blocks, fn.Recover, fn.Locals = nil, nil, nil
}

// bottomUp orders fns so that, outside recursion, a function comes after
// the functions it calls: each is then analysed with its callees'
// summaries already final, and the worklist rarely goes back to it.
func bottomUp(fns []*ssa.Function, callers map[*ssa.Function][]*ssa.Function) []*ssa.Function {
	callees := map[*ssa.Function][]*ssa.Function{}
	for _, fn := range fns {
		for _, c := range callers[fn] {
			callees[c] = append(callees[c], fn)
		}
	}
	out := make([]*ssa.Function, 0, len(fns))
	seen := map[*ssa.Function]bool{}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		for _, c := range callees[fn] {
			visit(c)
		}
		out = append(out, fn)
	}
	for _, fn := range fns {
		visit(fn)
	}
	return out
}

// callersOf maps each function of fns to the functions of fns that call it
// directly (from their own body or a closure inside it): the ones whose
// analysis reads its summary.
func (e *engine) callersOf(fns []*ssa.Function) map[*ssa.Function][]*ssa.Function {
	pkg := e.pkg
	out := map[*ssa.Function][]*ssa.Function{}
	for _, fn := range fns {
		seen := map[*ssa.Function]bool{}
		var walk func(f *ssa.Function)
		walk = func(f *ssa.Function) {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					ci, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					for _, sf := range e.localCallees(ci.Common()) {
						if sf.Pkg == pkg && !seen[sf] {
							seen[sf] = true
							out[sf] = append(out[sf], fn)
						}
					}
				}
			}
			for _, a := range f.AnonFuncs {
				walk(a)
			}
		}
		walk(fn)
	}
	return out
}

func exportable(fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		return goapi.TypeName(recv.Type()) != ""
	}
	return fn.Parent() == fn.Pkg().Scope()
}

// memKey is a piece of memory: an allocation (or another root such as a
// parameter or a call result), the first field below it (-1: the whole
// object, or an element) and the field below that one (sub, -1: all of
// the first field). Two levels keep the objects a long-lived value holds
// apart: h.agent.history, written from a request, and h.agent.config,
// read to start a command, are different memory. Deeper paths share their
// second level's memory.
type memKey struct {
	root       ssa.Value
	field, sub int
}

// whole is the memory key of all of root.
func whole(root ssa.Value) memKey { return memKey{root, -1, -1} }

// vkey identifies a value up to re-loading: req.Mode loaded twice is one
// key.
type vkey struct {
	root ssa.Value
	path string
}

type state struct {
	e     *engine
	fn    *ssa.Function
	funcs map[*ssa.Function]bool
	alias map[*ssa.FreeVar]ssa.Value
	vals  map[ssa.Value]taint
	mem   map[memKey]taint
	// keys holds what map updates used as keys, apart from mem: a
	// lookup gives a stored value, never a key (m[name] = v, then
	// m["main"]), while everything else that reads the map (a range, a
	// call it is passed to) sees its keys too. noKeys is set while a
	// lookup reads the map.
	keys   map[memKey]taint
	noKeys bool
	fields map[ssa.Value][]memKey // the keys of mem and keys under each root
	rets   map[*ssa.Function]taint
	// retAt holds, for a function of several results, the taint of each
	// result of fn's own returns; parts, the taint of each result of a
	// call whose summary names the result (ParamFlow.Result).
	retAt   []taint
	parts   map[ssa.Value]map[int]taint
	changed bool
	sum     *FuncFact
	checks  map[*ssa.Function]map[vkey][]*ssa.BasicBlock
	cleanAt map[vkey]map[*ssa.BasicBlock]bool
	// parsedIn are the functions with a check by a strict parser
	// (parsedBounds).
	parsedIn map[*ssa.Function]bool
	// pidx numbers the parameters of fn whose fields are tracked one by
	// one (structs and pointers to structs).
	pidx map[ssa.Value]int
	// groups are the results of FindStringSubmatch and the like whose
	// elements at these indexes are capture groups of safe characters.
	groups map[ssa.Value]map[int]bool
	// bound holds what SQL builder values hold bound to placeholders,
	// apart from their taint (their text); boundMem, what variables
	// holding builders hold (models_sqlbuild.go).
	bound    map[ssa.Value]taint
	boundMem map[memKey]taint
}

// analyze runs one function with its function literals to a fixed point
// and returns its summary.
func (e *engine) analyze(fn *ssa.Function) *FuncFact {
	e.flows[fn] = map[flowKey]*Flow{} // this analysis replaces the last one's flows
	s := &state{
		e: e, fn: fn, funcs: map[*ssa.Function]bool{}, alias: map[*ssa.FreeVar]ssa.Value{},
		vals: map[ssa.Value]taint{}, mem: map[memKey]taint{}, keys: map[memKey]taint{}, fields: map[ssa.Value][]memKey{},
		rets: map[*ssa.Function]taint{}, sum: &FuncFact{}, parts: map[ssa.Value]map[int]taint{},
		checks: map[*ssa.Function]map[vkey][]*ssa.BasicBlock{}, cleanAt: map[vkey]map[*ssa.BasicBlock]bool{}, parsedIn: map[*ssa.Function]bool{},
		pidx: map[ssa.Value]int{}, groups: map[ssa.Value]map[int]bool{},
	}
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		s.funcs[f] = true
		for _, a := range f.AnonFuncs {
			add(a)
		}
	}
	add(fn)
	for f := range s.funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if cf, ok := mc.Fn.(*ssa.Function); ok {
						for i, fv := range cf.FreeVars {
							if i < len(mc.Bindings) {
								s.alias[fv] = mc.Bindings[i]
							}
						}
					}
				}
			}
		}
		for i, p := range f.Params {
			if f == fn && i < 64-paramBase {
				s.vals[p] = taint{paramBase + i: &Trace{Pos: p.Pos(), Msg: "parameter " + p.Name()}}
				if structOf(p.Type()) != nil {
					s.pidx[p] = i
				}
			}
			m, ok := paramSource(f, i)
			if !ok {
				m, ok = s.e.tableParam(f, i)
			}
			if ok {
				s.set(p, taint{bit(m.Kind): &Trace{Pos: p.Pos(), Msg: m.What + " received here", What: m.What}})
			}
		}
	}
rounds:
	for rounds := 0; rounds < 50; rounds++ {
		s.changed = false
		for _, f := range s.sortedFuncs() {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if !e.work.Spend() {
						break rounds // the summary so far is kept; the driver reports the stop
					}
					s.step(instr)
				}
			}
		}
		if !s.changed {
			break
		}
		if rounds == 49 {
			e.work.Stop("after 50 rounds of the analysis of " + fn.String())
		}
	}
	return s.summary()
}

// tableParam: the parameters of a handler of a plain tool table, other
// than a context, are the arguments the model chose for the tool.
func (e *engine) tableParam(f *ssa.Function, i int) (SourceModel, bool) {
	if e == nil || i >= len(f.Params) || goapi.IsType(f.Params[i].Type(), "context", "Context") {
		return SourceModel{}, false
	}
	if f.Signature.Recv() != nil && i == 0 {
		return SourceModel{}, false
	}
	obj, _ := f.Object().(*types.Func)
	lit, _ := f.Syntax().(*ast.FuncLit)
	if obj != nil && e.tableFuncs[obj.Origin()] || lit != nil && e.tableLits[lit] {
		return SourceModel{Kind: ToolArgs, What: "the tool's arguments"}, true
	}
	return SourceModel{}, false
}

func (s *state) sortedFuncs() []*ssa.Function {
	out := make([]*ssa.Function, 0, len(s.funcs))
	for f := range s.funcs {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *ssa.Function) int { return int(a.Pos() - b.Pos()) })
	return out
}

func bit(k Source) int {
	for i := range numSources {
		if k&(1<<i) != 0 {
			return i
		}
	}
	return 0
}

func (s *state) summary() *FuncFact {
	sum := s.sum
	rets := []taint{s.rets[s.fn]}
	if s.retAt != nil {
		rets = s.retAt // one by one
	}
	for i, ret := range rets {
		result := 0
		if s.retAt != nil {
			result = i + 1
		}
		_, spliced := ret[spliceBit]
		_, stored := ret[stateBit]
		_, role := ret[roleBit]
		_, values := ret[valBit]
		bnd := bounds(ret)
		for k, t := range ret {
			if flagBit(k) {
				continue
			}
			if k >= paramBase {
				p, f := paramOf(k)
				pf := s.paramFlow(p, f, Ret)
				pf.Spliced, pf.State, pf.Result, pf.Role, pf.Values, pf.Bounds = spliced, stored, result, role, values, bnd
				pf.Lookup = stored && lookedUpBy(ret[stateBit])
				pf.Opaque = opaqueIn(t)
				sum.Flows = append(sum.Flows, pf)
			} else {
				one := taint{k: t}
				kind, fixed := sourceOf(k)
				sum.Sources = append(sum.Sources, ResultSource{Kind: 1 << kind, To: Ret, Result: result, What: firstWhat(one), Via: s.where(firstPos(one)), State: stored, RoleFixed: fixed, Bounds: bnd})
			}
		}
	}
	for i, p := range s.fn.Params {
		if !isRef(p.Type()) {
			continue
		}
		// What is written into the memory p points to, field by field
		// when p points to a struct: the caller's other fields stay as
		// they were. What was written as a map's keys (r.files[name] =
		// e) is summarised apart (Key): the caller keeps it as keys, so
		// that a value it reads from the map (r.files[other]) is not
		// tainted by a name that only selected it.
		st := ptrStruct(p.Type())
		for _, key := range []bool{false, true} {
			mem := s.mem
			if key {
				mem = s.keys
			}
			byField := map[int]taint{}
			for _, mk := range s.fields[p] {
				if len(mem[mk]) == 0 {
					continue
				}
				to := -1
				if st != nil && mk.field >= 0 && mk.field < st.NumFields() {
					to = mk.field
				}
				if byField[to] == nil {
					byField[to] = taint{}
				}
				union(byField[to], mem[mk])
			}
			if whole := byField[-1]; whole != nil {
				for f, t := range byField {
					if f >= 0 {
						for k := range whole {
							delete(t, k) // already written to the whole
						}
					}
				}
			}
			for to, t := range byField {
				toField, toName := 0, ""
				if to >= 0 {
					toField, toName = to+1, st.Field(to).Name()
				}
				_, stored := t[stateBit]
				bnd := bounds(t)
				for k, tr := range t {
					from, f := paramOf(k)
					switch {
					case flagBit(k):
					case k >= paramBase && from == i:
					case k >= paramBase:
						pf := s.paramFlow(from, f, i)
						pf.ToField, pf.ToName, pf.State, pf.Key, pf.Bounds = toField, toName, stored, key, bnd
						sum.Flows = append(sum.Flows, pf)
					default:
						kind, fixed := sourceOf(k)
						sum.Sources = append(sum.Sources, ResultSource{Kind: 1 << kind, To: i, ToField: toField, ToName: toName, RoleFixed: fixed,
							What: firstWhat(taint{k: tr}), Via: s.where(firstPos(taint{k: tr})), State: stored, Key: key, Bounds: bnd})
					}
				}
			}
		}
	}
	sum.Validates = s.validates()
	sum.Confines = s.confines()
	sum.Sinks = resolvesToCheck(sum.Sinks, sum.Confines)
	slices.SortFunc(sum.Flows, func(a, b ParamFlow) int {
		return cmpInts(a.From, b.From, a.Field, b.Field, a.To, b.To, a.ToField, b.ToField, a.Result, b.Result, b2i(a.Key), b2i(b.Key), int(a.Bounds), int(b.Bounds))
	})
	slices.SortFunc(sum.Sources, func(a, b ResultSource) int {
		return cmpInts(int(a.Kind), int(b.Kind), a.To, b.To, a.ToField, b.ToField, a.Result, b.Result, b2i(a.RoleFixed), b2i(b.RoleFixed), b2i(a.Key), b2i(b.Key), int(a.Bounds), int(b.Bounds))
	})
	slices.SortFunc(sum.Sinks, func(a, b ParamSink) int {
		return cmpInts(a.Param, b.Param, a.Field, b.Field, int(a.Kind), int(b.Kind))
	})
	return sum
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cmpInts compares pairs in order: (x0, y0), then (x1, y1), ...
func cmpInts(xy ...int) int {
	for i := 0; i+1 < len(xy); i += 2 {
		if xy[i] != xy[i+1] {
			return xy[i] - xy[i+1]
		}
	}
	return 0
}

// paramFlow is the summary entry for field f (-1: all) of parameter p
// flowing to to.
func (s *state) paramFlow(p, f, to int) ParamFlow {
	if f < 0 {
		return ParamFlow{From: p, To: to}
	}
	return ParamFlow{From: p, To: to, Field: f + 1, Name: s.fieldName(p, f)}
}

func (s *state) fieldName(p, f int) string {
	if p < len(s.fn.Params) {
		if st := structOf(s.fn.Params[p].Type()); st != nil && f < st.NumFields() {
			return st.Field(f).Name()
		}
	}
	return fmt.Sprint(f)
}

// ptrStruct is the struct type t points to, or nil.
func ptrStruct(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		st, _ := p.Elem().Underlying().(*types.Struct)
		return st
	}
	return nil
}

// structOf is the struct type t is or points to, or nil.
func structOf(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// narrow is the taint t of v as seen through field f of v: the whole-
// parameter bit of a tracked parameter becomes the bit of that field.
func (s *state) narrow(t taint, v ssa.Value, f int) taint {
	if f < 0 || len(t) == 0 {
		return t
	}
	i, ok := s.pidx[v]
	if !ok {
		return t
	}
	tr, ok := t[paramBase+i]
	if !ok {
		return t
	}
	out := make(taint, len(t))
	for k, x := range t {
		if k != paramBase+i {
			out[k] = x
		}
	}
	out[fieldBit(i, f)] = tr
	return out
}

// fieldTaint is the taint of field f of the struct that v is or points
// to: what a callee whose summary names that field receives.
func (s *state) fieldTaint(v ssa.Value, f int, b *ssa.BasicBlock) taint {
	if v == nil || s.clean(v, b) {
		return nil
	}
	if x, ok := v.(*ssa.FreeVar); ok {
		if a := s.alias[x]; a != nil {
			return s.fieldTaint(a, f, b)
		}
	}
	switch {
	case isRef(v.Type()) && loaded(v):
		// A pointer read from memory: its value holds all the memory
		// it points to; the field asked for is read from there.
		return s.addrField(v, f, b)
	case isRef(v.Type()):
		return merge(s.narrow(s.vals[v], v, f), s.addrField(v, f, b))
	case structOf(v.Type()) != nil:
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			// A struct loaded whole: its value's taint is that of
			// all its fields; look at the one asked for.
			return s.fieldTaint(u.X, f, b)
		}
		return s.narrow(s.vals[v], v, f)
	}
	return s.val(v, b)
}

func firstWhat(t taint) string {
	for _, tr := range t {
		st := tr.Steps()
		if len(st) > 0 {
			return st[0].What
		}
	}
	return ""
}

func firstPos(t taint) token.Pos {
	for _, tr := range t {
		st := tr.Steps()
		if len(st) > 0 {
			return st[0].Pos
		}
	}
	return token.NoPos
}

func (s *state) where(pos token.Pos) string { return shortPos(s.e.pass.Fset, pos) }

func union(dst, src taint) bool {
	want, check := joinBounds(dst, src)
	changed := false
	for k, t := range src {
		if dst[k] == nil && !(check && boundBit(k)) {
			dst[k] = t
			changed = true
		}
	}
	if check && setBounds(dst, src, want) {
		changed = true
	}
	return changed
}

// merge is union for a dst that may be nil: it returns dst with what src
// adds, allocating only when there is something to add. A new map never
// shares src's.
func merge(dst, src taint) taint {
	want, check := joinBounds(dst, src)
	for k, t := range src {
		if dst == nil {
			dst = make(taint, len(src))
		}
		if dst[k] == nil && !(check && boundBit(k)) {
			dst[k] = t
		}
	}
	if check && dst != nil {
		setBounds(dst, src, want)
	}
	return dst
}

// extend adds a step to the traces of the source kinds in t.
func extend(t taint, pos token.Pos, msg string) taint {
	if len(t) == 0 || !pos.IsValid() {
		return t
	}
	out := taint{}
	for k, tr := range t {
		if k < paramBase && !flagBit(k) {
			out[k] = &Trace{Pos: pos, Msg: msg, Prev: tr}
		} else {
			out[k] = tr
		}
	}
	return out
}

func (s *state) set(v ssa.Value, t taint) {
	if v == nil || len(t) == 0 || !carries(v.Type()) {
		return
	}
	cur := s.vals[v]
	if cur == nil {
		cur = taint{}
		s.vals[v] = cur
	}
	if union(cur, t) {
		s.changed = true
	}
}

// setPart adds t to result i of the call whose tuple is v.
func (s *state) setPart(v ssa.Value, i int, t taint) {
	if v == nil || len(t) == 0 {
		return
	}
	if _, ok := v.Type().(*types.Tuple); !ok {
		s.set(v, t)
		return
	}
	m := s.parts[v]
	if m == nil {
		m = map[int]taint{}
		s.parts[v] = m
	}
	if m[i] == nil {
		m[i] = taint{}
	}
	if union(m[i], t) {
		s.changed = true
	}
}

func (s *state) memAdd(k memKey, t taint) {
	if len(t) == 0 || k.root == nil {
		return
	}
	cur := s.mem[k]
	if cur == nil {
		cur = taint{}
		s.mem[k] = cur
		if s.keys[k] == nil {
			s.fields[k.root] = append(s.fields[k.root], k)
		}
	}
	if union(cur, t) {
		s.changed = true
	}
}

// keyAdd records t as used for keys of the map in memory k (see
// state.keys).
func (s *state) keyAdd(k memKey, t taint) {
	if len(t) == 0 || k.root == nil {
		return
	}
	cur := s.keys[k]
	if cur == nil {
		cur = taint{}
		s.keys[k] = cur
		if s.mem[k] == nil {
			s.fields[k.root] = append(s.fields[k.root], k)
		}
	}
	if union(cur, t) {
		s.changed = true
	}
}

// key finds the memory an address points into, and the values walked on
// the way (whose own taint, such as a field source, also counts).
func (s *state) key(v ssa.Value) (memKey, []ssa.Value) {
	field, sub := -1, -1
	var chain []ssa.Value
	for i := 0; i < 32; i++ {
		chain = append(chain, v)
		switch x := v.(type) {
		case *ssa.FieldAddr:
			// Walking up from the deepest field: the field seen before
			// this one is the one below it.
			field, sub = x.Field, field
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return memKey{v, field, sub}, chain
			}
			v = x.X
		case *ssa.FreeVar:
			a := s.alias[x]
			if a == nil {
				return memKey{v, field, sub}, chain
			}
			v = a
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return memKey{v, field, sub}, chain
		}
	}
	return memKey{v, field, sub}, chain
}

// addr is the taint of what an address points to.
func (s *state) addr(a ssa.Value, b *ssa.BasicBlock) taint { return s.addrField(a, -1, b) }

// addrField is addr, for field f (-1: all) of what a points to when a
// points to a whole object.
func (s *state) addrField(a ssa.Value, f int, b *ssa.BasicBlock) taint {
	k, chain := s.key(a)
	switch {
	case k.field == -1:
		k.field = f
	case k.sub == -1:
		k.sub = f // field f of the object held in k.field
	}
	var out taint
	read := func(mk memKey) {
		out = merge(out, s.mem[mk])
		if !s.noKeys {
			out = merge(out, s.keys[mk])
		}
	}
	switch {
	case k.field == -1:
		for _, mk := range s.fields[k.root] {
			read(mk)
		}
	case k.sub == -1:
		for _, mk := range s.fields[k.root] {
			if mk.field == k.field {
				read(mk)
			}
		}
	default:
		read(k)
		read(memKey{k.root, k.field, -1})
	}
	if k.field != -1 {
		out = merge(out, s.narrow(s.mem[whole(k.root)], k.root, k.field))
		if !s.noKeys {
			out = merge(out, s.narrow(s.keys[whole(k.root)], k.root, k.field))
		}
	}
	for _, c := range chain {
		if fa, ok := c.(*ssa.FieldAddr); ok {
			out = merge(out, s.vals[fa])
			continue
		}
		if loaded(c) {
			continue // what it holds is the memory read above
		}
		if fv, ok := c.(*ssa.FreeVar); ok {
			if a := s.alias[fv]; a != nil {
				c = a
			}
		}
		if !s.clean(c, b) {
			out = merge(out, s.narrow(s.vals[c], c, k.field))
		}
	}
	if !s.clean(k.root, b) {
		out = merge(out, s.narrow(s.vals[k.root], k.root, k.field))
	}
	return out
}

// loaded: v is a value read from memory (*p), whose taint is that of
// the memory at p.
func loaded(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	return ok && u.Op == token.MUL
}

// val is the taint of an operand used in block b.
func (s *state) val(v ssa.Value, b *ssa.BasicBlock) taint {
	if v == nil || !carries(v.Type()) {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Const, *ssa.Function, *ssa.Builtin:
		return nil
	case *ssa.FreeVar:
		if a := s.alias[x]; a != nil {
			return s.val(a, b)
		}
	}
	if s.clean(v, b) {
		return nil
	}
	out := merge(nil, s.vals[v])
	if isRef(v.Type()) {
		out = merge(out, s.addr(v, b))
	}
	if bs := s.parsedBounds(v, b); bs != 0 {
		out = withBounds(out, bs, v.Pos())
	}
	return out
}

func (s *state) step(instr ssa.Instruction) {
	b := instr.Block()
	s.passBound(instr)
	switch x := instr.(type) {
	case *ssa.UnOp:
		if ia, ok := x.X.(*ssa.IndexAddr); ok && x.Op == token.MUL && s.safeGroup(ia.X, ia.Index) {
			return
		}
		if x.Op == token.MUL {
			s.set(x, s.addr(x.X, b))
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				s.roleRead(x, fa.X.Type(), fa.Field, b)
			}
		} else {
			s.set(x, s.val(x.X, b))
		}
	case *ssa.BinOp:
		t := taint{}
		tx, ty := s.val(x.X, b), s.val(x.Y, b)
		union(t, tx)
		union(t, ty)
		if x.Op == token.ADD && len(t) > 0 && (ownText(x.X) || ownText(x.Y) || serverValue(x.X, tx) || serverValue(x.Y, ty)) {
			// Untrusted text joined to the program's own.
			t[spliceBit] = &Trace{Pos: x.Pos(), Msg: "joined to the program's text"}
		}
		if len(t) > 0 && quotedLiteral(x) {
			t = withBounds(t, SQL, x.Pos()) // '...' around doubled quotes (bounds.go)
		}
		s.set(x, t)
	case *ssa.Phi:
		for i, e := range x.Edges {
			if i < len(b.Preds) {
				s.set(x, s.val(e, b.Preds[i]))
			}
		}
	case *ssa.Convert:
		t := s.val(x.X, b)
		s.set(x, t)
		s.htmlSink(x, x.Type(), t)
	case *ssa.ChangeType:
		t := s.val(x.X, b)
		s.set(x, t)
		s.htmlSink(x, x.Type(), t)
	case *ssa.ChangeInterface:
		s.set(x, s.val(x.X, b))
	case *ssa.MakeInterface:
		s.set(x, s.val(x.X, b))
	case *ssa.TypeAssert:
		s.set(x, s.val(x.X, b))
	case *ssa.Slice:
		s.set(x, s.val(x.X, b))
	case *ssa.SliceToArrayPointer:
		s.set(x, s.val(x.X, b))
	case *ssa.MultiConvert:
		s.set(x, s.val(x.X, b))
	case *ssa.Index:
		s.set(x, s.val(x.X, b))
	case *ssa.Lookup:
		if isMap(x.X) {
			// m[k]: a stored value, not one of the keys stored under.
			s.noKeys = true
			var t taint
			if u, ok := x.X.(*ssa.UnOp); ok && u.Op == token.MUL && !s.clean(u, b) {
				t = s.addr(u.X, b) // the map loaded from a field or a variable: its memory, read again
			} else {
				t = s.val(x.X, b)
			}
			s.noKeys = false
			if holdsData(t) {
				t = merge(nil, t)
				t[valBit] = &Trace{Pos: x.Pos()}
			}
			s.set(x, t)
			return
		}
		s.set(x, s.val(x.X, b))
	case *ssa.Range:
		s.set(x, s.val(x.X, b))
	case *ssa.Next:
		s.set(x, s.val(x.Iter, b))
	case *ssa.Extract:
		if isContext(x.Type()) && !contextCall(x.Tuple) {
			// ctx, span := tracer.Start(ctx, name): a context made by
			// other code does not hold the data passed beside it.
			return
		}
		s.set(x, s.val(x.Tuple, b))
		if p := s.parts[x.Tuple][x.Index]; len(p) > 0 && !s.clean(x.Tuple, b) {
			s.set(x, p)
		}
	case *ssa.Field:
		s.responsePart(x, x.X, x.Field, b)
		s.set(x, s.fieldTaint(x.X, x.Field, b))
		if m, ok := s.fieldSource(x.X.Type(), x.Field); ok {
			s.set(x, taint{bit(m.Kind): &Trace{Pos: x.Pos(), Msg: m.What + " read here", What: m.What}})
		}
		s.roleRead(x, x.X.Type(), x.Field, b)
	case *ssa.FieldAddr:
		s.responsePart(x, x.X, x.Field, b)
		if m, ok := s.fieldSource(x.X.Type(), x.Field); ok {
			pos := x.Pos()
			s.set(x, taint{bit(m.Kind): &Trace{Pos: pos, Msg: m.What + " read here", What: m.What}})
		}
	case *ssa.Store:
		t := s.val(x.Val, b)
		k, chain := s.key(x.Addr)
		if i, ok := s.pidx[x.Val]; ok && k.field == -1 && types.Identical(k.root.Type(), types.NewPointer(x.Val.Type())) {
			// A struct parameter spilled to memory (its address is
			// taken): its fields are still tracked one by one.
			s.pidx[k.root] = i
		}
		fixed := false
		if fa, ok := x.Addr.(*ssa.FieldAddr); ok && len(t) > 0 {
			s.fieldSink(x, fa, t)
			if fixed = fixedRole(fa); fixed {
				t = roleFixedTaint(t)
			}
		}
		if u, ok := x.Val.(*ssa.UnOp); ok && u.Op == token.MUL && s.copyStruct(x, u, b, fixed) {
			return
		}
		s.memAdd(k, s.deepState(t, k, chain, x.Pos()))
	case *ssa.MapUpdate:
		k, chain := s.key(x.Map)
		s.keyAdd(k, s.deepState(s.val(x.Key, b), k, chain, x.Pos()))
		s.memAdd(k, s.deepState(s.val(x.Value, b), k, chain, x.Pos()))
	case *ssa.Send:
		k, _ := s.key(x.Chan)
		s.memAdd(k, s.val(x.X, b))
	case *ssa.Return:
		f := b.Parent()
		cur := s.rets[f]
		if cur == nil {
			cur = taint{}
			s.rets[f] = cur
		}
		several := f == s.fn && len(x.Results) > 1
		if several && s.retAt == nil {
			s.retAt = make([]taint, len(x.Results))
		}
		for i, r := range x.Results {
			t := s.val(r, b)
			if union(cur, t) {
				s.changed = true
			}
			if several && len(t) > 0 {
				if s.retAt[i] == nil {
					s.retAt[i] = taint{}
				}
				if union(s.retAt[i], t) {
					s.changed = true
				}
			}
		}
	case ssa.CallInstruction:
		s.call(x)
	}
}

// copyStruct handles *dst = *src for a struct value src read whole from
// memory: the fields of src's memory go to the same fields of dst's, and
// only what src's address holds outside its fields goes to all of dst.
// A struct literal is built in a temporary and copied so into the
// variable that holds it when a closure captures that variable
// (state := msgState{system: sys, tools: tools}; go func() {
// run(state) }()): taken whole, every field would carry every other
// field's data. Fixed: the destination is a message's content whose
// role the program fixed (roleFixed). It reports whether it handled the
// store.
func (s *state) copyStruct(st *ssa.Store, u *ssa.UnOp, b *ssa.BasicBlock, fixed bool) bool {
	fields := structOf(u.Type())
	if fields == nil || isRef(u.Type()) || s.clean(u, b) {
		return false
	}
	ks, schain := s.key(u.X)
	kd, dchain := s.key(st.Addr)
	if ks.field != -1 || kd.sub != -1 || ks.root == kd.root {
		return false
	}
	add := func(d memKey, t taint, keys bool) {
		if fixed && len(t) > 0 {
			t = roleFixedTaint(t)
		}
		t = s.deepState(t, d, dchain, st.Pos())
		if keys {
			s.keyAdd(d, t)
		} else {
			s.memAdd(d, t)
		}
	}
	to := func(field, sub int) memKey {
		if kd.field >= 0 {
			return memKey{kd.root, kd.field, field}
		}
		return memKey{kd.root, field, sub}
	}
	for _, mk := range slices.Clone(s.fields[ks.root]) {
		d := to(mk.field, mk.sub)
		add(d, s.mem[mk], false)
		add(d, s.keys[mk], true)
	}
	// The address's own taint (a parameter, a field source on the way),
	// field by field for a parameter whose fields are tracked.
	var rest taint
	for _, c := range schain {
		if fa, ok := c.(*ssa.FieldAddr); ok {
			rest = merge(rest, s.vals[fa])
			continue
		}
		if loaded(c) {
			continue
		}
		if fv, ok := c.(*ssa.FreeVar); ok && s.alias[fv] != nil {
			c = s.alias[fv]
		}
		if !s.clean(c, b) {
			rest = merge(rest, s.vals[c])
		}
	}
	if _, tracked := s.pidx[ks.root]; tracked && kd.field == -1 {
		for f := range fields.NumFields() {
			d := to(f, -1)
			add(d, s.narrow(rest, ks.root, f), false)
		}
		return true
	}
	add(to(-1, -1), rest, false)
	return true
}

// deepState is t, written at pos into the memory k that the address
// chain reaches, marked as stored state (stateBit) when the write goes
// two fields or more below a long-lived object: h.cfg.APIKeys = body.
// Memory is tracked one field below its root, so such a write marks all
// of h.cfg, and a later call that reads h.cfg.PluginDir would seem to
// read the request; flows out of it are graded as going through the
// object's state (Flow.State).
func (s *state) deepState(t taint, k memKey, chain []ssa.Value, pos token.Pos) taint {
	if len(t) == 0 || !deepField(chain) || !s.longLived(k) {
		return t
	}
	t = merge(nil, t)
	t[stateBit] = &Trace{Pos: pos, Msg: "stored in " + fieldPath(chain)}
	return t
}

// deepField: an address chain (see key) goes through two fields or more,
// so that the memory key keeps only the outermost.
func deepField(chain []ssa.Value) bool {
	n := 0
	for _, v := range chain {
		if _, ok := v.(*ssa.FieldAddr); ok {
			n++
		}
	}
	return n >= 2
}

// fieldPath names the memory an address chain (see key) ends in, for
// people: "h.cfg.APIKeys".
func fieldPath(chain []ssa.Value) string {
	var names []string
	root := "a variable"
	for _, v := range chain {
		if x, ok := v.(*ssa.FieldAddr); ok {
			if st := ptrStruct(x.X.Type()); st != nil && x.Field < st.NumFields() {
				names = append(names, st.Field(x.Field).Name())
			}
		}
	}
	if k := len(chain); k > 0 {
		switch x := chain[k-1].(type) {
		case *ssa.Parameter:
			root = x.Name()
		case *ssa.Global:
			root = x.Name()
		}
	}
	slices.Reverse(names)
	return strings.Join(append([]string{root}, names...), ".")
}

// serverValue: v, whose taint is t, is a value of the program's own that
// is not a constant (a prompt read from its configuration).
func serverValue(v ssa.Value, t taint) bool {
	_, isConst := v.(*ssa.Const)
	return len(t) == 0 && !isConst
}

// ownText: v is a constant with words in it ("You are "), not only
// separators ("\n", ": ").
func ownText(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	letters := 0
	for _, r := range constant.StringVal(c.Value) {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// responseParts name the parts of a fetched HTTP response, so that a
// message says "an HTTP response header" rather than calling a header a
// web page.
var responseParts = map[string]string{
	"Header": "an HTTP response header", "Trailer": "an HTTP response trailer",
	"Body": "an HTTP response body", "Status": "an HTTP response status",
	"Cookies": "an HTTP response cookie", "Request": "the request of an HTTP response",
}

// responsePart gives v, field i of a fetched *http.Response x, a trace of
// its own that names the part read.
func (s *state) responsePart(v, x ssa.Value, i int, b *ssa.BasicBlock) {
	f, ok := fieldOf(x.Type(), i)
	if !ok || f.Pkg != "net/http" || f.Type != "Response" || responseParts[f.Name] == "" {
		return
	}
	if _, ok := s.val(x, b)[bit(Retrieved)]; !ok {
		return
	}
	what := responseParts[f.Name]
	s.set(v, taint{bit(Retrieved): &Trace{Pos: v.Pos(), Msg: what + " read here", What: what}})
}

// htmlSink reports conversions to html/template's trusted types.
func (s *state) htmlSink(v ssa.Value, t types.Type, tt taint) {
	if len(tt) == 0 {
		return
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "html/template" {
		return
	}
	for _, h := range htmlTypes {
		if h.Type == n.Obj().Name() {
			s.reach(v.Pos(), HTML, "template."+h.Type, "template."+h.Type, "", tt)
		}
	}
}

// fieldSource finds a field source for field i of the struct t points to
// (or is).
func (s *state) fieldSource(t types.Type, i int) (SourceModel, bool) {
	f, ok := fieldOf(t, i)
	if !ok {
		return SourceModel{}, false
	}
	m, ok := s.e.m.FieldSources[f]
	return m, ok
}

func fieldOf(t types.Type, i int) (Field, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Field{}, false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return Field{}, false
	}
	return Field{Pkg: goapi.CanonPath(n.Obj().Pkg().Path()), Type: n.Obj().Name(), Name: st.Field(i).Name()}, true
}

func (s *state) fieldSink(st *ssa.Store, fa *ssa.FieldAddr, t taint) {
	f, ok := fieldOf(fa.X.Type(), fa.Field)
	if !ok {
		return
	}
	for _, m := range s.e.m.FieldSinks[f] {
		if m.When != nil && !siblingIs(fa.X, m.When) {
			continue
		}
		pos := st.Pos()
		if !pos.IsValid() {
			pos = st.Val.Pos()
		}
		if !pos.IsValid() {
			pos = fa.X.Pos()
		}
		what := m.What
		if what == "" {
			what = pkgName(fa.X.Type()) + f.Type + "." + f.Name
		}
		s.reach(pos, m.Kind, what, what, "", t)
	}
}

func pkgName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "."
	}
	return ""
}

// siblingIs reports whether the struct at base has field c.Field set to
// one of c.Values.
func siblingIs(base ssa.Value, c *FieldCond) bool {
	refs := base.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if f, ok := fieldOf(base.Type(), fa.Field); !ok || f.Name != c.Field {
			continue
		}
		for _, r2 := range *fa.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == fa && slices.Contains(c.Values, constString(st.Val)) {
				return true
			}
		}
	}
	return false
}

func constString(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return constant.StringVal(x.Value)
		}
	case *ssa.MakeInterface:
		return constString(x.X)
	case *ssa.ChangeType:
		return constString(x.X)
	case *ssa.Convert:
		return constString(x.X)
	}
	return ""
}

// reach records untrusted data t arriving at a sink: a flow for the kinds
// of data, a summary entry for the parameters.
// reach records that t reaches a sink of kind at pos: what names the call
// there, final the sink at the end of the path (what itself when the sink
// is called at pos), via the path when it goes through calls.
func (s *state) reach(pos token.Pos, kind Sink, what, final, via string, t taint) {
	if boundedReach(t, kind) {
		return // a word a strict parser accepted, a quoted literal (bounds.go)
	}
	_, spliced := t[spliceBit]
	_, stored := t[stateBit]
	_, role := t[roleBit]
	_, object := t[objBit]
	_, values := t[valBit]
	for k, tr := range t {
		if flagBit(k) {
			continue
		}
		if k >= paramBase {
			p, f := paramOf(k)
			v := via
			if v == "" {
				v = what + " at " + s.where(pos)
			}
			ps := ParamSink{Param: p, Kind: kind, What: what, Final: final, Via: v, Spliced: spliced, State: stored, Lookup: stored && lookedUpBy(t[stateBit]), Role: role, Object: object, Values: values, Opaque: opaqueIn(tr)}
			if f >= 0 {
				ps.Field, ps.Name = f+1, s.fieldName(p, f)
			}
			dup := false
			for i := range s.sum.Sinks {
				if x := &s.sum.Sinks[i]; x.Param == p && x.Field == ps.Field && x.Kind == kind {
					dup = true
					x.State = x.State && stored // one path without stored state is enough
					x.Lookup = x.Lookup && stored && lookedUpBy(t[stateBit])
					x.Role = x.Role && role
					x.Object = x.Object && object
					x.Values = x.Values && values
					if ps.Opaque == "" {
						x.Opaque = "" // one path in sight is enough
					}
				}
			}
			if !dup {
				s.sum.Sinks = append(s.sum.Sinks, ps)
			}
			continue
		}
		k, fixed := sourceOf(k)
		if fixed && role {
			continue // a message whose role is not the system's (roleFixed)
		}
		fk := flowKey{pos, kind}
		mine := s.e.flows[s.fn]
		f := mine[fk]
		if f == nil {
			f = &Flow{Pos: pos, Sink: kind, What: what, Final: final, Via: via, State: stored, Role: role, Object: object}
			mine[fk] = f
		}
		f.State = f.State && stored
		f.Role = f.Role && role
		f.Object = f.Object && object
		if f.Object && f.Passed == nil {
			f.Passed = t[objBit]
		}
		if f.State && f.Stored == nil {
			f.Stored = t[stateBit]
		}
		if f.Traces[k] == nil || tr.len() < f.Traces[k].len() {
			f.Traces[k] = tr
		}
		f.Sources |= 1 << k
		f.Spliced = f.Spliced || spliced
	}
}

// carries reports whether values of type t can hold untrusted text:
// numbers, booleans, errors, functions and instants (time.Time: a clock
// reading and a location, which a request may choose but not write into
// a query or a command) cannot.
func carries(t types.Type) bool {
	if goapi.IsType(t, "time", "Time") {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer && false
	case *types.Tuple:
		for i := range u.Len() {
			if carries(u.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		return false
	case *types.Interface:
		return !types.Identical(t, errorType)
	}
	return true
}

var errorType = types.Universe.Lookup("error").Type()

// isRef: values of these types refer to memory whose taint they carry.
func isRef(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface:
		return true
	}
	return false
}

// isContext: t is context.Context. A context is followed only through the
// context package (context.WithValue stores data, ctx.Value gives it
// back): passed to other calls, it is not data they read, and a context
// that other code returns does not hold what was passed beside it.
// Without this, a request value put in a tracing span (tracer.Start(ctx,
// name)) tainted every call made with the context, down to commands
// whose arguments come from the configuration.
func isContext(t types.Type) bool { return t != nil && goapi.IsType(t, "context", "Context") }

// contextCall: v is the result of a function or method of the context
// package (context.WithValue, WithTimeout, ctx.Value).
func contextCall(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := callee(&c.Call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context"
}
