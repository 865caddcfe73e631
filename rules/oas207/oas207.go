// Package oas207 defines rule OAS207: a request field that sets the cost of
// a model call with no maximum.
package oas207

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are OAS207's settings.
type Options struct {
	// Names are the fields and parameters that set how much work a model
	// or agent call does. Spelling is not significant: max_tokens also
	// matches maxTokens. The generic ones (n, top_k, num_results,
	// num_outputs, num_images, max_steps, max_iterations, max_turns,
	// max_tool_calls) count only beside a field of a model call: model,
	// prompt, messages, input, instructions, system, tools, temperature,
	// top_p or query.
	// Default: max_tokens, max_output_tokens, max_completion_tokens,
	// max_new_tokens, max_tokens_to_sample, num_predict, budget_tokens,
	// thinking_budget, max_reasoning_tokens, n, best_of, num_beams,
	// candidate_count, top_k, num_results, num_return_sequences,
	// num_outputs, num_images, num_inference_steps, max_steps,
	// max_iterations, max_turns, max_tool_calls.
	Names []string `yaml:"names"`
}

var options = Options{Names: openapi.DefaultModelCostNames()}

var Rule = &lint.Rule{
	ID:   "OAS207",
	Name: "uncapped-model-cost",
	Doc: lint.Doc{
		Title: "Model cost setting has no maximum",
		Summary: "A request field or parameter that multiplies the work of a model call — max_tokens, " +
			"n, best_of, num_beams, top_k, max_steps, max_iterations… — has no maximum.",
		Why: `Some fields do not describe data but buy compute: max_tokens sets how much
a model may generate, n and best_of how many completions it runs, num_beams
how wide it searches, top_k how many documents it retrieves and reads,
max_steps and max_iterations how long an agent loop may go on. Each call is
billed, and blocks a GPU, in proportion to them. Without a maximum in the
schema one request can ask for a million tokens or a thousand candidates,
and the only limit left is the model's context window or the operator's
invoice (OWASP LLM10:2025, unbounded consumption; API4:2023).

Agents set these fields themselves, sometimes from a user's words ("give
me a really long answer", "try 500 variations") and sometimes by mistake:
an agent that doubles max_tokens each time an answer comes back truncated
is an easy loop to fall into. A maximum in the schema is enforced before
the model runs.

Graded by who pays (see the grades below). A field is bounded by maximum (or exclusiveMaximum),
enum or const. Generic names — n, top_k, num_results, max_steps,
max_iterations and the like — count only beside the fields of a model call
(model, prompt, messages, input, instructions, temperature, top_p, query…),
so that a test runner's maxSteps or a page's n are left alone. Read-only
fields and responses are not checked.`,
		Fix: "add a maximum to the field, no higher than the model or plan allows",
		Bad: `components:
  schemas:
    CompletionRequest:
      type: object
      properties:
        model: {type: string, maxLength: 64}
        max_tokens: {type: integer, minimum: 1}
        n: {type: integer, minimum: 1}`,
		Good: `components:
  schemas:
    CompletionRequest:
      type: object
      properties:
        model: {type: string, maxLength: 64}
        max_tokens: {type: integer, minimum: 1, maximum: 4096}
        n: {type: integer, minimum: 1, maximum: 4}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 42 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning** when anyone may send the field by the document's word (an operation with security: [] or an empty {} alternative, in a document that declares schemes): the API's own model account pays for what an anonymous caller asks. No judged finding has been a true positive at error (docs/precision.md), so the rule no longer reports errors.
- **note** when only authenticated callers send it (an accountable caller under the service's own quotas: an admin's model settings, a product's signed-in users), or when who may send it is unknown (no security scheme declared, authentication optional in every requirement the document writes, or no requirement written for the operation), with the reason in the message.
- **note** on a model vendor's own API (api.openai.com, api.anthropic.com…): the vendor caps tokens per model and bills the caller, and the message says so.
- **note** on a gateway that bills its callers: a document that serves model calls (a body shaped like one, or an OpenAI-compatible path such as /v1/chat/completions) and keeps accounts of what callers spend (a path with billing, quota, balance, consumption or credits): the caller pays for what it asks.
- **note** for a token budget or completion count of a model call that a relay in front of model providers (a request body shaped like a model call, with model and messages, prompt, input or contents, in a document that names two or more providers such as OpenAI, Anthropic, Groq or Ollama) passes on: the provider the model names caps it per model and bills the provider account, and one maximum in a multi-provider schema would reject valid requests for larger models. Still a warning when anyone may send it by the document's word (the relay's provider keys pay); loop counts (max_steps, max_iterations, max_turns, max_tool_calls) and num_results are graded by who may send them, as the relay runs those itself.
- **note** for a field marked deprecated.
- Not reported: top_k beside temperature, top_p, min_p or typical_p, where it is a sampling parameter (the k most likely tokens), not a number of documents read.`,
		CWE:   []int{770, 400},
		OWASP: []string{"LLM10:2025", "API4:2023"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

// generic are the names that set the cost of a model call only beside the
// call's other fields: elsewhere n is any count and max_steps may bound a
// test crawler.
var generic = openapi.NameKeys([]string{
	"n", "top_k", "num_results", "num_outputs", "num_images", "max_steps", "max_iterations", "max_turns", "max_tool_calls",
})

// modelFields are the fields of a model call.
var modelFields = openapi.NameKeys([]string{
	"model", "prompt", "messages", "input", "instructions", "system", "tools", "temperature", "top_p", "query",
})

func modelCall(names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return modelFields[openapi.NameKey(n)] })
}

func run(pass *lint.SpecPass) error {
	names := openapi.NameKeys(options.Names)
	// On a model vendor's own API the caller pays for what it asks, and the
	// vendor caps each model's tokens: the finding is a note that says so.
	// So does a gateway that bills its callers for the model calls it
	// serves.
	sev, why := lint.SeverityDefault, ""
	if note := openapi.PayerNote(pass.Doc); note != "" {
		sev, why = lint.SeverityNote, note
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		key := openapi.NameKey(p.P.Name)
		if !openapi.ModelCostName(p.P.Name, names) || p.P.Schema == nil || !uncapped(p.P.Schema.Value) {
			continue
		}
		if (generic[key] || !names[key]) && !modelCall(siblingParams(p)) {
			continue
		}
		if key == "topk" && sampling(siblingParams(p)) {
			continue // a sampling parameter: it limits which tokens are drawn, not how many
		}
		psev, pwhy := sev, why
		if psev != lint.SeverityNote {
			psev, pwhy = exposureGrade(openapi.ParamExposure(pass.Doc, p))
		}
		pass.ReportSeverityf(psev, p.Pointer, p.Origin, "name", "%s sets the cost of a model call and has no maximum%s", openapi.ParamName(p), pwhy)
	}

	inputs := openapi.NewInputs(pass.Doc)
	schemas := openapi.Schemas(pass.Doc)
	relay := openapi.RelayOf(pass.Doc)
	byValue := map[*openapi3.Schema]*openapi.Schema{}
	for _, s := range schemas {
		byValue[s.S] = s
	}
	// parents are the schemas that have a schema as one of their allOf
	// parts: a model call's fields are often spread over several parts.
	parents := map[*openapi3.Schema][]*openapi3.Schema{}
	for _, s := range schemas {
		for _, part := range s.S.AllOf {
			if part != nil && part.Value != nil {
				parents[part.Value] = append(parents[part.Value], s.S)
			}
		}
	}
	reported := map[*openapi3.Schema]bool{}
	for _, owner := range schemas {
		if inputs.Sites(owner.S) == 0 {
			continue
		}
		props := owner.S.Properties
		for _, name := range slices.Sorted(maps.Keys(props)) {
			key := openapi.NameKey(name)
			if !openapi.ModelCostName(name, names) || props[name] == nil {
				continue
			}
			prop := props[name].Value
			if prop == nil || reported[prop] || openapi.ReadOnly(prop) || !uncapped(prop) {
				continue
			}
			if (generic[key] || !names[key]) && !modelCall(siblings(owner.S, parents)) {
				continue
			}
			if key == "topk" && sampling(siblings(owner.S, parents)) {
				continue // a sampling parameter: it limits which tokens are drawn, not how many
			}
			s := byValue[prop]
			if s == nil {
				continue
			}
			reported[prop] = true
			fsev, fwhy := sev, why
			switch {
			case fsev == lint.SeverityNote:
			case deprecated(prop):
				fsev, fwhy = lint.SeverityNote, " (a note: the field is deprecated, so clients are told not to rely on it)"
			case relay.InCall(owner.S) && !loop[key]:
				fsev, fwhy = relayGrade(inputs.Exposure(pass.Doc, owner.S), relay)
			default:
				fsev, fwhy = exposureGrade(inputs.Exposure(pass.Doc, owner.S))
			}
			pass.ReportSeverityf(fsev, s.Pointer, s.Origin(), "type", "%s sets the cost of a model call and has no maximum%s", openapi.Describe(s.Pointer), fwhy)
		}
	}
	return nil
}

// loop are the names that bound work a server does itself, call after
// call (an agent loop), rather than one call it passes on to a provider:
// a relay that runs the loop pays for every turn.
var loop = openapi.NameKeys([]string{"max_steps", "max_iterations", "max_turns", "max_tool_calls", "num_results"})

// samplingFields are the settings top_k sits beside when it is a sampling
// parameter (consider the k most likely tokens) rather than a number of
// documents a retrieval reads.
var samplingFields = openapi.NameKeys([]string{"temperature", "top_p", "min_p", "typical_p"})

func sampling(names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return samplingFields[openapi.NameKey(n)] })
}

// deprecated reports whether a field is marked deprecated, by the keyword
// or by a description that starts by saying so.
func deprecated(s *openapi3.Schema) bool {
	d := strings.ToLower(strings.TrimSpace(s.Description))
	return s.Deprecated || strings.HasPrefix(d, "deprecated")
}

// relayGrade grades a cost setting of a model call that a relay passes on
// to a provider (see openapi.RelayOf): a note, unless anyone may send it
// by the document's word, when the relay's own provider keys pay for
// whatever an anonymous caller asks.
func relayGrade(exposure string, relay *openapi.Relay) (lint.Severity, string) {
	if exposure == "" {
		return lint.SeverityDefault, " (a warning although " + relay.Why() + " passes it on: anyone may send it, and the relay's own provider keys pay)"
	}
	return lint.SeverityNote, " (a note: " + relay.Why() + " passes it on to the provider the model names, which caps it per model and bills the provider account; one maximum here would reject valid requests for larger models)"
}

// exposureGrade grades a cost setting by who may send it (see
// openapi.Inputs.Exposure): a warning when anyone may by the document's
// word, since the API's own model account then pays for whatever an
// anonymous caller asks; a note otherwise, since an authenticated caller
// is accountable and spends under the service's own quotas (or who may
// send it is unknown). Of the judged findings of authenticated APIs
// (docs/precision.md) none was one a maintainer would act on.
func exposureGrade(exposure string) (lint.Severity, string) {
	if exposure == "" {
		return lint.SeverityDefault, " (anyone may send it by the document's word, and the API's own model account pays)"
	}
	return lint.SeverityNote, " (a note: " + exposure + ")"
}

