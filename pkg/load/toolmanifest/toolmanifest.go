// Package toolmanifest loads MCP tool manifests: JSON or YAML files that
// hold the result of an MCP tools/list call, either bare ({"tools": [...]})
// or in its JSON-RPC envelope ({"jsonrpc": "2.0", "result": {"tools":
// [...]}}), into the tool model of pkg/toolcat, with the line and column of
// every value.
//
// Files are recognised by content, as OpenAPI documents are: Sniff looks
// for a top-level tools array (or result.tools) whose entries have a name
// and an input schema, so that other JSON with a "tools" key is left alone.
package toolmanifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/internal/suppress"
	"github.com/apiaudit/apiaudit/internal/yamlerr"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// MaxTools is the most tools one manifest may hold; a file with more is
// reported as a problem rather than scanned (MCP servers publish tens).
const MaxTools = 10000

// maxDepth bounds how deep schemas are followed.
const maxDepth = 64

var (
	jsonTools = regexp.MustCompile(`"tools"\s*:\s*\[`)
	yamlTools = regexp.MustCompile(`(?m)^(?:tools|result)[ \t]*:`)
)

// Sniff tells whether data is a tool manifest: a JSON or YAML mapping with
// a tools array at the top or under result, whose first entry is a mapping
// with a name and an inputSchema (a JSON-RPC envelope also counts with an
// empty list). It parses the file only when a cheap look finds the key.
func Sniff(data []byte) bool {
	data = openapi.Decode(data)
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return false
	}
	if trimmed[0] == '{' {
		if !jsonTools.Match(data) {
			return false
		}
	} else if !yamlTools.Match(data) {
		return false
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		// Broken JSON that looks like a manifest is one the user wants to
		// hear about; Load reports what is wrong.
		return trimmed[0] == '{' && bytes.Contains(data, []byte(`"inputSchema"`))
	}
	top := body(&root)
	tools, envelope, _ := findTools(top)
	if tools == nil || tools.Kind != yaml.SequenceNode {
		return false
	}
	if len(tools.Content) == 0 {
		return envelope
	}
	first := tools.Content[0]
	return first.Kind == yaml.MappingNode && get(first, "name") != nil && get(first, "inputSchema") != nil
}

// body is the top-level node of a parsed document.
func body(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0]
	}
	return doc
}

// findTools returns the tools sequence and the pointer prefix it is at.
func findTools(top *yaml.Node) (tools *yaml.Node, envelope bool, ptr string) {
	_, tools, envelope, ptr = findToolsKV(top)
	return tools, envelope, ptr
}

func findToolsKV(top *yaml.Node) (key, tools *yaml.Node, envelope bool, ptr string) {
	if top == nil || top.Kind != yaml.MappingNode {
		return nil, nil, false, ""
	}
	if k, t := getKV(top, "tools"); t != nil {
		return k, t, false, "/tools"
	}
	if r := get(top, "result"); r != nil && r.Kind == yaml.MappingNode {
		if k, t := getKV(r, "tools"); t != nil {
			return k, t, get(top, "jsonrpc") != nil, "/result/tools"
		}
	}
	return nil, nil, false, ""
}

// get returns the value of key in a mapping node, nil when absent.
func get(m *yaml.Node, key string) *yaml.Node {
	_, v := getKV(m, key)
	return v
}

