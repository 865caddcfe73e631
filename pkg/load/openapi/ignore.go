package openapi

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/internal/suppress"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// IgnoreKey is the extension that suppresses findings in a document:
//
//	x-apiaudit-ignore:
//	  - rule: OAS101
//	    reason: health checks are public by design
//
// On the document root it covers the whole document; on a path item,
// operation, parameter, schema or security scheme it covers that element and
// everything inside it.
const IgnoreKey = suppress.Key

// Ignore is one suppression written in a document.
type Ignore struct {
	Rule   string        // rule ID or glob ("OAS1*")
	Reason string        // why the finding does not apply; required
	Scope  string        // pointer of the element it covers, as written; "" = whole document
	At     lint.Location // where the suppression is written
	Err    string        // why the entry is malformed, if it is
}

// Covers reports whether a finding lies within the suppression's element.
func (ig Ignore) Covers(f lint.Finding) bool {
	if ig.Scope == "" {
		return true
	}
	p := f.Location.Pointer
	return p == ig.Scope || strings.HasPrefix(p, ig.Scope+"/")
}

// Ignores lists the suppressions written in the document, in document order.
func (d *Document) Ignores() []Ignore {
	var out []Ignore
	add := func(ext map[string]any, ptr string, origin *openapi3.Origin) {
		v, ok := ext[IgnoreKey]
		if !ok {
			return
		}
		at := d.Locate(ptr, origin, IgnoreKey)
		scope := at.Pointer
		at.Pointer = Join(at.Pointer, IgnoreKey)
		out = append(out, parseIgnores(v, scope, at)...)
	}
	t := d.T
	add(t.Extensions, "", nil)
	if t.Paths != nil {
		for _, p := range slices.Sorted(maps.Keys(t.Paths.Map())) {
			if item := t.Paths.Value(p); item != nil {
				add(item.Extensions, Pointer("paths", p), item.Origin)
			}
		}
	}
	for _, op := range Operations(t) {
		add(op.Op.Extensions, op.Pointer, op.Op.Origin)
	}
	for _, p := range Parameters(t) {
		add(p.P.Extensions, p.Pointer, p.Origin)
	}
	if c := t.Components; c != nil {
		for _, name := range slices.Sorted(maps.Keys(c.SecuritySchemes)) {
			if s := c.SecuritySchemes[name]; s != nil && s.Value != nil {
				add(s.Value.Extensions, Pointer("components", "securitySchemes", name), s.Value.Origin)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Schemas)) {
			if s := c.Schemas[name]; s != nil && s.Value != nil && s.Ref == "" {
				add(s.Value.Extensions, Pointer("components", "schemas", name), s.Value.Origin)
			}
		}
	}
	return out
}

func parseIgnores(v any, scope string, at lint.Location) []Ignore {
	var out []Ignore
	for _, e := range suppress.Parse(decode(v)) {
		out = append(out, Ignore{Rule: e.Rule, Reason: e.Reason, Err: e.Err, Scope: scope, At: at})
	}
	return out
}

// decoded is an extension's value, as kin-openapi decodes it, read by
// suppress.Parse: an object's keys in sorted order (the decoder keeps no
// other), sorted once.
type decoded struct {
	v    any
	keys []string
}

func decode(v any) decoded {
	d := decoded{v: v}
	if m, ok := v.(map[string]any); ok {
		d.keys = slices.Sorted(maps.Keys(m))
	}
	return d
}

func (d decoded) Kind() suppress.Kind {
	switch d.v.(type) {
	case string:
		return suppress.String
	case map[string]any:
		return suppress.Object
	case []any:
		return suppress.Array
	}
	return suppress.Other
}

func (d decoded) Text() string             { s, _ := d.v.(string); return s }
func (d decoded) Item(i int) suppress.Node { return decode(d.v.([]any)[i]) }

func (d decoded) Len() int {
	switch v := d.v.(type) {
	case map[string]any:
		return len(v)
	case []any:
		return len(v)
	}
	return 0
}

func (d decoded) Member(i int) (string, suppress.Node) {
	k := d.keys[i]
	return k, decode(d.v.(map[string]any)[k])
}
