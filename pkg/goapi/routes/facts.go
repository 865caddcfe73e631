package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// HandlerFact is what a function that is, or that returns, an HTTP
// handler does with the request by itself, for routes registered in
// another package (a router package that serves a handlers package's
// functions, as mcp-registry and aiproxy are laid out).
type HandlerFact struct {
	// ChecksMethod: the handler looks at the request method (and answers
	// 405 to the others, as a rule).
	ChecksMethod bool
	// NotImplemented: the handler only answers 501 Not Implemented.
	NotImplemented bool
	// Page says how the handler answers with a page of a web UI rather
	// than an API response ("renders an HTML template (ExecuteTemplate)"),
	// or "".
	Page string
	// Redirects are the paths of this site that the handler redirects to
	// (301, 302 or 303), a trailing "*" standing for a part computed at
	// run time: "/admin/clients/*".
	Redirects []string
	// Websocket names the call by which the handler upgrades the
	// connection to a websocket, or "".
	Websocket string
}

func (*HandlerFact) AFact() {}

func (f *HandlerFact) String() string {
	if f.Page != "" {
		return "page: " + f.Page
	}
	if len(f.Redirects) > 0 {
		return "redirects to " + strings.Join(f.Redirects, ", ")
	}
	if f.Websocket != "" {
		return "websocket: " + f.Websocket
	}
	switch {
	case f.ChecksMethod && f.NotImplemented:
		return "checks method; not implemented"
	case f.ChecksMethod:
		return "checks method"
	}
	return "not implemented"
}

// FactsAnalyzer exports a HandlerFact for the package's functions that
// check the request method or only answer 501, and for the functions that
// return such a handler (v0.ServersHandler(registry)).
var FactsAnalyzer = &analysis.Analyzer{
	Name:       "apiaudithandlerfacts",
	Doc:        "records which handler functions check the request method themselves or only answer 501",
	Run:        runFacts,
	FactTypes:  []analysis.Fact{new(HandlerFact)},
	ResultType: reflect.TypeFor[*Facts](),
}

// Facts looks up the HandlerFact of a function of this package or of one
// it imports.
type Facts struct {
	own map[*types.Func]HandlerFact
	imp func(types.Object, analysis.Fact) bool
	// local reports whether a function is the program's own (of the
	// package's module), whose helpers Page follows.
	local func(*types.Func) bool
}

// localTo is the test of a function being of the module of the package
// analysed, or, when the driver does not say the module, of any package
// outside the standard library.
func localTo(pass *analysis.Pass) func(*types.Func) bool {
	return func(fn *types.Func) bool {
		if fn.Pkg() == nil {
			return false
		}
		p := fn.Pkg().Path()
		if fn.Pkg() == pass.Pkg {
			return true
		}
		if pass.Module != nil && pass.Module.Path != "" {
			return p == pass.Module.Path || strings.HasPrefix(p, pass.Module.Path+"/")
		}
		first, _, _ := strings.Cut(p, "/")
		return strings.Contains(first, ".")
	}
}

// Of is fn's fact, when it has one.
func (f *Facts) Of(fn *types.Func) (HandlerFact, bool) {
	if f == nil || fn == nil {
		return HandlerFact{}, false
	}
	fn = fn.Origin()
	if hf, ok := f.own[fn]; ok {
		return hf, true
	}
	var hf HandlerFact
	if f.imp != nil && f.imp(fn, &hf) {
		return hf, true
	}
	return HandlerFact{}, false
}

// Handler is the fact of the function a route's handler expression names
// or calls (a factory), through conversions (http.HandlerFunc(f)).
func (f *Facts) Handler(info *types.Info, h ast.Expr) (HandlerFact, bool) {
	for range 6 {
		switch e := ast.Unparen(h).(type) {
		case *ast.Ident:
			fn, _ := info.Uses[e].(*types.Func)
			return f.Of(fn)
		case *ast.SelectorExpr:
			fn, _ := info.Uses[e.Sel].(*types.Func)
			return f.Of(fn)
		case *ast.CallExpr:
			if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
				h = e.Args[0]
				continue
			}
			if hf, ok := f.Of(goapi.Callee(info, e)); ok {
				return hf, true
			}
			if len(e.Args) != 1 {
				return HandlerFact{}, false
			}
			h = e.Args[0] // a wrapper: requireToken(handlers.Servers(db))
		default:
			return HandlerFact{}, false
		}
	}
	return HandlerFact{}, false
}

