package openapi

import (
	"bytes"
	"fmt"
	"path/filepath"
)

// go-yaml, which kin-openapi decodes every document with (JSON included),
// checks a mapping for duplicate keys by comparing every pair of its keys:
// 100 000 keys in one mapping took 41 s, a million about an hour. The
// check cannot be turned off from here, so a file is measured before it
// is handed over: the keys of each mapping, counted by a scan of the text
// that is linear in its size, squared and summed, may not exceed
// maxKeyPairs. That is as many as one mapping of 20 000 keys, or a hundred
// of 2 000; Microsoft Graph, the largest public description, comes to
// 67 million (its largest mapping has 7 419 keys), 6 times below.
//
// The same scan measures how deep mappings and sequences nest. The parser
// refuses 10 000 levels, but well below that nested schemas cost memory
// quadratic in the depth, since each schema's pointer and each finding's
// pointer and name are as long as its path (4 900 levels took 715 MB,
// 1 000 levels 60 MB, for the whole scan): a file may nest maxDepth levels, 16
// times what the deepest description of the corpus does (30, DigitalOcean).
const (
	maxKeysOneMapping = 20_000
	maxKeyPairs       = maxKeysOneMapping * maxKeysOneMapping
	maxDepth          = 500
)

// keyCost is what mappingKeys measured of a file: the sum of the squares
// of its mappings' key counts, and where its largest mapping starts.
type keyCost struct {
	pairs       int64
	largest     int
	largestLine int
	mappings    int
	depth       int // the deepest nesting of mappings and sequences
	depthLine   int // where it is first reached
}

// shapeError is a file refused for the size of its mappings or the depth
// of its nesting.
type shapeError struct {
	msg  string
	abs  string // the file
	line int    // where its largest mapping starts
}

func (e *shapeError) Error() string { return e.msg }

// checkShape refuses a file whose mappings are too large, or nest too
// deep, to load; name is how messages call it.
func checkShape(abs, name string, data []byte) error {
	c := mappingKeys(data)
	if c.depth > maxDepth {
		return &shapeError{fmt.Sprintf("%s is not loaded: it nests more than %d levels deep (%d at line %d; real descriptions nest about 30, and walking deeper nesting costs memory quadratic in the depth)",
			name, maxDepth, c.depth, c.depthLine), filepath.Clean(abs), c.depthLine}
	}
	if c.pairs <= maxKeyPairs {
		return nil
	}
	return &shapeError{fmt.Sprintf("%s is not loaded: its mappings hold too many keys (the largest, at line %d, has %d; a file may hold as many as one mapping of %d keys, since the YAML parser compares every pair of keys of a mapping)",
		name, c.largestLine, c.largest, maxKeysOneMapping), filepath.Clean(abs), c.largestLine}
}

