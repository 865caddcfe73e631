// Package go206 defines rule GO206: a number chosen by a client or a model
// sets a loop count, a sleep, an allocation or a page size with no cap.
package go206

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO206",
	Name: "unbounded-numeric-argument",
	Doc: lint.Doc{
		Title: "Request or tool number sets a loop, sleep, allocation or page size with no cap",
		Summary: "A number taken from an MCP tool's arguments or an HTTP request (a query or path parameter " +
			"parsed with strconv, a field of a decoded body) decides how many times a loop runs, how long " +
			"time.Sleep waits, how much make or strings.Repeat allocates, or a database page size (gorm Limit, " +
			"mongo SetLimit), and nothing in the function compares it with an upper bound.",
		Why: `Whoever calls the tool or the route chooses the number: a model steered by a
prompt injection, or any client. steps=1e9 keeps a goroutine busy for ever,
duration=86400 holds a connection and its memory for a day, size=1<<40
makes make panic or the process be killed for memory, and limit=10000000
reads a whole table into memory. Each is a denial of service that costs one
request (OWASP API4, unrestricted resource consumption; LLM10, unbounded
consumption).

The number counts as capped when the function compares it (or a value
computed from it) with something other than 0 or 1 (if n > max, n >= limit,
a bound from configuration), or passes it through min; a check against 0 or
1 alone is a lower bound and does not count. The loop's own condition is
not a cap. A loop that walks from one untrusted number to another is
capped when the function compares a value computed from both with a limit
(points := (end-start)/step + 1; if points > maxPoints). Numbers are
followed through assignments, arithmetic and conversions inside one
function.`,
		Fix: "cap the number before using it (n = min(n, maxSteps), or reject values above a limit)",
		Bad: `steps, _ := req.GetArguments()["steps"].(float64)
for i := 0; i < int(steps); i++ {
	time.Sleep(time.Second)
}`,
		Good: `steps, _ := req.GetArguments()["steps"].(float64)
if steps > maxSteps {
	return mcp.NewToolResultError("steps must be at most 100"), nil
}
for i := 0; i < int(steps); i++ {
	time.Sleep(time.Second)
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "medium",
		CWE:       []int{770, 400, 834},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.2.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO206",
	Doc:      "reports request and tool numbers that size loops, sleeps, allocations and pages with no cap",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const (
	mcpgo = "github.com/mark3labs/mcp-go/mcp"
	gosdk = "github.com/modelcontextprotocol/go-sdk/mcp"
)

var (
	// numberGetters return a tool argument as a number.
	numberGetters = goapi.Set(true,
		"("+mcpgo+".CallToolRequest).GetInt", "("+mcpgo+".CallToolRequest).GetFloat",
		"("+mcpgo+".CallToolRequest).RequireInt", "("+mcpgo+".CallToolRequest).RequireFloat")
	// argMaps return a tool's arguments as a map.
	argMaps = goapi.Set(true, "("+mcpgo+".CallToolRequest).GetArguments")
	// parsers turn text into a number.
	parsers = goapi.Set(true, "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint", "strconv.ParseFloat")
	// requestText are request accessors whose text a parser may read.
	requestText = goapi.Set(true,
		"(net/url.Values).Get", "(*net/http.Request).FormValue", "(*net/http.Request).PostFormValue",
		"(*net/http.Request).PathValue",
		"(*github.com/gin-gonic/gin.Context).Query", "(*github.com/gin-gonic/gin.Context).DefaultQuery",
		"(*github.com/gin-gonic/gin.Context).Param", "(*github.com/gin-gonic/gin.Context).PostForm",
		"(github.com/labstack/echo.Context).QueryParam", "(github.com/labstack/echo.Context).Param",
		"(github.com/labstack/echo.Context).FormValue", "github.com/go-chi/chi.URLParam",
		"(*github.com/gofiber/fiber.Ctx).Query", "(*github.com/gofiber/fiber.Ctx).Params")
	// binders decode a request body into their argument.
	binders = goapi.Set(true,
		"(*github.com/gin-gonic/gin.Context).ShouldBindJSON", "(*github.com/gin-gonic/gin.Context).BindJSON",
		"(*github.com/gin-gonic/gin.Context).ShouldBind", "(*github.com/gin-gonic/gin.Context).Bind",
		"(*github.com/gin-gonic/gin.Context).ShouldBindQuery",
		"(github.com/labstack/echo.Context).Bind", "(*github.com/gofiber/fiber.Ctx).BodyParser")
	sleeps = goapi.Set(true, "time.Sleep", "time.After", "time.NewTimer")
	allocs = goapi.Set(1, "strings.Repeat", "bytes.Repeat")
	decode = goapi.Func{Pkg: "encoding/json", Recv: "Decoder", Name: "Decode"}
	pages  = goapi.Set(0, "(*gorm.io/gorm.DB).Limit",
		"(*go.mongodb.org/mongo-driver/mongo/options.FindOptions).SetLimit",
		"(*go.mongodb.org/mongo-driver/mongo/options.FindOptionsBuilder).SetLimit")
)

func run(pass *analysis.Pass) (any, error) {
	if goapi.InGOROOT(pass.Fset, pass.Files) || !servesInput(pass.Pkg) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		var typ *ast.FuncType
		switch f := n.(type) {
		case *ast.FuncDecl:
			body, typ = f.Body, f.Type
		case *ast.FuncLit:
			body, typ = f.Body, f.Type
		}
		if body != nil {
			(&fn{pass: pass, typ: typ, body: body}).check()
		}
	}
	return nil, nil
}

// servesInput: the package imports an MCP SDK or an HTTP server package,
// where the sources are.
func servesInput(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch goapi.CanonPath(imp.Path()) {
		case goapi.CanonPath(mcpgo), goapi.CanonPath(gosdk), "net/http", "github.com/gin-gonic/gin",
			"github.com/labstack/echo", "github.com/gofiber/fiber", "github.com/go-chi/chi":
			return true
		}
	}
	return false
}

// fn is the analysis of one function body (function literals inside it are
// analysed on their own too, and share nothing with it).
type fn struct {
	pass *analysis.Pass
	typ  *ast.FuncType
	body *ast.BlockStmt
	// num holds the variables that hold an untrusted number, with where
	// it came from; parents are the tainted variables each was computed
	// from (none for a source).
	num     map[types.Object]string
	parents map[types.Object][]types.Object
	// maps are variables holding a tool's argument map; bodies are
	// variables a request body was decoded into; inputs are go-sdk typed
	// tool inputs.
	maps, bodies map[types.Object]bool
	guarded      map[types.Object]bool
	// guardedExpr are sources written in place (req.Limit) that a
	// comparison caps, by their text.
	guardedExpr map[string]bool
	// defs are the values assigned to each local variable (= and :=), and
	// spans the sets of untrusted terms that a comparison caps together:
	// points := (end-start)/step + 1; if points > max {...} caps the span
	// that for t := start; t <= end; t += step walks.
	defs  map[types.Object][]ast.Expr
	spans []map[string]bool
}

func (f *fn) check() {
	f.num, f.parents = map[types.Object]string{}, map[types.Object][]types.Object{}
	f.maps, f.bodies, f.guarded = map[types.Object]bool{}, map[types.Object]bool{}, map[types.Object]bool{}
	f.guardedExpr = map[string]bool{}
	f.defs, f.spans = map[types.Object][]ast.Expr{}, nil
	f.typedInput()
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if obj := f.pass.TypesInfo.ObjectOf(id); obj != nil {
							f.defs[obj] = append(f.defs[obj], n.Rhs[i])
						}
					}
				}
			}
		}
		return true
	})
	// Sources and propagation, to a fixed point (assignments may come in
	// any order in loops).
	for changed := true; changed; {
		changed = false
		ast.Inspect(f.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				f.binder(n)
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						changed = f.assign(n.Lhs[i], n.Rhs[i], i) || changed
					}
				} else if len(n.Rhs) == 1 {
					// v, ok := x.(T); n, err := strconv.Atoi(s)
					changed = f.assign(n.Lhs[0], n.Rhs[0], 0) || changed
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						changed = f.assign(name, n.Values[i], i) || changed
					} else if len(n.Values) == 1 && i == 0 {
						changed = f.assign(name, n.Values[0], 0) || changed
					}
				}
			}
			return true
		})
	}
	f.guards()
	f.sinks()
}

// typedInput marks the numeric fields of a go-sdk tool's typed input
// (func(ctx, *mcp.CallToolRequest, In)) as sources, through selectors.
func (f *fn) typedInput() {
	if f.typ.Params == nil {
		return
	}
	var params []*ast.Ident
	var types_ []types.Type
	for _, fld := range f.typ.Params.List {
		t := f.pass.TypesInfo.TypeOf(fld.Type)
		for _, name := range fld.Names {
			params = append(params, name)
			types_ = append(types_, t)
		}
	}
	for i := 1; i < len(params); i++ {
		if goapi.IsType(types_[i-1], gosdk, "CallToolRequest") || goapi.IsType(types_[i-1], gosdk, "ServerRequest") {
			if obj := f.pass.TypesInfo.Defs[params[i]]; obj != nil {
				f.bodies[obj] = true
			}
		}
	}
}

// binder records the variable a request body is decoded into:
// c.ShouldBindJSON(&req), json.NewDecoder(r.Body).Decode(&req).
func (f *fn) binder(call *ast.CallExpr) {
	callee := goapi.Callee(f.pass.TypesInfo, call)
	if callee == nil || len(call.Args) == 0 {
		return
	}
	_, bind := binders.Lookup(callee)
	if !bind && !(goapi.Of(callee) == decode && f.fromRequestBody(call.Fun)) {
		return
	}
	if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
		if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
			if obj := f.pass.TypesInfo.ObjectOf(id); obj != nil {
				f.bodies[obj] = true
			}
		}
	}
}

// fromRequestBody: fun is json.NewDecoder(x.Body).Decode with x an
// *http.Request.
func (f *fn) fromRequestBody(fun ast.Expr) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	mk, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(mk.Args) != 1 {
		return false
	}
	arg, ok := ast.Unparen(mk.Args[0]).(*ast.SelectorExpr)
	return ok && arg.Sel.Name == "Body" && goapi.IsType(f.pass.TypesInfo.TypeOf(arg.X), "net/http", "Request")
}

// assign handles lhs = rhs (the i-th value of a multi-value rhs); it
// reports whether something new is known.
func (f *fn) assign(lhs, rhs ast.Expr, i int) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	obj := f.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return false
	}
	rhs = ast.Unparen(rhs)
	if f.isArgMap(rhs) {
		if !f.maps[obj] {
			f.maps[obj] = true
			return true
		}
		return false
	}
	if _, done := f.num[obj]; done || i != 0 || !isNumber(obj.Type()) {
		return false
	}
	if what := f.source(rhs); what != "" {
		f.num[obj] = what
		return true
	}
	if ps := f.mentions(rhs); len(ps) > 0 {
		f.num[obj] = f.num[ps[0]]
		f.parents[obj] = ps
		return true
	}
	return false
}

// isArgMap: e is a tool's argument map (req.GetArguments(),
// req.Params.Arguments, either asserted to a map, or a variable holding
// one).
func (f *fn) isArgMap(e ast.Expr) bool {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.TypeAssertExpr:
		return f.isArgMap(x.X)
	case *ast.CallExpr:
		_, ok := argMaps.Lookup(goapi.Callee(f.pass.TypesInfo, x))
		return ok
	case *ast.SelectorExpr:
		if x.Sel.Name != "Arguments" {
			return false
		}
		if v, ok := f.pass.TypesInfo.ObjectOf(x.Sel).(*types.Var); ok && v.IsField() && v.Pkg() != nil {
			p := goapi.CanonPath(v.Pkg().Path())
			return p == goapi.CanonPath(mcpgo) || p == goapi.CanonPath(gosdk)
		}
	case *ast.Ident:
		return f.maps[f.pass.TypesInfo.ObjectOf(x)]
	}
	return false
}

// source names the untrusted number e is, or "".
func (f *fn) source(e ast.Expr) string {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.TypeAssertExpr:
		// args["steps"].(float64)
		if ix, ok := ast.Unparen(x.X).(*ast.IndexExpr); ok && f.isArgMap(ix.X) {
			return "tool argument " + keyName(f.pass, ix.Index)
		}
	case *ast.CallExpr:
		c := goapi.Callee(f.pass.TypesInfo, x)
		if c == nil {
			return ""
		}
		_, getter := numberGetters.Lookup(c)
		_, parser := parsers.Lookup(c)
		switch {
		case getter && len(x.Args) > 0:
			return "tool argument " + keyName(f.pass, x.Args[0])
		case parser && len(x.Args) > 0:
			if in, ok := ast.Unparen(x.Args[0]).(*ast.CallExpr); ok {
				ic := goapi.Callee(f.pass.TypesInfo, in)
				if _, ok := requestText.Lookup(ic); ok {
					key := "a request parameter"
					if len(in.Args) > 0 {
						if k := keyName(f.pass, in.Args[len(in.Args)-1]); k != "a value" {
							key = "request parameter " + k
						}
						if len(in.Args) > 1 && goapi.Of(ic).Name != "URLParam" {
							key = "request parameter " + keyName(f.pass, in.Args[0])
						}
					}
					return key
				}
			}
		}
	case *ast.SelectorExpr:
		// req.Limit, where req holds a decoded request body or a typed
		// tool input.
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && f.bodies[f.pass.TypesInfo.ObjectOf(id)] {
			if isNumber(f.pass.TypesInfo.TypeOf(x)) {
				return "field " + x.Sel.Name + " of the request"
			}
		}
	}
	return ""
}

// mentions are the tainted variables e computes with: arithmetic,
// conversions, and the sources in it. min(...) and any other call but a
// conversion end the chain (len, a function of the program's own).
func (f *fn) mentions(e ast.Expr) []types.Object {
	var out []types.Object
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if obj := f.pass.TypesInfo.ObjectOf(x); obj != nil {
				if _, ok := f.num[obj]; ok {
					out = append(out, obj)
				}
			}
		case *ast.BinaryExpr:
			switch x.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO, token.SHL, token.OR, token.XOR:
				walk(x.X)
				walk(x.Y)
			}
		case *ast.UnaryExpr:
			if x.Op == token.SUB || x.Op == token.ADD {
				walk(x.X)
			}
		case *ast.CallExpr:
			if tv, ok := f.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				walk(x.Args[0]) // a conversion: int(steps), time.Duration(n)
			}
		}
	}
	walk(e)
	return out
}

// exprSource: e is an untrusted number by itself or computed from one; the
// tainted variables in it (a source written in place counts as bounded
// never: it has no variable to guard).
func (f *fn) unbounded(e ast.Expr) (string, bool) {
	if what := f.source(e); what != "" {
		return what, !f.guardedExpr[types.ExprString(ast.Unparen(e))]
	}
	if x, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if tv, ok := f.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.unbounded(x.Args[0])
		}
	}
	if x, ok := ast.Unparen(e).(*ast.BinaryExpr); ok {
		if w, ok := f.unbounded(x.X); ok {
			return w, true
		}
		if w, ok := f.unbounded(x.Y); ok {
			return w, true
		}
	}
	for _, v := range f.mentions(e) {
		if !f.bounded(v, map[types.Object]bool{}) {
			return f.num[v], true
		}
	}
	return "", false
}

// unconvert strips conversions and parentheses: int(req.Limit) is
// req.Limit.
func (f *fn) unconvert(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if x, ok := e.(*ast.CallExpr); ok {
		if tv, ok := f.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.unconvert(x.Args[0])
		}
	}
	return e
}

// bounded: v is guarded, or computed only from bounded values.
func (f *fn) bounded(v types.Object, seen map[types.Object]bool) bool {
	if f.guarded[v] {
		return true
	}
	if seen[v] {
		return false
	}
	seen[v] = true
	ps := f.parents[v]
	if len(ps) == 0 {
		return false
	}
	for _, p := range ps {
		if !f.bounded(p, seen) {
			return false
		}
	}
	return true
}

// guards marks the variables compared with an upper bound: a comparison
// outside a for statement's condition with something that is neither
// tainted nor a constant 0 or 1; and the arguments of min.
func (f *fn) guards() {
	loopConds := map[ast.Expr]bool{}
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond != nil {
				loopConds[n.Cond] = true
			}
		case *ast.BinaryExpr:
			if loopConds[n] {
				return true
			}
			switch n.Op {
			case token.LSS, token.GTR, token.LEQ, token.GEQ:
			default:
				return true
			}
			for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if t := f.terms(pair[0]); len(t) > 1 && len(f.terms(pair[1])) == 0 && !f.lowerBound(pair[1]) {
					f.spans = append(f.spans, t)
				}
				if len(f.mentions(pair[1])) == 0 && !f.lowerBound(pair[1]) {
					if x := f.unconvert(pair[0]); f.source(x) != "" {
						f.guardedExpr[types.ExprString(x)] = true
					}
				}
				vs := f.mentions(pair[0])
				if len(vs) == 0 || len(f.mentions(pair[1])) > 0 || f.lowerBound(pair[1]) {
					continue
				}
				for _, v := range vs {
					f.guarded[v] = true
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "min" {
				if _, ok := f.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
					for _, a := range n.Args {
						for _, v := range f.mentions(a) {
							f.guarded[v] = true
						}
					}
				}
			}
		}
		return true
	})
}

// lowerBound: e is a constant of at most 1 (n <= 0, n < 1: a lower bound).
func (f *fn) lowerBound(e ast.Expr) bool {
	tv, ok := f.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	v := constant.ToFloat(tv.Value)
	if v.Kind() != constant.Float {
		return false
	}
	x, _ := constant.Float64Val(v)
	return x <= 1
}

func (f *fn) sinks() {
	report := func(pos token.Pos, what, use string) {
		goapi.Reportf(f.pass, goapi.Warning, pos, "%s sets %s with no upper bound", what, use)
	}
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond != nil && !f.spanChecked(n.Cond) {
				if what, ok := f.loopBound(n.Cond); ok {
					report(n.Cond.Pos(), what, "a loop count")
				}
			}
		case *ast.RangeStmt:
			if t, ok := f.pass.TypesInfo.TypeOf(n.X).Underlying().(*types.Basic); ok && t.Info()&types.IsInteger != 0 {
				if what, ok := f.unbounded(n.X); ok {
					report(n.X.Pos(), what, "a loop count")
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "make" && len(n.Args) > 1 {
				if _, ok := f.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
					for _, a := range n.Args[1:] {
						if what, ok := f.unbounded(a); ok {
							report(a.Pos(), what, "an allocation size")
							break
						}
					}
				}
				return true
			}
			c := goapi.Callee(f.pass.TypesInfo, n)
			if c == nil {
				return true
			}
			arg := -1
			use := ""
			if _, ok := sleeps.Lookup(c); ok {
				arg, use = 0, "a sleep duration"
			} else if i, ok := allocs.Lookup(c); ok {
				arg, use = i, "an allocation size"
			} else if i, ok := pages.Lookup(c); ok {
				arg, use = i, "a page size"
			}
			if arg >= 0 && arg < len(n.Args) {
				if what, ok := f.unbounded(n.Args[arg]); ok {
					report(n.Args[arg].Pos(), what, use)
				}
			}
		}
		return true
	})
}

// terms are the untrusted numbers e computes with, by their text: the
// sources written in place (args.EndTime) and the tainted variables, with
// local variables followed to the values assigned to them.
func (f *fn) terms(e ast.Expr) map[string]bool {
	out := map[string]bool{}
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		e = ast.Unparen(e)
		if f.source(e) != "" {
			out[types.ExprString(e)] = true
			return
		}
		switch x := e.(type) {
		case *ast.Ident:
			obj := f.pass.TypesInfo.ObjectOf(x)
			if obj == nil || seen[obj] {
				return
			}
			seen[obj] = true
			if len(f.defs[obj]) == 0 {
				if _, ok := f.num[obj]; ok {
					out[x.Name] = true
				}
				return
			}
			for _, d := range f.defs[obj] {
				walk(d)
			}
		case *ast.BinaryExpr:
			switch x.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO:
				walk(x.X)
				walk(x.Y)
			}
		case *ast.UnaryExpr:
			walk(x.X)
		case *ast.CallExpr:
			if tv, ok := f.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				walk(x.Args[0])
			}
		}
	}
	walk(e)
	return out
}

// spanChecked: the loop's condition compares two sides, and every
// untrusted term of them (the loop's variable followed to where it
// starts) is in one span a comparison caps: the loop walks from start to
// end, and (end-start)/step was checked.
func (f *fn) spanChecked(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LSS, token.GTR, token.LEQ, token.GEQ, token.NEQ:
	default:
		return false
	}
	t := f.terms(b.X)
	maps.Copy(t, f.terms(b.Y))
	if len(t) < 2 {
		return false
	}
	for _, span := range f.spans {
		all := true
		for k := range t {
			if !span[k] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// loopBound: the condition of a for loop compares with an unbounded
// number.
func (f *fn) loopBound(cond ast.Expr) (string, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return "", false
	}
	switch b.Op {
	case token.LAND, token.LOR:
		if w, ok := f.loopBound(b.X); ok {
			return w, true
		}
		return f.loopBound(b.Y)
	case token.LSS, token.GTR, token.LEQ, token.GEQ, token.NEQ:
		if w, ok := f.unbounded(b.X); ok {
			return w, true
		}
		return f.unbounded(b.Y)
	}
	return "", false
}

// keyName is a map key or argument name for messages: "steps", quoted, or
// "a value" when it is not a constant.
func keyName(pass *analysis.Pass, e ast.Expr) string {
	if tv, ok := pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return strconv.Quote(constant.StringVal(tv.Value))
	}
	return "a value"
}

func isNumber(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}
