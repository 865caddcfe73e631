package authn

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Optional authentication: a middleware that reads a credential, turns
// away a bad one, but hands a request that carries none on to the next
// handler (it only sets the user when a token is present). It is not
// authentication: what the route does, anyone may do. It is recognised by
// what the code does with the request on the path where the credential
// is missing or the check failed:
//
//   - a branch that passes the request on under a condition that holds
//     when the credential is absent (tok == "", err != nil from reading
//     it, user == nil) or when a check said no (!valid(r), where valid
//     reads a credential and rejects nothing itself, or !evaluate(c),
//     where evaluate passes accepted requests on itself: its false means
//     "neither accepted nor rejected");
//   - a rejection only under a condition that a credential is present
//     (if tok != "" { ...401... }) followed by passing the request on.
//
// The absent/present tests are of values read from the request or
// returned by a function; the functions' kinds are only final after
// run's fixed point, so the walk records them (optCalls) and kindOf
// resolves them.

// optTest classifies cond: when it holds, the credential is absent or the
// check failed (absent), or the credential is present (present). direct
// is set when the test is of a value read from the request itself; fns
// are the functions whose results it tests (a credential reader's value,
// a checker's verdict), which decide later.
type optTest struct {
	direct bool
	fns    []*types.Func
	// verdicts: fns whose boolean verdict is negated (!check(r)): they
	// count only when they read without rejecting, or pass accepted
	// requests on themselves.
	verdicts []*types.Func
}

func (t optTest) any() bool { return t.direct || len(t.fns) > 0 || len(t.verdicts) > 0 }

// credValue reports whether e is a value read from the request or held in
// a local assigned from a call (credFrom), and which call.
func credValue(info *types.Info, e ast.Expr, fromReq map[types.Object]bool, credFrom map[types.Object]*types.Func) (direct bool, fn *types.Func) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" && len(call.Args) == 1 {
			return credValue(info, call.Args[0], fromReq, credFrom)
		}
	}
	if requestValue(info, e, fromReq) {
		return true, nil
	}
	if id, ok := e.(*ast.Ident); ok {
		if obj := info.Uses[id]; obj != nil {
			if fn := credFrom[obj]; fn != nil {
				return false, fn
			}
		}
	}
	return false, nil
}

func emptyish(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value != nil {
		switch tv.Value.ExactString() {
		case `""`, "0", "false":
			return true
		}
	}
	return false
}

// absentTest: cond holds when the credential is missing or a check said no.
func absentTest(info *types.Info, cond ast.Expr, fromReq map[types.Object]bool, credFrom map[types.Object]*types.Func) optTest {
	var t optTest
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return presentTest(info, c.X, fromReq, credFrom, true)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR:
			a, b := absentTest(info, c.X, fromReq, credFrom), absentTest(info, c.Y, fromReq, credFrom)
			return optTest{direct: a.direct || b.direct, fns: append(a.fns, b.fns...), verdicts: append(a.verdicts, b.verdicts...)}
		case token.LAND:
			// every conjunct must be about the credential: tok == "" &&
			// r.Method == "OPTIONS" lets one kind of request through.
			a, b := absentTest(info, c.X, fromReq, credFrom), absentTest(info, c.Y, fromReq, credFrom)
			if a.any() && b.any() {
				return optTest{direct: a.direct || b.direct, fns: append(a.fns, b.fns...), verdicts: append(a.verdicts, b.verdicts...)}
			}
		case token.EQL, token.NEQ:
			x, y := c.X, c.Y
			if emptyish(info, x) {
				x, y = y, x
			}
			if !emptyish(info, y) {
				return t
			}
			isErr := errLike(info.TypeOf(x))
			// tok == "", user == nil, ok == false; err != nil
			if (c.Op == token.EQL) != isErr {
				t.direct, _ = credValue(info, x, fromReq, credFrom)
				if _, fn := credValue(info, x, fromReq, credFrom); fn != nil {
					t.fns = append(t.fns, fn)
				}
			}
		}
	}
	return t
}

// presentTest: e holds when the credential is present or the check said
// yes. negated: e is under a !, so a call's verdict counts (see optTest).
func presentTest(info *types.Info, e ast.Expr, fromReq map[types.Object]bool, credFrom map[types.Object]*types.Func, negated bool) optTest {
	var t optTest
	switch c := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := goapi.Callee(info, c); fn != nil && negated && isBool(info.TypeOf(c)) {
			t.verdicts = append(t.verdicts, fn)
		}
	case *ast.Ident:
		if obj := info.Uses[c]; obj != nil && isBool(obj.Type()) {
			if fn := credFrom[obj]; fn != nil && negated {
				t.verdicts = append(t.verdicts, fn)
			}
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			a, b := presentTest(info, c.X, fromReq, credFrom, negated), presentTest(info, c.Y, fromReq, credFrom, negated)
			return optTest{direct: a.direct || b.direct, fns: append(a.fns, b.fns...), verdicts: append(a.verdicts, b.verdicts...)}
		case token.EQL, token.NEQ:
			x, y := c.X, c.Y
			if emptyish(info, x) {
				x, y = y, x
			}
			if !emptyish(info, y) {
				return t
			}
			isErr := errLike(info.TypeOf(x))
			// tok != "", user != nil; err == nil
			if (c.Op == token.NEQ) != isErr {
				direct, fn := credValue(info, x, fromReq, credFrom)
				t.direct = direct
				if fn != nil {
					t.fns = append(t.fns, fn)
				}
			}
		}
	}
	return t
}

