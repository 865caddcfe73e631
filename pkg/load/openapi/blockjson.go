package openapi

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// JSON documents are read by kin-openapi through go-yaml, which parses them
// as flow-style YAML. go-yaml v4 keeps every token of an outermost flow
// collection queued until the collection ends, and inserts into that queue
// by moving its tail: on a 5 MB description the load spends most of its time
// and allocations in that one memmove. The same document written as block
// YAML parses in linear time.
//
// toBlock rewrites a JSON document as block YAML with the same values, one
// key or sequence item per line, and keeps a line map so that positions
// reported in the rewritten text (kin-openapi's origins, go-yaml's nodes)
// can be turned back into positions in the JSON the user wrote.

// srcPos is a 1-based line and column in the original file.
type srcPos struct{ line, col int32 }

// lineAnchors maps one line of the block text: its first token (a key or a
// sequence dash) came from key, and what starts at column valCol (a value
// or a nested collection's tag) came from val.
type lineAnchors struct {
	key    srcPos
	keyCol int32
	valCol int32 // 0 when the line has no value anchor
	val    srcPos
}

// lineMap turns positions in a block rewrite back into the JSON's.
type lineMap []lineAnchors

// orig maps a 1-based line and column of the block text to the original.
func (m lineMap) orig(line, col int) (int, int) {
	if line < 1 || line > len(m) {
		return line, col
	}
	a := m[line-1]
	base, from := a.key, a.keyCol
	if a.valCol > 0 && int32(col) >= a.valCol {
		base, from = a.val, a.valCol
	}
	c := int(base.col) + col - int(from)
	if c < 1 {
		c = 1
	}
	return int(base.line), c
}

// Limits past which a document is left as it is: the rewrite would cost
// more than it saves, or could not express the document.
const (
	blockMaxDepth  = 256  // indentation grows with depth
	blockMaxKeyLen = 1000 // YAML implicit keys are limited to 1024 characters
)

// toBlock rewrites data, a JSON document, as block YAML. ok is false when
// data is not valid JSON (kin-openapi then reports the error against the
// original bytes), nests deeper than blockMaxDepth, or has a key too long
// for a YAML implicit key. A key written twice in an object keeps its last
// value, as encoding/json does; the duplicates are returned by toBlockTop.
func toBlock(data []byte) (out []byte, lines lineMap, ok bool) {
	out, lines, _, _, ok = toBlockTop(data)
	return out, lines, ok
}

// toBlockTop is toBlock that also returns where each top-level key is
// written in the original.
func toBlockTop(data []byte) (out []byte, lines lineMap, top map[string]srcPos, dups []dupKey, ok bool) {
	if !utf8.Valid(data) || bytes.Contains(data, []byte("\u0085")) {
		return nil, nil, nil, nil, false
	}
	s := &blockScanner{data: data, line: 1, col: 1, top: map[string]srcPos{}}
	b := &blockWriter{out: make([]byte, 0, len(data)+len(data)/2)}
	s.skipSpace()
	if s.pos >= len(data) || data[s.pos] != '{' {
		return nil, nil, nil, nil, false
	}
	if !s.object(b, 0, true) {
		return nil, nil, nil, nil, false
	}
	s.skipSpace()
	if s.pos != len(data) {
		return nil, nil, nil, nil, false
	}
	return b.out, b.lines, s.top, s.dups, true
}

type blockScanner struct {
	data      []byte
	pos       int
	line      int
	lineStart int // byte offset where the current line starts
	colBytes  int // byte offset up to which col is counted
	col       int // rune column of colBytes, 1-based
	top       map[string]srcPos
	path      []string // the keys and indexes leading to the value read
	dups      []dupKey
}

// at is the original position of the byte at s.pos.
func (s *blockScanner) at() srcPos {
	if s.colBytes < s.lineStart {
		s.colBytes, s.col = s.lineStart, 1
	}
	for s.colBytes < s.pos {
		if s.data[s.colBytes]&0xC0 != 0x80 {
			s.col++
		}
		s.colBytes++
	}
	// col counted the runes before pos plus one for the line start
	return srcPos{int32(s.line), int32(s.col)}
}

func (s *blockScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\n':
			s.line++
			s.lineStart = s.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		s.pos++
	}
}

