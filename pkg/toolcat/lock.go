package toolcat

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// LockVersion is the format version a lock file is written in.
const LockVersion = 1

// Lock records the tool definitions a user has reviewed, so that a later
// scan can tell what changed since (a rug pull: a server that changes a
// tool's description or schema after it was approved). It holds, for each
// catalog, each tool's hash and the text the hash covers, for diffs.
type Lock struct {
	Version  int             `json:"version"`
	Catalogs []LockedCatalog `json:"catalogs"`
}

// LockedCatalog is one catalog of a lock, identified by Catalog.Name.
type LockedCatalog struct {
	Name   string       `json:"name"`
	Source Source       `json:"source"`
	Tools  []LockedTool `json:"tools"`
}

// LockedTool is one tool as it was locked.
type LockedTool struct {
	Name         string `json:"name"`
	Hash         string `json:"hash"` // "sha256:" + hex of the fields below
	Title        string `json:"title,omitempty"`
	Description  string `json:"description,omitempty"`
	InputSchema  string `json:"inputSchema,omitempty"`  // canonical JSON
	OutputSchema string `json:"outputSchema,omitempty"` // canonical JSON
	Annotations  string `json:"annotations,omitempty"`  // readOnlyHint=true,destructiveHint=false,...
}

// Locked is a tool's entry in a lock: what its hash covers.
func Locked(t *Tool) LockedTool {
	lt := LockedTool{Name: t.Name.Value, Title: t.Title.Value, Description: t.Description.Value}
	if t.InputSchema != nil {
		lt.InputSchema = t.InputSchema.Canonical
	}
	if t.OutputSchema != nil {
		lt.OutputSchema = t.OutputSchema.Canonical
	}
	if a := t.Annotations; a != nil {
		var parts []string
		for _, h := range []struct {
			name string
			h    Hint
		}{{"readOnlyHint", a.ReadOnly}, {"destructiveHint", a.Destructive}, {"idempotentHint", a.Idempotent}, {"openWorldHint", a.OpenWorld}} {
			if h.h.State != Unset {
				parts = append(parts, h.name+"="+h.h.State.String())
			}
		}
		lt.Annotations = strings.Join(parts, ",")
	}
	lt.Hash = lt.hash()
	return lt
}

func (lt LockedTool) hash() string {
	h := sha256.New()
	for _, s := range []string{lt.Name, lt.Title, lt.Description, lt.InputSchema, lt.OutputSchema, lt.Annotations} {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// NewLock locks the tools of catalogs, sorted by catalog name; tools keep
// their catalog order.
func NewLock(cats []*Catalog) *Lock {
	l := &Lock{Version: LockVersion}
	for _, c := range cats {
		lc := LockedCatalog{Name: c.Name, Source: c.Source, Tools: []LockedTool{}}
		for _, t := range c.Tools {
			lc.Tools = append(lc.Tools, Locked(t))
		}
		l.Catalogs = append(l.Catalogs, lc)
	}
	slices.SortStableFunc(l.Catalogs, func(a, b LockedCatalog) int { return strings.Compare(a.Name, b.Name) })
	return l
}

// Encode writes the lock as indented JSON with a final newline.
func (l *Lock) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(l); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// DecodeLock reads a lock file's content. Hashes are checked against the
// text they cover, so a hand-edited entry is caught.
func DecodeLock(data []byte) (*Lock, error) {
	var l Lock
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("not a tool lock file: %v", err)
	}
	if l.Version != LockVersion {
		return nil, fmt.Errorf("tool lock version %d, want %d", l.Version, LockVersion)
	}
	for _, c := range l.Catalogs {
		for _, t := range c.Tools {
			if t.hash() != t.Hash {
				return nil, fmt.Errorf("catalog %s, tool %s: the hash does not match the text it locks (edited by hand?)", c.Name, t.Name)
			}
		}
	}
	return &l, nil
}

// Catalog finds a catalog of the lock by name; nil when it has none.
func (l *Lock) Catalog(name string) *LockedCatalog {
	if l == nil {
		return nil
	}
	for i := range l.Catalogs {
		if l.Catalogs[i].Name == name {
			return &l.Catalogs[i]
		}
	}
	return nil
}

// Tool finds a locked tool by name.
func (c *LockedCatalog) Tool(name string) *LockedTool {
	for i := range c.Tools {
		if c.Tools[i].Name == name {
			return &c.Tools[i]
		}
	}
	return nil
}

// Nth finds the n-th (0-based) locked tool of a name: a Go package's
// servers may each have a tool of the same name, and the lock keeps them in
// the package's order.
func (c *LockedCatalog) Nth(name string, n int) *LockedTool {
	for i := range c.Tools {
		if c.Tools[i].Name == name {
			if n == 0 {
				return &c.Tools[i]
			}
			n--
		}
	}
	return nil
}

// Changes lists what differs between a locked tool and the tool now, one
// entry per field, each with a one-line diff.
func Changes(was LockedTool, now LockedTool) []string {
	var out []string
	for _, f := range []struct{ name, a, b string }{
		{"title", was.Title, now.Title},
		{"description", was.Description, now.Description},
		{"input schema", was.InputSchema, now.InputSchema},
		{"output schema", was.OutputSchema, now.OutputSchema},
		{"annotations", was.Annotations, now.Annotations},
	} {
		if f.a != f.b {
			out = append(out, f.name+": "+WordDiff(f.a, f.b))
		}
	}
	return out
}

// diffContext is how many characters of unchanged text WordDiff keeps on
// each side of a change.
const diffContext = 30

// WordDiff shows how b differs from a on one line, in the style of
// wdiff: the common start and end are elided to diffContext characters,
// and the changed middle is written [-removed-]{+added+}. Newlines show
// as ⏎ so that a changed line break is seen.
func WordDiff(a, b string) string {
	if a == b {
		return visible(a)
	}
	ra, rb := []rune(a), []rune(b)
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	s := 0
	for s < len(ra)-p && s < len(rb)-p && ra[len(ra)-1-s] == rb[len(rb)-1-s] {
		s++
	}
	// Widen the change to whole words, which reads better.
	for p > 0 && !isSpace(ra[p-1]) {
		p--
	}
	for s > 0 && !isSpace(ra[len(ra)-s]) {
		s--
	}
	pre := string(ra[:p])
	if p > diffContext {
		pre = string(ra[p-diffContext : p])
		if i := strings.IndexByte(pre, ' '); i >= 0 && i+1 < len(pre) {
			pre = pre[i+1:] // start at a word
		}
		pre = "…" + pre
	}
	suf := string(ra[len(ra)-s:])
	if s > diffContext {
		suf = string(ra[len(ra)-s : len(ra)-s+diffContext])
		if i := strings.LastIndexByte(suf, ' '); i > 0 {
			suf = suf[:i] // end at a word
		}
		suf += "…"
	}
	var b2 strings.Builder
	b2.WriteString(visible(pre))
	if del := string(ra[p : len(ra)-s]); del != "" {
		b2.WriteString("[-" + visible(del) + "-]")
	}
	if add := string(rb[p : len(rb)-s]); add != "" {
		b2.WriteString("{+" + visible(add) + "+}")
	}
	b2.WriteString(visible(suf))
	return b2.String()
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == ',' || r == '{' || r == '}' || r == ':'
}

func visible(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }
