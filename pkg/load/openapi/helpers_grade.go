package openapi

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// This file holds what the bounds rules (OAS201-OAS204, OAS206) share to
// grade a finding: how deep in a request body a schema sits, whether a name
// is that of free text, whether a description states the limit the schema
// lacks, and which findings are copies of one already made.

// Depth is how many properties, items or map values lie between s and the
// root of the request body (or parameter) that carries it, by the shortest
// way: 0 for the body itself, 1 for one of its properties or for the items
// of a body that is an array. allOf, anyOf and oneOf add nothing. ok is
// false for schemas that clients never send.
func (in *Inputs) Depth(s *openapi3.Schema) (depth int, ok bool) {
	in.depthOnce.Do(in.depths)
	d, ok := in.depth[s]
	return d, ok
}

func (in *Inputs) depths() {
	depth := map[*openapi3.Schema]int{}
	var queue []*openapi3.Schema
	push := func(s *openapi3.Schema, d int) {
		if s == nil || ReadOnly(s) {
			return
		}
		if old, seen := depth[s]; seen && old <= d {
			return
		}
		depth[s] = d
		queue = append(queue, s)
	}
	for _, s := range in.roots {
		push(s, 0)
	}
	// A breadth-first walk visits a schema first at its smallest depth, but
	// composition adds no depth, so a schema can be reached again closer to
	// a root: push re-queues it then (rare, and bounded by the depth).
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		d := depth[s]
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if ref := s.Properties[name]; ref != nil && ref.Value != nil && !navigation(ref.Value) {
				push(ref.Value, d+1)
			}
		}
		if s.Items != nil {
			push(s.Items.Value, d+1)
		}
		if s.AdditionalProperties.Schema != nil {
			push(s.AdditionalProperties.Schema.Value, d+1)
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, ref := range list {
				if ref != nil {
					push(ref.Value, d)
				}
			}
		}
	}
	in.depth = depth
}

// freeTextWords are the last words of names of prose: text that people
// write, that is stored, shown to others and, more and more, read by a
// model. "name" is not one of them: most names are references (secretName,
// claim_name) or labels that servers cap on their own.
var freeTextWords = map[string]bool{
	"description": true, "desc": true, "comment": true, "comments": true, "text": true, "content": true,
	"contents": true, "message": true, "msg": true, "body": true, "note": true, "notes": true, "bio": true,
	"summary": true, "details": true, "instructions": true, "html": true, "markdown": true, "caption": true,
	"reason": true, "feedback": true, "review": true, "remarks": true, "answer": true, "question": true,
	"title": true, "subject": true, "input": true, "transcript": true, "article": true, "post": true,
	"story": true, "essay": true, "reply": true, "response": true, "explanation": true, "memo": true,
}

// FreeText reports whether a name is that of prose a person or a model
// writes: description, comment, message_body, releaseNotes.
func FreeText(name string) bool {
	w := Words(name)
	return len(w) > 0 && freeTextWords[w[len(w)-1]]
}

// statedLimit matches a description that states a size or length limit in
// words, or a schema keyword written into the prose: "at most 64 MB", "up
// to 5000 characters", "maximum length 255", "maxLength: 17", "1-100
// items", "cannot exceed 500".
var statedLimit = regexp.MustCompile(`(?i)\bmax(imum)?[ _-]?(length|items|size|properties)?\b[^.\d]{0,30}\d|\bmax(length|items|properties)\b|\b(up to|at most|no more than|not more than|less than|fewer than|limited to|limit of|maximum of|set of)\s+\d|\b(exceed|longer than|greater than|larger than|more than)\s+\d|\bbetween\s+\d+\s+and\s+\d|\b\d+\s*(-|–|\.\.|to)\s*\d+\s*(characters|chars|bytes|items|elements|entries|[kmg]i?b)\b|\b\d+\s*(characters|chars)\s+(max|maximum|or less|or fewer)\b`)

// StatedLimit reports whether a description states a limit in prose that
// the schema does not declare.
func StatedLimit(description string) bool {
	return description != "" && statedLimit.MatchString(description)
}

