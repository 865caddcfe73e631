// Package toolreach is an analyzer that sums up what the MCP and agent
// tools a package registers can do (goapi.Capability, through
// pkg/goapi/reach), and passes the summary to the packages that import it
// as a package fact. A program often registers its tools in one package
// and serves the server in another (a command that calls the server
// package's constructor, then a method of it that returns the SDK's HTTP
// transport): the rules that grade a server by what its tools reach
// (GO102) read the summary of the package that built it.
package toolreach

import (
	"go/ast"
	"go/types"
	"math/bits"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
)

// Tools is what the tools of a package reach; a package fact of the
// packages that register at least one tool.
type Tools struct {
	N int // tools registered
	// Known: every tool's handler could be seen, and none calls code that
	// cannot be seen from the package (an interface of a non-standard
	// package, a function value): what the tools do is all in Caps.
	Known bool
	Caps  goapi.Capability
	// Via says, per capability bit, how the first tool that reaches it
	// does: `tool "delete_pod" → deletePod → (...PodInterface).Delete`.
	Via []string
}

func (*Tools) AFact() {}

func (t *Tools) String() string {
	s := "tools reach " + t.Caps.String()
	if t.Caps == 0 {
		s = "tools reach nothing"
	}
	if !t.Known {
		s += " (not all seen)"
	}
	return s
}

// Why is how the first tool that reaches capability c does; "" when none
// does.
func (t *Tools) Why(c goapi.Capability) string {
	if t == nil || t.Caps&c == 0 {
		return ""
	}
	return t.Via[bits.TrailingZeros16(uint16(c))]
}

// Result is the summary of the package under analysis (nil Local when it
// registers no tools), and of the packages it imports.
type Result struct {
	Local *Tools
	// List are the tools of the package, as agenttool finds them (nil in
	// a package that does not import a tool SDK).
	List []*agenttool.Tool
	pass *analysis.Pass
}

// Of is the summary of pkg's tools: the package under analysis or one it
// imports; nil when pkg registers none.
func (r *Result) Of(pkg *types.Package) *Tools {
	if r == nil || pkg == nil {
		return nil
	}
	if pkg == r.pass.Pkg {
		return r.Local
	}
	var t Tools
	if r.pass.ImportPackageFact(pkg, &t) {
		return &t
	}
	return nil
}

// Analyzer computes the summaries.
var Analyzer = &analysis.Analyzer{
	Name:       "apiaudittoolreach",
	Doc:        "sums up what the MCP and agent tools registered in each package reach",
	Run:        run,
	Requires:   []*analysis.Analyzer{reach.Analyzer},
	FactTypes:  []analysis.Fact{new(Tools)},
	ResultType: reflect.TypeFor[*Result](),
}

// sdks are the packages through which tools are registered: a package
// that imports none of them registers none, and is not looked at (the
// analyzer runs on every dependency, for its facts).
var sdks = map[string]bool{
	"github.com/mark3labs/mcp-go/server":         true,
	"github.com/modelcontextprotocol/go-sdk/mcp": true,
	"google.golang.org/adk/tool/functiontool":    true,
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass}
	uses := false
	for _, imp := range pass.Pkg.Imports() {
		uses = uses || sdks[goapi.CanonPath(imp.Path())]
	}
	if !uses {
		return res, nil
	}
	res.List = agenttool.Find(pass.TypesInfo, inspector.New(pass.Files)).Tools
	if len(res.List) == 0 {
		return res, nil
	}
	s := summer{pass: pass, reach: pass.ResultOf[reach.Analyzer].(*reach.Result), bodies: map[*types.Func]*ast.BlockStmt{}}
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		s.bodies[fn] = body
	}
	t := &Tools{N: len(res.List), Known: true}
	for _, tool := range res.List {
		if tool.Handler == nil || !tool.HandlerKnown {
			t.Known = false
			continue
		}
		f := s.reach.Node(tool.Handler)
		if (f == nil || f.Caps&goapi.Sensitive == 0) && s.dynamic(tool.Handler, map[*types.Func]bool{}) {
			t.Known = false // it calls code that cannot be seen from here
		}
		if f == nil {
			continue
		}
		for _, c := range f.Caps.Each() {
			if t.Caps&c == 0 {
				i := bits.TrailingZeros16(uint16(c))
				if len(t.Via) <= i {
					t.Via = append(t.Via, make([]string, i+1-len(t.Via))...)
				}
				t.Via[i] = tool.Label() + " → " + f.Why(c)
				t.Caps |= c
			}
		}
	}
	res.Local = t
	pass.ExportPackageFact(t)
	return res, nil
}

type summer struct {
	pass   *analysis.Pass
	reach  *reach.Result
	bodies map[*types.Func]*ast.BlockStmt
}

// dynamic reports whether the code under n, or a function of this package
// it calls, calls through an interface of a non-standard package or a
// function value: what runs there (a tool registry's Run method, a
// callback) cannot be seen, so the tools are not known to be harmless.
// The Kubernetes clients' interfaces are modelled (goapi.KubernetesClient).
func (s *summer) dynamic(n ast.Node, seen map[*types.Func]bool) bool {
	info := s.pass.TypesInfo
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
				return true
			}
			fn := goapi.Callee(info, n)
			if fn == nil {
				found = true // a function value
				return false
			}
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && fn.Pkg() != nil &&
				!stdlib(fn.Pkg().Path()) && !goapi.KubernetesClient(fn.Pkg().Path()) {
				found = true
				return false
			}
		case *ast.Ident:
			fn, ok := info.Uses[n].(*types.Func)
			if ok && fn.Pkg() == s.pass.Pkg && !seen[fn.Origin()] {
				seen[fn.Origin()] = true
				if body := s.bodies[fn.Origin()]; body != nil && s.dynamic(body, seen) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// stdlib reports whether an interface of this package is one of the
// standard library's plumbing interfaces (io.Writer, context.Context,
// fmt.Stringer, http.ResponseWriter...), whose methods run no tool.
func stdlib(path string) bool {
	switch path {
	case "io", "context", "fmt", "sort", "hash", "net/http", "log/slog", "strings", "bytes", "errors", "net":
		return true
	}
	return strings.HasPrefix(path, "encoding/")
}
