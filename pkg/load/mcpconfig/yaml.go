package mcpconfig

import (
	"strconv"

	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/internal/yamlerr"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// Continue's config.yaml and block files, Goose's config.yaml and mcphost's
// configuration are YAML. parseYAML reads them into the same tree as JSON,
// with go-yaml's positions (1-based lines, columns in characters, a quoted
// string at its opening quote, as in JSON).

// parseYAML reads the first document of data. Aliases to scalars are read
// as their value; aliases to mappings and sequences are not expanded, so a
// small file cannot grow without bound. Nesting deeper than maxDepth is an
// error, as in JSON.
func parseYAML(data []byte) (root *node, err error) {
	data = trimBOM(data)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlerr.Split(err)
		return nil, &SyntaxError{Line: line, Column: col, Msg: msg}
	}
	top := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	if top.Kind == 0 || top.Kind == yaml.DocumentNode {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file is empty"}
	}
	return fromYAML(top, 0)
}

func fromYAML(y *yaml.Node, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &SyntaxError{Line: y.Line, Column: y.Column, Msg: "nested deeper than " + strconv.Itoa(maxDepth) + " levels"}
	}
	pos := mcpclient.Pos{Line: y.Line, Column: y.Column}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: kObject, pos: pos}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Value == "<<" && k.Tag == "!!merge" {
				continue // complex keys and merges name no member a layout reads
			}
			val, err := fromYAML(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k.Value)
			n.keyPos = append(n.keyPos, mcpclient.Pos{Line: k.Line, Column: k.Column})
			n.vals = append(n.vals, val)
		}
		return n, nil
	case yaml.SequenceNode:
		n := &node{kind: kArray, pos: pos}
		for _, item := range y.Content {
			val, err := fromYAML(item, depth+1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, val)
		}
		return n, nil
	case yaml.AliasNode:
		if y.Alias != nil && y.Alias.Kind == yaml.ScalarNode {
			n := scalar(y.Alias)
			n.pos = pos
			return n, nil
		}
		return &node{kind: kNull, pos: pos}, nil
	case yaml.ScalarNode:
		n := scalar(y)
		n.pos = pos
		return n, nil
	}
	return &node{kind: kNull, pos: pos}, nil
}

// scalar converts a scalar by its resolved tag: strings stay strings
// (quoted "true" included), numbers and booleans keep their text.
func scalar(y *yaml.Node) *node {
	switch y.ShortTag() {
	case "!!null":
		return &node{kind: kNull, text: y.Value}
	case "!!bool":
		return &node{kind: kBool, text: y.Value}
	case "!!int", "!!float":
		return &node{kind: kNumber, text: y.Value}
	}
	return &node{kind: kString, text: y.Value}
}
