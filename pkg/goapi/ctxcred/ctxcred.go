// Package ctxcred follows a caller's credential through the request
// context: a function that reads a credential header of the incoming
// request and stores it with context.WithValue (an HTTP context function
// of an MCP server, a middleware), and code that reads the value back
// under the same key and sets it on an outgoing request as that
// request's credential (the client the server's tools call the upstream
// API with). GO102 reads it to tell a server whose tools act only with
// the credential each request brings from one that acts with its own,
// and GO104 to see the caller's token forwarded through the context.
//
// Values are followed within a function by name (assignments, calls
// whose arguments carry them, type assertions), and across functions
// and packages by facts: a function that stores its parameter under a
// key, one that returns the value stored under a key, one that sets its
// parameter as an outgoing credential header, one that puts a request
// header into the context. Keys are compared as the context compares
// them: a package-level variable by identity, a constant or a composite
// literal by type and value.
package ctxcred

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/ident"
)

// Fact is what a function does with credentials and the context; the
// zero value of each part is "nothing".
type Fact struct {
	// PutKey, PutHeader: the function reads the incoming request's
	// PutHeader (lower case) and stores it in the context under PutKey.
	PutKey, PutHeader string
	// StoreKey, StoreParam: the function stores its parameter
	// StoreParam (counted from 0, receiver excluded) under StoreKey.
	StoreKey   string
	StoreParam int
	// GetKey: the function returns the value stored under GetKey.
	GetKey string
	// SendHeader, SendParam: the function sets its parameter SendParam
	// as the outgoing credential header SendHeader.
	SendHeader string
	SendParam  int
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	if f.PutKey != "" {
		parts = append(parts, "puts "+f.PutHeader+" under "+f.PutKey)
	}
	if f.StoreKey != "" {
		parts = append(parts, "stores param "+strconv.Itoa(f.StoreParam)+" under "+f.StoreKey)
	}
	if f.GetKey != "" {
		parts = append(parts, "gets "+f.GetKey)
	}
	if f.SendHeader != "" {
		parts = append(parts, "sends param "+strconv.Itoa(f.SendParam)+" as "+f.SendHeader)
	}
	return "ctxcred(" + strings.Join(parts, "; ") + ")"
}

// Sending is a place where a value read from the context under Key is
// set as the credential header Header of an outgoing request.
type Sending struct {
	Key, Header string
	// At is "file:line" (the file as the loader named it), Via the
	// function that reads the value back ("authn.APITokenFromContext").
	At, Via string
	Pos     token.Pos // in this package's file set; NoPos for a dependency's
	// Fallback names a credential the server holds that the same header
	// carries when the context holds none (token = flag.Token when the
	// caller sent no token): a caller without a credential then acts
	// with the server's.
	Fallback string
}

// Sends is the package fact of a package that sends context-carried
// credentials upstream.
type Sends struct{ List []Sending }

func (*Sends) AFact() {}

func (s *Sends) String() string { return "ctxcred sends " + strconv.Itoa(len(s.List)) }

// Putting is a place of this package where a request header is put into
// the context.
type Putting struct {
	Key, Header string
	Pos         token.Pos
	In          *types.Func // the function declaration it is in, nil in a package-level literal
}

// Result is what the package does, and the facts of the functions it
// uses from other packages.
type Result struct {
	facts map[*types.Func]*Fact
	// Puts and Sends are the package's own; DepSends those of every
	// package it imports, directly or not.
	Puts     []Putting
	Sends    []Sending
	DepSends []Sending
	// DepPuts are the functions of the packages it imports that put a
	// request header into the context.
	DepPuts []DepPut
}

// DepPut is a function of another package that puts the incoming
// request's Header into the context under Key.
type DepPut struct {
	Key, Header string
	Func        string // "authn.ContextWithAPITokenFromHeader"
}

// PutKey returns how a value stored under key comes from an incoming
// request's credential header, in this package or one it imports: the
// header and the function that puts it.
func (r *Result) PutKey(key string) (header, by string, ok bool) {
	for _, p := range r.Puts {
		if p.Key == key {
			by := "a function literal"
			if p.In != nil {
				by = funcName(p.In)
			}
			return p.Header, by, true
		}
	}
	for _, p := range r.DepPuts {
		if p.Key == key {
			return p.Header, p.Func, true
		}
	}
	return "", "", false
}

