package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go201"
	"github.com/apiaudit/apiaudit/rules/go202"
)

// writeTree writes files (slash-separated names) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// handler is a Go file with one GO201 finding, on line 9.
func handler(pkg string) string {
	return "package " + pkg + `

import (
	"io"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}
`
}

func goScan(t *testing.T, opts Options) ([]string, []string) {
	t.Helper()
	goRules := []*lint.Rule{go201.Rule, go202.Rule}
	opts.Rules = goRules
	opts.Known = append(slices.Clone(goRules), SuppressionRule)
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var findings, problems []string
	for _, f := range res.Findings {
		findings = append(findings, fmt.Sprintf("%s %s", f.Location, f.RuleID))
	}
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	return findings, problems
}

// TestGoModulesInParallel checks that several modules give the same
// result, in the same order, however many are analysed at once.
func TestGoModulesInParallel(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{}
	var want []string
	for _, m := range []string{"a", "b", "c", "d", "e"} {
		files[m+"/go.mod"] = "module example.com/" + m + "\n\ngo 1.26\n"
		files[m+"/h.go"] = handler(m)
		want = append(want, m+"/h.go:9:9 GO201")
	}
	writeTree(t, dir, files)
	for _, jobs := range []int{1, 3, 8} {
		got, problems := goScan(t, Options{Jobs: jobs})
		if len(problems) > 0 {
			t.Fatalf("jobs %d: problems %q", jobs, problems)
		}
		if !slices.Equal(got, want) {
			t.Errorf("jobs %d: findings %q, want %q", jobs, got, want)
		}
	}
}

// TestGoWorkspace checks that the modules a go.work lists are loaded
// together, so that one imports the other without a require or replace,
// and that a module under the same root that the go.work does not list is
// loaded on its own.
func TestGoWorkspace(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTree(t, dir, map[string]string{
		"go.work":      "go 1.26\n\nuse (\n\t./svc\n\t./lib\n)\n",
		"lib/go.mod":   "module example.com/lib\n\ngo 1.26\n",
		"lib/lib.go":   handler("lib"),
		"svc/go.mod":   "module example.com/svc\n\ngo 1.26\n",
		"svc/main.go":  "package main\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/lib\"\n)\n\nfunc main() { http.HandleFunc(\"/\", lib.Handle) }\n",
		"svc/h.go":     handler("main"),
		"other/go.mod": "module example.com/other\n\ngo 1.26\n",
		"other/h.go":   handler("other"),
	})
	found, err := Discover(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, in := range found.Inputs {
		var mods []string
		for _, m := range in.Modules {
			mods = append(mods, relTo(dir, m))
		}
		inputs = append(inputs, fmt.Sprintf("%s work=%q modules=%q", relTo(dir, in.Abs), filepath.Base(in.Work), mods))
	}
	want := []string{`. work="go.work" modules=["lib" "svc"]`, `other work="." modules=[]`}
	if !slices.Equal(inputs, want) {
		t.Errorf("inputs:\n%s\nwant:\n%s", join(inputs), join(want))
	}

	got, problems := goScan(t, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	if want := []string{"lib/lib.go:9:9 GO201", "other/h.go:9:9 GO201", "svc/h.go:9:9 GO201"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}

	// Without the workspace, svc cannot find example.com/lib: a problem
	// for svc, and findings from the others still.
	t.Setenv("GOWORK", "off")
	got, problems = goScan(t, Options{})
	if want := []string{"lib/lib.go:9:9 GO201", "other/h.go:9:9 GO201"}; !slices.Equal(got, want) {
		t.Errorf("GOWORK=off: findings %q, want %q", got, want)
	}
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "svc/main.go:6:2: ") {
		t.Errorf("GOWORK=off: problems %q, want one at svc/main.go:6:2", problems)
	}
}
