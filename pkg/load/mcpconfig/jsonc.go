package mcpconfig

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/internal/suppress"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// Client configuration files are JSON, and VS Code's (mcp.json, settings.json)
// and Zed's are JSON with comments and trailing commas. parseJSONC reads both
// into a small tree that keeps where every key and value is written, which
// encoding/json does not.

// maxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxDepth = 64

type kind byte

const (
	kObject kind = iota + 1
	kArray
	kString
	kNumber
	kBool
	kNull
)

type node struct {
	kind   kind
	text   string // a string's decoded value, a number's or literal's text
	pos    mcpclient.Pos
	keys   []string
	keyPos []mcpclient.Pos
	vals   []*node // an object's values (beside keys) or an array's items
}

// get returns the value of key in an object, the last one when a key is
// written twice (as most JSON readers do), with the key's position.
func (n *node) get(key string) (*node, mcpclient.Pos) {
	if n == nil || n.kind != kObject {
		return nil, mcpclient.Pos{}
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i] == key {
			return n.vals[i], n.keyPos[i]
		}
	}
	return nil, mcpclient.Pos{}
}

// The tree is what suppress.Parse reads x-apiaudit-ignore entries from.

func (n *node) Kind() suppress.Kind {
	switch n.kind {
	case kString:
		return suppress.String
	case kObject:
		return suppress.Object
	case kArray:
		return suppress.Array
	}
	return suppress.Other
}

func (n *node) Text() string                         { return n.text }
func (n *node) Len() int                             { return len(n.vals) }
func (n *node) Item(i int) suppress.Node             { return n.vals[i] }
func (n *node) Member(i int) (string, suppress.Node) { return n.keys[i], n.vals[i] }

// SyntaxError is a file that is not JSON (with comments).
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d:%d: %s", e.Line, e.Column, e.Msg) }

type parser struct {
	data []byte
	i    int
	// the position of offset at, advanced forward as the parse goes, so
	// that columns cost nothing on long minified lines
	at        int
	line, col int
}

func parseJSONC(data []byte) (root *node, err error) {
	data = trimBOM(data)
	p := &parser{data: data, line: 1, col: 1}
	if err := p.space(); err != nil {
		return nil, err
	}
	if p.i >= len(p.data) {
		return nil, p.errorf("the file is empty")
	}
	root, err = p.value(0)
	if err != nil {
		return nil, err
	}
	if err := p.space(); err != nil {
		return nil, err
	}
	if p.i < len(p.data) {
		return nil, p.errorf("unexpected %s after the top-level value", p.what())
	}
	return root, nil
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// pos is the line and column of the current offset.
func (p *parser) pos() mcpclient.Pos {
	for ; p.at < p.i && p.at < len(p.data); p.at++ {
		switch c := p.data[p.at]; {
		case c == '\n':
			p.line, p.col = p.line+1, 1
		case c&0xC0 != 0x80: // not a UTF-8 continuation byte
			p.col++
		}
	}
	return mcpclient.Pos{Line: p.line, Column: p.col}
}

func (p *parser) errorf(format string, args ...any) error {
	pos := p.pos()
	return &SyntaxError{Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf(format, args...)}
}

// what describes the byte at the current offset for an error message.
func (p *parser) what() string {
	if p.i >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.i:])
	return strconv.QuoteRune(r)
}

// space skips white space and comments.
func (p *parser) space() error {
	for p.i < len(p.data) {
		switch c := p.data[p.i]; c {
		case ' ', '\t', '\r', '\n':
			p.i++
		case '/':
			if p.i+1 >= len(p.data) {
				return p.errorf("unexpected '/'")
			}
			switch p.data[p.i+1] {
			case '/':
				for p.i < len(p.data) && p.data[p.i] != '\n' {
					p.i++
				}
			case '*':
				end := bytes.Index(p.data[p.i+2:], []byte("*/"))
				if end < 0 {
					return p.errorf("comment not closed")
				}
				p.i += 2 + end + 2
			default:
				return p.errorf("unexpected '/'")
			}
		default:
			if c == 0xC2 && p.i+1 < len(p.data) && p.data[p.i+1] == 0xA0 { // no-break space, as pasted from web pages
				p.i += 2
				continue
			}
			return nil
		}
	}
	return nil
}

