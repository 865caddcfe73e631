package authn

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/ident"
)

// State is what is known about the protection of a route or a handler.
// States are ordered: combining the places where a value is served keeps
// the highest, so that one way in without auth is enough to report. Auth
// that applies to every use (middleware on the router, a protected parent
// group) is decided before the uses are looked at.
type State uint8

const (
	None      State = iota // nothing seen: the value is never served where we can see
	Unknown                // served through code we cannot follow
	Protected              // an auth check is on the way
	// MaybeOff: served, and the only auth on the way is middleware
	// installed under a condition that can be false at run time (an
	// empty key, a flag, a config switch); see Guard.Conditions.
	MaybeOff
	Open // served, and no auth on the way
)

// Conditional is auth middleware that may be off at run time: installed
// only when a condition holds, or an interface value whose implementation
// is chosen at run time and may be one that checks nothing.
type Conditional struct {
	// Use is the call that installs the middleware: router.Use, a route
	// registration, or the wrapper call assigned to the served handler
	// (h = auth(h)).
	Use *ast.CallExpr
	// Mw is the middleware expression.
	Mw ast.Expr
	// Cond is the condition under which Use runs (an if's, or a switch
	// case's); nil when Use always runs and only Off can turn auth off.
	Cond ast.Expr
	// Off, when the middleware is an interface method some of whose
	// implementations check nothing, says which and when they are chosen:
	// "(*mw.Noop).Middleware, which checks no credentials, when
	// !cfg.Auth.Enabled (in mw.NewAuthenticator)".
	Off string
	// OptOut, when the function refuses to go on without the credential
	// unless a setting says so (if key == "" && !allowOpen { return err }),
	// is that setting as a condition: auth is off only when it holds.
	OptOut string
}

// Guard answers, within one package, whether routes and handlers are
// protected: by middleware on the route, its group, its router, a wrapper
// around the router where it is served, or a check in the handler. It
// follows values through local variables, struct fields, function
// parameters and results within the package.
type Guard struct {
	pass *analysis.Pass
	res  *Result
	*index
	visiting map[any]bool
	// want is the kind a middleware must have to protect: Checks, or
	// HostChecks|Checks for a host guard (NewHostGuard).
	want Kind
	disp *goapi.Dispatcher
	// Conditions collects the conditional auth behind every MaybeOff
	// answer; callers reset it before asking.
	Conditions []Conditional
	// Served collects where the values asked about are served openly (a
	// serve call, an http.Server literal's Handler); callers reset it
	// before asking.
	Served []token.Pos
	// route is the registration Route is asking about: auth installed
	// under the condition that also guards the registration is on
	// whenever the route exists (see conditional).
	route *ast.CallExpr
}

// index is what a Guard knows of its package's files. It is built once
// per package (indexOf) and only read afterwards: the guards of several
// rules on the same package share it.
type index struct {
	parent  map[ast.Node]ast.Node
	uses    map[types.Object][]ast.Expr
	assigns map[types.Object][]ast.Expr
	useMW   map[types.Object][]*ast.CallExpr // router.Use(...) calls by router variable
	calls   map[*types.Func][]*ast.CallExpr
	decls   map[*types.Func]*ast.FuncDecl
	params  map[types.Object]param
	// defaultServed: http.ListenAndServe(addr, nil) or a Server with no
	// Handler serves http.DefaultServeMux.
	defaultServed bool
	defaultMux    types.Object
	// results records v, err := f(): the call and the result index.
	results map[types.Object][]result
}

type param struct {
	fn    ast.Node // *ast.FuncDecl or *ast.FuncLit
	index int
}

type result struct {
	call  *ast.CallExpr
	index int
}

// NewHostGuard is a guard for which only a middleware that checks the
// Host header and rejects other hosts (HostChecks) protects.
func NewHostGuard(pass *analysis.Pass, res *Result) *Guard {
	g := NewGuard(pass, res)
	g.want = HostChecks
	return g
}

// NewPeerGuard is a guard for which only a check of a host's identity
// header of another server-side plugin (PeerChecks) protects: a route it
// calls protected is reached by the host's other plugins only.
func NewPeerGuard(pass *analysis.Pass, res *Result) *Guard {
	g := NewGuard(pass, res)
	g.want = PeerChecks
	return g
}

// NewGuard is a guard for the package of pass. The index of the package's
// files is built by the first guard asked for on the package and shared
// by the guards alive at the same time (GO101's two analyzers, GO102,
// GO103's two guards, GO105, GO207 and routes each ask for one): the
// cache holds it weakly, so an index no guard uses any more is freed as
// before, and built again if a later rule asks.
func NewGuard(pass *analysis.Pass, res *Result) *Guard {
	v, _ := indexes.LoadOrStore(pass.Pkg, &indexEntry{})
	e := v.(*indexEntry)
	e.Lock()
	idx := e.index.Value()
	if idx == nil {
		idx = newIndex(pass)
		e.index = weak.Make(idx)
	}
	e.Unlock()
	return &Guard{pass: pass, res: res, index: idx, visiting: map[any]bool{}, want: Checks}
}

// indexes holds, by *types.Package, the index of each package a guard was
// asked for.
var indexes sync.Map

type indexEntry struct {
	sync.Mutex
	index weak.Pointer[index]
}

// Forget drops the entries of pkgs: a load calls it once its analysis is
// over, as it does goapi.Forget.
func Forget(pkgs []*types.Package) {
	for _, p := range pkgs {
		indexes.Delete(p)
	}
}

