package mcpconfig

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// Codex reads its MCP servers from TOML ([mcp_servers.<name>] tables in
// ~/.codex/config.toml or a project's .codex/config.toml). parseTOML reads
// TOML into the same tree as JSON with go-toml's parser, whose syntax tree
// keeps the byte range of every key and value (its decoder does not):
// tables, arrays of tables, dotted keys and inline tables become objects,
// as TOML defines them.

type tomlReader struct {
	p          *unstable.Parser
	lineStarts []int // byte offset of each line's first byte
	data       []byte
}

func parseTOML(data []byte) (root *node, err error) {
	data = trimBOM(data)
	r := &tomlReader{p: &unstable.Parser{}, data: data, lineStarts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	defer func() {
		// The syntax tree's accessors panic on a shape they do not expect;
		// no input may take the scan down.
		if x := recover(); x != nil {
			root, err = nil, &SyntaxError{Line: 1, Column: 1, Msg: fmt.Sprint("unreadable TOML: ", x)}
		}
	}()
	r.p.Reset(data)
	root = &node{kind: kObject, pos: mcpclient.Pos{Line: 1, Column: 1}}
	cur := root
	for r.p.NextExpression() {
		e := r.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			if err := r.keyValue(cur, e, 1); err != nil {
				return nil, err
			}
		case unstable.Table, unstable.ArrayTable:
			if cur, err = r.table(root, e); err != nil {
				return nil, err
			}
		}
	}
	if err := r.p.Error(); err != nil {
		return nil, r.syntaxError(err)
	}
	return root, nil
}

// posAt is the line and column (in characters) of a byte offset.
func (r *tomlReader) posAt(off int) mcpclient.Pos {
	line := 0
	lo, hi := 0, len(r.lineStarts)
	for lo < hi { // the last line start at or before off
		mid := (lo + hi) / 2
		if r.lineStarts[mid] <= off {
			line, lo = mid, mid+1
		} else {
			hi = mid
		}
	}
	start := r.lineStarts[line]
	off = min(off, len(r.data))
	return mcpclient.Pos{Line: line + 1, Column: utf8.RuneCount(r.data[start:off]) + 1}
}

func (r *tomlReader) posOf(n *unstable.Node) mcpclient.Pos { return r.posAt(int(n.Raw.Offset)) }

func (r *tomlReader) syntaxError(err error) error {
	msg := err.Error()
	pos := mcpclient.Pos{Line: 1, Column: 1}
	if pe, ok := err.(*unstable.ParserError); ok && pe.Highlight != nil {
		if off, ok := offsetIn(r.data, pe.Highlight); ok {
			pos = r.posAt(off)
		}
	}
	return &SyntaxError{Line: pos.Line, Column: pos.Column, Msg: msg}
}

// offsetIn is the offset of sub within data, when sub is a slice of it
// (go-toml's errors highlight a slice of the input). An empty slice at the
// end of the input is the end of the file.
func offsetIn(data, sub []byte) (int, bool) {
	if cap(sub) == 0 {
		return len(data), true
	}
	off := cap(data) - cap(sub)
	if off < 0 || off > len(data) {
		return 0, false
	}
	return off, true
}

// keyParts reads a (dotted) key: its parts and where each is written.
func (r *tomlReader) keyParts(n *unstable.Node) (keys []string, pos []mcpclient.Pos) {
	it := n.Key()
	for it.Next() {
		k := it.Node()
		keys = append(keys, string(k.Data))
		pos = append(pos, r.posOf(k))
	}
	return keys, pos
}

// descend returns the object at key in o, made when missing. A key that
// holds an array (of tables) leads to its last table, as TOML's headers
// define; a key that holds something else is an error.
func descend(o *node, key string, pos mcpclient.Pos) (*node, error) {
	if v, _ := o.get(key); v != nil {
		switch {
		case v.kind == kObject:
			return v, nil
		case v.kind == kArray && len(v.vals) > 0 && v.vals[len(v.vals)-1].kind == kObject:
			return v.vals[len(v.vals)-1], nil
		}
		return nil, &SyntaxError{Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf("key %q is already a value, not a table", key)}
	}
	n := &node{kind: kObject, pos: pos}
	o.keys, o.keyPos, o.vals = append(o.keys, key), append(o.keyPos, pos), append(o.vals, n)
	return n, nil
}

