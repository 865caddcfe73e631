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

	"go/types"
	"maps"
	"slices"

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

// TestBlankTables checks that emptying the literals of package-level
// variables keeps every variable's type: on a made-up file with the forms
// that carry types in their elements ([...]T arrays, indexed ones, &T{})
// and on the standard library's unicode package, whose tables are the
// reason for it.
func TestBlankTables(t *testing.T) {
	made := `package p

type R struct{ Lo, Hi int; Next *R }

var (
	counted = [...]R{{1, 2, nil}, {3, 4, &R{}}}
	indexed = [...]string{5: "five", 9: "nine"}
	nested  = [...][2]int{{1, 2}, {3, 4}, {5, 6}}
	table   = &R{Lo: 1, Hi: 2, Next: &R{Lo: 3}}
	byName  = map[string][]R{"a": {{1, 2, nil}}}
	list    = []*R{{Lo: 1}, {Lo: 2}}
	n       = len(counted)
)
`
	litTypes(t, map[string]string{"p.go": made}, "p")
	files, _ := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", "unicode", "*.go"))
	srcs := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(name)] = string(src)
	}
	if len(srcs) == 0 {
		t.Fatal("no files in unicode")
	}
	litTypes(t, srcs, "unicode")
}

// litTypes type-checks a package's files as they are and with blankTables
// applied, and compares the type of every package-level object.
func litTypes(t *testing.T, srcs map[string]string, path string) {
	t.Helper()
	check := func(blank bool) (map[string]string, int) {
		fset := token.NewFileSet()
		var files []*ast.File
		elts := 0
		for _, name := range slices.Sorted(maps.Keys(srcs)) {
			f, err := parser.ParseFile(fset, name, srcs[name], parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			if blank {
				blankTables(f, true)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if cl, ok := n.(*ast.CompositeLit); ok {
					elts += len(cl.Elts)
				}
				return true
			})
			files = append(files, f)
		}
		pkg, err := (&types.Config{}).Check(path, fset, files, nil)
		if err != nil {
			t.Fatalf("%s (blank %v): %v", path, blank, err)
		}
		out := map[string]string{}
		for _, name := range pkg.Scope().Names() {
			out[name] = pkg.Scope().Lookup(name).Type().String()
		}
		return out, elts
	}
	before, n0 := check(false)
	after, n1 := check(true)
	if len(before) != len(after) {
		t.Fatalf("%s: %d objects before, %d after", path, len(before), len(after))
	}
	for name, typ := range before {
		if after[name] != typ {
			t.Errorf("%s.%s: type %s became %s", path, name, typ, after[name])
		}
	}
	if n1 >= n0 {
		t.Errorf("%s: %d literal elements before, %d after: nothing was emptied", path, n0, n1)
	}
}

// TestBlankTablesOutsideStd checks that outside the standard library only
// literals of data are emptied: a table of numbers and strings goes, one
// that names a function or a variable stays.
func TestBlankTablesOutsideStd(t *testing.T) {
	src := `package p

type entry struct{ name string; code int; run func() }

func start() {}

var limit = 3

var (
	codes   = []entry{{name: "a", code: 1}, {"b", -2, nil}}
	lookup  = map[string]uint16{"x": 0x1, "y": 0x2}
	handles = []entry{{name: "start", run: start}}
	sized   = []int{limit, 4}
)
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	blankTables(f, false)
	got := map[string]int{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if cl, ok := vs.Values[0].(*ast.CompositeLit); ok {
					got[vs.Names[0].Name] = len(cl.Elts)
				}
			}
		}
	}
	want := map[string]int{"codes": 0, "lookup": 0, "handles": 1, "sized": 2}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d elements left, want %d", name, got[name], n)
		}
	}
}