func (p *parser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested deeper than %d levels", maxDepth)
	}
	if err := p.space(); err != nil {
		return nil, err
	}
	if p.i >= len(p.data) {
		return nil, p.errorf("unexpected end of file")
	}
	pos := p.pos()
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth, pos)
	case c == '[':
		return p.array(depth, pos)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &node{kind: kString, text: s, pos: pos}, nil
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		for p.i < len(p.data) && strings.IndexByte("+-.0123456789eE", p.data[p.i]) >= 0 {
			p.i++
		}
		text := string(p.data[start:p.i])
		if _, err := strconv.ParseFloat(text, 64); err != nil {
			p.i = start
			return nil, p.errorf("invalid number %q", text)
		}
		return &node{kind: kNumber, text: text, pos: pos}, nil
	}
	for _, lit := range []struct {
		word string
		k    kind
	}{{"true", kBool}, {"false", kBool}, {"null", kNull}} {
		if strings.HasPrefix(string(p.data[p.i:min(len(p.data), p.i+5)]), lit.word) {
			p.i += len(lit.word)
			return &node{kind: lit.k, text: lit.word, pos: pos}, nil
		}
	}
	return nil, p.errorf("unexpected %s", p.what())
}

func (p *parser) object(depth int, pos mcpclient.Pos) (*node, error) {
	n := &node{kind: kObject, pos: pos}
	p.i++ // {
	for {
		if err := p.space(); err != nil {
			return nil, err
		}
		if p.i < len(p.data) && p.data[p.i] == '}' {
			p.i++
			return n, nil
		}
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return nil, p.errorf("expected a quoted key or '}', found %s", p.what())
		}
		kpos := p.pos()
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.space(); err != nil {
			return nil, err
		}
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return nil, p.errorf("expected ':' after key %q, found %s", key, p.what())
		}
		p.i++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.keys, n.keyPos, n.vals = append(n.keys, key), append(n.keyPos, kpos), append(n.vals, v)
		if err := p.space(); err != nil {
			return nil, err
		}
		switch {
		case p.i < len(p.data) && p.data[p.i] == ',':
			p.i++ // a trailing comma before '}' is allowed, as in JSONC
		case p.i < len(p.data) && p.data[p.i] == '}':
		default:
			return nil, p.errorf("expected ',' or '}', found %s", p.what())
		}
	}
}

func (p *parser) array(depth int, pos mcpclient.Pos) (*node, error) {
	n := &node{kind: kArray, pos: pos}
	p.i++ // [
	for {
		if err := p.space(); err != nil {
			return nil, err
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			return n, nil
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.vals = append(n.vals, v)
		if err := p.space(); err != nil {
			return nil, err
		}
		switch {
		case p.i < len(p.data) && p.data[p.i] == ',':
			p.i++
		case p.i < len(p.data) && p.data[p.i] == ']':
		default:
			return nil, p.errorf("expected ',' or ']', found %s", p.what())
		}
	}
}

// str reads a string literal at the current offset.
func (p *parser) str() (string, error) {
	open := p.i
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), nil
		case c == '\n':
			p.i = open
			return "", p.errorf("string not closed before the end of the line")
		case c == '\\':
			if p.i+1 >= len(p.data) {
				return "", p.errorf("string not closed")
			}
			e := p.data[p.i+1]
			p.i += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.errorf("invalid \\u escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := unicode0
					if p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
						p.i += 2
						r2, _ = p.hex4()
					}
					r = utf16.DecodeRune(r, r2)
				}
				b.WriteRune(r)
			default:
				p.i -= 2
				return "", p.errorf("invalid escape \\%c", e)
			}
		default:
			r, size := utf8.DecodeRune(p.data[p.i:])
			b.WriteRune(r) // invalid UTF-8 becomes U+FFFD
			p.i += size
		}
	}
	p.i = open
	return "", p.errorf("string not closed")
}

const unicode0 = rune(0)

func (p *parser) hex4() (rune, bool) {
	if p.i+4 > len(p.data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.data[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(v), true
}
