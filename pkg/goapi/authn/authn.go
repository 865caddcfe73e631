// Package authn is an analyzer that finds the functions that authenticate
// a request: middleware and helpers that read a credential (basic auth, an
// Authorization or API-key header, a session cookie, a JWT or OIDC token,
// or any request value the code compares with a secret it holds) and
// answer 401 or 403 (or abort the chain) when it is missing or wrong,
// directly or by calling such a function, in the same package or, through
// facts, in any package it imports. Known auth middleware of the web
// frameworks (goapi.AuthMiddleware) count too. Rules ask it whether the
// middleware on a route, or the handler itself, checks who is calling.
package authn

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/funcvals"
	"github.com/apiaudit/apiaudit/pkg/ident"
)

// Kind is what a function does about authentication.
type Kind uint8

const (
	// Reads: the function reads or verifies a credential but does not
	// itself turn the request away (a helper such as tokenFrom(r)).
	Reads Kind = 1 << iota
	// Checks: the function reads a credential and rejects the request
	// without one, or calls a function that does, or is a known auth
	// middleware. A middleware, a handler or a helper with this kind
	// authenticates.
	Checks
	// HostChecks: the function reads the Host the request was sent to and
	// rejects the request on some path (a DNS-rebinding guard of the
	// program's own), or calls a function that does. It is not
	// authentication; GO103 counts it as the protection an MCP SDK's own
	// localhost check gives.
	HostChecks
	// Rejects: the function turns a request away (answers 401 or 403, or
	// aborts the chain) without reading a credential itself: a helper
	// such as write401(w, ...). A function that reads a credential and
	// calls it checks. It stays within the package: facts carry the
	// other kinds only.
	Rejects
	// PeerChecks: the function checks credentials, and the credential is
	// an identity header that a host (goapi.Hosts) sets only on requests
	// from another server-side plugin of the same host (goapi.HostPeer),
	// or it calls a function that does. The callers that pass it are
	// programs of the host's operator, not end users.
	PeerChecks
)

// Fact is exported for every function that reads or checks credentials.
type Fact struct {
	Kind Kind
	// Unless, for a check, is a condition that does not depend on the
	// request under which the function lets every request through
	// (if !cfg.RequireOAuth { next.ServeHTTP(w, r); return }): a setting
	// that switches the check off.
	Unless string
	// Optional: the function reads a credential and may turn a bad one
	// away, but hands a request without one on (optional.go). It is not
	// a check; the field keeps a name such as OptionalAuth from counting
	// as one (Guard's name fallback).
	Optional bool
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var s string
	switch {
	case f.Kind&Checks != 0:
		s = "checks credentials"
	case f.Kind&Reads != 0:
		s = "reads credentials"
	case f.Kind&Rejects != 0:
		s = "answers 401 or 403"
	}
	if f.Kind&PeerChecks != 0 {
		s += " (a host's plugin-to-plugin header)"
	}
	if f.Kind&HostChecks != 0 {
		if s != "" {
			s += ", "
		}
		s += "checks the host"
	}
	if f.Unless != "" {
		s += " unless " + f.Unless
	}
	if f.Optional {
		s += ", lets requests without one through"
	}
	return s
}

// Optional reports whether fn reads a credential but lets a request
// without one through (see Fact.Optional).
func (r *Result) Optional(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.opt[fn]
	}
	var f Fact
	return r.pass.ImportObjectFact(fn, &f) && f.Optional
}

// Choice is exported for a function that returns an interface value and
// chooses its concrete type (a constructor that returns a no-op
// implementation when a setting is off): each type it returns, and the
// condition under which it does, as written in the function.
type Choice struct {
	Returns []Returned
	// Partial: the function also returns interface values of other
	// origins (another call's result), so Returns may not be all.
	Partial bool
}

// Returned is one concrete type a function returns as an interface value.
type Returned struct {
	Type string // package path and name: example.com/mw.Noop
	When string // the condition, as source text; "" when unconditional
}

func (*Choice) AFact() {}

func (c *Choice) String() string {
	s := "returns"
	if c.Partial {
		s = "returns, among others,"
	}
	for i, r := range c.Returns {
		if i > 0 {
			s += ";"
		}
		s += " " + r.Type
		if r.When != "" {
			s += " when " + r.When
		}
	}
	return s
}

// ExtraNames, when set, returns user-named auth functions (rule options,
// in table notation) that count as Checks.
var ExtraNames func() []string

