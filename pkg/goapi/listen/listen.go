// Package listen models what a program's servers listen on: a Unix
// socket, a loopback address or the network. It follows the values that
// reach the listen calls (net.Listen's network and address, an
// http.Server's Addr, http.ListenAndServe, gin's Run, echo's Start,
// fiber's Listen, mcp-go's Start, also through an interface that holds
// its transports) back through constants, string
// concatenation and fmt.Sprintf formats, local and package variables,
// struct fields, the defaults of command-line flags, the parameters of
// the functions that carry them (at every call in the module) and the
// results of the functions that build them, including a host URL split
// into its scheme ("unix://…" → "unix") by strings.Cut, url.Parse or a
// constructor of the program's own.
//
// A value is judged by what the code gives it by default: a flag whose
// default is a Unix socket counts as a Unix socket, though a user may pass
// a TCP address. A value read from the environment, a file or anything
// not followed here is unknown, and a package with an unknown listener is
// judged as before (a network listener).
//
// The analysis of one package cannot see the packages that import it
// (the command that passes its flag to the server's constructor), so the
// analyzer only collects; Module joins the packages of a module after
// their analysis (lint.ModuleStep).
package listen

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Kind is what a listener accepts connections from.
type Kind uint8

const (
	Unknown  Kind = iota // not followed to a constant, or several kinds
	Network              // an address on every or on a public interface
	Loopback             // a loopback address: this machine only
	Unix                 // a Unix socket (or a Windows named pipe): the user's own processes
)

// Package is what Analyzer collects from one package: its listen sites,
// and the syntax that Module follows values through.
type Package struct {
	pass  *analysis.Pass
	files map[string]bool // absolute file names
	sites []site
	// served are the servers that rules report at their own position (a
	// serve call, an http.Server literal), each with what it serves on:
	// a finding there is judged by its own listeners, not by every listen
	// call of the package.
	served []served
	// open is the position of an os.Chmod that gives every user write
	// access to a file (a socket made world-writable).
	open token.Pos
}

type site struct {
	pos     token.Pos
	what    string   // "net.Listen"
	network ast.Expr // nil: TCP
	addr    ast.Expr // nil: defAddr, or the Addr of recv
	recv    ast.Expr // an http.Server whose Addr is the address
	defAddr string   // the address when the call names none (gin's Run(): ":8080")
}

// served is a server at pos: it listens at the listen sites, and serves
// the listeners (net.Listener values) lis.
type served struct {
	pos   token.Pos
	sites []site
	lis   []ast.Expr
}

// Analyzer collects a package's listen sites for Module.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditlisten",
	Doc:        "collects the listen calls of a package and what their network and address come from",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        collect,
	ResultType: reflect.TypeFor[*Package](),
}

func collect(pass *analysis.Pass) (any, error) {
	p := &Package{pass: pass, files: map[string]bool{}}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			p.files[tf.Name()] = true
		}
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := goapi.Callee(pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		args := call.Args
		s := site{pos: call.Pos()}
		recvName := ""
		if r := fn.Signature().Recv(); r != nil {
			t := r.Type()
			if pt, ok := t.(*types.Pointer); ok {
				t = pt.Elem()
			}
			if nt, ok := types.Unalias(t).(*types.Named); ok {
				recvName = nt.Obj().Name()
			}
		}
		path := goapi.CanonPath(fn.Pkg().Path())
		switch key := path + "." + recvName + "." + fn.Name(); {
		case key == "net..Listen" && len(args) == 2, key == "net..ListenUnix" && len(args) == 2:
			s.network, s.addr = args[0], args[1]
		case key == "net.ListenConfig.Listen" && len(args) == 3:
			s.network, s.addr = args[1], args[2]
		case key == "net..ListenTCP":
			s.network = args[0] // the address is a *net.TCPAddr: unknown
		case key == "os..Chmod" && len(args) == 2:
			if v := pass.TypesInfo.Types[args[1]].Value; v != nil {
				if m, ok := constant.Int64Val(v); ok && m&0o002 != 0 {
					p.open = call.Pos()
				}
			}
			continue
		case key == "net/http..ListenAndServe" || key == "net/http..ListenAndServeTLS":
			if len(args) > 0 {
				s.addr = args[0]
			}
		case key == "net/http.Server.ListenAndServe" || key == "net/http.Server.ListenAndServeTLS":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				s.recv = sel.X
			}
			s.defAddr = ":http"
		case strings.HasPrefix(path, "github.com/gin-gonic/gin") && recvName == "Engine" && (fn.Name() == "Run" || fn.Name() == "RunTLS"),
			strings.HasPrefix(path, "github.com/labstack/echo") && recvName == "Echo" && (fn.Name() == "Start" || fn.Name() == "StartTLS"),
			strings.HasPrefix(path, "github.com/gofiber/fiber") && recvName == "App" && (fn.Name() == "Listen" || fn.Name() == "ListenTLS"),
			path == "github.com/mark3labs/mcp-go/server" && (recvName == "StreamableHTTPServer" || recvName == "SSEServer") && fn.Name() == "Start":
			if len(args) > 0 {
				s.addr = args[0]
			} else {
				s.defAddr = ":8080" // gin's Run() with no address
			}
		case fn.Name() == "Start" && len(args) == 1 && fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type()) && heldMCPServer(pass.TypesInfo, ins, call):
			// srv.Start(addr) on an interface that holds mcp-go's
			// transports (a command that picks SSE or streamable HTTP)
			s.addr = args[0]
			if recvName == "" {
				recvName = "Server"
			}
		default:
			continue
		}
		s.what = fn.Name()
		if recvName != "" {
			s.what = recvName + "." + fn.Name()
		} else {
			s.what = fn.Pkg().Name() + "." + fn.Name()
		}
		p.sites = append(p.sites, s)
		p.served = append(p.served, served{pos: call.Pos(), sites: []site{s}})
		if s.recv != nil {
			if lit := serverLit(pass.TypesInfo, ins, call, s.recv); lit != nil {
				p.served = append(p.served, served{pos: lit.Pos(), sites: []site{s}})
			}
		}
	}
	// Servers on a listener: http.Serve(l, h), srv.Serve(l) and their TLS
	// forms, at the call and at the literal of srv.
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := goapi.Callee(pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || (fn.Name() != "Serve" && fn.Name() != "ServeTLS") {
			continue
		}
		switch r := fn.Signature().Recv(); {
		case r == nil && len(call.Args) > 0:
			p.served = append(p.served, served{pos: call.Pos(), lis: []ast.Expr{call.Args[0]}})
		case r != nil && goapi.TypeName(r.Type()) == "Server" && len(call.Args) > 0:
			p.served = append(p.served, served{pos: call.Pos(), lis: []ast.Expr{call.Args[0]}})
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if lit := serverLit(pass.TypesInfo, ins, call, sel.X); lit != nil {
					p.served = append(p.served, served{pos: lit.Pos(), lis: []ast.Expr{call.Args[0]}})
				}
			}
		}
	}
	return p, nil
}

