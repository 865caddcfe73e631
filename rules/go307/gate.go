package go307

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
)

// perPackage grades the flows of one package: note's reasons first, then
// a human approval step on the way to the call (a note when nothing
// skips it, a warning naming the flag that does), then a tool call handed
// whole to a tool that runs commands by design (a note: GO302 reports the
// tool).
func perPackage(pass *analysis.Pass) (below, noted func(*gotaint.Flow) string) {
	below = func(f *gotaint.Flow) string {
		if note(f) != "" {
			return ""
		}
		if g := gateAt(pass, f.Pos); g.found && g.flag != "" {
			return "the program asks the user before it runs these tool calls (" + g.ask + "), but " + g.flag + " skips the question: with it set, the model's commands run unasked"
		}
		return ""
	}
	noted = func(f *gotaint.Flow) string {
		if why := note(f); why != "" {
			return why
		}
		g := gateAt(pass, f.Pos)
		switch {
		case g.found && g.flag != "":
			return ""
		case g.found:
			return "the call runs only after the user has answered a confirmation request (" + g.ask + "): a human approves the command first"
		}
		if tool := dispatchedTool(pass, f); tool != "" {
			return "the tool call is handed as it came to tool " + tool + ", whose run method runs the command by design: GO302 reports that tool where it is defined, graded by what its arguments choose and by the approval it asks for"
		}
		return ""
	}
	return below, noted
}

// approvalRe names the types and functions of a confirmation step: a
// request put to the user (UserChoiceRequest, ConfirmationPrompt,
// ApprovalRequest) or the user's answer (UserChoiceResponse).
var approvalRe = regexp.MustCompile(`(?i)choice|confirm|approv|permission|consent`)

// skipRe names a flag that turns the confirmation step off.
var skipRe = regexp.MustCompile(`(?i)skip|yolo|auto_?approv|no_?confirm|bypass|dangerous|unattended`)

type gate struct {
	found bool
	ask   string // the call or value that asks, or the answer the call waits on
	flag  string // the flag that skips the question; "" when none does
}

// gateAt finds the human approval step in front of the call at pos, in
// the function that makes it: an if around the call whose condition is
// the user's answer to a confirmation request (dispatch :=
// handleChoice(ctx, choiceResponse); if dispatch { run(...) }), or an
// earlier if in the same block that puts a confirmation request to the
// user and leaves the block (continue, return) instead of running the
// call; the flag that the latter's condition tests negated (!c.SkipPermissions)
// skips it.
func gateAt(pass *analysis.Pass, pos token.Pos) gate {
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return gate{}
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	var fnBody *ast.BlockStmt
	for _, n := range path {
		if fd, ok := n.(*ast.FuncDecl); ok {
			fnBody = fd.Body
			break
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			fnBody = fl.Body
			break
		}
	}
	for i := 1; i < len(path); i++ {
		child := path[i-1]
		switch n := path[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return gate{}
		case *ast.IfStmt:
			if child == n.Body {
				if ask := answerIn(pass, fnBody, n.Cond); ask != "" {
					return gate{found: true, ask: ask}
				}
			}
		case *ast.BlockStmt:
			if g := askedBefore(pass, n.List, child); g.found {
				return g
			}
		case *ast.CaseClause:
			if g := askedBefore(pass, n.Body, child); g.found {
				return g
			}
		case *ast.CommClause:
			if g := askedBefore(pass, n.Body, child); g.found {
				return g
			}
		}
	}
	return gate{}
}

// askedBefore looks, among the statements before child, for an if that
// asks the user and leaves instead of going on to child.
func askedBefore(pass *analysis.Pass, list []ast.Stmt, child ast.Node) gate {
	i := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == child })
	for _, st := range list[:max(i, 0)] {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || len(ifs.Body.List) == 0 || !leaves(ifs.Body.List[len(ifs.Body.List)-1]) {
			continue
		}
		ask := asks(pass, ifs.Body)
		if ask == "" {
			continue
		}
		return gate{found: true, ask: ask, flag: skipFlag(pass, ifs.Cond)}
	}
	return gate{}
}

func leaves(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE || s.Tok == token.BREAK || s.Tok == token.GOTO
	}
	return false
}

// asks names what in body puts a confirmation request to the user: a
// value of a type named like one (api.UserChoiceRequest), or a call of a
// function named like one (askForConfirmation); "" when nothing does.
func asks(pass *analysis.Pass, body ast.Node) string {
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			if t := pass.TypesInfo.TypeOf(n); t != nil && approvalRe.MatchString(goapi.TypeName(t)) {
				found = types.ExprString(n.Type)
			}
		case *ast.CallExpr:
			if fn := goapi.Callee(pass.TypesInfo, n); fn != nil && approvalRe.MatchString(fn.Name()) && fn.Pkg() != nil && !goapi.StdPackage(pass.Fset, fn.Pkg()) {
				found = types.ExprString(n.Fun)
			}
		}
		return true
	})
	return found
}

