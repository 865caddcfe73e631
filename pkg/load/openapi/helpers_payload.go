package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Body is one request body, visited once however many operations use it.
type Body struct {
	Pointer string // where it is defined: an operation's requestBody or #/components/requestBodies/X
	B       *openapi3.RequestBody
	Origin  *openapi3.Origin
	Users   []Operation // operations that take it, in Operations order
}

// RequestBodies lists the request bodies of all operations, each once, at
// its definition.
func RequestBodies(t *openapi3.T) []*Body {
	var out []*Body
	seen := map[*openapi3.RequestBody]*Body{}
	for _, op := range Operations(t) {
		ref := op.Op.RequestBody
		if ref == nil || ref.Value == nil {
			continue
		}
		b := seen[ref.Value]
		if b == nil {
			ptr := Join(op.Pointer, "requestBody")
			if ref.Ref != "" {
				ptr = refPointer(ref.Ref, ptr)
			}
			b = &Body{Pointer: ptr, B: ref.Value, Origin: ref.Value.Origin}
			seen[ref.Value] = b
			out = append(out, b)
		}
		b.Users = append(b.Users, op)
	}
	return out
}

// Reply is one response, visited once however many operations use it.
type Reply struct {
	Pointer string // where it is defined: an operation's responses/200 or #/components/responses/X
	Status  string // the status code of its first use: "200", "default"
	R       *openapi3.Response
	Origin  *openapi3.Origin
	Users   []Operation
}

// Responses lists the responses of all operations, each once, at its
// definition, in Operations order and then by status code.
func Responses(t *openapi3.T) []*Reply {
	var out []*Reply
	seen := map[*openapi3.Response]*Reply{}
	for _, op := range Operations(t) {
		if op.Op.Responses == nil {
			continue
		}
		resps := op.Op.Responses.Map()
		for _, code := range slices.Sorted(maps.Keys(resps)) {
			ref := resps[code]
			if ref == nil || ref.Value == nil {
				continue
			}
			r := seen[ref.Value]
			if r == nil {
				ptr := Join(op.Pointer, "responses", code)
				if ref.Ref != "" {
					ptr = refPointer(ref.Ref, ptr)
				}
				r = &Reply{Pointer: ptr, Status: code, R: ref.Value, Origin: ref.Value.Origin}
				seen[ref.Value] = r
				out = append(out, r)
			}
			if len(r.Users) == 0 || r.Users[len(r.Users)-1].Pointer != op.Pointer {
				r.Users = append(r.Users, op)
			}
		}
	}
	return out
}

// Text is a piece of prose that people and models read in a document: a
// title, summary or description, or the strings of an example.
type Text struct {
	Where   string           // the element, for messages: "info", "post /pets", `query parameter "q"`, "schema Pet.name"
	Pointer string           // the element that holds the text
	Origin  *openapi3.Origin // the element's origin
	Field   string           // the key holding the text: "description", "summary", "title", "example", "value"...
	Value   string           // the text; the strings of an example, one per line
}

// Markdown reports whether the text is rendered as CommonMark: OpenAPI
// allows it in descriptions only.
func (t Text) Markdown() bool { return t.Field == "description" }

// Texts lists the prose of a document, each element once, where it is
// defined: info, servers, tags, path items, operations, parameters, request
// bodies, responses and their headers, media type examples, every schema,
// security schemes and external docs. Callbacks and webhooks are not
// visited.
//
// The list is built once per document and shared; callers must not change it.
func Texts(t *openapi3.T) []Text {
	return cached(t, "texts", func() []Text { return texts(t) })
}