// heldMCPServer reports whether call is a method call on a local
// variable of an interface type whose every value, as the enclosing
// function assigns it, is one of mcp-go's HTTP transports.
func heldMCPServer(info *types.Info, ins *inspector.Inspector, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !types.IsInterface(v.Type()) || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	cur, ok := ins.Root().FindNode(call)
	if !ok {
		return false
	}
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		body = c.Node()
		break
	}
	if body == nil {
		return false
	}
	n, all := 0, true
	ast.Inspect(body, func(x ast.Node) bool {
		as, ok := x.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			lid, ok := l.(*ast.Ident)
			if !ok || info.ObjectOf(lid) != v {
				continue
			}
			n++
			var t types.Type
			switch {
			case len(as.Lhs) == len(as.Rhs):
				t = info.TypeOf(as.Rhs[i])
			case len(as.Rhs) == 1:
				if tup, ok := info.TypeOf(as.Rhs[0]).(*types.Tuple); ok && i < tup.Len() {
					t = tup.At(i).Type()
				}
			}
			if !goapi.IsType(t, "github.com/mark3labs/mcp-go/server", "StreamableHTTPServer") &&
				!goapi.IsType(t, "github.com/mark3labs/mcp-go/server", "SSEServer") {
				all = false
			}
		}
		return true
	})
	return n > 0 && all
}