// newIndex indexes the package's files.
func newIndex(pass *analysis.Pass) *index {
	g := &Guard{
		pass: pass,
		index: &index{
			parent:  map[ast.Node]ast.Node{},
			uses:    map[types.Object][]ast.Expr{},
			assigns: map[types.Object][]ast.Expr{},
			useMW:   map[types.Object][]*ast.CallExpr{},
			calls:   map[*types.Func][]*ast.CallExpr{},
			decls:   map[*types.Func]*ast.FuncDecl{},
			params:  map[types.Object]param{},
			results: map[types.Object][]result{},
		},
	}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net/http" {
			g.defaultMux = imp.Scope().Lookup("DefaultServeMux")
		}
	}
	info := pass.TypesInfo
	for _, f := range pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			if len(stack) > 0 {
				g.parent[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					g.decls[fn] = n
				}
				g.addParams(n, n.Type)
			case *ast.FuncLit:
				g.addParams(n, n.Type)
			case *ast.Ident:
				if obj, ok := info.Uses[n].(*types.Var); ok {
					if _, sel := g.parentOf(n).(*ast.SelectorExpr); !sel || g.parentOf(n).(*ast.SelectorExpr).X == n {
						g.uses[obj] = append(g.uses[obj], n)
					}
				}
			case *ast.SelectorExpr:
				if obj := g.objOf(n); obj != nil {
					g.uses[obj] = append(g.uses[obj], n)
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if obj := g.objOf(lhs); obj != nil {
							g.assigns[obj] = append(g.assigns[obj], n.Rhs[i])
						}
					}
				} else if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					for i, lhs := range n.Lhs {
						if obj := g.objOf(lhs); obj != nil {
							g.results[obj] = append(g.results[obj], result{call, i})
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						if obj := info.Defs[id]; obj != nil {
							g.assigns[obj] = append(g.assigns[obj], n.Values[i])
						}
					}
				} else if len(n.Values) == 1 {
					call, _ := ast.Unparen(n.Values[0]).(*ast.CallExpr)
					for i, id := range n.Names {
						if obj := info.Defs[id]; obj != nil && call != nil {
							g.results[obj] = append(g.results[obj], result{call, i})
						}
					}
				}
			case *ast.CallExpr:
				fn := goapi.Callee(info, n)
				if fn == nil {
					return true
				}
				if fn.Pkg() == pass.Pkg {
					g.calls[fn.Origin()] = append(g.calls[fn.Origin()], n)
				}
				c, ok := goapi.Routers.Lookup(fn)
				if !ok {
					return true
				}
				if c.Kind == goapi.RouteUse {
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						if obj := g.objOf(sel.X); obj != nil {
							g.useMW[obj] = append(g.useMW[obj], n)
						}
					}
				}
				if c.Kind == goapi.RouteServe && !c.Receiver && c.Handler < len(n.Args) && isNil(info, n.Args[c.Handler]) {
					g.defaultServed = true
				}
			case *ast.CompositeLit:
				if goapi.IsType(info.TypeOf(n), "net/http", "Server") && goapi.Keyed(n, "Handler") == nil {
					g.defaultServed = true
				}
			}
			return true
		})
	}
	return g.index
}

func (g *Guard) addParams(fn ast.Node, ft *ast.FuncType) {
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, id := range f.Names {
			if obj := g.pass.TypesInfo.Defs[id]; obj != nil {
				g.params[obj] = param{fn, i}
			}
			i++
		}
	}
}

func (g *Guard) parentOf(n ast.Node) ast.Node {
	p := g.parent[n]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			p = g.parent[pe]
			continue
		}
		return p
	}
}

// objOf is the variable or field e names, or nil.
func (g *Guard) objOf(e ast.Expr) types.Object {
	info := g.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				return sel.Obj()
			}
			return nil
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok { // pkg.Var
			return v
		}
	}
	return nil
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// enter guards against cycles; leave must follow a successful enter.
func (g *Guard) enter(k any) bool {
	if g.visiting[k] || g.res != nil && !g.res.work.Spend() {
		return false
	}
	g.visiting[k] = true
	return true
}

func (g *Guard) leave(k any) { delete(g.visiting, k) }

// IsAuth reports whether a middleware or handler expression checks
// credentials: a known or user-named auth middleware, a function whose
// body (or a function it calls) reads a credential and rejects the
// request, a wrapper applied by such a function, a variable holding one.
func (g *Guard) IsAuth(e ast.Expr) bool {
	info := g.pass.TypesInfo
	if u, _ := g.bypass(e); u != "" {
		return false // a check a setting can switch off: see offWhen
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return g.res.Node(e)&g.want != 0
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && g.IsAuth(e.Args[0])
		}
		if g.spreadSlice(e) != nil { // chain(h, mws...): what the slice holds
			on, _ := g.spread(e)
			return on || g.IsAuth(e.Args[0])
		}
		if fn := goapi.Callee(info, e); fn != nil {
			if on, off := g.dispatchOn(fn, recvOf(e.Fun)); len(on) > 0 {
				return len(off) == 0 // some implementations check nothing: see offWhen
			}
			if g.res.Func(fn)&g.want != 0 || g.want != PeerChecks && externalAuthName(g.pass, fn) && !g.res.Optional(fn) {
				return true
			}
		} else if g.IsAuth(e.Fun) {
			return true
		}
		for _, a := range e.Args { // logging(auth(h))
			if isHandlerish(info.TypeOf(a)) && g.IsAuth(a) {
				return true
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := e.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[e.(*ast.SelectorExpr).Sel]
		}
		switch obj := obj.(type) {
		case *types.Func:
			if on, off := g.dispatchOn(obj, recvOf(e)); len(on) > 0 {
				return len(off) == 0
			}
			return g.res.Func(obj)&g.want != 0
		case *types.Var:
			if !g.enter(obj) {
				return false
			}
			defer g.leave(obj)
			for _, rhs := range g.assigns[obj] {
				if g.IsAuth(rhs) {
					return true
				}
			}
		}
	}
	return false
}

// externalAuthName: a handler wrapper from another package that is not
// known to check credentials (its checks may be of a kind the analyzer
// does not know) but whose name says it guards access. Counted as
// auth so that unknown auth libraries do not cause false reports. The
// name is read word by word: a word that names a credential counts
// unless the next word says the middleware is about something else
// (SessionIDMiddleware hands a session id on, TokenUsage counts a
// model's tokens, TokenRateLimit limits them) or the word before it that
// it lets requests through (NoAuthMiddleware, SkipAuth, OptionalAuth).
func externalAuthName(pass *analysis.Pass, fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg() == pass.Pkg || !wrapsHandler(fn) || sessionLoaders[fn.FullName()] {
		return false
	}
	return authName(fn.Name())
}