func getKV(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// Load reads a manifest already read into data. file is its path relative
// to the scan root, as findings name it. Bad input is a *lint.Problem
// naming the file, never a panic.
func Load(file string, data []byte) (cat *toolcat.Catalog, err error) {
	defer func() {
		if r := recover(); r != nil {
			cat, err = nil, &lint.Problem{File: file, Message: fmt.Sprintf("cannot be read as a tool manifest: %v", r)}
		}
	}()
	data = openapi.Decode(data)
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line, col, msg := yamlerr.Split(err)
		if n := bytes.Count(data, []byte("\n")) + 1; line > n {
			line, col = n, 0 // go-yaml names the line after the last at the end of input
		}
		return nil, &lint.Problem{File: file, Line: line, Column: col, Message: "not valid JSON or YAML: " + msg}
	}
	top := body(&root)
	key, tools, _, prefix := findToolsKV(top)
	if tools == nil {
		return nil, &lint.Problem{File: file, Message: "not a tool manifest: no tools array at the top or under result"}
	}
	if tools.Kind != yaml.SequenceNode {
		return nil, &lint.Problem{File: file, Line: tools.Line, Column: tools.Column, Message: "tools is not an array"}
	}
	if n := len(tools.Content); n > MaxTools {
		return nil, &lint.Problem{File: file, Line: tools.Line, Column: tools.Column,
			Message: fmt.Sprintf("not scanned: %d tools, over the limit of %d", n, MaxTools)}
	}
	l := &loader{file: file}
	cat = &toolcat.Catalog{Source: toolcat.SourceManifest, File: file, Name: file, At: l.posOf(key, tools, prefix)}
	for i, n := range tools.Content {
		ptr := prefix + "/" + strconv.Itoa(i)
		if n.Kind != yaml.MappingNode {
			return nil, &lint.Problem{File: file, Line: n.Line, Column: n.Column, Message: fmt.Sprintf("tool %d is not an object", i)}
		}
		cat.Tools = append(cat.Tools, l.tool(n, ptr))
		cat.Ignores = append(cat.Ignores, l.ignores(n, ptr)...)
	}
	cat.Ignores = append(l.ignores(top, ""), cat.Ignores...)
	return cat, nil
}

// IgnoreKey is the member that suppresses findings in a manifest, on its
// top level (the whole manifest) or on a tool object (that tool): the
// key OpenAPI documents and client configurations use.
const IgnoreKey = suppress.Key

// ignores reads the x-apiaudit-ignore member of a mapping: {rule, reason}
// entries, in a list or alone (suppress.Parse).
func (l *loader) ignores(m *yaml.Node, scope string) []toolcat.Ignore {
	k, v := getKV(m, IgnoreKey)
	if v == nil {
		return nil
	}
	ptr := scope + "/" + IgnoreKey
	var out []toolcat.Ignore
	for _, e := range suppress.Parse(yamlValue{v}) {
		ig := toolcat.Ignore{Rule: e.Rule, Reason: e.Reason, Err: e.Err, Scope: scope, At: l.pos(k, ptr)}
		if e.Index >= 0 {
			ig.At = l.pos(e.Node.(yamlValue).n, ptr+"/"+strconv.Itoa(e.Index))
		}
		out = append(out, ig)
	}
	return out
}

// yamlValue is a go-yaml node as suppress.Parse reads it. Its position is
// the node's as written (an alias's, not its target's); what it holds is
// read through one alias (deref). A scalar is text only when YAML reads
// it as a string: rule: 101 is a number, as it is in JSON.
type yamlValue struct{ n *yaml.Node }

func (v yamlValue) Kind() suppress.Kind {
	n := deref(v.n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() != "!!str" {
			return suppress.Other
		}
		return suppress.String
	case yaml.MappingNode:
		return suppress.Object
	case yaml.SequenceNode:
		return suppress.Array
	}
	return suppress.Other
}

func (v yamlValue) Text() string             { return deref(v.n).Value }
func (v yamlValue) Item(i int) suppress.Node { return yamlValue{deref(v.n).Content[i]} }

func (v yamlValue) Len() int {
	n := deref(v.n)
	if n.Kind == yaml.MappingNode {
		return len(n.Content) / 2
	}
	return len(n.Content)
}

func (v yamlValue) Member(i int) (string, suppress.Node) {
	c := deref(v.n).Content
	return c[2*i].Value, yamlValue{c[2*i+1]}
}

type loader struct{ file string }

func (l *loader) pos(n *yaml.Node, ptr string) toolcat.Pos {
	return toolcat.Pos{File: l.file, Line: n.Line, Column: n.Column, Pointer: ptr}
}