// answerIn names the user's answer that cond tests: a value of a
// confirmation type in the condition, or a variable set in the function
// from a call that takes one (dispatch := c.handleChoice(ctx, choice)).
func answerIn(pass *analysis.Pass, fnBody *ast.BlockStmt, cond ast.Expr) string {
	found := ""
	ast.Inspect(cond, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || found != "" {
			return found == ""
		}
		if t := pass.TypesInfo.TypeOf(e); t != nil && approvalRe.MatchString(goapi.TypeName(t)) {
			found = types.ExprString(e)
			return false
		}
		if id, ok := e.(*ast.Ident); ok && fnBody != nil {
			if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok {
				if call := setFrom(pass, fnBody, v); call != nil {
					for _, a := range call.Args {
						if t := pass.TypesInfo.TypeOf(a); t != nil && approvalRe.MatchString(goapi.TypeName(t)) {
							found = types.ExprString(call.Fun) + "(…" + types.ExprString(a) + ")"
						}
					}
				}
			}
		}
		return true
	})
	return found
}

// setFrom is the call whose result defines v in body (v := f(...)).
func setFrom(pass *analysis.Pass, body *ast.BlockStmt, v *types.Var) *ast.CallExpr {
	var out *ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || out != nil || len(as.Rhs) != 1 {
			return out == nil
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && (pass.TypesInfo.Defs[id] == v || pass.TypesInfo.Uses[id] == v) {
				out = call
			}
		}
		return true
	})
	return out
}

// skipFlag names the boolean that cond tests negated and that is named as
// a switch for the question (!c.SkipPermissions, !autoApprove); "".
func skipFlag(pass *analysis.Pass, cond ast.Expr) string {
	found := ""
	ast.Inspect(cond, func(n ast.Node) bool {
		u, ok := n.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT || found != "" {
			return found == ""
		}
		x := ast.Unparen(u.X)
		var name string
		switch x := x.(type) {
		case *ast.Ident:
			name = x.Name
		case *ast.SelectorExpr:
			name = x.Sel.Name
		default:
			return true
		}
		if b, ok := pass.TypesInfo.TypeOf(x).Underlying().(*types.Basic); ok && b.Kind() == types.Bool && skipRe.MatchString(name) {
			found = types.ExprString(x)
		}
		return true
	})
	return found
}

// runMethods are the methods by which a program runs a tool (as GO302
// names them).
var runMethods = []string{"Run", "Call", "Execute", "Invoke", "InvokableRun"}

// dispatchedTool names the tool whose run method the flow passes through
// on its way to the command, when that tool runs commands by itself: a
// method Run (Call, Execute...) of a type with Name and Description
// methods, named in the flow's path of calls ("ToolCall.InvokeTool →
// BashTool.Run → ..."), or called at the flow's own position (tool.Run(ctx,
// args)). "" when none.
func dispatchedTool(pass *analysis.Pass, f *gotaint.Flow) string {
	res, _ := pass.ResultOf[reach.Analyzer].(*reach.Result)
	if res == nil {
		return ""
	}
	var steps []string
	for _, st := range strings.Split(f.Via, " → ") {
		if typ, m, ok := strings.Cut(st, "."); ok && slices.Contains(runMethods, m) {
			steps = append(steps, typ)
		}
	}
	if len(steps) == 0 {
		return ""
	}
	for _, pkg := range visible(pass.Fset, pass.Pkg) {
		for _, typ := range steps {
			tn, ok := pkg.Scope().Lookup(typ).(*types.TypeName)
			if !ok || types.IsInterface(tn.Type()) {
				continue
			}
			ms := types.NewMethodSet(types.NewPointer(tn.Type()))
			if ms.Lookup(tn.Pkg(), "Name") == nil || ms.Lookup(tn.Pkg(), "Description") == nil {
				continue
			}
			for _, m := range runMethods {
				if sel := ms.Lookup(tn.Pkg(), m); sel != nil && res.Func(sel.Obj().(*types.Func)).Why(goapi.Exec) != "" {
					return tn.Name()
				}
			}
		}
	}
	return ""
}

// visible is pkg and the packages it imports, directly or not, outside the
// standard library.
func visible(fset *token.FileSet, pkg *types.Package) []*types.Package {
	seen := map[*types.Package]bool{}
	var out []*types.Package
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] || goapi.StdPackage(fset, p) {
			return
		}
		seen[p] = true
		out = append(out, p)
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(pkg)
	return out
}