// serverLit is the http.Server literal that recv, the receiver of a call
// in the same function, holds: &http.Server{...} itself, or a local
// variable assigned only that literal; nil otherwise.
func serverLit(info *types.Info, ins *inspector.Inspector, call *ast.CallExpr, recv ast.Expr) *ast.CompositeLit {
	e := ast.Unparen(recv)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return fieldLit(info, ins, sel)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	cur, ok := ins.Root().FindNode(call)
	if !ok {
		return nil
	}
	body := goapi.EnclosingFunc(cur)
	if body == nil {
		return nil
	}
	var lit *ast.CompositeLit
	n := 0
	ast.Inspect(body, func(x ast.Node) bool {
		as, ok := x.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
				n++
				if len(as.Lhs) == len(as.Rhs) {
					r := ast.Unparen(as.Rhs[i])
					if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
						r = ast.Unparen(u.X)
					}
					lit, _ = r.(*ast.CompositeLit)
				}
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return lit
}

// fieldLit is the composite literal that the field sel names is given,
// when the package gives it exactly one value and that value is a literal
// (s.server = &http.Server{Handler: s.mux}, or {server: &http.Server{}}).
func fieldLit(info *types.Info, ins *inspector.Inspector, sel *ast.SelectorExpr) *ast.CompositeLit {
	f, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || !f.IsField() {
		return nil
	}
	var lit *ast.CompositeLit
	n := 0
	give := func(v ast.Expr) {
		n++
		v = ast.Unparen(v)
		if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
			v = ast.Unparen(u.X)
		}
		lit, _ = v.(*ast.CompositeLit)
	}
	for x := range ins.PreorderSeq((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch x := x.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if ls, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && info.Uses[ls.Sel] == f {
					if len(x.Lhs) != len(x.Rhs) {
						return nil
					}
					give(x.Rhs[i])
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := x.Key.(*ast.Ident); ok && info.Uses[k] == f {
				give(x.Value)
			}
		}
	}
	if n != 1 {
		return nil
	}
	return lit
}

// Module joins the packages of one module to follow values across them.
type Module struct {
	pkgs []*Package

	once    sync.Once
	decls   map[string]declRef   // goapi.Of(fn).String() → declaration
	params  map[string]paramRef  // objKey of a parameter → its function and index
	calls   map[string][]callRef // function → its static calls
	sources map[string][]srcRef  // objKey of a variable or field → what is assigned to it
	flags   map[string][]srcRef  // a string flag's name → its default values
	busy    map[string]bool      // objKeys being followed (cycles)

	mu       sync.Mutex
	verdicts map[*Package]Verdict

	reachOnce sync.Once
	reach     *reachIndex // Unserved
}

type declRef struct {
	pkg  *Package
	decl *ast.FuncDecl
}
type paramRef struct {
	fn  string
	idx int
	// open: the function is exported from a package that other modules
	// may import (not main, not under internal/), so its callers are not
	// all in the module.
	open bool
}
type callRef struct {
	pkg  *Package
	call *ast.CallExpr
}

// srcRef is an expression assigned to a variable: the value of e, or,
// with idx ≥ 0, the idx-th result of the call e.
type srcRef struct {
	pkg *Package
	e   ast.Expr
	idx int
}

// NewModule joins the collected results of Analyzer (other values are
// skipped).
func NewModule(collected []any) *Module {
	m := &Module{verdicts: map[*Package]Verdict{}}
	for _, c := range collected {
		if p, ok := c.(*Package); ok && p != nil {
			m.pkgs = append(m.pkgs, p)
		}
	}
	if len(m.pkgs) == 0 {
		return m
	}
	// The rules that grade by listener collect the same packages: the
	// module is joined once for all of them.
	last.Lock()
	defer last.Unlock()
	if last.m != nil && last.m.pkgs[0] == m.pkgs[0] && len(last.m.pkgs) == len(m.pkgs) {
		return last.m
	}
	last.m = m
	return m
}

// last is the module joined last.
var last struct {
	sync.Mutex
	m *Module
}

// Verdict is what the servers of the package that holds file listen on.
type Verdict struct {
	Kind Kind
	// Where is the first listen call, "net_other.go:56"; Addr the address
	// or network it was followed to ("unix", "127.0.0.1:8316").
	Where, Addr string
	// Own: the verdict is for one server's own listeners (Module.At),
	// not for every listen call of its package.
	Own bool
}

// Reason is the phrase a message gives for a local verdict: "it is served
// on a Unix socket only (net.Listen at net_other.go:56)"; "" otherwise.
func (v Verdict) Reason() string {
	who := "its package serves"
	if v.Own {
		who = "it serves"
	}
	switch v.Kind {
	case Unix:
		return fmt.Sprintf("%s on a %s only (%s), which no other machine can reach and, with the default file mode, no other user can open", who, v.Addr, v.Where)
	case Loopback:
		return fmt.Sprintf("%s on %s only (%s), reachable from this machine only", who, v.Addr, v.Where)
	}
	return ""
}

// Of is the verdict for the package whose files include file (absolute,
// or relative to root): Unix or Loopback when every listen call of the
// package was followed to one (Unix when all are Unix sockets), Unknown
// when the package has no listen call or one that listens elsewhere or
// on a value not followed.
func (m *Module) Of(root, file string) Verdict {
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, filepath.FromSlash(file))
	}
	for _, p := range m.pkgs {
		if p.files[file] {
			m.mu.Lock()
			defer m.mu.Unlock()
			v, ok := m.verdicts[p]
			if !ok {
				v = m.verdict(p)
				m.verdicts[p] = v
			}
			return v
		}
	}
	return Verdict{}
}

// At is the verdict for the server that a finding at file, line and
// column reports on, when the package collected one there (a serve call,
// an http.Server literal) and its listeners could be followed: Network
// (no lowering) when one of them listens on the network, Unix or
// Loopback when all are local. ok is false when there is no such server,
// or it could not be followed: the package's verdict (Of) applies.
func (m *Module) At(root, file string, line, col int) (v Verdict, ok bool) {
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, filepath.FromSlash(file))
	}
	for _, p := range m.pkgs {
		if !p.files[file] {
			continue
		}
		for _, sv := range p.served {
			pos := p.pass.Fset.Position(sv.pos)
			if pos.Filename != file || pos.Line != line || pos.Column != col {
				continue
			}
			if p.open.IsValid() {
				return Verdict{Kind: Network}, true // a world-writable socket
			}
			m.mu.Lock()
			v := m.servedVerdict(p, sv)
			m.mu.Unlock()
			return v, v.Kind != Unknown
		}
	}
	return Verdict{}, false
}

// servedVerdict judges one server by its listen sites and listeners.
func (m *Module) servedVerdict(p *Package, sv served) Verdict {
	m.once.Do(m.index)
	out := Verdict{Kind: Unix, Own: true}
	first := true
	add := func(k Kind, addr, where string) bool {
		if k == Unknown || k == Network {
			out = Verdict{Kind: k, Addr: addr, Where: where}
			return false
		}
		if first || k == Loopback && out.Kind == Unix {
			out.Where, out.Addr = where, addr
		}
		first = false
		out.Kind = min(out.Kind, k)
		return true
	}
	for _, s := range sv.sites {
		k, addr := m.site(p, s)
		if !add(k, addr, p.where(s)) {
			return out
		}
	}
	for _, l := range sv.lis {
		ls := m.listener(p, l, 0)
		if ls.unknown || len(ls.list) == 0 {
			return Verdict{}
		}
		for _, x := range ls.list {
			if !add(x.kind, x.addr, x.where) {
				return out
			}
		}
	}
	return out
}

