package authn

import (
	"go/ast"
	"go/types"
	"runtime"
	"strconv"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// TestSharedIndex checks that the guards of several analyzers on one
// package share the index of its files, each with its own answers (a host
// guard and a credential guard read the same index and differ), and that
// the index is freed once no guard uses it; Forget drops its entry.
func TestSharedIndex(t *testing.T) {
	type answers struct {
		idx         *index
		keyed, host map[string]State
	}
	var got []answers
	var pkgs []*types.Package
	ask := func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[Analyzer].(*Result)
		g, hg := NewGuard(pass, res), NewHostGuard(pass, res)
		if g.index != hg.index {
			t.Errorf("%s: a guard and a host guard on the same package built two indexes", pass.Analyzer.Name)
		}
		a := answers{idx: g.index, keyed: map[string]State{}, host: map[string]State{}}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				c, ok := goapi.Routers.Lookup(goapi.Callee(pass.TypesInfo, call))
				if !ok || c.Kind != goapi.RouteRegister {
					return true
				}
				path, _ := strconv.Unquote(call.Args[0].(*ast.BasicLit).Value)
				a.keyed[path], a.host[path] = g.Route(call, c), hg.Route(call, c)
				return true
			})
		}
		got = append(got, a)
		pkgs = append(pkgs, pass.Pkg)
		return nil, nil
	}
	first := &analysis.Analyzer{Name: "first", Doc: "asks for guards", Requires: []*analysis.Analyzer{Analyzer}, Run: ask}
	second := &analysis.Analyzer{Name: "second", Doc: "asks for guards", Requires: []*analysis.Analyzer{first, Analyzer}, Run: ask}
	analysistest.Run(t, analysistest.TestData(), second, "sharedidx")
	if len(got) != 2 {
		t.Fatalf("%d runs, want 2", len(got))
	}
	if got[0].idx != got[1].idx {
		t.Errorf("two analyzers on the same package built two indexes")
	}
	wantKeyed := map[string]State{"/keyed": Protected, "/local": Open, "/open": Open}
	wantHost := map[string]State{"/keyed": Open, "/local": Protected, "/open": Open}
	for i, a := range got {
		for path, want := range wantKeyed {
			if a.keyed[path] != want {
				t.Errorf("run %d: guard: %s is %v, want %v", i, path, a.keyed[path], want)
			}
		}
		for path, want := range wantHost {
			if a.host[path] != want {
				t.Errorf("run %d: host guard: %s is %v, want %v", i, path, a.host[path], want)
			}
		}
	}
	// Once no guard uses it, the index is garbage, as each guard's own
	// index was before they were shared.
	got = nil
	runtime.GC()
	if e, ok := indexes.Load(pkgs[0]); !ok {
		t.Errorf("no index entry for %s", pkgs[0].Path())
	} else if e.(*indexEntry).index.Value() != nil {
		t.Errorf("the index outlives every guard that used it")
	}
	Forget(pkgs[:1])
	if _, ok := indexes.Load(pkgs[0]); ok {
		t.Errorf("Forget kept the index")
	}
}