// Analyzer computes the facts and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditauthn",
	Doc:        "finds functions that authenticate requests (read a credential and answer 401/403)",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcvals.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact), new(Choice), new(HiddenFacts), new(ChainFact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result answers questions about the functions of the package and its
// dependencies.
type Result struct {
	pass  *analysis.Pass
	extra goapi.Table[bool]
	// cmpSecret memoizes comparesWithSecret; declOf is the package's
	// function declarations, built on its first call.
	cmpSecret map[*types.Func]bool
	declOf    map[*types.Func]*ast.FuncDecl
	local     map[*types.Func]Kind
	unless    map[*types.Func]string
	choices   map[*types.Func]*Choice
	// chains holds the package's middleware chain methods (chain.go).
	chains map[*types.Func]*ChainFact
	// vals resolves calls of function values taken from storage
	// (funcvals); inLit guards literals that reach themselves.
	vals  *funcvals.Result
	inLit map[*ast.FuncLit]bool
	// lits holds what the walk of a literal's body found, so that a body
	// is walked once per phase however many calls of function values may
	// run it (each such call considers every literal of its signature, and
	// the bodies call further values: walking them again at every call
	// was exponential in the nesting, 40% of a scan of mcp-go). skipped
	// counts literals left out because they reach themselves: a walk
	// during which that happened depends on its path and is not kept.
	lits    map[litKey]litWalk
	skipped int
	// cyc holds, for the length of the outermost walk (depth counts the
	// walks under way), the literal walks that lits cannot keep: a
	// literal in a cycle of literals is walked once per outermost walk
	// rather than once per path that reaches it (the paths are
	// exponential in the cycle's length: signoz-mcp-server's tool
	// options, each applying options of the same type, took a scan that
	// never ended).
	cyc   map[litKey]litWalk
	depth int
	walks int  // bodies walked (see TestWalkOnce)
	done  bool // run has finished: local and unless are final
	// optReady: the kinds of the package's functions are known well enough
	// to tell optional authentication (see optional.go); passes holds the
	// package's functions that hand the request on themselves.
	optReady bool
	passes   map[*types.Func]bool
	opt      map[*types.Func]bool // the package's optional checks
	mu       sync.Mutex           // Node and Bypass may be called by analyzers at once
	// disp resolves calls through interfaces (iface.go); dmu guards it,
	// since Func may be called by analyzers at once.
	disp *goapi.Dispatcher
	dmu  sync.Mutex
	// work bounds the walks of the package and its guards' steps (see
	// pkg/budget): once spent, a walk finds nothing and the scan says so.
	work *budget.Budget
	// host is the host the package is a plugin of (goapi.HostOf): its
	// identity headers are credentials here.
	host *goapi.Host
}

// litKey is a literal and the phase of the walk: the first walk of run
// with its deferred functions (0) or without (1), or after run (2).
type litKey struct {
	lit   *ast.FuncLit
	phase uint8
}

// litWalk is what a walk of a literal's body found, and the functions it
// handed to the deferred callback (replayed when the walk is reused).
type litWalk struct {
	b        body
	deferred []*types.Func
}

// walkLit walks the body of lit, a function a call of a function value
// may run, once per phase.
func (r *Result) walkLit(lit *ast.FuncLit, deferred func(*types.Func) bool) body {
	key := litKey{lit: lit, phase: 2}
	if !r.done {
		key.phase = 1
		if deferred != nil {
			key.phase = 0
		}
		// The two walks of the first phase find the same: a function
		// deferred is one of this package that no table knows, which
		// r.Func counts as nothing until run's fixed point. A walk
		// with the callback serves both; one without cannot replay it.
		for _, m := range []map[litKey]litWalk{r.lits, r.cyc} {
			if w, ok := m[litKey{lit: lit, phase: 0}]; ok {
				if deferred != nil {
					for _, fn := range w.deferred {
						deferred(fn)
					}
				}
				return w.b
			}
		}
	}
	for _, m := range []map[litKey]litWalk{r.lits, r.cyc} {
		if w, ok := m[key]; ok {
			for _, fn := range w.deferred {
				deferred(fn)
			}
			return w.b
		}
	}
	var rec []*types.Func
	d := deferred
	if deferred != nil {
		d = func(fn *types.Func) bool {
			if deferred(fn) {
				rec = append(rec, fn)
				return true
			}
			return false
		}
	}
	skipped := r.skipped
	r.inLit[lit] = true
	b := r.walk(lit.Body, d)
	delete(r.inLit, lit)
	switch {
	case r.skipped == skipped:
		if r.lits == nil {
			r.lits = map[litKey]litWalk{}
		}
		r.lits[key] = litWalk{b: b, deferred: rec}
	default:
		if r.cyc == nil {
			r.cyc = map[litKey]litWalk{}
		}
		r.cyc[key] = litWalk{b: b, deferred: rec}
	}
	return b
}

// The authentication analysis of a package may walk bodies (and its
// guards take steps) WalkFloor times plus WalksPerByte for each byte of
// the package's source; see docs/performance.md for what real projects
// use.
var (
	WalkFloor    int64 = 200_000
	WalksPerByte int64 = 1
)

// Unless is the setting under which fn, a check, lets every request
// through (see Fact.Unless); "" when none.
func (r *Result) Unless(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	if u, ok := r.unless[fn]; ok {
		return u
	}
	if fn.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(fn, &f) {
			return f.Unless
		}
	}
	return ""
}

