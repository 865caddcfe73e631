package openapi

import (
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	for ptr, want := range map[string]string{
		"/components/schemas/Pet/properties/name":                                               "schema Pet.name",
		"/components/schemas/Pet/properties/tags/items":                                         "schema Pet.tags[]",
		"/paths/~1pets/post/requestBody/content/application~1json/schema/properties/tags/items": "post /pets request body .tags[]",
		"/paths/~1pets/get/parameters/0/schema":                                                 "get /pets parameter #0",
		"/paths/~1pets/get/responses/200/content/application~1json/schema":                      "get /pets response 200",
		"/paths/~1pets/get/responses/200/headers/X-Rate-Limit/schema":                           "get /pets response 200 header X-Rate-Limit",
		"/components/securitySchemes/oauth":                                                     "security scheme oauth",
		"/Pet/properties/name":                                                                  "Pet .name",
		"/components/schemas/Pet/additionalProperties":                                          "schema Pet{*}",
		"/paths/~1pets~1{id}/parameters/0":                                                      "path /pets/{id} parameter #0",
		"":                                                                                      "document root",
		"/components/requestBodies/Order/content/application~1json/schema/properties/lines/items/0": "request body Order .lines[] 0",
	} {
		if got := Describe(ptr); got != want {
			t.Errorf("Describe(%q) = %q, want %q", ptr, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"nextPageToken":   "next page token",
		"next_page_token": "next page token",
		"Next-Page-Token": "next page token",
		"APIKey":          "api key",
		"HTTPProxy":       "http proxy",
		"v2Token":         "v2 token",
		"max_tokens":      "max tokens",
		"":                "",
	} {
		if got := strings.Join(Words(in), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
