package gosrc

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/pkg/gotaint"
)

// TestBlankBodies checks, on made-up declarations and on every file of a
// few standard library packages, that blankBodies empties the bodies of
// top-level non-generic functions and changes nothing else: the same
// declarations at the same positions, function literals and generic
// functions whole.
func TestBlankBodies(t *testing.T) {
	made := `package p

import "fmt"

var f = func() int { return 1 }

func plain(x interface{ M() }) (y struct{ a int }) {
	y.a = 1 // a comment
	return y
}

func (r *T) method(c chan struct{}) func() { return func() { fmt.Println("}") } }

func generic[K comparable](k K) K { return k }

func asm(x int) int

func init() { fmt.Println('{') }

type T struct{ s string }
`
	check(t, "made.go", []byte(made))
	got := string(blankBodies([]byte(made)))
	for _, want := range []string{"var f = func() int { return 1 }", "func generic[K comparable](k K) K { return k }", "type T struct{ s string }", "func asm(x int) int\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("blanked source lost %q:\n%s", want, got)
		}
	}
	for _, gone := range []string{"y.a = 1", "a comment", "Println"} {
		if strings.Contains(got, gone) {
			t.Errorf("blanked source still has %q:\n%s", gone, got)
		}
	}

	for _, dir := range []string{"net/http", "go/types", "encoding/json", "slices", "runtime", "internal/bytealg"} {
		files, _ := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no files in %s", dir)
		}
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			check(t, name, src)
		}
	}
}

// check compares the declarations of src and of blankBodies(src).
func check(t *testing.T, name string, src []byte) {
	t.Helper()
	const mode = parser.ParseComments | parser.SkipObjectResolution
	before, err := parser.ParseFile(token.NewFileSet(), name, src, mode)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	blank := blankBodies(src)
	if len(blank) != len(src) {
		t.Fatalf("%s: %d bytes, %d after", name, len(src), len(blank))
	}
	after, err := parser.ParseFile(token.NewFileSet(), name, blank, mode)
	if err != nil {
		t.Fatalf("%s after blanking: %v", name, err)
	}
	if len(before.Decls) != len(after.Decls) {
		t.Fatalf("%s: %d declarations, %d after", name, len(before.Decls), len(after.Decls))
	}
	for i, d := range before.Decls {
		a := after.Decls[i]
		if d.Pos() != a.Pos() || d.End() != a.End() {
			t.Errorf("%s: declaration %d moved", name, i)
		}
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		fa := a.(*ast.FuncDecl)
		switch generic := fd.Type.TypeParams != nil; {
		case generic && len(fa.Body.List) != len(fd.Body.List):
			t.Errorf("%s: generic %s lost its body", name, fd.Name.Name)
		case !generic && len(fa.Body.List) != 0:
			t.Errorf("%s: %s still has a body", name, fd.Name.Name)
		}
	}
}

func TestDepsIs(t *testing.T) {
	root := filepath.FromSlash("/go/root/src")
	cache := filepath.FromSlash("/home/u/go/pkg/mod")
	d := &deps{roots: []string{root + "/", cache + "/"}, scan: []string{filepath.FromSlash("/go/root/src/net/"), filepath.FromSlash("/work/app/")}}
	for name, want := range map[string]bool{
		"/go/root/src/fmt/print.go":                   true,  // the standard library
		"/go/root/src/net/http/server.go":             false, // scanned: net/... in GOROOT
		"/go/root/src/net/vendor/x/y.go":              true,
		"/home/u/go/pkg/mod/github.com/a/b@v1/b.go":   true,
		"/work/app/main.go":                           false,
		"/work/app/vendor/github.com/a/b/b.go":        true,
		"/work/app/internal/vendor/x.go":              true,
		"/work/lib/lib.go":                            false, // a local replace: read whole
		"/home/u/.cache/go-build/ab/cgo-generated.go": false,
	} {
		if got := d.is(filepath.FromSlash(name)); got != want {
			t.Errorf("is(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestDropUnreadTypes checks which packages of a load lose their
// expression types before the analysis: the standard library's
// dependencies whose bodies were all blanked (unicode, imported by
// strings) do; the scanned package and a standard package that keeps the
// bodies of its generic functions (slices) keep them.
func TestDropUnreadTypes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"main.go": `package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() { fmt.Println(strings.ToUpper("a"), slices.Contains([]int{1}, 1)) }
`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, pats, d := loadConfig(context.Background(), dir, []*analysis.Analyzer{gotaint.Analyzer}, Options{Root: dir})
	pkgs, err := packages.Load(cfg, pats...)
	if err != nil {
		t.Fatal(err)
	}
	trimmedErrors(pkgs, d)
	if len(pkgs) != 1 || pkgs[0].IllTyped {
		t.Fatalf("load: %d packages, errors %v", len(pkgs), pkgs[0].Errors)
	}
	byPath := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { byPath[p.PkgPath] = p })
	for _, path := range []string{"example.com/m", "unicode", "slices"} {
		if p := byPath[path]; p == nil || len(p.TypesInfo.Types) == 0 {
			t.Fatalf("%s: no expression types after the load", path)
		}
	}
	dropUnreadTypes(pkgs, pkgs)
	for path, kept := range map[string]bool{"example.com/m": true, "slices": true, "unicode": false} {
		if got := byPath[path].TypesInfo.Types != nil; got != kept {
			t.Errorf("%s: expression types kept = %v, want %v", path, got, kept)
		}
	}
}
