package go104

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/ctxcred"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestModuleStep: a credential forwarded by adaptors that only routes
// whose middleware (in another package, wired by a router package)
// replaced the header reach is a note; one an open route reaches, or one
// both reach, stays an error. A handler that replaces the header itself
// before calling the adaptor does not make it reachable unreplaced.
func TestModuleStep(t *testing.T) {
	pkgs := []string{"relay/mw", "relay/adaptor/...", "relay/ctl", "relay/router"}
	// one pass gives the rule's diagnostics and the package's wiring
	// (which carries the rule's result: the headers each finding forwards)
	both := &analysis.Analyzer{Name: "GO104", Doc: Analyzer.Doc, Requires: []*analysis.Analyzer{wiringAnalyzer, summaryAnalyzer, ctxcred.Analyzer},
		ResultType: wiringAnalyzer.ResultType,
		Run: func(pass *analysis.Pass) (any, error) {
			_, err := run(pass)
			return pass.ResultOf[wiringAnalyzer], err
		}}
	var findings []lint.Finding
	var collected []any
	for _, r := range ruletest.RunGo(t, both, pkgs...) {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			findings = append(findings, lint.Finding{RuleID: "GO104", Message: d.Message,
				Location: lint.Location{File: srcRel(p.Filename), Line: p.Line, Column: p.Column}})
		}
		w := r.Result.(*wiring)
		for i := range w.funcs {
			w.funcs[i].file = "/" + srcRel(w.funcs[i].file)
		}
		for i := range w.reported {
			w.reported[i].File = "/" + srcRel(w.reported[i].File)
		}
		collected = append(collected, w)
	}
	var got []string
	for _, f := range regrade(findings, collected, "/") {
		got = append(got, fmt.Sprintf("%s:%d %s%s", f.Location.File, f.Location.Line, f.Severity, suffix(f.Message)))
	}
	slices.Sort(got)
	want := []string{
		"relay/adaptor/leak/leak.go:15 default",
		"relay/adaptor/leak/leak.go:22 default",
		"relay/adaptor/up/up.go:15 note (a note, not an error: every route that reaches this code runs mw.Distribute first, which replaces the caller's credential on the request with a value of the server's own)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// srcRel is a file's path below the GOPATH's src directory.
func srcRel(file string) string {
	_, rel, _ := strings.Cut(file, "/src/")
	return rel
}

func suffix(msg string) string {
	if i := strings.Index(msg, " (a note"); i >= 0 {
		return msg[i:]
	}
	return ""
}