// Copies tells the first of identical elements from the copies that
// generated descriptions repeat in every operation (Stripe's expand and
// metadata, Kubernetes' limit and timeoutSeconds parameters). The spec
// owner fixes such an element once, in the generator or the shared
// definition: the first is reported at the rule's severity, the copies as
// notes that name it. Not safe for concurrent use: one per rule run.
type Copies struct {
	first map[string]string
}

// First records an element by key and returns the name of the first element
// recorded with the same key, and whether it is this one.
func (c *Copies) First(key, name string) (string, bool) {
	if c.first == nil {
		c.first = map[string]string{}
	}
	if f, ok := c.first[key]; ok {
		return f, false
	}
	c.first[key] = name
	return name, true
}

// CopyKey is the key under which Copies compares a request schema: its name
// without the operation that sends it (`request body .expand`, `query
// parameter "limit"`), with its type, format and description. Schemas
// defined once, in components, are their own key.
func (in *Inputs) CopyKey(s *Schema) string {
	var where string
	if ps := in.params[s.S]; len(ps) > 0 {
		where = ps[0].P.In + " parameter " + ps[0].P.Name
	} else {
		name := in.Name(s)
		i := strings.Index(name, " request body")
		if i < 0 || strings.HasPrefix(s.Pointer, "/components/") {
			return s.Pointer // defined once, reported once
		}
		where = name[i:]
	}
	var types string
	if s.S.Type != nil {
		types = strings.Join(s.S.Type.Slice(), ",")
	}
	return strings.Join([]string{where, types, s.S.Format, s.S.Description}, "\x00")
}

// LastName is the last property or parameter name in a schema's message
// name: "comment" for `post /x request body .items[] .comment`, "Note" for
// `schema Note`, "input" for `schema Req.input oneOf[0]`.
func LastName(described string) string {
	f := strings.FieldsFunc(described, func(r rune) bool { return r == ' ' || r == '.' || r == '"' })
	for i := len(f) - 1; i >= 0; i-- {
		w := strings.TrimRight(f[i], "[]{}*0123456789")
		switch {
		case w == "", strings.HasPrefix(w, "anyOf"), strings.HasPrefix(w, "oneOf"), strings.HasPrefix(w, "allOf"),
			w == "request", w == "parameter", w == "of":
			continue
		}
		if i > 0 && f[i-1] == "request" && w == "body" {
			continue
		}
		return w
	}
	return ""
}

// Contradiction describes a pair of bounds of s that no value can meet
// (minLength above maxLength, minItems above maxItems, minimum above
// maximum, or equal to it with an exclusive bound), or returns "".
func Contradiction(s *openapi3.Schema) string {
	if s == nil {
		return ""
	}
	if s.MaxLength != nil && s.MinLength > *s.MaxLength {
		return fmt.Sprintf("minLength %d is greater than maxLength %d", s.MinLength, *s.MaxLength)
	}
	if s.MaxItems != nil && s.MinItems > *s.MaxItems {
		return fmt.Sprintf("minItems %d is greater than maxItems %d", s.MinItems, *s.MaxItems)
	}
	if s.MaxProps != nil && s.MinProps > *s.MaxProps {
		return fmt.Sprintf("minProperties %d is greater than maxProperties %d", s.MinProps, *s.MaxProps)
	}
	if s.Min != nil && s.Max != nil {
		lo, hi := *s.Min, *s.Max
		exclusive := s.ExclusiveMin.IsTrue() || s.ExclusiveMax.IsTrue()
		switch {
		case lo > hi:
			return fmt.Sprintf("minimum %v is greater than maximum %v", lo, hi)
		case lo == hi && exclusive:
			return fmt.Sprintf("minimum and maximum are both %v and one of them is exclusive", lo)
		}
	}
	return ""
}

