package openapi

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		method, path, id, summary string
		kind                      ActionKind
		word                      string
	}{
		{"get", "/bookings", "listBookings", "", ActionRead, "list"},
		{"get", "/bookings/{id}/cancel", "cancelBooking", "", ActionDestructive, "cancel"},
		{"get", "/bookings/{id}", "Bookings_Cancel", "", ActionDestructive, "cancel"},
		{"post", "/payments", "createPayment", "", ActionMoney, "payment"},
		{"post", "/orders", "", "Place it", ActionMoney, "orders"},
		{"post", "/refunds", "refundPayment", "", ActionMoney, "refund"},
		{"post", "/flights/search", "searchFlights", "", ActionRead, "search"},
		{"post", "/messages", "", "Sends a message", ActionSideEffect, "send"},
		{"post", "/files/{id}", "", "Permanently deletes a file", ActionDestructive, "delete"},
		{"delete", "/files/{id}", "", "", ActionDestructive, ""},
		{"delete", "/files/{id}", "deleteFile", "", ActionDestructive, "delete"},
		{"put", "/profile", "updateProfile", "", ActionWrite, "update"},
		{"post", "/containers/{id}/kill", "ContainerKill", "", ActionDestructive, "kill"},
		// The method, not publishing.
		{"post", "/users", "postUsers", "", ActionWrite, ""},
		{"post", "/runs/{id}/events", "Events_Post", "Post event data", ActionWrite, ""},
		// Azure and Graph name the resource first and the verb last.
		{"post", "/runs/{id}/metrics", "RunMetrics_Post", "", ActionWrite, ""},
		{"get", "/users/{id}/mailFolders", "users.mailFolders.ListAttachments", "", ActionRead, "list"},
		{"post", "/v1/{name}:run", "datapipelines.projects.locations.pipelines.run", "", ActionSideEffect, "run"},
		// GETs that only look like actions.
		{"get", "/exec/{id}/json", "ExecInspect", "", ActionRead, "inspect"},
		{"get", "/v1/payouts", "PayoutAll", "", ActionRead, ""},
		{"get", "/email/history", "Email History", "Email History", ActionRead, ""},
		{"get", "/users/email", "userEmail", "Check a user email", ActionRead, "check"},
		{"get", "/orders/{id}", "getOrder", "", ActionRead, "get"},
		{"get", "/users/{id}/posts", "getUserPosts", "", ActionRead, "get"},
		// A PUT of a money resource changes it; it moves nothing.
		{"put", "/reservations/{id}", "UpdateReservation", "", ActionWrite, "update"},
	} {
		op := Operation{Method: tc.method, Path: tc.path, Op: &openapi3.Operation{OperationID: tc.id, Summary: tc.summary}}
		got := DefaultVerbs.Classify(op)
		if got.Kind != tc.kind || got.Word != tc.word {
			t.Errorf("%s %s %q %q: got %v %q, want %v %q", tc.method, tc.path, tc.id, tc.summary, got.Kind, got.Word, tc.kind, tc.word)
		}
	}
}

func TestMarks(t *testing.T) {
	op := &openapi3.Operation{Extensions: map[string]any{
		"x-openai-isConsequential": "false",
		"x-mcp":                    map[string]any{"annotations": map[string]any{"readOnlyHint": true, "destructiveHint": false}},
	}}
	m := Marks(op)
	if m.Consequential == nil || *m.Consequential || m.ConsequentialKey != "x-openai-isConsequential" {
		t.Errorf("consequential = %v (%q)", m.Consequential, m.ConsequentialKey)
	}
	if m.ReadOnly == nil || !*m.ReadOnly || m.Destructive == nil || *m.Destructive || m.HintsKey != "x-mcp" {
		t.Errorf("hints = %v %v (%q)", m.ReadOnly, m.Destructive, m.HintsKey)
	}
	if m := Marks(&openapi3.Operation{Extensions: map[string]any{"x-mcp-annotations": "yes"}}); m.ReadOnly != nil || m.Consequential != nil {
		t.Errorf("malformed marks read as %+v", m)
	}
}

func TestRequirementKey(t *testing.T) {
	a := openapi3.SecurityRequirements{{"oauth": {"b", "a"}}, {"key": {}}}
	b := openapi3.SecurityRequirements{{"key": {}}, {"oauth": {"a", "b"}}, {"key": {}}}
	c := openapi3.SecurityRequirements{{"oauth": {"a"}}, {"key": {}}}
	if RequirementKey(a) != RequirementKey(b) {
		t.Errorf("%s != %s", RequirementKey(a), RequirementKey(b))
	}
	if RequirementKey(a) == RequirementKey(c) {
		t.Errorf("%s == %s", RequirementKey(a), RequirementKey(c))
	}
}

func TestDeclaredScopes(t *testing.T) {
	dir := t.TempDir()
	doc := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes:
            b:write: write
            a:read: read
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes:
            a:read: read
            c: other
`
	file := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d := load(t, file, Options{Root: dir})
	var got []string
	for _, s := range DeclaredScopes(d.T) {
		loc := d.Locate(s.Pointer, s.Origin, s.Field)
		got = append(got, fmt.Sprintf("%s %d:%d %s", s.Name, loc.Line, loc.Column, s.Pointer))
	}
	want := []string{
		"a:read 13:13 /components/securitySchemes/oauth/flows/clientCredentials/scopes/a:read",
		"b:write 12:13 /components/securitySchemes/oauth/flows/clientCredentials/scopes/b:write",
		"c 19:13 /components/securitySchemes/oauth/flows/authorizationCode/scopes/c",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
