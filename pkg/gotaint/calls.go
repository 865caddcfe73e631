package gotaint

import (
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// callee is the function a call invokes, by its declaration: the static
// callee (the origin of a generic instance) or the interface method.
func callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	f := c.StaticCallee()
	if f == nil {
		return nil
	}
	if o := f.Origin(); o != nil {
		f = o
	}
	fn, _ := f.Object().(*types.Func)
	return fn
}

func (s *state) call(ci ssa.CallInstruction) {
	c := ci.Common()
	b := ci.Block()
	pos := ci.Pos()
	res := ci.Value() // nil for go and defer
	var resV ssa.Value
	if res != nil {
		resV = res
	}
	ops := c.Args
	if c.IsInvoke() {
		ops = append([]ssa.Value{c.Value}, c.Args...)
	}

	if bi, ok := c.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "append":
			t := taint{}
			for _, a := range ops {
				union(t, s.val(a, b))
			}
			s.set(resV, t)
		case "copy":
			if len(ops) == 2 {
				k, _ := s.key(ops[0])
				s.memAdd(k, s.val(ops[1], b))
			}
		}
		return
	}

	// Function literals of this function share its state: arguments
	// flow to their parameters, their results to the call. A call of the
	// function itself (recursion) uses its summary instead, as any other
	// call: read as a literal's, it set the receiver to everything its
	// memory holds (history, configuration alike), and every field read
	// of it afterwards carried what any field had been given.
	if sf := c.StaticCallee(); sf != nil && s.funcs[sf] && sf != s.fn {
		for i, p := range sf.Params {
			if i < len(ops) {
				s.set(p, s.val(ops[i], b))
			}
		}
		s.set(resV, s.rets[sf])
		return
	}

	fn := callee(c)
	if fn == nil {
		s.callValue(c, dropContexts(ops), resV, pos, b) // a function value (dispatch.go)
		s.set(resV, s.all(ops, b))
		return
	}
	if fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		ops = dropContexts(ops)
	}
	name := goapi.Of(fn)
	method := fn.Signature().Recv() != nil && !c.IsInvoke() || c.IsInvoke()
	flat := func(i int) int {
		switch {
		case i == Recv:
			return 0
		case method:
			return i + 1
		}
		return i
	}
	at := func(i int) ssa.Value {
		if j := flat(i); j >= 0 && j < len(ops) {
			return ops[j]
		}
		return nil
	}
	m := s.e.m

	if m.Sanitizers[name] || mapSanitised(name, ops) || s.replaceSanitised(name, ops) || s.digestText(name, ops, b) {
		return // guards.go: a strings.Map that keeps safe runes, a digest as hex
	}
	if p, ok := m.Parsers[name]; ok && p.Result != 0 {
		// A strict parser or a quoting function (bounds.go): what it
		// returns is bounded at the sinks of p.Result.
		s.set(resV, withBounds(s.all(ops, b), p.Result, pos))
		return
	}
	if regexpFinders[name] && len(ops) > 0 {
		if _, safe := s.safeRegexp(ops[0]); safe {
			return // every match and capture group is made of safe characters
		}
		if groups := s.safeGroups(ops[0]); len(groups) > 0 && resV != nil {
			// m[i] is clean for the groups i limited to safe characters.
			s.groups[resV] = groups
		}
	}
	for _, sm := range m.Sinks[name] {
		s.sinkCall(pos, fn, sm, ops, method, at, b)
	}
	if src, ok := m.Sources[name]; ok && !(src.Kind == Upstream && s.e.ownServerClient()) {
		if src.Kind == Request && s.e.hostHeader(fn, at(0)) {
			return // the host's identity header: set by the host, not the client
		}
		t := taint{bit(src.Kind): &Trace{Pos: pos, Msg: src.What + " read here", What: src.What}}
		switch {
		case src.Callback:
			if cf := closureFunc(at(src.Out)); cf != nil && s.funcs[cf] && src.Param < len(cf.Params) {
				s.set(cf.Params[src.Param], t)
			}
		case src.Out == Ret:
			s.set(resV, t)
		default:
			if a := at(src.Out); a != nil {
				k, _ := s.key(a)
				s.memAdd(k, t)
			}
		}
		return
	}
	if s.sqlBuilderCall(fn, ops, resV, pos, b) {
		return // models_sqlbuild.go
	}
	if mv, ok := m.Moves[name]; ok {
		t := taint{}
		for _, f := range mv.From {
			union(t, s.val(at(f), b))
			if mv.To != Ret && (ownText(at(f)) || templateExec[name]) {
				// b.WriteString("You are "): the buffer holds the
				// program's text, whatever is added next.
				k, _ := s.key(at(mv.To))
				s.memAdd(k, taint{spliceBit: &Trace{Pos: pos, Msg: "the program's text written here"}})
			}
		}
		if mv.To == Ret {
			s.set(resV, t)
		} else if a := at(mv.To); a != nil {
			k, _ := s.key(a)
			s.memAdd(k, extend(t, pos, "decoded into "+exprName(a)+" by "+shortName(fn)))
		}
		return
	}
	if sf := c.StaticCallee(); sf != nil && sf.Pkg == s.e.pkg {
		if o := sf.Origin(); o != nil {
			sf = o // an instance of a generic function: its summary
		}
		if sum := s.e.sums[sf]; sum != nil {
			s.apply(sum, fn, ops, resV, pos, b)
		}
		return
	}
	if c.IsInvoke() {
		// A call through an interface reaches what the methods that
		// may run reach (dispatch.go); what flows to the result is
		// decided below, as for unknown code.
		s.dispatch(c, ops, resV, pos, b)
	}
	// Functions of analysed packages carry a fact (possibly empty).
	if !c.IsInvoke() && fn.Pkg() != nil && fn.Pkg() != s.e.pass.Pkg && !m.Modelled[goapi.CanonPath(fn.Pkg().Path())] {
		var fact FuncFact
		if s.e.pass.ImportObjectFact(fn.Origin(), &fact) {
			s.apply(&fact, fn, ops, resV, pos, b)
			return
		}
	}
	// Library code that neither the tables nor a fact describe: what goes
	// in comes out, and reading into a byte slice or writing into a
	// buffer moves data into it.
	if resV != nil && isContext(resV.Type()) && fn.Pkg().Path() != "context" {
		resV = nil // a context made by other code (see isContext)
	}
	t := s.all(ops, b)
	if c.IsInvoke() && len(t) > 0 && s.unseenMethod(fn) {
		// conn.BuildInsert(req) on an interface of the program whose
		// implementations live in packages this one does not import:
		// what comes back is made by code out of sight, which may
		// quote, bind or check what it was given. The step says so,
		// and rules grade such flows (Opaque).
		t = markOpaque(t, pos, shortName(fn))
	}
	if c.IsInvoke() && len(t) > 0 && s.lookup(fn) {
		if lt, ok := s.lookedUp(fn, ops, b, pos); ok {
			// Every implementation is in sight: the record carries
			// what their summaries say, not the key (guards.go).
			t = lt
		}
		if len(t) > 0 {
			// store.Get(name) on an interface of the program: the
			// record comes back from the store, looked up by the
			// data, rather than made of it.
			t = merge(nil, t)
			t[stateBit] = &Trace{Pos: pos, Msg: lookupMsg + shortName(fn)}
		}
	}
	if len(t) > 0 && !c.IsInvoke() && s.libraryLookup(fn, ops, b) {
		// cache.Get(key) on a cache, a store or a client of a library:
		// what comes back was stored before, and the key only chose it.
		// Graded as a lookup, as for the program's own stores.
		t = merge(nil, t)
		t[stateBit] = &Trace{Pos: pos, Msg: lookupMsg + shortName(fn)}
	}
	if len(t) > 0 && formatters[name] && len(ops) > 0 && ownText(ops[0]) {
		// fmt.Sprintf("You are %s", x): the format is the program's text.
		t = merge(nil, t)
		t[spliceBit] = &Trace{Pos: pos, Msg: "formatted into the program's text"}
	}
	s.set(resV, t)
	if len(t) > 0 {
		for i, a := range ops {
			if a == nil || len(s.val(a, b)) > 0 {
				continue
			}
			if isBytes(a.Type()) || i == 0 && method && isBuffer(a.Type()) {
				k, _ := s.key(a)
				s.memAdd(k, t)
			}
		}
	}
}

