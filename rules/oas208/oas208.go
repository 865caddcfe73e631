// Package oas208 defines rule OAS208: operations that do not say they can be
// rate limited.
package oas208

import (
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are OAS208's settings.
type Options struct {
	// PerOperation reports every operation without a 429 response, as
	// vacuum and Spectral do. By default a document where more than one
	// operation in five lacks one gets a single finding, and operations
	// are reported one by one only where nearly all others declare a 429.
	PerOperation bool `yaml:"per-operation"`
}

var options Options

var Rule = &lint.Rule{
	ID:   "OAS208",
	Name: "missing-rate-limit-response",
	Doc: lint.Doc{
		Title: "No 429 response is declared",
		Summary: "Operations declare no 429 Too Many Requests response (nor a 4XX range), so clients " +
			"cannot tell that the API is rate limited or how to react.",
		Why: `A 429 response in the description is how an API says "I am rate limited,
slow down and retry later". Without it, client generators produce code
that treats throttling as a generic failure, and whoever reads the
description cannot tell whether any limit exists at all — which is also
what a reviewer should ask (OWASP API4:2023).

AI agents are clients that retry. One that gets an undocumented 429 may
retry at once, in a loop, burning its own budget and the API's capacity,
or give up and tell the user the service is broken. An agent that knows
the operation can answer 429 — and reads Retry-After (OAS209) — backs off.

Most published descriptions declare no 429 anywhere, and a finding on every
operation would bury everything else. So a document where more than one
operation in five lacks a 429 gets a single finding, on paths, with the
count; where four in five or more declare one, each operation that does
not is reported, as a likely omission. A 4XX range counts as a 429; a
default response does not, as it does not tell the client it was
throttled. The finding is a note, and a warning in documents written for
agents (with x-openai-*, x-mcp* or similar extensions). The per-operation
option reports every operation instead.`,
		Fix: "declare a 429 response (with a Retry-After header) on operations that are rate limited",
		Bad: `paths:
  /v1/search:
    get:
      responses:
        "200": {description: results}`,
		Good: `paths:
  /v1/search:
    get:
      responses:
        "200": {description: results}
        "429":
          description: too many requests
          headers:
            Retry-After: {schema: {type: integer, minimum: 0, maximum: 3600}}`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		NoteOnly:  "none of its 18 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		CWE:       []int{770},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	ops := openapi.Operations(pass.Doc)
	var missing []openapi.Operation
	for _, op := range ops {
		if !declares429(op) {
			missing = append(missing, op)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sev := lint.SeverityNote
	if openapi.AgentFacing(pass.Doc) {
		sev = lint.SeverityWarning
	}
	// Where a 429 is declared on a few operations or none, the document has
	// no practice of declaring one, and one finding says so; where nearly
	// all (four in five) have one, the others are likely omissions, and
	// each is worth a look.
	if !options.PerOperation && len(ops) > 1 && !few(len(missing), len(ops)) {
		if len(missing) == len(ops) {
			pass.ReportSeverityf(sev, "/paths", pass.Doc.Paths.Origin, "",
				"none of the %d operations declares a 429 response", len(ops))
		} else {
			pass.ReportSeverityf(sev, "/paths", pass.Doc.Paths.Origin, "",
				"%d of the %d operations declare no 429 response", len(missing), len(ops))
		}
		return nil
	}
	for _, op := range missing {
		pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, "responses", "%s %s declares no 429 response", op.Method, op.Path)
	}
	return nil
}

// few reports whether n out of total is at most one in five.
func few(n, total int) bool { return 5*n <= total }

// declares429 reports whether an operation has a 429 or 4XX response.
func declares429(op openapi.Operation) bool {
	if op.Op.Responses == nil {
		return false
	}
	for _, code := range []string{"429", "4XX", "4xx"} {
		if r := op.Op.Responses.Value(code); r != nil {
			return true
		}
	}
	return false
}
