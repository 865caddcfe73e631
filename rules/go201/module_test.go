package go201

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestRegradeHelpers: a body read in a helper that handlers of another
// package call is a note when every live caller is served only behind
// auth; a caller that nothing routes or refers to (dead code) does not
// count, one that something refers to does.
func TestRegradeHelpers(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "controllers", "base.go")
	helper := handlerSpan{name: "m/controllers.Bind", file: file, start: 10, end: 20,
		callers: []string{"m/controllers.List", "m/controllers.Dead"}}
	list := handlerSpan{name: "m/controllers.List", file: file, start: 30, end: 40}
	dead := handlerSpan{name: "m/controllers.Dead", file: file, start: 50, end: 60}
	run := func(refs map[string]bool) lint.Severity {
		ph := &packageHandlers{
			served: map[string]bool{"m/controllers.List": true},
			funcs:  []handlerSpan{helper, list, dead},
			refs:   refs,
		}
		f := []lint.Finding{{RuleID: "GO201", Message: "r.ShouldBind reads the request body with no size limit",
			Location: lint.Location{File: "controllers/base.go", Line: 15}}}
		out := regrade(f, []any{ph}, root)
		if out[0].Severity == lint.SeverityNote && !strings.Contains(out[0].Message, "only authenticated callers") {
			t.Errorf("note without its reason: %s", out[0].Message)
		}
		return out[0].Severity
	}
	if got := run(map[string]bool{"m/controllers.List": true}); got != lint.SeverityNote {
		t.Errorf("dead caller: severity %v, want a note", got)
	}
	if got := run(map[string]bool{"m/controllers.List": true, "m/controllers.Dead": true}); got == lint.SeverityNote {
		t.Errorf("a caller something refers to but no authenticated route serves: a note, want the default")
	}
}

// TestRegradeOwnCheck: a handler whose routes are protected only by its
// own credential check (at line 20) is authenticated for reads after the
// check, not before.
func TestRegradeOwnCheck(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "api", "session.go")
	h := handlerSpan{name: "m/api.Login", file: file, start: 10, end: 40, checked: 20}
	for _, tc := range []struct {
		line int
		want lint.Severity
	}{{15, lint.SeverityDefault}, {30, lint.SeverityNote}} {
		ph := &packageHandlers{served: map[string]bool{"m/api.Login": false}, self: map[string]bool{"m/api.Login": true}, funcs: []handlerSpan{h}}
		f := []lint.Finding{{RuleID: "GO201", Message: "c.Bind reads the request body with no size limit",
			Location: lint.Location{File: "api/session.go", Line: tc.line}}}
		if got := regrade(f, []any{ph}, root)[0].Severity; got != tc.want {
			t.Errorf("read at line %d: severity %v, want %v", tc.line, got, tc.want)
		}
	}
}
