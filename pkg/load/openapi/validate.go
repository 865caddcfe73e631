package openapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/getkin/kin-openapi/openapi3"
)

// Invalid is one way a document breaks the OpenAPI specification.
type Invalid struct {
	Message string
	Pointer string           // the element the error is about, as far as its context tells
	Origin  *openapi3.Origin // nil when kin-openapi did not record one
	// Unknown lists the keys of an object that the specification does not
	// define and that are not extensions (no x- prefix), when that is the
	// problem: a generator's leftovers, which tools ignore.
	Unknown []string
}

// Validate checks the document against the OpenAPI specification, as far as
// kin-openapi knows it, and returns every problem it finds. Examples are not
// validated: they are documentation, and checking them against schemas is
// slow on large documents and says nothing about security.
//
// Validate changes the document while it runs (see standIns) and puts it
// back before it returns: it must not run side by side with anything else
// that reads the document. Rule OAS500, its caller, is Exclusive.
func Validate(ctx context.Context, t *openapi3.T) []Invalid {
	restore := func() {}
	if useStandIns {
		restore = standIns(t)
	}
	err := t.Validate(ctx, openapi3.EnableMultiError(), openapi3.DisableExamplesValidation(), openapi3.SetRegexCompiler(compileECMA))
	restore()
	if err == nil {
		return nil
	}
	var out []Invalid
	seen := map[string]bool{}
	var walk func(error)
	walk = func(e error) {
		if me, isMulti := e.(openapi3.MultiError); isMulti {
			for _, inner := range me {
				walk(inner)
			}
			return
		}
		msg, leaf := leafMessage(e)
		if leaf == emptyExample {
			return
		}
		inv := Invalid{Message: msg, Pointer: contextPointer(e), Origin: originOf(e)}
		inv.Message = nameElement(e, inv.Pointer, inv.Origin, msg)
		// Validate does not prohibit fields beside a $ref, so the only
		// extra siblings it reports are unknown keys of an object.
		if xe := (*openapi3.ExtraSiblingFieldsError)(nil); errors.As(e, &xe) {
			inv.Unknown = xe.Fields
		}
		// A broken schema is reported by every element that uses it; say it
		// once, where it is written.
		key := leaf
		if inv.Origin != nil && inv.Origin.Key != nil {
			key = fmt.Sprintf("%s:%d:%d %s", inv.Origin.Key.File, inv.Origin.Key.Line, inv.Origin.Key.Column, key)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, inv)
		}
	}
	walk(err)
	return out
}

// emptyExample is kin-openapi's complaint about an Example Object with
// neither value nor externalValue. OpenAPI 3.0 and 3.1 make every field of
// an Example Object optional (the two are only mutually exclusive), so such
// an example is valid, and reporting it was a false OAS500 (119 of them on
// Microsoft Graph alone).
const emptyExample = "no value or externalValue field"

// useStandIns is on; tests turn it off to compare.
var useStandIns = true

// leafMessage is the innermost message of an error chain, without the
// context prefixes ("invalid paths: invalid path /x: ...") that the position
// already gives, and without the schema dump some errors append.
func leafMessage(err error) (msg, leaf string) {
	full := oneLine(err.Error())
	leaf = full
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		if m := oneLine(e.Error()); m != "" {
			leaf = m
		}
	}
	if i := strings.Index(leaf, " Schema:"); i > 0 {
		leaf = leaf[:i]
	}
	leaf = strings.Replace(leaf, "at '': ", "", 1)
	msg = leaf
	// Keep the one prefix that names what is wrong ("invalid default: ...").
	if before, _, ok := strings.Cut(full, leaf); ok && before != "" {
		parts := strings.Split(strings.TrimSuffix(before, ": "), ": ")
		msg = parts[len(parts)-1] + ": " + leaf
	}
	return strings.Replace(msg, "at '': ", "", 1), leaf
}

// componentSections maps the section names of kin-openapi's component
// errors to the keys under components.
var componentSections = map[string]string{
	"schema": "schemas", "parameter": "parameters", "header": "headers",
	"request body": "requestBodies", "response": "responses", "security scheme": "securitySchemes",
	"example": "examples", "link": "links", "callback": "callbacks",
}

// contextPointer builds the pointer of the element an error is about from
// the context wrappers along its chain (path, operation, component). It is
// what places validation errors in documents without origins, such as
// converted Swagger 2.0.
func contextPointer(err error) string {
	var tokens []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch c := e.(type) {
		case *openapi3.PathValidationError:
			tokens = append(tokens[:0], "paths", c.Path)
		case *openapi3.OperationValidationError:
			if len(tokens) == 2 {
				tokens = append(tokens, strings.ToLower(c.Method))
			}
		case *openapi3.ComponentValidationError:
			if key, ok := componentSections[c.Section]; ok && len(tokens) == 0 {
				tokens = []string{"components", key, c.Name}
			}
		}
	}
	return Pointer(tokens...)
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

