package gotaint

import (
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// shared holds what Share set up, by file set.
var shared sync.Map // *token.FileSet → *sharedLoad

// sharedLoad is what the packages of one load share.
type sharedLoad struct {
	mu   sync.RWMutex // held to create packages, read-held to build them
	prog *ssa.Program
	// needed holds the packages whose analysis can matter (see Share);
	// nil when every package may.
	needed map[*types.Package]bool
}

// Share is for a driver that analyses the packages of one load (roots and
// all their dependencies, with one file set) in one process: it calls
// Share before the analysis, and release after. Without it each package is
// analysed on its own, as under go vet.
//
// The packages then share one SSA program: each package is created once,
// not once per importer.
//
// And packages that cannot take part in a reported flow are not analysed.
// Facts only travel from a package to its importers, so a flow through P
// can be reported only in P or in a package that imports P, and only if
// untrusted data enters there or in one of its dependencies. A package is
// analysed when it, or some package importing it, has in itself or among
// its dependencies code that brings untrusted data in (sourceUser). In a
// library or a command-line tool most packages have none: in
// golang.org/x/tools 36 of 216 packages are analysed.
func Share(fset *token.FileSet, pkgs []*packages.Package) (release func()) {
	sl := &sharedLoad{prog: ssa.NewProgram(fset, 0), needed: needed(pkgs)}
	shared.Store(fset, sl)
	return func() { shared.Delete(fset) }
}

func sharedFor(pass *analysis.Pass) *sharedLoad {
	if sl, ok := shared.Load(pass.Fset); ok {
		return sl.(*sharedLoad)
	}
	return nil
}

// needed works out which packages of the load can take part in a reported
// flow; nil when it cannot tell (the tables do not build).
func needed(pkgs []*packages.Package) map[*types.Package]bool {
	m, err := tables()
	if err != nil {
		return nil
	}
	// below: the package or one of its dependencies brings data in.
	below := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		b := !goapi.InGOROOT(p.Fset, p.Syntax) && sourceUser(p.Types, p.TypesInfo, m)
		for _, imp := range p.Imports {
			b = b || below[imp]
		}
		below[p] = b
	})
	out := map[*types.Package]bool{}
	var mark func(p *packages.Package)
	mark = func(p *packages.Package) {
		if p.Types == nil || out[p.Types] {
			return
		}
		out[p.Types] = true
		for _, imp := range p.Imports {
			mark(imp)
		}
	}
	for p, b := range below {
		if b {
			mark(p)
		}
	}
	return out
}

// sourceUser reports whether the package's own code can bring untrusted
// data in: it calls or reads a source of the tables (the user's included),
// uses anything of a third-party library the tables describe (a model or
// MCP SDK, a web framework), or declares a method named Call (langchaingo
// tools are recognised by their shape, see paramSource). Of the standard
// library only the sources themselves count: most code uses os or
// encoding/json. It says yes when it cannot tell.
func sourceUser(pkg *types.Package, info *types.Info, m *Models) bool {
	if pkg == nil || info == nil {
		return true
	}
	if goapi.DeclaresToolShape(pkg) {
		return true // a plain tool table's handlers take tool arguments
	}
	fields := m.modelledFields()
	for _, obj := range info.Uses {
		if obj.Pkg() == nil || obj.Pkg() == pkg {
			continue
		}
		path := goapi.CanonPath(obj.Pkg().Path())
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") && m.Modelled[path] {
			return true
		}
		switch o := obj.(type) {
		case *types.Func:
			if _, ok := m.Sources.Lookup(o); ok {
				return true
			}
		case *types.Var:
			if o.IsField() && fields[[2]string{path, o.Name()}] {
				return true
			}
		case *types.TypeName:
			if len(goapi.ToolShape(pkg, o.Type())) > 0 {
				return true // a plain tool table of another package's type
			}
		}
	}
	for _, obj := range info.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == "Call" && fn.Signature().Recv() != nil {
			return true
		}
	}
	return false
}
