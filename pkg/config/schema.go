package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// Schema returns the JSON schema (draft-07, which every YAML editor
// plugin reads) of the configuration file for these rules: the rule IDs and
// names that patterns may use, and each rule's options with their types and
// current values as defaults. cmd/gen-docs writes it to
// docs/config.schema.json.
func Schema(rules []*lint.Rule) ([]byte, error) {
	type obj = map[string]any
	var names []string
	for _, r := range rules {
		names = append(names, r.ID)
		if r.Name != "" {
			names = append(names, r.Name)
		}
	}
	defs := obj{
		"globs": obj{
			"type":        "array",
			"description": "Doublestar globs relative to the scan root; a pattern without a slash matches base names anywhere.",
			"items":       obj{"type": "string", "minLength": 1},
		},
		"rulePattern": obj{
			"description": "A rule ID (OAS101), a glob of IDs (OAS2*) or a rule name (operation-without-auth).",
			"anyOf": []any{
				obj{"enum": names},
				obj{"type": "string", "pattern": `[*?\[{]`},
			},
		},
		"rulePatterns": obj{"type": "array", "items": obj{"$ref": "#/definitions/rulePattern"}},
		"severity":     obj{"enum": []string{"error", "warning", "note"}},
		"severityMap": obj{
			"type":                 "object",
			"description":          "Severity of a rule's findings; when several entries match a rule, the last one wins.",
			"propertyNames":        obj{"$ref": "#/definitions/rulePattern"},
			"additionalProperties": obj{"$ref": "#/definitions/severity"},
		},
	}
	settings := func() obj {
		return obj{
			"enable":   obj{"allOf": []any{obj{"$ref": "#/definitions/rulePatterns"}}, "description": "Rules to turn on (wins over disable)."},
			"disable":  obj{"allOf": []any{obj{"$ref": "#/definitions/rulePatterns"}}, "description": "Rules to turn off."},
			"severity": obj{"$ref": "#/definitions/severityMap"},
		}
	}
	defs["rules"] = obj{"type": "object", "additionalProperties": false, "properties": settings()}
	override := settings()
	override["paths"] = obj{"allOf": []any{obj{"$ref": "#/definitions/globs"}}, "minItems": 1, "description": "The files this entry applies to."}
	defs["override"] = obj{"type": "object", "additionalProperties": false, "required": []string{"paths"}, "properties": override}

	options := obj{}
	for _, r := range rules {
		if r.Options == nil {
			continue
		}
		if err := CheckOptions(r.Options); err != nil {
			return nil, fmt.Errorf("rule %s: %v", r.ID, err)
		}
		s := typeSchema(reflect.TypeOf(r.Options).Elem())
		s["description"] = fmt.Sprintf("Options of %s (%s): %s.", r.ID, r.Name, r.Doc.Title)
		v := reflect.ValueOf(r.Options).Elem()
		fs, _ := fields(v.Type())
		for _, f := range fs {
			s["properties"].(obj)[f.Name].(obj)["default"] = plain(v.FieldByIndex(f.Index))
		}
		defs["options-"+r.ID] = s
		ref := obj{"$ref": "#/definitions/options-" + r.ID}
		options[r.Name] = ref
		options[r.ID] = ref
	}

	doc := obj{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaURL,
		"title":                "apiaudit configuration (.apiaudit.yaml)",
		"description":          "Generated from the rule registry by go run ./cmd/gen-docs; do not edit. " + DocsURL,
		"type":                 "object",
		"additionalProperties": false,
		"properties": obj{
			"fail-on": obj{"description": "Exit 1 when a finding is at or above this severity.", "enum": FailOnValues, "default": "error"},
			"format":  obj{"description": "Report format when --format is not given.", "enum": report.Formats, "default": "text"},
			"exclude": obj{"$ref": "#/definitions/globs"},
			"include-generated": obj{
				"type":        "boolean",
				"description": `Also analyse Go files marked "// Code generated ... DO NOT EDIT.", which are skipped by default.`,
				"default":     false,
			},
			"rules": obj{"$ref": "#/definitions/rules"},
			"overrides": obj{
				"type":        "array",
				"description": "Settings for some files, applied in order after rules.",
				"items":       obj{"$ref": "#/definitions/override"},
			},
			"options": obj{
				"type":                 "object",
				"description":          "Rule options, keyed by rule name or ID.",
				"additionalProperties": false,
				"properties":           options,
			},
		},
		"definitions": defs,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// typeSchema is the JSON schema of an options type.
func typeSchema(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": typeSchema(t.Elem())}
	}
	props := map[string]any{}
	fs, _ := fields(t)
	for _, f := range fs {
		props[f.Name] = typeSchema(f.Type)
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}
