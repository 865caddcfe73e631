package go104

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// A gateway often replaces the caller's credential on the request it
// serves before relaying it: a middleware on the relay routes sets
// Authorization to the upstream's key (one-api's Distribute), and the
// relay code, in packages the middleware's package never meets, copies
// "the caller's" Authorization header to the upstream. One package's
// analysis cannot see that: the router imports both, and the relay code
// reaches its adaptors through an interface filled in elsewhere. The
// module step joins what every package says: the functions that replace
// a credential header on the request they serve, the routes with the
// functions on their middleware chain, and each function's calls in
// order. A finding in a function that only routes whose chain replaces
// the header reach (and no route without one) is a note. The step runs
// in apiaudit scan; under go vet the findings keep their severity.
func init() {
	Rule.Module = &lint.ModuleStep{Collect: wiringAnalyzer, Apply: regrade}
}

// wiring is what one package says for the module step.
type wiring struct {
	// replaces: functions (goapi.Of names) that replace credential headers
	// (lower case) of the request they serve, or of one they are passed.
	replaces map[string][]string
	routes   []routeWiring
	funcs    []funcWiring
	// reported: the package's findings and the headers each forwards
	reported []Reported
}

type routeWiring struct {
	handlers []string // the functions the handler expression names
	chain    []string // the functions its middleware chain names
}

type funcWiring struct {
	name       string // goapi.Of
	method     string // the method's name, for calls through interfaces
	file       string // absolute
	start, end int    // lines
	// calls are the functions it calls or takes as values, in source
	// order; "iface:Name" for a call of an interface method.
	calls []string
}

var wiringAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo104wiring",
	Doc:        "lists the package's credential-replacing functions, routes and calls, for GO104's view of a whole module",
	Run:        collectWiring,
	Requires:   []*analysis.Analyzer{Analyzer, summaryAnalyzer},
	ResultType: reflect.TypeFor[*wiring](),
}

func collectWiring(pass *analysis.Pass) (any, error) {
	w := &wiring{replaces: map[string][]string{}}
	w.reported, _ = pass.ResultOf[Analyzer].([]Reported)
	c, _ := pass.ResultOf[summaryAnalyzer].(*checker)
	if c == nil {
		return w, nil
	}
	info := pass.TypesInfo
	for fn := range c.decls {
		hs := map[string]bool{}
		for h := range c.servedRW[fn] {
			hs[h] = true
		}
		for _, m := range c.rewrites[fn] {
			for h := range m {
				hs[h] = true
			}
		}
		if len(hs) > 0 {
			w.replaces[goapi.Of(fn).String()] = slices.Sorted(func(yield func(string) bool) {
				for h := range hs {
					if !yield(h) {
						return
					}
				}
			})
		}
	}
	// router variables: the middleware installed on each (Use, and a
	// group's own), and the router each group derives from
	uses := map[types.Object][]ast.Expr{}
	parent := map[types.Object]types.Object{}
	objOf := func(e ast.Expr) types.Object {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[x]
		case *ast.SelectorExpr:
			return info.Uses[x.Sel]
		}
		return nil
	}
	type reg struct {
		recv types.Object
		h    ast.Expr
		mws  []ast.Expr
		lit  string // the function a literal handler is written in
	}
	var regs []reg
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
						return true
					}
					call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
					if !ok {
						return true
					}
					g := goapi.Callee(info, call)
					if g == nil {
						return true
					}
					if rc, ok := goapi.Routers.Lookup(g); ok && rc.Kind == goapi.RouteDerive {
						sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
						v := objOf(n.Lhs[0])
						if !ok || v == nil {
							return true
						}
						parent[v] = objOf(sel.X)
						if rc.Handler >= 0 && rc.Handler < len(call.Args) {
							uses[v] = append(uses[v], call.Args[rc.Handler:]...)
						}
					}
				case *ast.CallExpr:
					g := goapi.Callee(info, n)
					if g == nil {
						return true
					}
					rc, ok := goapi.Routers.Lookup(g)
					if !ok {
						return true
					}
					sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
					if !ok {
						return true
					}
					switch rc.Kind {
					case goapi.RouteUse:
						if v := objOf(sel.X); v != nil && rc.Handler >= 0 && rc.Handler < len(n.Args) {
							uses[v] = append(uses[v], n.Args[rc.Handler:]...)
						}
					case goapi.RouteRegister:
						h, mws := authn.Handler(n, rc)
						if h != nil {
							regs = append(regs, reg{recv: objOf(sel.X), h: h, mws: mws, lit: goapi.Of(fn).String()})
						}
					}
				}
				return true
			})
		}
	}
	for _, r := range regs {
		var rw routeWiring
		hasLit := false
		ast.Inspect(r.h, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				hasLit = true
			}
			return true
		})
		rw.handlers = funcNames(info, r.h)
		if hasLit {
			rw.handlers = append(rw.handlers, r.lit)
		}
		chain := slices.Clone(r.mws)
		seen := map[types.Object]bool{}
		for v := r.recv; v != nil && !seen[v]; v = parent[v] {
			seen[v] = true
			chain = append(chain, uses[v]...)
		}
		for _, m := range chain {
			rw.chain = append(rw.chain, funcNames(info, m)...)
		}
		w.routes = append(w.routes, rw)
	}
	for fn, fd := range c.decls {
		f := funcWiring{name: goapi.Of(fn).String()}
		if fn.Signature().Recv() != nil {
			f.method = fn.Name()
		}
		start, end := pass.Fset.Position(fd.Pos()), pass.Fset.Position(fd.End())
		f.file, f.start, f.end = start.Filename, start.Line, end.Line
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if g := goapi.Callee(info, n); g != nil {
					if recv := g.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
						f.calls = append(f.calls, "iface:"+g.Name())
					}
				}
			case *ast.Ident:
				if g, ok := info.Uses[n].(*types.Func); ok {
					if recv := g.Signature().Recv(); recv == nil || !types.IsInterface(recv.Type()) {
						f.calls = append(f.calls, goapi.Of(g.Origin()).String())
					}
				}
			}
			return true
		})
		w.funcs = append(w.funcs, f)
	}
	return w, nil
}

