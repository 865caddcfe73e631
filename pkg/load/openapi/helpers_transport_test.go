package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// transportDoc loads a document written inline.
func transportDoc(t *testing.T, src string) *Document {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	v, ok := Sniff([]byte(src))
	if !ok {
		t.Fatal("not an OpenAPI document")
	}
	d, err := Load(t.Context(), path, v, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTransportServers(t *testing.T) {
	d := transportDoc(t, `openapi: 3.0.3
info: {title: t, version: "1"}
servers:
  - url: "{scheme}://{region}.api.example.com/{v}"
    variables:
      scheme: {default: https, enum: [https, http]}
      region: {default: eu}
  - url: /v1
paths:
  /a:
    get:
      responses: {"200": {description: ok}}
  /b:
    servers:
      - url: https://b.example.com
    get:
      responses: {"200": {description: ok}}
    post:
      servers:
        - url: https://post-b.example.com
      responses: {"200": {description: ok}}
`)
	var got []string
	for _, s := range Servers(d.T) {
		var users []string
		for _, op := range s.Users {
			users = append(users, op.Method+" "+op.Path)
		}
		got = append(got, s.Pointer+" "+strings.Join(s.URLs(), ",")+" <- "+strings.Join(users, ","))
	}
	want := []string{
		"/servers/0 https://eu.api.example.com/{v},http://eu.api.example.com/{v} <- get /a",
		"/servers/1 /v1 <- get /a",
		"/paths/~1b/servers/0 https://b.example.com <- get /b",
		"/paths/~1b/post/servers/0 https://post-b.example.com <- post /b",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Servers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTransportParseServerURL(t *testing.T) {
	for in, want := range map[string]ServerURL{
		"https://API.Example.com:8443/v1": {Scheme: "https", Host: "api.example.com", Port: "8443"},
		"http://[::1]:8080":               {Scheme: "http", Host: "::1", Port: "8080"},
		"api.example.com/v1":              {Host: "api.example.com"},
		"//api.example.com/v1":            {Host: "api.example.com"},
		"/v1":                             {},
		"":                                {},
		"https://{host}/v1":               {Scheme: "https", Host: "{host}"},
		"http://user:pw@internal.corp/":   {Scheme: "http", Host: "internal.corp"},
	} {
		if got := ParseServerURL(in); got != want {
			t.Errorf("ParseServerURL(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestTransportLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "api.localhost": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true,
		"[::1]": true, "0.0.0.0": true, "::": true,
		"localhost.example.com": false, "10.0.0.1": false, "api.example.com": false, "": false,
	} {
		if got := LoopbackHost(host); got != want {
			t.Errorf("LoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestTransportLiterals(t *testing.T) {
	d := transportDoc(t, `openapi: 3.0.3
info: {title: t, version: "1", description: about}
servers:
  - url: https://api.example.com
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key, description: send it}
  parameters:
    Unused: {name: u, in: query, example: eu, schema: {type: string}}
  examples:
    One: {value: {a: 1}}
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string, default: rex, example: max}
paths:
  /pets:
    post:
      x-codeSamples: [{lang: curl, source: curl}]
      parameters:
        - {name: limit, in: query, example: 10, x-example: 20, schema: {type: integer}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
            examples:
              one: {$ref: "#/components/examples/One"}
      responses:
        "200":
          description: ok
          headers:
            X-Rate: {schema: {type: integer}, example: 5}
`)
	var got []string
	for _, l := range Literals(d.T) {
		got = append(got, l.Element()+" "+l.Field)
	}
	for _, w := range []string{
		"info description", "servers 0 url", "security scheme key description",
		"post /pets x-codeSamples", "example One value", `header "X-Rate" example`,
		"post /pets response 200 description", `query parameter "limit" example`,
		`query parameter "limit" x-example`, `query parameter "u" example`,
		"schema Pet.name default", "schema Pet.name example",
	} {
		if !slices.Contains(got, w) {
			t.Errorf("Literals has no %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if n := len(got); n != len(slices.Compact(slices.Sorted(slices.Values(got)))) {
		t.Errorf("Literals lists an element twice:\n%s", strings.Join(got, "\n"))
	}
}
