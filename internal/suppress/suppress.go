// Package suppress reads the entries of an x-apiaudit-ignore member, the
// way OpenAPI documents, tool manifests and MCP client configurations
// write suppressions:
//
//	x-apiaudit-ignore:
//	  - rule: OAS101
//	    reason: health checks are public by design
//
// Each loader has its own syntax tree (kin-openapi's decoded values,
// go-yaml's nodes, the client loader's JSON-with-comments tree): it wraps
// the member's value in a Node, and Parse reads the entries from it, with
// the same rules and messages for every kind of file. Positions and
// pointers stay the loader's business: each Entry says which item it came
// from.
package suppress

import (
	"fmt"
	"strings"
)

// Key is the member that holds suppressions.
const Key = "x-apiaudit-ignore"

// Kind is what a value is, as far as suppressions care.
type Kind int

const (
	Other  Kind = iota // a number, a boolean, null: never an entry
	String             // a scalar read as text
	Object             // a mapping
	Array              // a sequence
)

// Node is a value of a loader's syntax tree.
type Node interface {
	Kind() Kind
	// Text is a String's value.
	Text() string
	// Len is how many items an Array has, or members an Object has.
	Len() int
	// Item is an Array's i-th item.
	Item(i int) Node
	// Member is an Object's i-th member, in the order the loader keeps.
	Member(i int) (key string, value Node)
}

// Entry is one suppression as written.
type Entry struct {
	Rule   string // rule ID or glob ("OAS1*"), trimmed
	Reason string // trimmed; "" when none was given
	Err    string // why the entry is malformed; "" when it is not
	// Index is the entry's place in the member's list, or -1 when the
	// member holds one entry on its own (not in a list).
	Index int
	// Node is the entry's value, for its position.
	Node Node
}

// Parse reads the entries of an x-apiaudit-ignore member's value: a list
// of entries, or one entry alone. An entry is a {rule, reason} object, or
// a rule ID alone (which suppresses nothing, having no reason: the engine
// says so). Whatever else is written is an entry with Err set.
func Parse(v Node) []Entry {
	if v == nil {
		return nil
	}
	if v.Kind() != Array {
		return []Entry{entry(v, -1)}
	}
	out := make([]Entry, 0, v.Len())
	for i := range v.Len() {
		out = append(out, entry(v.Item(i), i))
	}
	return out
}

func entry(item Node, index int) Entry {
	e := Entry{Index: index, Node: item}
	switch item.Kind() {
	case Object:
		for j := range item.Len() {
			k, val := item.Member(j)
			switch {
			case k == "rule" && val.Kind() == String:
				e.Rule = strings.TrimSpace(val.Text())
			case k == "reason" && val.Kind() == String:
				e.Reason = strings.TrimSpace(val.Text())
			default:
				e.Err = fmt.Sprintf("unexpected key %q (want rule and reason)", k)
			}
		}
	case String:
		e.Rule = strings.TrimSpace(item.Text())
	default:
		e.Err = "entries must be {rule, reason} objects"
	}
	if e.Err == "" && e.Rule == "" {
		e.Err = "entry names no rule"
	}
	return e
}
