package openapi

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// BodyParam is the name a request body takes among a tool's parameters.
const BodyParam = "body"

// maxToolSchemaDepth bounds how deep ToolCatalog converts nested schemas;
// Tool.Params reads fewer levels than this.
const maxToolSchemaDepth = 10

// ToolCatalog is the document's operations as the tools an agent is
// offered, the way GPT Actions and OpenAPI-to-MCP bridges present them:
// one tool per operation, named by its operationId, titled by its summary,
// described by its description; its parameters (path item's and
// operation's) and request body (as parameter "body") make the input
// schema. Annotations come from the operation's agent marks: the MCP hints
// written as x-mcp-annotations (or x-mcp.annotations) first, then
// x-openai-isConsequential (false: runs without asking, as a read-only
// tool does; true: not read-only), then the method (GET, HEAD and OPTIONS
// read; DELETE destroys). Every value is at the place it is written, with
// its JSON pointer; a schema written once under components and used by
// several operations is one *toolcat.Schema shared by their tools.
//
// Only documents written for agents (AgentFacing: an x-openai-*, x-mcp*,
// x-agent*... extension) are read as catalogs; for any other document
// ToolCatalog returns nil. On the REST APIs of the shared corpus, none of
// them marked for agents, the catalog rules that apply to documents found
// mostly noise: the whole GitHub or Stripe API has a toxic flow, but no
// one gives a whole REST API to one agent (docs/tool-catalogs.md).
func ToolCatalog(d *Document) *toolcat.Catalog {
	t := d.T
	if t == nil || !AgentFacing(t) {
		return nil
	}
	c := &toolcat.Catalog{Source: toolcat.SourceOpenAPI, File: d.File, Name: d.File}
	if t.Paths != nil {
		c.At = d.pos("/paths", t.Paths.Origin, "")
	} else {
		c.At = toolcat.Pos{File: d.File, Line: 1, Column: 1}
	}
	b := &toolBuilder{d: d, schemas: map[*openapi3.Schema]*toolcat.Schema{}}
	for _, op := range Operations(t) {
		c.Tools = append(c.Tools, b.tool(op))
	}
	return c
}

type toolBuilder struct {
	d       *Document
	schemas map[*openapi3.Schema]*toolcat.Schema
}

// pos locates an element (or one of its keys) as a toolcat.Pos.
func (d *Document) pos(ptr string, o *openapi3.Origin, field string) toolcat.Pos {
	l := d.Locate(ptr, o, field)
	return toolcat.Pos{File: l.File, Line: l.Line, Column: l.Column, Pointer: l.Pointer}
}

func (b *toolBuilder) text(value, ptr string, o *openapi3.Origin, field string) toolcat.Text {
	if value == "" {
		return toolcat.Text{}
	}
	return toolcat.Text{Value: value, Set: true, At: b.d.pos(ptr, o, field)}
}

func (b *toolBuilder) tool(op Operation) *toolcat.Tool {
	o := op.Op.Origin
	tool := &toolcat.Tool{
		At:          b.d.pos(op.Pointer, o, ""),
		Name:        b.text(op.Op.OperationID, op.Pointer, o, "operationId"),
		Title:       b.text(op.Op.Summary, op.Pointer, o, "summary"),
		Description: b.text(op.Op.Description, op.Pointer, o, "description"),
		Operation:   op.Method + " " + op.Path,
	}
	in := &toolcat.Schema{At: tool.At, Types: []string{"object"}}
	// The path item's parameters first; an operation's parameter of the
	// same name and place replaces it.
	type slot struct{ name, in string }
	index := map[slot]int{}
	addParam := func(ref *openapi3.ParameterRef, ptr string) {
		if ref == nil || ref.Value == nil {
			return
		}
		if ref.Ref != "" {
			ptr = refPointer(ref.Ref, ptr)
		}
		p := ref.Value
		s := b.paramSchema(p, ptr)
		prop := toolcat.Property{Name: p.Name, At: b.d.pos(ptr, p.Origin, "name"), Schema: s}
		k := slot{p.Name, p.In}
		if i, ok := index[k]; ok {
			in.Properties[i] = prop
		} else {
			index[k] = len(in.Properties)
			in.Properties = append(in.Properties, prop)
		}
		if p.Required && !slices.Contains(in.Required, p.Name) {
			in.Required = append(in.Required, p.Name)
		}
	}
	for i, ref := range op.Item.Parameters {
		addParam(ref, Join(Pointer("paths", op.Path), "parameters", itoa(i)))
	}
	for i, ref := range op.Op.Parameters {
		addParam(ref, Join(op.Pointer, "parameters", itoa(i)))
	}
	if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
		base := Join(op.Pointer, "requestBody")
		if rb.Ref != "" {
			base = refPointer(rb.Ref, base)
		}
		if mt, m := bodyMedia(rb.Value.Content); m != nil && m.Schema != nil {
			s := b.schema(m.Schema, Join(base, "content", mt, "schema"), 0)
			if s != nil && !s.Description.Set && rb.Value.Description != "" {
				// The body's own description says what it is for.
				c := *s
				c.Description = b.text(rb.Value.Description, base, rb.Value.Origin, "description")
				s = &c
			}
			in.Properties = append(in.Properties, toolcat.Property{Name: BodyParam, At: b.d.pos(base, rb.Value.Origin, ""), Schema: s})
			if rb.Value.Required {
				in.Required = append(in.Required, BodyParam)
			}
		}
	}
	tool.InputSchema = in
	tool.Annotations = b.annotations(op)
	return tool
}

