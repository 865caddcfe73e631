package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// v2Index maps pointers in the converted OpenAPI 3 model back to where the
// same element is written in the original Swagger 2.0 file.
type v2Index struct {
	t *tree
}

func newV2Index(t *tree) *v2Index { return &v2Index{t: t} }

// translate rewrites a pointer into the converted document as a pointer into
// the 2.0 file. Parts the conversion invented (a requestBody wrapper, a
// media type) are folded into the element they came from.
func (x *v2Index) translate(ptr string) string {
	tok := Split(ptr)
	if len(tok) == 0 {
		return ptr
	}
	var out []string
	switch tok[0] {
	case "components":
		if len(tok) < 3 {
			return Pointer(v2Section(tok[1:]...)...)
		}
		name, rest := tok[2], tok[3:]
		switch tok[1] {
		case "schemas":
			out = append([]string{"definitions", name}, rest...)
		case "securitySchemes":
			out = append([]string{"securityDefinitions", name}, securitySchemeTail(rest)...)
		case "parameters":
			out = append([]string{"parameters", name}, paramTail(rest)...)
		case "requestBodies":
			out = append([]string{"parameters", name}, bodyTail(rest)...)
		case "responses":
			out = append([]string{"responses", name}, responseTail(rest)...)
		default:
			out = tok
		}
	case "paths":
		if len(tok) < 3 {
			return ptr
		}
		out = append([]string{"paths", tok[1]}, x.opTail(tok[1], tok[2], tok[3:])...)
	case "servers":
		if _, _, n := x.t.find([]string{"host"}); n == 1 {
			out = []string{"host"}
		} else {
			out = []string{"schemes"}
		}
	default:
		out = tok
	}
	return Pointer(out...)
}

func v2Section(tok ...string) []string {
	if len(tok) == 0 {
		return nil
	}
	switch tok[0] {
	case "schemas":
		return []string{"definitions"}
	case "securitySchemes":
		return []string{"securityDefinitions"}
	case "requestBodies":
		return []string{"parameters"}
	}
	return tok[:1]
}

// opTail maps what follows /paths/{path}/{method} (or the path item's own
// parameters when method is "parameters").
func (x *v2Index) opTail(path, method string, rest []string) []string {
	out := []string{method}
	if method == "parameters" {
		if len(rest) == 0 {
			return out
		}
		return x.param([]string{"paths", path}, rest[0], paramTail(rest[1:]))
	}
	if len(rest) == 0 {
		return out
	}
	switch rest[0] {
	case "parameters":
		if len(rest) < 2 {
			return append(out, rest...)
		}
		return append(out, x.param([]string{"paths", path, method}, rest[1], paramTail(rest[2:]))...)
	case "requestBody":
		tail := x.body([]string{"paths", path, method}, rest[1:])
		if len(tail) == 1 {
			// No body or form parameter of the operation's own: one the
			// path item declares for all its operations.
			if shared := x.body([]string{"paths", path}, rest[1:]); len(shared) > 1 {
				return shared // /paths/{path}/parameters/{i}/schema/...
			}
		}
		return append(out, tail...)
	case "responses":
		if len(rest) < 2 {
			return append(out, rest...)
		}
		return append(append(out, "responses", rest[1]), responseTail(rest[2:])...)
	}
	return append(out, rest...)
}

// param maps the i-th parameter of the converted operation to its index in
// the 2.0 list, where body and formData parameters also stand.
func (x *v2Index) param(owner []string, index string, tail []string) []string {
	want, err := strconv.Atoi(index)
	if err != nil {
		return append([]string{"parameters", index}, tail...)
	}
	items := x.params(owner)
	seen := 0
	for i, in := range items {
		if in == "body" || in == "formData" {
			continue
		}
		if seen == want {
			return append([]string{"parameters", strconv.Itoa(i)}, tail...)
		}
		seen++
	}
	return []string{"parameters"}
}

// body maps a requestBody pointer to the body parameter, or to the formData
// parameter named by a property of the converted form schema.
func (x *v2Index) body(owner []string, rest []string) []string {
	items := x.params(owner)
	// rest: content/{mediaType}/schema/...
	var schema []string
	if len(rest) >= 3 && rest[0] == "content" && rest[2] == "schema" {
		schema = rest[3:]
	}
	for i, in := range items {
		if in == "body" {
			out := []string{"parameters", strconv.Itoa(i)}
			if len(rest) >= 3 {
				out = append(append(out, "schema"), schema...)
			}
			return out
		}
	}
	if len(schema) >= 2 && schema[0] == "properties" {
		params := x.paramNodes(owner)
		for i, p := range params {
			if _, name := child(p, "name"); name != nil && name.Value == schema[1] {
				return append([]string{"parameters", strconv.Itoa(i)}, schema[2:]...)
			}
		}
	}
	for i, in := range items {
		if in == "formData" {
			return []string{"parameters", strconv.Itoa(i)}
		}
	}
	return []string{"parameters"}
}

// params lists the "in" of each parameter written under owner, following
// local $refs to #/parameters.
func (x *v2Index) params(owner []string) []string {
	nodes := x.paramNodes(owner)
	ins := make([]string, len(nodes))
	for i, n := range nodes {
		if _, in := child(n, "in"); in != nil {
			ins[i] = in.Value
		}
	}
	return ins
}