// where is "net.Listen at main.go:12" for a listen site.
func (p *Package) where(s site) string {
	pos := p.pass.Fset.Position(s.pos)
	return fmt.Sprintf("%s at %s:%d", s.what, filepath.Base(pos.Filename), pos.Line)
}

// lis is what a listener value may be: the listen calls it may come from,
// judged.
type lis struct {
	list    []lisSite
	unknown bool
}

type lisSite struct {
	kind        Kind
	addr, where string
}

// listener follows a net.Listener value to the listen calls that make
// it, through variables, struct fields, the parameters of the module's
// functions (at every call), their results, and wrappers that keep the
// address (tls.NewListener, netutil.LimitListener).
func (m *Module) listener(p *Package, e ast.Expr, depth int) lis {
	if depth > maxDepth || e == nil {
		return lis{unknown: true}
	}
	info := p.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return m.listenerCall(p, x, -1, depth+1)
	case *ast.Ident:
		return m.listenerObj(p, info.Uses[x], depth+1)
	case *ast.SelectorExpr:
		return m.listenerObj(p, info.Uses[x.Sel], depth+1)
	}
	return lis{unknown: true}
}

func (m *Module) listenerObj(p *Package, obj types.Object, depth int) lis {
	return follow(m, p, obj, depth, lis{unknown: true}, m.listener, m.listenerCall)
}

// listenerCall is the listener that the idx-th result of call is (idx <
// 0: its only result).
func (m *Module) listenerCall(p *Package, call *ast.CallExpr, idx, depth int) lis {
	info := p.pass.TypesInfo
	fn := goapi.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || idx > 0 {
		return lis{unknown: true}
	}
	args := call.Args
	s := site{pos: call.Pos(), what: fn.Pkg().Name() + "." + fn.Name()}
	switch path, recv := goapi.CanonPath(fn.Pkg().Path()), goapi.TypeName(recvType(fn)); {
	case path == "net" && recv == "" && (fn.Name() == "Listen" || fn.Name() == "ListenUnix") && len(args) == 2,
		path == "crypto/tls" && recv == "" && fn.Name() == "Listen" && len(args) == 3:
		s.network, s.addr = args[0], args[1]
	case path == "net" && recv == "ListenConfig" && fn.Name() == "Listen" && len(args) == 3:
		s.network, s.addr = args[1], args[2]
	case path == "crypto/tls" && fn.Name() == "NewListener" && len(args) == 2,
		path == "golang.org/x/net/netutil" && fn.Name() == "LimitListener" && len(args) == 2:
		return m.listener(p, args[0], depth+1)
	default:
		d, ok := m.decls[goapi.Of(fn).String()]
		if !ok || d.decl.Body == nil {
			return lis{unknown: true}
		}
		i := max(idx, 0)
		var out lis
		returns(d.decl.Body, func(r *ast.ReturnStmt) {
			if i < len(r.Results) && len(r.Results) == d.decl.Type.Results.NumFields() {
				out.merge(m.listener(d.pkg, r.Results[i], depth+1))
			} else {
				out.unknown = true
			}
		})
		return out
	}
	k, addr := m.site(p, s)
	if k == Unknown {
		return lis{unknown: true}
	}
	return lis{list: []lisSite{{k, addr, p.where(s)}}}
}