// funcNames are the functions (not interface methods) that e names.
func funcNames(info *types.Info, e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if g, ok := info.Uses[id].(*types.Func); ok {
				if recv := g.Signature().Recv(); recv == nil || !types.IsInterface(recv.Type()) {
					out = append(out, goapi.Of(g.Origin()).String())
				}
			}
		}
		return true
	})
	return out
}

// regrade lowers to a note the findings in functions that only routes
// whose middleware replaces the header reach.
func regrade(findings []lint.Finding, collected []any, root string) []lint.Finding {
	replaces := map[string]map[string]bool{}
	var routes []routeWiring
	funcs := map[string]*funcWiring{}
	var list []*funcWiring
	methods := map[string][]string{}
	headers := map[lint.Location][]string{} // file relative to root, line, column
	for _, c := range collected {
		w, ok := c.(*wiring)
		if !ok {
			continue
		}
		for _, r := range w.reported {
			if rel, err := filepath.Rel(root, r.File); err == nil && !strings.HasPrefix(rel, "..") {
				headers[lint.Location{File: filepath.ToSlash(rel), Line: r.Line, Column: r.Column}] = r.Headers
			}
		}
		for name, hs := range w.replaces {
			if replaces[name] == nil {
				replaces[name] = map[string]bool{}
			}
			for _, h := range hs {
				replaces[name][h] = true
			}
		}
		routes = append(routes, w.routes...)
		for i := range w.funcs {
			f := &w.funcs[i]
			funcs[f.name] = f
			list = append(list, f)
			if f.method != "" {
				methods[f.method] = append(methods[f.method], f.name)
			}
		}
	}
	if len(replaces) == 0 {
		return findings
	}
	// reached: the functions the handlers of some routes reach, through
	// calls that no replacement of h comes before in the caller.
	reached := func(h string, open bool) map[string]bool {
		seen := map[string]bool{}
		var work []string
		for _, r := range routes {
			byChain := ""
			for _, m := range r.chain {
				if replaces[m][h] {
					byChain = m
				}
			}
			if (byChain == "") == open {
				work = append(work, r.handlers...)
			}
		}
		for len(work) > 0 {
			name := work[len(work)-1]
			work = work[:len(work)-1]
			if seen[name] {
				continue
			}
			seen[name] = true
			f := funcs[name]
			if f == nil {
				continue
			}
			for _, callee := range f.calls {
				if replaces[callee][h] {
					break // what it calls after replacing h gets the server's value
				}
				if m, ok := strings.CutPrefix(callee, "iface:"); ok {
					work = append(work, methods[m]...)
				} else {
					work = append(work, callee)
				}
			}
		}
		return seen
	}
	type reach struct{ open, replaced map[string]bool }
	byHeader := map[string]reach{}
	for i := range findings {
		f := &findings[i]
		if f.Severity == lint.SeverityNote {
			continue
		}
		var in *funcWiring
		for _, fw := range list {
			if f.Location.Line >= fw.start && f.Location.Line <= fw.end && sameFile(root, fw.file, f.Location.File) {
				in = fw
				break
			}
		}
		hs := headers[lint.Location{File: f.Location.File, Line: f.Location.Line, Column: f.Location.Column}]
		if in == nil || len(hs) == 0 {
			continue
		}
		ok := true
		var by []string
		for _, h := range hs {
			r, done := byHeader[h]
			if !done {
				r = reach{open: reached(h, true), replaced: reached(h, false)}
				byHeader[h] = r
			}
			if r.open[in.name] || !r.replaced[in.name] {
				ok = false
				break
			}
			by = append(by, replacerOn(routes, replaces, h))
		}
		if !ok {
			continue
		}
		base := goapi.Error
		if f.Severity == lint.SeverityWarning {
			base = goapi.Warning
		}
		f.Severity = lint.SeverityNote
		f.Message += goapi.NewGrade(base).LowerTo(goapi.Note, "every route that reaches this code runs "+by[0]+
			" first, which replaces the caller's credential on the request with a value of the server's own").Suffix()
	}
	return findings
}

// replacerOn names a function on a route's chain that replaces h.
func replacerOn(routes []routeWiring, replaces map[string]map[string]bool, h string) string {
	for _, r := range routes {
		for _, m := range r.chain {
			if replaces[m][h] {
				if i := strings.LastIndexAny(m, "/"); i >= 0 {
					return m[i+1:]
				}
				return m
			}
		}
	}
	return "a middleware"
}

func sameFile(root, abs, rel string) bool {
	r, err := filepath.Rel(root, abs)
	return err == nil && filepath.ToSlash(r) == rel && !strings.HasPrefix(r, "..")
}