// Bypass is the setting under which the code under n lets every request
// through (see Fact.Unless), when it checks credentials; "" otherwise.
func (r *Result) Bypass(n ast.Node) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.walk(n, nil)
	if r.kindOf(b)&Checks == 0 {
		return ""
	}
	return b.unless
}

// HiddenFacts carries the kinds of a package's unexported functions whose
// values it stores (funcvals.Unexported), which the drivers do not pass
// on as object facts.
type HiddenFacts struct {
	Names []string
	Kinds []Kind
}

func (*HiddenFacts) AFact() {}

func (f *HiddenFacts) String() string {
	var parts []string
	for i, name := range f.Names {
		parts = append(parts, name+" "+(&Fact{Kind: f.Kinds[i]}).String())
	}
	return "stored: " + strings.Join(parts, "; ")
}

// Func is what fn does about credentials; 0 when nothing.
func (r *Result) Func(fn *types.Func) Kind {
	if fn == nil {
		return 0
	}
	fn = fn.Origin()
	if goapi.AuthMiddleware[goapi.Of(fn)] || r.extra[goapi.Of(fn)] {
		return Reads | Checks
	}
	if isInterfaceMethod(fn) {
		return r.ifaceKind(fn)
	}
	if k, ok := r.local[fn]; ok {
		return k
	}
	if fn.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(fn, &f) {
			return f.Kind
		}
		var hf HiddenFacts
		if funcvals.Hidden(fn) && r.pass.ImportPackageFact(fn.Pkg(), &hf) {
			if i := slices.Index(hf.Names, fn.Name()); i >= 0 {
				return hf.Kinds[i]
			}
		}
	}
	return 0
}

// Node is what the code under n does about credentials, including inside
// function literals. Code that registers routes is never an auth check:
// it only mentions the middleware it puts on them.
func (r *Result) Node(n ast.Node) Kind {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.walk(n, nil)
	if b.registers {
		return 0
	}
	return r.kindOf(b)
}

// Choices is what fn returns as an interface value, when it chooses
// among concrete types (see Choice); nil when nothing is known.
func (r *Result) Choices(fn *types.Func) *Choice {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if c, ok := r.choices[fn]; ok {
		return c
	}
	if fn.Pkg() != r.pass.Pkg {
		var c Choice
		if r.pass.ImportObjectFact(fn, &c) {
			return &c
		}
	}
	return nil
}

// body is what a walk of some code found.
type body struct {
	reads, rejects, checks, registers, host, hostChecks bool
	unless                                              string // see Fact.Unless
	// peer: a read of a host's identity header of another plugin
	// (goapi.HostPeer); peerChecks: a call of a function that checks one.
	peer, peerChecks bool
	// optional authentication (see optional.go): a test of a value read
	// from the request (optDirect), or of functions' results whose kinds
	// decide.
	optDirect, optStrict  bool
	optCalls, optVerdicts []*types.Func
}

// add counts a call to a function of kind k.
func (b *body) add(k Kind) {
	if k&Checks != 0 {
		b.checks = true
	} else if k&Reads != 0 {
		b.reads = true
	}
	if k&Rejects != 0 {
		b.rejects = true
	}
	if k&HostChecks != 0 {
		b.hostChecks = true
	}
	if k&PeerChecks != 0 {
		b.peerChecks = true
	}
}