// opaqueMsg starts the step of a value made by a method of one of the
// program's interfaces none of whose implementations is in sight (see
// unseenMethod and Opaque).
const opaqueMsg = "made by code not in sight: "

// unseenMethod reports whether fn, the method of an interface a call goes
// through, belongs to the program (an interface of the module being
// analysed, not a library's, whose methods the tables and facts describe)
// and no implementation of it is in sight from this package, and whether
// it returns text.
func (s *state) unseenMethod(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	if mod := s.e.pass.Module; mod != nil && mod.Path != "" {
		if p != mod.Path && !strings.HasPrefix(p, mod.Path+"/") {
			return false
		}
	} else if !strings.Contains(strings.Split(p, "/")[0], ".") || s.e.m.Modelled[goapi.CanonPath(p)] {
		return false // no module (GOPATH): any package but the standard library's and the tables'
	}
	text := false
	for v := range fn.Signature().Results().Variables() {
		text = text || isString(v.Type())
	}
	return text && len(s.e.disp.Implementations(fn)) == 0
}

// markOpaque adds to every trace of t, a parameter's included, the step
// of a value made by method, a method of the program's interface with no
// implementation in sight.
func markOpaque(t taint, pos token.Pos, method string) taint {
	out := taint{}
	for k, tr := range t {
		if flagBit(k) {
			out[k] = tr
			continue
		}
		out[k] = &Trace{Pos: pos, Msg: opaqueMsg + method, Prev: tr}
	}
	return out
}