// table handles a [table] or [[array of tables]] header and returns the
// object the key-values after it go into.
func (r *tomlReader) table(root *node, e *unstable.Node) (*node, error) {
	keys, pos := r.keyParts(e)
	if len(keys) == 0 {
		return root, nil
	}
	if len(keys) > maxDepth {
		return nil, &SyntaxError{Line: pos[0].Line, Column: pos[0].Column, Msg: "nested deeper than " + strconv.Itoa(maxDepth) + " levels"}
	}
	o := root
	last := len(keys) - 1
	for i := range last {
		var err error
		if o, err = descend(o, keys[i], pos[i]); err != nil {
			return nil, err
		}
	}
	if e.Kind == unstable.Table {
		return descend(o, keys[last], pos[last])
	}
	arr, _ := o.get(keys[last])
	if arr == nil {
		arr = &node{kind: kArray, pos: pos[last]}
		o.keys, o.keyPos, o.vals = append(o.keys, keys[last]), append(o.keyPos, pos[last]), append(o.vals, arr)
	} else if arr.kind != kArray {
		return nil, &SyntaxError{Line: pos[last].Line, Column: pos[last].Column, Msg: fmt.Sprintf("key %q is already a value, not an array of tables", keys[last])}
	}
	t := &node{kind: kObject, pos: pos[last]}
	arr.vals = append(arr.vals, t)
	return t, nil
}

// keyValue adds key = value to o; a dotted key makes the tables on its way.
func (r *tomlReader) keyValue(o *node, e *unstable.Node, depth int) error {
	keys, pos := r.keyParts(e)
	if len(keys) == 0 {
		return nil
	}
	if depth+len(keys) > maxDepth {
		return &SyntaxError{Line: pos[0].Line, Column: pos[0].Column, Msg: "nested deeper than " + strconv.Itoa(maxDepth) + " levels"}
	}
	last := len(keys) - 1
	for i := range last {
		var err error
		if o, err = descend(o, keys[i], pos[i]); err != nil {
			return err
		}
	}
	v, err := r.value(e.Value(), depth+len(keys))
	if err != nil {
		return err
	}
	o.keys, o.keyPos, o.vals = append(o.keys, keys[last]), append(o.keyPos, pos[last]), append(o.vals, v)
	return nil
}

func (r *tomlReader) value(v *unstable.Node, depth int) (*node, error) {
	pos := r.posOf(v)
	if depth > maxDepth {
		return nil, &SyntaxError{Line: pos.Line, Column: pos.Column, Msg: "nested deeper than " + strconv.Itoa(maxDepth) + " levels"}
	}
	switch v.Kind {
	case unstable.String:
		return &node{kind: kString, text: string(v.Data), pos: pos}, nil
	case unstable.Bool:
		return &node{kind: kBool, text: string(v.Data), pos: pos}, nil
	case unstable.Integer, unstable.Float:
		return &node{kind: kNumber, text: string(bytes.ReplaceAll(v.Data, []byte("_"), nil)), pos: pos}, nil
	case unstable.Array:
		n := &node{kind: kArray, pos: pos}
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			item, err := r.value(c, depth+1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, item)
		}
		return n, nil
	case unstable.InlineTable:
		n := &node{kind: kObject, pos: pos}
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind != unstable.KeyValue {
				continue
			}
			if err := r.keyValue(n, c, depth+1); err != nil {
				return nil, err
			}
		}
		return n, nil
	}
	// dates and times: text, never a server's field
	return &node{kind: kString, text: string(v.Data), pos: pos}, nil
}