func (b body) kind() Kind {
	var k Kind
	if b.reads || b.checks {
		k |= Reads
	}
	if b.checks || b.reads && b.rejects {
		k |= Checks
	}
	if b.hostChecks || b.host && b.rejects {
		k |= HostChecks
	}
	if b.peerChecks || b.peer && b.rejects {
		k |= PeerChecks
	}
	if b.rejects && k == 0 {
		k |= Rejects
	}
	return k
}

// walk looks at the code under n. A function it mentions counts by what
// r.Func knows of it, unless deferred returns true for it (the caller then
// counts it later, by its final kind).
func (r *Result) walk(n ast.Node, deferred func(*types.Func) bool) (b body) {
	info := r.pass.TypesInfo
	r.walks++
	if !r.work.Spend() {
		return b
	}
	r.depth++
	defer func() {
		if r.depth--; r.depth == 0 {
			clear(r.cyc) // what a cycle gave holds for this walk only
		}
	}()
	fromReq := map[types.Object]bool{}         // locals holding a value the client sent
	credFrom := map[types.Object]*types.Func{} // locals holding a function's result
	credVals := map[types.Object]bool{}        // locals holding a credential read here (or what was found with it)
	rest := map[*ast.IfStmt][]ast.Stmt{}       // the statements after an if in its block
	before := map[*ast.IfStmt]ast.Stmt{}       // the statement before an if in its block
	assign := func(n *ast.AssignStmt) {
		if len(n.Rhs) != 1 {
			return
		}
		req := requestValue(info, n.Rhs[0], fromReq)
		cred := credentialValue(info, n.Rhs[0], credVals)
		var fn *types.Func
		if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
			fn = goapi.Callee(info, call)
		}
		for _, lhs := range n.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) != nil {
				if req {
					fromReq[info.ObjectOf(id)] = true
				}
				if cred {
					credVals[info.ObjectOf(id)] = true
				}
				if fn != nil {
					credFrom[info.ObjectOf(id)] = fn
				}
			}
		}
	}
	if blk, ok := n.(*ast.BlockStmt); ok {
		defer func() {
			if b.unless == "" {
				b.unless = r.bypass(info, blk, fromReq)
			}
		}()
	}
	root := n
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			assign(n)
		case *ast.BlockStmt:
			for i, st := range n.List {
				if ifs, ok := st.(*ast.IfStmt); ok {
					rest[ifs] = n.List[i+1:]
					if i > 0 {
						before[ifs] = n.List[i-1]
					}
				}
			}
		case *ast.IfStmt:
			if as, ok := n.Init.(*ast.AssignStmt); ok {
				assign(as)
			}
			if r.verifyIf(n, before[n], fromReq) {
				b.checks = true // a signature check of the request that turns a bad one away
			}
			optionalIf(info, n, rest[n], fromReq, credFrom, credVals, &b)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && requestValue(info, n.Values[i], fromReq) {
					fromReq[info.Defs[name]] = true
				}
			}
		case *ast.BinaryExpr:
			// key != s.apiKey: a value the client sent compared with one
			// the server holds is a credential check, whatever its name.
			if (n.Op == token.EQL || n.Op == token.NEQ) &&
				(requestValue(info, n.X, fromReq) && secret(info, n.Y) || requestValue(info, n.Y, fromReq) && secret(info, n.X)) {
				b.reads = true
			}
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if fn == nil {
				// A function value taken from storage does what every
				// function it may be does (funcvals): authentication is
				// a must, so a table that mixes a check with a logger
				// (a chain helper's mws[i]) checks nothing for sure.
				t := r.vals.Call(root, n)
				var kinds []Kind
				for _, fn := range t.Funcs() {
					if deferred == nil || !deferred(fn) {
						kinds = append(kinds, r.Func(fn))
					}
				}
				for _, lit := range t.Lits() {
					if r.inLit[lit] {
						r.skipped++
						continue
					}
					if lb := r.walkLit(lit, deferred); !lb.registers {
						kinds = append(kinds, r.kindOf(lb))
					}
				}
				if len(kinds) > 0 {
					all := kinds[0]
					for _, k := range kinds[1:] {
						all &= k
					}
					b.add(all)
				}
				return true
			}
			if goapi.SecretCompares[goapi.Of(fn)] {
				for _, a := range n.Args {
					if requestValue(info, a, fromReq) {
						b.reads = true
					}
				}
			}
			if c, ok := goapi.Routers.Lookup(fn); ok && (c.Kind == goapi.RouteRegister || c.Kind == goapi.RouteUse) {
				b.registers = true
			}
			if goapi.Rejections[goapi.Of(fn)] {
				b.rejects = true
			}
			if authByName(r.pass, fn, info, n, r.Func) {
				b.reads = true // manager.Authenticate(ctx, c.Request)
			}
			if a, ok := goapi.CredentialReads.Lookup(fn); ok && credentialArg(info, n, a) {
				b.reads = true
			} else if ok && !a.Cookie && a.Arg >= 0 && a.Arg < len(n.Args) {
				r.hostHeader(&b, goapi.ConstString(info, n.Args[a.Arg]))
			}
			if goapi.Of(fn).String() == "(net/http.Header).Get" && len(n.Args) == 1 && strings.EqualFold(goapi.ConstString(info, n.Args[0]), "Host") {
				b.host = true
			}
		case *ast.FuncLit:
			if b.unless == "" {
				b.unless = r.bypass(info, n.Body, fromReq)
			}
		case *ast.SelectorExpr: // r.Host: the host the request was sent to
			if n.Sel.Name == "Host" && goapi.IsType(info.TypeOf(n.X), "net/http", "Request") {
				b.host = true
			}
		case *ast.IndexExpr: // r.Header["Authorization"]
			if goapi.IsType(info.TypeOf(n.X), "net/http", "Header") {
				if name := goapi.ConstString(info, n.Index); goapi.IsCredentialHeader(name) {
					b.reads = true
				} else {
					r.hostHeader(&b, name)
				}
			}
		case *ast.BasicLit:
			if goapi.IsAuthStatus(info, n) {
				b.rejects = true
			}
		case *ast.Ident:
			obj := info.Uses[n]
			switch obj := obj.(type) {
			case *types.Const:
				if v := obj.Val().ExactString(); v == "401" || v == "403" {
					b.rejects = true
				}
			case *types.Var:
				if goapi.IsRejectionVar(obj) {
					b.rejects = true
				}
			case *types.Func:
				if deferred == nil || !deferred(obj) {
					b.add(r.Func(obj))
				}
			}
		}
		return true
	})
	return b
}