// Exposure says why a request schema is graded a note under the bounds
// rules' criterion (docs/precision.md, "What a bounds warning must show"),
// or returns "" when anyone can send it: it sits in the request body or a
// parameter of an operation that needs no credentials by the document's
// word (a requirement written at the operation or the top that is empty or
// has an empty {} alternative) in a document that declares a security
// scheme. An operation with no requirement written anywhere is an omission,
// which OAS101 reports: who may call it is unknown.
// An authenticated caller is accountable and under the service's quotas
// and limits, which a document rarely repeats; a missing bound on what
// they send is a documentation gap, not something a maintainer acts on.
func (in *Inputs) Exposure(t *openapi3.T, s *openapi3.Schema) string {
	e := cached(t, "exposure", func() *exposure { return newExposure(t) })
	switch {
	case e.open[s]:
		return ""
	case !e.declared:
		return "the document declares no authentication, so who may send it is unknown"
	case e.unwritten[s]:
		return unwritten
	case e.rootOff[s]:
		return rootOff
	case e.optional[s]:
		return optionalEverywhere
	case e.linked[s]:
		return linked
	}
	return "only authenticated callers send it, under the service's own limits"
}

// linked is why an input is a note where the operations open by the
// document's word that take it carry a credential or a link's token in
// their path (/webhooks/{id}/{webhook_token}, /{apiKey}/tokens): only a
// caller holding that URL, which the service issued, can send it.
const linked = "the operations that take it carry a credential or a link's token in their path, so only callers holding a URL the service issued send it"

// inPath reports whether an operation authenticates in its path: a
// credential-named variable (/{apiKey}/tokens) or a link's token
// (/webhooks/{id}/{webhook_token}), which no security scheme can express.
func inPath(op Operation) bool { return PathCredential(op) != "" || PathLinkToken(op) != "" }

// unwritten is why an input of an operation with no security requirement
// written anywhere is a note.
const unwritten = "no security requirement is written for the operations that take it, so who may send it is unknown"

// rootOff is why an input is a note where only the document's top-level
// security: [] opens the operation, in a document that declares schemes:
// authentication is left to the deployment (Airflow's pluggable backends),
// not switched off.
const rootOff = "security: [] or an empty {} alternative at the top of a document that declares security schemes leaves authentication to the deployment, so who may send it is unknown"

// optionalEverywhere is why an input is a note where the operation's own
// requirements offer {} in a document that requires credentials nowhere
// without that alternative (Security.Throughout).
const optionalEverywhere = "every security requirement the document writes offers an empty {} alternative, so authentication is optional by design (a setting of the deployment) and who may send it is unknown"

// ParamExposure is Exposure for a parameter: "" when one of the operations
// that take it needs no credentials.
func ParamExposure(t *openapi3.T, p *Param) string {
	e := cached(t, "exposure", func() *exposure { return newExposure(t) })
	switch {
	case !e.declared:
		return "the document declares no authentication, so who may send it is unknown"
	case anonymousUser(t, p):
		return ""
	case slices.ContainsFunc(p.Users, func(op Operation) bool { return !EffectiveSecurity(t, op).Set }):
		return unwritten
	case slices.ContainsFunc(p.Users, func(op Operation) bool { return leftToDeployment(EffectiveSecurity(t, op)) }):
		i := slices.IndexFunc(p.Users, func(op Operation) bool { return leftToDeployment(EffectiveSecurity(t, op)) })
		return DeploymentWhy(EffectiveSecurity(t, p.Users[i]))
	case slices.ContainsFunc(p.Users, func(op Operation) bool { return openByWord(EffectiveSecurity(t, op)) }):
		return linked // open by word, and every such user authenticates in its path
	}
	return "only authenticated callers send it, under the service's own limits"
}

// anonymousUser reports whether an operation that takes p needs no
// credentials by the document's word.
func anonymousUser(t *openapi3.T, p *Param) bool {
	return slices.ContainsFunc(p.Users, func(op Operation) bool { return openByWord(EffectiveSecurity(t, op)) && !inPath(op) })
}

// openByWord reports whether security written for an operation lets
// anonymous callers in: [] or an empty {} alternative. An operation with
// no requirement written anywhere is not open by the document's word.
// Nor is one opened only by a top-level security: [] (see rootOff).
func openByWord(s Security) bool { return s.Set && s.Anonymous() && !leftToDeployment(s) }

