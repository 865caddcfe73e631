package openapi

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Real descriptions are often a little broken: a value of the wrong type, a
// $ref that leads nowhere. kin-openapi then refuses the whole document, and
// an audit that reports nothing is worse than one that reports the rest. So
// when a load fails, the loader repairs what it can in the text it hands to
// kin-openapi and loads again: an element that cannot be taken as written is
// replaced, in place, by a null (a mapping value), dropped (a list item) or
// emptied (a $ref that cannot be followed), and each repair becomes an
// OAS500 finding at the element as written. Edits only overwrite bytes with
// spaces or shorter text, never add or remove a line break, so every other
// position kin-openapi records stays the user's.

// Repair is one element the loader could not take as written.
type Repair struct {
	Message  string
	Location lint.Location
}

// repairs holds the repairs of each loaded document, for rule OAS500.
var repairs sync.Map // *openapi3.T -> []Repair

// Repairs returns what the loader had to repair to load the document t.
func Repairs(t *openapi3.T) []Repair {
	if v, ok := repairs.Load(t); ok {
		return v.([]Repair)
	}
	return nil
}

// Bounds on the repair loop: each round is a whole load.
const (
	maxRepairRounds = 8
	maxRepairs      = 1000
)

// source is one file as handed to kin-openapi: after the JSON rewrite and
// the repairs so far.
type source struct {
	abs  string
	data []byte
	node *yaml.Node // parse of data; nil until needed
}

// edit overwrites data[start:end] with text (no longer than the span) and
// spaces, keeping every line break.
type edit struct {
	start, end int
	text       string
	seq        *yaml.Node // the sequence an item was dropped from
}

// nodeAt finds the shallowest node that starts at line and column, with its
// path from the root and its parent.
func nodeAt(root *yaml.Node, line, col int) (n, parent *yaml.Node, path []string, ok bool) {
	type frame struct {
		n, parent *yaml.Node
		path      []string
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[0]
		stack = stack[1:]
		if f.n == nil {
			continue
		}
		if f.n.Line == line && f.n.Column == col && f.n.Kind != yaml.DocumentNode {
			return f.n, f.parent, f.path, true
		}
		switch f.n.Kind {
		case yaml.DocumentNode:
			for _, c := range f.n.Content {
				stack = append(stack, frame{c, nil, nil})
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(f.n.Content); i += 2 {
				// Only subtrees that can hold the position.
				stack = append(stack, frame{f.n.Content[i+1], f.n, append(slices.Clip(f.path), f.n.Content[i].Value)})
			}
		case yaml.SequenceNode:
			for i, c := range f.n.Content {
				stack = append(stack, frame{c, f.n, append(slices.Clip(f.path), strconv.Itoa(i))})
			}
		}
	}
	return nil, nil, nil, false
}

// text gives byte offsets for the 1-based line and rune column positions
// go-yaml reports.
type text struct {
	data  []byte
	lines []int // offset of each line's start
}

func newText(data []byte) *text {
	t := &text{data: data, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

func (t *text) offset(line, col int) int {
	if line < 1 || line > len(t.lines) {
		return len(t.data)
	}
	off := t.lines[line-1]
	for c := 1; c < col && off < len(t.data) && t.data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(t.data[off:])
		off += size
	}
	return off
}

func (t *text) lineStart(off int) int {
	return bytes.LastIndexByte(t.data[:off], '\n') + 1
}

// span is where node n is written in t, from its first byte to the start of
// whatever follows it (next is the first node after n in document order, or
// nil).
func (t *text) span(n, next *yaml.Node) (start, end int, ok bool) {
	start = t.offset(n.Line, n.Column)
	if start >= len(t.data) {
		return 0, 0, false
	}
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		if end, ok := t.scalarEnd(start, n); ok {
			return start, end, true
		}
	}
	if n.Style&yaml.FlowStyle != 0 && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		if end, ok := t.bracketEnd(start); ok {
			return start, end, true
		}
		return 0, 0, false
	}
	// A block collection or scalar runs to the line before the next node.
	if next == nil {
		return start, len(t.data), true
	}
	nextOff := t.offset(next.Line, next.Column)
	if nextOff <= start {
		return 0, 0, false
	}
	end = t.lineStart(nextOff)
	if end <= start {
		return 0, 0, false
	}
	return start, end, true
}

