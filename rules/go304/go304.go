// Package go304 defines rule GO304: agent file and shell tools that are not
// confined to a work directory, or that inherit the process's secrets.
package go304

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO304",
	Name: "unconfined-agent-filesystem",
	Doc: lint.Doc{
		Title: "Agent file tools are not confined, or get the process's secrets",
		Summary: "An anthropic-sdk-go agenttoolset.AgentToolContext sets UnrestrictedPaths, makes \"/\" or the " +
			"home directory its Workdir or an allowed root, or builds the shell's Env from os.Environ().",
		Why: `The agenttoolset file tools (read, write, edit, glob, grep) resolve every
path the model asks for against ` + "`Workdir`" + ` and refuse anything outside it and
` + "`AllowedRoots`" + `. That boundary is what keeps a model that has read a hostile
document from reading ` + "`~/.ssh`" + `, ` + "`~/.aws/credentials`" + ` or the service's own
configuration, or from rewriting them (OWASP LLM06, excessive agency; CWE-22).

Reported:
- ` + "`UnrestrictedPaths: true`" + `: in the releases that honour it (v1.60 and
  nearby), the file tools accept any path; from about v1.66 on the field is
  deprecated and every tool call fails with ErrUnrestrictedPathsUnsupported.
- ` + "`Workdir`" + ` or an ` + "`AllowedRoots`" + ` entry of ` + "`\"/\"`" + `, ` + "`\"~\"`" + ` or ` + "`os.Getenv(\"HOME\")`" + `:
  confinement in name only.
- ` + "`Env`" + ` built from ` + "`os.Environ()`" + `: when Env is nil the SDK gives the bash tool
  the runner's environment minus ` + "`ANTHROPIC_*`" + `; a map copied from
  ` + "`os.Environ()`" + ` is used verbatim, so every credential of the process,
  the Anthropic key included, is one ` + "`env`" + ` command away from the model.

Paths chosen by the model and passed to ` + "`os.Open`" + ` or ` + "`os.WriteFile`" + ` by your own
tools are a data-flow question, reported by the injection rules.`,
		Fix: "confine the tools to a dedicated Workdir (plus narrow AllowedRoots) and give Env only the variables the tools need",
		Bad: `env := map[string]string{}
for _, kv := range os.Environ() {
	k, v, _ := strings.Cut(kv, "=")
	env[k] = v
}
tools := agenttoolset.BetaAgentToolset20260401(&agenttoolset.AgentToolContext{
	Workdir: "/",
	Env:     env,
})`,
		Good: `tools := agenttoolset.BetaAgentToolset20260401(&agenttoolset.AgentToolContext{
	Workdir: "/srv/agent/work",
	Env:     map[string]string{"PATH": "/usr/bin:/bin", "HOME": "/srv/agent/work"},
})`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "high",
		CWE:       []int{22, 668, 526},
		OWASP:     []string{"LLM06:2025", "LLM02:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO304",
	Doc:      "reports agent tool contexts that are not confined or inherit the environment",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, agenttool.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const toolsetPkg = "github.com/anthropics/anthropic-sdk-go/tools/agenttoolset"

var (
	fnEnviron = goapi.MustFunc("os.Environ")
	fnGetenv  = goapi.MustFunc("os.Getenv")
)

type checker struct {
	pass    *analysis.Pass
	values  *agenttool.Values
	environ map[types.Object]bool // maps filled in a loop over os.Environ()
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, values: pass.ResultOf[agenttool.Analyzer].(*agenttool.Result).Values, environ: map[types.Object]bool{}}
	for n := range ins.PreorderSeq((*ast.RangeStmt)(nil)) {
		rs := n.(*ast.RangeStmt)
		if !c.callsEnviron(rs.X, 0) {
			continue
		}
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, lhs := range as.Lhs {
					if ix, ok := lhs.(*ast.IndexExpr); ok {
						if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && pass.TypesInfo.Uses[id] != nil {
							c.environ[pass.TypesInfo.Uses[id]] = true
						}
					}
				}
			}
			return true
		})
	}
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if tv, ok := pass.TypesInfo.Types[n]; ok && goapi.IsType(tv.Type, toolsetPkg, "AgentToolContext") {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							c.check(kv, id.Name, kv.Value)
						}
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := lhs.(*ast.SelectorExpr)
				if ok && goapi.IsType(pass.TypesInfo.TypeOf(sel.X), toolsetPkg, "AgentToolContext") {
					c.check(n, sel.Sel.Name, n.Rhs[i])
				}
			}
		}
	}
	return nil, nil
}

func (c *checker) check(at ast.Node, field string, v ast.Expr) {
	info := c.pass.TypesInfo
	switch field {
	case "UnrestrictedPaths":
		if tv, ok := info.Types[c.values.Resolve(v)]; ok && tv.Value != nil && tv.Value.ExactString() == "true" {
			goapi.Reportf(c.pass, goapi.Warning, at.Pos(), "AgentToolContext sets UnrestrictedPaths: the agent's file tools may reach any path (newer SDK releases reject the field and every tool call fails)")
		}
	case "Workdir":
		if root := wholeTree(info, c.values.Resolve(v)); root != "" {
			goapi.Reportf(c.pass, goapi.Warning, at.Pos(), "AgentToolContext.Workdir is %s: the agent's file tools are not confined", root)
		}
	case "AllowedRoots":
		if lit, ok := c.values.Resolve(v).(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if root := wholeTree(info, c.values.Resolve(e)); root != "" {
					goapi.Reportf(c.pass, goapi.Warning, e.Pos(), "AgentToolContext.AllowedRoots includes %s: the agent's file tools are not confined", root)
				}
			}
		}
	case "Env":
		if c.fromEnviron(v, 0) {
			goapi.Reportf(c.pass, goapi.Warning, at.Pos(), "AgentToolContext.Env is built from os.Environ(): the model-driven shell gets every secret of this process")
		}
	}
}

// wholeTree describes a directory that confines nothing: "/", "~" or the
// home directory; "" for others.
func wholeTree(info *types.Info, e ast.Expr) string {
	switch s := goapi.ConstString(info, e); s {
	case "/", "~", "~/":
		return `"` + s + `"`
	}
	if call, ok := e.(*ast.CallExpr); ok && goapi.Of(goapi.Callee(info, call)) == fnGetenv && len(call.Args) == 1 && goapi.ConstString(info, call.Args[0]) == "HOME" {
		return "the home directory"
	}
	return ""
}

// fromEnviron reports whether e is built from os.Environ(): it calls it, is
// a map filled in a loop over it, or calls a function of the package that
// returns such a value.
func (c *checker) fromEnviron(e ast.Expr, depth int) bool {
	if depth > 4 || e == nil {
		return false
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj := c.pass.TypesInfo.Uses[id]; obj != nil && c.environ[obj] {
			return true
		}
	}
	r := c.values.Resolve(e)
	if r != e {
		return c.fromEnviron(r, depth+1)
	}
	return c.callsEnviron(e, depth)
}

// callsEnviron reports whether e calls os.Environ, directly or through a
// function of the package.
func (c *checker) callsEnviron(e ast.Expr, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := goapi.Callee(c.pass.TypesInfo, call)
		if goapi.Of(fn) == fnEnviron {
			found = true
		} else if body := c.values.FuncBody(fn); body != nil && depth < 4 {
			for _, r := range c.values.Returns(c.pass.TypesInfo, call) {
				if c.fromEnviron(r, depth+1) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