// siblings lists the property names of an object and of the objects it is
// combined with by allOf.
func siblings(s *openapi3.Schema, parents map[*openapi3.Schema][]*openapi3.Schema) []string {
	names := slices.Collect(maps.Keys(s.Properties))
	for _, parent := range parents[s] {
		names = slices.AppendSeq(names, maps.Keys(parent.Properties))
		for _, part := range parent.AllOf {
			if part != nil && part.Value != nil {
				names = slices.AppendSeq(names, maps.Keys(part.Value.Properties))
			}
		}
	}
	return names
}

// siblingParams lists the names of the other parameters of the operations
// that take p.
func siblingParams(p *openapi.Param) []string {
	var names []string
	for _, op := range p.Users {
		for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
			if ref != nil && ref.Value != nil && ref.Value != p.P {
				names = append(names, ref.Value.Name)
			}
		}
	}
	return names
}

// uncapped reports whether a schema carries a number with no upper bound.
func uncapped(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	for _, t := range []string{"boolean", "array", "object"} {
		if openapi.HasType(s, t) {
			return false
		}
	}
	if s.Type.IsEmpty() && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0 {
		return false // no type at all: nothing is known about the value
	}
	return !openapi.Holds(s, func(x *openapi3.Schema) bool {
		if openapi.HasMaximum(x) {
			return true
		}
		if !x.Type.Includes("string") {
			return false
		}
		_, ok := openapi.PatternMaxLength(x.Pattern)
		return x.MaxLength != nil || x.Pattern != "" && ok
	})
}
