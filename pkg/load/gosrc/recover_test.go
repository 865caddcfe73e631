package gosrc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// TestAnalyzerPanic checks that an analyzer that panics on one package
// becomes a problem of that package, and that the scan goes on: the same
// analyzer reports on the other package, and the scan returns.
func TestAnalyzerPanic(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"go.mod":       "module example.com/boom\n\ngo 1.26\n",
		"boom/boom.go": "package boom\n\nfunc F() {}\n",
		"calm/calm.go": "package calm\n\nfunc G() {}\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := &analysis.Analyzer{
		Name:     "TST999",
		Doc:      "panics on package boom",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "boom" {
				var m map[string]int
				m["x"]++ // a nil map: a panic
			}
			for _, f := range pass.Files {
				pass.Reportf(f.Name.Pos(), "package %s", pass.Pkg.Name())
			}
			return nil, nil
		},
	}
	res, err := Analyze(context.Background(), dir, []*analysis.Analyzer{a}, func(string, string) bool { return false }, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.File != "calm/calm.go" {
		t.Errorf("findings %v, want one on calm/calm.go", res.Findings)
	}
	if len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0].Message, "rule TST999: crashed on example.com/boom/boom: assignment to entry in nil map") || res.Problems[0].File != "boom" {
		t.Errorf("problems %v, want one saying TST999 crashed on boom", res.Problems)
	}
}
