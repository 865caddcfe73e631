package openapi

import (
	"regexp"
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
	if tokens := Split(target); d.v2 == nil && len(tokens) <= 1 {
		// The root or a top-level key: found without parsing the whole
		// file into a tree, which for a 20 MB description costs hundreds
		// of megabytes.
		if len(tokens) == 0 {
			return loc
		}
		if p, ok := d.topKey(tokens[0]); ok {
			loc.Line, loc.Column = p.line, p.column
			return loc
		}
	}
	t, err := d.tree(d.abs)
	if err != nil {
		return loc
	}
	_, pos, _ := t.find(Split(target))
	loc.Line, loc.Column = d.orig(d.abs, pos.line, pos.column)
	return loc
}

// yamlTopKey is a top-level key of a block YAML file: at the start of a
// line, plain or quoted.
var yamlTopKey = regexp.MustCompile(`^(?:"([^"\\]*)"|'([^']*)'|([^\s"'#\-?:{\[][^:#]*?))[ \t]*:(?:[ \t]|$)`)

// topKey finds where a top-level key of the root file is written: from the
// JSON rewrite when there was one, else by reading the lines of the file.
// ok is false when it cannot tell (flow-style YAML, a key not found).
func (d *Document) topKey(key string) (position, bool) {
	d.mu.Lock()
	top := d.top
	d.mu.Unlock()
	if top != nil {
		p, ok := top[key]
		return position{int(p.line), int(p.col)}, ok
	}
	data, err := d.readRoot()
	if err != nil {
		return position{}, false
	}
	data = Decode(data)
	for i, line := range strings.Split(string(data), "\n") {
		m := yamlTopKey.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			continue
		}
		if m[1]+m[2]+strings.TrimSpace(m[3]) == key {
			return position{i + 1, 1}, true
		}
	}
	return position{}, false
}