// ecmaMatcher is a pattern compiled as ECMA-262, the dialect OpenAPI and
// JSON Schema specify. Go's RE2 would refuse valid lookaheads and repeat
// counts over 1000.
type ecmaMatcher struct{ re *regexp2.Regexp }

func (m ecmaMatcher) MatchString(s string) bool {
	ok, err := m.re.MatchString(s)
	return ok && err == nil
}

// compileECMA compiles a schema's pattern as ECMA-262 with the u flag, as
// JSON Schema validators such as ajv do, and failing that without it. Matching is bounded in time: a
// pattern from a scanned document must not hang the scan.
func compileECMA(expr string) (openapi3.RegexMatcher, error) {
	re, err := regexp2.Compile(expr, regexp2.ECMAScript|regexp2.Unicode)
	if err != nil && !strings.Contains(expr, `\p{`) && !strings.Contains(expr, `\P{`) {
		// Without the u flag, ECMA-262's Annex B reads what the u flag
		// refuses the way browsers and most validators do: [\w-\.] is a
		// class of \w, '-' and '.'. OpenAPI does not say which flags apply,
		// so a pattern valid either way is valid. \p{...} is left out: it
		// means a Unicode property only with the u flag, and the letter p
		// without it, so a Java class (\p{Graph}) stays an error.
		if legacy, lerr := regexp2.Compile(expr, regexp2.ECMAScript); lerr == nil {
			re, err = legacy, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("pattern %q is not a valid ECMA-262 regular expression: %s", expr, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	re.MatchTimeout = 100 * time.Millisecond
	return ecmaMatcher{re}, nil
}

// contextPrefix is the context kin-openapi puts before a message, which
// nameElement says in its own words.
var contextPrefix = regexp.MustCompile(`^(?:schema "[^"]*"|invalid operation [A-Z]+|parameter "[^"]*" schema is invalid|invalid (?:oneOf|anyOf|allOf) element|invalid components|invalid paths|invalid path [^:]*): `)

// keywords are keys under which an origin names a structure, not a
// property.
var keywords = map[string]bool{
	"schema": true, "items": true, "additionalProperties": true, "not": true, "allOf": true, "anyOf": true,
	"oneOf": true, "requestBody": true, "content": true, "responses": true, "parameters": true, "headers": true,
	"properties": true, "components": true, "schemas": true, "paths": true, "default": true, "example": true,
}

// nameElement rewrites a validation message so that it names the element:
// the component or operation, the property, and for a default or example
// that breaks its schema, the value ("schema Account property bookmarked:
// default false is not an integer").
func nameElement(err error, ptr string, o *openapi3.Origin, msg string) string {
	tok := Split(ptr)
	var owner, ownerName string
	switch {
	case len(tok) == 3 && tok[0] == "components":
		ownerName = tok[2]
		kind := componentKinds[tok[1]]
		if kind == "" {
			kind = tok[1]
		}
		owner = kind + " " + ownerName
	case len(tok) == 3 && tok[0] == "paths":
		owner = tok[2] + " " + tok[1]
	case len(tok) == 2 && tok[0] == "paths":
		owner = "path " + tok[1]
	}
	if owner == "" {
		return msg
	}
	if o != nil && o.Key != nil && len(tok) == 3 && tok[1] == "schemas" {
		name := o.Key.Name
		if name != "" && name != ownerName && !keywords[name] && !strings.Contains(name, "/") && !strings.HasPrefix(name, "x-") && strings.Trim(name, "0123456789X") != "" {
			owner += " property " + name
		}
	}
	body := contextPrefix.ReplaceAllString(msg, "")
	body = contextPrefix.ReplaceAllString(body, "")
	var se *openapi3.SchemaError
	for _, field := range []string{"default", "example"} {
		rest, ok := strings.CutPrefix(body, "invalid "+field+": ")
		if !ok || !errors.As(err, &se) {
			continue
		}
		value := "value"
		if b, jerr := json.Marshal(se.Value); jerr == nil && len(b) <= 60 {
			value = string(b)
		}
		if r, ok := strings.CutPrefix(se.Reason, "value must be "); ok && rest == se.Reason {
			body = fmt.Sprintf("%s %s is not %s", field, value, r)
		} else {
			body = fmt.Sprintf("%s %s: %s", field, value, rest)
		}
	}
	return owner + ": " + body
}
