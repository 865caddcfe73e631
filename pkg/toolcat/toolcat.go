// Package toolcat is the model of an agent tool catalog: the tools an agent
// is offered, each with the text the model reads (name, title, description,
// parameter descriptions), its input and output schemas and its MCP
// annotations, every value with the place it is written.
//
// Several loaders feed it: MCP tool manifests (a tools/list result saved as
// JSON or YAML, pkg/load/toolmanifest), Go MCP servers (the tools mcp-go
// and go-sdk code defines), and OpenAPI documents whose operations agents
// call as tools. Catalog rules (lint.Rule.Catalog) are written once against
// it and run on all of them.
//
// The package holds data and pure helpers only: no I/O, no imports of the
// loaders, of kin-openapi or of go/analysis.
package toolcat

import (
	"slices"
	"strings"
)

// Source is where a catalog comes from.
type Source string

const (
	SourceManifest Source = "manifest" // a tools/list result saved to a file
	SourceGo       Source = "go"       // the tools a Go MCP server registers
	SourceOpenAPI  Source = "openapi"  // the operations of an OpenAPI document
)

// Pos is where a value is written. It mirrors lint.Location, which this
// package does not import (pkg/lint imports it); lint.CatalogPass turns one
// into the other.
type Pos struct {
	File         string // slash-separated, relative to the scan root
	Line, Column int    // 1-based; 0 = unknown
	// Pointer is the RFC 6901 pointer of the value in File, for manifests
	// and OpenAPI documents: a finding's identity for ignores, baselines
	// and SARIF fingerprints. "" for Go.
	Pointer string
}

// Known reports whether the position names a line.
func (p Pos) Known() bool { return p.Line > 0 }

// Text is a string value and where it is written. The zero Text is "not
// written"; Set tells an empty string written out from an absent one.
type Text struct {
	Value string
	Set   bool
	At    Pos // the value itself (the string literal), or the key when the value is not a string
}

// Hint is a boolean annotation as written.
type Hint struct {
	State HintState
	At    Pos // the value; zero when unset
}

// HintState is what a boolean annotation says.
type HintState int8

const (
	Unset   HintState = iota // not written: MCP's default applies
	True                     // written as true
	False                    // written as false
	Unknown                  // written, but not as a boolean this package can read (a Go variable, a string)
)

func (s HintState) String() string {
	return [...]string{"unset", "true", "false", "unknown"}[s]
}

// Annotations are MCP's tool annotations (the ToolAnnotations of the MCP
// schema). Clients read them as hints; the MCP defaults for unset hints
// are readOnly false, destructive true, idempotent false, openWorld true.
type Annotations struct {
	At          Pos  // the annotations object
	Title       Text // annotations.title, the older place of a display name
	ReadOnly    Hint // readOnlyHint
	Destructive Hint // destructiveHint
	Idempotent  Hint // idempotentHint
	OpenWorld   Hint // openWorldHint
}

// Schema is the part of a JSON Schema that catalog rules read, with
// positions. Keywords it does not model are kept in Canonical, so a change
// to any of them still changes a lock file's hash.
type Schema struct {
	At          Pos      // the schema object (or the value that stands for it)
	Types       []string // "type" as written, one or several; nil when absent
	Description Text
	Format      string
	Pattern     string
	Enum        int  // number of enum values; 0 when there is no enum
	Const       bool // const is set
	// Bounds, nil when absent.
	MaxLength, MaxItems, MaxProperties *int
	Maximum                            *float64
	Properties                         []Property // in the order written
	Required                           []string
	Items                              *Schema // "items" when it is one schema
	// AdditionalProperties is the schema extra keys must match; nil when
	// absent. AdditionalFalse is true for "additionalProperties: false".
	AdditionalProperties *Schema
	AdditionalFalse      bool
	// Composed is true when the schema combines others (allOf, anyOf,
	// oneOf, $ref) in ways this model does not follow: rules that judge
	// bounds stay silent on it.
	Composed bool
	// Canonical is the schema as written, as JSON with sorted keys and no
	// insignificant space: what a lock file hashes. Loaders that read JSON
	// or YAML fill it; others build it from what they know.
	Canonical string
}

// Property is one named property of an object schema.
type Property struct {
	Name   string
	At     Pos // the key
	Schema *Schema
}

// HasType reports whether the schema allows type t.
func (s *Schema) HasType(t string) bool { return s != nil && slices.Contains(s.Types, t) }

// IsRequired reports whether an object schema requires property name.
func (s *Schema) IsRequired(name string) bool { return s != nil && slices.Contains(s.Required, name) }