func runFacts(pass *analysis.Pass) (any, error) {
	res := &Facts{own: map[*types.Func]HandlerFact{}, imp: pass.ImportObjectFact, local: localTo(pass)}
	bodies := map[*types.Func]*ast.BlockStmt{}
	var order []*types.Func
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			body := fd.Body
			// A factory: func X(deps) http.HandlerFunc { return func(w, r) {...} }
			if len(body.List) > 0 {
				if ret, ok := body.List[len(body.List)-1].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
					if lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit); ok {
						body = lit.Body
					}
				}
			}
			bodies[fn] = body
			order = append(order, fn)
			hf := HandlerFact{ChecksMethod: checksMethod(pass.TypesInfo, body), NotImplemented: notImplemented(pass.TypesInfo, body),
				Page: Page(pass.TypesInfo, body, nil), Redirects: Redirects(pass.TypesInfo, body), Websocket: Websocket(pass.TypesInfo, body)}
			if hf.ChecksMethod || hf.NotImplemented || hf.Page != "" || len(hf.Redirects) > 0 || hf.Websocket != "" {
				res.own[fn] = hf
			}
		}
	}
	// Pages rendered through the package's helpers (h.render(w, "x.html",
	// data)), and through helpers of helpers: a few rounds reach them all.
	for range 4 {
		changed := false
		for _, fn := range order {
			if hf := res.own[fn]; hf.Page == "" {
				if hf.Page = Page(pass.TypesInfo, bodies[fn], res); hf.Page != "" {
					res.own[fn] = hf
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	for _, fn := range order {
		if hf, ok := res.own[fn]; ok {
			pass.ExportObjectFact(fn, &hf)
		}
	}
	return res, nil
}

// checksMethod reports whether a handler's body compares the request
// method (r.Method of net/http, c.Request.Method of gin, c.Method() of
// fiber) in an if or switch.
func checksMethod(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	isMethod := func(e ast.Expr) bool {
		m := false
		ast.Inspect(e, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" && goapi.IsType(info.TypeOf(sel.X), "net/http", "Request") {
				m = true
			}
			return !m
		})
		return m
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			found = found || isMethod(n.Cond)
		case *ast.SwitchStmt:
			found = found || n.Tag != nil && isMethod(n.Tag)
		}
		return !found
	})
	return found
}

// notImplemented reports whether a handler's body is a few statements that
// answer 501 (http.StatusNotImplemented) and nothing else: a placeholder.
func notImplemented(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 || len(body.List) > 3 {
		return false
	}
	found, branches := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
			branches = true
		case ast.Expr:
			if tv, ok := info.Types[n]; ok && tv.Value != nil && tv.Value.ExactString() == "501" {
				found = true
			}
		}
		return !branches
	})
	return found && !branches
}

// pageCalls are the calls that answer with HTML or files: html/template's
// Execute, the frameworks' HTML and Render, and net/http's file serving.
var pageCalls = goapi.Set("renders an HTML template",
	"(*html/template.Template).Execute", "(*html/template.Template).ExecuteTemplate").
	Merge(goapi.Set("renders HTML",
		"(*github.com/gin-gonic/gin.Context).HTML",
		"(github.com/labstack/echo.Context).HTML", "(github.com/labstack/echo.Context).Render",
		"(*github.com/labstack/echo.Context).HTML", "(*github.com/labstack/echo.Context).Render",
		"(*github.com/gofiber/fiber.Ctx).Render", "(github.com/gofiber/fiber.Ctx).Render"),
		goapi.Set("serves files",
			"net/http.ServeFile", "net/http.ServeFileFS", "net/http.ServeContent",
			"net/http.FileServer", "net/http.FileServerFS"))

// Page says how a handler's body answers with a page of a web UI or its
// files rather than an API response: it renders an html/template, calls a
// framework's HTML or Render, serves files, or sets a text/html content
// type; "" when it does none of these. With facts, a call to a helper of
// the program (of its module, not a library's: net/http.Redirect writes
// text/html too) whose fact says it does (h.render(w, "clients.html",
// data)) counts too, unless the helper is itself a handler (another route's
// page) or the body answers JSON as well (an API that renders its errors
// as a page).
func Page(info *types.Info, body *ast.BlockStmt, facts *Facts) string {
	page := ""
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if what, ok := pageCalls.Lookup(fn); ok {
				page = what + " (" + fn.Name() + ")"
			}
		case *ast.BasicLit:
			if tv, ok := info.Types[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
				strings.HasPrefix(constant.StringVal(tv.Value), "text/html") {
				page = "answers text/html"
			}
		}
		return page == ""
	})
	if page != "" || facts == nil || answersJSON(info, body) {
		return page
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return page == ""
		}
		fn := goapi.Callee(info, call)
		if fn == nil || handlerShaped(fn) || facts.local == nil || !facts.local(fn) {
			return true
		}
		if hf, ok := facts.Of(fn); ok && hf.Page != "" {
			what, _, _ := strings.Cut(hf.Page, " through ")
			page = what + " through " + fn.Name()
		}
		return page == ""
	})
	return page
}

// jsonCalls answer with JSON.
var jsonCalls = goapi.Set(true, "encoding/json.NewEncoder", "encoding/json.Marshal",
	"(*github.com/gin-gonic/gin.Context).JSON", "(*github.com/gin-gonic/gin.Context).AbortWithStatusJSON",
	"(github.com/labstack/echo.Context).JSON", "(*github.com/gofiber/fiber.Ctx).JSON")