// text reads a string value; a value of another kind is kept as written.
func (l *loader) text(m *yaml.Node, key, ptr string) toolcat.Text {
	v := get(m, key)
	if v == nil {
		return toolcat.Text{}
	}
	v = deref(v)
	t := toolcat.Text{Set: true, At: l.pos(v, ptr+"/"+escape(key))}
	if v.Kind == yaml.ScalarNode {
		t.Value = v.Value
	}
	return t
}

// deref follows an alias once; manifests have none, and following them
// further would let a small file expand without bound.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func (l *loader) tool(n *yaml.Node, ptr string) *toolcat.Tool {
	t := &toolcat.Tool{
		At:          l.pos(n, ptr),
		Name:        l.text(n, "name", ptr),
		Title:       l.text(n, "title", ptr),
		Description: l.text(n, "description", ptr),
	}
	if k, s := getKV(n, "inputSchema"); s != nil {
		t.InputSchema = l.schema(k, deref(s), ptr+"/inputSchema", 0)
	}
	if k, s := getKV(n, "outputSchema"); s != nil {
		t.OutputSchema = l.schema(k, deref(s), ptr+"/outputSchema", 0)
	}
	if k, a := getKV(n, "annotations"); a != nil && deref(a).Kind == yaml.MappingNode {
		a = deref(a)
		ap := ptr + "/annotations"
		t.Annotations = &toolcat.Annotations{
			At:          l.posOf(k, a, ap),
			Title:       l.text(a, "title", ap),
			ReadOnly:    l.hint(a, "readOnlyHint", ap),
			Destructive: l.hint(a, "destructiveHint", ap),
			Idempotent:  l.hint(a, "idempotentHint", ap),
			OpenWorld:   l.hint(a, "openWorldHint", ap),
		}
		if !t.Title.Set {
			t.Title = t.Annotations.Title
		}
	}
	return t
}

func (l *loader) hint(m *yaml.Node, key, ptr string) toolcat.Hint {
	v := get(m, key)
	if v == nil {
		return toolcat.Hint{}
	}
	v = deref(v)
	h := toolcat.Hint{State: toolcat.Unknown, At: l.pos(v, ptr+"/"+key)}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		switch strings.ToLower(v.Value) {
		case "true":
			h.State = toolcat.True
		case "false":
			h.State = toolcat.False
		}
	}
	return h
}

