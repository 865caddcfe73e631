// Package go201 defines rule GO201: an HTTP handler that reads the request
// body with no size limit.
package go201

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO201",
	Name: "unbounded-request-body",
	Doc: lint.Doc{
		Title: "Request body is read without a size limit",
		Summary: "An HTTP handler reads or decodes r.Body (io.ReadAll, json.NewDecoder, xml.NewDecoder, " +
			"r.ParseMultipartForm, r.FormFile) with no http.MaxBytesReader applied to r.Body earlier in " +
			"the same function.",
		Why: `net/http does not limit the size of a request body. A handler that reads the
whole body into memory (io.ReadAll), decodes it as one JSON or XML value, or
parses a multipart form (whose files spill to disk) lets any client make the
server allocate memory or disk in proportion to what it sends. A few large or
slow requests are enough to exhaust a small container, and endpoints that
front a model (prompts, documents for retrieval, tool results) are the ones
that invite large bodies and are expensive to run.

` + "`http.MaxBytesReader`" + ` fixes this at the source: once r.Body is wrapped, reads past
the limit fail and the server closes the connection. gosec's G120 looks only
at ParseMultipartForm and still reports it when MaxBytesReader is in place;
this rule treats ` + "`r.Body = http.MaxBytesReader(w, r.Body, n)`" + ` earlier in the
handler, ` + "`io.LimitReader(r.Body, n)`" + ` at the call, and registration through
` + "`http.MaxBytesHandler`" + ` in the same package as limits.

The check is intraprocedural. It looks at functions that take both an
http.ResponseWriter and an *http.Request, and it does not see limits applied
in other functions: a middleware that wraps r.Body, a MaxBytesHandler around
a whole mux or in another package, or a helper that receives r. "Earlier"
means earlier in the source, so a limit set in one branch counts for the
rest of the function. r.ParseForm, r.FormValue and r.PostFormValue are not
reported: net/http caps url-encoded forms at 10 MB by itself. Framework
binders (gin, echo) are not covered yet.`,
		Fix: "wrap the body first: r.Body = http.MaxBytesReader(w, r.Body, limit)",
		Bad: `func upload(w http.ResponseWriter, r *http.Request) {
	var req PromptRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
		Good: `func upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20) // 1 MiB
	var req PromptRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		CWE:       []int{770, 400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO201",
	Doc:      "reports HTTP handlers that read the request body with no size limit",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// bodyReaders are the functions that read all of their reader argument, by
// package path and name, with the index of that argument.
var bodyReaders = map[[2]string]int{
	{"io", "ReadAll"}:               0,
	{"io/ioutil", "ReadAll"}:        0,
	{"encoding/json", "NewDecoder"}: 0,
	{"encoding/xml", "NewDecoder"}:  0,
}

// formParsers are the *http.Request methods that read a multipart body.
var formParsers = map[string]bool{"ParseMultipartForm": true, "FormFile": true}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	limited := limitedHandlers(pass, ins)
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ftype *ast.FuncType
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			if limited.funcs[pass.TypesInfo.Defs[n.Name]] {
				continue
			}
			ftype, body = n.Type, n.Body
		case *ast.FuncLit:
			if limited.covers(n.Pos()) {
				continue
			}
			ftype, body = n.Type, n.Body
		}
		if body == nil {
			continue
		}
		if req := handlerRequest(pass, ftype); req != nil {
			checkHandler(pass, req, body)
		}
	}
	return nil, nil
}

// handlerRequest returns the *http.Request parameter of a function shaped
// like a handler (it also takes an http.ResponseWriter), or nil.
func handlerRequest(pass *analysis.Pass, ft *ast.FuncType) types.Object {
	var req types.Object
	writer := false
	for _, field := range ft.Params.List {
		t := pass.TypesInfo.TypeOf(field.Type)
		switch {
		case isNamed(t, "ResponseWriter"):
			writer = true
		case isRequestPtr(t) && len(field.Names) == 1:
			req = pass.TypesInfo.Defs[field.Names[0]]
		}
	}
	if !writer {
		return nil
	}
	return req
}

// checkHandler reports reads of req.Body in body, in source order, until
// req.Body is replaced by a MaxBytesReader. Function literals inside are
// left alone: those that are handlers are checked on their own.
func checkHandler(pass *analysis.Pass, req types.Object, body *ast.BlockStmt) {
	limitAt := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) && isBody(pass, lhs, req) && isMaxBytesReader(pass, n.Rhs[i]) && !limitAt.IsValid() {
					limitAt = n.Pos()
				}
			}
		case *ast.CallExpr:
			if limitAt.IsValid() && n.Pos() > limitAt {
				return true
			}
			fn := typeutil.StaticCallee(pass.TypesInfo, n)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			if i, ok := bodyReaders[[2]string{fn.Pkg().Path(), fn.Name()}]; ok && fn.Signature().Recv() == nil && i < len(n.Args) && isBody(pass, n.Args[i], req) {
				pass.Reportf(n.Pos(), "%s.%s reads %s.Body with no size limit", fn.Pkg().Name(), fn.Name(), req.Name())
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && formParsers[fn.Name()] && isRequestMethod(fn) && refersTo(pass, sel.X, req) {
				pass.Reportf(n.Pos(), "%s.%s reads a multipart body with no size limit", req.Name(), fn.Name())
			}
		}
		return true
	})
}

// limits records handlers registered through http.MaxBytesHandler: named
// functions mentioned in its first argument, and the extent of that
// argument (for function literals written inside it).
type limits struct {
	funcs  map[types.Object]bool
	ranges [][2]token.Pos
}

func (l limits) covers(pos token.Pos) bool {
	for _, r := range l.ranges {
		if r[0] <= pos && pos < r[1] {
			return true
		}
	}
	return false
}

func limitedHandlers(pass *analysis.Pass, ins *inspector.Inspector) limits {
	l := limits{funcs: map[types.Object]bool{}}
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := typeutil.StaticCallee(pass.TypesInfo, call)
		if !isHTTPFunc(fn, "MaxBytesHandler") || len(call.Args) == 0 {
			continue
		}
		arg := call.Args[0]
		l.ranges = append(l.ranges, [2]token.Pos{arg.Pos(), arg.End()})
		ast.Inspect(arg, func(n ast.Node) bool {
			var id *ast.Ident
			switch n := n.(type) {
			case *ast.Ident:
				id = n
			case *ast.SelectorExpr:
				id = n.Sel
			}
			if id != nil {
				if f, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
					l.funcs[f] = true
				}
			}
			return true
		})
	}
	return l
}

// isBody reports whether e is req.Body.
func isBody(pass *analysis.Pass, e ast.Expr, req types.Object) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && refersTo(pass, sel.X, req)
}

func refersTo(pass *analysis.Pass, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[id] == obj
}

func isMaxBytesReader(pass *analysis.Pass, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && isHTTPFunc(typeutil.StaticCallee(pass.TypesInfo, call), "MaxBytesReader")
}

func isHTTPFunc(fn *types.Func, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Name() == name && fn.Signature().Recv() == nil
}

func isRequestMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && isRequestPtr(recv.Type())
}

func isRequestPtr(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && isNamed(p.Elem(), "Request")
}

func isNamed(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
}
