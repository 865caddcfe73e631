package openapi

import (
	"bytes"
	"maps"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A $ref whose target is itself an element with a $ref is resolved by
// kin-openapi to the end of its chain again from every link: a chain of n
// links costs more than n² (2 000 links padded apart took 2.2 s, 4 000 took
// 17 s, 10 000 about a minute). Chains are cut every maxRefChain links,
// which no real description comes near (in the corpus no $ref leads to
// another: every chain is one link).
//
// Whether a file holds such a chain is decided from its text, without
// parsing it: refOwners reads, line by line, the pointer of every mapping
// that holds a $ref and the $ref's value. The text is parsed into nodes,
// which costs a third more memory on a large description, only when that
// scan finds a chain longer than the bound, or cannot follow the text
// (anchors, aliases, tags, explicit keys): the parse then says exactly
// where the $refs are. Chains that run through several files cannot be
// cut in files kin-openapi has already read: a document in which one is
// longer than the bound is refused.
const maxRefChain = 32

// textRef is a $ref read from the text: the pointer of the mapping that
// holds it, and its value.
type textRef struct {
	owner  string
	target string
	line   int // in the text read
}

// chainScan reads the $refs of a file's text. parse is set when the file
// must be parsed for the chain check: the text holds a chain of local
// $refs longer than maxRefChain, or the scan could not follow it (refs is
// then nil).
func chainScan(data []byte) (refs []textRef, parse bool) {
	// Every link is a "$ref" key, written as such or with an escape.
	if !bytes.Contains(data, []byte("$ref")) && !bytes.Contains(data, []byte(`\`)) {
		return nil, false
	}
	refs, ok := refOwners(data)
	if !ok {
		return nil, true
	}
	owners := make(map[string]int, len(refs))
	for i, r := range refs {
		owners[r.owner] = i
	}
	next := make([]int, len(refs))
	for i, r := range refs {
		next[i] = -1
		if j, ok := owners[localTarget(r.target)]; ok && strings.HasPrefix(r.target, "#") {
			next[i] = j
		}
	}
	for _, h := range chainHops(next) {
		if h > maxRefChain {
			return refs, true
		}
	}
	return refs, false
}

// needsChainParse reports whether a file must be parsed for the chain
// check.
func needsChainParse(data []byte) bool {
	_, parse := chainScan(data)
	return parse
}

// fileRef is a $ref of one of a document's files.
type fileRef struct {
	file string // clean absolute path
	textRef
}

// crossChain finds the longest chain of $refs that lead to $refs through
// the files read so far (each file's $refs, after its own chains were
// cut). It returns the $ref that starts it and its length, or a length of
// 0 when no chain is longer than maxRefChain. Files with no $ref to
// another file cost nothing.
func crossChain(files map[string][]textRef) (start fileRef, hops int) {
	cross := false
	for _, refs := range files {
		for _, r := range refs {
			if !strings.HasPrefix(r.target, "#") {
				cross = true
			}
		}
	}
	if !cross {
		return fileRef{}, 0
	}
	var all []fileRef
	owners := map[string]int{}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		for _, r := range files[f] {
			owners[f+"#"+r.owner] = len(all)
			all = append(all, fileRef{f, r})
		}
	}
	next := make([]int, len(all))
	for i, r := range all {
		next[i] = -1
		path, frag, _ := strings.Cut(r.target, "#")
		file := r.file
		if path != "" {
			if strings.Contains(path, "://") {
				continue
			}
			if u, err := url.PathUnescape(path); err == nil {
				path = u
			}
			file = filepath.Join(filepath.Dir(r.file), filepath.FromSlash(path))
		}
		if j, ok := owners[file+"#"+localTarget(frag)]; ok {
			next[i] = j
		}
	}
	for i, h := range chainHops(next) {
		if h > maxRefChain && h > hops {
			start, hops = all[i], h
		}
	}
	return start, hops
}

// localTarget is the pointer a local $ref names, percent-decoded as
// kin-openapi decodes it.
func localTarget(ref string) string {
	frag := strings.TrimPrefix(ref, "#")
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	return frag
}

// chainHops follows next (the link each $ref leads to, -1 for none) and
// returns, for each, the links followed to a value that is not a $ref; 0
// for a link on a cycle, which kin-openapi detects on its own. It is
// linear: each link is walked once.
func chainHops(next []int) []int {
	hops := make([]int, len(next))
	state := make([]byte, len(next)) // 0 new, 1 on the path, 2 done
	var path []int
	for i := range next {
		path = path[:0]
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = next[j]
		}
		tail := 0
		if j >= 0 {
			if state[j] == 1 {
				tail = -1 // a cycle
			} else {
				tail = hops[j]
			}
		}
		for k := len(path) - 1; k >= 0; k-- {
			if tail < 0 {
				hops[path[k]] = 0
			} else {
				tail++
				hops[path[k]] = tail
			}
			state[path[k]] = 2
		}
	}
	return hops
}

// refFrame is one open collection of the text: a block mapping or sequence
// (at an indentation) or a flow one.
type refFrame struct {
	indent int // block collections: the column of their keys or dashes
	flow   bool
	seq    bool
	key    string // mappings: the key whose value is being read
	idx    int    // sequences: the index of the item being read
	// flow mappings: a scalar was just read (it is the key if a colon
	// follows), and whether the entry's key has been read.
	scalar    string
	hasScalar bool
	keyRead   bool
}

// refScan is the state of refOwners.
type refScan struct {
	line   int // the line being read
	frames []refFrame
	out    []textRef
	ok     bool
}

func (s *refScan) path() []string {
	tok := make([]string, 0, len(s.frames))
	for _, f := range s.frames {
		if f.seq {
			tok = append(tok, strconv.Itoa(f.idx))
		} else {
			tok = append(tok, f.key)
		}
	}
	return tok
}

// ref records a $ref held by the innermost mapping.
func (s *refScan) ref(target string) {
	tok := s.path()
	s.out = append(s.out, textRef{owner: Pointer(tok[:len(tok)-1]...), target: target, line: s.line})
}

// refOwners reads every $ref of a YAML or JSON text (block and flow style,
// as the JSON rewrite and people write it) with the pointer of the mapping
// that holds it. ok is false when the text uses what the scan does not
// follow, where a $ref could hide: anchors, aliases, tags, explicit keys,
// escapes in a key or a $ref's value it cannot decode, tabs as indentation.
func refOwners(data []byte) (out []textRef, ok bool) {
	out, line := refOwnersLine(data)
	return out, line == 0
}

// refOwnersLine is refOwners that says at which line it gave up (0 when
// it did not).
func refOwnersLine(data []byte) ([]textRef, int) {
	s := &refScan{ok: true}
	lineNo := 0
	scalarParent := -1     // inside a block scalar of a node at this indentation
	var quote byte         // inside a quoted scalar that spans lines
	var quoted []byte      // its text so far, for a $ref's value
	quotedRef := false     // the quoted scalar is a $ref's value
	plainRef := false      // the last line ended with a $ref's plain value
	started := false       // content seen: a later "---" starts a second document
	var blockRef *[]string // the lines of a $ref's value written as a block scalar
	for len(data) > 0 && s.ok {
		var line []byte
		if j := bytes.IndexByte(data, '\n'); j >= 0 {
			line, data = data[:j], data[j+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimRight(line, "\r")
		lineNo++
		s.line = lineNo
		if quote != 0 {
			// A quoted scalar continues: find where it ends.
			end := closeQuote(line, 0, quote)
			piece := line
			if end >= 0 {
				piece = line[:end]
			}
			var folded bool
			quoted, folded = foldLine(quote, quoted, piece)
			if quotedRef && !folded {
				s.ok = false // a line break in a $ref's value
				break
			}
			if end < 0 {
				continue
			}
			if quotedRef {
				v, vok := keyText(quoted)
				if !vok {
					s.ok = false
					break
				}
				s.ref(v)
			}
			quote = 0
			if n := len(s.frames); n > 0 && s.frames[n-1].flow {
				if after := bytes.TrimLeft(line[end:], " \t"); len(after) > 0 && after[0] == ':' && !s.frames[n-1].seq {
					s.ok = false // a key over several lines
					break
				}
				quote, quoted, quotedRef = s.flow(line, end)
			}
			continue
		}
		if len(s.frames) > 0 && s.frames[len(s.frames)-1].flow {
			quote, quoted, quotedRef = s.flow(line, 0)
			continue
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		rest := bytes.TrimRight(line[indent:], " \t")
		if len(rest) == 0 {
			continue
		}
		if scalarParent >= 0 {
			if indent > scalarParent {
				if blockRef != nil {
					*blockRef = append(*blockRef, string(rest))
				}
				continue
			}
			scalarParent = -1
			if blockRef != nil {
				s.ref(strings.Join(*blockRef, " "))
				blockRef = nil
			}
		}
		if rest[0] == '#' {
			continue
		}
		if rest[0] == '\t' || rest[0] == '?' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t') {
			s.ok = false // a tab as indentation, an explicit key
			break
		}
		if indent == 0 && (bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("..."))) &&
			(len(rest) == 3 || rest[3] == ' ' || rest[3] == '\t') {
			if started {
				break // a second document, which kin-openapi does not read
			}
			if after := bytes.TrimSpace(rest[3:]); len(after) > 0 && after[0] != '#' {
				s.ok = false // content on the marker's line
				break
			}
			continue
		}
		if indent == 0 && rest[0] == '%' && !started {
			continue // a directive
		}
		started = true
		// A line that is neither a key nor an item continues a plain
		// scalar; a $ref's value folded over lines is not followed.
		item := false
		dash := indent // the column of the last dash
		for len(rest) >= 1 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t') {
			s.item(indent)
			item, dash = true, indent
			n := 1
			for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
				n++
			}
			rest, indent = rest[n:], indent+n
		}
		if len(rest) == 0 {
			plainRef = false
			continue
		}
		value := rest
		keyed := false
		if rest[0] != '{' && rest[0] != '[' {
			k := keyEnd(rest)
			if rest[0] == '"' || rest[0] == '\'' {
				// A quoted key may be followed by its colon directly.
				if e := closeQuote(rest, 1, rest[0]); e > 0 && e < len(rest) && rest[e] == ':' {
					k = e
				}
			}
			if k < 0 {
				if !item && plainRef {
					s.ok = false
					break
				}
				if !item {
					plainRef = false
					continue // a continuation line
				}
			} else {
				key, kok := keyText(bytes.TrimRight(rest[:k], " \t"))
				if !kok {
					s.ok = false
					break
				}
				s.key(indent, key, item)
				keyed = true
				value = bytes.TrimLeft(rest[k+1:], " \t")
			}
		}
		plainRef = false
		tagged := skipCoreTag(value)
		collection := len(tagged) < len(value)
		value = tagged
		isRef := keyed && s.frames[len(s.frames)-1].key == "$ref"
		if len(value) == 0 || value[0] == '#' {
			// A $ref's value may be a scalar on the lines below, which
			// is not followed, or a mapping or sequence (a property
			// named $ref), which is no reference.
			plainRef = isRef && !collection
			continue
		}
		switch value[0] {
		case '{', '[':
			s.push(refFrame{flow: true, seq: value[0] == '[', indent: -1})
			quote, quoted, quotedRef = s.flow(value, 1)
		case '|', '>':
			scalarParent = indent
			if item && !keyed {
				scalarParent = dash
			}
			if isRef {
				blockRef = new([]string)
			}
		case '&', '*', '!', '?':
			s.ok = false
		case '"', '\'':
			end := closeQuote(value, 1, value[0])
			if end < 0 {
				quote, quoted, quotedRef = value[0], append([]byte(nil), value...), isRef
				continue
			}
			if isRef {
				v, vok := keyText(value[:end])
				if !vok {
					s.ok = false
					break
				}
				s.ref(v)
			}
		default:
			if isRef {
				v := value
				if i := bytes.Index(v, []byte(" #")); i >= 0 {
					v = bytes.TrimRight(v[:i], " \t")
				}
				s.ref(string(v))
				plainRef = true
			}
		}
	}
	if quote != 0 && quotedRef {
		s.ok = false
	}
	if blockRef != nil && s.ok {
		s.ref(strings.Join(*blockRef, " "))
	}
	if s.ok {
		return s.out, 0
	}
	return s.out, max(lineNo, 1)
}

func (s *refScan) push(f refFrame) { s.frames = append(s.frames, f) }

// item opens or continues a block sequence whose dashes are at indent.
func (s *refScan) item(indent int) {
	for len(s.frames) > 0 && s.frames[len(s.frames)-1].indent > indent {
		s.frames = s.frames[:len(s.frames)-1]
	}
	if n := len(s.frames); n > 0 && s.frames[n-1].seq && s.frames[n-1].indent == indent {
		s.frames[n-1].idx++
		return
	}
	s.push(refFrame{indent: indent, seq: true})
}

// key reads a block mapping key at indent; first is set for the first key
// of a sequence item's mapping.
func (s *refScan) key(indent int, key string, first bool) {
	if !first {
		for len(s.frames) > 0 {
			top := s.frames[len(s.frames)-1]
			if top.indent > indent || top.indent == indent && top.seq {
				s.frames = s.frames[:len(s.frames)-1]
				continue
			}
			break
		}
		if n := len(s.frames); n > 0 && !s.frames[n-1].seq && s.frames[n-1].indent == indent {
			s.frames[n-1].key = key
			return
		}
	}
	s.push(refFrame{indent: indent, key: key})
}

// flow reads line from i while a flow collection is open. When a quoted
// scalar is left open at the end of the line it returns its quote, its
// text so far and whether it is a $ref's value.
func (s *refScan) flow(line []byte, i int) (byte, []byte, bool) {
	for i < len(line) && s.ok {
		n := len(s.frames)
		if n == 0 || !s.frames[n-1].flow {
			return 0, nil, false // the outermost collection closed
		}
		top := &s.frames[n-1]
		switch ch := line[i]; ch {
		case ' ', '\t', '\r':
			i++
		case '#':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return 0, nil, false
			}
			i = s.plain(line, i)
		case '{', '[':
			s.push(refFrame{flow: true, seq: ch == '[', indent: -1})
			i++
		case '}', ']':
			s.frames = s.frames[:n-1]
			i++
		case ',':
			if top.seq {
				top.idx++
			}
			top.hasScalar, top.keyRead, top.key = false, false, ""
			i++
		case ':':
			if top.seq {
				s.ok = false // a single-pair mapping in a sequence
				return 0, nil, false
			}
			if top.hasScalar && !top.keyRead {
				top.key, top.keyRead, top.hasScalar = top.scalar, true, false
			}
			i++
		case '&', '*', '!', '?':
			s.ok = false
			return 0, nil, false
		case '"', '\'':
			end := closeQuote(line, i+1, ch)
			if end < 0 {
				return ch, append([]byte(nil), line[i:]...), !top.seq && top.keyRead && top.key == "$ref"
			}
			if !top.seq && (!top.keyRead || top.key == "$ref") {
				v, ok := keyText(line[i:end])
				if !ok {
					s.ok = false
					return 0, nil, false
				}
				s.scalar(v)
			}
			i = end
		default:
			i = s.plain(line, i)
		}
	}
	return 0, nil, false
}

// plain reads a plain scalar in a flow collection from i.
func (s *refScan) plain(line []byte, i int) int {
	j := i
	for j < len(line) {
		c := line[j]
		if c == ',' || c == '[' || c == ']' || c == '{' || c == '}' {
			break
		}
		if c == ':' && (j+1 == len(line) || strings.IndexByte(" \t,[]{}", line[j+1]) >= 0) {
			break
		}
		if c == '#' && j > i && (line[j-1] == ' ' || line[j-1] == '\t') {
			break
		}
		j++
	}
	s.scalar(string(bytes.TrimRight(line[i:j], " \t")))
	if j == len(line) {
		// A plain scalar may go on on the next line; a $ref's value
		// folded that way is not followed.
		if top := s.frames[len(s.frames)-1]; !top.seq && top.keyRead && top.key == "$ref" {
			s.ok = false
		}
	}
	return j
}

// scalar is a scalar read in a flow collection: a key, or a value.
func (s *refScan) scalar(v string) {
	top := &s.frames[len(s.frames)-1]
	if top.seq {
		return
	}
	if top.keyRead {
		if top.key == "$ref" {
			s.ref(v)
		}
		return
	}
	top.scalar, top.hasScalar = v, true
}

// skipCoreTag skips the tag of a mapping or sequence that the JSON
// rewrite writes before each (!!map, !!seq): it changes nothing of the
// structure.
func skipCoreTag(v []byte) []byte {
	for _, tag := range []string{"!!map", "!!seq"} {
		if bytes.HasPrefix(v, []byte(tag)) && (len(v) == len(tag) || v[len(tag)] == ' ') {
			return bytes.TrimLeft(v[len(tag):], " ")
		}
	}
	return v
}

// foldLine adds piece, the next line of a quoted scalar written over
// several lines, to text as YAML folds it: an escaped line break joins
// the lines, any other becomes a space. folded is false for an empty line
// (a line break is kept), which the scan does not follow in a $ref.
func foldLine(q byte, text, piece []byte) (out []byte, folded bool) {
	piece = bytes.TrimLeft(piece, " \t")
	if q == '"' {
		n := 0
		for i := len(text) - 1; i >= 0 && text[i] == '\\'; i-- {
			n++
		}
		if n%2 == 1 {
			return append(text[:len(text)-1], piece...), true
		}
	}
	text = bytes.TrimRight(text, " \t")
	if len(piece) == 0 {
		return text, false
	}
	return append(append(text, ' '), piece...), true
}

// closeQuote returns the index after the quoted scalar whose quote is at
// start-1, or -1 when it does not end on this line.
func closeQuote(s []byte, start int, q byte) int {
	for i := start; i < len(s); i++ {
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
	return -1
}

// keyText is the text of a scalar written plain or quoted on one line. ok
// is false for a double-quoted scalar with an escape it does not decode.
func keyText(b []byte) (string, bool) {
	if len(b) >= 2 && b[0] == '\'' && b[len(b)-1] == '\'' {
		return strings.ReplaceAll(string(b[1:len(b)-1]), "''", "'"), true
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		if bytes.IndexByte(b, '\\') < 0 {
			return string(b[1 : len(b)-1]), true
		}
		// JSON's \/ is not one of Go's escapes.
		var u []byte
		for i := 0; i < len(b); i++ {
			if b[i] == '\\' && i+1 < len(b) {
				if b[i+1] == '/' {
					u = append(u, '/')
				} else {
					u = append(u, b[i], b[i+1])
				}
				i++
				continue
			}
			u = append(u, b[i])
		}
		v, err := strconv.Unquote(string(u))
		return v, err == nil
	}
	if len(b) > 0 && (b[0] == '&' || b[0] == '*' || b[0] == '!' || b[0] == '?') {
		return "", false
	}
	return string(b), true
}