// opaqueIn is the method of the step markOpaque added to tr, or "".
func opaqueIn(tr *Trace) string {
	for ; tr != nil; tr = tr.Prev {
		if m, ok := strings.CutPrefix(tr.Msg, opaqueMsg); ok {
			return m
		}
	}
	return ""
}

// Opaque names the method of the program's own interface through which
// the data of f went when no implementation of it was in sight (the
// query builder of a connector another package provides), or "".
func Opaque(f *Flow) string {
	for _, tr := range f.Traces {
		if m := opaqueIn(tr); m != "" {
			return m
		}
	}
	return ""
}

// lookupMsg starts the trace of a record looked up by the data (see
// lookup, libraryLookup and ParamFlow.Lookup).
const lookupMsg = "looked up by "

// lookedUpBy: tr, the trace of stored state, is a lookup's.
func lookedUpBy(tr *Trace) bool { return tr != nil && strings.HasPrefix(tr.Msg, lookupMsg) }

// lookup: fn is a method of an interface of the program (not of the
// standard library or a modelled SDK) that returns a record or a list of
// them (a named struct, a pointer to one, a slice of either: a session's
// stored messages), alone or beside an error or a bool.
func (s *state) lookup(fn *types.Func) bool {
	if fn.Pkg() == nil || !strings.Contains(strings.Split(fn.Pkg().Path(), "/")[0], ".") || s.e.m.Modelled[goapi.CanonPath(fn.Pkg().Path())] {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	first := res.At(0).Type()
	if sl, ok := first.Underlying().(*types.Slice); ok {
		first = sl.Elem()
	}
	if _, named := types.Unalias(derefT(first)).(*types.Named); !named || structOf(first) == nil {
		return false
	}
	return res.Len() == 1 || types.Identical(res.At(1).Type(), errorType) || isBool(res.At(1).Type())
}

// libraryLookup: fn, a method of a library outside the analysed code
// (not the standard library, not a modelled SDK), is called on a clean
// receiver with keys only (strings and numbers) carrying the data, and
// returns a record of another type (an interface such as any, or a
// struct), alone or beside a bool or an error: a lookup in a cache, a
// key-value store or a table (modelLocalCache.Get(key),
// rdb.HGetAll(ctx, key)). A builder that returns its own type
// (db.Where(q, id)) is not one.
func (s *state) libraryLookup(fn *types.Func, ops []ssa.Value, b *ssa.BasicBlock) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || len(ops) < 2 || fn.Pkg() == nil ||
		!strings.Contains(strings.Split(fn.Pkg().Path(), "/")[0], ".") || s.e.m.Modelled[goapi.CanonPath(fn.Pkg().Path())] {
		return false
	}
	if len(s.val(ops[0], b)) > 0 {
		return false
	}
	res := sig.Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	first := res.At(0).Type()
	if types.Identical(derefT(first), derefT(sig.Recv().Type())) {
		return false
	}
	_, iface := first.Underlying().(*types.Interface)
	_, named := types.Unalias(derefT(first)).(*types.Named)
	if !iface && !(named && structOf(first) != nil) {
		return false
	}
	if res.Len() == 2 && !types.Identical(res.At(1).Type(), errorType) && !isBool(res.At(1).Type()) {
		return false
	}
	for _, a := range ops[1:] {
		if a == nil || len(s.val(a, b)) == 0 {
			continue
		}
		if bt, ok := a.Type().Underlying().(*types.Basic); !ok || bt.Info()&(types.IsString|types.IsInteger) == 0 {
			return false
		}
	}
	return true
}

