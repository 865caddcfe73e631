package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// kin-openapi validates a schema again from every place that references
// it: a component schema used by two hundred responses is validated two
// hundred times, with everything it references, and on large descriptions
// (Stripe's) that was half of the scan. Every component schema is also
// validated once on its own, under components. So, for the length of one
// Validate call, each local reference to a component schema is pointed at
// an empty stand-in: the schema is then validated once, at its definition,
// and reports the same errors (Validate reports each error once, where it
// is written). Example validation, which needs the real schema under a
// reference, is off in Validate.

// standIn is the empty schema references point at during validation.
var standIn = &openapi3.Schema{}

// standIns points every local reference to a component schema at standIn
// and returns the function that puts the references back.
func standIns(t *openapi3.T) (restore func()) {
	var comps openapi3.Schemas
	if t.Components != nil {
		comps = t.Components.Schemas
	}
	s := &stander{comps: comps, seenRef: map[*openapi3.SchemaRef]bool{}, seenSchema: map[*openapi3.Schema]bool{}}
	if len(comps) > 0 {
		if t.Paths != nil {
			for _, item := range t.Paths.Map() {
				s.pathItem(item)
			}
		}
		for _, item := range t.Webhooks {
			s.pathItem(item)
		}
		c := t.Components
		for _, r := range c.Schemas {
			// The definitions themselves stay; what they reference does not.
			if r != nil && r.Ref == "" {
				s.schemaValue(r.Value)
			} else {
				s.schema(r)
			}
		}
		for _, p := range c.Parameters {
			s.parameter(p)
		}
		for _, h := range c.Headers {
			s.header(h)
		}
		for _, rb := range c.RequestBodies {
			if rb != nil && rb.Value != nil {
				s.content(rb.Value.Content)
			}
		}
		for _, r := range c.Responses {
			s.response(r)
		}
		for _, cb := range c.Callbacks {
			s.callback(cb)
		}
	}
	return func() {
		for _, u := range s.undo {
			u.ref.Value = u.value
		}
	}
}

type stander struct {
	comps      openapi3.Schemas
	seenRef    map[*openapi3.SchemaRef]bool
	seenSchema map[*openapi3.Schema]bool
	undo       []struct {
		ref   *openapi3.SchemaRef
		value *openapi3.Schema
	}
}

func (s *stander) schema(r *openapi3.SchemaRef) {
	if r == nil || s.seenRef[r] {
		return
	}
	s.seenRef[r] = true
	if name, ok := strings.CutPrefix(r.Ref, "#/components/schemas/"); ok {
		name = strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
		if s.comps[name] != nil && r.Value != nil {
			s.undo = append(s.undo, struct {
				ref   *openapi3.SchemaRef
				value *openapi3.Schema
			}{r, r.Value})
			r.Value = standIn
			return
		}
	}
	s.schemaValue(r.Value)
}

func (s *stander) schemaValue(v *openapi3.Schema) {
	if v == nil || v == standIn || s.seenSchema[v] {
		return
	}
	s.seenSchema[v] = true
	for _, p := range v.Properties {
		s.schema(p)
	}
	for _, list := range []openapi3.SchemaRefs{v.AllOf, v.AnyOf, v.OneOf, v.PrefixItems} {
		for _, r := range list {
			s.schema(r)
		}
	}
	for _, m := range []openapi3.Schemas{v.PatternProperties, v.DependentSchemas, v.Defs} {
		for _, r := range m {
			s.schema(r)
		}
	}
	for _, r := range []*openapi3.SchemaRef{v.Items, v.Not, v.AdditionalProperties.Schema, v.Contains, v.PropertyNames,
		v.UnevaluatedItems.Schema, v.UnevaluatedProperties.Schema, v.If, v.Then, v.Else, v.ContentSchema} {
		s.schema(r)
	}
}

func (s *stander) pathItem(item *openapi3.PathItem) {
	if item == nil {
		return
	}
	for _, p := range item.Parameters {
		s.parameter(p)
	}
	for _, op := range item.Operations() {
		for _, p := range op.Parameters {
			s.parameter(p)
		}
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			s.content(op.RequestBody.Value.Content)
		}
		if op.Responses != nil {
			for _, r := range op.Responses.Map() {
				s.response(r)
			}
		}
		for _, cb := range op.Callbacks {
			s.callback(cb)
		}
	}
}

func (s *stander) callback(cb *openapi3.CallbackRef) {
	if cb == nil || cb.Value == nil {
		return
	}
	for _, item := range cb.Value.Map() {
		s.pathItem(item)
	}
}

func (s *stander) parameter(p *openapi3.ParameterRef) {
	if p == nil || p.Value == nil {
		return
	}
	s.schema(p.Value.Schema)
	s.content(p.Value.Content)
}

func (s *stander) header(h *openapi3.HeaderRef) {
	if h == nil || h.Value == nil {
		return
	}
	s.schema(h.Value.Schema)
	s.content(h.Value.Content)
}

func (s *stander) response(r *openapi3.ResponseRef) {
	if r == nil || r.Value == nil {
		return
	}
	s.content(r.Value.Content)
	for _, h := range r.Value.Headers {
		s.header(h)
	}
}

func (s *stander) content(c openapi3.Content) {
	for _, m := range c {
		if m != nil {
			s.schema(m.Schema)
			s.schema(m.ItemSchema)
		}
	}
}