// leftToDeployment reports whether only the document's top-level
// security: [], or its top-level requirements with an empty {} alternative
// beside real ones, apply to an operation: the document says the whole API
// can run without authentication, which is how a deployment switch (an
// auth mode of "none") is described, not an endpoint left open. So is an
// operation's own {} alternative in a document that writes no requirement
// without one (Security.Throughout): the same choice, written on each
// operation instead of once at the top.
func leftToDeployment(s Security) bool {
	return s.Set && (!s.Own && (len(s.Reqs) == 0 || s.Optional()) || s.Own && s.Optional() && s.Throughout)
}

// LeftToDeployment is leftToDeployment for the rules.
func LeftToDeployment(s Security) bool { return leftToDeployment(s) }

// DeploymentWhy says why an operation that leftToDeployment accepts is not
// open by the document's word: where the document writes the choice.
func DeploymentWhy(s Security) string {
	if s.Own {
		return optionalEverywhere
	}
	return rootOff
}

type exposure struct {
	declared  bool                      // the document declares a security scheme
	open      map[*openapi3.Schema]bool // schemas an operation open by the document's word takes
	unwritten map[*openapi3.Schema]bool // schemas an operation with no requirement written takes
	rootOff   map[*openapi3.Schema]bool // schemas an operation opened only by a top-level security: [] takes
	linked    map[*openapi3.Schema]bool // schemas an operation open by word but authenticated in its path takes
	optional  map[*openapi3.Schema]bool // schemas an operation with its own {} alternative takes, in a document optional throughout
}

func newExposure(t *openapi3.T) *exposure {
	e := &exposure{declared: len(Schemes(t)) > 0, open: map[*openapi3.Schema]bool{}, unwritten: map[*openapi3.Schema]bool{}, rootOff: map[*openapi3.Schema]bool{},
		optional: map[*openapi3.Schema]bool{}, linked: map[*openapi3.Schema]bool{}}
	if !e.declared {
		return e
	}
	var set map[*openapi3.Schema]bool
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || set[s] {
			return
		}
		set[s] = true
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if ref := s.Properties[name]; ref != nil {
				walk(ref.Value)
			}
		}
		if s.Items != nil {
			walk(s.Items.Value)
		}
		if s.AdditionalProperties.Schema != nil {
			walk(s.AdditionalProperties.Schema.Value)
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, ref := range list {
				if ref != nil {
					walk(ref.Value)
				}
			}
		}
	}
	for _, op := range Operations(t) {
		switch sec := EffectiveSecurity(t, op); {
		case openByWord(sec) && inPath(op):
			set = e.linked
		case openByWord(sec):
			set = e.open
		case !sec.Set:
			set = e.unwritten
		case leftToDeployment(sec) && sec.Own:
			set = e.optional
		case leftToDeployment(sec):
			set = e.rootOff
		default:
			continue
		}
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			for _, mt := range slices.Sorted(maps.Keys(rb.Value.Content)) {
				if m := rb.Value.Content[mt]; m != nil && m.Schema != nil {
					walk(m.Schema.Value)
				}
			}
		}
	}
	for _, p := range Parameters(t) {
		if !anonymousUser(t, p) {
			continue
		}
		set = e.open
		if p.P.Schema != nil {
			walk(p.P.Schema.Value)
		}
		for _, mt := range slices.Sorted(maps.Keys(p.P.Content)) {
			if m := p.P.Content[mt]; m != nil && m.Schema != nil {
				walk(m.Schema.Value)
			}
		}
	}
	return e
}

// OperationExposure is Exposure for what one operation takes: "" when it
// needs no credentials in a document that declares a security scheme.
func OperationExposure(t *openapi3.T, op Operation) string {
	switch {
	case len(Schemes(t)) == 0:
		return "the document declares no authentication, so who may send it is unknown"
	case openByWord(EffectiveSecurity(t, op)) && inPath(op):
		return linked
	case openByWord(EffectiveSecurity(t, op)):
		return ""
	case !EffectiveSecurity(t, op).Set:
		return unwritten
	case leftToDeployment(EffectiveSecurity(t, op)):
		return DeploymentWhy(EffectiveSecurity(t, op))
	}
	return "only authenticated callers send it, under the service's own limits"
}