// bodyMedia picks the media type whose schema is the tool's body: JSON
// first, then form data, then the first written.
func bodyMedia(c openapi3.Content) (string, *openapi3.MediaType) {
	if len(c) == 0 {
		return "", nil
	}
	types := slices.Sorted(maps.Keys(c))
	rank := func(mt string) int {
		mt = strings.ToLower(mt)
		switch {
		case mt == "application/json" || strings.HasSuffix(mt, "+json"):
			return 0
		case strings.Contains(mt, "json"):
			return 1
		case mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data":
			return 2
		}
		return 3
	}
	slices.SortStableFunc(types, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	return types[0], c[types[0]]
}

// paramSchema is a parameter's schema with the parameter's description
// (which the model reads), at the parameter.
func (b *toolBuilder) paramSchema(p *openapi3.Parameter, ptr string) *toolcat.Schema {
	var s *toolcat.Schema
	if p.Schema != nil {
		s = b.schema(p.Schema, Join(ptr, "schema"), 0)
	} else if mt, m := bodyMedia(p.Content); m != nil {
		s = b.schema(m.Schema, Join(ptr, "content", mt, "schema"), 0)
	}
	if s == nil {
		s = &toolcat.Schema{At: b.d.pos(ptr, p.Origin, "")}
	}
	if p.Description != "" {
		c := *s
		c.Description = b.text(p.Description, ptr, p.Origin, "description")
		s = &c
	}
	return s
}

// schema converts a schema and its subschemas. A schema reached again (a
// $ref used twice, a recursive one) is the same *toolcat.Schema, so the
// result may be cyclic: walkers of the model bound their depth.
func (b *toolBuilder) schema(ref *openapi3.SchemaRef, ptr string, depth int) *toolcat.Schema {
	if ref == nil || ref.Value == nil || depth > maxToolSchemaDepth {
		return nil
	}
	if ref.Ref != "" {
		ptr = refPointer(ref.Ref, ptr)
	}
	v := ref.Value
	if s, ok := b.schemas[v]; ok {
		return s
	}
	s := &toolcat.Schema{
		At:          b.d.pos(ptr, v.Origin, ""),
		Description: b.text(v.Description, ptr, v.Origin, "description"),
		Format:      v.Format,
		Pattern:     v.Pattern,
		Enum:        len(v.Enum),
		Const:       v.Const != nil,
		Maximum:     v.Max,
		Required:    v.Required,
		Composed:    len(v.AllOf)+len(v.AnyOf)+len(v.OneOf) > 0 || v.Not != nil,
	}
	b.schemas[v] = s
	if v.Type != nil {
		s.Types = v.Type.Slice()
	}
	toInt := func(p *uint64) *int {
		if p == nil {
			return nil
		}
		n := int(min(*p, 1<<31))
		return &n
	}
	s.MaxLength, s.MaxItems, s.MaxProperties = toInt(v.MaxLength), toInt(v.MaxItems), toInt(v.MaxProps)
	names := slices.Sorted(maps.Keys(v.Properties))
	line := func(name string) int {
		if r := v.Properties[name]; r != nil && r.Value != nil && r.Value.Origin != nil && r.Value.Origin.Key != nil && r.Ref == "" {
			return r.Value.Origin.Key.Line
		}
		return 0
	}
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(line(a), line(b)) })
	for _, name := range names {
		pptr := Join(ptr, "properties", name)
		ps := b.schema(v.Properties[name], pptr, depth+1)
		if ps == nil {
			continue
		}
		// The key where the property is written: the property's own
		// origin when it is written inline, else the reference's place,
		// which Locate finds by its pointer.
		at := ps.At
		if r := v.Properties[name]; r.Ref != "" {
			at = b.d.pos(pptr, nil, "")
		}
		s.Properties = append(s.Properties, toolcat.Property{Name: name, At: at, Schema: ps})
	}
	s.Items = b.schema(v.Items, Join(ptr, "items"), depth+1)
	if ap := v.AdditionalProperties; ap.Has != nil && !*ap.Has {
		s.AdditionalFalse = true
	} else if ap.Schema != nil {
		s.AdditionalProperties = b.schema(ap.Schema, Join(ptr, "additionalProperties"), depth+1)
	}
	return s
}

// annotations are the hints an agent reads on the operation, from its
// marks or, where none is written, its method.
func (b *toolBuilder) annotations(op Operation) *toolcat.Annotations {
	o := op.Op.Origin
	m := Marks(op.Op)
	a := &toolcat.Annotations{At: b.d.pos(op.Pointer, o, "")}
	hint := func(v *bool, key string) toolcat.Hint {
		st := toolcat.False
		if *v {
			st = toolcat.True
		}
		return toolcat.Hint{State: st, At: b.d.pos(op.Pointer, o, key)}
	}
	byMethod := toolcat.Hint{At: a.At}
	switch {
	case m.ReadOnly != nil:
		a.ReadOnly = hint(m.ReadOnly, m.HintsKey)
	case m.Consequential != nil:
		ro := !*m.Consequential
		a.ReadOnly = hint(&ro, m.ConsequentialKey)
	case op.Method == "get" || op.Method == "head" || op.Method == "options":
		byMethod.State = toolcat.True
		a.ReadOnly = byMethod
	default:
		byMethod.State = toolcat.False
		a.ReadOnly = byMethod
	}
	switch {
	case m.Destructive != nil:
		a.Destructive = hint(m.Destructive, m.HintsKey)
	case op.Method == "delete":
		byMethod.State = toolcat.True
		a.Destructive = byMethod
	}
	return a
}
