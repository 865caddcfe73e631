package openapi

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

const redirectsDoc = `openapi: 3.0.3
info: {title: redirects, version: "1"}
paths:
  /login/start:
    get:
      responses:
        "302": {description: to the identity provider}
  /logout:
    get:
      responses:
        "200": {description: signed out, headers: {Location: {schema: {type: string}}}}
        "303": {description: back to the application}
  /oauth/authorize:
    get:
      responses:
        "200":
          description: the sign-in page
          content: {text/html: {schema: {type: string}}}
        "307": {description: to the callback}
  /invitations/accept:
    get:
      summary: Accept an invitation
      description: Redirects the user to the sign-up page with the invitation filled in.
      responses:
        "200": {description: OK}
  /redirect-uris:
    get:
      description: Lists the redirect URIs of the application.
      responses:
        "200": {description: OK}
  /files/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: the file's metadata
          content: {application/json: {schema: {type: object}}}
        "302": {description: the file's content, elsewhere}
  /connect/authorize:
    get:
      parameters:
        - {name: response_type, in: query, required: true, schema: {type: string}}
        - {name: clientId, in: query, required: true, schema: {type: string}}
      responses:
        "200": {description: OK}
  /cached:
    get:
      responses:
        "200": {description: OK}
        "304": {description: not modified}
  /sign-out:
    post:
      responses:
        "302": {description: to the home page}
`

func TestBrowserRedirect(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(redirectsDoc))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"get /login/start":        "its responses are redirects",
		"get /logout":             "its responses are redirects",                   // a 200 with no body beside the 303
		"get /oauth/authorize":    "its responses are redirects",                   // the 200 is an HTML page
		"get /invitations/accept": "its description says it redirects the browser", // said in prose
		"get /redirect-uris":      "",                                              // "redirect URIs" names a field
		"get /files/{id}":         "",                                              // a JSON body beside the redirect
		"get /cached":             "",                                              // 304 is no redirect
		"get /connect/authorize":  "",                                              // an authorization request, but it says nothing of redirects
		"post /sign-out":          "",                                              // a form post, not a navigation
	}
	for _, op := range Operations(doc) {
		key := op.Method + " " + op.Path
		w, ok := want[key]
		if !ok {
			t.Fatalf("unexpected operation %s", key)
		}
		if got := BrowserRedirect(op); got != w {
			t.Errorf("BrowserRedirect(%s) = %q, want %q", key, got, w)
		}
	}
}

func TestAuthorizationRequest(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(redirectsDoc))
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range Operations(doc) {
		want := op.Path == "/connect/authorize"
		if got := AuthorizationRequest(op); got != want {
			t.Errorf("AuthorizationRequest(%s %s) = %v, want %v", op.Method, op.Path, got, want)
		}
	}
}