// Of is what fn does, or nil.
func (r *Result) Of(fn *types.Func) *Fact {
	if r == nil || fn == nil {
		return nil
	}
	return r.facts[fn.Origin()]
}

// FallbackKey returns a place where a value stored under key is sent
// upstream, or a credential of the server's own when the context holds
// none (see Sending.Fallback).
func (r *Result) FallbackKey(key string) (Sending, bool) {
	for _, s := range slices.Concat(r.Sends, r.DepSends) {
		if s.Key == key && s.Fallback != "" {
			return s, true
		}
	}
	return Sending{}, false
}

// SentKey returns a place where a value stored under key is sent
// upstream as a credential, in this package or one it imports.
func (r *Result) SentKey(key string) (Sending, bool) {
	for _, s := range slices.Concat(r.Sends, r.DepSends) {
		if s.Key == key {
			return s, true
		}
	}
	return Sending{}, false
}

// Analyzer computes the facts and the package's puts and sends.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditctxcred",
	Doc:        "follows credentials of the incoming request through context values to outgoing requests",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Fact), new(Sends)},
	ResultType: reflect.TypeFor[*Result](),
}

// CredentialHeaders are the incoming headers that carry a credential
// (lower case), as GO104 reads them.
var CredentialHeaders = map[string]bool{
	"authorization": true, "proxy-authorization": true, "cookie": true, "x-api-key": true,
	"api-key": true, "x-auth-token": true, "x-access-token": true,
}

var headerReads = goapi.Set(true,
	"(net/http.Header).Get", "(net/http.Header).Values",
	"(*github.com/gin-gonic/gin.Context).GetHeader",
	"(*github.com/gofiber/fiber.Ctx).Get")

var headerWrites = goapi.Set(true, "(net/http.Header).Set", "(net/http.Header).Add")

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: map[*types.Func]*Fact{}}
	for _, pf := range pass.AllPackageFacts() {
		if s, ok := pf.Fact.(*Sends); ok {
			res.DepSends = append(res.DepSends, s.List...)
		}
	}
	for _, of := range pass.AllObjectFacts() {
		if f, ok := of.Fact.(*Fact); ok && f.PutKey != "" {
			if fn, ok := of.Object.(*types.Func); ok {
				res.DepPuts = append(res.DepPuts, DepPut{Key: f.PutKey, Header: f.PutHeader, Func: funcName(fn)})
			}
		}
	}
	slices.SortFunc(res.DepSends, func(a, b Sending) int { return strings.Compare(a.At, b.At) })
	slices.SortFunc(res.DepPuts, func(a, b DepPut) int { return strings.Compare(a.Func, b.Func) })
	if goapi.InGOROOT(pass.Fset, pass.Files) {
		return res, nil
	}
	// The facts of the functions of other packages this one uses.
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		var f Fact
		if pass.ImportObjectFact(fn.Origin(), &f) {
			res.facts[fn.Origin()] = &f
		}
	}
	type decl struct {
		fn   *types.Func
		body *ast.BlockStmt
	}
	var decls []decl
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		decls = append(decls, decl{fn, body})
	}
	slices.SortFunc(decls, func(a, b decl) int { return int(a.fn.Pos() - b.fn.Pos()) })
	// Facts only grow; a few rounds reach helpers of helpers.
	var w *walker
	for round := 0; round < 6; round++ {
		changed := false
		w = &walker{pass: pass, res: res}
		for _, d := range decls {
			if w.function(d.fn, d.body) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	res.Puts, res.Sends = w.puts, w.sends
	for _, d := range decls {
		if f := res.facts[d.fn]; f != nil {
			pass.ExportObjectFact(d.fn, f)
		}
	}
	if len(res.Sends) > 0 {
		list := slices.Clone(res.Sends)
		for i := range list {
			list[i].Pos = token.NoPos
		}
		pass.ExportPackageFact(&Sends{List: list})
	}
	return res, nil
}

// labels is what a value carries: "p<i>" a parameter, "h<header>" an
// incoming credential header, "k<key>" the value stored under a key.
type labels map[string]bool

func (l labels) add(o labels) labels {
	if len(o) == 0 {
		return l
	}
	if l == nil {
		l = labels{}
	}
	maps.Copy(l, o)
	return l
}

type walker struct {
	pass  *analysis.Pass
	res   *Result
	vars  map[types.Object]labels
	fn    *types.Func
	puts  []Putting
	sends []Sending
	via   map[string]string // key → the getter that read it, in this function
	lits  []*ast.FuncLit    // the function literals of the body: what they do is not the function's fact
}

// inLit reports whether pos is inside a function literal of the body.
func (w *walker) inLit(pos token.Pos) bool {
	for _, l := range w.lits {
		if l.Pos() <= pos && pos < l.End() {
			return true
		}
	}
	return false
}

// function walks one declaration and updates its fact; it reports
// whether the fact changed.
func (w *walker) function(fn *types.Func, body *ast.BlockStmt) bool {
	w.fn, w.vars, w.via = fn, map[types.Object]labels{}, map[string]string{}
	sig := fn.Signature()
	for i := range sig.Params().Len() {
		w.vars[sig.Params().At(i)] = labels{"p" + strconv.Itoa(i): true}
	}
	before := Fact{}
	if f := w.res.facts[fn]; f != nil {
		before = *f
	}
	after := before
	w.lits = nil
	ast.Inspect(body, func(n ast.Node) bool {
		if l, ok := n.(*ast.FuncLit); ok {
			w.lits = append(w.lits, l)
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			w.assign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			w.assign(lhs, n.Values)
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				for l := range w.expr(r) {
					if l[0] == 'k' && after.GetKey == "" && !w.inLit(n.Pos()) {
						after.GetKey = l[1:]
					}
				}
			}
		case *ast.CallExpr:
			w.call(n, &after)
		}
		return true
	})
	if after == before {
		return false
	}
	w.res.facts[fn] = &after
	return true
}

