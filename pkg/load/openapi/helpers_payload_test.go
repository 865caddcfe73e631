package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

const payloadDoc = `openapi: 3.0.3
info:
  title: Prose
  version: "1"
  description: info text
servers:
  - url: https://api.example.com
    description: server text
    variables:
      region: {default: eu, description: variable text}
tags:
  - name: pets
    description: tag text
    externalDocs: {url: https://docs.example.com, description: tag docs text}
paths:
  /pets:
    summary: path summary
    get:
      summary: get summary
      description: get text
      parameters:
        - $ref: "#/components/parameters/Limit"
      responses:
        "200": {$ref: "#/components/responses/Pets"}
    post:
      parameters:
        - $ref: "#/components/parameters/Limit"
      requestBody: {$ref: "#/components/requestBodies/Pet"}
      responses:
        "200": {$ref: "#/components/responses/Pets"}
        "400":
          description: bad text
          content:
            application/json:
              example: {error: example text, nested: [deep text]}
  /pets/{id}:
    put:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody: {$ref: "#/components/requestBodies/Pet"}
      responses:
        "204": {description: done}
components:
  parameters:
    Limit: {name: limit, in: query, description: param text, schema: {type: integer}}
    Unused: {name: unused, in: query, description: unused param text, schema: {type: integer}}
  requestBodies:
    Pet:
      description: body text
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Pet"}
          examples:
            one: {$ref: "#/components/examples/One"}
  responses:
    Pets:
      description: response text
      headers:
        X-Rate: {$ref: "#/components/headers/Rate"}
  headers:
    Rate: {description: header text, schema: {type: integer}}
  examples:
    One: {summary: example summary text, value: {name: example value text}}
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key, description: scheme text}
  schemas:
    Pet:
      title: schema title text
      type: object
      properties:
        name: {type: string, description: property text, example: property example text}
`

func loadString(t *testing.T, doc string) *Document {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	return load(t, path, Options{Root: dir})
}

func TestTexts(t *testing.T) {
	d := loadString(t, payloadDoc)
	got := map[string]string{} // value -> where ptr field
	for _, txt := range Texts(d.T) {
		key := txt.Value
		if _, dup := got[key]; dup {
			t.Errorf("%q visited twice", key)
		}
		got[key] = txt.Where + " | " + txt.Pointer + " | " + txt.Field
	}
	want := map[string]string{
		"Prose":                   "info | /info | title",
		"info text":               "info | /info | description",
		"server text":             `server "https://api.example.com" | /servers/0 | description`,
		"variable text":           `server "https://api.example.com" variable "region" | /servers/0/variables/region | description`,
		"tag text":                `tag "pets" | /tags/0 | description`,
		"tag docs text":           `tag "pets" external docs | /tags/0/externalDocs | description`,
		"path summary":            "path /pets | /paths/~1pets | summary",
		"get summary":             "get /pets | /paths/~1pets/get | summary",
		"get text":                "get /pets | /paths/~1pets/get | description",
		"param text":              `query parameter "limit" | /components/parameters/Limit | description`,
		"unused param text":       `query parameter "unused" | /components/parameters/Unused | description`,
		"body text":               "request body Pet | /components/requestBodies/Pet | description",
		"response text":           "response Pets | /components/responses/Pets | description",
		"header text":             "header Rate | /components/headers/Rate | description",
		"bad text":                "post /pets response 400 | /paths/~1pets/post/responses/400 | description",
		"example text\ndeep text": "post /pets response 400 application/json | /paths/~1pets/post/responses/400/content/application~1json | example",
		"example summary text":    "example One | /components/examples/One | summary",
		"example value text":      "example One | /components/examples/One | value",
		"scheme text":             "security scheme key | /components/securitySchemes/key | description",
		"schema title text":       "schema Pet | /components/schemas/Pet | title",
		"property text":           "schema Pet.name | /components/schemas/Pet/properties/name | description",
		"property example text":   "schema Pet.name | /components/schemas/Pet/properties/name | example",
		"done":                    "put /pets/{id} response 204 | /paths/~1pets~1{id}/put/responses/204 | description",
	}
	for v, w := range want {
		if got[v] != w {
			t.Errorf("text %q: got %q, want %q", v, got[v], w)
		}
	}
	for v := range got {
		if _, ok := want[v]; !ok {
			t.Errorf("unexpected text %q at %s", v, got[v])
		}
	}
}

func TestRequestBodiesAndResponses(t *testing.T) {
	d := loadString(t, payloadDoc)
	bodies := RequestBodies(d.T)
	if len(bodies) != 1 || bodies[0].Pointer != "/components/requestBodies/Pet" || len(bodies[0].Users) != 2 {
		t.Fatalf("RequestBodies = %+v, want Pet once, used twice", bodies)
	}
	var got []string
	for _, r := range Responses(d.T) {
		got = append(got, r.Pointer+" "+r.Status+" "+itoa(len(r.Users)))
	}
	want := []string{
		"/components/responses/Pets 200 2",
		"/paths/~1pets/post/responses/400 400 1",
		"/paths/~1pets~1{id}/put/responses/204 204 1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Responses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSnakeName(t *testing.T) {
	for in, want := range map[string]string{
		"systemPrompt": "system_prompt", "System-Prompt": "system_prompt", "is_admin": "is_admin",
		"isAdmin": "is_admin", "maxTokens": "max_tokens", "": "",
	} {
		if got := SnakeName(in); got != want {
			t.Errorf("SnakeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnconstrained(t *testing.T) {
	yes, no := true, false
	max := uint64(3)
	for name, tc := range map[string]struct {
		s    *openapi3.Schema
		want bool
	}{
		"nil":         {nil, true},
		"empty":       {&openapi3.Schema{}, true},
		"annotations": {&openapi3.Schema{Description: "d", Example: 1, ReadOnly: true, Nullable: true}, true},
		"true":        {&openapi3.Schema{Always: &yes}, true},
		"false":       {&openapi3.Schema{Always: &no}, false},
		"typed":       {&openapi3.Schema{Type: &openapi3.Types{"string"}}, false},
		"maxLength":   {&openapi3.Schema{MaxLength: &max}, false},
		"format":      {&openapi3.Schema{Format: "uuid"}, false},
		"enum":        {&openapi3.Schema{Enum: []any{"a"}}, false},
		"closed":      {&openapi3.Schema{AdditionalProperties: openapi3.AdditionalProperties{Has: &no}}, false},
	} {
		if got := Unconstrained(tc.s); got != tc.want {
			t.Errorf("%s: Unconstrained = %v, want %v", name, got, tc.want)
		}
	}
}
