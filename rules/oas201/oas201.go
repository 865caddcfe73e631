// Package oas201 defines rule OAS201: a string a client sends with no
// length limit.
package oas201

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/rules/oas405"
)

// Options are OAS201's settings.
type Options struct {
	// BoundedFormats are string formats whose grammar fixes a short length,
	// so that a value in that format needs no maxLength. Default: date,
	// date-time, time, uuid, ipv4, ipv6, int32, int64, Google's
	// google-datetime, and email and hostname (whose grammars cap them at
	// 254 and 253 characters, which every mail and DNS library enforces).
	// uri is left out on purpose: URLs have no length limit.
	BoundedFormats []string `yaml:"bounded-formats"`
	// Parameters also reports strings in query and cookie parameters, as
	// notes. Off by default: URL and header size limits cap them.
	Parameters bool `yaml:"parameters"`
}

var options = Options{
	BoundedFormats: []string{"date", "date-time", "time", "uuid", "ipv4", "ipv6", "int32", "int64", "google-datetime",
		"email", "idn-email", "hostname", "idn-hostname"},
}

var Rule = &lint.Rule{
	ID:   "OAS201",
	Name: "unbounded-string",
	Doc: lint.Doc{
		Title: "String input has no maximum length",
		Summary: "A string that clients send in a request body has no maxLength, " +
			"enum, const, length-bounded pattern or fixed-length format.",
		Why: `A string without a maximum length accepts whatever a client sends: a
megabyte name, a 50 MB "comment", a search term that is really a book. Each
one costs memory to parse, time to validate and match against patterns, room
in the database and in every log line, and it is passed on to whatever sits
behind the API — a search index, a mail server, a model's prompt. A declared
limit lets gateways and generated validators refuse oversized input before
it costs anything (OWASP API4:2023, unrestricted resource consumption).

AI agents make this more likely, not less: they fill string fields from
whatever is in their context — a pasted document, a web page, the output of
another tool — and do not trim it. A limit in the schema is also the only
way an agent learns how much it may send.

Strings in request bodies (form fields included) are reported: free text
as warnings, other strings as notes (see Severity). Strings in
parameters are not, by default: the server's URL and header size limits
(typically 8 KB) already cap them, and reporting every sort, fields and
page-token parameter would drown the body strings that matter (the
parameters option reports query and cookie parameters as notes). A string is bounded by maxLength, enum or
const, a pattern anchored with ^ and $ that repeats nothing without limit
(^[A-Z]{3}$), or a format of fixed length (see the bounded-formats option).
Not reported: strings only in responses, read-only properties (readOnly:
true, or a description that says "Read-only." or "Output only."), binary
uploads (OAS205), page sizes and model-cost fields typed as strings (OAS206
and OAS207), prompt fields (OAS405), and schemas that no operation uses. A
schema is reported once, where it is defined.`,
		Fix: "add maxLength (or an enum, or a ^…$ pattern of bounded length) to the string",
		Bad: `paths:
  /v1/messages:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: {type: string}`,
		Good: `paths:
  /v1/messages:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: {type: string, maxLength: 4000}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 33 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "medium",
		Grades: `- **warning**: a free-text string in a request body (description, comment, message, body, text, notes, title, subject…, or a text/plain body) that anyone may send, because it is in an operation whose own requirement is [] or that has an empty {} alternative, in a document that declares authentication. Such text is stored, shown to others and read by models, and nobody is accountable for it.
- **note**, with the reason in the message: the same string where only authenticated callers send it (they are accountable and under the service's own limits, which documents rarely repeat), or in a document that declares no authentication at all or writes no requirement for the operation, or only a top-level security: [] or authentication optional throughout (every requirement the document writes offers an empty {} beside real schemes, as E2B's envd; judged noise, 0 of 5 at warning across OAS202, OAS203 and OAS205) (who may send it is unknown); strings that are not free text (identifiers, codes, names, URLs, references, and a whole body that its schema's name or description calls a credential, such as a sign-in's text/plain ` + "`ApiKey`" + ` or AWS signature header body: judged noise, 0 of 2 at warning); a description that states the limit in prose ("at most 5000 characters"); a copy of a field that a generated document repeats in every operation (the first is the warning); query and cookie parameters (with the parameters option).
- **warning** too for a contradiction: minLength greater than maxLength.
- Fields that OAS405 (text for a model) or OAS505 (a URL the server fetches) report are left to them: one element, one finding.`,
		CWE:   []int{770, 400},
		OWASP: []string{"API4:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	inputs := openapi.NewInputs(pass.Doc)
	formats := map[string]bool{}
	for _, f := range options.BoundedFormats {
		formats[strings.ToLower(f)] = true
	}
	modelAPI := -1 // unknown until a generic model field is met
	var copies openapi.Copies
	for _, s := range openapi.Schemas(pass.Doc) {
		sites := inputs.Sites(s.S)
		if sites == 0 || !s.S.Type.Includes("string") || binary(s.S) || inputs.PageSizeOrCost(s.S) {
			continue // page sizes and model costs have rules of their own
		}
		if c := openapi.Contradiction(s.S); c != "" && strings.HasPrefix(c, "minLength") {
			pass.ReportDefinitef(lint.SeverityWarning, s.Pointer, s.Origin(), "maxLength", "%s: %s, so no value is valid", inputs.Name(s), c)
			continue
		}
		var sev lint.Severity
		switch {
		case sites&openapi.InBody != 0:
			sev = lint.SeverityWarning
		case options.Parameters && sites&(openapi.InQuery|openapi.InCookie) != 0:
			sev = lint.SeverityNote
		default:
			continue // parameters: URL and header limits cap them
		}
		if inputs.Holds(s.S, func(x *openapi3.Schema) bool { return bounded(x, formats) }) {
			continue
		}
		// What follows reads the schema's whole path (its names, OAS505's
		// context), so it is done only for strings about to be reported:
		// the rule's work then grows with the schemas and the findings,
		// not with every schema times its depth.
		names := inputs.Names(s.S)
		if slices.ContainsFunc(names, func(n string) bool { return oas405.Claims(pass, s, n, &modelAPI) }) {
			continue // one element, one finding: OAS405 or OAS505 reports it
		}
		name := inputs.Name(s)
		var why string
		if sev == lint.SeverityWarning {
			why = lower(pass.Doc, inputs, s, names, name, &copies)
			if why != "" {
				sev = lint.SeverityNote
			}
		}
		pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "type", "%s is a string without maxLength%s", name, why)
	}
	return nil
}

// lower says why a body string is reported as a note rather than a warning,
// or "" when it deserves the warning: free text (a description, a comment,
// a message body, a text/plain body) that is stored, shown and read by
// models. Identifiers, codes, names, URLs and the like are capped by the
// servers that parse them far more often than prose is; a limit stated in
// the description is a limit the owner chose, only not in the schema; and a
// copy of a field that a generated document repeats in every operation is
// fixed once, where the first is reported.
func lower(doc *openapi3.T, inputs *openapi.Inputs, s *openapi.Schema, names []string, name string, copies *openapi.Copies) string {
	if openapi.StatedLimit(s.S.Description) {
		return " (a note: its description states a limit)"
	}
	depth, _ := inputs.Depth(s.S)
	if depth == 0 && len(names) == 0 {
		// A whole body that is one string: free text, unless the schema's
		// name or its description says it is a credential (an ApiKey, an
		// AWS signature header sent as the body of a sign-in), which the
		// server checks against what it issued rather than stores.
		for _, c := range []string{openapi.CredentialPhrase(openapi.LastName(name)), openapi.CredentialProse(s.S.Description)} {
			if c != "" {
				return " (a note: not free text: a whole body that is a credential (" + c + "), which the server verifies or hashes rather than stores and shows)"
			}
		}
	}
	free := depth == 0 && len(names) == 0 || slices.ContainsFunc(names, openapi.FreeText) || openapi.FreeText(openapi.LastName(name))
	if !free {
		return " (a note: not free text)"
	}
	if why := inputs.Exposure(doc, s.S); why != "" {
		return " (a note: " + why + ")"
	}
	if first, ok := copies.First(inputs.CopyKey(s), name); !ok {
		return " (a note: a copy of " + first + ", reported there)"
	}
	return ""
}

// bounded reports whether a schema limits the length of a string itself.
func bounded(s *openapi3.Schema, formats map[string]bool) bool {
	if s.MaxLength != nil || openapi.Fixed(s) || formats[strings.ToLower(s.Format)] {
		return true
	}
	if s.Pattern != "" {
		if _, ok := openapi.PatternMaxLength(s.Pattern); ok {
			return true
		}
	}
	return false
}

// binary reports whether a string carries file content (format: binary, or
// a 3.1 contentMediaType), which OAS205 checks.
func binary(s *openapi3.Schema) bool {
	return s.Format == "binary" || s.ContentMediaType != ""
}