// answersJSON reports whether a handler's own body answers with JSON (an
// encoder, a framework's JSON, an application/json content type).
func answersJSON(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = found || jsonCalls[goapi.Of(goapi.Callee(info, n))]
		case *ast.BasicLit:
			if tv, ok := info.Types[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
				strings.HasPrefix(constant.StringVal(tv.Value), "application/json") {
				found = true
			}
		}
		return !found
	})
	return found
}

// handlerShaped reports whether fn has a handler's signature
// (http.ResponseWriter and *http.Request; one gin, echo or fiber context),
// so that a call to it is a handler delegating to another, not a helper.
func handlerShaped(fn *types.Func) bool {
	ps := fn.Signature().Params()
	switch ps.Len() {
	case 2:
		return goapi.IsType(ps.At(0).Type(), "net/http", "ResponseWriter") && goapi.IsType(ps.At(1).Type(), "net/http", "Request")
	case 1:
		t := ps.At(0).Type()
		return goapi.IsType(t, "github.com/gin-gonic/gin", "Context") || goapi.IsType(t, "github.com/labstack/echo", "Context") ||
			goapi.IsType(t, "github.com/gofiber/fiber", "Ctx")
	}
	return false
}

// redirectCall says where a redirect call's target and status are (code
// -1: none, which means 302).
type redirectCall struct{ to, code int }

var redirectCalls = goapi.Set(redirectCall{2, 3}, "net/http.Redirect").
	Merge(goapi.Set(redirectCall{1, 0}, "(*github.com/gin-gonic/gin.Context).Redirect",
		"(github.com/labstack/echo.Context).Redirect"),
		goapi.Set(redirectCall{0, 1}, "(*github.com/gofiber/fiber.Ctx).Redirect"))

// Redirects lists the paths of the same site that a handler's body
// redirects to with 301, 302 or 303 (a page after a form post, the
// Post/Redirect/Get pattern): a constant path, or one built from a
// constant start ("/admin/clients/"+id, fmt.Sprintf("/runs/%s", id)),
// written with a trailing "*". Redirects elsewhere, computed wholly at
// run time, or that keep the method (307, 308) are left out.
func Redirects(info *types.Info, body *ast.BlockStmt) []string {
	var out []string
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		rc, ok := redirectCalls.Lookup(goapi.Callee(info, call))
		if !ok || rc.to >= len(call.Args) {
			return true
		}
		if rc.code < len(call.Args) {
			tv, ok := info.Types[call.Args[rc.code]]
			if !ok || tv.Value == nil {
				return true
			}
			code, _ := constant.Int64Val(constant.ToInt(tv.Value))
			if code != 301 && code != 302 && code != 303 {
				return true
			}
		}
		if to := localTarget(info, call.Args[rc.to]); to != "" && !slices.Contains(out, to) {
			out = append(out, to)
		}
		return true
	})
	return out
}

// localTarget is the path of a redirect target on the same site, "" when
// it is not one (another host, a path computed at run time).
func localTarget(info *types.Info, e ast.Expr) string {
	str := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	s, open := "", false
	if v, ok := str(e); ok {
		s = v
	} else {
		switch e := ast.Unparen(e).(type) {
		case *ast.BinaryExpr: // "/admin/clients/" + id
			for e.Op == token.ADD {
				if v, ok := str(e.X); ok {
					s, open = v, true
					break
				}
				x, ok := ast.Unparen(e.X).(*ast.BinaryExpr)
				if !ok {
					break
				}
				e = x
			}
		case *ast.CallExpr: // fmt.Sprintf("/admin/clients/%s", id)
			if fn := goapi.Callee(info, e); fn != nil && goapi.Of(fn) == goapi.MustFunc("fmt.Sprintf") && len(e.Args) > 0 {
				if v, ok := str(e.Args[0]); ok {
					s, open = v, true
					if i := strings.IndexByte(v, '%'); i >= 0 {
						s = v[:i]
					}
				}
			}
		}
	}
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return ""
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s, open = s[:i], false
	}
	if open {
		s += "*"
	}
	return s
}

// upgrades are the calls that turn a request into a websocket.
var upgrades = goapi.Set(true, "(*github.com/gorilla/websocket.Upgrader).Upgrade",
	"github.com/coder/websocket.Accept", "nhooyr.io/websocket.Accept", "github.com/gobwas/ws.UpgradeHTTP")

// Websocket names the call by which a handler's body upgrades the
// connection to a websocket, or "".
func Websocket(info *types.Info, body *ast.BlockStmt) string {
	what := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn := goapi.Callee(info, call); upgrades[goapi.Of(fn)] {
				what = fn.Pkg().Name() + "." + fn.Name()
			}
		}
		return what == ""
	})
	return what
}
