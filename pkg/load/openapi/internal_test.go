package openapi

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestInternal checks where x-internal marks an operation: on itself, on
// its path item, on a tag it carries; and that false, another tag or no
// mark at all leaves it published.
func TestInternal(t *testing.T) {
	yes := map[string]any{"x-internal": true}
	doc := &openapi3.T{Tags: openapi3.Tags{
		{Name: "ops", Extensions: yes},
		{Name: "public"},
	}}
	cases := []struct {
		name string
		op   Operation
		want bool
	}{
		{"operation", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{Extensions: yes}}, true},
		{"path item", Operation{Item: &openapi3.PathItem{Extensions: yes}, Op: &openapi3.Operation{}}, true},
		{"tag", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{Tags: []string{"public", "ops"}}}, true},
		{"string true", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{Extensions: map[string]any{"x-internal": "true"}}}, true},
		{"false", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{Extensions: map[string]any{"x-internal": false}}}, false},
		{"other tag", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{Tags: []string{"public"}}}, false},
		{"unmarked", Operation{Item: &openapi3.PathItem{}, Op: &openapi3.Operation{}}, false},
	}
	for _, c := range cases {
		if got := Internal(doc, c.op); got != c.want {
			t.Errorf("%s: Internal = %v, want %v", c.name, got, c.want)
		}
	}
}