// sessionLoaders are middleware named for sessions that only load the
// session of a request, signed in or not: what checks it is the
// middleware after them.
var sessionLoaders = map[string]bool{
	"github.com/gin-contrib/sessions.Sessions":     true,
	"github.com/gin-contrib/sessions.SessionsMany": true,
}

// authName: see externalAuthName.
func authName(name string) bool {
	var words []string
	for _, w := range ident.Words(name) {
		if n := len(words); n > 0 && strings.HasSuffix(words[n-1], "api") && (w == "key" || w == "keys") {
			words[n-1] = "apikey" // APIKey, XAPIKey, CheckAPIKeys
			continue
		}
		words = append(words, w)
	}
	for i, w := range words {
		switch w {
		case "auth", "authn", "authz", "authenticate", "authenticated", "authentication", "authorize", "authorized", "authorization",
			"jwt", "oauth", "oauth2", "oidc", "token", "tokens", "session", "sessions", "guard", "guarded", "protect", "protected",
			"apikey", "keyauth", "bearer":
		default:
			if strings.HasPrefix(w, "auth") || strings.HasSuffix(w, "auth") {
				break
			}
			continue
		}
		if i > 0 {
			switch words[i-1] {
			case "no", "non", "skip", "skips", "without", "bypass", "disable", "disabled", "optional", "maybe", "fake", "mock", "noop", "dummy", "insecure":
				continue // NoAuthMiddleware, SkipAuth, OptionalAuth: it lets requests through
			}
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch next {
		case "id", "ids", "count", "counter", "counting", "usage", "usages", "limit", "limiter", "limits", "rate", "budget", "stats", "metric", "metrics", "log", "logger", "logging", "cost", "estimate":
			continue
		}
		return true
	}
	return false
}

// wrapsHandler: fn takes a handler or returns a middleware (any of the
// frameworks' shapes).
func wrapsHandler(fn *types.Func) bool {
	sig := fn.Signature()
	for i := range sig.Params().Len() {
		if isHandlerish(sig.Params().At(i).Type()) {
			return true
		}
	}
	return sig.Results().Len() > 0 && isHandlerish(sig.Results().At(0).Type())
}

// isHandlerish: an http.Handler, a handler or middleware function of
// net/http or a framework.
func isHandlerish(t types.Type) bool {
	if t == nil {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch goapi.CanonPath(n.Obj().Pkg().Path()) + "." + n.Obj().Name() {
		case "net/http.Handler", "net/http.HandlerFunc", "github.com/gin-gonic/gin.HandlerFunc",
			"github.com/labstack/echo.HandlerFunc", "github.com/labstack/echo.MiddlewareFunc",
			"github.com/gorilla/mux.MiddlewareFunc":
			return true
		}
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
		_, isFunc := obj.(*types.Func)
		return isFunc && !types.IsInterface(t)
	}
	ps := sig.Params()
	switch {
	case ps.Len() == 2 && goapi.IsType(ps.At(0).Type(), "net/http", "ResponseWriter"):
		return true
	case ps.Len() == 1 && (goapi.IsType(ps.At(0).Type(), "github.com/gin-gonic/gin", "Context") ||
		goapi.IsType(ps.At(0).Type(), "github.com/gofiber/fiber", "Ctx") ||
		goapi.IsType(ps.At(0).Type(), "github.com/labstack/echo", "Context") ||
		goapi.IsType(ps.At(0).Type(), "net/http", "Handler")):
		return true
	}
	return false
}

// Route is the protection of a registration call: middleware on the
// route, a check in (or a wrapper around) the handler, then the router's.
func (g *Guard) Route(call *ast.CallExpr, c goapi.RouteCall) State {
	saved := g.route
	g.route = call
	defer func() { g.route = saved }()
	h, mws := Handler(call, c)
	var maybe *Conditional
	for _, mw := range mws {
		if g.IsAuth(mw) {
			return Protected
		}
		if off := g.offWhen(mw); off != "" && maybe == nil {
			maybe = &Conditional{Use: call, Mw: mw, Off: off}
		}
	}
	if h != nil && g.IsAuth(h) {
		return Protected
	}
	if h != nil && maybe == nil {
		// m.wrap(handler), a wrapper that checks unless a setting is
		// off (if m.token == "" { return true })
		if off := g.offWhen(h); off != "" {
			maybe = &Conditional{Use: call, Mw: h, Off: off}
		}
	}
	// chain(h, mws...): the route's own middleware, from a slice (auth
	// always in it made IsAuth true). Auth appended to it under a
	// condition is on whenever the condition holds, however the router is
	// served (even where that is not known).
	var spreadCond *Conditional
	if call, ok := ast.Unparen(h).(*ast.CallExpr); ok {
		_, spreadCond = g.spread(call)
	}
	var s State
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && g.pass.TypesInfo.Selections[sel] != nil {
		s = g.Router(sel.X)
	} else {
		// http.Handle / http.HandleFunc: the default mux
		s = g.defaultMuxState()
	}
	if maybe != nil {
		s = g.weaken(s, maybe)
	}
	if spreadCond != nil && (s == Open || s == Unknown) {
		g.Conditions = append(g.Conditions, *spreadCond)
		s = MaybeOff
	}
	return s
}

// Handler splits a registration's handler arguments into the handler and
// the route's own middleware.
func Handler(call *ast.CallExpr, c goapi.RouteCall) (h ast.Expr, mws []ast.Expr) {
	if c.Handler < 0 || c.Handler >= len(call.Args) {
		return nil, nil
	}
	args := call.Args[c.Handler:]
	switch c.Layout {
	case goapi.ChainLast:
		return args[len(args)-1], args[:len(args)-1]
	case goapi.HandlerThenMiddleware:
		return args[0], args[1:]
	case goapi.AllMiddleware:
		return nil, args
	}
	return args[0], nil
}

func (g *Guard) defaultMuxState() State {
	s := None
	if g.defaultServed {
		s = Open
	}
	if g.defaultMux != nil {
		s = max(s, g.varState(g.defaultMux))
	}
	return s
}

// Router is the protection a router expression gives its routes.
func (g *Guard) Router(e ast.Expr) State {
	info := g.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := goapi.Callee(info, e)
		if fn == nil {
			return Unknown
		}
		if c, ok := goapi.Routers.Lookup(fn); ok {
			if c.Kind == goapi.RouteNew {
				return None
			}
			_, mws := Handler(e, c)
			var maybe *Conditional
			if c.Kind == goapi.RouteDerive || c.Kind == goapi.RouteUse {
				for _, mw := range mws {
					if g.IsAuth(mw) {
						return Protected
					}
					if off := g.offWhen(mw); off != "" && maybe == nil {
						maybe = &Conditional{Use: e, Mw: mw, Off: off}
					}
				}
			}
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				if s := g.Router(sel.X); maybe != nil {
					return g.weaken(s, maybe)
				} else {
					return s
				}
			}
			return Unknown
		}
		if d := g.decls[fn.Origin()]; d != nil {
			if !g.enter(d) {
				return None
			}
			defer g.leave(d)
			s := None
			ast.Inspect(d.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
					s = max(s, g.Router(r.Results[0]))
				}
				return true
			})
			if s == Protected {
				return s
			}
			return max(s, g.Value(e))
		}
		return Unknown
	case *ast.Ident, *ast.SelectorExpr:
		if obj := g.objOf(e); obj != nil {
			return g.varState(obj)
		}
	}
	return Unknown
}

