// Package go202 defines rule GO202: an HTTP server with no read timeouts.
package go202

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO202",
	Name: "server-without-timeouts",
	Doc: lint.Doc{
		Title: "HTTP server has no read timeouts",
		Summary: "A server is started with http.ListenAndServe, ListenAndServeTLS, Serve or ServeTLS, " +
			"which cannot set timeouts, or an http.Server is built with neither ReadHeaderTimeout nor " +
			"ReadTimeout.",
		Why: `An http.Server's timeouts are all zero by default, and zero means none. A
client can then open a connection and send its headers or body one byte at a
time for as long as it likes (Slowloris); each such connection holds a
goroutine, a file descriptor and buffers, and a few thousand of them exhaust
a server without any traffic to speak of. ReadHeaderTimeout bounds the time to
read the headers and ReadTimeout the whole request; either one closes the
slow-request hole. The package-level http.ListenAndServe, ListenAndServeTLS,
Serve and ServeTLS use a server with no timeouts and offer no way to set them.

gosec splits this over G114 (the package-level functions) and G112 (a Server
literal without ReadHeaderTimeout). This rule reports both under one ID, also
accepts ReadTimeout (which bounds the headers too), treats a timeout written
as a constant zero as missing, and stays silent when the timeout is assigned
to the variable holding the server later in the same function
(srv.ReadHeaderTimeout = ...). It does not follow servers configured in
other functions, and it does not look at WriteTimeout or IdleTimeout, which
matter less for this attack. gin, echo and fiber are not covered yet.`,
		Fix: "start an http.Server with ReadHeaderTimeout (and ReadTimeout) set instead of http.ListenAndServe",
		Bad: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	log.Fatal(http.ListenAndServe(":8080", mux))
}`,
		Good: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		CWE:       []int{400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO202",
	Doc:      "reports HTTP servers started without read timeouts",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// noTimeouts are the net/http functions that serve with a timeout-less server.
var noTimeouts = map[string]bool{"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true}

// readTimeouts are the fields of which one must be set.
var readTimeouts = map[string]bool{"ReadHeaderTimeout": true, "ReadTimeout": true}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(pass.TypesInfo, n)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Signature().Recv() == nil && noTimeouts[fn.Name()] {
				pass.Reportf(n.Pos(), "http.%s serves with no read timeouts", fn.Name())
			}
		case *ast.CompositeLit:
			if !isServer(pass.TypesInfo.TypeOf(n)) || setsTimeout(pass, n) || setLater(pass, cur) {
				continue
			}
			pass.Reportf(n.Pos(), "http.Server has neither ReadHeaderTimeout nor ReadTimeout")
		}
	}
	return nil, nil
}

func isServer(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Server"
}

// setsTimeout reports whether the literal sets a read timeout to something
// other than a constant zero. Unkeyed literals set every field.
func setsTimeout(pass *analysis.Pass, lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok || !readTimeouts[key.Name] {
			continue
		}
		if tv, ok := pass.TypesInfo.Types[kv.Value]; ok && tv.Value != nil && constant.Sign(tv.Value) == 0 {
			continue
		}
		return true
	}
	return false
}

// setLater reports whether the literal is stored in a variable (srv :=
// &http.Server{...}, var srv = http.Server{...}) whose read timeout is
// assigned elsewhere in the enclosing function.
func setLater(pass *analysis.Pass, cur inspector.Cursor) bool {
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		parent = parent.Parent()
	}
	var v types.Object
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, rhs := range p.Rhs {
				if rhs.Pos() <= cur.Node().Pos() && cur.Node().End() <= rhs.End() {
					if id, ok := p.Lhs[i].(*ast.Ident); ok {
						v = pass.TypesInfo.ObjectOf(id)
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, val := range p.Values {
				if val.Pos() <= cur.Node().Pos() && cur.Node().End() <= val.End() {
					v = pass.TypesInfo.ObjectOf(p.Names[i])
				}
			}
		}
	}
	if v == nil {
		return false
	}
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = c.Node()
		break
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for _, lhs := range as.Lhs {
			sel, ok := lhs.(*ast.SelectorExpr)
			if !ok || !readTimeouts[sel.Sel.Name] {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}