// scalarEnd finds the end of a single-line or quoted scalar starting at
// start.
func (t *text) scalarEnd(start int, n *yaml.Node) (int, bool) {
	d := t.data
	switch d[start] {
	case '"':
		for i := start + 1; i < len(d); i++ {
			switch d[i] {
			case '\\':
				i++
			case '"':
				return i + 1, true
			}
		}
		return 0, false
	case '\'':
		for i := start + 1; i < len(d); i++ {
			if d[i] == '\'' {
				if i+1 < len(d) && d[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, true
			}
		}
		return 0, false
	}
	// A plain scalar: up to a comment, the end of the line or, in a flow
	// collection, a flow indicator. Multi-line plain scalars are left alone.
	i := start
	for i < len(d) && d[i] != '\n' {
		if d[i] == '#' && i > start && (d[i-1] == ' ' || d[i-1] == '\t') {
			break
		}
		if (d[i] == ',' || d[i] == ']' || d[i] == '}') && strings.Contains(n.Value, string(d[i])) == false {
			break
		}
		i++
	}
	end := i
	for end > start && (d[end-1] == ' ' || d[end-1] == '\t' || d[end-1] == '\r') {
		end--
	}
	if strings.TrimSpace(string(d[start:end])) != n.Value && !strings.HasPrefix(string(d[start:end]), n.Value) {
		return 0, false
	}
	return end, true
}

// bracketEnd finds the end of the flow collection opening at start.
func (t *text) bracketEnd(start int) (int, bool) {
	d := t.data
	depth := 0
	for i := start; i < len(d); i++ {
		switch d[i] {
		case '"':
			for i++; i < len(d) && d[i] != '"'; i++ {
				if d[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(d); i++ {
				if d[i] == '\'' {
					if i+1 < len(d) && d[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case '#':
			if i > start && (d[i-1] == ' ' || d[i-1] == '\t') {
				for i < len(d) && d[i] != '\n' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// apply writes the edits into a copy of data. Overlapping edits keep the
// first.
func apply(data []byte, edits []edit) []byte {
	out := bytes.Clone(data)
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	last := -1
	for _, e := range edits {
		if e.start < last || e.end > len(out) || len(e.text) > e.end-e.start {
			continue
		}
		for i := e.start; i < e.end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		copy(out[e.start:], e.text)
		last = e.end
	}
	return out
}

// order lists every node of a tree with its position, in document order,
// to find what follows a node.
type order struct {
	nodes []*yaml.Node
}

func newOrder(root *yaml.Node) *order {
	o := &order{}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > maxNesting+16 {
			return
		}
		if n.Kind != yaml.DocumentNode {
			o.nodes = append(o.nodes, n)
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	sort.SliceStable(o.nodes, func(i, j int) bool {
		a, b := o.nodes[i], o.nodes[j]
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	return o
}

// after is the first node that starts after n and is not inside it.
func (o *order) after(n *yaml.Node) *yaml.Node {
	inside := map[*yaml.Node]bool{}
	var mark func(*yaml.Node, int)
	mark = func(m *yaml.Node, depth int) {
		if m == nil || depth > maxNesting+16 {
			return
		}
		inside[m] = true
		for _, c := range m.Content {
			mark(c, depth+1)
		}
	}
	mark(n, 0)
	i := sort.Search(len(o.nodes), func(i int) bool {
		m := o.nodes[i]
		return m.Line > n.Line || m.Line == n.Line && m.Column > n.Column
	})
	for ; i < len(o.nodes); i++ {
		if !inside[o.nodes[i]] {
			return o.nodes[i]
		}
	}
	return nil
}

// fixer collects the repairs of one file for one round.
type fixer struct {
	src   *source
	text  *text
	order *order
	edits []edit
	seen  map[*yaml.Node]bool
	drops map[*yaml.Node]int // items dropped from each sequence
}

func newFixer(src *source) *fixer {
	return &fixer{src: src, text: newText(src.data), seen: map[*yaml.Node]bool{}, drops: map[*yaml.Node]int{}}
}

func (f *fixer) next(n *yaml.Node) *yaml.Node {
	if f.order == nil {
		f.order = newOrder(f.src.node)
	}
	return f.order.after(n)
}

// replace writes repl in place of node n.
func (f *fixer) replace(n *yaml.Node, repl string) bool {
	if f.seen[n] {
		return false
	}
	start, end, ok := f.text.span(n, f.next(n))
	if !ok || end-start < len(repl) {
		return false
	}
	f.seen[n] = true
	f.edits = append(f.edits, edit{start, end, repl, nil})
	return true
}

// drop removes item n from the sequence seq.
func (f *fixer) drop(seq, n *yaml.Node) bool {
	if f.seen[n] {
		return false
	}
	start, end, ok := f.text.span(n, f.next(n))
	if !ok {
		return false
	}
	d := f.text.data
	if seq.Style&yaml.FlowStyle != 0 {
		// The comma that follows goes too, or else the one before.
		i := end
		for i < len(d) && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r') {
			i++
		}
		if i < len(d) && d[i] == ',' {
			end = i + 1
		} else {
			j := start - 1
			for j >= 0 && (d[j] == ' ' || d[j] == '\t' || d[j] == '\n' || d[j] == '\r') {
				j--
			}
			if j >= 0 && d[j] == ',' {
				start = j
			}
		}
	} else {
		// The dash goes with the item: from the start of its line when
		// only the dash and spaces precede the item.
		ls := f.text.lineStart(start)
		if strings.Trim(string(d[ls:start]), " -\t") != "" {
			return false
		}
		start = ls
	}
	f.seen[n] = true
	f.edits = append(f.edits, edit{start, end, "", seq})
	f.drops[seq]++
	if f.drops[seq] == len(seq.Content) && seq.Style&yaml.FlowStyle == 0 {
		// Every item is gone: the list goes too (an empty one could
		// mean something: security: [] switches authentication off).
		f.edits = slices.DeleteFunc(f.edits, func(e edit) bool { return e.seq == seq })
		if !f.replace(seq, "~") {
			return false
		}
	}
	return true
}

var constructErr = regexp.MustCompile(`cannot (?:construct|unmarshal) !!(\w+)(?: ` + "`" + `([^` + "`" + `]*)` + "`" + `)? into (\S+)`)

// shapes names what a Go type of kin-openapi's model expects, for messages.
var shapes = map[string]string{
	"openapi3.SecurityRequirements": "a list of security requirements",
	"openapi3.SecurityRequirement":  "a mapping of scheme names to scope lists",
	"openapi3.Schema":               "a schema (a mapping)",
	"openapi3.SchemaRef":            "a schema (a mapping)",
	"openapi3.Types":                "a type name or a list of them",
	"openapi3.Paths":                "a mapping of paths",
	"openapi3.Responses":            "a mapping of status codes to responses",
	"openapi3.Parameters":           "a list of parameters",
	"openapi3.Servers":              "a list of servers",
	"openapi3.Tags":                 "a list of tags",
	"uint64":                        "a non-negative integer",
	"int":                           "an integer",
	"int64":                         "an integer",
	"float64":                       "a number",
	"bool":                          "true or false",
	"string":                        "a string",
}

// shapeOf describes a Go type named in a construct error.
func shapeOf(goType string) string {
	goType = strings.TrimLeft(goType, "*")
	if s, ok := shapes[goType]; ok {
		return s
	}
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "a mapping"
	}
	name := strings.TrimPrefix(goType, "openapi3.")
	name = strings.TrimSuffix(name, "Ref")
	var words []string
	start := 0
	for i := 1; i <= len(name); i++ {
		if i == len(name) || name[i] >= 'A' && name[i] <= 'Z' {
			words = append(words, strings.ToLower(name[start:i]))
			start = i
		}
	}
	w := strings.Join(words, " ")
	if w == "" {
		return "another type"
	}
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w + " object"
	}
	return "a " + w + " object"
}

// found describes the YAML value a construct error met.
func found(tag, value string) string {
	switch tag {
	case "map":
		return "a mapping"
	case "seq":
		return "a list"
	case "str":
		return strconv.Quote(value) + " (a string)"
	case "null":
		return "null"
	case "int", "float":
		return value + " (a number)"
	case "bool":
		return value + " (a boolean)"
	}
	if value != "" {
		return value
	}
	return "a " + tag
}

// describe names the element at path for a message: its key, and the
// element it belongs to.
func describe(path []string) string {
	if len(path) == 0 {
		return "the document"
	}
	last := path[len(path)-1]
	if _, err := strconv.Atoi(last); err == nil && len(path) > 1 {
		return fmt.Sprintf("item %s of %s", last, describe(path[:len(path)-1]))
	}
	for i := len(path) - 3; i >= 0; i-- {
		if path[i] == "schemas" && i > 0 && path[i-1] == "components" || path[i] == "definitions" && i == 0 {
			owner := "schema " + path[i+1]
			rest := path[i+2:]
			if len(rest) >= 3 && rest[len(rest)-3] == "properties" {
				return fmt.Sprintf("%s of %s property %s", last, owner, rest[len(rest)-2])
			}
			if len(rest) > 0 {
				return fmt.Sprintf("%s of %s", last, owner)
			}
		}
	}
	if len(path) >= 3 && path[len(path)-3] == "properties" {
		return fmt.Sprintf("%s of property %s", last, path[len(path)-2])
	}
	return last
}

// repairConstruct repairs the values a construct error names.
func (l *repairer) repairConstruct(err error) bool {
	var le *yaml.LoadErrors
	if !errors.As(err, &le) || l.last == nil {
		return false
	}
	src := l.last
	f := l.fixer(src)
	if f == nil {
		return false
	}
	changed := false
	for _, e := range le.Errors {
		n, parent, path, ok := nodeAt(src.node, e.Mark.Line, e.Mark.Column)
		if !ok || parent == nil {
			continue
		}
		msg := e.Message
		goType := ""
		if m := constructErr.FindStringSubmatch(e.Message); m != nil {
			goType = m[3]
			msg = fmt.Sprintf("%s must be %s, found %s", describe(path), expected(path, goType), found(m[1], m[2]))
		}
		if f.ignoreValue(parent, n, goType) {
			l.add(src, n, path, msg+ignoredWhat(parent))
			changed = true
		}
	}
	return changed
}

func ignoredWhat(parent *yaml.Node) string {
	if parent.Kind == yaml.SequenceNode {
		return ": the item is ignored"
	}
	return ": the value is ignored"
}

// ignoreValue takes a value of the wrong type out of the document: a list
// item is dropped, a schema becomes the empty schema, anything else null.
func (f *fixer) ignoreValue(parent, n *yaml.Node, goType string) bool {
	if parent.Kind == yaml.SequenceNode {
		return f.drop(parent, n)
	}
	if strings.HasSuffix(goType, "openapi3.Schema") || strings.HasSuffix(goType, "openapi3.SchemaRef") {
		if f.replace(n, "{}") {
			return true
		}
	}
	return f.replace(n, "~")
}

// expected names the shape an element must have: by its place where the
// Go type kin-openapi names does not say it well.
func expected(path []string, goType string) string {
	key := ""
	for i := len(path) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(path[i]); err != nil {
			key = path[i]
			break
		}
	}
	last := ""
	if len(path) > 0 {
		last = path[len(path)-1]
	}
	switch {
	case key == "security" && last != key:
		return "a security requirement (a mapping of scheme names to scope lists)"
	case key == "additionalProperties":
		return "a schema or true/false"
	case key == "properties" && last == key:
		return "a mapping of property names to schemas"
	}
	return shapeOf(goType)
}

// jsonTypeErr is the error of a Swagger 2.0 document, which kin-openapi
// decodes through encoding/json: it names the field and the Go type, not
// the position.
var jsonTypeErr = regexp.MustCompile(`cannot unmarshal (\w+) into (?:Go struct )?field (?:\w+\.)*(\w+) of type (\S+)`)

// repairJSONType repairs every value of the field a JSON type error names
// whose YAML kind cannot be that Go type.
func (l *repairer) repairJSONType(err error) bool {
	m := jsonTypeErr.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	field, goType := m[2], m[3]
	changed := false
	for _, f := range l.eachFixer {
		src := f.src
		var walk func(n *yaml.Node, path []string, depth int)
		walk = func(n *yaml.Node, path []string, depth int) {
			if n == nil || depth > maxNesting+16 {
				return
			}
			switch n.Kind {
			case yaml.DocumentNode:
				for _, c := range n.Content {
					walk(c, path, depth+1)
				}
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					k, v := n.Content[i], n.Content[i+1]
					p := append(slices.Clip(path), k.Value)
					if k.Value == field && !fits(v, goType) {
						if f.ignoreValue(n, v, goType) {
							l.add(src, v, p, fmt.Sprintf("%s must be %s, found %s%s", describe(p), expected(p, goType), foundNode(v), ignoredWhat(n)))
							changed = true
						}
						continue
					}
					walk(v, p, depth+1)
				}
			case yaml.SequenceNode:
				for i, c := range n.Content {
					walk(c, append(slices.Clip(path), strconv.Itoa(i)), depth+1)
				}
			}
		}
		walk(src.node, nil, 0)
	}
	return changed
}

// schemaValueErr is the error of a Swagger 2.0 document with a value
// where a schema belongs (items: [...], JSON Schema's tuple form): the
// schema's own decoder names neither the field nor the position.
var schemaValueErr = regexp.MustCompile(`cannot unmarshal (?:array|string|number|bool) into value of type \*?openapi[23]\.Schema\b`)

// repairSchemaValue repairs, in every file, what misshapen finds: a
// value where a schema belongs that no schema decoder takes. The error
// names neither the place nor the field, so the whole document is
// searched; the value is ignored (the schema becomes the empty one), a
// list item is dropped.
func (l *repairer) repairSchemaValue(err error) bool {
	if !schemaValueErr.MatchString(err.Error()) {
		return false
	}
	changed := false
	for _, f := range l.eachFixer {
		if l.fixFaults(f, misshapen(resolveAlias(f.src.node), nil, false)) {
			changed = true
		}
	}
	return changed
}

// fits reports whether a YAML value can be decoded as the Go type.
func fits(n *yaml.Node, goType string) bool {
	goType = strings.TrimLeft(goType, "*")
	tag := n.ShortTag()
	switch {
	case strings.HasPrefix(goType, "uint"), strings.HasPrefix(goType, "int"):
		return tag == "!!int" || tag == "!!null"
	case strings.HasPrefix(goType, "float"):
		return tag == "!!int" || tag == "!!float" || tag == "!!null"
	case goType == "bool":
		return tag == "!!bool" || tag == "!!null"
	case goType == "string":
		return n.Kind == yaml.ScalarNode
	case strings.HasPrefix(goType, "[]"):
		return n.Kind == yaml.SequenceNode || tag == "!!null"
	case strings.HasPrefix(goType, "map["):
		return n.Kind == yaml.MappingNode || tag == "!!null"
	}
	return true // a type of the model: its own decoder decides
}

func foundNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return found(strings.TrimPrefix(n.ShortTag(), "!!"), n.Value)
}

// repairer runs the repair rounds of one document.
type repairer struct {
	d       *Document
	sources map[string]*source // by clean absolute path
	last    *source            // the file read last: the one a decode error is about
	fixers  map[string]*fixer
	refs    map[string][]textRef // each file's $refs, for chains through files
	list    []Repair
	swept   map[string]bool // the files whose $refs were swept (each once)
}

// eachFixer yields the fixer of every file read so far, in the order of
// their paths.
func (l *repairer) eachFixer(yield func(string, *fixer) bool) {
	for _, abs := range slices.Sorted(maps.Keys(l.sources)) {
		if f := l.fixer(l.sources[abs]); f != nil && !yield(abs, f) {
			return
		}
	}
}

// fixFaults takes the values of faults out of f's file, each with a
// finding at the value as written; it reports whether any was.
func (l *repairer) fixFaults(f *fixer, faults []shapeFault) bool {
	changed := false
	for _, b := range faults {
		if f.ignoreValue(b.parent, b.n, b.goType()) {
			l.add(f.src, b.n, b.path, fmt.Sprintf("%s must be %s, found %s%s%s", describe(b.path), b.want, foundNode(b.n), b.hint, ignoredWhat(b.parent)))
			changed = true
		}
	}
	return changed
}

func (l *repairer) fixer(src *source) *fixer {
	if f := l.fixers[src.abs]; f != nil {
		return f
	}
	if src.node == nil {
		var doc yaml.Node
		if yaml.Unmarshal(src.data, &doc) != nil {
			return nil
		}
		src.node = &doc
	}
	f := newFixer(src)
	l.fixers[src.abs] = f
	return f
}

func (l *repairer) add(src *source, n *yaml.Node, path []string, msg string) {
	if len(l.list) >= maxRepairs {
		return
	}
	loc := lint.Location{File: l.d.rel(src.abs), Pointer: Pointer(path...)}
	loc.Line, loc.Column = l.d.orig(src.abs, n.Line, n.Column)
	l.list = append(l.list, Repair{Message: msg, Location: loc})
}

// commit applies the round's edits. It reports whether anything changed;
// edits that would leave a file that no longer parses are abandoned.
func (l *repairer) commit() bool {
	changed := false
	for abs, f := range l.fixers {
		if len(f.edits) == 0 {
			continue
		}
		out := apply(f.src.data, f.edits)
		var doc yaml.Node
		if yaml.Unmarshal(out, &doc) != nil {
			continue
		}
		l.sources[abs] = &source{abs: abs, data: out, node: &doc}
		changed = true
	}
	l.fixers = map[string]*fixer{}
	return changed
}

// round repairs what err and a sweep of the loaded files show. It reports
// whether another load is worth trying.
func (l *repairer) round(err error) bool {
	var re *refError
	var ke *shapeError
	if len(l.list) >= maxRepairs || errors.As(err, &re) && re.policy || errors.As(err, &ke) {
		return false
	}
	if l.fieldKeys() {
		// Renamed keys and their $refs: the construct errors of this
		// round may be about those keys' values, which are fine.
		return l.commit()
	}
	any := l.repairConstruct(err)
	// Each file is swept once, in the first round it is read in: a file
	// that only a later round reaches (through a $ref repaired before)
	// gets its sweep then.
	if l.swept == nil {
		l.swept = map[string]bool{}
	}
	for _, abs := range slices.Sorted(maps.Keys(l.sources)) {
		if !l.swept[abs] {
			l.swept[abs] = true
			if l.sweepRefs(l.sources[abs]) {
				any = true
			}
		}
	}
	if !any {
		any = l.repairJSONType(err)
	}
	if !any {
		any = l.repairSchemaValue(err)
	}
	if !any {
		// A component kin-openapi could not decode: repair what inside
		// it broke the decode before giving up the whole component.
		any = l.repairBadData(err)
	}
	if !any {
		any = l.repairNamedRef(err)
	}
	return any && l.commit()
}

// refNode is a $ref found in a file: the mapping holding it, its value and
// the path of the mapping.
type refNode struct {
	owner, key, value *yaml.Node
	parent            *yaml.Node // what holds owner
	path              []string
	// mapping is set for a value of a discriminator's mapping: owner is
	// the mapping, key the entry's key.
	mapping bool
}

func collectRefs(root *yaml.Node) []refNode {
	var out []refNode
	var walk func(n, parent *yaml.Node, path []string, depth int)
	walk = func(n, parent *yaml.Node, path []string, depth int) {
		if n == nil || depth > maxNesting+16 {
			return
		}
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, n, path, depth+1)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
					out = append(out, refNode{owner: n, key: k, value: v, parent: parent, path: path})
					continue
				}
				if k.Value == "mapping" && v.Kind == yaml.MappingNode && len(path) > 0 && path[len(path)-1] == "discriminator" {
					// kin-openapi follows a discriminator's mapping
					// values as references.
					for j := 0; j+1 < len(v.Content); j += 2 {
						if mv := v.Content[j+1]; mv.Kind == yaml.ScalarNode && looksLikeRef(mv.Value) {
							out = append(out, refNode{owner: v, key: v.Content[j], value: mv, parent: n, path: append(slices.Clip(path), "mapping"), mapping: true})
						}
					}
					continue
				}
				walk(v, n, append(slices.Clip(path), k.Value), depth+1)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, n, append(slices.Clip(path), strconv.Itoa(i)), depth+1)
			}
		}
	}
	walk(root, nil, nil, 0)
	return out
}

// componentKinds names the element each section of components holds.
var componentKinds = map[string]string{
	"schemas": "schema", "responses": "response", "parameters": "parameter",
	"requestBodies": "request body", "headers": "header", "securitySchemes": "security scheme",
	"examples": "example", "links": "link", "callbacks": "callback", "pathItems": "path item",
}

// expectedSection tells which section of components a $ref written at path
// must lead to, or "" when the place does not say.
func expectedSection(path []string) string {
	n := len(path)
	if n == 0 {
		return ""
	}
	inSchema := func(i int) bool { return i >= 1 && path[i-1] == "properties" }
	last := path[n-1]
	if n >= 3 && path[0] == "components" && n == 3 {
		if _, ok := componentKinds[path[1]]; ok {
			return path[1]
		}
	}
	switch {
	case last == "schema" || last == "items" || last == "not" || last == "additionalProperties":
		if !inSchema(n - 1) {
			return "schemas"
		}
	case last == "requestBody" && !inSchema(n-1):
		return "requestBodies"
	}
	if n >= 2 && !inSchema(n-2) {
		switch path[n-2] {
		case "responses":
			if _, err := strconv.Atoi(last); err == nil || last == "default" || strings.HasSuffix(last, "XX") {
				return "responses"
			}
		case "parameters":
			if _, err := strconv.Atoi(last); err == nil {
				return "parameters"
			}
		case "properties", "allOf", "anyOf", "oneOf":
			return "schemas"
		case "examples":
			// A media type's or a parameter's examples map names to
			// Example Objects; a schema's examples (3.1) are a list.
			if _, err := strconv.Atoi(last); err != nil {
				return "examples"
			}
		}
	}
	return ""
}

// sweepRefs repairs the $refs of one file that cannot be followed: a local
// pointer that leads nowhere, a file that does not exist, a component of
// the wrong kind.
func (l *repairer) sweepRefs(src *source) bool {
	f := l.fixer(src)
	if f == nil {
		return false
	}
	t := &tree{root: resolveAlias(src.node)}
	changed := false
	said := map[string]bool{}
	v3 := l.d.Version != "2.0"
	for _, r := range collectRefs(src.node) {
		ref := r.value.Value
		file, frag, _ := strings.Cut(ref, "#")
		var msg string
		switch {
		case strings.Contains(file, "://"):
			continue // remote: refused or fetched by the reader
		case file != "":
			p, err := urlPath(file)
			if err != nil {
				continue
			}
			target := filepath.Join(filepath.Dir(src.abs), filepath.FromSlash(p))
			if !within(l.d.root, target) {
				continue // the reader refuses it, without looking
			}
			if _, err := os.Lstat(target); err != nil && errors.Is(err, os.ErrNotExist) {
				msg = fmt.Sprintf("$ref %s leads to %s, which does not exist", ref, relOrAbs(l.d.root, target))
			}
		default:
			// The fragment is a JSON pointer written in a URI: percent-encoded.
			if u, err := url.PathUnescape(frag); err == nil {
				frag = u
			}
			tokens := Split(frag)
			if _, _, matched := t.find(tokens); matched != len(tokens) {
				msg = fmt.Sprintf("$ref %s leads nowhere: %s is not in the document", ref, frag)
			} else if v3 && len(tokens) == 3 && tokens[0] == "components" {
				want := expectedSection(r.path)
				if kind, ok := componentKinds[tokens[1]]; ok && want != "" && want != tokens[1] {
					msg = fmt.Sprintf("$ref %s leads to a %s where %s belongs", ref, kind, withArticle(componentKinds[want]))
				}
			}
		}
		if msg == "" {
			continue
		}
		if r.mapping {
			// One finding for each missing target of a mapping, which is
			// dropped whole.
			k := fmt.Sprintf("%p %s", r.owner, file)
			if said[k] {
				continue
			}
			said[k] = true
			if f.seen[r.owner] || f.replace(r.owner, "{}") {
				l.add(src, r.key, append(slices.Clip(r.path), r.key.Value), fmt.Sprintf("discriminator mapping %s: %s: the mapping is ignored", r.key.Value, strings.TrimPrefix(msg, "$ref ")))
				changed = true
			}
			continue
		}
		if f.ignore(r) {
			l.add(src, r.key, r.path, msg+": the element is ignored")
			changed = true
		}
	}
	return changed
}

func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// urlPath decodes the file part of a $ref as kin-openapi does.
func urlPath(p string) (string, error) {
	if strings.Contains(p, "%") {
		return url.PathUnescape(p)
	}
	return p, nil
}

var quotedRef = regexp.MustCompile(`"((?:[^"#]*)#/[^"]*)"`)

// repairNamedRef repairs the $refs an error message quotes, when the sweep
// found nothing: what kin-openapi could not resolve for a reason of its
// own.
func (l *repairer) repairNamedRef(err error) bool {
	m := quotedRef.FindAllStringSubmatch(err.Error(), -1)
	if m == nil {
		return false
	}
	changed := false
	reason := strings.TrimSpace(yamlNoise.ReplaceAllString(oneLine(err.Error()), ""))
	for _, f := range l.eachFixer {
		src := f.src
		for _, r := range collectRefs(src.node) {
			for _, q := range m {
				if r.value.Value != q[1] && !strings.HasSuffix(q[1], r.value.Value) {
					continue
				}
				if f.ignore(r) {
					l.add(src, r.key, r.path, fmt.Sprintf("$ref %s cannot be followed (%s): the element is ignored", r.value.Value, reason))
					changed = true
				}
			}
		}
	}
	return changed
}

// maxNesting bounds how deep the loader's own walks of a YAML tree go.
const maxNesting = 256

// within reports whether path lies inside root, by name.
func within(root, path string) bool {
	r, err := filepath.Rel(root, path)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// ignore takes a $ref that cannot be followed out of the document: a list
// item (a parameter, an allOf branch) is dropped; anything else becomes the
// emptiest element of its kind that is still valid, so that the repair
// adds no finding of its own.
func (f *fixer) ignore(r refNode) bool {
	if r.parent != nil && r.parent.Kind == yaml.SequenceNode && f.drop(r.parent, r.owner) {
		return true
	}
	switch expectedSection(r.path) {
	case "responses":
		if f.replace(r.owner, "{description: ''}") {
			return true
		}
	case "requestBodies":
		if f.replace(r.owner, "~") {
			return true
		}
	}
	return f.replace(r.owner, "{}")
}

// looksLikeRef tells a discriminator mapping value that is a reference
// from one that names a schema.
func looksLikeRef(v string) bool {
	if strings.Contains(v, "#") {
		return true
	}
	ext := strings.ToLower(filepath.Ext(v))
	return ext == ".yaml" || ext == ".yml" || ext == ".json"
}

// docStart is a YAML document marker at the start of a line.
var docStart = regexp.MustCompile(`(?m)^---(?:[ \t]|\r?$)`)

// secondDocument finds where a second YAML document of a stream starts, or
// 0: kin-openapi reads the first document only, and the rest of the file
// would be skipped without a word.
func secondDocument(data []byte) int {
	locs := docStart.FindAllIndex(data, 3)
	for _, loc := range locs {
		before := bytes.TrimSpace(data[:loc[0]])
		if len(before) == 0 || onlyComments(before) {
			continue // the marker of the first document
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		var first, second yaml.Node
		if dec.Decode(&first) != nil || dec.Decode(&second) != nil {
			return 0
		}
		return bytes.Count(data[:loc[0]], []byte("\n")) + 1
	}
	return 0
}

func onlyComments(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' && line[0] != '%' {
			return false
		}
	}
	return true
}

// cutChains breaks the local $ref chains of one file longer than
// maxRefChain (see refchain.go), and records the file's $refs as they are
// then for the check of chains through files.
func (l *repairer) cutChains(src *source) {
	found, parse := chainScan(src.data)
	l.refs[src.abs] = found
	if !parse {
		return
	}
	l.refs[src.abs] = nil
	f := l.fixer(src)
	if f == nil {
		return
	}
	refs := collectRefs(src.node)
	owners := make(map[string]int, len(refs)) // owner pointer -> index
	for i, r := range refs {
		if !r.mapping {
			owners[Pointer(r.path...)] = i
		}
	}
	next := make([]int, len(refs))
	for i, r := range refs {
		next[i] = -1
		if r.mapping || !strings.HasPrefix(r.value.Value, "#") {
			continue
		}
		if j, ok := owners[localTarget(r.value.Value)]; ok {
			next[i] = j
		}
	}
	hops := chainHops(next)
	changed := false
	for i, r := range refs {
		if hops[i] > 0 && hops[i]%maxRefChain == 0 && f.replace(r.owner, "{}") {
			l.add(src, r.key, r.path, fmt.Sprintf("$ref %s starts a chain of %d $refs that lead to $refs: it is cut here, every %d links, and the element is ignored", r.value.Value, hops[i], maxRefChain))
			changed = true
		}
	}
	if changed {
		l.commit()
	}
	// The $refs as kin-openapi will read them, from the parse: the cut
	// ones are gone.
	var left []textRef
	for i, r := range refs {
		if !r.mapping && !(hops[i] > 0 && hops[i]%maxRefChain == 0) {
			left = append(left, textRef{owner: Pointer(r.path...), target: r.value.Value, line: r.key.Line})
		}
	}
	l.refs[src.abs] = left
}

// badData is kin-openapi's error for a component it could not decode as the
// object a $ref expects: it names the reference, never the element inside
// the component that broke the decode.
var badData = regexp.MustCompile(`bad data in "([^"]*#/[^"]*)" \(expecting (ref to )?(\w+) object\)`)

// repairBadData finds, inside the component a bad-data error names, the
// schema keyword whose value has a shape no schema decoder takes (items
// written as a list, a draft-4 tuple; allOf written as a mapping), and
// repairs that value rather than the whole component, so that the finding
// points at what is wrong and the rest of the component (a well-formed
// path item and its operation) loads.
func (l *repairer) repairBadData(err error) bool {
	m := badData.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	file, frag, _ := strings.Cut(m[1], "#")
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	tokens := Split(frag)
	changed := false
	for abs, f := range l.eachFixer {
		if file != "" && filepath.Base(abs) != filepath.Base(filepath.FromSlash(file)) {
			continue
		}
		t := &tree{root: resolveAlias(f.src.node)}
		target, _, matched := t.find(tokens)
		if matched != len(tokens) || target == nil {
			continue
		}
		// The target is itself a schema when a schema was expected
		// there (a $ref from a schema to a top-level key of a file).
		if l.fixFaults(f, misshapen(target, tokens, m[3] == "schema")) {
			changed = true
		}
	}
	return changed
}

// shapeFault is a schema keyword whose value has the wrong YAML kind.
type shapeFault struct {
	n, parent  *yaml.Node
	path       []string
	want, hint string
}

// goType is what the value must decode as, for ignoreValue: a schema
// becomes the empty schema, a list of schemas null.
func (b shapeFault) goType() string {
	if b.want == "a list of schemas" {
		return ""
	}
	return "openapi3.SchemaRef"
}

// schemaOne are schema keywords whose value is one schema; schemaList,
// those whose value is a list of schemas; schemaMap, those whose value maps
// names to schemas.
var (
	schemaOne  = map[string]bool{"items": true, "not": true, "contains": true, "propertyNames": true, "if": true, "then": true, "else": true}
	schemaList = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
	schemaMap  = map[string]bool{"properties": true, "patternProperties": true, "$defs": true, "dependentSchemas": true}
)

// misshapen walks n (at path) and lists the schema keywords whose value a
// schema decoder cannot take: a schema keyword holding a list or a scalar
// where one schema belongs (a boolean schema is left to kin-openapi), a
// list keyword holding anything but a list, a string or a number where a
// schema belongs. A schema starts at n when schema is set, at a "schema"
// key, under components/schemas and a Swagger 2.0 document's definitions,
// and below the keywords above.
func misshapen(n *yaml.Node, path []string, schema bool) []shapeFault {
	var out []shapeFault
	var walk func(n *yaml.Node, path []string, schema bool, depth int)
	walk = func(n *yaml.Node, path []string, schema bool, depth int) {
		n = resolveAlias(n)
		if n == nil || depth > maxNesting || len(out) >= 50 {
			return
		}
		switch n.Kind {
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(slices.Clip(path), strconv.Itoa(i)), false, depth+1)
			}
			return
		case yaml.MappingNode:
		default:
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, resolveAlias(n.Content[i+1])
			p := append(slices.Clip(path), k)
			switch {
			case schema && schemaOne[k]:
				if scalarSchema(v) {
					out = append(out, shapeFault{v, n, p, "a schema (a mapping)", ""})
					continue
				}
				if v.Kind == yaml.SequenceNode {
					hint := ""
					if k == "items" {
						hint = " (a draft-4 tuple; OpenAPI 3.1 writes it as prefixItems, and 3.0 has no tuples)"
					}
					out = append(out, shapeFault{v, n, p, "a schema (a mapping)", hint})
					continue
				}
				walk(v, p, true, depth+1)
			case schema && schemaList[k]:
				if v.ShortTag() == "!!null" {
					continue // nothing, or a value a repair already took out
				}
				if v.Kind != yaml.SequenceNode {
					out = append(out, shapeFault{v, n, p, "a list of schemas", ""})
					continue
				}
				for j, c := range v.Content {
					if scalarSchema(c) {
						out = append(out, shapeFault{c, v, append(slices.Clip(p), strconv.Itoa(j)), "a schema (a mapping)", ""})
						continue
					}
					walk(c, append(slices.Clip(p), strconv.Itoa(j)), true, depth+1)
				}
			case schema && schemaMap[k]:
				if v.Kind != yaml.MappingNode {
					continue // kin-openapi's construct errors name these
				}
				for j := 0; j+1 < len(v.Content); j += 2 {
					if c := resolveAlias(v.Content[j+1]); scalarSchema(c) {
						out = append(out, shapeFault{c, v, append(slices.Clip(p), v.Content[j].Value), "a schema (a mapping)", ""})
						continue
					}
					walk(v.Content[j+1], append(slices.Clip(p), v.Content[j].Value), true, depth+1)
				}
			case schema && k == "additionalProperties":
				if v.Kind == yaml.MappingNode {
					walk(v, p, true, depth+1)
				}
			case schema:
				// Other keywords hold values, examples and extensions,
				// which no schema decoder looks into for shapes.
			case k == "schema" || k == "schemas" && len(path) > 0 && path[len(path)-1] == "components" || k == "definitions" && len(path) == 0:
				if k == "schema" {
					walk(v, p, true, depth+1)
					continue
				}
				if v.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(v.Content); j += 2 {
						walk(v.Content[j+1], append(slices.Clip(p), v.Content[j].Value), true, depth+1)
					}
				}
			case k == "example" || k == "examples" || strings.HasPrefix(k, "x-"):
				// Values: anything goes.
			default:
				walk(v, p, false, depth+1)
			}
		}
	}
	walk(n, path, schema, 0)
	return out
}

