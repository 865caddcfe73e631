package gotaint

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestWithoutCostly checks that a function over the branch bound loses its
// body for the SSA build only: the files the other analyzers read keep it.
func TestWithoutCostly(t *testing.T) {
	var src strings.Builder
	src.WriteString("package p\n\nfunc Small() {}\n\nfunc Big(x int) {\n\tswitch x {\n")
	for i := range MaxFuncBranches + 1 {
		fmt.Fprintf(&src, "\tcase %d:\n", i)
	}
	src.WriteString("\t}\n}\n")
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src.String(), 0)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{f}
	out := withoutCostly(files)
	if out[0] == f || files[0] != f {
		t.Fatal("the file was not copied, or the input changed")
	}
	for i, d := range out[0].Decls {
		fd := d.(*ast.FuncDecl)
		orig := f.Decls[i].(*ast.FuncDecl)
		if (fd.Body == nil) != (fd.Name.Name == "Big") || orig.Body == nil {
			t.Errorf("%s: body %v in the copy, %v in the input", fd.Name.Name, fd.Body != nil, orig.Body != nil)
		}
	}
	if why := TooCostly(out[0].Decls[0].(*ast.FuncDecl)); why != "" {
		t.Errorf("Small: %s", why)
	}
	if again := withoutCostly([]*ast.File{out[0]}); again[0] != out[0] {
		t.Error("a file with nothing to leave out was copied")
	}
}
