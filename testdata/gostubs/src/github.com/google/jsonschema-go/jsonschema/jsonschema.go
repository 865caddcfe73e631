// Stub of github.com/google/jsonschema-go/jsonschema, checked against v0.4.3.
package jsonschema

type Schema struct {
	Type        string
	Description string
	Properties  map[string]*Schema
	Required    []string
	MaxLength   *int
	MaxItems    *int
	Items       *Schema
	Pattern     string
	Enum        []any
}

type ResolveOptions struct{}

type Resolved struct{}

func (s *Schema) Resolve(opts *ResolveOptions) (*Resolved, error) { return nil, nil }
func (rs *Resolved) Validate(instance any) error                  { return nil }