func (x *v2Index) paramNodes(owner []string) []*yaml.Node {
	list, _, n := x.t.find(append(owner[:len(owner):len(owner)], "parameters"))
	if n != len(owner)+1 || list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(list.Content))
	for i, item := range list.Content {
		item = resolveAlias(item)
		if _, ref := child(item, "$ref"); ref != nil && strings.HasPrefix(ref.Value, "#/") {
			if target, _, m := x.t.find(Split(strings.TrimPrefix(ref.Value, "#"))); target != nil && m == len(Split(strings.TrimPrefix(ref.Value, "#"))) {
				item = target
			}
		}
		out[i] = item
	}
	return out
}

// paramTail drops the schema wrapper the conversion puts around the type of
// a non-body parameter: in 2.0 its type, items and bounds sit on the
// parameter itself.
func paramTail(rest []string) []string {
	if len(rest) > 0 && rest[0] == "schema" {
		return rest[1:]
	}
	return rest
}

func bodyTail(rest []string) []string {
	if len(rest) >= 3 && rest[0] == "content" && rest[2] == "schema" {
		return append([]string{"schema"}, rest[3:]...)
	}
	return nil
}

func responseTail(rest []string) []string {
	if len(rest) >= 3 && rest[0] == "content" && rest[2] == "schema" {
		return append([]string{"schema"}, rest[3:]...)
	}
	if len(rest) >= 3 && rest[0] == "headers" && rest[2] == "schema" {
		return append([]string{"headers", rest[1]}, rest[3:]...)
	}
	return rest
}

// securitySchemeTail folds OpenAPI 3 flows back into the flat 2.0 scheme:
// flows/implicit/scopes/x -> scopes/x, and the http scheme's "scheme" field
// into "type".
func securitySchemeTail(rest []string) []string {
	if len(rest) >= 2 && rest[0] == "flows" {
		if len(rest) == 2 {
			return []string{"flow"}
		}
		switch rest[2] {
		case "authorizationUrl", "tokenUrl", "scopes":
			return rest[2:]
		}
		return []string{"flow"}
	}
	if len(rest) == 1 && rest[0] == "scheme" {
		return []string{"type"}
	}
	return rest
}

// v3FlowNames maps the OpenAPI 3 names of OAuth2 flows, often written in
// 2.0 documents by mistake, to the 2.0 names.
var v3FlowNames = map[string]string{
	"authorizationCode": "accessCode",
	"clientCredentials": "application",
}

// repairV2 mends what the 2.0 to 3 conversion refuses and would lose the
// whole document over: an OAuth2 scheme with no flow or a flow named the
// OpenAPI 3 way, and a host written with a scheme or a path. Each repair
// is recorded for OAS500, at the element as written.
func (d *Document) repairV2(doc2 *openapi2.T) {
	if d.rep == nil {
		return
	}
	at := func(msg string, tokens ...string) {
		loc := lint.Location{File: d.File, Line: 1, Column: 1, Pointer: Pointer(tokens...)}
		if t, err := d.tree(d.abs); err == nil {
			_, pos, _ := t.find(tokens)
			loc.Line, loc.Column = d.orig(d.abs, pos.line, pos.column)
		}
		if len(d.rep.list) < maxRepairs {
			d.rep.list = append(d.rep.list, Repair{Message: msg, Location: loc})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(doc2.SecurityDefinitions)) {
		s := doc2.SecurityDefinitions[name]
		if s == nil || s.Type != "oauth2" {
			continue
		}
		switch s.Flow {
		case "implicit", "password", "application", "accessCode":
			continue
		case "":
			s.Flow = guessFlow(s)
			at(fmt.Sprintf("oauth2 security scheme %s has no flow: Swagger 2.0 needs one of implicit, password, application, accessCode; read as %s", name, s.Flow),
				"securityDefinitions", name)
		default:
			was := s.Flow
			if v2, ok := v3FlowNames[was]; ok {
				s.Flow = v2
				at(fmt.Sprintf("oauth2 security scheme %s: flow %s is the OpenAPI 3 name; Swagger 2.0 calls it %s", name, was, v2),
					"securityDefinitions", name, "flow")
			} else {
				s.Flow = guessFlow(s)
				at(fmt.Sprintf("oauth2 security scheme %s: flow %q is not one of implicit, password, application, accessCode; read as %s", name, was, s.Flow),
					"securityDefinitions", name, "flow")
			}
		}
	}
	if h := doc2.Host; strings.Contains(h, "/") {
		host := h
		if _, rest, ok := strings.Cut(host, "://"); ok {
			host = rest
		}
		host, _, _ = strings.Cut(host, "/")
		doc2.Host = host
		at(fmt.Sprintf("host %q must be a host name (and port) only, with no scheme or path: read as %q", h, host), "host")
	}
}

// guessFlow picks the flow an OAuth2 scheme's URLs describe.
func guessFlow(s *openapi2.SecurityScheme) string {
	switch {
	case s.AuthorizationURL != "" && s.TokenURL != "":
		return "accessCode"
	case s.TokenURL != "":
		return "application"
	}
	return "implicit"
}