type blockWriter struct {
	out   []byte
	lines lineMap
}

func (b *blockWriter) indent(n int) {
	for range n {
		b.out = append(b.out, ' ')
	}
}

// object reads an object at s.pos ('{') and writes its members at indent.
// The caller has written what precedes the members (a key or a dash, and a
// newline) unless root.
func (s *blockScanner) object(b *blockWriter, depth int, root bool) bool {
	if depth > blockMaxDepth {
		return false
	}
	s.pos++ // '{'
	var members []member
	var index map[string]int
	for first := true; ; first = false {
		if end, ok := s.next('}', first); !ok || end {
			return ok
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return false
		}
		keyPos := s.at()
		key, ok := s.str()
		if !ok || len(key) > blockMaxKeyLen {
			return false
		}
		// Duplicate keys: a short object is checked by scanning, a long one
		// through an index.
		i := -1
		if index == nil && len(members) < 16 {
			i = slices.IndexFunc(members, func(m member) bool { return m.key == key })
		} else {
			if index == nil {
				index = make(map[string]int, 32)
				for j, m := range members {
					index[m.key] = j
				}
			}
			if j, ok := index[key]; ok {
				i = j
			}
		}
		if i >= 0 {
			// encoding/json, JavaScript and most JSON parsers keep the
			// last value of a key, and so does the rewrite: the earlier
			// member is taken out, and the duplicate is reported.
			if len(s.dups) < maxRepairs {
				s.dups = append(s.dups, dupKey{pointer: Pointer(append(slices.Clip(s.path), key)...), at: keyPos, first: members[i].pos})
			}
			start, line := members[i].out, members[i].line
			end, endLine := len(b.out), len(b.lines)
			if i+1 < len(members) {
				end, endLine = members[i+1].out, members[i+1].line
			}
			b.out = append(b.out[:start], b.out[end:]...)
			b.lines = append(b.lines[:line], b.lines[endLine:]...)
			members = slices.Delete(members, i, i+1)
			for j := i; j < len(members); j++ {
				members[j].out -= end - start
				members[j].line -= endLine - line
			}
			if index != nil {
				clear(index)
				for j, m := range members {
					index[m.key] = j
				}
			}
		}
		members = append(members, member{key: key, out: len(b.out), line: len(b.lines), pos: keyPos})
		if index != nil {
			index[key] = len(members) - 1
		}
		if root {
			s.top[key] = keyPos
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return false
		}
		s.pos++
		s.skipSpace()
		ind := 2 * depth
		b.indent(ind)
		b.out = appendYAMLString(b.out, key)
		b.out = append(b.out, ':')
		anchors := lineAnchors{key: keyPos, keyCol: int32(ind + 1)}
		s.path = append(s.path, key)
		if !s.value(b, depth, anchors) {
			return false
		}
		s.path = s.path[:len(s.path)-1]
	}
}

// member is a key written in the rewrite of an object: where its output
// and its lines start, and where it is in the original.
type member struct {
	key       string
	out, line int
	pos       srcPos
}

// dupKey is a key written twice in one JSON object.
type dupKey struct {
	pointer   string
	at, first srcPos // the later key, which counts, and the earlier one
}

// value reads the value at s.pos and writes it after a key or a dash already
// on the current output line, which anchors describes.
func (s *blockScanner) value(b *blockWriter, depth int, anchors lineAnchors) bool {
	if s.pos >= len(s.data) {
		return false
	}
	valPos := s.at()
	anchors.valCol = int32(len(b.out) - lineStartIn(b.out) + 2) // after the space
	anchors.val = valPos
	switch c := s.data[s.pos]; {
	case c == '{' || c == '[':
		if empty(s.data, s.pos) {
			s.pos++
			s.skipSpace()
			s.pos++ // the closing bracket
			if c == '{' {
				b.out = append(b.out, " {}\n"...)
			} else {
				b.out = append(b.out, " []\n"...)
			}
			b.lines = append(b.lines, anchors)
			return true
		}
		// A tag marks where the collection starts, so that its node has a
		// position of its own: the opening bracket's.
		if c == '{' {
			b.out = append(b.out, " !!map\n"...)
		} else {
			b.out = append(b.out, " !!seq\n"...)
		}
		b.lines = append(b.lines, anchors)
		if c == '{' {
			return s.object(b, depth+1, false)
		}
		return s.array(b, depth+1)
	case c == '"':
		v, ok := s.str()
		if !ok {
			return false
		}
		b.out = append(b.out, ' ')
		b.out = appendYAMLString(b.out, v)
	default:
		start := s.pos
		for s.pos < len(s.data) && isScalarByte(s.data[s.pos]) {
			s.pos++
		}
		lit := s.data[start:s.pos]
		if !validLiteral(lit) {
			return false
		}
		b.out = append(b.out, ' ')
		b.out = append(b.out, lit...)
	}
	b.out = append(b.out, '\n')
	b.lines = append(b.lines, anchors)
	return true
}

