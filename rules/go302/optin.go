package go302

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// An agent SDK offers tool types that an application opts into: its own
// ComputerTool or LocalShellTool, which the application constructs (with
// the Computer or the executor that carries the actions out) and gives to
// an agent. The SDK converts each tool it is given into the provider's
// request type in a type switch (case LocalShellTool:
// responses.ToolLocalShellParam{...}), and that literal is not the SDK
// handing a shell to a model: only an application that constructs the
// tool does. So a provider tool built in a case of a type switch on a
// parameter of the function, for an exported type of the package, in a
// package other than main, is a note, and the type carries a fact:
// constructing a value of it (in the package or in a package that
// imports it) is the finding, at the rule's severity.

// OptIn is the fact on an exported tool type of a package that the
// package converts into a provider tool that GO302 reports.
type OptIn struct {
	What      string // what the tool hands the model (shell, computer, edits)
	Converted string // the provider type it becomes ("responses.ToolLocalShellParam")
	At        string // where, "file.go:line" (base name of the file)
}

func (*OptIn) AFact() {}

func (o *OptIn) String() string { return "go302 opt-in " + o.Converted }

// optIns is what optInAnalyzer finds in a package.
type optIns struct {
	// clauses are the type-switch cases on a parameter, by the exported
	// type of the package they are for.
	clauses []clause
	// types are the opt-in tool types of the package and of the packages
	// it uses.
	types map[*types.TypeName]*OptIn
}

type clause struct {
	from, to token.Pos
	tn       *types.TypeName
}

// caseFor is the opt-in type whose case of a type switch holds pos.
func (o *optIns) caseFor(pos token.Pos) *types.TypeName {
	var best *clause
	for i := range o.clauses {
		c := &o.clauses[i]
		if c.from <= pos && pos < c.to && (best == nil || c.from > best.from) {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	return best.tn
}

var optInAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo302optin",
	Doc:        "finds the tool types a package converts into provider shell and computer-use tools, for GO302",
	Run:        runOptIn,
	FactTypes:  []analysis.Fact{new(OptIn)},
	ResultType: reflect.TypeFor[*optIns](),
}

func runOptIn(pass *analysis.Pass) (any, error) {
	o := &optIns{types: map[*types.TypeName]*OptIn{}}
	for _, obj := range pass.TypesInfo.Uses {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg() == pass.Pkg {
			continue
		}
		var f OptIn
		if pass.ImportObjectFact(tn, &f) {
			o.types[tn] = &f
		}
	}
	if pass.Pkg.Name() == "main" || goapi.InGOROOT(pass.Fset, pass.Files) {
		return o, nil
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			params := map[types.Object]bool{}
			for _, fl := range fd.Type.Params.List {
				for _, id := range fl.Names {
					if v := pass.TypesInfo.Defs[id]; v != nil {
						params[v] = true
					}
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				ts, ok := n.(*ast.TypeSwitchStmt)
				if !ok {
					return true
				}
				var x ast.Expr
				switch a := ts.Assign.(type) {
				case *ast.AssignStmt:
					if len(a.Rhs) == 1 {
						if ta, ok := a.Rhs[0].(*ast.TypeAssertExpr); ok {
							x = ta.X
						}
					}
				case *ast.ExprStmt:
					if ta, ok := a.X.(*ast.TypeAssertExpr); ok {
						x = ta.X
					}
				}
				id, ok := ast.Unparen(x).(*ast.Ident)
				if !ok || !params[pass.TypesInfo.Uses[id]] {
					return true
				}
				for _, s := range ts.Body.List {
					cc, ok := s.(*ast.CaseClause)
					if !ok || len(cc.List) != 1 {
						continue
					}
					t := pass.TypesInfo.TypeOf(cc.List[0])
					if p, ok := types.Unalias(t).(*types.Pointer); ok {
						t = p.Elem()
					}
					named, ok := types.Unalias(t).(*types.Named)
					if !ok || named.Obj().Pkg() != pass.Pkg || !named.Obj().Exported() || types.IsInterface(named) {
						continue
					}
					o.clauses = append(o.clauses, clause{cc.Pos(), cc.End(), named.Obj()})
				}
				return true
			})
		}
	}
	if len(o.clauses) == 0 {
		return o, nil
	}
	// The provider tools built in those cases.
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var what, conv string
			switch n := n.(type) {
			case *ast.CompositeLit:
				named, ok := types.Unalias(pass.TypesInfo.TypeOf(n)).(*types.Named)
				if !ok || named.Obj().Pkg() == nil {
					return true
				}
				obj := named.Obj()
				what = match(toolTypes, obj.Pkg().Path(), obj.Name())
				if what == "" || obj.Name() == "FunctionShellToolParam" && hosted(n) {
					return true
				}
				conv = obj.Pkg().Name() + "." + obj.Name()
			case *ast.CallExpr:
				fn := goapi.Callee(pass.TypesInfo, n)
				if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
					return true
				}
				if what = match(constructors, fn.Pkg().Path(), fn.Name()); what == "" {
					return true
				}
				conv = fn.Pkg().Name() + "." + fn.Name()
			default:
				return true
			}
			tn := o.caseFor(n.Pos())
			if tn == nil || o.types[tn] != nil {
				return true
			}
			p := pass.Fset.Position(n.Pos())
			fact := &OptIn{What: what, Converted: conv, At: shortFile(p.Filename) + ":" + strconv.Itoa(p.Line)}
			o.types[tn] = fact
			pass.ExportObjectFact(tn, fact)
			return true
		})
	}
	return o, nil
}

// shortFile is a file's directory and base name.
func shortFile(file string) string {
	dir, base := "", file
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' || file[i] == '\\' {
			base = file[i+1:]
			dir = file[:i]
			break
		}
	}
	for i := len(dir) - 1; i >= 0; i-- {
		if dir[i] == '/' || dir[i] == '\\' {
			return dir[i+1:] + "/" + base
		}
	}
	if dir != "" {
		return dir + "/" + base
	}
	return base
}