// scalarSchema: n, where a schema belongs, is a string or a number (a
// boolean and null are left to the decoders: 3.1 allows boolean schemas).
func scalarSchema(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.ScalarNode {
		return false
	}
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float":
		return true
	}
	return false
}

// docFields are the top-level fields of an OpenAPI document. kin-openapi
// decodes every file a $ref leads to as a document, so a $ref to a
// top-level key of a file of fragments that has one of these names
// (paths/webhooks.yaml#/webhooks) drills into the document's field instead
// of the key, and fails.
var docFields = map[string]bool{
	"openapi": true, "swagger": true, "info": true, "servers": true, "paths": true, "webhooks": true,
	"components": true, "security": true, "tags": true, "externalDocs": true, "jsonSchemaDialect": true,
}

// fieldKeys renames, in the text handed to kin-openapi, each top-level key
// of a file of fragments (no openapi or swagger key) that is named like a
// document's field and that a $ref leads into, and every $ref into it, to
// a name of the same length that is no field. The document means the same,
// so nothing is reported. It reports whether it renamed anything.
func (l *repairer) fieldKeys() bool {
	type target struct{ abs, key string }
	want := map[target]bool{}
	for abs, f := range l.eachFixer {
		for _, r := range collectRefs(f.src.node) {
			if t, key, ok := fieldRef(abs, r.value.Value); ok {
				want[target{t, key}] = true
			}
		}
	}
	renamed := map[target]bool{}
	for _, t := range slices.SortedFunc(maps.Keys(want), func(a, b target) int { return strings.Compare(a.abs+"#"+a.key, b.abs+"#"+b.key) }) {
		src := l.sources[t.abs]
		if src == nil {
			continue // not read yet: a later round
		}
		f := l.fixer(src)
		if f == nil {
			continue
		}
		root := resolveAlias(src.node)
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		if k, _ := child(root, "openapi"); k != nil {
			continue
		}
		if k, _ := child(root, "swagger"); k != nil {
			continue
		}
		if k, _ := child(root, t.key); k != nil && f.substitute(k, t.key, fieldAlias(t.key)) {
			renamed[t] = true
		}
	}
	if len(renamed) == 0 {
		return false
	}
	for abs, f := range l.eachFixer {
		for _, r := range collectRefs(f.src.node) {
			if t, key, ok := fieldRef(abs, r.value.Value); ok && renamed[target{t, key}] {
				f.substitute(r.value, "#/"+key, "#/"+fieldAlias(key))
			}
		}
	}
	return true
}

