package gotaint

import (
	"fmt"
	"go/ast"
	"slices"
)

// Building the SSA form of a function costs more than linear time and
// memory in its number of branches: a switch of 3 000 cases took 11 s and
// 260 MB, one of 30 000 cases 6.8 GB, and 100 000 cases ran out of memory,
// taking the whole scan down. A function over these bounds is left out of
// the taint analysis (as if its body were not there: data that flows
// through it is not followed) and the scan says so with a notice. The
// bounds are far above hand-written code: the largest functions of the
// standard library have a few hundred branches.
const (
	MaxFuncBranches = 2000   // case and select clauses, if, for and range statements
	MaxFuncNodes    = 200000 // syntax nodes of the body
)

// TooCostly says why the taint analysis leaves out a function: its body is
// over MaxFuncBranches or MaxFuncNodes; "" when it is not.
func TooCostly(fd *ast.FuncDecl) string {
	if fd.Body == nil {
		return ""
	}
	branches, nodes := 0, 0
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil || branches > MaxFuncBranches || nodes > MaxFuncNodes {
			return false
		}
		nodes++
		switch n.(type) {
		case *ast.CaseClause, *ast.CommClause, *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			branches++
		}
		return true
	})
	switch {
	case branches > MaxFuncBranches:
		return fmt.Sprintf("over %d branches", MaxFuncBranches)
	case nodes > MaxFuncNodes:
		return fmt.Sprintf("over %d syntax nodes", MaxFuncNodes)
	}
	return ""
}

// withoutCostly returns files, with each function that TooCostly names
// replaced by a copy without its body; the files themselves are not
// changed, since other analyzers read them.
func withoutCostly(files []*ast.File) []*ast.File {
	out := files
	for i, f := range files {
		var decls []ast.Decl
		for j, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || TooCostly(fd) == "" {
				continue
			}
			if decls == nil {
				decls = slices.Clone(f.Decls)
			}
			short := *fd
			short.Body = nil
			decls[j] = &short
		}
		if decls == nil {
			continue
		}
		if &out[0] == &files[0] {
			out = slices.Clone(files)
		}
		cp := *f
		cp.Decls = decls
		out[i] = &cp
	}
	return out
}