// varState is the protection of the routes of the router held in a
// variable, field or parameter.
func (g *Guard) varState(obj types.Object) (s State) {
	if !g.enter(obj) {
		return None
	}
	defer g.leave(obj)
	cond, ok := g.useAuth(obj)
	if ok {
		return Protected
	}
	acond, ok := g.applyAuth(obj)
	if ok {
		return Protected
	}
	if cond == nil {
		cond = acond
	}
	if cond != nil {
		defer func() { s = g.weaken(s, cond) }()
	}
	if obj == g.defaultMux && g.defaultServed {
		s = Open
	}
	if p, ok := g.params[obj]; ok {
		switch fn := p.fn.(type) {
		case *ast.FuncLit: // chi r.Route("/x", func(r chi.Router) {...})
			if call, ok := g.parentOf(fn).(*ast.CallExpr); ok {
				if c, ok := goapi.Routers.Lookup(goapi.Callee(g.pass.TypesInfo, call)); ok && c.Callback >= 0 && c.Callback < len(call.Args) && call.Args[c.Callback] == fn {
					if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
						if p := g.Router(sel.X); p == Protected {
							return p
						} else {
							s = max(s, p)
						}
					}
				} else {
					s = max(s, Unknown)
				}
			} else {
				s = max(s, Unknown)
			}
		case *ast.FuncDecl:
			fnObj, _ := g.pass.TypesInfo.Defs[fn.Name].(*types.Func)
			sites := g.calls[fnObj]
			if len(sites) == 0 {
				s = max(s, Unknown)
			}
			for _, site := range sites {
				if p.index < len(site.Args) {
					s = max(s, g.Router(site.Args[p.index]))
				}
			}
		}
	}
	for _, rhs := range g.assigns[obj] {
		p := g.Router(rhs)
		if p == Protected {
			return p // a group or sub-router of a protected router
		}
		s = max(s, p)
	}
	for _, u := range g.uses[obj] {
		s = max(s, g.Value(u))
	}
	return s
}