// fieldRef is the file a $ref written in the file abs leads to and the
// first token of its fragment, when that token is named like a document's
// field.
func fieldRef(abs, ref string) (file, key string, ok bool) {
	file, frag, _ := strings.Cut(ref, "#")
	key, _, _ = strings.Cut(strings.TrimPrefix(frag, "/"), "/")
	if !strings.HasPrefix(frag, "/") || !docFields[key] || strings.Contains(file, "://") {
		return "", "", false
	}
	if file == "" {
		return abs, key, true
	}
	p, err := urlPath(file)
	if err != nil {
		return "", "", false
	}
	return filepath.Join(filepath.Dir(abs), filepath.FromSlash(p)), key, true
}

// fieldAlias is the name a key named like a document's field is given.
func fieldAlias(key string) string { return key[:len(key)-1] + "_" }

// substitute overwrites the first old in the text of n with repl, of the
// same length, so that nothing else moves.
func (f *fixer) substitute(n *yaml.Node, old, repl string) bool {
	if f.seen[n] || len(old) != len(repl) {
		return false
	}
	start, end, ok := f.text.span(n, f.next(n))
	if !ok {
		return false
	}
	text := string(f.src.data[start:end])
	i := strings.Index(text, old)
	if i < 0 {
		return false
	}
	f.seen[n] = true
	f.edits = append(f.edits, edit{start, end, text[:i] + repl + text[i+len(old):], nil})
	return true
}