// dropContexts replaces the context arguments of a call by nil: the
// callee does not read data from them (see isContext). Positions are kept,
// since tables and summaries name arguments by index.
func dropContexts(ops []ssa.Value) []ssa.Value {
	var out []ssa.Value
	for i, a := range ops {
		if a != nil && isContext(a.Type()) {
			if out == nil {
				out = slices.Clone(ops)
			}
			out[i] = nil
		}
	}
	if out == nil {
		return ops
	}
	return out
}

func isBytes(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isBuffer(t types.Type) bool {
	return goapi.IsType(t, "bytes", "Buffer") || goapi.IsType(t, "strings", "Builder")
}

func (s *state) all(ops []ssa.Value, b *ssa.BasicBlock) taint {
	var t taint
	for _, a := range ops {
		t = merge(t, s.val(a, b))
	}
	return t
}

func closureFunc(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.MakeClosure:
		f, _ := x.Fn.(*ssa.Function)
		return f
	case *ssa.Function:
		return x
	case *ssa.ChangeType:
		return closureFunc(x.X)
	case *ssa.MakeInterface:
		return closureFunc(x.X)
	}
	return nil
}

// apply uses a callee's summary at a call.
func (s *state) apply(sum *FuncFact, fn *types.Func, ops []ssa.Value, res ssa.Value, pos token.Pos, b *ssa.BasicBlock) {
	get := func(i int) ssa.Value {
		if i >= 0 && i < len(ops) {
			return ops[i]
		}
		return nil
	}
	name := shortName(fn)
	arg := func(i, field int) taint {
		if field > 0 {
			return s.fieldTaint(get(i), field-1, b)
		}
		return s.val(get(i), b)
	}
	// values is arg for a parameter the callee reads only as values of
	// its maps (ParamSink.Values): the keys stored in them are left out,
	// and the data stays marked as such for this function's callers.
	values := func(i, field int, yes bool) taint {
		if !yes {
			return arg(i, field)
		}
		s.noKeys = true
		t := arg(i, field)
		s.noKeys = false
		if holdsData(t) {
			t = merge(nil, t)
			t[valBit] = &Trace{Pos: pos}
		}
		return t
	}
	spliced := func(t taint, yes bool) taint {
		if !yes || len(t) == 0 {
			return t
		}
		t = merge(nil, t)
		t[spliceBit] = &Trace{Pos: pos, Msg: name + " adds its own text"}
		return t
	}
	stored := func(t taint, yes, lookup bool) taint {
		if !yes || len(t) == 0 {
			return t
		}
		t = merge(nil, t)
		msg := "stored by " + name
		if lookup {
			msg = lookupMsg + name
		}
		t[stateBit] = &Trace{Pos: pos, Msg: msg}
		return t
	}
	for _, f := range sum.Flows {
		t := stored(spliced(extend(values(f.From, f.Field, f.Values && f.To == Ret), pos, "passed to "+name), f.Spliced), f.State, f.Lookup)
		if f.Opaque != "" && len(t) > 0 {
			t = markOpaque(t, pos, f.Opaque)
		}
		t = withBounds(t, f.Bounds, pos)
		if f.Role && len(t) > 0 {
			t = merge(nil, t)
			t[roleBit] = &Trace{Pos: pos}
		}
		if f.To == Ret && f.Result > 0 {
			s.setPart(res, f.Result-1, t)
		} else if f.To == Ret {
			s.set(res, t)
		} else if a := get(f.To); a != nil {
			k := s.keyField(a, f.ToField)
			s.addTo(k, stored(t, s.longLived(k), false), f.Key)
		}
	}
	for _, k := range sum.Sinks {
		t := stored(spliced(values(k.Param, k.Field, k.Values), k.Spliced), k.State, k.Lookup)
		if k.Kind == NoSQL && k.Field == 0 {
			t = stored(s.queryTaint(get(k.Param), b), k.State, k.Lookup) // a query document: only its open parts
		}
		if k.Role && len(t) > 0 {
			t = merge(nil, t)
			t[roleBit] = &Trace{Pos: pos}
		}
		if len(t) > 0 && (k.Object || k.Field == 0 && s.e.objectParam(fn, k.Param)) {
			// The callee reaches the sink with the object as a whole:
			// what it reads there may be another part of it than the
			// one that holds the data (Flow.Object).
			t = merge(nil, t)
			t[objBit] = &Trace{Pos: pos, Msg: "passed inside an object to " + name}
		}
		if len(t) > 0 {
			t = extend(t, pos, "passed to "+name)
			if k.Opaque != "" {
				t = markOpaque(t, pos, k.Opaque)
			}
			s.reach(pos, k.Kind, name, k.Final, chain(name, k.Via), t)
		}
	}
	for _, src := range sum.Sources {
		key := bit(src.Kind)
		if src.RoleFixed {
			key += roleFixed
		}
		t := stored(taint{key: &Trace{Pos: pos, Msg: src.What + " read by " + name + " (at " + src.Via + ")", What: src.What}}, src.State, false)
		t = withBounds(t, src.Bounds, pos)
		if src.To == Ret && src.Result > 0 {
			s.setPart(res, src.Result-1, t)
		} else if src.To == Ret {
			s.set(res, t)
		} else if a := get(src.To); a != nil {
			k := s.keyField(a, src.ToField)
			s.addTo(k, stored(t, s.longLived(k), false), src.Key)
		}
	}
}