// Value is how the handler or router produced by e is served: wrapped by
// auth, mounted on a protected router, served as is, or passed where we
// cannot follow.
func (g *Guard) Value(e ast.Expr) State {
	info := g.pass.TypesInfo
	if !g.enter(e) {
		return None
	}
	defer g.leave(e)
	switch p := g.parentOf(e).(type) {
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == e {
			return None
		}
		i := argIndex(p, e)
		if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
			return g.Value(p)
		}
		fn := goapi.Callee(info, p)
		if fn == nil {
			if u, _ := g.bypass(p.Fun); u != "" { // authMiddleware(cfg)(mux)
				return g.weaken(g.Value(p), &Conditional{Use: p, Mw: p.Fun, Off: g.offWhen(p.Fun)})
			}
			if g.IsAuth(p.Fun) {
				return Protected
			}
			if i == 0 && len(p.Args) == 1 && isMiddlewareValue(info.TypeOf(p.Fun)) {
				return g.Value(p) // logging(h) with a middleware held in a variable
			}
			return Unknown
		}
		if u, _ := g.bypass(p); u != "" {
			return g.weaken(g.Value(p), &Conditional{Use: p, Mw: p, Off: g.offWhen(p)})
		}
		if on, off := g.dispatchOn(fn, recvOf(p.Fun)); len(on) > 0 {
			if len(off) == 0 {
				return Protected
			}
			if o := g.offWhen(p); o != "" { // auth.Wrap(mux) through an interface
				return g.weaken(g.Value(p), &Conditional{Use: p, Mw: p, Off: o})
			}
		}
		if i == 0 && g.spreadSlice(p) != nil { // chain(h, mws...): what the slice holds
			on, maybe := g.spread(p)
			if on {
				return Protected
			}
			if maybe != nil {
				return g.weaken(g.Value(p), maybe)
			}
			return g.Value(p)
		}
		if g.res.Func(fn)&g.want != 0 || g.want != PeerChecks && externalAuthName(g.pass, fn) {
			return Protected
		}
		if c, ok := goapi.Routers.Lookup(fn); ok {
			switch c.Kind {
			case goapi.RouteServe:
				if !c.Receiver && i == c.Handler {
					g.Served = append(g.Served, p.Pos())
					return Open
				}
			case goapi.RoutePass:
				if i == c.Handler {
					return g.Value(p)
				}
			case goapi.RouteRegister:
				if h, _ := Handler(p, c); h != nil && ast.Unparen(h) == e {
					return g.Route(p, c)
				}
			}
			return None
		}
		if d := g.decls[fn.Origin()]; d != nil && i >= 0 {
			sig := fn.Signature()
			pi := min(i, sig.Params().Len()-1)
			if pi >= 0 && isHandlerish(sig.Params().At(pi).Type()) && sig.Results().Len() > 0 && isHandlerish(sig.Results().At(0).Type()) {
				// chain(mux, logging, auth(cfg)): a helper that applies the
				// middleware it is given to the handler
				on, maybe := g.spread(p) // chain(mux, mws...)
				if on {
					return Protected
				}
				for j, a := range p.Args {
					if j == i || !isMiddlewareValue(info.TypeOf(a)) {
						continue
					}
					if g.IsAuth(a) {
						return Protected
					}
					if o := g.offWhen(a); o != "" && maybe == nil {
						maybe = &Conditional{Use: p, Mw: a, Off: o}
					}
				}
				if maybe != nil {
					return g.weaken(g.Value(p), maybe)
				}
				return g.Value(p) // a middleware that is not auth: as protected as its result
			}
			for obj, pr := range g.params {
				if pr.fn == d && pr.index == pi {
					return max(g.varState(obj), None)
				}
			}
			return Unknown
		}
		if wrapsHandler(fn) && sig1Handler(fn) {
			return g.Value(p) // an unknown middleware (logging, CORS...)
		}
		return Unknown
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[p]; ok && sel.Kind() == types.MethodVal {
			if fn, ok := sel.Obj().(*types.Func); ok {
				if c, ok := goapi.Routers.Lookup(fn); ok && c.Kind == goapi.RouteServe && c.Receiver {
					if call, ok := g.parentOf(p).(*ast.CallExpr); ok {
						g.Served = append(g.Served, call.Pos())
					}
					return Open
				}
				if g.servesThroughInterface(e, fn) {
					return Open // srv.Start(addr) on an interface that holds the SDK's server
				}
				if fn.Name() == "ServeHTTP" {
					return Unknown
				}
			}
		}
		return None
	case *ast.ReturnStmt:
		for n := g.parent[p]; n != nil; n = g.parent[n] {
			switch n := n.(type) {
			case *ast.FuncLit:
				return Unknown
			case *ast.FuncDecl:
				fn, _ := info.Defs[n.Name].(*types.Func)
				sites := g.calls[fn]
				if len(sites) == 0 {
					return Unknown
				}
				i := -1 // which result: a router returned with an error, (http.Handler, error)
				for j, r := range p.Results {
					if r == e {
						i = j
					}
				}
				s := None
				for _, site := range sites {
					if len(p.Results) > 1 {
						s = max(s, g.resultValue(site, i))
					} else {
						s = max(s, g.Value(site))
					}
				}
				return s
			}
		}
		return Unknown
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == e {
				return None
			}
		}
		for i, rhs := range p.Rhs {
			if rhs == e && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				if obj := g.objOf(p.Lhs[i]); obj != nil {
					return g.usesState(obj)
				}
			}
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(p.Rhs) == 1 && len(p.Lhs) > 1 {
			return g.resultValue(call, valueResult(info, call)) // srv, err := newServer()
		}
		return Unknown
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && i < len(p.Names) && len(p.Names) == len(p.Values) {
				if obj := info.Defs[p.Names[i]]; obj != nil {
					return g.usesState(obj)
				}
			}
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(p.Values) == 1 && len(p.Names) > 1 {
			return g.resultValue(call, valueResult(info, call))
		}
		return Unknown
	case *ast.KeyValueExpr:
		if lit, ok := g.parentOf(p).(*ast.CompositeLit); ok && goapi.IsType(info.TypeOf(lit), "net/http", "Server") {
			if id, ok := p.Key.(*ast.Ident); ok && id.Name == "Handler" {
				g.Served = append(g.Served, lit.Pos())
				return Open
			}
		}
		// &Server{router: r}: served as the field is (s.router.Run(addr)
		// in a method of the type)
		if p.Value == e {
			if id, ok := p.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					return g.usesState(f)
				}
			}
		}
		return Unknown
	case *ast.ExprStmt:
		return None
	}
	return Unknown
}

// resultValue is how result i of a call that returns several values is
// served: h, err := newRouter() follows h.
func (g *Guard) resultValue(call *ast.CallExpr, i int) State {
	info := g.pass.TypesInfo
	if i < 0 {
		return Unknown
	}
	key := result{call, i} // not the call: Value(call) may be asking
	if !g.enter(key) {
		return None
	}
	defer g.leave(key)
	switch p := g.parentOf(call).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && i < len(p.Lhs) {
			if id, ok := p.Lhs[i].(*ast.Ident); ok && id.Name == "_" {
				return None
			}
			if obj := g.objOf(p.Lhs[i]); obj != nil {
				return g.usesState(obj)
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && i < len(p.Names) {
			if obj := info.Defs[p.Names[i]]; obj != nil {
				return g.usesState(obj)
			}
		}
	case *ast.ReturnStmt: // return newRouter(): the caller's results
		if len(p.Results) == 1 {
			for n := g.parent[p]; n != nil; n = g.parent[n] {
				switch n := n.(type) {
				case *ast.FuncLit:
					return Unknown
				case *ast.FuncDecl:
					fn, _ := info.Defs[n.Name].(*types.Func)
					sites := g.calls[fn]
					if len(sites) == 0 {
						return Unknown
					}
					s := None
					for _, site := range sites {
						s = max(s, g.resultValue(site, i))
					}
					return s
				}
			}
		}
	}
	return Unknown
}

// valueResult is the result of a call with several that carries its
// value: the only one that is not an error ((srv, error)); -1 when there
// is not exactly one.
func valueResult(info *types.Info, call *ast.CallExpr) int {
	tup, ok := info.TypeOf(call).(*types.Tuple)
	if !ok {
		return -1
	}
	errType := types.Universe.Lookup("error").Type()
	out := -1
	for i := range tup.Len() {
		if types.Identical(tup.At(i).Type(), errType) {
			continue
		}
		if out >= 0 {
			return -1
		}
		out = i
	}
	return out
}

// servesThroughInterface reports whether e.m(...), where m is a method of
// an interface and e a variable, serves: the variable holds only values
// of concrete types the package assigns to it (a server of the SDK
// returned by a constructor, kept in an interface that has Start and
// Shutdown), and one of them has a method m that serves its receiver
// (goapi.Routers).
func (g *Guard) servesThroughInterface(e ast.Expr, m *types.Func) bool {
	recv := m.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) {
		return false
	}
	obj := g.objOf(e)
	if obj == nil {
		return false
	}
	if _, isParam := g.params[obj]; isParam {
		return false
	}
	var held []types.Type
	for _, r := range g.results[obj] {
		if tup, ok := g.pass.TypesInfo.TypeOf(r.call).(*types.Tuple); ok && r.index < tup.Len() {
			held = append(held, tup.At(r.index).Type())
		}
	}
	for _, rhs := range g.assigns[obj] {
		held = append(held, g.pass.TypesInfo.TypeOf(rhs))
	}
	for _, t := range held {
		if t == nil || types.IsInterface(t) {
			continue
		}
		impl, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		if fn, ok := impl.(*types.Func); ok {
			if c, ok := goapi.Routers.Lookup(fn); ok && c.Kind == goapi.RouteServe && c.Receiver {
				return true
			}
		}
	}
	return false
}

