package openapi

import (
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestPatternMaxLength(t *testing.T) {
	for pattern, want := range map[string]int{
		"^[A-Z]{3}$":             3,
		"^abc$":                  3,
		"^(true|false)$":         5,
		"^[a-z]{2}(-[A-Z]{2})?$": 5,
		"^sess_[A-Za-z0-9]{24}$": 29,
		"^a$|^bb$":               2,
		"(^x{1,4}$)":             4,
		"^.{0,5000}$":            1000, // read as {0,1000}: bounded, length underestimated
		"^[0-9]{1,3}$":           3,
	} {
		if got, ok := PatternMaxLength(pattern); !ok || got != want {
			t.Errorf("PatternMaxLength(%q) = %d, %v; want %d, true", pattern, got, ok, want)
		}
	}
	for _, pattern := range []string{
		"", "[A-Z]{3}", "^[A-Z]{3}", "[A-Z]{3}$", "^[a-z]+$", "^.*$", "^a{2,}$",
		"^a$|b", "^(?=.*[A-Z]).{8,64}$", `^(a)\1$`, "^.{1,5000}x*$",
	} {
		if n, ok := PatternMaxLength(pattern); ok {
			t.Errorf("PatternMaxLength(%q) = %d, true; want false", pattern, n)
		}
	}
}

func TestNames(t *testing.T) {
	for name, want := range map[string]string{
		"max_tokens": "maxtokens", "maxTokens": "maxtokens", "Max-Tokens": "maxtokens", "$top": "top",
	} {
		if got := NameKey(name); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string][]string{
		"maxOutputTokens": {"max", "output", "tokens"}, "max_output_tokens": {"max", "output", "tokens"},
		"HTTPTimeout": {"http", "timeout"}, "page2Size": {"page2", "size"}, "X-RateLimit-Reset": {"x", "rate", "limit", "reset"},
	} {
		if got := Words(name); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", name, got, want)
		}
	}
	names := NameKeys(DefaultModelCostNames())
	for name, want := range map[string]bool{
		"max_tokens": true, "maxTokens": true, "max_prompt_tokens": true, "token_limit": true,
		"thinkingTokenBudget": true, "n": true, "max_tokens_per_1_minute": false, "batch_1_day_max_input_tokens": false, "tokens": false, "token_type": false, "max_items": false,
	} {
		if got := ModelCostName(name, names); got != want {
			t.Errorf("ModelCostName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadOnly(t *testing.T) {
	for desc, want := range map[string]bool{
		"Output only. The time the job ended.": true,
		"[Output Only] Server-defined URL.":    true,
		"The size in bytes. Read-only.":        true,
		"Read-only. Nullable.":                 true,
		"This property is read-only.":          true,
		"Read-only when isBuiltIn is true.":    false,
		"A read-only replica to query.":        false,
		"The output only makes sense if set.":  false,
	} {
		if got := ReadOnly(&openapi3.Schema{Description: desc}); got != want {
			t.Errorf("ReadOnly(%q) = %v, want %v", desc, got, want)
		}
	}
}

const inputsDoc = `
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /items/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {$ref: "#/components/schemas/Id"}}
    get:
      parameters:
        - name: created
          in: query
          schema:
            anyOf:
              - {type: object, properties: {gte: {type: integer}}}
              - {type: integer}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
    put:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Item"}
      responses:
        "200": {description: ok}
components:
  schemas:
    Id: {type: string}
    Text: {type: string}
    Item:
      type: object
      properties:
        id: {$ref: "#/components/schemas/Id"}
        title:
          allOf:
            - $ref: "#/components/schemas/Text"
            - maxLength: 100
        etag: {type: string, readOnly: true}
        owner:
          type: object
          description: Output only. Who owns it.
          properties:
            name: {type: string}
    Unused: {type: string}
`

func TestInputs(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(inputsDoc))
	if err != nil {
		t.Fatal(err)
	}
	in := NewInputs(doc)
	byPtr := map[string]*Schema{}
	for _, s := range Schemas(doc) {
		byPtr[s.Pointer] = s
	}
	get := func(ptr string) *Schema {
		t.Helper()
		s := byPtr[ptr]
		if s == nil {
			t.Fatalf("no schema at %s", ptr)
		}
		return s
	}
	for ptr, want := range map[string]Site{
		"/components/schemas/Id":                                    InPath | InBody,
		"/components/schemas/Item":                                  InBody,
		"/components/schemas/Item/properties/etag":                  0,
		"/components/schemas/Item/properties/owner":                 0,
		"/components/schemas/Item/properties/owner/properties/name": 0,
		"/components/schemas/Unused":                                0,
		"/paths/~1items~1{id}/get/parameters/0/schema/anyOf/1":      InQuery,
	} {
		if got := in.Sites(get(ptr).S); got != want {
			t.Errorf("Sites(%s) = %b, want %b", ptr, got, want)
		}
	}
	if got := in.Names(get("/components/schemas/Id").S); !slices.Equal(got, []string{"id"}) {
		t.Errorf("Names(Id) = %q", got)
	}
	for ptr, want := range map[string]string{
		"/paths/~1items~1{id}/get/parameters/0/schema":                        `query parameter "created" of get /items/{id}`,
		"/paths/~1items~1{id}/get/parameters/0/schema/anyOf/0/properties/gte": `query parameter "created" of get /items/{id} anyOf[0] .gte`,
		"/components/schemas/Item/properties/title":                           "schema Item.title",
	} {
		if got := in.Name(get(ptr)); got != want {
			t.Errorf("Name(%s) = %q, want %q", ptr, got, want)
		}
	}
	maxLength := func(s *openapi3.Schema) bool { return s.MaxLength != nil }
	if !in.Holds(get("/components/schemas/Text").S, maxLength) {
		t.Error("Text is only sent as a part of a length-limited allOf: want Holds")
	}
	if in.Holds(get("/components/schemas/Id").S, maxLength) {
		t.Error("Id has no length limit: want !Holds")
	}
}

func TestHolds(t *testing.T) {
	max := func(s *openapi3.Schema) bool { return s.Max != nil }
	ten := 10.0
	bounded := &openapi3.Schema{Type: &openapi3.Types{"integer"}, Max: &ten}
	open := &openapi3.Schema{Type: &openapi3.Types{"integer"}}
	null := &openapi3.Schema{Type: &openapi3.Types{"null"}}
	ref := func(s *openapi3.Schema) *openapi3.SchemaRef { return &openapi3.SchemaRef{Value: s} }
	for name, c := range map[string]struct {
		s    *openapi3.Schema
		want bool
	}{
		"itself":         {bounded, true},
		"allOf part":     {&openapi3.Schema{AllOf: openapi3.SchemaRefs{ref(open), ref(bounded)}}, true},
		"every oneOf":    {&openapi3.Schema{OneOf: openapi3.SchemaRefs{ref(bounded), ref(null)}}, true},
		"one anyOf open": {&openapi3.Schema{AnyOf: openapi3.SchemaRefs{ref(bounded), ref(open)}}, false},
		"nothing":        {open, false},
	} {
		if got := Holds(c.s, max); got != c.want {
			t.Errorf("%s: Holds = %v, want %v", name, got, c.want)
		}
	}
}

// TestNavigationPropertiesNotSent checks that Microsoft Graph's navigation
// properties (x-ms-navigationProperty: true) are not request input: clients
// change relationships through their own paths.
func TestNavigationPropertiesNotSent(t *testing.T) {
	doc := loadString(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /users/{id}:
    patch:
      parameters: [{name: id, in: path, required: true, schema: {type: string, maxLength: 36}}]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/user"}
      responses: {"204": {description: ok}}
components:
  schemas:
    user:
      type: object
      properties:
        displayName: {type: string}
        memberOf:
          type: array
          items: {type: string}
          x-ms-navigationProperty: true
`).T
	in := NewInputs(doc)
	props := doc.Components.Schemas["user"].Value.Properties
	if in.Sites(props["displayName"].Value)&InBody == 0 {
		t.Error("displayName: not request input")
	}
	if in.Sites(props["memberOf"].Value) != 0 {
		t.Error("memberOf, a navigation property, counted as request input")
	}
	if d, ok := in.Depth(props["displayName"].Value); !ok || d != 1 {
		t.Errorf("displayName depth = %d, %v; want 1", d, ok)
	}
}
