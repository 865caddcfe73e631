// Package oas305 defines rule OAS305: consequential operations an agent may
// run without asking the user.
package oas305

import (
	"fmt"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS305",
	Name: "consequential-action-unconfirmed",
	Doc: lint.Doc{
		Title: "Consequential operation runs without user confirmation",
		Summary: "A state-changing operation is marked `x-openai-isConsequential: false` or annotated as " +
			"MCP `readOnlyHint: true` / `destructiveHint: false`, or, in an agent-facing document, a GET " +
			"named for an action (cancel, pay, send, delete) has no confirmation mark and so counts as safe.",
		Why: `Agent platforms decide from the API description whether to ask the user
before a call. OpenAI GPT actions ask before every operation marked
` + "`x-openai-isConsequential: true`" + `; with ` + "`false`" + ` they offer "always allow",
and when the mark is absent a GET counts as false and every other method as
true. MCP clients read the tool annotations ` + "`readOnlyHint`" + ` and
` + "`destructiveHint`" + `, and tool generators derive them from the HTTP method,
so a GET becomes a read-only tool.

When those marks say "harmless" about an operation that pays, cancels,
deletes or sends, the user never gets the chance to stop it. An agent acting
on a misunderstanding, or on instructions injected into a page or an email
it read, then books, refunds or emails on its own (OWASP LLM06, excessive
agency). Confirmation is cheap; an unwanted payment is not.

What an operation does is judged by its method and the verb of its
operationId or summary (cancelBooking, Bookings_Cancel, "Refunds a
payment"), or a money noun in a POST (post /payments, createBooking).
Operations that move money or destroy (pay, refund, book, delete, cancel)
are errors; other side effects (send, publish, run, approve) and plain
writes are warnings. Not reported: a POST named for a read (searchFlights,
summarizeDocument) marked ` + "`x-openai-isConsequential: false`" + `, a creating
POST annotated ` + "`destructiveHint: false`" + ` (it only adds), GETs whose
operationId or summary says they read (ExecInspect, "Check a user email")
or whose verb is the resource of their path (PayoutAll on /v1/payouts), and
GETs without a mark in documents not written for agents (no
` + "`x-openai-`" + `, ` + "`x-mcp`" + ` or similar extensions). MCP annotations are
read from ` + "`x-mcp-annotations: {readOnlyHint, destructiveHint}`" + ` or
` + "`x-mcp: {annotations: {...}}`" + ` on the operation; the word lists are
options.`,
		Fix: "mark the operation x-openai-isConsequential: true (and readOnlyHint: false, destructiveHint: true for MCP), or make a GET that acts a POST",
		Bad: `paths:
  /bookings/{id}/refund:
    post:
      operationId: refundBooking
      x-openai-isConsequential: false
  /bookings/{id}/cancel:
    get:                       # a GET: counts as not consequential
      operationId: cancelBooking`,
		Good: `paths:
  /bookings/{id}/refund:
    post:
      operationId: refundBooking
      x-openai-isConsequential: true
  /bookings/{id}/cancel:
    post:
      operationId: cancelBooking`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "medium",
		CWE:       []int{1390, 862},
		OWASP:     []string{"LLM06:2025", "API6:2023"},
		Since:     "v0.1.0",
	},
	Spec:    run,
	Options: &options,
}

// Options are the settings of OAS305: the word lists that tell what an
// operation does (see openapi.DefaultVerbs).
type Options struct {
	openapi.Verbs `yaml:",inline"`
}

var options = Options{Verbs: openapi.DefaultVerbs}

func run(pass *lint.SpecPass) error {
	agentFacing := openapi.AgentFacing(pass.Doc)
	for _, op := range openapi.Operations(pass.Doc) {
		act := options.Classify(op)
		if act.Kind == openapi.ActionRead {
			continue
		}
		sev := lint.SeverityWarning
		if act.Kind >= openapi.ActionDestructive {
			sev = lint.SeverityDefault // error
		}
		does := fmt.Sprintf("%s %s %s (%s)", op.Method, op.Path, describe(act.Kind), act.Describe(op.Method))
		m := openapi.Marks(op.Op)
		safeMethod := !op.IsWrite()
		switch {
		case m.Consequential != nil && !*m.Consequential:
			pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, m.ConsequentialKey,
				"%s but is marked %s: false, so an agent may run it without asking the user", does, m.ConsequentialKey)
		case m.ReadOnly != nil && *m.ReadOnly:
			pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, m.HintsKey,
				"%s but is annotated readOnlyHint: true, so an agent may run it without asking the user", does)
		case m.Destructive != nil && !*m.Destructive && act.Kind == openapi.ActionDestructive:
			pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, m.HintsKey,
				"%s but is annotated destructiveHint: false, so an agent may run it without warning the user", does)
		case safeMethod && m.Consequential == nil && m.ReadOnly == nil && agentFacing && act.Kind.Consequential():
			pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, act.Field,
				"%s but, as a %s without x-openai-isConsequential, counts as safe: an agent may run it without asking the user", does, op.Method)
		}
	}
	return nil
}

func describe(k openapi.ActionKind) string {
	switch k {
	case openapi.ActionMoney:
		return "moves money"
	case openapi.ActionDestructive:
		return "destroys or cancels"
	case openapi.ActionSideEffect:
		return "acts beyond the api"
	}
	return "changes state"
}
