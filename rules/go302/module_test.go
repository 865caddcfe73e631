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
		found, _ := r.Result.(*Found)
		ws := found.Wrappers
		for i := range ws {
			ws[i].At.File = "/" + srcRel(ws[i].At.File)
			for j := range ws[i].Owners {
				ws[i].Owners[j].File = "/" + srcRel(ws[i].Owners[j].File)
			}
		}
		collected = append(collected, found)
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

// TestRelayed: a gateway that only translates the tools its caller
// declared into the provider's shell, computer and editor types, in a
// module where nothing runs a command or writes a file, has those
// findings as notes that say why; a module that runs the shell commands
// (in another package) and writes the edits keeps them at error, and its
// computer tool too: a program that runs commands may click and type
// through one (xdotool).
func TestRelayed(t *testing.T) {
	check := func(pkgs []string, want []string) {
		t.Helper()
		var findings []lint.Finding
		var collected []any
		for _, r := range ruletest.RunGo(t, Analyzer, pkgs...) {
			for _, d := range r.Diagnostics {
				p := r.Pass.Fset.Position(d.Pos)
				findings = append(findings, lint.Finding{RuleID: "GO302", Message: d.Message,
					Location: lint.Location{File: srcRel(p.Filename), Line: p.Line, Column: p.Column}})
			}
			found, _ := r.Result.(*Found)
			for i := range found.Provider {
				found.Provider[i].At.File = "/" + srcRel(found.Provider[i].At.File)
			}
			collected = append(collected, found)
		}
		var got []string
		for _, f := range relayed(findings, collected, "/") {
			msg, why, _ := strings.Cut(f.Message, " (")
			if why != "" {
				why = "(" + why
			}
			got = append(got, fmt.Sprintf("%s:%d %s %s %s", f.Location.File, f.Location.Line, f.Severity, msg, why))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	const note = "(a note, not an error: nothing in this module carries the model's calls out ("
	check([]string{"relay/gateway"}, []string{
		"relay/gateway/gateway.go:24 note anthropic.BetaToolBash20250124Param hands the model a shell whose commands this program runs " + note + "no function of it reaches command execution): the program only declares the tool in its request and hands the calls back to its caller, as a gateway that relays the tools its caller declared does)",
		"relay/gateway/gateway.go:26 note anthropic.BetaToolComputerUse20250124Param hands the model control of a computer through clicks and keystrokes that this program carries out " + note + "no function of it reaches command execution and none of its packages imports an input or browser automation library): the program only declares the tool in its request and hands the calls back to its caller, as a gateway that relays the tools its caller declared does)",
		"relay/gateway/gateway.go:36 note responses.ApplyPatchToolParam hands the model file edits that this program applies " + note + "no function of it writes or removes a file): the program only declares the tool in its request and hands the calls back to its caller, as a gateway that relays the tools its caller declared does)",
	})
	check([]string{"relay/sandbox", "relay/runner"}, []string{
		"relay/sandbox/sandbox.go:17 default anthropic.BetaToolBash20250124Param hands the model a shell whose commands this program runs ",
		"relay/sandbox/sandbox.go:18 default anthropic.BetaToolComputerUse20250124Param hands the model control of a computer through clicks and keystrokes that this program carries out ",
		"relay/sandbox/sandbox.go:23 default anthropic.ToolTextEditor20250728Param hands the model file edits that this program applies ",
	})
}