// next moves to the next element of a collection that closes with close:
// past the comma unless it is the first. end says the collection is over
// (its closing byte is read); ok is false for a malformed document.
func (s *blockScanner) next(close byte, first bool) (end, ok bool) {
	s.skipSpace()
	if s.pos >= len(s.data) {
		return false, false
	}
	if s.data[s.pos] == close {
		s.pos++
		return true, true
	}
	if !first {
		if s.data[s.pos] != ',' {
			return false, false
		}
		s.pos++
		s.skipSpace()
	}
	return false, true
}

func (s *blockScanner) array(b *blockWriter, depth int) bool {
	if depth > blockMaxDepth {
		return false
	}
	s.pos++ // '['
	n := 0
	for first := true; ; first = false {
		if end, ok := s.next(']', first); !ok || end {
			return ok
		}
		ind := 2 * depth
		b.indent(ind)
		b.out = append(b.out, '-')
		anchors := lineAnchors{key: s.at(), keyCol: int32(ind + 1)}
		s.path = append(s.path, strconv.Itoa(n))
		n++
		if !s.value(b, depth, anchors) {
			return false
		}
		s.path = s.path[:len(s.path)-1]
	}
}

// empty reports whether the collection opening at i closes with only
// white space inside.
func empty(data []byte, i int) bool {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case ' ', '\t', '\r', '\n':
			continue
		case '}', ']':
			return true
		}
		return false
	}
	return false
}

func lineStartIn(out []byte) int {
	return bytes.LastIndexByte(out, '\n') + 1
}

// str reads a JSON string at s.pos and returns its value.
func (s *blockScanner) str() (string, bool) {
	start := s.pos
	s.pos++
	escaped := false
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; {
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !escaped {
				return string(raw[1 : len(raw)-1]), true
			}
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				return "", false
			}
			return v, true
		case c == '\\':
			escaped = true
			s.pos += 2
		case c < 0x20:
			return "", false
		default:
			s.pos++
		}
	}
	return "", false
}

func isScalarByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-' || c == '+' || c == '.' || c == 'E'
}

// validLiteral accepts JSON's true, false, null and numbers.
func validLiteral(lit []byte) bool {
	switch string(lit) {
	case "true", "false", "null":
		return true
	case "":
		return false
	}
	if lit[0] != '-' && (lit[0] < '0' || lit[0] > '9') {
		return false
	}
	_, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		// Out-of-range numbers are valid JSON; anything else is not.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return false
		}
	}
	return true
}

// appendYAMLString writes s as a YAML double-quoted scalar. Everything
// YAML would not read back as the same characters is escaped: quotes,
// backslashes, control characters and the characters YAML treats as line
// breaks (U+0085, U+2028, U+2029).
func appendYAMLString(out []byte, s string) []byte {
	out = append(out, '"')
	for _, r := range s {
		switch {
		case r == '"':
			out = append(out, '\\', '"')
		case r == '\\':
			out = append(out, '\\', '\\')
		case r == '\n':
			out = append(out, '\\', 'n')
		case r == '\t':
			out = append(out, '\\', 't')
		case r == '\r':
			out = append(out, '\\', 'r')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
			out = append(out, `\u`...)
			out = append(out, "0123456789abcdef"[r>>12&0xf], "0123456789abcdef"[r>>8&0xf], "0123456789abcdef"[r>>4&0xf], "0123456789abcdef"[r&0xf])
		case r == utf8.RuneError:
			// Valid UTF-8 was checked up front, so this is a real U+FFFD.
			out = utf8.AppendRune(out, r)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return append(out, '"')
}
