package goapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// TestDispatcherSharedIndex: the dispatchers of one package share its
// index, and each applies its own skip to it; a dispatcher that skips a
// package, asked first, does not take that package's types away from the
// others. Forget drops the package's entries.
func TestDispatcherSharedIndex(t *testing.T) {
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) *types.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	store := check("example.com/store", `package store
type Store interface{ Get(k string) string }
type Disk struct{}
func (*Disk) Get(k string) string { return k }
`, importer.Default())
	app := check("example.com/app", `package app
import "example.com/store"
type Mem struct{}
func (Mem) Get(k string) string { return k }
func Use(s store.Store) string { return s.Get("x") }
`, importerFunc(func(path string) (*types.Package, error) { return store, nil }))
	get := store.Scope().Lookup("Store").Type().Underlying().(*types.Interface).Method(0)
	names := func(fns []*types.Func) []string {
		var out []string
		for _, fn := range fns {
			out = append(out, Of(fn).String())
		}
		return out
	}
	skipApp := func(p *types.Package) bool { return p == app }
	t.Cleanup(func() { Forget([]*types.Package{app, store}) })

	// The dispatcher that skips builds the index first.
	if got, want := names(NewDispatcher(fset, app, skipApp).Implementations(get)), []string{"(example.com/store.Disk).Get"}; !slices.Equal(got, want) {
		t.Errorf("with app skipped: %q, want %q", got, want)
	}
	want := []string{"(example.com/app.Mem).Get", "(example.com/store.Disk).Get"}
	if got := names(NewDispatcher(fset, app, nil).Implementations(get)); !slices.Equal(got, want) {
		t.Errorf("without skip: %q, want %q", got, want)
	}
	if _, ok := indexes.Load(app); !ok {
		t.Fatal("no index kept for the package")
	}
	Forget([]*types.Package{app, store})
	if _, ok := indexes.Load(app); ok {
		t.Error("Forget left the package's index")
	}
	if _, ok := namedTypes.Load(store); ok {
		t.Error("Forget left the types of an imported package")
	}
	// Built again after Forget, the same answer.
	if got := names(NewDispatcher(fset, app, nil).Implementations(get)); !slices.Equal(got, want) {
		t.Errorf("after Forget: %q, want %q", got, want)
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
