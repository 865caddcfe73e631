package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
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
}

func (*HandlerFact) AFact() {}

func (f *HandlerFact) String() string {
	if f.Page != "" {
		return "page: " + f.Page
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
	res := &Facts{own: map[*types.Func]HandlerFact{}, imp: pass.ImportObjectFact}
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
			hf := HandlerFact{ChecksMethod: checksMethod(pass.TypesInfo, body), NotImplemented: notImplemented(pass.TypesInfo, body), Page: Page(pass.TypesInfo, body)}
			if hf.ChecksMethod || hf.NotImplemented || hf.Page != "" {
				res.own[fn] = hf
				pass.ExportObjectFact(fn, &hf)
			}
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
// type; "" when it does none of these.
func Page(info *types.Info, body *ast.BlockStmt) string {
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
	return page
}
