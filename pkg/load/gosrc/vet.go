package gosrc

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// WithIgnores returns a copy of a rule's analyzer that drops the
// diagnostics a usable //apiaudit:ignore covers (on the line, the line
// above or the enclosing declaration, as in a scan) and those in generated
// files, for drivers that report diagnostics themselves: the vet tool,
// golangci-lint, nogo. Unused ignores are not reported there. Messages end
// with the rule ID in parentheses, which those drivers do not print, so
// that users know what to write in an ignore. match decides whether an
// ignore's rule pattern names the analyzer.
func WithIgnores(a *analysis.Analyzer, match func(pattern, id string) bool) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		byFile := map[string][]Ignore{}
		generated := map[string]bool{}
		for _, f := range pass.Files {
			name := pass.Fset.Position(f.Package).Filename // cgo output names its source
			if ast.IsGenerated(f) && pass.Fset.File(f.FileStart).Name() == name {
				generated[name] = true
				continue
			}
			byFile[name] = append(byFile[name], ignores(pass.Fset, f, name)...)
		}
		index := make(map[string]*ignoreIndex, len(byFile))
		for name, igs := range byFile {
			index[name] = newIgnoreIndex(igs, allIndices(len(igs)))
		}
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			pos := pass.Fset.Position(d.Pos)
			if generated[pos.Filename] {
				return
			}
			if x := index[pos.Filename]; x != nil {
				covered := false
				x.covering(pos.Line, a.Name, func(i int) {
					ig := &x.igs[i]
					covered = covered || ig.Covers(pos.Line) && match(ig.Rule, a.Name)
				})
				if covered {
					return
				}
			}
			d.Message += " (" + a.Name + ")"
			report(d)
		}
		return a.Run(pass)
	}
	return &w
}

// allIndices is 0, 1, ..., n-1.
func allIndices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