func recvType(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

func (l *lis) isUnknown() bool { return l.unknown }

func (l *lis) merge(o lis) {
	l.unknown = l.unknown || o.unknown
	for _, x := range o.list {
		if len(l.list) >= 16 {
			l.unknown = true
			return
		}
		l.list = append(l.list, x)
	}
}

func (m *Module) verdict(p *Package) Verdict {
	if len(p.sites) == 0 || p.open.IsValid() {
		return Verdict{}
	}
	m.once.Do(m.index)
	out := Verdict{Kind: Unix}
	for i, s := range p.sites {
		k, addr := m.site(p, s)
		if k == Unknown || k == Network {
			return Verdict{}
		}
		if i == 0 || k == Loopback && out.Kind == Unix {
			pos := p.pass.Fset.Position(s.pos)
			out.Where = fmt.Sprintf("%s at %s:%d", s.what, filepath.Base(pos.Filename), pos.Line)
			out.Addr = addr
		}
		out.Kind = min(out.Kind, k)
	}
	return out
}

// site judges one listen call.
func (m *Module) site(p *Package, s site) (Kind, string) {
	tcp := s.network == nil
	unixName := ""
	if s.network != nil {
		vs := m.eval(p, s.network, 0)
		if vs.unknown || len(vs.list) == 0 {
			return Unknown, ""
		}
		for _, v := range vs.list {
			switch {
			case !v.exact:
				return Unknown, ""
			case v.s == "unix" || v.s == "unixpacket":
				unixName = "Unix socket"
			case v.s == "npipe":
				if unixName == "" {
					unixName = "Windows named pipe"
				}
			case v.s == "tcp" || v.s == "tcp4" || v.s == "tcp6":
				tcp = true
			default:
				return Unknown, ""
			}
		}
	}
	if !tcp {
		return Unix, unixName
	}
	var vs vals
	switch {
	case s.addr != nil:
		vs = m.eval(p, s.addr, 0)
	case s.recv != nil:
		vs = m.field(p, s.recv, -1, "Addr", 0)
		if !vs.unknown && len(vs.list) == 0 {
			vs.add(s.defAddr, true)
		}
	default:
		vs.add(s.defAddr, true)
	}
	if vs.unknown || len(vs.list) == 0 || (s.network == nil && s.addr == nil && s.recv == nil && s.defAddr == "") {
		return Unknown, ""
	}
	for _, v := range vs.list {
		if v.s == "" && !v.exact {
			return Unknown, ""
		}
		if !v.exact && !strings.Contains(v.s, ":") {
			return Unknown, "" // "127.0.0" + …: the host is not complete
		}
		if !goapi.Loopback(v.s) {
			return Network, v.s
		}
	}
	if first := vs.list[0]; !first.exact {
		return Loopback, first.s + "…"
	}
	return Loopback, vs.list[0].s
}

// val is a string the code may give: the whole of it, or a prefix.
type val struct {
	s     string
	exact bool
}

type vals struct {
	list    []val
	unknown bool
}

func (v *vals) add(s string, exact bool) {
	for _, x := range v.list {
		if x.s == s && x.exact == exact {
			return
		}
	}
	if len(v.list) >= 16 {
		v.unknown = true
		return
	}
	v.list = append(v.list, val{s, exact})
}

func (v *vals) isUnknown() bool { return v.unknown }

func (v *vals) merge(w vals) {
	v.unknown = v.unknown || w.unknown
	for _, x := range w.list {
		v.add(x.s, x.exact)
	}
}

func unknown() vals { return vals{unknown: true} }

const maxDepth = 24

// eval is the strings e may hold, in package p.
func (m *Module) eval(p *Package, e ast.Expr, depth int) vals {
	if depth > maxDepth || e == nil {
		return unknown()
	}
	info := p.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			var v vals
			v.add(constant.StringVal(tv.Value), true)
			return v
		}
		return unknown()
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return unknown()
		}
		l, r := m.eval(p, x.X, depth+1), m.eval(p, x.Y, depth+1)
		if l.unknown {
			return unknown()
		}
		var out vals
		for _, a := range l.list {
			if !a.exact {
				out.add(a.s, false)
				continue
			}
			if r.unknown {
				out.add(a.s, false)
			}
			for _, b := range r.list {
				out.add(a.s+b.s, b.exact)
			}
		}
		return out
	case *ast.StarExpr:
		return m.eval(p, x.X, depth+1)
	case *ast.CallExpr:
		return m.evalCall(p, x, -1, depth+1)
	case *ast.Ident:
		return m.evalObj(p, info.Uses[x], depth+1)
	case *ast.SelectorExpr:
		obj := info.Uses[x.Sel]
		if v, ok := obj.(*types.Var); ok && v.IsField() {
			if d, ok := TagDefault(info, x); ok {
				// a configuration field filled from the environment or a
				// file: judged by its default, as a flag is
				var out vals
				out.add(d, true)
				return out
			}
			return m.field(p, x.X, -1, x.Sel.Name, depth+1)
		}
		return m.evalObj(p, obj, depth+1)
	}
	return unknown()
}

// evalObj follows a variable to what is assigned to it, and a parameter
// to the arguments of its function's calls.
func (m *Module) evalObj(p *Package, obj types.Object, depth int) vals {
	return follow(m, p, obj, depth, unknown(), m.eval, m.evalCall)
}

// gathered is what follow collects: the strings a value may hold (vals)
// or the listeners it may be (lis).
type gathered[T any] interface {
	*T
	merge(T)
	isUnknown() bool
}

// follow gathers what a variable may hold: for a parameter of the
// module's functions, expr of the argument at each call; otherwise expr
// of each expression assigned to it, or call for the result of a call it
// is assigned from. An argument list spread with ... and anything not
// followed give unk; a variable met again inside its own walk adds
// nothing.
func follow[T any, PT gathered[T]](m *Module, p *Package, obj types.Object, depth int, unk T,
	expr func(*Package, ast.Expr, int) T, call func(*Package, *ast.CallExpr, int, int) T) T {
	v, ok := obj.(*types.Var)
	if !ok {
		return unk
	}
	key := objKey(p.pass.Fset, v)
	var out T
	if m.busy[key] {
		return out
	}
	m.busy[key] = true
	defer delete(m.busy, key)
	if pr, ok := m.params[key]; ok {
		calls := m.calls[pr.fn]
		if len(calls) == 0 || pr.open {
			return unk
		}
		for _, c := range calls {
			if pr.idx >= len(c.call.Args) || c.call.Ellipsis.IsValid() {
				return unk
			}
			PT(&out).merge(expr(c.pkg, c.call.Args[pr.idx], depth+1))
		}
		return out
	}
	srcs := m.sources[key]
	if len(srcs) == 0 {
		return unk
	}
	for _, s := range srcs {
		if s.e == nil {
			return unk
		}
		if s.idx >= 0 {
			c, ok := ast.Unparen(s.e).(*ast.CallExpr)
			if !ok {
				return unk
			}
			PT(&out).merge(call(s.pkg, c, s.idx, depth+1))
		} else {
			PT(&out).merge(expr(s.pkg, s.e, depth+1))
		}
		if PT(&out).isUnknown() {
			return out
		}
	}
	return out
}

