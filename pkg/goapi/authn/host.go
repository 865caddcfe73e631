package authn

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Host is the host the package is a plugin of (goapi.HostOf), whose
// identity headers count as credentials here; nil when none.
func (r *Result) Host() *goapi.Host { return r.host }

// PeerHandlers are the handlers of the package that only another
// server-side plugin of the package's host can call: the function
// declarations and the function literals written in a registration that
// every route of the package naming them serves behind a check of the
// host's plugin-to-plugin identity header (NewPeerGuard). A handler that
// some route serves otherwise, or that no route names, is not among them.
// nil when the package is no plugin of a host.
func PeerHandlers(pass *analysis.Pass, res *Result) []ast.Node {
	if res == nil || res.host == nil {
		return nil
	}
	var g *Guard
	peer := map[any]bool{} // false: served otherwise somewhere
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := goapi.Callee(pass.TypesInfo, call)
			if fn == nil {
				return true
			}
			c, ok := goapi.Routers.Lookup(fn)
			if !ok || c.Kind != goapi.RouteRegister {
				return true
			}
			h, _ := Handler(call, c)
			if h == nil {
				return true
			}
			if g == nil {
				g = NewPeerGuard(pass, res)
			}
			only := g.Route(call, c) == Protected
			mark := func(k any) {
				was, seen := peer[k]
				peer[k] = only && (!seen || was)
			}
			ast.Inspect(h, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					mark(n)
				case *ast.Ident:
					if f, ok := pass.TypesInfo.Uses[n].(*types.Func); ok {
						mark(types.Object(f.Origin()))
					}
				}
				return true
			})
			return true
		})
	}
	var out []ast.Node
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if obj := pass.TypesInfo.Defs[n.Name]; obj != nil && peer[obj] && n.Body != nil {
					out = append(out, n)
				}
			case *ast.FuncLit:
				if peer[n] {
					out = append(out, n)
					return false
				}
			}
			return true
		})
	}
	return out
}
