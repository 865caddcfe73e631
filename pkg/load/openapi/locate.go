package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Locate turns the JSON pointer of an element (in the OpenAPI 3 model) and
// its origin into the position where the element is written. field, when
// set, points at one key of the element instead of the element itself.
//
// OpenAPI 3 documents are located by kin-openapi's origins, which follow the
// element into whichever file it was written in. Swagger 2.0 documents have
// no origins after conversion: their pointers are translated back to the 2.0
// layout and looked up in the original file, so a finding names the line the
// user wrote.
func (d *Document) Locate(ptr string, o *openapi3.Origin, field string) lint.Location {
	if d.v2 == nil && o != nil && o.Key != nil {
		file := o.Key.File
		loc := lint.Location{File: d.rel(file), Pointer: ptr}
		loc.Line, loc.Column = d.orig(file, o.Key.Line, o.Key.Column)
		if o.Key.EndLine > 0 {
			loc.EndLine, loc.EndColumn = d.orig(file, o.Key.EndLine, o.Key.EndColumn)
		}
		if strings.HasSuffix(ptr, "/schema") && o.Key.Name != "schema" && len(o.Fields) > 0 {
			// kin-openapi stamps a schema written inline under a parameter
			// or a media type with its parent's key; its own fields are
			// right, so point at the first of them.
			first := o.Fields[0]
			loc.Line, loc.Column = d.orig(file, first.Line, first.Column)
			loc.EndLine, loc.EndColumn = 0, 0
		}
		if field != "" {
			if f, ok := o.Fields.Lookup(field); ok {
				loc.Line, loc.Column = d.orig(file, f.Line, f.Column)
				loc.EndLine, loc.EndColumn = 0, 0
			}
		}
		return loc
	}
	target := ptr
	if field != "" {
		target = Join(ptr, field)
	}
	if d.v2 != nil {
		ptr, target = d.v2.translate(ptr), d.v2.translate(target)
	}
	loc := lint.Location{File: d.File, Line: 1, Column: 1, Pointer: ptr}
	t, err := d.tree(d.abs)
	if err != nil {
		return loc
	}
	_, pos, _ := t.find(Split(target))
	loc.Line, loc.Column = d.orig(d.abs, pos.line, pos.column)
	return loc
}
