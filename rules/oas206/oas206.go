// Package oas206 defines rule OAS206: a page size parameter with no
// maximum.
package oas206

import (
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are OAS206's settings.
type Options struct {
	// Names are the query parameter names that set a page size. Spelling
	// is not significant: per_page also matches perPage and PER-PAGE.
	// Default: limit, per_page, page_size, top ($top), count, size,
	// max_results, max_items, max_records, max_page_size, first, last,
	// take, rows, page_limit, results_per_page, items_per_page, pagelen,
	// fetch_size.
	Names []string `yaml:"names"`
}

var options = Options{Names: openapi.DefaultPageSizeNames()}

var Rule = &lint.Rule{
	ID:   "OAS206",
	Name: "unbounded-page-size",
	Doc: lint.Doc{
		Title: "Page size has no maximum",
		Summary: "A query parameter that sets how many items a list returns (limit, per_page, page_size, " +
			"$top, max_results…) has no maximum (nor an enum).",
		Why: `A page size without a maximum lets one request ask for the whole table:
limit=10000000. The server reads, serialises and sends every row, holding
memory and a database connection for the duration, and a scraper gets in
one call what rate limits were meant to spread over thousands (OWASP
API4:2023).

For AI agents it is worse, because the response goes into the model's
context window. An agent that asks for "all" of something — or copies a
large number from a user's request into limit — gets a response that is
truncated, crowds out the conversation, or costs a fortune in tokens
(OWASP LLM10:2025, unbounded consumption). A maximum in the schema tells
the agent to page, and lets gateways refuse the request outright.

Only query parameters of number (or numeric string) type whose name is a
page size are checked (see the names option); boolean switches such as
OData's $count=true are not. A maximum, an enum, or for strings a
maxLength or a bounded pattern, bounds it. When the parameter's description
states a limit the schema does not ("between 1 and 100"), the finding is a
note: the server may well enforce it, and an agent may read it, but
validators and gateways cannot.`,
		Fix: "add a maximum to the page size parameter (and document the default)",
		Bad: `paths:
  /v1/transactions:
    get:
      parameters:
        - name: limit
          in: query
          schema: {type: integer, minimum: 1, default: 20}`,
		Good: `paths:
  /v1/transactions:
    get:
      parameters:
        - name: limit
          in: query
          schema: {type: integer, minimum: 1, maximum: 100, default: 20}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		Grades:    `- **warning** where anyone may send it, because it is in an operation whose own requirement is [] or that has an empty {} alternative, in a document that declares authentication; **note** where only authenticated callers send it, or the document declares no authentication or writes no requirement for the operation, or only a top-level security: [] or authentication optional throughout (every requirement the document writes offers an empty {} beside real schemes, as E2B's envd; judged noise, 0 of 5 at warning across OAS202, OAS203 and OAS205) (the message says which), when the description states a maximum, and for copies of a page-size parameter that a generated document repeats in every operation (the first is the warning; the message names it).`,
		CWE:       []int{770, 400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

// statedMax matches a description that states an upper limit: "maximum
// 100", "max: 100", "up to 100", "between 1 and 100", "1-100", "cannot
// exceed 100".
var statedMax = regexp.MustCompile(`(?i)\bmax(imum)?\b[^.\d]{0,30}\d|\b(up to|at most|no more than|not more than|less than|fewer than)\s+\d|\b(exceed|greater than|larger than|more than)\s+\d|\bbetween\s+\d+\s+and\s+\d|\b\d+\s*(-|–|\.\.|to)\s*\d+\b`)

func run(pass *lint.SpecPass) error {
	names := openapi.NameKeys(options.Names)
	var copies openapi.Copies
	for _, p := range openapi.Parameters(pass.Doc) {
		if p.P.In != "query" || !names[openapi.NameKey(p.P.Name)] || p.P.Schema == nil || p.P.Schema.Value == nil {
			continue
		}
		s := p.P.Schema.Value
		if !numeric(s) || openapi.Holds(s, bounded) {
			continue
		}
		what := openapi.ParamName(p) + " sets the page size"
		if statedMax.MatchString(p.P.Description) || statedMax.MatchString(s.Description) {
			pass.ReportSeverityf(lint.SeverityNote, p.Pointer, p.Origin, "name",
				"%s and has no maximum in its schema (its description states one)", what)
			continue
		}
		if why := openapi.ParamExposure(pass.Doc, p); why != "" {
			pass.ReportSeverityf(lint.SeverityNote, p.Pointer, p.Origin, "name", "%s and has no maximum (a note: %s)", what, why)
			continue
		}
		// Generated documents repeat one parameter in every operation
		// (Kubernetes' limit): it is fixed once, where the first is
		// reported.
		key := strings.Join([]string{p.P.In, p.P.Name, p.P.Description, s.Description, s.Format}, "\x00")
		if first, ok := copies.First(key, openapi.ParamName(p)); !ok {
			pass.ReportSeverityf(lint.SeverityNote, p.Pointer, p.Origin, "name",
				"%s and has no maximum (a note: a copy of %s, reported there)", what, first)
			continue
		}
		pass.Reportf(p.Pointer, p.Origin, "name", "%s and has no maximum", what)
	}
	return nil
}

// numeric reports whether a parameter carries a number: an integer or
// number type, a string (some APIs type every query parameter so), or no
// type at all.
func numeric(s *openapi3.Schema) bool {
	for _, t := range []string{"boolean", "array", "object"} {
		if openapi.HasType(s, t) {
			return false
		}
	}
	return true
}

// bounded reports whether a schema caps the value of a page size.
func bounded(s *openapi3.Schema) bool {
	if openapi.HasMaximum(s) {
		return true
	}
	if !s.Type.Includes("string") {
		return false
	}
	if s.MaxLength != nil {
		return true
	}
	_, ok := openapi.PatternMaxLength(s.Pattern)
	return s.Pattern != "" && ok
}
