package openapi

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/inventory"
)

// InventoryOperations lists the document's operations for the API
// inventory: where each is written, its effective security, the bounds of
// its request body and its agent marks. Swagger 2.0's basePath comes in as
// the converted document's server URL.
func InventoryOperations(d *Document) []inventory.Operation {
	var prefixes []string
	for _, s := range d.T.Servers {
		if s == nil {
			continue
		}
		prefixes = append(prefixes, serverPath(s))
	}
	slices.Sort(prefixes)
	prefixes = slices.Compact(prefixes)
	var out []inventory.Operation
	for _, op := range Operations(d.T) {
		loc := d.Locate(op.Pointer, op.Op.Origin, "")
		sec := EffectiveSecurity(d.T, op)
		io := inventory.Operation{
			Spec: d.File, Method: strings.ToUpper(op.Method), Path: op.Path, Prefixes: prefixes,
			At:        inventory.Pos{File: loc.File, Line: loc.Line, Column: loc.Column, Pointer: loc.Pointer},
			Anonymous: sec.Anonymous(),
		}
		if ps := op.Item.Servers; len(ps) > 0 {
			io.Prefixes = nil
			for _, s := range ps {
				io.Prefixes = append(io.Prefixes, serverPath(s))
			}
		}
		if ps := op.Op.Servers; ps != nil && len(*ps) > 0 {
			io.Prefixes = nil
			for _, s := range *ps {
				io.Prefixes = append(io.Prefixes, serverPath(s))
			}
		}
		for _, r := range sec.Reqs {
			if len(r) == 0 {
				io.Security = append(io.Security, "none")
				continue
			}
			io.Security = append(io.Security, strings.Join(slices.Sorted(maps.Keys(r)), "+"))
		}
		var secOrigin *openapi3.Origin
		if sec.Own {
			secOrigin = op.Op.Origin
		}
		sl := d.Locate(sec.Pointer, secOrigin, "")
		if sec.Own {
			sl = d.Locate(op.Pointer, op.Op.Origin, "security")
		}
		if sec.Set {
			io.SecurityAt = inventory.Pos{File: sl.File, Line: sl.Line, Column: sl.Column, Pointer: sec.Pointer}
		}
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			for _, ct := range slices.Sorted(maps.Keys(rb.Value.Content)) {
				mt := rb.Value.Content[ct]
				if mt == nil || mt.Schema == nil || !strings.Contains(ct, "json") {
					continue
				}
				io.Bounds = append(io.Bounds, bounds(mt.Schema.Value, "body", 0)...)
			}
			slices.Sort(io.Bounds)
			io.Bounds = slices.Compact(io.Bounds)
		}
		m := Marks(op.Op)
		io.Consequential = m.Consequential
		io.MCP = m.HintsKey != ""
		out = append(out, io)
	}
	return out
}

// serverPath is the path of a server URL, with its variables at their
// defaults and no trailing slash; "" for none.
func serverPath(s *openapi3.Server) string {
	raw := s.URL
	for name, v := range s.Variables {
		if v != nil {
			raw = strings.ReplaceAll(raw, "{"+name+"}", v.Default)
		}
	}
	p := raw
	if u, err := url.Parse(raw); err == nil && (u.Scheme != "" || u.Host != "") {
		p = u.Path
	} else if i := strings.Index(raw, "://"); i >= 0 {
		rest := raw[i+3:]
		if j := strings.Index(rest, "/"); j >= 0 {
			p = rest[j:]
		} else {
			p = ""
		}
	}
	if !strings.HasPrefix(p, "/") {
		return ""
	}
	return strings.TrimSuffix(p, "/")
}

// bounds lists the limits a request body schema sets, on itself and on its
// properties (three levels down): "maxLength of body.name".
func bounds(s *openapi3.Schema, at string, depth int) []string {
	if s == nil || depth > 3 {
		return nil
	}
	var out []string
	if s.MaxLength != nil {
		out = append(out, fmt.Sprintf("maxLength of %s", at))
	}
	if s.MaxItems != nil {
		out = append(out, fmt.Sprintf("maxItems of %s", at))
	}
	if s.MaxProps != nil {
		out = append(out, fmt.Sprintf("maxProperties of %s", at))
	}
	if s.Max != nil {
		out = append(out, fmt.Sprintf("maximum of %s", at))
	}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if p := s.Properties[name]; p != nil {
			out = append(out, bounds(p.Value, at+"."+name, depth+1)...)
		}
	}
	if s.Items != nil {
		out = append(out, bounds(s.Items.Value, at+"[]", depth+1)...)
	}
	for _, sub := range s.AllOf {
		if sub != nil {
			out = append(out, bounds(sub.Value, at, depth+1)...)
		}
	}
	return out
}
