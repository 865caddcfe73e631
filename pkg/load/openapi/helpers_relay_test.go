package openapi

import (
	"slices"
	"testing"
)

func TestRelayOf(t *testing.T) {
	const call = `
paths:
  /chat:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Chat"}
      responses: {"200": {description: ok}}
  /keys:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Key"}
      responses: {"200": {description: ok}}
components:
  schemas:
    Key:
      type: object
      properties:
        provider: {$ref: "#/components/schemas/Provider"}
        secret: {type: string}
    Chat:
      allOf:
        - type: object
          properties:
            model: {type: string}
        - type: object
          properties:
            messages:
              type: array
              items: {$ref: "#/components/schemas/Part"}
    Part:
      type: object
      properties:
        image_url: {type: string}
`
	for _, tc := range []struct {
		name, head, providers string
		relay                 bool
	}{
		{"providers in prose", "info: {title: g, version: '1', description: 'OpenAI-compatible, served by Anthropic or Groq.'}\n", "", true},
		// Cloud names count only as enum values.
		{"providers in an enum", "info: {title: g, version: '1'}\n", "[google, azure]", true},
		{"one provider", "info: {title: g, version: '1', description: 'An OpenAI-compatible server for the models it runs.'}\n", "", false},
		{"clouds in prose", "info: {title: g, version: '1', description: 'Runs on Google Cloud or Azure.'}\n", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "openapi: 3.0.3\n" + tc.head + call
			if tc.providers != "" {
				src += "    Provider: {type: string, enum: " + tc.providers + "}\n"
			} else {
				src += "    Provider: {type: string}\n"
			}
			d := loadString(t, src)
			r := RelayOf(d.T)
			if (r != nil) != tc.relay {
				t.Fatalf("RelayOf = %v, want relay %v", r, tc.relay)
			}
			if r == nil {
				return
			}
			chat := d.T.Components.Schemas["Chat"].Value
			part := d.T.Components.Schemas["Part"].Value
			key := d.T.Components.Schemas["Key"].Value
			if !r.InCall(chat) || !r.InCall(part) || !r.InCall(part.Properties["image_url"].Value) {
				t.Errorf("the model call and its parts are not InCall")
			}
			if r.InCall(key) {
				t.Errorf("a request that is no model call is InCall")
			}
			if len(r.Providers) < 2 || !slices.IsSorted(r.Providers) {
				t.Errorf("Providers = %v", r.Providers)
			}
		})
	}
	// No model call: not a relay, whatever it names.
	d := loadString(t, "openapi: 3.0.3\ninfo: {title: g, version: '1', description: 'Keys for OpenAI and Anthropic.'}\npaths: {}\n")
	if r := RelayOf(d.T); r != nil {
		t.Errorf("RelayOf without a model call = %+v", r)
	}
}