// usesState combines how each use of a variable is served, and whether
// auth middleware is added to it (router.Use).
func (g *Guard) usesState(obj types.Object) (s State) {
	if !g.enter(obj) {
		return None
	}
	defer g.leave(obj)
	cond, ok := g.useAuth(obj)
	if ok {
		return Protected
	}
	wcond, ok := g.wrapAuth(obj)
	if ok {
		return Protected
	}
	if cond == nil {
		cond = wcond
	}
	if cond != nil {
		defer func() { s = g.weaken(s, cond) }()
	}
	for _, u := range g.uses[obj] {
		s = max(s, g.Value(u))
	}
	return s
}

// useAuth looks at the middleware added to a router variable (Use): ok
// when auth is added unconditionally, else the auth added under a
// condition, if any.
func (g *Guard) useAuth(obj types.Object) (cond *Conditional, ok bool) {
	for _, use := range g.useMW[obj] {
		_, mws := Handler(use, goapi.Routers[goapi.Of(goapi.Callee(g.pass.TypesInfo, use))])
		for _, mw := range mws {
			var off string
			if !g.IsAuth(mw) {
				if off = g.offWhen(mw); off == "" {
					continue
				}
			}
			c := g.conditional(obj, use, mw, off)
			if c == nil {
				return nil, true
			}
			if cond == nil {
				cond = c
			}
		}
	}
	return cond, false
}

// weaken turns Open into MaybeOff when the router has conditional auth,
// and records why.
func (g *Guard) weaken(s State, cond *Conditional) State {
	if s != Open {
		return s
	}
	g.Conditions = append(g.Conditions, *cond)
	return MaybeOff
}

// condition is the condition under which the Use call runs within its
// function: the nearest if or switch case around it whose other branches
// do not add auth to the same router too. nil when it always runs (as far
// as the function goes).
func (g *Guard) condition(obj types.Object, use *ast.CallExpr) ast.Expr {
	var child ast.Node = use
	for n := g.parent[use]; n != nil; child, n = n, g.parent[n] {
		switch n := n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.IfStmt:
			if child != n.Body && child != n.Else {
				continue // in the condition or its init
			}
			other := n.Else
			if child == n.Else {
				other = n.Body
			}
			if other != nil && g.addsAuth(obj, other) {
				continue
			}
			if child == n.Else {
				return &ast.UnaryExpr{Op: token.NOT, X: n.Cond}
			}
			return n.Cond
		case *ast.CaseClause:
			sw, _ := g.parent[g.parent[n]].(*ast.SwitchStmt)
			if sw == nil {
				continue
			}
			all, hasDefault := true, false
			for _, cl := range sw.Body.List {
				cc := cl.(*ast.CaseClause)
				hasDefault = hasDefault || cc.List == nil
				if cc != n && !g.addsAuth(obj, cc) {
					all = false
				}
			}
			if all && hasDefault {
				continue
			}
			if len(n.List) == 0 {
				return ast.NewIdent("default")
			}
			if sw.Tag != nil {
				return &ast.BinaryExpr{X: sw.Tag, Op: token.EQL, Y: n.List[0]}
			}
			return n.List[0]
		}
	}
	return nil
}