func texts(t *openapi3.T) []Text {
	if t == nil {
		return nil
	}
	w := &textWalker{seen: map[any]bool{}}
	if i := t.Info; i != nil {
		w.add("info", "/info", i.Origin, "title", i.Title)
		w.add("info", "/info", i.Origin, "summary", i.Summary)
		w.add("info", "/info", i.Origin, "description", i.Description)
	}
	w.servers(t.Servers, "/servers")
	for i, tag := range t.Tags {
		if tag == nil {
			continue
		}
		ptr := Pointer("tags", itoa(i))
		where := fmt.Sprintf("tag %q", tag.Name)
		w.add(where, ptr, tag.Origin, "description", tag.Description)
		w.docs(where, Join(ptr, "externalDocs"), tag.ExternalDocs)
	}
	w.docs("document", "/externalDocs", t.ExternalDocs)

	items := map[*openapi3.PathItem]bool{}
	for _, op := range Operations(t) {
		if !items[op.Item] {
			items[op.Item] = true
			ptr := Pointer("paths", op.Path)
			where := "path " + op.Path
			w.add(where, ptr, op.Item.Origin, "summary", op.Item.Summary)
			w.add(where, ptr, op.Item.Origin, "description", op.Item.Description)
			w.servers(op.Item.Servers, Join(ptr, "servers"))
		}
		where := op.Method + " " + op.Path
		w.add(where, op.Pointer, op.Op.Origin, "summary", op.Op.Summary)
		w.add(where, op.Pointer, op.Op.Origin, "description", op.Op.Description)
		w.docs(where, Join(op.Pointer, "externalDocs"), op.Op.ExternalDocs)
		if op.Op.Servers != nil {
			w.servers(*op.Op.Servers, Join(op.Pointer, "servers"))
		}
	}
	for _, p := range Parameters(t) {
		w.param(p.P, p.Pointer)
	}
	for _, b := range RequestBodies(t) {
		if w.once(b.B) {
			where := Describe(b.Pointer)
			w.add(where, b.Pointer, b.Origin, "description", b.B.Description)
			w.content(where, b.Pointer, b.B.Content)
		}
	}
	for _, r := range Responses(t) {
		w.response(r.R, r.Pointer)
	}
	for _, s := range Schemas(t) {
		if !w.once(s.S) {
			continue
		}
		where, o := Describe(s.Pointer), s.Origin()
		w.add(where, s.Pointer, o, "title", s.S.Title)
		w.add(where, s.Pointer, o, "description", s.S.Description)
		w.example(where, s.Pointer, o, "example", s.S.Example)
		if len(s.S.Examples) > 0 {
			w.example(where, s.Pointer, o, "examples", s.S.Examples)
		}
	}
	if c := t.Components; c != nil {
		for _, name := range slices.Sorted(maps.Keys(c.Parameters)) {
			if p := c.Parameters[name]; p != nil && p.Value != nil {
				w.param(p.Value, Pointer("components", "parameters", name))
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.RequestBodies)) {
			if b := c.RequestBodies[name]; b != nil && b.Value != nil && w.once(b.Value) {
				ptr := Pointer("components", "requestBodies", name)
				where := Describe(ptr)
				w.add(where, ptr, b.Value.Origin, "description", b.Value.Description)
				w.content(where, ptr, b.Value.Content)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Responses)) {
			if r := c.Responses[name]; r != nil && r.Value != nil {
				w.response(r.Value, Pointer("components", "responses", name))
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Headers)) {
			if h := c.Headers[name]; h != nil && h.Value != nil {
				w.header(h.Value, Pointer("components", "headers", name))
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.SecuritySchemes)) {
			if s := c.SecuritySchemes[name]; s != nil && s.Value != nil && w.once(s.Value) {
				ptr := Pointer("components", "securitySchemes", name)
				w.add(Describe(ptr), ptr, s.Value.Origin, "description", s.Value.Description)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Examples)) {
			if e := c.Examples[name]; e != nil && e.Value != nil {
				ptr := Pointer("components", "examples", name)
				w.exampleObject(Describe(ptr), ptr, e.Value)
			}
		}
	}
	return w.out
}

type textWalker struct {
	seen map[any]bool
	out  []Text
}

// once reports whether an element is visited for the first time.
func (w *textWalker) once(v any) bool {
	if w.seen[v] {
		return false
	}
	w.seen[v] = true
	return true
}

func (w *textWalker) add(where, ptr string, o *openapi3.Origin, field, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	w.out = append(w.out, Text{Where: where, Pointer: ptr, Origin: o, Field: field, Value: value})
}

func (w *textWalker) servers(list openapi3.Servers, base string) {
	for i, s := range list {
		if s == nil || !w.once(s) {
			continue
		}
		ptr := Join(base, itoa(i))
		where := fmt.Sprintf("server %q", s.URL)
		w.add(where, ptr, s.Origin, "description", s.Description)
		for _, name := range slices.Sorted(maps.Keys(s.Variables)) {
			if v := s.Variables[name]; v != nil {
				w.add(fmt.Sprintf("server %q variable %q", s.URL, name), Join(ptr, "variables", name), v.Origin, "description", v.Description)
			}
		}
	}
}

func (w *textWalker) docs(where, ptr string, d *openapi3.ExternalDocs) {
	if d != nil && w.once(d) {
		w.add(where+" external docs", ptr, d.Origin, "description", d.Description)
	}
}

func (w *textWalker) param(p *openapi3.Parameter, ptr string) {
	if !w.once(p) {
		return
	}
	where := fmt.Sprintf("%s parameter %q", p.In, p.Name)
	w.add(where, ptr, p.Origin, "description", p.Description)
	w.example(where, ptr, p.Origin, "example", p.Example)
	w.examples(where, ptr, p.Examples)
	w.content(where, ptr, p.Content)
}