// hostHeader counts a read of the header name: in a plugin of a host
// (goapi.Hosts), a header the host sets to say who is calling, and
// removes from what clients send, is a credential. Rejecting a request
// without it authenticates; anywhere else it is a client's header like
// any other.
func (r *Result) hostHeader(b *body, name string) {
	h := r.host.Header(name)
	if h == nil {
		return
	}
	b.reads = true
	if h.Caller == goapi.HostPeer {
		b.peer = true
	}
}

// requestValue reports whether e holds a value the client sent: a call of
// goapi.RequestValues (not one named like an Origin or CSRF header), or
// code built on one or on a local that holds one
// (strings.TrimPrefix(r.Header.Get("X-Internal-Key"), ...), []byte(key)).
func requestValue(info *types.Info, e ast.Expr, fromReq map[types.Object]bool) bool {
	return builtOn(info, e, fromReq, func(n *ast.CallExpr) bool {
		i, fn, ok := goapi.RequestValues.Call(info, n)
		return ok && fn != nil && (i < 0 || i >= len(n.Args) || !goapi.IsNotCredential(goapi.ConstString(info, n.Args[i])))
	})
}

// builtOn reports whether e, outside function literals, uses a local of
// vars or holds a call for which from is true.
func builtOn(info *types.Info, e ast.Expr, vars map[types.Object]bool, from func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			found = found || vars[info.Uses[n]]
		case *ast.CallExpr:
			found = found || from(n)
		}
		return !found
	})
	return found
}

// secret reports whether e can be a secret the server holds: not a
// constant (key == "" tests presence, ct == "application/json" is content
// negotiation) and not nil.
func secret(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value == nil && !tv.IsNil()
}

// credentialValue reports whether e reads a credential (a call of
// goapi.CredentialReads on a credential's name) or is built on a local
// that holds one (session.Values["user_id"] of a session read from its
// cookie).
func credentialValue(info *types.Info, e ast.Expr, credVals map[types.Object]bool) bool {
	return builtOn(info, e, credVals, func(n *ast.CallExpr) bool {
		fn := goapi.Callee(info, n)
		if fn == nil {
			return false
		}
		a, ok := goapi.CredentialReads.Lookup(fn)
		return ok && credentialArg(info, n, a)
	})
}