func (w *walker) assign(lhs, rhs []ast.Expr) {
	if len(rhs) == 1 && len(lhs) > 1 {
		l := w.expr(rhs[0])
		for _, e := range lhs {
			w.set(e, l)
		}
		return
	}
	for i, e := range lhs {
		if i < len(rhs) {
			w.set(e, w.expr(rhs[i]))
		}
	}
}

func (w *walker) set(e ast.Expr, l labels) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || len(l) == 0 {
		return
	}
	obj := w.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return
	}
	w.vars[obj] = w.vars[obj].add(l)
}

// expr is what e carries.
func (w *walker) expr(e ast.Expr) labels {
	var out labels
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if obj := w.pass.TypesInfo.Uses[n]; obj != nil {
				if v, isVar := obj.(*types.Var); isVar && !isContext(obj.Type()) {
					out = out.add(w.vars[obj])
					if serverCredential(v) {
						out = out.add(labels{"f" + v.Name(): true})
					}
				}
			}
		case *ast.CallExpr:
			info := w.pass.TypesInfo
			if _, fn, ok := headerReads.Call(info, n); ok && fn != nil && len(n.Args) > 0 {
				if h := credentialHeader(info, n.Args[0]); h != "" {
					out = out.add(labels{"h" + h: true})
				}
				return false
			}
			if key, ok := w.ctxValue(n); ok {
				out = out.add(labels{"k" + key: true})
				if w.via[key] == "" {
					w.via[key] = "ctx.Value"
				}
				return false
			}
			if f := w.res.Of(goapi.Callee(info, n)); f != nil && f.GetKey != "" {
				out = out.add(labels{"k" + f.GetKey: true})
				w.via[f.GetKey] = funcName(goapi.Callee(info, n))
			}
			// a context argument carries nothing (see expr's Ident case)
		}
		return true
	})
	return out
}

// ctxValue reports whether call is ctx.Value(key), and the key.
func (w *walker) ctxValue(call *ast.CallExpr) (string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Value" || len(call.Args) != 1 {
		return "", false
	}
	tv, ok := w.pass.TypesInfo.Types[sel.X]
	if !ok || !isContext(tv.Type) {
		return "", false
	}
	key := KeyOf(w.pass.TypesInfo, call.Args[0])
	return key, key != ""
}

