// Package authn is an analyzer that finds the functions that authenticate
// a request: middleware and helpers that read a credential (basic auth, an
// Authorization or API-key header, a session cookie, a JWT or OIDC token)
// and answer 401 or 403 (or abort the chain) when it is missing or wrong,
// directly or by calling such a function, in the same package or, through
// facts, in any package it imports. Known auth middleware of the web
// frameworks (goapi.AuthMiddleware) count too. Rules ask it whether the
// middleware on a route, or the handler itself, checks who is calling.
package authn

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
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
)

// Fact is exported for every function that reads or checks credentials.
type Fact struct{ Kind Kind }

func (*Fact) AFact() {}

func (f *Fact) String() string {
	if f.Kind&Checks != 0 {
		return "checks credentials"
	}
	return "reads credentials"
}

// ExtraNames, when set, returns user-named auth functions (rule options,
// in table notation) that count as Checks.
var ExtraNames func() []string

// Analyzer computes the facts and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditauthn",
	Doc:        "finds functions that authenticate requests (read a credential and answer 401/403)",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result answers questions about the functions of the package and its
// dependencies.
type Result struct {
	pass  *analysis.Pass
	extra goapi.Table[bool]
	local map[*types.Func]Kind
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
	if k, ok := r.local[fn]; ok {
		return k
	}
	if fn.Pkg() != r.pass.Pkg {
		var f Fact
		if r.pass.ImportObjectFact(fn, &f) {
			return f.Kind
		}
	}
	return 0
}

// Node is what the code under n does about credentials, including inside
// function literals. Code that registers routes is never an auth check:
// it only mentions the middleware it puts on them.
func (r *Result) Node(n ast.Node) Kind {
	info := r.pass.TypesInfo
	var reads, rejects, checks, registers bool
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if fn == nil {
				return true
			}
			if c, ok := goapi.Routers.Lookup(fn); ok && (c.Kind == goapi.RouteRegister || c.Kind == goapi.RouteUse) {
				registers = true
			}
			if goapi.Rejections[goapi.Of(fn)] {
				rejects = true
			}
			if a, ok := goapi.CredentialReads.Lookup(fn); ok && credentialArg(info, n, a) {
				reads = true
			}
		case *ast.IndexExpr: // r.Header["Authorization"]
			if goapi.IsType(info.TypeOf(n.X), "net/http", "Header") && goapi.IsCredentialHeader(goapi.ConstString(info, n.Index)) {
				reads = true
			}
		case *ast.BasicLit:
			if goapi.IsAuthStatus(info, n) {
				rejects = true
			}
		case *ast.Ident:
			obj := info.Uses[n]
			switch obj := obj.(type) {
			case *types.Const:
				if v := obj.Val().ExactString(); v == "401" || v == "403" {
					rejects = true
				}
			case *types.Var:
				if goapi.IsRejectionVar(obj) {
					rejects = true
				}
			case *types.Func:
				k := r.Func(obj)
				if k&Checks != 0 {
					checks = true
				} else if k&Reads != 0 {
					reads = true
				}
			}
		}
		return true
	})
	if registers {
		return 0
	}
	var k Kind
	if reads || checks {
		k |= Reads
	}
	if checks || reads && rejects {
		k |= Checks
	}
	return k
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
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	res := &Result{pass: pass, local: map[*types.Func]Kind{}}
	if ExtraNames != nil {
		t, err := goapi.ParseNames(true, ExtraNames())
		if err != nil {
			return nil, fmt.Errorf("auth middleware option: %w", err)
		}
		res.extra = t
	}
	type decl struct {
		fn   *types.Func
		body *ast.BlockStmt
	}
	var decls []decl
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil)) {
		fd := n.(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			decls = append(decls, decl{fn, fd.Body})
		}
	}
	// Kinds only grow, so this reaches a fixed point.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if k := res.Node(d.body); k != res.local[d.fn] && k|res.local[d.fn] != res.local[d.fn] {
				res.local[d.fn] |= k
				changed = true
			}
		}
	}
	for _, d := range decls {
		if k := res.local[d.fn]; k != 0 && exportable(d.fn) {
			pass.ExportObjectFact(d.fn, &Fact{Kind: k})
		}
	}
	return res, nil
}

func exportable(fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		return goapi.TypeName(recv.Type()) != "" || types.IsInterface(recv.Type())
	}
	return fn.Parent() == fn.Pkg().Scope()
}