func credentialArg(info *types.Info, call *ast.CallExpr, a goapi.CredentialArg) bool {
	if a.Arg < 0 {
		return true
	}
	if a.Arg >= len(call.Args) {
		return false
	}
	name := goapi.ConstString(info, call.Args[a.Arg])
	if a.Cookie {
		return goapi.IsCredentialCookie(name)
	}
	return goapi.IsCredentialHeader(name)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, local: map[*types.Func]Kind{}, unless: map[*types.Func]string{}, choices: map[*types.Func]*Choice{}, inLit: map[*ast.FuncLit]bool{}}
	res.vals, _ = pass.ResultOf[funcvals.Analyzer].(*funcvals.Result)
	if ExtraNames != nil {
		t, err := goapi.ParseNames(true, ExtraNames())
		if err != nil {
			return nil, fmt.Errorf("auth middleware option: %w", err)
		}
		res.extra = t
	}
	if goapi.InGOROOT(pass.Fset, pass.Files) {
		// The standard library authenticates no one: its credential
		// readers are in goapi's tables.
		return res, nil
	}
	res.work = goapi.PackageBudget(pass, "authentication analysis", WalkFloor, WalksPerByte)
	res.host = goapi.HostOf(pass.Pkg)
	// Each body is walked once, into what Node finds in it apart from the
	// functions of this package it calls; those are looked up again in
	// every round of the fixed point.
	type decl struct {
		fn    *types.Func
		body  body
		local []*types.Func
		// always: the function answers 401 or 403 on every path (see
		// alwaysRejects); only such a rejection is told to other packages.
		always bool
	}
	var decls []decl
	for fn, fbody := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		var local []*types.Func
		b := res.walk(fbody, func(used *types.Func) bool {
			// An interface method is looked up again in every round too:
			// its implementations may be functions of this package.
			if o := used.Origin(); o.Pkg() == pass.Pkg && res.Func(o) == 0 || isInterfaceMethod(o) { // not in a table
				local = append(local, o)
				return true
			}
			return false
		})
		if !b.registers {
			decls = append(decls, decl{fn, b, local, alwaysRejects(pass.TypesInfo, pass.Pkg, fbody, res.Func)})
		}
	}
	// Kinds only grow, so this reaches a fixed point. A second one, once
	// the first has told which functions read, check or reject, counts
	// optional authentication as reading only (see optional.go): it
	// starts again from nothing, so that the callers of an optional check
	// do not keep the Checks the first one gave them.
	res.passes = map[*types.Func]bool{}
	for fn, fbody := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		if passesOn(pass.TypesInfo, fbody) {
			res.passes[fn] = true
		}
	}
	// settle runs the fixed point; a function in opt reads rather than
	// checks.
	settle := func(opt map[*types.Func]bool) {
		for changed := true; changed; {
			changed = false
			for _, d := range decls {
				b := d.body
				for _, fn := range d.local {
					b.add(res.localKind(fn))
				}
				k := b.kind()
				if opt[d.fn] && k&Checks != 0 {
					k = k&^(Checks|PeerChecks) | Reads
				}
				if k|res.local[d.fn] != res.local[d.fn] {
					res.local[d.fn] |= k
					changed = true
				}
			}
		}
	}
	settle(nil)
	var optional []*types.Func
	res.optReady = true
	for _, d := range decls {
		if res.local[d.fn]&Checks != 0 && res.optional(d.body) {
			optional = append(optional, d.fn)
		}
	}
	if len(optional) > 0 {
		// optional decides by the first fixed point's kinds, which the
		// second does not change for the functions it consults.
		opt := map[*types.Func]bool{}
		for _, fn := range optional {
			opt[fn] = true
		}
		res.opt = opt
		res.local = map[*types.Func]Kind{}
		settle(opt)
	}
	// A check that lets requests through under a setting, or that calls
	// one that does.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			// A helper that only reads (if !m.authenticate(r) {...})
			// carries its setting to the check that calls it.
			if res.local[d.fn]&(Checks|Reads) == 0 || res.unless[d.fn] != "" {
				continue
			}
			u := d.body.unless
			for _, fn := range d.local {
				if u == "" {
					u = res.unless[fn]
				}
			}
			if u != "" {
				res.unless[d.fn] = u
				changed = true
			}
		}
	}
	always := map[*types.Func]bool{}
	for _, d := range decls {
		always[d.fn] = d.always
		k := res.local[d.fn]
		if !d.always {
			k &^= Rejects
		}
		if k != 0 && exportable(d.fn) {
			pass.ExportObjectFact(d.fn, &Fact{Kind: k, Unless: res.unless[d.fn], Optional: res.opt[d.fn]})
		}
	}
	res.chains = map[*types.Func]*ChainFact{}
	for fn, fbody := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		if f := chainFact(pass.TypesInfo, fn, fbody); f != nil {
			res.chains[fn] = f
			if exportable(fn) {
				pass.ExportObjectFact(fn, f)
			}
		}
		if c := choices(pass.Fset, pass.TypesInfo, fn, fbody); c != nil {
			res.choices[fn] = c
			if exportable(fn) {
				pass.ExportObjectFact(fn, c)
			}
		}
	}
	var hf HiddenFacts
	for _, fn := range res.vals.Unexported() {
		k := res.local[fn]
		if !always[fn] {
			k &^= Rejects
		}
		if k != 0 {
			hf.Names = append(hf.Names, fn.Name())
			hf.Kinds = append(hf.Kinds, k)
		}
	}
	if len(hf.Names) > 0 {
		pass.ExportPackageFact(&hf)
	}
	res.done = true
	return res, nil
}

