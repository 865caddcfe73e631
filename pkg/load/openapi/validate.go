package openapi

import (
	"context"
	"errors"
	"reflect"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// Invalid is one way a document breaks the OpenAPI specification.
type Invalid struct {
	Message string
	Origin  *openapi3.Origin // nil when kin-openapi did not record one
}

// Validate checks the document against the OpenAPI specification, as far as
// kin-openapi knows it, and returns every problem it finds. Examples are not
// validated: they are documentation, and checking them against schemas is
// slow on large documents and says nothing about security.
func (d *Document) Validate(ctx context.Context) []Invalid {
	err := d.T.Validate(ctx, openapi3.EnableMultiError(), openapi3.DisableExamplesValidation())
	if err == nil {
		return nil
	}
	var out []Invalid
	var walk func(error)
	walk = func(e error) {
		var me openapi3.MultiError
		if errors.As(e, &me) && len(me) > 0 {
			if _, isMulti := e.(openapi3.MultiError); isMulti {
				for _, inner := range me {
					walk(inner)
				}
				return
			}
		}
		out = append(out, Invalid{Message: oneLine(e.Error()), Origin: originOf(e)})
	}
	walk(err)
	return slices.CompactFunc(out, func(a, b Invalid) bool { return a.Message == b.Message && a.Origin == b.Origin })
}

var originType = reflect.TypeFor[*openapi3.Origin]()

// originOf finds the most specific origin along an error chain: kin-openapi's
// typed validation errors carry an Origin field, context wrappers around
// them may too.
func originOf(err error) *openapi3.Origin {
	var found *openapi3.Origin
	for e := err; e != nil; e = errors.Unwrap(e) {
		v := reflect.ValueOf(e)
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				break
			}
			v = v.Elem()
		}
		if v.Kind() == reflect.Struct {
			if f := v.FieldByName("Origin"); f.IsValid() && f.Type() == originType && !f.IsNil() {
				o := f.Interface().(*openapi3.Origin)
				if o.Key != nil {
					found = o
				}
			}
		}
	}
	return found
}
