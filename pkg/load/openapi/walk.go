package openapi

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// methodOrder is the order operations are visited in, the order of the
// OpenAPI path item object.
var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}

// Operation is one operation of a document with its pointer.
type Operation struct {
	Path    string // as written, e.g. "/pets/{id}"
	Method  string // lowercase: "get", "post", ...
	Pointer string // "/paths/~1pets~1{id}/get"
	Item    *openapi3.PathItem
	Op      *openapi3.Operation
}

// Operations lists every operation under paths, sorted by path and then in
// path item order.
func Operations(t *openapi3.T) []Operation {
	if t == nil || t.Paths == nil {
		return nil
	}
	paths := t.Paths.Map()
	var out []Operation
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		item := paths[p]
		if item == nil {
			continue
		}
		ops := item.Operations()
		for _, m := range methodOrder {
			op := ops[strings.ToUpper(m)]
			if op == nil {
				continue
			}
			out = append(out, Operation{Path: p, Method: m, Pointer: Pointer("paths", p, m), Item: item, Op: op})
		}
	}
	return out
}

// IsWrite reports whether an operation changes state by its method.
func (o Operation) IsWrite() bool {
	switch o.Method {
	case "post", "put", "patch", "delete":
		return true
	}
	return false
}

// Param is one parameter, visited once however many operations use it.
type Param struct {
	Pointer string // where it is defined: an operation's list or #/components/parameters
	P       *openapi3.Parameter
	Origin  *openapi3.Origin
	Users   []Operation // operations that take it, in Operations order
}

// Parameters lists the parameters of all operations (their own and their
// path item's), each once, at its definition.
//
// The list is built once per document and shared; callers must not change it.
func Parameters(t *openapi3.T) []*Param {
	return cached(t, "parameters", func() []*Param { return parameters(t) })
}

func parameters(t *openapi3.T) []*Param {
	var out []*Param
	seen := map[string]*Param{}
	add := func(op Operation, ref *openapi3.ParameterRef, inline string) {
		if ref == nil || ref.Value == nil {
			return
		}
		ptr := inline
		if ref.Ref != "" {
			ptr = refPointer(ref.Ref, inline)
		}
		key := originFile(ref.Value.Origin) + "#" + ptr
		p := seen[key]
		if p == nil {
			p = &Param{Pointer: ptr, P: ref.Value, Origin: ref.Value.Origin}
			seen[key] = p
			out = append(out, p)
		}
		if len(p.Users) == 0 || p.Users[len(p.Users)-1].Pointer != op.Pointer {
			p.Users = append(p.Users, op)
		}
	}
	for _, op := range Operations(t) {
		for i, ref := range op.Item.Parameters {
			add(op, ref, Join(Pointer("paths", op.Path), "parameters", itoa(i)))
		}
		for i, ref := range op.Op.Parameters {
			add(op, ref, Join(op.Pointer, "parameters", itoa(i)))
		}
	}
	return out
}

// refPointer is the pointer a $ref names inside its target file: the
// fragment. A whole-file $ref is the root of that file, "" in RFC 6901.
func refPointer(ref, fallback string) string {
	_, frag, ok := strings.Cut(ref, "#")
	if !ok {
		return ""
	}
	if frag == "" || strings.HasPrefix(frag, "/") {
		return frag
	}
	return fallback
}

func originFile(o *openapi3.Origin) string {
	if o == nil || o.Key == nil {
		return ""
	}
	return o.Key.File
}

func itoa(i int) string { return strconv.Itoa(i) }