// authByName: call hands the request to a function of another package,
// about which facts say nothing, whose name says it authenticates
// (manager.Authenticate(ctx, c.Request), verifier.VerifyToken(r)): the
// credential is read there, through code the analysis cannot see into (an
// interface of providers registered at run time). It reads a credential;
// turning the request away on its error still has to be seen to make the
// caller a check.
func authByName(pass *analysis.Pass, fn *types.Func, info *types.Info, call *ast.CallExpr, kind func(*types.Func) Kind) bool {
	if fn.Pkg() == nil || fn.Pkg() == pass.Pkg || kind(fn)&(Reads|Checks) != 0 || !authName(fn.Name()) {
		return false
	}
	for _, a := range call.Args {
		t := info.TypeOf(a)
		if t == nil {
			continue
		}
		if goapi.IsType(t, "net/http", "Request") || goapi.IsType(t, "net/http", "Header") ||
			goapi.IsType(t, "github.com/gin-gonic/gin", "Context") || goapi.IsType(t, "github.com/labstack/echo", "Context") ||
			goapi.IsType(t, "github.com/gofiber/fiber", "Ctx") {
			return true
		}
	}
	return false
}

// alwaysRejects reports whether the function body answers 401 or 403
// whatever the request: a statement of its own block, outside any branch,
// holds the status (return &APIError{Status: http.StatusUnauthorized},
// http.Error(w, msg, 401)) or calls a function of another package known to
// do so. Such a function (an error constructor, a write401 helper) is a
// rejection wherever it is called from. A function that only mentions the
// status in one branch (a mapping from error kinds to statuses) is not told
// to other packages: a caller of it rejects nothing for sure.
func alwaysRejects(info *types.Info, pkg *types.Package, body *ast.BlockStmt, kind func(*types.Func) Kind) bool {
	for _, st := range body.List {
		switch st.(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt, *ast.BlockStmt, *ast.LabeledStmt:
			continue
		}
		if rejectsIn(info, st) {
			return true
		}
		found := false
		ast.Inspect(st, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !found {
				fn, _ := info.Uses[id].(*types.Func)
				found = fn != nil && fn.Pkg() != nil && fn.Pkg() != pkg && kind(fn)&Rejects != 0
			}
			_, lit := n.(*ast.FuncLit)
			return !found && !lit
		})
		if found {
			return true
		}
	}
	return false
}

func exportable(fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		return goapi.TypeName(recv.Type()) != "" || types.IsInterface(recv.Type())
	}
	return fn.Parent() == fn.Pkg().Scope()
}

// verifyIf reports whether ifs turns the request away (its body returns)
// when a verification of the request fails: the verification's error or
// negated result is the condition (if err != nil, with err from the
// statement before or the if's own init; if !verify(...)). A
// verification is a call that takes the request, or a value read from
// it, beside a secret the server holds (webhook.ParseRequest(p.secret, r),
// github.ValidatePayload(r, key)), or a function of the package that
// compares one of its parameters with a value it works out from a secret
// (a signature of the body made with the server's token), whatever it is
// handed (a caller may have read it from the request). Whatever the
// status it answers (400 is common), the request goes no further.
func (r *Result) verifyIf(ifs *ast.IfStmt, prev ast.Stmt, fromReq map[types.Object]bool) bool {
	if !returns(ifs.Body) {
		return false
	}
	info := r.pass.TypesInfo
	switch c := ast.Unparen(ifs.Cond).(type) {
	case *ast.UnaryExpr: // if !verify(...)
		if call, ok := ast.Unparen(c.X).(*ast.CallExpr); ok && c.Op == token.NOT {
			return r.verifies(call, fromReq)
		}
	case *ast.BinaryExpr: // if err != nil
		id, ok := ast.Unparen(c.X).(*ast.Ident)
		if !ok || c.Op != token.NEQ || !isNil(info, c.Y) {
			return false
		}
		errObj := info.ObjectOf(id)
		for _, st := range []ast.Stmt{ifs.Init, prev} {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			for _, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == errObj && errObj != nil {
					return r.verifies(call, fromReq)
				}
			}
		}
	}
	return false
}

