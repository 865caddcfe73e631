// Package go307 defines rule GO307: tool arguments reach command execution.
package go307

import (
	"fmt"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO307",
	Name: "model-controlled-exec",
	Doc: lint.Doc{
		Title:   "Tool arguments reach command execution",
		Summary: `Arguments chosen by an MCP client or a model (mcp-go CallToolRequest accessors and BindArguments, go-sdk tool input, langchaingo Tool.Call input, genkit tool input, tool-call arguments in model responses) reach exec.Command, exec.CommandContext or syscall.Exec as the program or as the script of a shell (sh -c, or a shell found at run time followed by -c), or become the command run remotely: in a Kubernetes pod (PodExecOptions.Command), a docker container (the Cmd of ContainerExecCreate) or an SSH session (Session.Run, Start, Output, CombinedOutput), or become a kubeconfig (its content or its path, to client-go's clientcmd), whose exec credential plugin client-go runs on this machine. Passing such a kubeconfig on as it came is not a command runner by design: it stays an error.`,
		Why: `A tool is an offer to a model: "call me with these arguments". Whoever can
influence the model (a user, a document, a web page, another tool's output)
therefore chooses those arguments. When they become a program name or the
script of sh -c, the agent runs whatever that person wants with the
server's privileges. Arguments passed after a fixed, non-shell program are
not reported (argument injection is narrower); file paths and SQL built from
tool arguments are reported by GO405.

This rule owns command execution reached by tool arguments; GO404 and GO405
leave those calls to it.

A tool that runs its argument as it came (a shell tool, bash -c with the
whole argument) is a command runner by design: GO302 reports the tool as an
error, and this rule reports the flow as a note that says so. An argument
spliced into the program's own command line is injection, and an error.
Flows that reach the command only through an object's stored state, or
through more than ten calls, are notes too: on real projects those were
launches of docker containers and MCP servers whose command came from
the configuration, where the analysis's approximations of fields and
interfaces had added up.

A human approval step on the way lowers the grade, when the code shows it:
the call that reaches the command sits under an if that tests the user's
answer to a confirmation request (a value of a type named like a choice,
confirmation, approval or permission, or a variable set from a call that
takes one), or after an if that puts such a request to the user and leaves
(continue, return) instead of going on. That flow is a note; when the
question is asked only unless a flag is set (` + "`if !c.SkipPermissions { ask; continue }`" + `)
it is a warning whose message names the flag, since with it set the
model's commands run unasked. A tool call handed as it came to a tool of
the program's own whose run method runs the command (a bash or kubectl
tool, through its Run, Call or Execute method) is a note too: the tool is
a command runner by design, and GO302 reports it where it is defined, graded
by what its arguments choose and by the approval it asks for.`,
		Fix: "run a fixed program with the tool argument as a separate, validated argument, never as a program name or shell script",
		Bad: `func runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ref, _ := req.RequireString("ref")
	out, err := exec.CommandContext(ctx, "sh", "-c", "git log --oneline "+ref).Output()
	// ...
}`,
		Good: `var allowed = map[string][]string{"disk": {"df", "-h"}, "uptime": {"uptime"}}

func runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	argv, ok := allowed[req.GetString("check", "")]
	if !ok {
		return mcp.NewToolResultError("unknown check"), nil
	}
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output()
	// ...
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A note for a command run as the tool argument came (a command runner by design), for a tool call handed as it came to a tool of the program's own that runs commands (GO302 reports the tool), for a call made only after the user answered a confirmation request, for data that reaches the command only through an object's stored state, and for a path of more than ten calls; a warning, naming the flag, when the confirmation request is skipped by a flag (!c.SkipPermissions); a note in example code or test scaffolding.",
		Precision: "low",
		CWE:       []int{78, 250},
		OWASP:     []string{"LLM06:2025", "LLM05:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO307", Doc: "tool arguments reach command execution", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.ToolArgs, Sink: gotaint.Exec,
	GradeStored: true, Pick: pick, Message: gotaint.Says("tool arguments reach command execution"),
	Note: note, PerPackage: perPackage,
})

func init() {
	// dispatchedTool asks what a tool's run method reaches.
	Analyzer.Requires = append(Analyzer.Requires, reach.Analyzer)
	Rule.Analyzer = Analyzer
}

// longPath is the number of calls on the way to the command beyond which
// a flow is a note.
const longPath = 10

// note grades the flows that are not the injection this rule is about,
// or that the analysis cannot vouch for, as notes, saying which: a
// command run as the argument came (the tool is a command runner by
// design, which GO302 reports at the tool, and GO102 when anyone can call
// it), data that gets to the command only through an object's stored
// state, and paths through many calls. The judged flows of the last two
// kinds on real projects were all launches of docker containers and MCP
// servers whose command came from the configuration. An argument
// spliced into the program's own command line, on a short path, is the
// injection, and stays an error.
func note(f *gotaint.Flow) string {
	switch {
	case f.State:
		return "the data gets there only through an object's state, and the command may come from another part of that state, such as the configured command of a server the program launches"
	case f.Via != "" && strings.Count(f.Via, " → ")+1 > longPath:
		return fmt.Sprintf("the path crosses %d calls, and over so many the analysis's approximations of fields and interfaces add up: check that the argument really becomes the command", strings.Count(f.Via, " → ")+1)
	case !f.Spliced && !f.Inside():
		return "the tool runs its argument as it came, so it is a command runner by design, which GO302 reports at the tool; an argument spliced into the program's own command line stays an error"
	}
	return ""
}

func pick(f *gotaint.Flow) gotaint.Source {
	if f.Sink&gotaint.Exec == 0 || f.Sources&gotaint.ToolArgs == 0 {
		return 0
	}
	return gotaint.ToolArgs
}
