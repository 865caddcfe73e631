package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Describe names the element at a pointer the way a reader of the document
// would, for messages:
//
//	/components/schemas/Pet/properties/name                    -> schema Pet.name
//	/paths/~1pets/post/requestBody/content/application~1json/schema/properties/tags/items
//	                                                          -> post /pets request body .tags[]
//	/paths/~1pets/get/parameters/0/schema                      -> get /pets parameter #0
//	/paths/~1pets/get/responses/200/content/.../schema         -> get /pets response 200 body
//
// Pointers it does not recognise are returned as they are.
func Describe(ptr string) string {
	tok := Split(ptr)
	var head string
	var rest []string
	switch {
	case len(tok) >= 3 && tok[0] == "components":
		kind := strings.TrimSuffix(tok[1], "s")
		switch tok[1] {
		case "securitySchemes":
			kind = "security scheme"
		case "requestBodies":
			kind = "request body"
		}
		head, rest = kind+" "+tok[2], tok[3:]
	case len(tok) >= 3 && tok[0] == "paths":
		head, rest = tok[2]+" "+tok[1], tok[3:]
		if tok[2] == "parameters" {
			head, rest = "path "+tok[1], tok[2:]
		}
	case len(tok) >= 1:
		// A schema defined in another file: "Pet" for schemas.yaml#/Pet.
		head, rest = tok[0], tok[1:]
	default:
		return "document root"
	}
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		switch {
		case t == "requestBody":
			b.WriteString(" request body")
		case t == "responses" && i+1 < len(rest):
			b.WriteString(" response " + rest[i+1])
			i++
		case t == "parameters" && i+1 < len(rest):
			b.WriteString(" parameter #" + rest[i+1])
			i++
		case t == "headers" && i+1 < len(rest):
			b.WriteString(" header " + rest[i+1])
			i++
		case t == "content" && i+1 < len(rest):
			i++ // the media type rarely helps the reader
		case t == "schema":
		case t == "properties" && i+1 < len(rest):
			b.WriteString(" ." + rest[i+1])
			i++
		case t == "items":
			b.WriteString("[]")
		case t == "additionalProperties":
			b.WriteString("{*}")
		case (t == "allOf" || t == "anyOf" || t == "oneOf") && i+1 < len(rest):
			b.WriteString(" " + t + "[" + rest[i+1] + "]")
			i++
		default:
			b.WriteString(" " + t)
		}
	}
	s := b.String()
	// "schema Pet .name .tag" reads better as "schema Pet.name.tag".
	if strings.HasPrefix(head, "schema ") {
		s = head + strings.ReplaceAll(s[len(head):], " .", ".")
	}
	return s
}

// agentExtensionPrefixes mark a document written for AI agents: OpenAI GPT
// actions, MCP tool servers and similar agent tool catalogues.
var agentExtensionPrefixes = []string{"x-openai-", "x-mcp", "x-agent", "x-llm", "x-ai-", "x-gpt-", "x-tool"}

// IsAgentExtension reports whether an extension key is one that agent
// platforms read.
func IsAgentExtension(key string) bool {
	k := strings.ToLower(key)
	for _, p := range agentExtensionPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// AgentFacing reports whether the document is written for AI agents: an
// agent extension on the root, the info object, a path item or an operation.
func AgentFacing(t *openapi3.T) bool {
	has := func(ext map[string]any) bool {
		return slices.ContainsFunc(slices.Collect(maps.Keys(ext)), IsAgentExtension)
	}
	if has(t.Extensions) || (t.Info != nil && has(t.Info.Extensions)) {
		return true
	}
	for _, op := range Operations(t) {
		if has(op.Op.Extensions) || has(op.Item.Extensions) {
			return true
		}
	}
	return false
}

// OperationList names operations for a message: "get /pets", or
// "get /pets and 3 more"; "" when there are none.
func OperationList(ops []Operation) string {
	switch len(ops) {
	case 0:
		return ""
	case 1:
		return ops[0].Method + " " + ops[0].Path
	}
	return fmt.Sprintf("%s %s and %d more", ops[0].Method, ops[0].Path, len(ops)-1)
}

// UsedBy says which operations use an element: "used by get /pets and 3
// more", or "unused".
func UsedBy(ops []Operation) string {
	if len(ops) == 0 {
		return "unused"
	}
	return "used by " + OperationList(ops)
}