func isBool(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// rejectsIn reports whether the code under n turns a request away by
// itself: a 401 or 403, a rejection call or variable.
func rejectsIn(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BasicLit:
			found = goapi.IsAuthStatus(info, n)
		case *ast.CallExpr:
			if fn := goapi.Callee(info, n); fn != nil && goapi.Rejections[goapi.Of(fn)] {
				found = true
			}
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.Const:
				v := obj.Val().ExactString()
				found = v == "401" || v == "403"
			case *types.Var:
				found = goapi.IsRejectionVar(obj)
			}
		}
		return !found
	})
	return found
}

// optionalIf looks at one if statement, followed by rest in its block,
// for the two shapes of optional authentication and adds what it finds
// to b.
func optionalIf(info *types.Info, ifs *ast.IfStmt, rest []ast.Stmt, fromReq map[types.Object]bool, credFrom map[types.Object]*types.Func, credVals map[types.Object]bool, b *body) {
	var t optTest
	switch {
	case ifs.Else == nil && returns(ifs.Body) && !passesOn(info, ifs.Body) && !rejectsIn(info, ifs.Body) && passesOnAfter(info, rest):
		// if userID == nil { writeJSON(w, notSignedIn); return }; next(w, r):
		// a middleware that answers a request whose credential is missing
		// itself, whatever status it sends, and only passes the others on
		// turns it away.
		if absentTest(info, ifs.Cond, fromReq, credFrom).direct && mentions(info, ifs.Cond, credVals) {
			b.rejects = true
			b.optStrict = true
		}
	case passesOn(info, ifs.Body) && !rejectsIn(info, ifs.Body):
		t = absentTest(info, ifs.Cond, fromReq, credFrom)
	case ifs.Else != nil && passesOn(info, ifs.Else) && !rejectsIn(info, ifs.Else):
		t = presentTest(info, ifs.Cond, fromReq, credFrom, false)
		// if valid(r) {...} else { next }: the else is !valid(r)
		if c, ok := ast.Unparen(ifs.Cond).(*ast.CallExpr); ok {
			if fn := goapi.Callee(info, c); fn != nil && isBool(info.TypeOf(c)) {
				t.verdicts = append(t.verdicts, fn)
			}
		}
	case ifs.Else == nil && rejectsIn(info, ifs.Body):
		// if tok == "" { 401 }: the code turns away a request without a
		// credential somewhere, whatever else it does
		if absentTest(info, ifs.Cond, fromReq, credFrom).any() {
			b.optStrict = true
		} else if passesOnAfter(info, rest) {
			t = presentTest(info, ifs.Cond, fromReq, credFrom, false)
		}
	}
	b.optDirect = b.optDirect || t.direct
	b.optCalls = append(b.optCalls, t.fns...)
	b.optVerdicts = append(b.optVerdicts, t.verdicts...)
}

func passesOnAfter(info *types.Info, rest []ast.Stmt) bool {
	for _, st := range rest {
		if passesOn(info, st) {
			return true
		}
	}
	return false
}

// optional reports whether what the walk recorded makes the code optional
// authentication, once the kinds of the functions are known.
func (r *Result) optional(b body) bool {
	if b.optStrict {
		return false
	}
	if b.optDirect {
		return true
	}
	if !r.optReady {
		return false
	}
	for _, fn := range b.optCalls {
		if r.Func(fn)&(Reads|Checks) != 0 {
			return true
		}
	}
	for _, fn := range b.optVerdicts {
		k := r.Func(fn)
		if k&Reads != 0 && k&Checks == 0 {
			return true // a validator: its false is "no valid credential"
		}
		if k&(Checks|Rejects) != 0 && r.passes[fn.Origin()] {
			return true // a middleware of its own: its false is "not handled"
		}
	}
	return false
}

// kindOf is b's kind with optional authentication counted as reading a
// credential, not checking one.
func (r *Result) kindOf(b body) Kind {
	k := b.kind()
	if k&Checks != 0 && r.optional(b) {
		k &^= Checks | PeerChecks
		k |= Reads
	}
	return k
}

// errLike: values of t are errors: the error interface, or a concrete
// error type (err *AuthError from a checker that returns one): nil means
// no error either way.
func errLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if isErrorType(t) {
		return true
	}
	iface, _ := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && iface != nil && types.Implements(t, iface)
}

// mentions: e uses a local of vars.
func mentions(info *types.Info, e ast.Expr, vars map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}