// call records what call does: a value stored in the context, a
// credential header set on an outgoing request.
func (w *walker) call(call *ast.CallExpr, f *Fact) {
	info := w.pass.TypesInfo
	fn := goapi.Callee(info, call)
	if fn == nil {
		return
	}
	// stored: the key and the argument stored
	var key string
	var val ast.Expr
	if fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Name() == "WithValue" && len(call.Args) == 3 {
		key, val = KeyOf(info, call.Args[1]), call.Args[2]
	} else if cf := w.res.Of(fn); cf != nil && cf.StoreKey != "" && cf.StoreParam < len(call.Args) {
		key, val = cf.StoreKey, call.Args[cf.StoreParam]
	}
	own := !w.inLit(call.Pos()) // a literal's effects are not the function's
	if key != "" {
		for l := range w.expr(val) {
			switch l[0] {
			case 'p':
				if f.StoreKey == "" && own {
					f.StoreKey, f.StoreParam = key, atoi(l[1:])
				}
			case 'h':
				if f.PutKey == "" && own {
					f.PutKey, f.PutHeader = key, l[1:]
				}
				w.put(Putting{Key: key, Header: l[1:], Pos: call.Pos(), In: w.fn})
			}
		}
	}
	// sent: the header and the argument sent
	var header string
	if _, _, ok := headerWrites.Call(info, call); ok && len(call.Args) == 2 {
		header, val = credentialHeader(info, call.Args[0]), call.Args[1]
	} else if cf := w.res.Of(fn); cf != nil && cf.SendHeader != "" && cf.SendParam < len(call.Args) {
		header, val = cf.SendHeader, call.Args[cf.SendParam]
	}
	if header == "" {
		return
	}
	sent := w.expr(val)
	fallback := ""
	for _, l := range slices.Sorted(maps.Keys(sent)) {
		if l[0] == 'f' && fallback == "" {
			fallback = l[1:]
		}
	}
	for l := range sent {
		switch l[0] {
		case 'p':
			if f.SendHeader == "" && own {
				f.SendHeader, f.SendParam = header, atoi(l[1:])
			}
		case 'k':
			p := w.pass.Fset.Position(call.Pos())
			w.send(Sending{Key: l[1:], Header: header, At: p.Filename + ":" + strconv.Itoa(p.Line), Via: w.via[l[1:]], Pos: call.Pos(), Fallback: fallback})
		}
	}
}

// serverCredential: v is a package-level variable or a field whose name
// says it holds a credential (flag.Token, cfg.APIKey): the server's own,
// not the caller's.
func serverCredential(v *types.Var) bool {
	if !v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope()) {
		return false
	}
	for _, w := range ident.Words(v.Name()) {
		switch w {
		case "token", "apikey", "key", "secret", "password", "credential", "credentials", "pat":
			return true
		}
	}
	return false
}

func (w *walker) put(p Putting) {
	if !slices.Contains(w.puts, p) {
		w.puts = append(w.puts, p)
	}
}

func (w *walker) send(s Sending) {
	if !slices.Contains(w.sends, s) {
		w.sends = append(w.sends, s)
	}
}

// KeyOf names a context key as the context compares keys: a
// package-level variable by identity, a constant by its type and value, a
// composite literal or a conversion of a constant by its type (and
// value); "" when it cannot be told.
func KeyOf(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	tv, ok := info.Types[e]
	if !ok {
		return ""
	}
	if tv.Value != nil {
		t := tv.Type
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			t = types.Default(t)
		}
		return types.TypeString(t, nil) + "=" + tv.Value.ExactString()
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			return types.TypeString(tv.Type, nil) + "{}"
		}
	}
	if id != nil {
		if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return v.Pkg().Path() + "." + v.Name()
		}
	}
	return ""
}

// credentialHeader is the lower-case name of the credential header that e,
// a constant, names, or "".
func credentialHeader(info *types.Info, e ast.Expr) string {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	h := strings.ToLower(constant.StringVal(tv.Value))
	if CredentialHeaders[h] {
		return h
	}
	return ""
}

func isContext(t types.Type) bool { return goapi.IsType(t, "context", "Context") }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func funcName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// HeaderName is how a message names a lower-case credential header.
func HeaderName(h string) string {
	switch h {
	case "authorization":
		return "Authorization header"
	case "proxy-authorization":
		return "Proxy-Authorization header"
	case "cookie":
		return "Cookie header"
	}
	return h + " header"
}