// verifies: call verifies the request (see verifyIf).
func (r *Result) verifies(call *ast.CallExpr, fromReq map[types.Object]bool) bool {
	info := r.pass.TypesInfo
	fn := goapi.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
		return false
	}
	req, key := false, false
	for _, a := range call.Args {
		t := info.TypeOf(a)
		switch {
		case t != nil && (goapi.IsType(t, "net/http", "Request") || goapi.IsType(t, "net/http", "Header")), requestValue(info, a, fromReq):
			req = true
		case secret(info, a) && secretNamed(a) && serverHeld(info, a):
			key = true
		}
	}
	if fn.Pkg() == r.pass.Pkg && r.comparesWithSecret(fn) {
		return true // what it is handed came from the request, here or in a caller
	}
	return req && key
}

// secretNamed: e is a variable or field whose name says it holds a secret
// (p.channelSecret, s.signingKey, cfg.Token).
func secretNamed(e ast.Expr) bool {
	var name string
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return false
	}
	words := ident.Words(name)
	for i, w := range words {
		switch w {
		case "secret", "secrets", "token", "hmac", "signing", "password", "passphrase":
			if i+1 < len(words) && (words[i+1] == "id" || words[i+1] == "ids" || words[i+1] == "name") {
				continue // a token's id names it
			}
			return true
		case "key", "keys":
			// an API, signing or shared key, not a map's or a session's
			if i > 0 {
				switch words[i-1] {
				case "api", "apikey", "secret", "signing", "hmac", "private", "shared", "access", "encoding", "aes", "webhook", "verify", "verification":
					return true
				}
			}
		}
	}
	return false
}

// serverHeld: e is rooted in what the server holds, not in a value it was
// handed: a method's receiver (p.channelSecret) or a package variable.
func serverHeld(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			return ok && (v.Kind() == types.RecvVar || v.Kind() == types.PackageVar)
		}
		return false
	}
}

// comparesWithSecret: the body of fn, a function of the package, compares
// one of its parameters with another value (==, !=, hmac.Equal,
// subtle.ConstantTimeCompare, bytes.Equal) and reads a field or variable
// named for a secret: it checks what it is given against what the server
// holds.
func (r *Result) comparesWithSecret(fn *types.Func) bool {
	if v, ok := r.cmpSecret[fn]; ok {
		return v
	}
	v := r.compares(fn)
	if r.cmpSecret == nil {
		r.cmpSecret = map[*types.Func]bool{}
	}
	r.cmpSecret[fn] = v
	return v
}

func (r *Result) compares(fn *types.Func) bool {
	info := r.pass.TypesInfo
	if r.declOf == nil {
		r.declOf = map[*types.Func]*ast.FuncDecl{}
		for _, f := range r.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if f, ok := info.Defs[fd.Name].(*types.Func); ok {
						r.declOf[f] = fd
					}
				}
			}
		}
	}
	decl := r.declOf[fn]
	if decl == nil {
		return false
	}
	params := map[types.Object]bool{}
	for _, f := range decl.Type.Params.List {
		for _, n := range f.Names {
			params[info.Defs[n]] = true
		}
	}
	compares, named := false, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BinaryExpr:
			if (x.Op == token.EQL || x.Op == token.NEQ) && (mentions(info, x.X, params) && secret(info, x.Y) || mentions(info, x.Y, params) && secret(info, x.X)) {
				compares = true
			}
		case *ast.CallExpr:
			if f := goapi.Callee(info, x); f != nil && (goapi.SecretCompares[goapi.Of(f)] || isBytesEqual(f)) {
				for _, a := range x.Args {
					compares = compares || mentions(info, a, params)
				}
			}
		case *ast.SelectorExpr:
			named = named || secretNamed(x)
		}
		return true
	})
	return compares && named
}

// isBytesEqual: fn is bytes.Equal.
func isBytesEqual(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "bytes" && fn.Name() == "Equal"
}