// mappingKeys counts the keys of every mapping of a YAML or JSON text,
// block and flow style, without parsing it: block mapping keys by their
// indentation, flow mapping entries by their commas. It is a measure, not
// a parser: text it cannot tell from keys (a multi-line quoted string)
// may count as keys, and block scalars (| and >) are skipped.
func mappingKeys(data []byte) keyCost {
	var c keyCost
	done := func(n, line int) {
		c.pairs += int64(n) * int64(n)
		c.mappings++
		if n > c.largest {
			c.largest, c.largestLine = n, line
		}
	}
	type block struct{ indent, keys, line int }
	type flow struct {
		mapping bool
		keys    int
		line    int
		pending bool // an entry has started since the last comma
	}
	var blocks []block
	var flows []flow
	scalarParent := -1 // inside a block scalar whose key is at this indentation
	lineNo := 0
	deeper := func() {
		if d := len(blocks) + len(flows); d > c.depth {
			c.depth, c.depthLine = d, lineNo
		}
	}
	// inFlow scans line from i while a flow collection is open, and
	// returns where it stopped.
	inFlow := func(line []byte, i int) {
		for i < len(line) && len(flows) > 0 {
			top := &flows[len(flows)-1]
			switch ch := line[i]; ch {
			case '"':
				i = skipQuoted(line, i, '"')
				top.pending = true
				continue
			case '\'':
				i = skipQuoted(line, i, '\'')
				top.pending = true
				continue
			case '{', '[':
				top.pending = true
				flows = append(flows, flow{mapping: ch == '{', line: lineNo})
				deeper()
			case ',':
				if top.pending {
					top.keys++
				}
				top.pending = false
			case '}', ']':
				if top.pending {
					top.keys++
				}
				if top.mapping {
					done(top.keys, top.line)
				}
				flows = flows[:len(flows)-1]
			case '#':
				if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
					return // a comment, to the end of the line
				}
				top.pending = true
			case ' ', '\t', '\r':
			default:
				// Plain text up to the next character that matters.
				top.pending = true
				j := bytes.IndexAny(line[i:], "\"'{}[],#")
				if j < 0 {
					return
				}
				i += j
				continue
			}
			i++
		}
	}
	for len(data) > 0 {
		var line []byte
		if j := bytes.IndexByte(data, '\n'); j >= 0 {
			line, data = data[:j], data[j+1:]
		} else {
			line, data = data, nil
		}
		lineNo++
		if len(flows) > 0 {
			inFlow(line, 0)
			continue
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		rest := bytes.TrimRight(line[indent:], " \t\r")
		if len(rest) == 0 || rest[0] == '#' {
			continue
		}
		if scalarParent >= 0 {
			if indent > scalarParent {
				continue
			}
			scalarParent = -1
		}
		// "- - key: v": each sequence indicator moves the key right, and
		// starts a new mapping.
		item := false
		for len(rest) >= 2 && rest[0] == '-' && (rest[1] == ' ' || rest[1] == '\t') {
			rest = rest[2:]
			indent += 2
			item = true
			for len(rest) > 0 && rest[0] == ' ' {
				rest = rest[1:]
				indent++
			}
		}
		for len(blocks) > 0 && blocks[len(blocks)-1].indent > indent {
			b := blocks[len(blocks)-1]
			done(b.keys, b.line)
			blocks = blocks[:len(blocks)-1]
		}
		value := rest
		if len(rest) > 0 && rest[0] != '{' && rest[0] != '[' {
			k := keyEnd(rest)
			if k < 0 {
				continue // a continuation line, or a sequence of scalars
			}
			if item && len(blocks) > 0 && blocks[len(blocks)-1].indent == indent {
				b := blocks[len(blocks)-1]
				done(b.keys, b.line)
				blocks = blocks[:len(blocks)-1]
			}
			if len(blocks) > 0 && blocks[len(blocks)-1].indent == indent {
				blocks[len(blocks)-1].keys++
			} else {
				blocks = append(blocks, block{indent: indent, keys: 1, line: lineNo})
				deeper()
			}
			value = bytes.TrimLeft(rest[k+1:], " \t")
		}
		switch {
		case len(value) == 0:
		case value[0] == '{' || value[0] == '[':
			flows = append(flows, flow{mapping: value[0] == '{', line: lineNo})
			deeper()
			inFlow(value, 1)
		case value[0] == '|' || value[0] == '>':
			scalarParent = indent
		}
	}
	for _, f := range flows {
		if f.mapping {
			done(f.keys, f.line)
		}
	}
	for _, b := range blocks {
		done(b.keys, b.line)
	}
	return c
}

// keyEnd is the index of the colon that ends a block mapping key at the
// start of s (a colon followed by a space or the end of the line, outside
// quotes and before a comment), or -1.
func keyEnd(s []byte) int {
	i := 0
	if s[0] == '"' || s[0] == '\'' {
		i = skipQuoted(s, 0, s[0])
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return -1
			}
		}
	}
	return -1
}

// skipQuoted returns the index after the quoted string that starts at i
// (or the end of s when it does not end on this line).
func skipQuoted(s []byte, i int, q byte) int {
	for i++; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q:
			if q == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(s)
}
