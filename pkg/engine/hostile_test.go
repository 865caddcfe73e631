package engine

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// TestApplyIgnoreList checks suppression matching through its index: each
// finding is suppressed by the first suppression, in document order, that
// covers its element or one above it and names its rule; every matching
// suppression counts as used; one on a sibling element or for another rule
// does not match.
func TestApplyIgnoreList(t *testing.T) {
	rules := []*lint.Rule{{ID: "OAS101"}, {ID: "OAS201"}}
	ignores := []openapi.Ignore{
		{Rule: "OAS2*", Reason: "b", Scope: "/paths/~1a", At: lint.Location{Line: 1}},
		{Rule: "OAS101", Reason: "a", Scope: "/paths/~1a/get", At: lint.Location{Line: 2}},
		{Rule: "OAS101", Reason: "c", Scope: "", At: lint.Location{Line: 3}},
		{Rule: "OAS201", Reason: "d", Scope: "/paths/~1ab", At: lint.Location{Line: 4}},
		{Rule: "OAS101", Reason: "", Scope: "/paths/~1b", At: lint.Location{Line: 5}},
	}
	findings := []lint.Finding{
		{RuleID: "OAS101", Location: lint.Location{Pointer: "/paths/~1a/get"}},
		{RuleID: "OAS201", Location: lint.Location{Pointer: "/paths/~1a/get/parameters/0"}},
		{RuleID: "OAS201", Location: lint.Location{Pointer: "/paths/~1b/get"}},
	}
	kept, suppressed := applyIgnoreList(ignores, findings, Options{Rules: rules})
	var got []string
	for _, f := range suppressed {
		got = append(got, fmt.Sprintf("%s %s by line %d", f.RuleID, f.Location.Pointer, f.Suppression.Location.Line))
	}
	want := []string{"OAS101 /paths/~1a/get by line 2", "OAS201 /paths/~1a/get/parameters/0 by line 1"}
	if !slices.Equal(got, want) {
		t.Errorf("suppressed %q, want %q", got, want)
	}
	var msgs []string
	for _, f := range kept {
		msgs = append(msgs, f.RuleID+" "+f.Message)
	}
	wantKept := []string{
		"OAS201 ",
		"OAS501 x-apiaudit-ignore for OAS201 matches no finding: remove it",
		"OAS501 x-apiaudit-ignore for OAS101 gives no reason, so it suppresses nothing: add reason: why the finding does not apply",
	}
	if !slices.Equal(msgs, wantKept) {
		t.Errorf("kept %q, want %q", msgs, wantKept)
	}

	// Many: every finding suppressed, every suppression used.
	many, manyFindings := manyIgnores(2000)
	kept, suppressed = applyIgnoreList(many, manyFindings, Options{Rules: rules})
	if len(kept) != 0 || len(suppressed) != len(manyFindings) {
		t.Errorf("%d kept (first %v), %d suppressed, want 0 and %d", len(kept), kept[:min(1, len(kept))], len(suppressed), len(manyFindings))
	}
}

// TestProblemsRelativeToTheRoot scans the same module in two places: the
// go command names a missing replacement directory by its absolute path,
// and the problem must read the same in both.
func TestProblemsRelativeToTheRoot(t *testing.T) {
	var got [][]string
	for range 2 {
		dir := t.TempDir()
		t.Chdir(dir)
		writeTree(t, dir, map[string]string{
			"r/go.mod": "module example.com/r\n\ngo 1.26\n\nrequire example.com/q v0.0.0\n\nreplace example.com/q => " + filepath.Join(dir, "r", "missing") + "\n",
			"r/r.go":   "package r\n\nimport _ \"example.com/q\"\n",
		})
		_, problems, _ := goScanAll(t, Options{})
		for _, p := range problems {
			if strings.Contains(p, dir) {
				t.Errorf("problem quotes the root %s: %s", dir, p)
			}
		}
		got = append(got, problems)
	}
	want := []string{"r/r.go:3:10: example.com/q: example.com/q@v0.0.0: replacement directory r/missing does not exist"}
	if !slices.Equal(got[0], want) || !slices.Equal(got[1], want) {
		t.Errorf("problems\n%q\n%q\nwant %q", got[0], got[1], want)
	}
}