func (w *textWalker) header(h *openapi3.Header, ptr string) {
	if !w.once(h) {
		return
	}
	where := Describe(ptr)
	w.add(where, ptr, h.Origin, "description", h.Description)
	w.example(where, ptr, h.Origin, "example", h.Example)
	w.examples(where, ptr, h.Examples)
	w.content(where, ptr, h.Content)
}

func (w *textWalker) response(r *openapi3.Response, ptr string) {
	if !w.once(r) {
		return
	}
	where := Describe(ptr)
	if r.Description != nil {
		w.add(where, ptr, r.Origin, "description", *r.Description)
	}
	for _, name := range slices.Sorted(maps.Keys(r.Headers)) {
		if h := r.Headers[name]; h != nil && h.Value != nil {
			hp := Join(ptr, "headers", name)
			if h.Ref != "" {
				hp = refPointer(h.Ref, hp)
			}
			w.header(h.Value, hp)
		}
	}
	w.content(where, ptr, r.Content)
}

func (w *textWalker) content(where, base string, c openapi3.Content) {
	for _, mt := range slices.Sorted(maps.Keys(c)) {
		m := c[mt]
		if m == nil || !w.once(m) {
			continue
		}
		ptr := Join(base, "content", mt)
		w.example(where+" "+mt, ptr, m.Origin, "example", m.Example)
		w.examples(where+" "+mt, ptr, m.Examples)
	}
}

func (w *textWalker) examples(where, base string, ex openapi3.Examples) {
	for _, name := range slices.Sorted(maps.Keys(ex)) {
		e := ex[name]
		if e == nil || e.Value == nil {
			continue
		}
		ptr, at := Join(base, "examples", name), fmt.Sprintf("%s example %q", where, name)
		if e.Ref != "" {
			// Named where it is defined, like every shared element.
			ptr = refPointer(e.Ref, ptr)
			at = Describe(ptr)
		}
		w.exampleObject(at, ptr, e.Value)
	}
}

func (w *textWalker) exampleObject(where, ptr string, e *openapi3.Example) {
	if !w.once(e) {
		return
	}
	w.add(where, ptr, e.Origin, "summary", e.Summary)
	w.add(where, ptr, e.Origin, "description", e.Description)
	w.example(where, ptr, e.Origin, "value", e.Value)
}

// example adds the strings of an example value, one per line.
func (w *textWalker) example(where, ptr string, o *openapi3.Origin, field string, v any) {
	var b strings.Builder
	exampleStrings(&b, v, 0)
	w.add(where, ptr, o, field, strings.TrimSuffix(b.String(), "\n"))
}

func exampleStrings(b *strings.Builder, v any, depth int) {
	if depth > 32 {
		return
	}
	switch v := v.(type) {
	case string:
		b.WriteString(v)
		b.WriteByte('\n')
	case []any:
		for _, e := range v {
			exampleStrings(b, e, depth+1)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			exampleStrings(b, v[k], depth+1)
		}
	}
}

// SnakeName is a name's words joined by underscores: "systemPrompt" and
// "System-Prompt" give "system_prompt", so that word lists match every
// spelling of a name.
func SnakeName(name string) string { return strings.Join(Words(name), "_") }

// Unconstrained reports whether a schema accepts every value: the boolean
// schema true, or a schema with no validation keyword at all (only
// annotations such as description, example or readOnly).
func Unconstrained(s *openapi3.Schema) bool {
	if s == nil {
		return true
	}
	if s.Always != nil {
		return *s.Always
	}
	return (s.Type == nil || len(*s.Type) == 0) && len(s.Enum) == 0 && s.Const == nil &&
		len(s.AllOf) == 0 && len(s.AnyOf) == 0 && len(s.OneOf) == 0 && s.Not == nil &&
		s.If == nil && s.Then == nil && s.Else == nil &&
		len(s.Properties) == 0 && len(s.Required) == 0 && s.AdditionalProperties.Has == nil &&
		s.AdditionalProperties.Schema == nil && s.MinProps == 0 && s.MaxProps == nil &&
		len(s.PatternProperties) == 0 && s.PropertyNames == nil && len(s.DependentRequired) == 0 &&
		len(s.DependentSchemas) == 0 && s.UnevaluatedProperties.Has == nil && s.UnevaluatedProperties.Schema == nil &&
		s.Items == nil && len(s.PrefixItems) == 0 && s.Contains == nil && s.MinItems == 0 && s.MaxItems == nil &&
		!s.UniqueItems && s.UnevaluatedItems.Has == nil && s.UnevaluatedItems.Schema == nil &&
		s.MinLength == 0 && s.MaxLength == nil && s.Pattern == "" && s.Format == "" &&
		s.Min == nil && s.Max == nil && s.MultipleOf == nil && !s.ExclusiveMin.IsSet() &&
		!s.ExclusiveMax.IsSet()
}
