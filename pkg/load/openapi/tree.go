package openapi

import (
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/internal/regfile"
)

// tree is a file parsed into YAML nodes, kept for the positions that
// kin-openapi's origins do not carry: every element of a Swagger 2.0 file,
// and the document root of any file.
type tree struct {
	root *yaml.Node // the top-level mapping, or nil for an empty file
}

type syntaxError struct {
	line, column int
	msg          string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

var yamlLine = regexp.MustCompile(`^(?:yaml: )?(?:line (\d+)(?::(\d+))?: )?(.*)$`)

// tree parses a file once and caches it.
func (d *Document) tree(abs string) (*tree, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.trees[abs]; ok {
		return t, nil
	}
	data, err := regfile.ReadFile(abs, maxRefFileSize, 0)
	if err != nil {
		return nil, err
	}
	data = Decode(data)
	// d.block rewrites JSON as block YAML, which go-yaml reads in linear
	// time; positions found in it go through d.orig.
	var doc yaml.Node
	if err := yaml.Unmarshal(d.blockLocked(abs, data), &doc); err != nil {
		se := &syntaxError{line: 1, msg: err.Error()}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			if m[1] != "" {
				se.line, _ = strconv.Atoi(m[1])
			}
			if m[2] != "" {
				se.column, _ = strconv.Atoi(m[2])
			}
			se.msg = "invalid YAML/JSON: " + m[3]
		}
		return nil, se
	}
	t := &tree{}
	if len(doc.Content) > 0 {
		t.root = doc.Content[0]
	}
	d.trees[abs] = t
	return t, nil
}

// position is where a node is written: the key naming it, or the node itself
// for sequence items and the root.
type position struct {
	line, column int
}

// find walks tokens from the root. It returns the node reached, the position
// of the deepest element found, and how many tokens matched; a pointer that
// leads nowhere is located at its nearest existing ancestor.
func (t *tree) find(tokens []string) (*yaml.Node, position, int) {
	n := t.root
	if n == nil {
		return nil, position{1, 1}, 0
	}
	pos := position{n.Line, n.Column}
	for i, tok := range tokens {
		n = resolveAlias(n)
		key, val := child(n, tok)
		if val == nil {
			return n, pos, i
		}
		if key != nil {
			pos = position{key.Line, key.Column}
		} else {
			pos = position{val.Line, val.Column}
		}
		n = val
	}
	return n, pos, len(tokens)
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return n.Content[0]
	}
	return n
}

// child returns the key and value under tok of a mapping, or the item at
// index tok of a sequence (whose key is nil).
func child(n *yaml.Node, tok string) (key, val *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				return n.Content[i], resolveAlias(n.Content[i+1])
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
			return nil, resolveAlias(n.Content[i])
		}
	}
	return nil, nil
}