// addTo records what a callee wrote into memory k: as keys of a map there
// when the callee used it as keys (ParamFlow.Key), else as its contents.
func (s *state) addTo(k memKey, t taint, key bool) {
	if key {
		s.keyAdd(k, t)
		return
	}
	s.memAdd(k, t)
}

// objectParam: parameter i of fn (the receiver is 0) is an object of the
// program: a struct of its own, a pointer to one, or an interface of its
// own with methods. A summary that says such a parameter reaches a sink
// as a whole does not say which part of it does (Flow.Object). Types of
// the standard library and of the modelled SDKs (an *http.Request, an
// MCP request) are data, not objects: the data is all they hold.
func (e *engine) objectParam(fn *types.Func, i int) bool {
	sig := fn.Signature()
	var t types.Type
	if sig.Recv() != nil {
		if i == 0 {
			t = sig.Recv().Type()
		}
		i--
	}
	if t == nil {
		if i < 0 || i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
			return false
		}
		t = sig.Params().At(i).Type()
	}
	n, ok := types.Unalias(derefT(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	pkg := n.Obj().Pkg()
	if goapi.StdPackage(e.pass.Fset, pkg) || e.m.Modelled[goapi.CanonPath(pkg.Path())] {
		return false
	}
	switch u := n.Underlying().(type) {
	case *types.Struct:
		return true
	case *types.Interface:
		return u.NumMethods() > 0
	}
	return false
}

// longLived: k is memory of an object that outlives the call being
// analysed: the receiver of the method (or of the method whose function
// literal this is) or a package variable. What a callee writes there is
// the object's state, which later calls read for other purposes.
func (s *state) longLived(k memKey) bool {
	switch r := k.root.(type) {
	case *ssa.Global:
		return true
	case *ssa.Parameter:
		return s.fn.Signature.Recv() != nil && len(s.fn.Params) > 0 && r == s.fn.Params[0]
	}
	return false
}

// keyField is the memory a callee writes into through argument a: field
// toField-1 of the struct a points to when the summary names one (and a
// is that struct, not a field of another), else all of it.
func (s *state) keyField(a ssa.Value, toField int) memKey {
	k, _ := s.key(a)
	if toField > 0 && ptrStruct(a.Type()) != nil {
		switch {
		case k.field == -1:
			k.field = toField - 1
		case k.sub == -1:
			k.sub = toField - 1 // a field of the object held in k.field
		}
	}
	return k
}

// chain is the path of calls name → via, with a cycle cut out: when name
// is already on via (recursion, here or through facts), the path goes on
// from there. Without the cut, a recursive chain grows on every round of
// the fixed point and is printed unrolled.
func chain(name, via string) string {
	steps := strings.Split(via, viaSep)
	for i, st := range steps[:len(steps)-1] {
		if st == name {
			return strings.Join(steps[i:], viaSep)
		}
	}
	return name + viaSep + via
}

const viaSep = " → "

// templateExec write a template the program parsed, filled with data.
var templateExec = goapi.Set(true, "(*text/template.Template).Execute", "(*html/template.Template).Execute",
	"(*text/template.Template).ExecuteTemplate", "(*html/template.Template).ExecuteTemplate")

// formatters build a string from a format that the program wrote.
var formatters = goapi.Set(true, "fmt.Sprintf", "fmt.Errorf")

// regexpFinders return what a regular expression matched: with a safe
// pattern (safeRegexp), the result is clean.
var regexpFinders = goapi.Set(true, "(*regexp.Regexp).FindString", "(*regexp.Regexp).FindStringSubmatch",
	"(*regexp.Regexp).FindAllString", "(*regexp.Regexp).FindAllStringSubmatch", "(*regexp.Regexp).Find",
	"(*regexp.Regexp).FindSubmatch", "(*regexp.Regexp).FindAll", "(*regexp.Regexp).FindAllSubmatch")

// shellFlags are the options that make a shell run its next argument as a
// script: a program chosen at run time (lookupBash(), $SHELL) followed by
// one of these is a shell all the same.
var shellFlags = map[string]bool{"-c": true, "/c": true, "/C": true, "-lc": true, "-ic": true, "-Command": true}

// firstElem is the constant first element of the slice v, built for a
// variadic call (exec.Command(prog, "-c", line)); "" when unknown.
func firstElem(v ssa.Value) string {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return ""
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return ""
	}
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		if c, ok := ia.Index.(*ssa.Const); !ok || c.Int64() != 0 {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				return constString(st.Val)
			}
		}
	}
	return ""
}

