package openapi

import (
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// Direction tells which way the data a schema describes travels.
type Direction uint8

const (
	Request  Direction = 1 << iota // sent by the client: parameters, request bodies
	Response                       // sent by the server: responses, their headers
)

// Schema is one schema of a document, visited once however many $refs lead
// to it, at the place it is defined.
type Schema struct {
	Pointer string // where it is defined, e.g. /components/schemas/Pet
	S       *openapi3.Schema
	Uses    Direction // every direction the schema is used in; 0 = defined, never used
}

// Origin is where the schema is written.
func (s *Schema) Origin() *openapi3.Origin { return s.S.Origin }

// Schemas lists every schema of the document (components, parameters, request
// bodies, responses and headers, and every subschema), each once, in a stable
// order. A schema used in both directions carries both.
//
// The walk is done once per document and shared by every rule that asks;
// callers must not change what it returns.
func Schemas(t *openapi3.T) []*Schema {
	return cached(t, "schemas", func() []*Schema { return schemas(t) })
}

func schemas(t *openapi3.T) []*Schema {
	w := &schemaWalker{byKey: map[string]*Schema{}, bySchema: map[*openapi3.Schema]*Schema{}}
	for _, op := range Operations(t) {
		params := slices.Concat(op.Item.Parameters, op.Op.Parameters)
		for i, p := range op.Item.Parameters {
			w.param(p, Join(Pointer("paths", op.Path), "parameters", itoa(i)))
		}
		for i, p := range op.Op.Parameters {
			w.param(p, Join(op.Pointer, "parameters", itoa(i)))
		}
		_ = params
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			base := Join(op.Pointer, "requestBody")
			if rb.Ref != "" {
				base = refPointer(rb.Ref, base)
			}
			w.content(rb.Value.Content, base, Request)
		}
		if op.Op.Responses != nil {
			resps := op.Op.Responses.Map()
			for _, code := range slices.Sorted(maps.Keys(resps)) {
				r := resps[code]
				if r == nil || r.Value == nil {
					continue
				}
				base := Join(op.Pointer, "responses", code)
				if r.Ref != "" {
					base = refPointer(r.Ref, base)
				}
				w.content(r.Value.Content, base, Response)
				for _, h := range slices.Sorted(maps.Keys(r.Value.Headers)) {
					if hr := r.Value.Headers[h]; hr != nil && hr.Value != nil {
						hb := Join(base, "headers", h)
						if hr.Ref != "" {
							hb = refPointer(hr.Ref, hb)
						}
						w.schema(hr.Value.Schema, Join(hb, "schema"), Response)
					}
				}
			}
		}
	}
	if t.Components != nil {
		for _, name := range slices.Sorted(maps.Keys(t.Components.Schemas)) {
			w.schema(t.Components.Schemas[name], Pointer("components", "schemas", name), 0)
		}
	}
	return w.order
}

type schemaWalker struct {
	byKey    map[string]*Schema
	bySchema map[*openapi3.Schema]*Schema
	order    []*Schema
}

func (w *schemaWalker) param(p *openapi3.ParameterRef, ptr string) {
	if p == nil || p.Value == nil {
		return
	}
	if p.Ref != "" {
		ptr = refPointer(p.Ref, ptr)
	}
	w.schema(p.Value.Schema, Join(ptr, "schema"), Request)
	w.content(p.Value.Content, ptr, Request)
}

func (w *schemaWalker) content(c openapi3.Content, base string, dir Direction) {
	for _, mt := range slices.Sorted(maps.Keys(c)) {
		if m := c[mt]; m != nil {
			w.schema(m.Schema, Join(base, "content", mt, "schema"), dir)
		}
	}
}

// schema records ref's schema and its subschemas, and spreads dir to them.
func (w *schemaWalker) schema(ref *openapi3.SchemaRef, ptr string, dir Direction) {
	if ref == nil || ref.Value == nil {
		return
	}
	if ref.Ref != "" {
		ptr = refPointer(ref.Ref, ptr)
	}
	s := ref.Value
	key := originFile(s.Origin) + "#" + ptr
	rec := w.bySchema[s]
	if rec == nil {
		rec = w.byKey[key]
	}
	if rec != nil {
		if rec.Uses|dir == rec.Uses {
			return // seen, and this use adds no direction
		}
		rec.Uses |= dir
		ptr = rec.Pointer
	} else {
		rec = &Schema{Pointer: ptr, S: s, Uses: dir}
		w.byKey[key], w.bySchema[s] = rec, rec
		w.order = append(w.order, rec)
	}
	dir = rec.Uses
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		w.schema(s.Properties[name], Join(ptr, "properties", name), dir)
	}
	// A pointer is built only for a subschema that is there: each costs
	// the length of the path, which grows with the depth.
	for _, sub := range []struct {
		field string
		ref   *openapi3.SchemaRef
	}{{"items", s.Items}, {"additionalProperties", s.AdditionalProperties.Schema}, {"not", s.Not}} {
		if sub.ref != nil {
			w.schema(sub.ref, Join(ptr, sub.field), dir)
		}
	}
	for _, list := range []struct {
		field string
		refs  openapi3.SchemaRefs
	}{{"allOf", s.AllOf}, {"anyOf", s.AnyOf}, {"oneOf", s.OneOf}} {
		for i, sub := range list.refs {
			w.schema(sub, Join(ptr, list.field, itoa(i)), dir)
		}
	}
}
