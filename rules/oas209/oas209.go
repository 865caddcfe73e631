// Package oas209 defines rule OAS209: rate-limited operations that do not
// tell clients when to come back.
package oas209

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS209",
	Name: "missing-rate-limit-headers",
	Doc: lint.Doc{
		Title: "Rate limit headers are not declared",
		Summary: "A 429 response declares no Retry-After header, or operations that can answer 429 " +
			"declare no rate-limit headers (RateLimit, RateLimit-Policy, X-RateLimit-*) on their " +
			"success responses.",
		Why: `A 429 says "too many requests"; Retry-After says when to try again, and
the RateLimit headers (RateLimit and RateLimit-Policy from the IETF draft,
or the common X-RateLimit-Limit/Remaining/Reset) say how much of the quota
is left before that happens. Declared in the description, they become part
of generated clients and of what an agent knows about the tool.

An agent without them can only guess: retry immediately (and be throttled
again, or banned), sleep an arbitrary time, or give up. With Retry-After it
waits exactly as long as needed; with the remaining quota on every success
it can pace a long batch job instead of running into the wall (OWASP
API4:2023, LLM10:2025).

Only operations that declare a 429 are checked; OAS208 reports the ones
that do not. A 429 response needs Retry-After (or a RateLimit or
*-RateLimit-Reset header); the success responses of an operation with a
429 need at least one rate-limit header between them. As in OAS208, when
more than one in five lack them there is a single finding on paths, with
the count; when nearly all have them, each exception is reported (a shared
429 response once, where it is defined). Header names are compared ignoring
case and punctuation, so X-Rate-Limit-Remaining and
x-ms-ratelimit-remaining count. All findings are notes.`,
		Fix: "declare Retry-After on 429 responses and RateLimit (or X-RateLimit-*) headers on successes",
		Bad: `paths:
  /v1/search:
    get:
      responses:
        "200": {description: results}
        "429": {description: too many requests}`,
		Good: `paths:
  /v1/search:
    get:
      responses:
        "200":
          description: results
          headers:
            RateLimit: {schema: {type: string, maxLength: 100}}
        "429":
          description: too many requests
          headers:
            Retry-After: {schema: {type: integer, minimum: 0, maximum: 3600}}`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Precision: "medium",
		CWE:       []int{770},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

// response is one response of an operation, with the pointer where it is
// defined.
type response struct {
	code    string
	ptr     string
	r       *openapi3.Response
	inlined bool
}

func run(pass *lint.SpecPass) error {
	type limitedOp struct {
		op        openapi.Operation
		successes []response
	}
	var limited []limitedOp
	var tooMany []response                    // each 429 once, where it is defined
	users := map[string][]openapi.Operation{} // operations by the 429 they use
	anySuccessHeaders := false
	for _, op := range openapi.Operations(pass.Doc) {
		var successes []response
		declared := false
		for _, r := range responses(op) {
			switch {
			case r.code == "429":
				declared = true
				if _, seen := users[r.ptr]; !seen {
					tooMany = append(tooMany, r)
				}
				users[r.ptr] = append(users[r.ptr], op)
			case strings.HasPrefix(r.code, "2"):
				successes = append(successes, r)
				anySuccessHeaders = anySuccessHeaders || hasHeader(r.r, rateLimit)
			}
		}
		if declared {
			limited = append(limited, limitedOp{op, successes})
		}
	}
	if len(limited) == 0 {
		return nil
	}

	// As in OAS208: where more than one in five lack the headers, one
	// finding for the document; where nearly all have them, each exception.
	var noRetry []response
	for _, r := range tooMany {
		if !hasHeader(r.r, retryAfter) {
			noRetry = append(noRetry, r)
		}
	}
	switch {
	case len(tooMany) > 1 && 5*len(noRetry) > len(tooMany):
		if len(noRetry) == len(tooMany) {
			pass.Reportf("/paths", pass.Doc.Paths.Origin, "",
				"none of the %d 429 responses declares a Retry-After header", len(tooMany))
		} else {
			pass.Reportf("/paths", pass.Doc.Paths.Origin, "",
				"%d of the %d 429 responses declare no Retry-After header", len(noRetry), len(tooMany))
		}
	default:
		for _, r := range noRetry {
			name := openapi.Describe(r.ptr)
			if ops := users[r.ptr]; !r.inlined {
				name += fmt.Sprintf(" (429 of %s %s", ops[0].Method, ops[0].Path)
				if len(ops) > 1 {
					name += fmt.Sprintf(" and %d more", len(ops)-1)
				}
				name += ")"
			}
			pass.Reportf(r.ptr, r.r.Origin, "", "%s has no Retry-After header", name)
		}
	}

	var bare []openapi.Operation
	for _, l := range limited {
		if len(l.successes) > 0 && !slices.ContainsFunc(l.successes, func(r response) bool { return hasHeader(r.r, rateLimit) }) {
			bare = append(bare, l.op)
		}
	}
	switch {
	case len(bare) == 0:
	case len(limited) > 1 && (!anySuccessHeaders || 5*len(bare) > len(limited)):
		if len(bare) == len(limited) {
			pass.Reportf("/paths", pass.Doc.Paths.Origin, "",
				"none of the %d operations that declare a 429 declares rate-limit headers on its success responses", len(limited))
		} else {
			pass.Reportf("/paths", pass.Doc.Paths.Origin, "",
				"%d of the %d operations that declare a 429 declare no rate-limit headers on their success responses", len(bare), len(limited))
		}
	default:
		for _, op := range bare {
			pass.Reportf(op.Pointer, op.Op.Origin, "responses",
				"%s %s declares a 429 response but no rate-limit headers on its success responses", op.Method, op.Path)
		}
	}
	return nil
}

// responses lists an operation's responses in code order, each with the
// pointer of its definition.
func responses(op openapi.Operation) []response {
	if op.Op.Responses == nil {
		return nil
	}
	m := op.Op.Responses.Map()
	var out []response
	for _, code := range slices.Sorted(maps.Keys(m)) {
		ref := m[code]
		if ref == nil || ref.Value == nil {
			continue
		}
		r := response{code: code, ptr: openapi.Join(op.Pointer, "responses", code), r: ref.Value, inlined: true}
		if _, frag, ok := strings.Cut(ref.Ref, "#"); ok && strings.HasPrefix(frag, "/") {
			r.ptr, r.inlined = frag, false
		}
		out = append(out, r)
	}
	return out
}

func hasHeader(r *openapi3.Response, match func(key string) bool) bool {
	for name := range r.Headers {
		if match(openapi.NameKey(name)) {
			return true
		}
	}
	return false
}

// rateLimit matches the rate-limit headers: RateLimit, RateLimit-Policy,
// X-RateLimit-Remaining, X-Rate-Limit-Limit, x-ms-ratelimit-remaining-…
func rateLimit(key string) bool {
	return strings.Contains(key, "ratelimit") || strings.Contains(key, "retryafter")
}

// retryAfter matches the headers that tell a throttled client when to
// retry: Retry-After, RateLimit (whose reset parameter says so) and the
// *-RateLimit-Reset family.
func retryAfter(key string) bool {
	return strings.Contains(key, "retryafter") || key == "ratelimit" || strings.Contains(key, "ratelimitreset")
}