// addsAuth: the statements under n add auth middleware to the router obj.
func (g *Guard) addsAuth(obj types.Object, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if as, ok := m.(*ast.AssignStmt); ok && !found && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs { // h = auth(h)
				if g.objOf(lhs) == obj && g.IsAuth(as.Rhs[i]) {
					found = true
				}
			}
		}
		call, ok := m.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, use := range g.useMW[obj] {
			if use != call {
				continue
			}
			_, mws := Handler(use, goapi.Routers[goapi.Of(goapi.Callee(g.pass.TypesInfo, use))])
			for _, mw := range mws {
				if g.IsAuth(mw) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func sig1Handler(fn *types.Func) bool {
	r := fn.Signature().Results()
	return r.Len() > 0 && isHandlerish(r.At(0).Type())
}

func argIndex(call *ast.CallExpr, e ast.Expr) int {
	for i, a := range call.Args {
		if a == e || ast.Unparen(a) == e {
			return i
		}
	}
	return -1
}

// Parent is the node that encloses n (parentheses skipped).
func (g *Guard) Parent(n ast.Node) ast.Node { return g.parentOf(n) }

// ParamOf is the function (*ast.FuncDecl or *ast.FuncLit) that declares
// obj as a parameter, and its index; nil when obj is not a parameter.
func (g *Guard) ParamOf(obj types.Object) (ast.Node, int) {
	p, ok := g.params[obj]
	if !ok {
		return nil, -1
	}
	return p.fn, p.index
}

// Assigned are the expressions assigned to a variable or field in the
// package.
func (g *Guard) Assigned(obj types.Object) []ast.Expr { return g.assigns[obj] }

// dispatcher resolves calls through the package's interfaces.
func (g *Guard) dispatcher() *goapi.Dispatcher {
	if g.disp == nil {
		g.disp = goapi.NewDispatcher(g.pass.Fset, g.pass.Pkg, nil)
	}
	return g.disp
}

// dispatch splits the implementations of an interface method into those
// that protect (check credentials, or what the guard wants) and the
// others; both nil when fn is not an interface method the dispatcher
// resolves.
func (g *Guard) dispatch(fn *types.Func) (on, off []*types.Func) {
	return g.dispatchOn(fn, nil)
}

// dispatchOn is dispatch for a call on the receiver expression recv:
// when every value recv can hold is known (assigned in the package, or
// returned by constructors whose Choice is complete), only the
// implementations of those types count.
func (g *Guard) dispatchOn(fn *types.Func, recv ast.Expr) (on, off []*types.Func) {
	sig := fn.Signature().Recv()
	if sig == nil || !types.IsInterface(sig.Type()) {
		return nil, nil
	}
	possible := g.possibleTypes(recv)
	for _, m := range g.dispatcher().Implementations(fn) {
		if possible != nil && !possible[qualified(m.Signature().Recv().Type())] {
			continue
		}
		if g.res.Func(m)&g.want != 0 {
			on = append(on, m)
		} else {
			off = append(off, m)
		}
	}
	return on, off
}

// possibleTypes are the concrete types (qualified) the interface value
// recv can hold, when the package sees every one; nil when not known.
func (g *Guard) possibleTypes(recv ast.Expr) map[string]bool {
	if recv == nil {
		return nil
	}
	obj := g.objOf(recv)
	if obj == nil || len(g.results[obj])+len(g.assigns[obj]) == 0 {
		return nil
	}
	if _, isParam := g.params[obj]; isParam {
		return nil
	}
	info := g.pass.TypesInfo
	out := map[string]bool{}
	fromCall := func(call *ast.CallExpr) bool {
		c := g.res.Choices(goapi.Callee(info, call))
		if c == nil || c.Partial {
			return false
		}
		for _, r := range c.Returns {
			out[r.Type] = true
		}
		return true
	}
	for _, r := range g.results[obj] {
		if !fromCall(r.call) {
			return nil
		}
	}
	for _, rhs := range g.assigns[obj] {
		rhs = ast.Unparen(rhs)
		if call, ok := rhs.(*ast.CallExpr); ok {
			if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
				if !fromCall(call) {
					return nil
				}
				continue
			}
		}
		t := info.TypeOf(rhs)
		if t == nil || types.IsInterface(t) || qualified(t) == "" {
			return nil
		}
		out[qualified(t)] = true
	}
	return out
}

// offWhen: mw is an interface method (a call of it, auth.Middleware(), or
// the method value, auth.Handler) some of whose implementations
// authenticate and some check nothing: which check nothing, and when the
// program chooses them, as far as the package can see it. "" otherwise.
func (g *Guard) offWhen(mw ast.Expr) string {
	info := g.pass.TypesInfo
	if u, where := g.bypass(mw); u != "" {
		s := "it lets every request through when " + u
		if where != "" {
			s += " (in " + where + ")"
		}
		return s
	}
	var fn *types.Func
	var recv ast.Expr
	switch e := ast.Unparen(mw).(type) {
	case *ast.CallExpr:
		fn = goapi.Callee(info, e)
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			recv = sel.X
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.MethodVal {
			fn, _ = sel.Obj().(*types.Func)
			recv = e.X
		}
	}
	if fn == nil {
		return ""
	}
	on, off := g.dispatchOn(fn, recv)
	if len(on) == 0 || len(off) == 0 {
		return ""
	}
	var names []string
	offTypes := map[string]bool{}
	for _, m := range off {
		names = append(names, methodName(m))
		offTypes[qualified(m.Signature().Recv().Type())] = true
	}
	s := "it may be " + strings.Join(names, " or ") + ", which checks no credentials"
	if len(off) > 1 {
		s = "it may be " + strings.Join(names, " or ") + ", which check no credentials"
	}
	if when := g.chosenWhen(recv, offTypes); when != "" {
		return s + ", " + when
	}
	return s + ", when the program chooses it"
}

// bypass is the setting under which the middleware e lets every request
// through (Fact.Unless), and the function that does it; "" when none.
func (g *Guard) bypass(e ast.Expr) (unless, where string) {
	lit, fn := goapi.FuncOf(g.pass.TypesInfo, e)
	if lit != nil {
		return g.res.Bypass(lit), ""
	}
	if fn == nil {
		return "", ""
	}
	if u := g.res.Unless(fn); u != "" {
		return u, fn.Pkg().Name() + "." + fn.Name()
	}
	return "", ""
}

// isMiddlewareValue: t is a function from a handler to a handler
// (func(http.Handler) http.Handler, a framework's middleware type).
func isMiddlewareValue(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		isHandlerish(sig.Params().At(0).Type()) && isHandlerish(sig.Results().At(0).Type())
}

// recvOf is x in x.M; nil for other expressions.
func recvOf(e ast.Expr) ast.Expr {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// methodName is (*pkg.T).M or (pkg.T).M.
func methodName(m *types.Func) string {
	t := m.Signature().Recv().Type()
	star := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return m.Name()
	}
	return "(" + star + n.Obj().Pkg().Name() + "." + n.Obj().Name() + ")." + m.Name()
}

// chosenWhen says when the interface value recv holds one of the types
// named in off: the condition of an assignment of such a value in the
// package, or the condition under which the constructor it comes from
// returns one (a Choice, from the constructor's package if need be).
func (g *Guard) chosenWhen(recv ast.Expr, off map[string]bool) string {
	info := g.pass.TypesInfo
	obj := g.objOf(recv)
	if obj == nil {
		return ""
	}
	fromCall := func(call *ast.CallExpr) string {
		fn := goapi.Callee(info, call)
		c := g.res.Choices(fn)
		if c == nil {
			return ""
		}
		for _, r := range c.Returns {
			if !off[r.Type] {
				continue
			}
			where := fn.Pkg().Name() + "." + fn.Name()
			if r.When == "" {
				return "unless another branch of " + where + " is taken"
			}
			return "when " + r.When + " (in " + where + ")"
		}
		return ""
	}
	for _, r := range g.results[obj] {
		if s := fromCall(r.call); s != "" {
			return s
		}
	}
	for _, rhs := range g.assigns[obj] {
		rhs = ast.Unparen(rhs)
		if call, ok := rhs.(*ast.CallExpr); ok {
			if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
				if s := fromCall(call); s != "" {
					return s
				}
				continue
			}
		}
		if t := info.TypeOf(rhs); t != nil && !types.IsInterface(t) && off[qualified(t)] {
			if c := g.enclosingCond(rhs); c != nil {
				return "when " + types.ExprString(c)
			}
			return "by default"
		}
	}
	return ""
}

