package go105

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// A setting that switches authentication off may be fenced where the
// configuration is checked: the program refuses to start when it is empty
// and the listen address is not a loopback one (if c.AuthToken == "" &&
// !isLoopbackAddr(c.ListenAddr) { return errors.New(...) }). Then the
// switch opens the server only to this machine. The configuration often
// lives in another package than the middleware, so the fence is a fact
// of the field.

// Fenced marks a field of a configuration struct that the program refuses
// to leave empty unless it listens on loopback only.
type Fenced struct {
	By string // the function that refuses, as people call it: "config.(*Config).Validate"
}

func (*Fenced) AFact() {}

func (f *Fenced) String() string { return "fenced by " + f.By }

var fencesAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo105fences",
	Doc:        "finds configuration fields that the program refuses to leave empty unless it listens on loopback",
	Run:        findFences,
	FactTypes:  []analysis.Fact{new(Fenced)},
	ResultType: reflect.TypeFor[*fences](),
}

// fences answers, for the package analysed, what fences a field (its
// Fenced fact, set here or in the package that declares it): facts are
// the analyzer's own, so GO105 asks through it.
type fences struct{ pass *analysis.Pass }

func (f *fences) by(field *types.Var) string {
	var fact Fenced
	if f.pass.ImportObjectFact(field, &fact) {
		return fact.By
	}
	return ""
}

// loopbackName names a function that tells a loopback address from
// others: isLoopbackAddr, IsLocalhost, isLocalOnly.
var loopbackName = regexp.MustCompile(`(?i)loopback|localhost|localonly|islocal`)

func findFences(pass *analysis.Pass) (any, error) {
	res := &fences{pass}
	if goapi.InGOROOT(pass.Fset, pass.Files) {
		return res, nil
	}
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		ast.Inspect(body, func(n ast.Node) bool {
			ifs, ok := n.(*ast.IfStmt)
			if !ok || !refuses(pass.TypesInfo, ifs.Body) {
				return true
			}
			var empty []*types.Var
			loopback := false
			for _, c := range goapi.Conjuncts(ifs.Cond) {
				if f := emptyField(pass.TypesInfo, c); f != nil {
					empty = append(empty, f)
				}
				if u, ok := ast.Unparen(c).(*ast.UnaryExpr); ok && u.Op == token.NOT {
					if call, ok := ast.Unparen(u.X).(*ast.CallExpr); ok {
						if callee := goapi.Callee(pass.TypesInfo, call); callee != nil && loopbackName.MatchString(callee.Name()) {
							loopback = true
						}
					}
				}
			}
			if !loopback {
				return true
			}
			for _, f := range empty {
				if f.Pkg() == pass.Pkg {
					pass.ExportObjectFact(f, &Fenced{By: funcName(fn)})
				}
			}
			return true
		})
	}
	return res, nil
}

// emptyField is the struct field that e tests for emptiness (c.AuthToken
// == "", len(c.Key) == 0), or nil.
func emptyField(info *types.Info, e ast.Expr) *types.Var {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil
	}
	x, y := b.X, b.Y
	if tv, ok := info.Types[x]; ok && tv.Value != nil {
		x, y = y, x
	}
	tv, ok := info.Types[y]
	if !ok || tv.Value == nil || (tv.Value.ExactString() != `""` && tv.Value.ExactString() != "0") {
		return nil
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
			x = call.Args[0]
		}
	}
	return fieldOf(info, x)
}

// fieldOf is the struct field e selects (c.AuthToken, c().Auth.Token), or
// nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
		return v
	}
	return nil
}

// refuses reports whether body returns an error it makes (return
// fmt.Errorf(...), return errors.New(...), return nil, err), ends the
// program (log.Fatal, os.Exit) or panics.
func refuses(info *types.Info, body *ast.BlockStmt) bool {
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.ReturnStmt:
			if len(st.Results) == 0 {
				continue
			}
			last := st.Results[len(st.Results)-1]
			if t := info.TypeOf(last); t != nil && types.Identical(t, types.Universe.Lookup("error").Type()) {
				if tv, ok := info.Types[last]; ok && !tv.IsNil() {
					return true
				}
			}
		case *ast.ExprStmt:
			if call, ok := st.X.(*ast.CallExpr); ok {
				if fn := goapi.Callee(info, call); fn != nil && fn.Pkg() != nil {
					p, name := fn.Pkg().Path(), fn.Name()
					if (p == "log" || p == "os") && (strings.HasPrefix(name, "Fatal") || name == "Exit" || strings.HasPrefix(name, "Panic")) {
						return true
					}
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
					return true
				}
			}
		}
	}
	return false
}

// fenceOf looks, in the package's code, for the condition cond of a
// bypass ("token == \"\""), the struct fields it tests directly or
// through locals assigned from them (token := s.cfg().AuthToken), and
// returns what fences the first fenced one, or "".
func fenceOf(pass *analysis.Pass, cond string) string {
	fs := pass.ResultOf[fencesAnalyzer].(*fences)
	found := ""
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found != "" {
				return false
			}
			body, ok := n.(*ast.BlockStmt)
			if !ok {
				return true
			}
			for _, st := range body.List {
				ifs, ok := st.(*ast.IfStmt)
				if !ok || types.ExprString(ifs.Cond) != cond {
					continue
				}
				for _, c := range goapi.Conjuncts(ifs.Cond) {
					var field *types.Var
					if b, ok := ast.Unparen(c).(*ast.BinaryExpr); ok {
						for _, side := range []ast.Expr{b.X, b.Y} {
							if field = fieldOf(pass.TypesInfo, side); field == nil {
								field = assignedField(pass.TypesInfo, body, side)
							}
							if field != nil {
								break
							}
						}
					}
					if field != nil {
						if by := fs.by(field); by != "" {
							found = by
							return false
						}
					}
				}
			}
			return true
		})
	}
	return found
}

// assignedField is the field a local named by e was assigned from in
// body (token := s.cfg().AuthToken), or nil.
func assignedField(info *types.Info, body *ast.BlockStmt, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v := info.Uses[id]
	if v == nil {
		return nil
	}
	var field *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return field == nil
		}
		for i, lhs := range as.Lhs {
			if l, ok := lhs.(*ast.Ident); ok && info.ObjectOf(l) == v {
				field = fieldOf(info, as.Rhs[i])
			}
		}
		return field == nil
	})
	return field
}
