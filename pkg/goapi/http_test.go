package goapi

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestRoutePath(t *testing.T) {
	const src = `package p

import "fmt"

const kind = "patterns"

func f(entity string, paths []string) {
	use(fmt.Sprintf("/%s/rename/:old", entity))
	use(fmt.Sprintf("/%s/:name", kind))
	use(fmt.Sprintf("/v%d/items/%%x", 2))
	use("/items/" + entity)
	for _, p := range paths {
		use(p)
	}
	use("/static")
}

func use(string) {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "use" {
				got = append(got, RoutePath(info, c.Args[0]))
			}
		}
		return true
	})
	want := []string{"/…/rename/:old", "/patterns/:name", "/v2/items/%x", "/items/…", "…", "/static"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("path %d = %q, want %q", i, got[i], want[i])
		}
	}
}
