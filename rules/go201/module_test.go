package go201

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestModuleLimits: an echo body limit that the module's only router
// package installs covers the handlers and helpers written in other
// packages; none in the module, or a second router of the same kind
// without one, leaves every finding as it was.
func TestModuleLimits(t *testing.T) {
	for _, tc := range []struct {
		pkgs []string
		want []string
	}{
		{[]string{"modlimit/admin", "modlimit/cache", "modlimit/server"}, nil},
		{[]string{"modopen/admin", "modopen/server"}, []string{
			"modopen/admin/admin.go:15 default",
			"modopen/admin/admin.go:19 default",
		}},
		{[]string{"modtwo/admin", "modtwo/metrics", "modtwo/server"}, []string{
			"modtwo/admin/admin.go:16 default",
			"modtwo/admin/admin.go:20 default",
		}},
		// a handler that checks the credential its own body carries: the
		// read that brings it is before the check, on an open route
		{[]string{"modself/authsvc", "modself/handlers", "modself/server"}, []string{
			"modself/handlers/handlers.go:17 default",
			"modself/handlers/handlers.go:38 note",
		}},
		// chi's RequestSize on the root router covers the routes another
		// package registers on a router it is handed
		{[]string{"modchi/handlers", "modchi/hooks", "modchi/routing"}, nil},
		// a package is under the limits of the packages that hand it a
		// router: the one a second, unlimited server hands is not
		{[]string{"modchihand/handlers", "modchihand/hooks", "modchihand/public", "modchihand/routing"}, []string{
			"modchihand/hooks/hooks.go:20 default",
		}},
		// and a router another package builds for the root to mount
		{[]string{"modchimount/admin", "modchimount/routing"}, nil},
		// but not a package that builds a router of its own served on a
		// second port with no limit
		{[]string{"modchiown/admin", "modchiown/handlers", "modchiown/routing"}, []string{
			"modchiown/admin/admin.go:23 default",
		}},
		// a router handed to a function that wraps what it is handed in
		// a body limiter before serving it (setup.Start(mux)) is bounded,
		// and so are the routes other packages register on it
		{[]string{"modserve/cmd", "modserve/handlers", "modserve/routes", "modserve/setup"}, nil},
		// but not when the function it is handed to is the one of two
		// that sets no limit
		{[]string{"modserveopen/cmd", "modserveopen/handlers", "modserveopen/routes", "modserveopen/setup"}, []string{
			"modserveopen/handlers/handlers.go:14 default",
		}},
		// a net/http limiter wrapped around one route bounds that route only
		{[]string{"modwrap/oauth", "modwrap/server"}, []string{
			"modwrap/oauth/oauth.go:14 default",
		}},
	} {
		got := moduleRun(t, tc.pkgs)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: findings:\n%s\nwant:\n%s", tc.pkgs, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// moduleRun runs the rule and its module step over pkgs, as a scan of one
// module does, and lists the findings left with their severity.
func moduleRun(t *testing.T, pkgs []string) []string {
	t.Helper()
	both := &analysis.Analyzer{Name: "GO201", Doc: Analyzer.Doc, Requires: append(slices.Clone(Analyzer.Requires), handlersAnalyzer),
		ResultType: handlersAnalyzer.ResultType,
		Run: func(pass *analysis.Pass) (any, error) {
			_, err := run(pass)
			return pass.ResultOf[handlersAnalyzer], err
		}}
	var findings []lint.Finding
	var collected []any
	for _, r := range ruletest.RunGo(t, both, pkgs...) {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			findings = append(findings, lint.Finding{RuleID: "GO201", Message: d.Message,
				Location: lint.Location{File: srcRel(p.Filename), Line: p.Line, Column: p.Column}})
		}
		ph := r.Result.(*packageHandlers)
		for i := range ph.funcs {
			ph.funcs[i].file = "/" + srcRel(ph.funcs[i].file)
		}
		for i := range ph.files {
			ph.files[i] = "/" + srcRel(ph.files[i])
		}
		for i := range ph.decls {
			ph.decls[i].file = "/" + srcRel(ph.decls[i].file)
		}
		collected = append(collected, ph)
	}
	var got []string
	for _, f := range regrade(findings, collected, "/") {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.Line, f.Severity))
	}
	slices.Sort(got)
	return got
}

// srcRel is a file's path below the GOPATH's src directory.
func srcRel(file string) string {
	_, rel, _ := strings.Cut(file, "/src/")
	return rel
}