// posOf is where a value is reported: the value itself, except a block
// mapping or sequence, which starts at its first entry, a line below its
// own key: there the key is what a reader looks for.
func (l *loader) posOf(key, v *yaml.Node, ptr string) toolcat.Pos {
	if key != nil && (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && v.Style&yaml.FlowStyle == 0 {
		return l.pos(key, ptr)
	}
	return l.pos(v, ptr)
}

func (l *loader) schema(key, n *yaml.Node, ptr string, depth int) *toolcat.Schema {
	s := &toolcat.Schema{At: l.posOf(key, n, ptr)}
	if depth == 0 {
		s.Canonical = canonical(n)
	}
	if n.Kind != yaml.MappingNode || depth > maxDepth {
		// true, false or something odd: nothing a rule can read.
		s.Composed = n.Kind != yaml.MappingNode
		return s
	}
	if t := get(n, "type"); t != nil {
		t = deref(t)
		switch t.Kind {
		case yaml.ScalarNode:
			s.Types = []string{t.Value}
		case yaml.SequenceNode:
			for _, e := range t.Content {
				s.Types = append(s.Types, e.Value)
			}
		}
	}
	s.Description = l.text(n, "description", ptr)
	s.Format = scalar(get(n, "format"))
	s.Pattern = scalar(get(n, "pattern"))
	if e := get(n, "enum"); e != nil && deref(e).Kind == yaml.SequenceNode {
		s.Enum = max(1, len(deref(e).Content))
	}
	s.Const = get(n, "const") != nil
	s.MaxLength = intOf(get(n, "maxLength"))
	s.MaxItems = intOf(get(n, "maxItems"))
	s.MaxProperties = intOf(get(n, "maxProperties"))
	if v := get(n, "maximum"); v != nil {
		if f, err := strconv.ParseFloat(scalar(v), 64); err == nil && !math.IsNaN(f) {
			s.Maximum = &f
		}
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf", "$ref", "not", "if", "patternProperties"} {
		if get(n, k) != nil {
			s.Composed = true
		}
	}
	if r := get(n, "required"); r != nil && deref(r).Kind == yaml.SequenceNode {
		for _, e := range deref(r).Content {
			s.Required = append(s.Required, e.Value)
		}
	}
	if p := get(n, "properties"); p != nil && deref(p).Kind == yaml.MappingNode {
		p = deref(p)
		for i := 0; i+1 < len(p.Content); i += 2 {
			k, v := p.Content[i], deref(p.Content[i+1])
			pp := ptr + "/properties/" + escape(k.Value)
			s.Properties = append(s.Properties, toolcat.Property{Name: k.Value, At: l.pos(k, pp), Schema: l.schema(k, v, pp, depth+1)})
		}
	}
	if k, it := getKV(n, "items"); it != nil && deref(it).Kind == yaml.MappingNode {
		s.Items = l.schema(k, deref(it), ptr+"/items", depth+1)
	}
	if k, ap := getKV(n, "additionalProperties"); ap != nil {
		ap = deref(ap)
		switch {
		case ap.Kind == yaml.ScalarNode && ap.Value == "false":
			s.AdditionalFalse = true
		case ap.Kind == yaml.MappingNode:
			s.AdditionalProperties = l.schema(k, ap, ptr+"/additionalProperties", depth+1)
		}
	}
	return s
}

func scalar(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	n = deref(n)
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func intOf(n *yaml.Node) *int {
	f, err := strconv.ParseFloat(scalar(n), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > math.MaxInt32 {
		return nil
	}
	i := int(f)
	return &i
}

// canonical writes a node as JSON with sorted keys: the same schema
// written in YAML, pretty JSON or minified JSON hashes the same. It reads
// the node tree itself rather than decoding into Go values, so aliases
// are never expanded.
func canonical(n *yaml.Node) string {
	var b bytes.Buffer
	writeCanonical(&b, n, 0)
	return b.String()
}

func writeCanonical(b *bytes.Buffer, n *yaml.Node, depth int) {
	if depth > maxDepth {
		b.WriteString("null")
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			writeCanonical(b, n.Content[0], depth)
		}
	case yaml.AliasNode:
		b.WriteString("null")
	case yaml.MappingNode:
		type kv struct {
			k string
			v *yaml.Node
		}
		var kvs []kv
		for i := 0; i+1 < len(n.Content); i += 2 {
			kvs = append(kvs, kv{n.Content[i].Value, n.Content[i+1]})
		}
		slices.SortStableFunc(kvs, func(a, b kv) int { return strings.Compare(a.k, b.k) })
		b.WriteByte('{')
		for i, e := range kvs {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(e.k)
			b.Write(k)
			b.WriteByte(':')
			writeCanonical(b, e.v, depth+1)
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, e, depth+1)
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			b.WriteString("null")
		case "!!bool":
			b.WriteString(strings.ToLower(n.Value))
		case "!!int", "!!float":
			if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
				return
			}
			fallthrough
		default:
			s, _ := json.Marshal(n.Value)
			b.Write(s)
		}
	}
}

// escape writes one token of a JSON pointer.
func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Beside lists, best first, the files that hold the tools of a server of
// a client configuration when they are saved next to it (as the docs ask:
// commit a server's tools/list answer beside the configuration that uses
// it): in the configuration's directory, <server>.tools.json (or .yaml,
// .yml), then <server>.json (or .yaml, .yml). config and the results are
// slash-separated paths relative to the scan root. Only files a scan found
// to be tool manifests count; a server whose name is not a plain file name
// has none.
func Beside(config, server string) []string {
	if server == "" || server == "." || server == ".." || strings.ContainsAny(server, `/\`) || strings.ContainsRune(server, 0) {
		return nil
	}
	dir := path.Dir(config)
	var out []string
	for _, base := range []string{server + ".tools", server} {
		for _, ext := range []string{".json", ".yaml", ".yml"} {
			if p := path.Join(dir, base+ext); p != config {
				out = append(out, p)
			}
		}
	}
	return out
}