// evalCall is the strings the idx-th result of call may hold (idx < 0: its
// only result).
func (m *Module) evalCall(p *Package, call *ast.CallExpr, idx, depth int) vals {
	info := p.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return m.eval(p, call.Args[0], depth+1) // string(x), a named string type
	}
	fn := goapi.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return unknown()
	}
	path, name, args := goapi.CanonPath(fn.Pkg().Path()), fn.Name(), call.Args
	switch {
	case path == "fmt" && name == "Sprintf" && len(args) > 0:
		return m.sprintf(p, args, depth)
	case path == "os" && (name == "Getenv" || name == "LookupEnv"):
		// The environment overrides a default as a flag does: it adds
		// no default of its own (a value read from it alone is unknown).
		return vals{}
	case strings.HasSuffix(path, "/pflag") && strings.HasPrefix(name, "GetString") && len(args) == 1:
		// cmd.Flags().GetString("host"): the defaults of the flags of
		// that name in the module.
		n := m.eval(p, args[0], depth+1)
		if n.unknown || len(n.list) != 1 || !n.list[0].exact || len(m.flags[n.list[0].s]) == 0 {
			return unknown()
		}
		var out vals
		for _, d := range m.flags[n.list[0].s] {
			out.merge(m.eval(d.pkg, d.e, depth+1))
		}
		return out
	case path == "net" && name == "JoinHostPort" && len(args) == 2:
		h := m.eval(p, args[0], depth+1)
		var out vals
		out.unknown = h.unknown
		for _, v := range h.list {
			if !v.exact {
				return unknown()
			}
			out.add(net2(v.s), false)
		}
		return out
	case path == "strings" && name == "Cut" && len(args) == 2 && idx <= 1:
		s, sep := m.eval(p, args[0], depth+1), m.eval(p, args[1], depth+1)
		if s.unknown || sep.unknown || len(sep.list) != 1 || !sep.list[0].exact {
			return unknown()
		}
		return cut(s, sep.list[0].s, idx == 1)
	case path == "strings" && (name == "TrimSpace" || name == "ToLower") && len(args) == 1:
		return m.eval(p, args[0], depth+1) // the same address, tidied
	case path == "cmp" && name == "Or" && len(args) > 0:
		// The first non-empty value: any of them but an empty one.
		var out vals
		for _, a := range args {
			v := m.eval(p, a, depth+1)
			out.unknown = out.unknown || v.unknown
			for _, x := range v.list {
				if x.s != "" || !x.exact {
					out.add(x.s, x.exact)
				}
			}
		}
		return out
	case path == "flag" || strings.HasSuffix(path, "/pflag"):
		if i := flagDefault(name); i >= 0 && i < len(args) {
			return m.eval(p, args[i], depth+1)
		}
		return unknown()
	}
	return m.results(fn, idx, func(p *Package, e ast.Expr) vals { return m.eval(p, e, depth+1) })
}

// results merges what each return statement of the module's function fn
// gives for its idx-th result (idx < 0: the first), read by value; a
// function outside the module, or a return of another shape, is unknown.
func (m *Module) results(fn *types.Func, idx int, value func(*Package, ast.Expr) vals) vals {
	d, ok := m.decls[goapi.Of(fn).String()]
	if !ok || d.decl.Body == nil {
		return unknown()
	}
	if idx < 0 {
		idx = 0
	}
	var out vals
	returns(d.decl.Body, func(r *ast.ReturnStmt) {
		if idx < len(r.Results) && len(r.Results) == d.decl.Type.Results.NumFields() {
			out.merge(value(d.pkg, r.Results[idx]))
		} else {
			out.unknown = true
		}
	})
	return out
}

// field is the strings field name of the value e may hold (idx ≥ 0: of the
// idx-th result of the call e): followed through composite literals,
// variables, the results of the module's functions and url.Parse, then
// through every assignment to the field in the module when the field's
// type is declared there (a configuration default).
func (m *Module) field(p *Package, e ast.Expr, idx int, name string, depth int) vals {
	if depth > maxDepth {
		return unknown()
	}
	info := p.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					return m.eval(p, kv.Value, depth+1)
				}
			}
		}
		var zero vals
		zero.add("", true)
		return zero
	case *ast.Ident:
		if id := x; id.Name == "nil" && info.Uses[id] == types.Universe.Lookup("nil") {
			return vals{}
		}
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return unknown()
		}
		key := objKey(p.pass.Fset, v)
		if _, isParam := m.params[key]; isParam || len(m.sources[key]) == 0 || m.busy[key] {
			return m.fieldSources(p, e, name, depth)
		}
		m.busy[key] = true
		defer delete(m.busy, key)
		var out vals
		for _, s := range m.sources[key] {
			if s.e == nil {
				return unknown()
			}
			out.merge(m.field(s.pkg, s.e, s.idx, name, depth+1))
		}
		return out
	case *ast.CallExpr:
		fn := goapi.Callee(info, x)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/url" && fn.Name() == "Parse" && len(x.Args) == 1 && idx <= 0 {
			s := m.eval(p, x.Args[0], depth+1)
			switch name {
			case "Scheme":
				return cut(s, "://", false)
			case "Host":
				return cut(s, "://", true)
			}
			return unknown()
		}
		if fn == nil {
			return unknown()
		}
		return m.results(fn, idx, func(p *Package, e ast.Expr) vals { return m.field(p, e, -1, name, depth+1) })
	}
	return m.fieldSources(p, e, name, depth)
}

