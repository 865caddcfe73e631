package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

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
const IgnoreKey = "x-apiaudit-ignore"

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
	var items []any
	switch v := v.(type) {
	case []any:
		items = v
	default:
		items = []any{v}
	}
	var out []Ignore
	for _, item := range items {
		ig := Ignore{Scope: scope, At: at}
		switch item := item.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(item)) {
				s, isString := item[k].(string)
				switch {
				case k == "rule" && isString:
					ig.Rule = strings.TrimSpace(s)
				case k == "reason" && isString:
					ig.Reason = strings.TrimSpace(s)
				default:
					ig.Err = fmt.Sprintf("unexpected key %q (want rule and reason)", k)
				}
			}
		case string:
			ig.Rule = strings.TrimSpace(item)
		default:
			ig.Err = fmt.Sprintf("entries must be {rule, reason} objects, not %T", item)
		}
		if ig.Err == "" && ig.Rule == "" {
			ig.Err = "entry names no rule"
		}
		out = append(out, ig)
	}
	return out
}