// Tool is one tool an agent is offered.
type Tool struct {
	At          Pos  // the tool's definition: the object in a manifest, the NewTool call, the operation
	Name        Text // what the model calls it by
	Title       Text // the display name (title, or annotations.title when only that is written)
	Description Text
	// InputSchema and OutputSchema are nil when absent.
	InputSchema, OutputSchema *Schema
	// Annotations is nil when the tool has none.
	Annotations *Annotations
	// Operation is "post /payments" for a tool made from an OpenAPI
	// operation; "" otherwise.
	Operation string
}

// Param is one input the model fills in: a property of the input schema,
// or a property of an object nested in it.
type Param struct {
	Path     string // "query", "filter.owner", "items[].note"
	Name     string // the last part: "owner"
	At       Pos    // the property's key
	Schema   *Schema
	Required bool
}

// Description is the parameter's description, "" when it has none.
func (p Param) Description() Text { return p.Schema.Description }

// maxParamDepth bounds how deep Params follows nested objects.
const maxParamDepth = 8

// Params lists the inputs of the tool, depth first in the order written:
// top-level properties of the input schema, then properties of the objects
// nested in them (through object properties and array items).
func (t *Tool) Params() []Param {
	if t.InputSchema == nil {
		return nil
	}
	var out []Param
	var walk func(s *Schema, prefix string, depth int)
	walk = func(s *Schema, prefix string, depth int) {
		if s == nil || depth > maxParamDepth {
			return
		}
		for _, p := range s.Properties {
			if p.Schema == nil {
				continue
			}
			path := p.Name
			if prefix != "" {
				path = prefix + "." + p.Name
			}
			out = append(out, Param{Path: path, Name: p.Name, At: p.At, Schema: p.Schema, Required: s.IsRequired(p.Name)})
			walk(p.Schema, path, depth+1)
			if p.Schema.Items != nil {
				walk(p.Schema.Items, path+"[]", depth+1)
			}
		}
	}
	walk(t.InputSchema, "", 0)
	return out
}

// Texts are the model-directed strings of a tool: name, title,
// description, annotation title, and every schema description, each with a
// short label for messages ("description", "parameter query description").
func (t *Tool) Texts() []LabeledText {
	var out []LabeledText
	add := func(label string, x Text) {
		if x.Set && x.Value != "" {
			out = append(out, LabeledText{Label: label, Text: x})
		}
	}
	add("name", t.Name)
	add("title", t.Title)
	if t.Annotations != nil && t.Annotations.Title.At != t.Title.At {
		add("annotations title", t.Annotations.Title)
	}
	add("description", t.Description)
	if t.InputSchema != nil {
		add("input schema description", t.InputSchema.Description)
	}
	for _, p := range t.Params() {
		add("parameter "+p.Path+" description", p.Schema.Description)
	}
	if t.OutputSchema != nil {
		add("output schema description", t.OutputSchema.Description)
	}
	return out
}

// LabeledText is a Text with what it is.
type LabeledText struct {
	Label string
	Text  Text
}

// Catalog is the tools of one source: one manifest file, one Go MCP
// server, one OpenAPI document.
type Catalog struct {
	Source Source
	// File is the manifest or OpenAPI root file, or for Go the file of the
	// server's first tool; slash-separated, relative to the scan root.
	File string
	// Name identifies the catalog in messages and lock files: the
	// manifest's file, the Go package path, the OpenAPI document's file.
	Name  string
	At    Pos // the tools array, the server constructor, the paths object
	Tools []*Tool
	// Gathered is true for a Go package's tools whose registration could
	// not be followed: they are what the package offers, perhaps to
	// several servers (one per mode, say), so a name may repeat.
	Gathered bool
	// Ignores are the x-apiaudit-ignore entries a manifest holds, on its
	// top level or on a tool.
	Ignores []Ignore
}

// Ignore is one x-apiaudit-ignore entry written in a manifest.
type Ignore struct {
	Rule   string // rule ID or glob ("MCP4*")
	Reason string // why the finding does not apply; required
	// Scope is the pointer of the element it covers: "" for the whole
	// manifest, a tool's pointer for that tool.
	Scope string
	At    Pos    // the entry itself
	Err   string // why the entry is malformed, if it is
}

// Tool finds a tool by name; nil when there is none.
func (c *Catalog) Tool(name string) *Tool {
	for _, t := range c.Tools {
		if t.Name.Value == name {
			return t
		}
	}
	return nil
}

// Names are the catalog's tool names, in the order written.
func (c *Catalog) Names() []string {
	out := make([]string, 0, len(c.Tools))
	for _, t := range c.Tools {
		out = append(out, t.Name.Value)
	}
	return out
}

// Label is how messages name a tool: its name, or its position in the
// catalog when it has none.
func (t *Tool) Label() string {
	if strings.TrimSpace(t.Name.Value) != "" {
		return t.Name.Value
	}
	if t.Operation != "" {
		return t.Operation
	}
	return "(unnamed tool)"
}
