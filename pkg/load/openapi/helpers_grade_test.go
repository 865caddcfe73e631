package openapi

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestStatedLimit(t *testing.T) {
	for d, want := range map[string]bool{
		"The file, at most 64 MB.":                 true,
		"Up to 5000 characters.":                   true,
		"maxLength: 17":                            true,
		"Maximum length 255.":                      true,
		"Set of 16 key-value pairs.":               true,
		"Between 1 and 100 items.":                 true,
		"The customer's name.":                     false,
		"Version 2 of the API.":                    false,
		"Identifies the maximum effort.":           false,
		"":                                         false,
		"A description of the product, in 2 ways.": false,
	} {
		if got := StatedLimit(d); got != want {
			t.Errorf("StatedLimit(%q) = %v, want %v", d, got, want)
		}
	}
}

func TestFreeTextAndLastName(t *testing.T) {
	for name, want := range map[string]bool{
		"description": true, "releaseNotes": true, "message_body": true, "comment": true, "title": true,
		"name": false, "secretName": false, "customer_id": false, "currency": false, "": false,
	} {
		if got := FreeText(name); got != want {
			t.Errorf("FreeText(%q) = %v, want %v", name, got, want)
		}
	}
	for described, want := range map[string]string{
		"post /x request body .items[] .comment": "comment",
		"schema Note":                            "Note",
		"schema Req.input oneOf[0]":              "input",
		"post /v1/messages request body .body":   "body",
		"schema PaymentRequest.metadata{*}":      "metadata",
	} {
		if got := LastName(described); got != want {
			t.Errorf("LastName(%q) = %q, want %q", described, got, want)
		}
	}
}

func TestCopies(t *testing.T) {
	var c Copies
	if first, ok := c.First("k", "post /a request body .expand"); !ok || first != "post /a request body .expand" {
		t.Errorf("first element: %q, %v", first, ok)
	}
	if first, ok := c.First("k", "post /b request body .expand"); ok || first != "post /a request body .expand" {
		t.Errorf("copy: %q, %v; want the first's name and false", first, ok)
	}
	if _, ok := c.First("other", "post /b request body .metadata"); !ok {
		t.Error("a different key is a first element")
	}
}

// TestOptionalThroughout checks when a document makes authentication
// optional everywhere: every requirement list it writes is [] or offers {}
// beside a real scheme, two or more of them do, and none requires a scheme
// without the alternative.
func TestOptionalThroughout(t *testing.T) {
	const opt = "security: [{token: []}, {}]"
	for name, tc := range map[string]struct {
		top, a, b string
		want      bool
	}{
		"each operation":        {"", opt, opt, true},
		"top and one operation": {opt, opt, "", true},
		"one beside []":         {"", opt, "security: []", false},
		"one strict":            {"", opt, "security: [{token: []}]", false},
		"strict top":            {"security: [{token: []}]", opt, opt, false},
		"only {}":               {"", "security: [{}]", "security: [{}]", false},
	} {
		doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n" + tc.top + "\npaths:\n" +
			"  /a:\n    post:\n      " + tc.a + "\n      responses: {'204': {description: ok}}\n" +
			"  /b:\n    post:\n      " + tc.b + "\n      responses: {'204': {description: ok}}\n" +
			"components:\n  securitySchemes:\n    token: {type: apiKey, in: header, name: X-Token}\n"
		loaded, err := openapi3.NewLoader().LoadFromData([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := optionalThroughout(loaded); got != tc.want {
			t.Errorf("%s: optionalThroughout = %v, want %v", name, got, tc.want)
		}
	}
}
