package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// Rule options are structs with yaml tags (lint.Rule.Options). They are
// decoded here by reflection rather than by the yaml package, so that a
// mistake is reported with its line and key path in the words of this
// package, and so that the same walk over the struct can write the JSON
// schema and the starter file. Supported field types: string, bool, the
// integer and float types, slices of those, maps from string to those or to
// slices of them, and structs (nested, or embedded with `yaml:",inline"`).

// field is one option of a rule.
type field struct {
	Name  string // the yaml key
	Index []int  // for reflect.Value.FieldByIndex
	Type  reflect.Type
}

// fields lists the options of a struct type in declaration order, with the
// fields of inline structs in place. Fields without a yaml name, or with
// yaml:"-", are not options.
func fields(t reflect.Type) ([]field, error) {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		inline := slices.Contains(strings.Split(opts, ","), "inline")
		if tag == "-" || (!f.IsExported() && !(f.Anonymous && inline)) {
			continue
		}
		if inline {
			if f.Type.Kind() != reflect.Struct {
				return nil, fmt.Errorf("field %s: inline needs a struct", f.Name)
			}
			inner, err := fields(f.Type)
			if err != nil {
				return nil, err
			}
			for _, in := range inner {
				in.Index = append([]int{i}, in.Index...)
				out = append(out, in)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if err := supported(f.Type); err != nil {
			return nil, fmt.Errorf("field %s: %v", f.Name, err)
		}
		out = append(out, field{Name: name, Index: []int{i}, Type: f.Type})
	}
	for i, f := range out {
		if slices.ContainsFunc(out[:i], func(g field) bool { return g.Name == f.Name }) {
			return nil, fmt.Errorf("two fields are named %q", f.Name)
		}
	}
	return out, nil
}

func isScalar(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func supported(t reflect.Type) error {
	switch {
	case isScalar(t.Kind()):
		return nil
	case t.Kind() == reflect.Slice && isScalar(t.Elem().Kind()):
		return nil
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		return supported(t.Elem())
	case t.Kind() == reflect.Struct:
		_, err := fields(t)
		return err
	}
	return fmt.Errorf("type %s is not supported in options", t)
}

// CheckOptions reports whether a rule's Options can be configured: a
// pointer to a struct whose fields all have supported types. pkg/cli's
// tests call it for every registered rule.
func CheckOptions(options any) error {
	if options == nil {
		return nil
	}
	v := reflect.ValueOf(options)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("Options is %T, want a pointer to a struct", options)
	}
	_, err := fields(v.Elem().Type())
	return err
}

// decodeOptions decodes a mapping over a copy of the rule's current options
// and returns a pointer to the copy. Lists and maps replace the values they
// had; keys that are not written keep theirs.
func decodeOptions(p *parser, n *yaml.Node, where string, options any) (any, error) {
	if err := CheckOptions(options); err != nil {
		return nil, p.errorf(n, "%s: %v (a bug in the rule)", where, err)
	}
	cur := reflect.ValueOf(options).Elem()
	cp := reflect.New(cur.Type())
	cp.Elem().Set(cur)
	if err := p.decode(n, where, cp.Elem()); err != nil {
		return nil, err
	}
	return cp.Interface(), nil
}

// decode decodes one node into v, which it replaces (for lists and maps)
// or updates key by key (for structs).
func (p *parser) decode(n *yaml.Node, where string, v reflect.Value) error {
	n, err := p.resolve(n, where)
	if err != nil {
		return err
	}
	t := v.Type()
	switch {
	case t.Kind() == reflect.Struct:
		fs, _ := fields(t)
		handlers := map[string]func(k, v *yaml.Node) error{}
		for _, f := range fs {
			handlers[f.Name] = func(_, val *yaml.Node) error {
				return p.decode(val, join(where, f.Name), v.FieldByIndex(f.Index))
			}
		}
		return p.mapping(n, where, handlers)
	case t.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return p.errorf(n, "%s: want a list of %s, got %s", where, plural(t.Elem()), describe(n))
		}
		if len(n.Content) == 0 {
			v.Set(reflect.Zero(t)) // [] and an unset list mean the same: nil
			return nil
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, e := range n.Content {
			if err := p.decode(e, fmt.Sprintf("%s[%d]", where, i), s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case t.Kind() == reflect.Map:
		if n.Kind != yaml.MappingNode {
			return p.errorf(n, "%s: want a mapping, got %s", where, describe(n))
		}
		if len(n.Content) == 0 {
			v.Set(reflect.Zero(t))
			return nil
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, e := n.Content[i], n.Content[i+1]
			key, err := p.str(k, where)
			if err != nil {
				return err
			}
			if m.MapIndex(reflect.ValueOf(key).Convert(t.Key())).IsValid() {
				return p.errorf(k, "%s: %s is set twice", where, key)
			}
			elem := reflect.New(t.Elem()).Elem()
			if err := p.decode(e, join(where, key), elem); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
		}
		v.Set(m)
		return nil
	}
	return p.scalar(n, where, v)
}

func (p *parser) scalar(n *yaml.Node, where string, v reflect.Value) error {
	want := singular(v.Type())
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return p.errorf(n, "%s: want %s, got %s", where, want, describe(n))
	}
	tag := n.ShortTag()
	switch v.Kind() {
	case reflect.String:
		if tag != "!!str" && tag != "!!int" && tag != "!!float" {
			return p.errorf(n, "%s: want %s, got %s", where, want, describe(n))
		}
		v.SetString(n.Value)
		return nil
	case reflect.Bool:
		var b bool
		if tag != "!!bool" || n.Decode(&b) != nil {
			return p.errorf(n, "%s: want true or false, got %s", where, describe(n))
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		var i int64
		if tag != "!!int" || n.Decode(&i) != nil || v.OverflowInt(i) {
			return p.errorf(n, "%s: want %s, got %s", where, want, describe(n))
		}
		v.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var u uint64
		if tag != "!!int" || n.Decode(&u) != nil || v.OverflowUint(u) {
			return p.errorf(n, "%s: want %s, got %s", where, want, describe(n))
		}
		v.SetUint(u)
		return nil
	case reflect.Float32, reflect.Float64:
		var f float64
		if (tag != "!!float" && tag != "!!int") || n.Decode(&f) != nil || v.OverflowFloat(f) {
			return p.errorf(n, "%s: want %s, got %s", where, want, describe(n))
		}
		v.SetFloat(f)
		return nil
	}
	return p.errorf(n, "%s: type %s is not supported", where, v.Type())
}

// singular and plural name a type for messages.
func singular(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list of " + plural(t.Elem())
	}
	return "a mapping"
}

func plural(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "strings"
	case reflect.Bool:
		return "booleans"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integers"
	case reflect.Float32, reflect.Float64:
		return "numbers"
	}
	return "values"
}

// plain turns an options value into maps keyed by yaml names, slices and
// scalars: what the JSON schema's defaults and the starter file show.
func plain(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		fs, _ := fields(v.Type())
		for _, f := range fs {
			m[f.Name] = plain(v.FieldByIndex(f.Index))
		}
		return m
	case reflect.Slice:
		s := make([]any, v.Len())
		for i := range s {
			s[i] = plain(v.Index(i))
		}
		return s
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[k.String()] = plain(v.MapIndex(k))
		}
		return m
	}
	return v.Interface()
}
