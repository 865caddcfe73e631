// Package go406 defines rule GO406: untrusted JSON decoded into untyped
// values (any, map[string]any) and used without validation.
package go406

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO406",
	Name: "untyped-json-decode",
	Doc: lint.Doc{
		Title: "Untrusted JSON decoded into untyped values and used without validation",
		Summary: "A request body (net/http, gin, echo, fiber) or a model's tool-call arguments (openai-go, " +
			"go-openai, anthropic-sdk-go, genai) are decoded into any, map[string]any or []any, and the result " +
			"is type-asserted, ranged over or has its elements handed on while the function validates nothing; " +
			"so is a tool's Run(ctx, map[string]any) method that asserts its arguments.",
		Why: `Decoding into a struct is a schema: unknown fields are dropped, every field
has a type, and a validator can check the rest. Decoding into ` + "`any`" + ` or
` + "`map[string]any`" + ` keeps whatever the sender wrote, and the code that follows
has to guess: ` + "`m[\"path\"].(string)`" + ` panics on a number (one request, one
crashed goroutine and often a 500 with a stack trace), a missing key silently
becomes the zero value, nested maps carry fields nobody expected into a
database or a template (mass assignment), and numbers arrive as float64.

Tool-call arguments are the same problem with a different sender. The model
writes them, and the SDKs say so: openai-go's documentation warns that the
model "may hallucinate parameters" and asks callers to validate them, and a
prompt injection can make the model write exactly the arguments an attacker
wants. genai hands them over as a ` + "`map[string]any`" + ` already (` + "`FunctionCall.Args`" + `).

Sources: ` + "`json.NewDecoder(r.Body).Decode`" + ` and ` + "`json.Unmarshal`" + ` of bytes read
from a request body (also through io.ReadAll, io.LimitReader,
http.MaxBytesReader, bytes and strings readers), gin ` + "`ShouldBind`" + `,
` + "`ShouldBindJSON`" + `, ` + "`Bind`" + `, ` + "`BindJSON`" + `, ` + "`ShouldBindBodyWithJSON`" + ` and
` + "`GetRawData`" + `, echo ` + "`Bind`" + `, fiber v2 ` + "`BodyParser`" + ` and ` + "`Body`" + `, openai-go and
go-openai tool-call ` + "`Function.Arguments`" + `, openai-go responses
` + "`ResponseFunctionToolCall.Arguments`" + `, anthropic ` + "`ToolUseBlock.Input`" + `, genai
` + "`FunctionCall.Args`" + `. Uses: a type assertion without ", ok", a range, or
passing one of its elements to a function or into a struct. A range whose
body only prints, logs or re-encodes the keys and values (or checks their
type with ", ok") relies on nothing of the map's shape and is not a use:
code that formats few-shot example calls into prompt text. Handing the
whole value on is not a use: a provider adapter that decodes the model's
arguments into a map and returns it is not where they go wrong. The code
that reads them is: the method of a tool type (one with Name and
Description methods) that takes ` + "`(ctx context.Context, args map[string]any)`" + `
is reported at its first unchecked use of args.

Silent: decoding into a struct; a function that calls a validator (go-playground
validator ` + "`Struct`/`Var`" + `, ozzo-validation, a JSON Schema ` + "`Validate`" + ` from
santhosh-tekuri/jsonschema, google/jsonschema-go, xeipuuv/gojsonschema or
kaptinlin/jsonschema, any ` + "`Validate`" + ` method, or a function of the
` + "`validators`" + ` option); data that is only re-encoded, printed, logged
(fmt, log, slog, or a level method of any logger, such as a project's own
` + "`logger.Info(format, v ...any)`" + `), compared or returned; assertions written with ", ok" and type switches,
which are checks. The analysis is local to one function and does not
follow data into helpers. MCP tool arguments are left to GO407, which
knows whether the server validates them against the tool's input schema.`,
		Fix: "decode into a struct and validate it (validator.Struct, a JSON Schema), or validate the map against a schema before using it",
		Bad: `func tool(w http.ResponseWriter, r *http.Request) {
	var args map[string]any
	if err := json.NewDecoder(r.Body).Decode(&args); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	run(args["command"].(string))
}`,
		Good: `type toolArgs struct {
	Command string ` + "`json:\"command\" validate:\"required,oneof=status uptime\"`" + `
}

func tool(w http.ResponseWriter, r *http.Request) {
	var args toolArgs
	if err := json.NewDecoder(r.Body).Decode(&args); err != nil || validate.Struct(args) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	run(args.Command)
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest): an example program's tool is read, not deployed (judged noise at warning, 0 of 5).",
		Precision: "low",
		CWE:       []int{20, 1287},
		OWASP:     []string{"API3:2023", "API8:2023", "LLM05:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO406.
type Options struct {
	// Validators are your own validation functions, in table notation
	// (pkg/path.Func or (*pkg/path.Type).Method); a function that calls
	// one is not reported.
	Validators []string `yaml:"validators"`
}

var options = Options{}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO406",
	Doc:      "reports untrusted JSON decoded into untyped values and used without validation",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// Where untrusted bytes come from.
const (
	fromBody  = "the request body"
	fromModel = "tool-call arguments written by the model"
)

// readers pass the untrusted data of one argument on (index -1: any).
var readers = goapi.Table[int]{}.Merge(
	goapi.Set(0, "io.ReadAll", "io/ioutil.ReadAll", "io.LimitReader", "bytes.NewReader", "bytes.NewBuffer",
		"bytes.NewBufferString", "strings.NewReader", "bufio.NewReader", "encoding/json.NewDecoder"),
	goapi.Set(1, "net/http.MaxBytesReader"),
)

// bodyCalls return the request body.
var bodyCalls = goapi.Set(true,
	"(*github.com/gin-gonic/gin.Context).GetRawData",
	"(*github.com/gofiber/fiber.Ctx).Body",
)

// binders decode the request body into their first argument.
var binders = goapi.Set(true,
	"(*github.com/gin-gonic/gin.Context).Bind",
	"(*github.com/gin-gonic/gin.Context).BindJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBind",
	"(*github.com/gin-gonic/gin.Context).ShouldBindJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithJSON",
	"(github.com/labstack/echo.Context).Bind",
	"(*github.com/gofiber/fiber.Ctx).BodyParser",
)

// argFields are the fields holding a model's tool-call arguments as JSON
// text: package, type, field.
var argFields = [][3]string{
	{"github.com/openai/openai-go", "ChatCompletionMessageFunctionToolCallFunction", "Arguments"},
	{"github.com/openai/openai-go", "ChatCompletionMessageToolCallFunction", "Arguments"},
	{"github.com/openai/openai-go/responses", "ResponseFunctionToolCall", "Arguments"},
	{"github.com/sashabaranov/go-openai", "FunctionCall", "Arguments"},
	{"github.com/anthropics/anthropic-sdk-go", "ToolUseBlock", "Input"},
	{"github.com/anthropics/anthropic-sdk-go", "BetaToolUseBlock", "Input"},
}

// mapFields are fields holding a model's tool-call arguments already
// decoded into a map.
var mapFields = [][3]string{
	{"google.golang.org/genai", "FunctionCall", "Args"},
}

var (
	fnUnmarshal = goapi.MustFunc("encoding/json.Unmarshal")
	fnDecode    = goapi.MustFunc("(*encoding/json.Decoder).Decode")
)

func run(pass *analysis.Pass) (any, error) {
	extra, err := goapi.ParseNames(true, Rule.Options.(*Options).Validators)
	if err != nil {
		return nil, fmt.Errorf("GO406 validators: %w", err)
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fc := range ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body == nil {
			continue
		}
		bc, _ := fc.FindNode(body)
		checkFunc(pass, bc, extra)
	}
	return nil, nil
}

// decode is one place where untrusted JSON lands in an untyped variable.
type decode struct {
	call   *ast.CallExpr
	how    string // "json.Unmarshal", "ShouldBindJSON"...
	from   string
	target types.Object
}

func checkFunc(pass *analysis.Pass, body inspector.Cursor, extra goapi.Table[bool]) {
	info := pass.TypesInfo
	for c := range body.Preorder((*ast.CallExpr)(nil)) {
		if goapi.IsValidation(info, c.Node().(*ast.CallExpr), extra) {
			return
		}
	}
	t := &tracker{info: info, from: map[types.Object]string{}}
	t.propagate(body)

	// Decodes written directly in this function (not in nested literals,
	// which are functions of their own).
	var decodes []decode
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(c inspector.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return false // a FuncLit
		}
		fn := goapi.Callee(info, call)
		if fn == nil {
			return true
		}
		name := goapi.Of(fn)
		var from, how string
		var target ast.Expr
		switch {
		case name == fnUnmarshal && len(call.Args) == 2:
			from, how, target = t.source(call.Args[0]), "json.Unmarshal", call.Args[1]
		case name == fnDecode && len(call.Args) == 1:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				from, how, target = t.source(sel.X), "json.Decoder.Decode", call.Args[0]
			}
		case binders[name] && len(call.Args) == 1:
			from, how, target = fromBody, fn.Name(), call.Args[0]
		}
		if from == "" {
			return true
		}
		if obj := addressed(info, target); obj != nil && goapi.IsUntyped(obj.Type()) {
			decodes = append(decodes, decode{call, how, from, obj})
		}
		return true
	})
	for _, d := range decodes {
		use, ok := unsafeUse(goapi.FindUntypedUses(info, body, map[types.Object]bool{d.target: true}, nil))
		if !ok {
			continue
		}
		goapi.PlaceGrade(pass, goapi.Warning).Report(pass, analysis.Diagnostic{
			Pos: d.call.Pos(),
			End: d.call.End(),
			Message: fmt.Sprintf("%s decodes %s into %s (%s), which is then %s with no validation",
				d.how, d.from, d.target.Name(), types.TypeString(d.target.Type(), qualifier(pass.Pkg)), use.What),
			Related: []analysis.RelatedInformation{
				{Pos: d.call.Pos(), Message: d.from + " decoded into " + d.target.Name() + " here"},
				{Pos: use.Node.Pos(), Message: d.target.Name() + " " + use.What + " here"},
			},
		})
	}

	// Arguments that arrive as a map already (genai FunctionCall.Args):
	// one report per function, at the first use.
	direct := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		return ok && isField(info, sel, mapFields)
	}
	if use, ok := unsafeUse(goapi.FindUntypedUses(info, body, map[types.Object]bool{}, direct)); ok && !inNested(body, use.Node) {
		goapi.PlaceGrade(pass, goapi.Warning).Report(pass, analysis.Diagnostic{
			Pos:     use.Node.Pos(),
			End:     use.Node.End(),
			Message: fmt.Sprintf("%s (map[string]any) are %s with no validation", fromModel, use.What),
		})
	}

	// The Run method of a tool (a type with Name and Description
	// methods) receives the model's arguments as a map parameter: the
	// provider adapter only decoded them and handed them on, so the
	// unchecked use is reported here.
	if fd, ok := body.Parent().Node().(*ast.FuncDecl); ok {
		if p := toolArgsParam(info, fd); p != nil {
			if use, ok := unsafeUse(goapi.FindUntypedUses(info, body, map[types.Object]bool{p: true}, nil)); ok && !inNested(body, use.Node) {
				goapi.PlaceGrade(pass, goapi.Warning).Report(pass, analysis.Diagnostic{
					Pos: use.Node.Pos(),
					End: use.Node.End(),
					Message: fmt.Sprintf("%s (parameter %s of tool method %s) are %s with no validation",
						fromModel, p.Name(), fd.Name.Name, use.What),
				})
			}
		}
	}
}

// unsafeUse is the first use that relies on the shape of the data: a type
// assertion, a range, an element handed on. Handing the whole value on
// (to a function, into a struct, on a channel) is not one: the provider
// adapter that decodes a model's arguments and returns them is not where
// they are misused, the code that reads them is.
func unsafeUse(uses []goapi.UntypedUse) (goapi.UntypedUse, bool) {
	for _, u := range uses {
		if strings.HasPrefix(u.What, "indexed and ") || u.What == "type-asserted" || strings.HasPrefix(u.What, "ranged over") {
			return u, true
		}
	}
	return goapi.UntypedUse{}, false
}

// toolArgsParam is the map[string]any parameter of a method of a tool
// type: a method with a context and such a map, on a type whose methods
// include Name and Description (the shape of agent frameworks' tools:
// Run(ctx, args map[string]any)).
func toolArgsParam(info *types.Info, fd *ast.FuncDecl) *types.Var {
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 2 || !goapi.IsType(sig.Params().At(0).Type(), "context", "Context") {
		return nil
	}
	p := sig.Params().At(1)
	m, ok := p.Type().Underlying().(*types.Map)
	if !ok || !goapi.IsUntyped(m) {
		return nil
	}
	recv := sig.Recv().Type()
	if ptr, ok := recv.(*types.Pointer); ok {
		recv = ptr.Elem()
	}
	ms := types.NewMethodSet(types.NewPointer(recv))
	has := func(name string) bool {
		for i := range ms.Len() {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
		return false
	}
	if !has("Name") || !has("Description") {
		return nil
	}
	return p
}

// tracker knows which variables of a function hold untrusted bytes or
// readers, and where they came from.
type tracker struct {
	info *types.Info
	from map[types.Object]string
}

func (t *tracker) propagate(body inspector.Cursor) {
	for changed := true; changed; {
		changed = false
		for c := range body.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			var lhs, rhs []ast.Expr
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			}
			for i, r := range rhs {
				j := i
				if len(rhs) == 1 {
					j = 0 // b, err := io.ReadAll(r.Body)
				} else if len(rhs) != len(lhs) {
					break
				}
				id, ok := lhs[j].(*ast.Ident)
				if !ok {
					continue
				}
				obj := t.info.ObjectOf(id)
				if from := t.source(r); from != "" && obj != nil && t.from[obj] == "" {
					t.from[obj] = from
					changed = true
				}
			}
		}
	}
}

// source says where the bytes or reader e come from; "" when they are not
// known to be untrusted.
func (t *tracker) source(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return t.from[t.info.Uses[e]]
	case *ast.SelectorExpr:
		if e.Sel.Name == "Body" && goapi.IsType(t.info.TypeOf(e.X), "net/http", "Request") {
			return fromBody
		}
		if isField(t.info, e, argFields) {
			return fromModel
		}
	case *ast.CallExpr:
		if tv, ok := t.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return t.source(e.Args[0]) // []byte(s), json.RawMessage(b)
		}
		if _, _, ok := bodyCalls.Call(t.info, e); ok {
			return fromBody
		}
		if i, _, ok := readers.Call(t.info, e); ok && i < len(e.Args) {
			return t.source(e.Args[i])
		}
	}
	return ""
}

// isField reports whether sel selects one of fields.
func isField(info *types.Info, sel *ast.SelectorExpr, fields [][3]string) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	for _, f := range fields {
		if sel.Sel.Name == f[2] && goapi.IsType(s.Recv(), f[0], f[1]) {
			return true
		}
	}
	return false
}

// addressed is the variable of &x.
func addressed(info *types.Info, e ast.Expr) types.Object {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return nil
	}
	return info.Uses[id]
}

// inNested reports whether n lies in a function literal inside body.
func inNested(body inspector.Cursor, n ast.Node) bool {
	c, ok := body.FindNode(n)
	if !ok {
		return false
	}
	for e := range c.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return e.Node() != body.Parent().Node()
	}
	return false
}

// qualifier writes types of other packages with the package name only
// (gin.H).
func qualifier(pkg *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
}

// Check reports a validator name that is not in table notation.
func (o *Options) Check() error {
	for _, n := range o.Validators {
		if _, err := goapi.ParseFunc(n); err != nil {
			return fmt.Errorf("validators: %v", err)
		}
	}
	return nil
}