// shells are programs whose arguments are themselves a command line.
var shells = []string{"sh", "bash", "zsh", "dash", "ksh", "fish", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"}

func (s *state) sinkCall(pos token.Pos, fn *types.Func, sm SinkModel, ops []ssa.Value, method bool, at func(int) ssa.Value, b *ssa.BasicBlock) {
	if sm.When != nil && !slices.Contains(sm.When.Values, constString(at(sm.When.Arg))) {
		return
	}
	if sm.Clause {
		s.clauseSink(pos, fn, sm, at, b) // models_sqldrivers.go
		return
	}
	what := sm.What
	if what == "" {
		what = shortName(fn)
	}
	var args []ssa.Value
	switch {
	case sm.Shell && len(sm.Args) > 0:
		prog := at(sm.Args[0])
		args = append(args, prog)
		if name := constString(prog); slices.Contains(shells, path.Base(name)) || len(sm.Args) > 1 && shellFlags[firstElem(at(sm.Args[1]))] {
			for _, i := range sm.Args[1:] {
				args = append(args, at(i))
			}
		}
	case sm.Args != nil:
		for _, i := range sm.Args {
			args = append(args, at(i))
		}
	default:
		args = ops
		if method && len(ops) > 0 {
			args = ops[1:]
		}
	}
	role := sm.Kind == SystemPrompt && roleBranch(b)
	for _, a := range args {
		t := s.val(a, b)
		if sm.Query {
			t = s.queryTaint(a, b)
			if sm.Update >= 0 && a == at(sm.Update) && len(t) > 0 {
				t = s.updateTaint(a, b) // the update document of UpdateOne
			}
		}
		if len(t) > 0 {
			if role {
				t = merge(nil, t)
				t[roleBit] = &Trace{Pos: pos}
			}
			s.reach(pos, sm.Kind, what, what, "", t)
		}
	}
}

// roleBranch: block b runs only when a message's role is the system's
// (switch msg.Role { case "system": ... }), as in code that converts a
// conversation for an SDK.
func roleBranch(b *ssa.BasicBlock) bool {
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) != 1 {
			continue
		}
		p := d.Preds[0]
		if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] != d {
			continue
		}
		ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if c, ok := ifi.Cond.(*ssa.BinOp); ok && c.Op == token.EQL && (roleCompare(c.X, c.Y) || roleCompare(c.Y, c.X)) {
			return true
		}
		// strings.EqualFold(m.Role, "system")
		if c, ok := ifi.Cond.(*ssa.Call); ok && len(c.Call.Args) == 2 && roleNormaliser(c.Common()) == "EqualFold" &&
			(roleCompare(c.Call.Args[0], c.Call.Args[1]) || roleCompare(c.Call.Args[1], c.Call.Args[0])) {
			return true
		}
	}
	return false
}

