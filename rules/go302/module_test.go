package go302

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestFold: the agents that only delegate to the skill runner (a loop, a
// prompt wrapper, in another package) become related locations of the
// runner's finding; an agent that runs a command of its own besides
// keeps its finding, and so does a wrapper whose owner has no finding in
// the scan.
func TestFold(t *testing.T) {
	var findings []lint.Finding
	var collected []any
	for _, r := range ruletest.RunGo(t, Analyzer, "wrap/agent", "wrap/flow") {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			findings = append(findings, lint.Finding{RuleID: "GO302", Message: d.Message,
				Location: lint.Location{File: srcRel(p.Filename), Line: p.Line, Column: p.Column}})
		}
		ws, _ := r.Result.([]Wrapper)
		for i := range ws {
			ws[i].At.File = "/" + srcRel(ws[i].At.File)
			for j := range ws[i].Owners {
				ws[i].Owners[j].File = "/" + srcRel(ws[i].Owners[j].File)
			}
		}
		collected = append(collected, ws)
	}
	var got []string
	for _, f := range fold(findings, collected, "/") {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.Line, f.Message[strings.Index(f.Message, ")")+1:]))
		for _, st := range f.Related {
			got = append(got, fmt.Sprintf("  %s:%d %s", st.Location.File, st.Location.Line, st.Message))
		}
	}
	want := []string{
		"wrap/agent/agent.go:18  (and through 2 tools that delegate to it, first Loop at wrap/flow/flow.go:15)",
		"  wrap/flow/flow.go:15 tool Loop reaches the same command execution only by delegating to this tool (Run → Run → runScript → os/exec.CommandContext)",
		"  wrap/flow/flow.go:32 tool Prompted reaches the same command execution only by delegating to this tool (Run → Run → runScript → os/exec.CommandContext)",
		"wrap/flow/flow.go:46 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Without a finding of any tool they delegate to (a library outside
	// the scan), the wrappers keep theirs.
	var rest []lint.Finding
	for _, f := range findings {
		if strings.Contains(f.Message, "tool Loop ") || strings.Contains(f.Message, "tool Prompted ") {
			rest = append(rest, f)
		}
	}
	if kept := fold(rest, collected, "/"); len(kept) != len(rest) {
		t.Errorf("with no owner finding, fold kept %d of %d findings", len(kept), len(rest))
	}
}

func srcRel(file string) string {
	_, rel, _ := strings.Cut(file, "/src/")
	return rel
}