// fieldSources is every value the module assigns to the field name of
// e's type, when that type is declared in the module.
func (m *Module) fieldSources(p *Package, e ast.Expr, name string, depth int) vals {
	t := p.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return unknown()
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, p.pass.Pkg, name)
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || !m.inModule(v.Pkg().Path()) {
		return unknown()
	}
	return m.evalObj(p, v, depth+1)
}

func (m *Module) inModule(path string) bool {
	for _, p := range m.pkgs {
		if p.pass.Pkg.Path() == path {
			return true
		}
	}
	return false
}

// sprintf is the strings fmt.Sprintf(args...) may give: the format's
// text with each verb replaced by its argument's strings; a verb whose
// argument is not a known string ends the value as a prefix.
func (m *Module) sprintf(p *Package, args []ast.Expr, depth int) vals {
	f := m.eval(p, args[0], depth+1)
	if f.unknown || len(f.list) != 1 || !f.list[0].exact {
		var out vals
		out.unknown = f.unknown
		for _, v := range f.list {
			if i := strings.IndexByte(v.s, '%'); i >= 0 {
				out.add(v.s[:i], false)
			} else {
				out.add(v.s, v.exact)
			}
		}
		return out
	}
	format := f.list[0].s
	cur := []val{{"", true}}
	argi := 1
	for len(format) > 0 {
		i := strings.IndexByte(format, '%')
		if i < 0 {
			i = len(format)
		}
		for j := range cur {
			if cur[j].exact {
				cur[j].s += format[:i]
			}
		}
		format = format[i:]
		if format == "" {
			break
		}
		if len(format) > 1 && format[1] == '%' {
			for j := range cur {
				if cur[j].exact {
					cur[j].s += "%"
				}
			}
			format = format[2:]
			continue
		}
		// a verb: %s, %v, %d, %q, with flags or width
		k := 1
		for k < len(format) && strings.IndexByte("+-# 0123456789.", format[k]) >= 0 {
			k++
		}
		verb := byte('v')
		if k < len(format) {
			verb = format[k]
			k++
		}
		format = format[min(k, len(format)):]
		var a vals
		if argi < len(args) && (verb == 's' || verb == 'v') {
			a = m.eval(p, args[argi], depth+1)
		} else {
			a = unknown()
		}
		argi++
		var next []val
		for _, c := range cur {
			if !c.exact {
				next = append(next, c)
				continue
			}
			if a.unknown || len(a.list) == 0 {
				next = append(next, val{c.s, false})
				continue
			}
			for _, x := range a.list {
				next = append(next, val{c.s + x.s, x.exact})
			}
		}
		if len(next) > 16 {
			return unknown()
		}
		cur = next
	}
	var out vals
	for _, c := range cur {
		out.add(c.s, c.exact)
	}
	return out
}

// cut is the part of each string before (after: after) sep.
func cut(s vals, sep string, after bool) vals {
	if s.unknown {
		return unknown()
	}
	var out vals
	for _, v := range s.list {
		before, rest, found := strings.Cut(v.s, sep)
		switch {
		case !found && v.exact:
			if after {
				out.add("", true)
			} else {
				out.add(v.s, true)
			}
		case !found:
			return unknown()
		case after:
			out.add(rest, v.exact)
		default:
			out.add(before, true)
		}
	}
	return out
}

// net2 is a host followed by the port separator.
func net2(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:"
	}
	return host + ":"
}

// flagDefault is the index of the default value among the arguments of a
// flag or pflag function (a FlagSet method has the same arguments); -1
// when name is not one that defines a flag.
func flagDefault(name string) int {
	if !strings.HasPrefix(name, "String") {
		return -1
	}
	switch {
	case strings.HasSuffix(name, "VarP"):
		return 3
	case strings.HasSuffix(name, "Var"), strings.HasSuffix(name, "P"):
		return 2
	}
	return 1
}

// returns calls f for each return statement of body, outside function
// literals.
func returns(body *ast.BlockStmt, f func(*ast.ReturnStmt)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			f(n)
		}
		return true
	})
}

// objKey names a variable the same way in every package of the module.
func objKey(fset *token.FileSet, v types.Object) string {
	pos := fset.Position(v.Pos())
	path := ""
	if v.Pkg() != nil {
		path = v.Pkg().Path()
	}
	return fmt.Sprintf("%s.%s@%s:%d:%d", path, v.Name(), filepath.Base(pos.Filename), pos.Line, pos.Column)
}