// roleCompare: v is a field named like a role, as read or as normalised
// (strings.ToLower(strings.TrimSpace(m.Role))), k the constant "system"
// or "developer".
func roleCompare(v, k ssa.Value) bool {
	switch roleText(k) {
	case "system", "developer":
	default:
		return false
	}
	for range 6 {
		switch x := v.(type) {
		case *ssa.Call:
			if n := roleNormaliser(x.Common()); n != "" && n != "EqualFold" && len(x.Call.Args) > 0 {
				v = x.Call.Args[0]
				continue
			}
		case *ssa.UnOp:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.Field:
			f, ok := fieldOf(x.X.Type(), x.Field)
			return ok && strings.Contains(strings.ToLower(f.Name), "role")
		case *ssa.FieldAddr:
			f, ok := fieldOf(x.X.Type(), x.Field)
			return ok && strings.Contains(strings.ToLower(f.Name), "role")
		}
		break
	}
	return false
}

// roleNormaliser is the name of the strings function c calls when it is
// one that code comparing a role uses to normalise it (or to compare it
// without case); "" otherwise.
func roleNormaliser(c *ssa.CallCommon) string {
	fn := callee(c)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || fn.Signature().Recv() != nil {
		return ""
	}
	switch n := fn.Name(); n {
	case "ToLower", "ToUpper", "TrimSpace", "Trim", "TrimLeft", "TrimRight", "EqualFold":
		return n
	}
	return ""
}

// shortName is how messages name a function: "exec.Command",
// "DB.Query", "buildPrompt".
func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if n := goapi.TypeName(recv.Type()); n != "" {
			return n + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func exprName(v ssa.Value) string {
	k := v
	for {
		switch x := k.(type) {
		case *ssa.Alloc:
			if x.Comment != "" {
				return x.Comment
			}
			return "a variable"
		case *ssa.FieldAddr:
			k = x.X
			continue
		case *ssa.MakeInterface:
			k = x.X
			continue
		case *ssa.Parameter:
			return x.Name()
		}
		return "a value"
	}
}

// paramSource: parameters that receive untrusted data by their shape.
// A shape added here that needs no modelled library must be known to
// sourceUser (share.go) too, or a scan may skip the packages it is in.
func paramSource(f *ssa.Function, i int) (SourceModel, bool) {
	sig := f.Signature
	params := f.Params
	// go-sdk typed tool handlers: func(ctx, *mcp.CallToolRequest, In).
	// CallToolRequest is an alias of ServerRequest[*CallToolParamsRaw], and
	// the type checker sees through aliases, so both names are checked.
	if len(params) >= 3 && i == len(params)-1 && (goapi.IsType(params[len(params)-2].Type(), "github.com/modelcontextprotocol/go-sdk/mcp", "CallToolRequest") ||
		goapi.IsType(params[len(params)-2].Type(), "github.com/modelcontextprotocol/go-sdk/mcp", "ServerRequest")) {
		return SourceModel{Kind: ToolArgs, What: "the tool's input"}, true
	}
	// genkit tool functions: func(ctx *ai.ToolContext, input In).
	if i > 0 && goapi.IsType(params[i-1].Type(), "github.com/firebase/genkit/go/ai", "ToolContext") {
		return SourceModel{Kind: ToolArgs, What: "the tool's input"}, true
	}
	// langchaingo tools: (T) Call(ctx, input string) (string, error) on a
	// type that also has Name and Description.
	if sig.Recv() != nil && f.Name() == "Call" && i == 2 && len(params) == 3 && isString(params[2].Type()) {
		ms := types.NewMethodSet(types.NewPointer(derefT(sig.Recv().Type())))
		if hasMethod(ms, "Name") && hasMethod(ms, "Description") {
			return SourceModel{Kind: ToolArgs, What: "the tool's input"}, true
		}
	}
	return SourceModel{}, false
}

func hasMethod(ms *types.MethodSet, name string) bool {
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

func derefT(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