// enclosingCond is the condition of the nearest if (or switch case)
// around n within its function; nil when there is none.
func (g *Guard) enclosingCond(n ast.Node) ast.Expr {
	var child = n
	for p := g.parent[n]; p != nil; child, p = p, g.parent[p] {
		switch p := p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.IfStmt:
			switch child {
			case p.Body:
				return p.Cond
			case p.Else:
				return &ast.UnaryExpr{Op: token.NOT, X: p.Cond}
			}
		case *ast.CaseClause:
			if sw, ok := g.parent[g.parent[p]].(*ast.SwitchStmt); ok && len(p.List) > 0 {
				if sw.Tag != nil {
					return &ast.BinaryExpr{X: sw.Tag, Op: token.EQL, Y: p.List[0]}
				}
				return p.List[0]
			}
		}
	}
	return nil
}

// underCond reports whether n runs only when cond, a condition that
// condition returned, holds: n is in the body of the same if statement
// (or in its else, for a negated condition), within n's function or,
// when that is a function of the package, at every place the package
// calls it (if cfg.AdminEnabled { g := r.Group("/admin"); g.Use(key);
// adminRoutes(g) }, with the routes registered in adminRoutes).
func (g *Guard) underCond(n ast.Node, cond ast.Expr) bool {
	return g.underCondDepth(n, cond, 0)
}

func (g *Guard) underCondDepth(n ast.Node, cond ast.Expr, depth int) bool {
	var child = n
	for p := g.parent[n]; p != nil; child, p = p, g.parent[p] {
		switch p := p.(type) {
		case *ast.FuncDecl:
			fn, _ := g.pass.TypesInfo.Defs[p.Name].(*types.Func)
			sites := g.calls[fn]
			if fn == nil || len(sites) == 0 || depth >= 4 {
				return false
			}
			for _, site := range sites {
				if !g.underCondDepth(site, cond, depth+1) {
					return false
				}
			}
			return true
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child == p.Body && p.Cond == cond {
				return true
			}
			if u, ok := cond.(*ast.UnaryExpr); ok && child == p.Else && u.Op == token.NOT && u.X == p.Cond {
				return true
			}
		}
	}
	return false
}

// conditional is the Conditional for the auth middleware mw that use
// installs on obj (off: see offWhen); nil when the middleware is always
// on. A condition that the function fails closed on (it returns, or
// exits, when the condition is false, before use) is no condition; one it
// fails closed on unless a setting says otherwise is an opt-out.
func (g *Guard) conditional(obj types.Object, use *ast.CallExpr, mw ast.Expr, off string) *Conditional {
	c := g.condition(obj, use)
	if c != nil && g.route != nil && g.underCond(g.route, c) {
		// if enabled { r.Use(auth); r.POST(...) }: the route exists
		// only when the middleware is installed.
		c = nil
	}
	var optOut string
	if c != nil {
		var always bool
		always, optOut = g.failsClosed(use, c)
		if always {
			c = nil
		}
	}
	if c == nil && off == "" {
		return nil
	}
	return &Conditional{Use: use, Mw: mw, Cond: c, Off: off, OptOut: optOut}
}

// failsClosed looks, in the function around use and before the statement
// that holds it, for an if that returns (or exits) when cond is false:
// always when it does so whatever else holds; optOut, the settings that
// let it go on anyway, when the if also asks for them
// (if token == "" && !allowUnauthenticated { return err }).
func (g *Guard) failsClosed(use ast.Node, cond ast.Expr) (always bool, optOut string) {
	var stmt ast.Node
	var body *ast.BlockStmt
up:
	for child, p := ast.Node(use), g.parent[use]; p != nil; child, p = p, g.parent[p] {
		switch p := p.(type) {
		case *ast.FuncDecl:
			body, stmt = p.Body, child
			break up
		case *ast.FuncLit:
			body, stmt = p.Body, child
			break up
		}
	}
	if body == nil {
		return false, ""
	}
	want := Negate(cond)
	for _, st := range body.List {
		if st == stmt {
			break
		}
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Else != nil || !returns(ifs.Body) {
			continue
		}
		var others []string
		found := false
		for _, c := range goapi.Conjuncts(ifs.Cond) {
			if !found && types.ExprString(c) == want {
				found = true
				continue
			}
			others = append(others, Negate(c))
		}
		if !found {
			continue
		}
		if len(others) == 0 {
			return true, ""
		}
		return false, strings.Join(others, " || ")
	}
	return false, ""
}

// wrapAuth looks at the assignments that wrap the handler held in obj in
// auth middleware (h = auth(h)): ok when one always runs, else the
// conditional one, if any.
func (g *Guard) wrapAuth(obj types.Object) (cond *Conditional, ok bool) {
	for _, rhs := range g.assigns[obj] {
		as, isAssign := g.parentOf(rhs).(*ast.AssignStmt)
		call, isCall := ast.Unparen(rhs).(*ast.CallExpr)
		if !isAssign || as.Tok != token.ASSIGN || !isCall {
			continue
		}
		var off string
		if !g.IsAuth(rhs) {
			if off = g.offWhen(rhs); off == "" {
				continue
			}
		}
		c := g.conditional(obj, call, rhs, off)
		if c == nil {
			return nil, true
		}
		if cond == nil {
			cond = c
		}
	}
	return cond, false
}