// index reads the module's function declarations, calls and assignments.
func (m *Module) index() {
	m.decls, m.params = map[string]declRef{}, map[string]paramRef{}
	m.calls, m.sources, m.flags = map[string][]callRef{}, map[string][]srcRef{}, map[string][]srcRef{}
	m.busy = map[string]bool{}
	for _, p := range m.pkgs {
		info, fset := p.pass.TypesInfo, p.pass.Fset
		addSrc := func(lhs ast.Expr, src srcRef) {
			var obj types.Object
			switch l := ast.Unparen(lhs).(type) {
			case *ast.Ident:
				obj = info.ObjectOf(l)
			case *ast.SelectorExpr:
				obj = info.Uses[l.Sel]
			}
			if v, ok := obj.(*types.Var); ok {
				k := objKey(fset, v)
				m.sources[k] = append(m.sources[k], src)
			}
		}
		for _, f := range p.pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fn, ok := info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				name := goapi.Of(fn).String()
				m.decls[name] = declRef{p, fd}
				open := fn.Exported() && p.pass.Pkg.Name() != "main" && !internal(p.pass.Pkg.Path())
				if recv := fn.Signature().Recv(); recv != nil && open {
					t := recv.Type()
					if pt, ok := t.(*types.Pointer); ok {
						t = pt.Elem()
					}
					if nt, ok := types.Unalias(t).(*types.Named); ok {
						open = nt.Obj().Exported()
					}
				}
				i := 0
				for _, fld := range fd.Type.Params.List {
					for _, id := range fld.Names {
						if v, ok := info.Defs[id].(*types.Var); ok {
							m.params[objKey(fset, v)] = paramRef{name, i, open}
						}
						i++
					}
					if len(fld.Names) == 0 {
						i++
					}
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fn := goapi.Callee(info, n)
					if fn == nil || fn.Pkg() == nil {
						return true
					}
					name := goapi.Of(fn).String()
					m.calls[name] = append(m.calls[name], callRef{p, n})
					path := goapi.CanonPath(fn.Pkg().Path())
					if path == "flag" || strings.HasSuffix(path, "/pflag") {
						// The flag's name, for GetString lookups.
						if i := flagDefault(fn.Name()); i > 0 && i < len(n.Args) {
							nameArg := 0
							if strings.HasSuffix(fn.Name(), "Var") || strings.HasSuffix(fn.Name(), "VarP") {
								nameArg = 1
							}
							if tv, ok := info.Types[n.Args[nameArg]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
								name := constant.StringVal(tv.Value)
								m.flags[name] = append(m.flags[name], srcRef{p, n.Args[i], -1})
							}
						}
					}
					if (path == "flag" || strings.HasSuffix(path, "/pflag")) && (strings.HasSuffix(fn.Name(), "Var") || strings.HasSuffix(fn.Name(), "VarP")) {
						if i := flagDefault(fn.Name()); i > 0 && i < len(n.Args) {
							if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
								addSrc(u.X, srcRef{p, n.Args[i], -1})
							}
						}
					}
				case *ast.AssignStmt:
					if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
						for _, l := range n.Lhs {
							addSrc(l, srcRef{p, nil, -1}) // x += …: not followed
						}
						return true
					}
					for i, l := range n.Lhs {
						if len(n.Lhs) == len(n.Rhs) {
							addSrc(l, srcRef{p, n.Rhs[i], -1})
						} else if len(n.Rhs) == 1 {
							addSrc(l, srcRef{p, n.Rhs[0], i})
						}
					}
				case *ast.ValueSpec:
					for i, id := range n.Names {
						switch {
						case len(n.Values) == len(n.Names):
							addSrc(id, srcRef{p, n.Values[i], -1})
						case len(n.Values) == 1:
							addSrc(id, srcRef{p, n.Values[0], i})
						}
					}
				case *ast.RangeStmt:
					for _, l := range []ast.Expr{n.Key, n.Value} {
						if l != nil {
							addSrc(l, srcRef{p, nil, -1})
						}
					}
				case *ast.CompositeLit:
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok {
								if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
									k := objKey(fset, v)
									m.sources[k] = append(m.sources[k], srcRef{p, kv.Value, -1})
								}
							}
						}
					}
				}
				return true
			})
		}
	}
}

// internal reports whether a package path is importable only inside its
// module tree (an internal/ element).
func internal(path string) bool {
	return strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

// TagDefault is the default that the struct tag of the field sel selects
// declares: default:"v", envDefault:"v" (caarlos0/env), or
// env:"NAME, default=v" (sethvargo/go-envconfig). The configuration
// libraries fill the field with it when the environment or the file says
// nothing.
func TagDefault(info *types.Info, sel *ast.SelectorExpr) (string, bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return "", false
	}
	t := s.Recv()
	// the field may be promoted from an embedded struct: find the struct
	// that declares it
	idx := s.Index()
	for i, fi := range idx {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || fi >= st.NumFields() {
			return "", false
		}
		if i == len(idx)-1 {
			return tagDefault(reflect.StructTag(st.Tag(fi)))
		}
		t = st.Field(fi).Type()
	}
	return "", false
}

func tagDefault(tag reflect.StructTag) (string, bool) {
	for _, key := range []string{"default", "envDefault"} {
		if v, ok := tag.Lookup(key); ok {
			return v, true
		}
	}
	if v, ok := tag.Lookup("env"); ok {
		for _, part := range strings.Split(v, ",") {
			if d, ok := strings.CutPrefix(strings.TrimSpace(part), "default="); ok {
				return d, true
			}
		}
	}
	return "", false
}
