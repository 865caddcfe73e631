package toolcat

import (
	"cmp"
	"slices"
)

// FlowRoles are the three roles of a toxic flow, in the order the flow
// goes: untrusted content read, private data read, data sent out.
var FlowRoles = []Role{ReadsUntrusted, ReadsPrivate, SendsOut}

// ToxicFlow picks, from tools one agent is given, a tool for each of
// FlowRoles: three different tools when the tools have them (the first in
// the given order that keeps the others possible, preferring the clearest
// example of each role, so that a message names read_file rather than
// get_code_quality_finding), else two, never one tool for all three. It
// returns nil when some role has no tool. MCP303 reads it on one catalog,
// MCP305 on the servers of a client configuration together.
func ToxicFlow(tools []*Tool) []*Tool {
	cands := map[Role][]*Tool{}
	for _, t := range tools {
		for _, r := range t.Roles() {
			cands[r] = append(cands[r], t)
		}
	}
	for _, r := range FlowRoles {
		if len(cands[r]) == 0 {
			return nil
		}
		slices.SortStableFunc(cands[r], func(a, b *Tool) int {
			return cmp.Or(rank(a, r)-rank(b, r), len(Words(a.Name.Value))-len(Words(b.Name.Value)))
		})
	}
	return choose(cands)
}

// strongest are, for each role, the words that make a tool its clearest
// example, best first.
var strongest = map[Role][]string{
	ReadsUntrusted: {"url", "web", "webpage", "website", "fetch", "browse", "email", "emails", "mail", "inbox", "issue", "issues", "comment", "comments", "message", "messages"},
	ReadsPrivate:   {"file", "files", "secret", "secrets", "credential", "credentials", "password", "passwords", "env", "database", "db", "sql", "repo", "repository", "contacts", "contact", "calendar", "document", "documents"},
	SendsOut:       {"send", "email", "mail", "post", "upload", "webhook", "publish", "comment", "issue", "message"},
}

// rank is where the first of a tool's name words comes in strongest[r];
// tools with none of them come last.
func rank(t *Tool, r Role) int {
	best := len(strongest[r])
	for _, w := range Words(t.Name.Value) {
		if i := slices.Index(strongest[r], w); i >= 0 && i < best {
			best = i
		}
	}
	return best
}

// choose picks one tool per role, three different tools when there are
// (the first in order that keeps the others possible), else two.
func choose(cands map[Role][]*Tool) []*Tool {
	for _, distinct := range []int{3, 2} {
		for _, a := range cands[FlowRoles[0]] {
			for _, b := range cands[FlowRoles[1]] {
				for _, c := range cands[FlowRoles[2]] {
					set := []*Tool{a, b, c}
					if n := len(slices.Compact(sortedPtrs(set))); n >= distinct {
						return set
					}
				}
			}
		}
	}
	return nil
}

func sortedPtrs(ts []*Tool) []*Tool {
	out := slices.Clone(ts)
	slices.SortFunc(out, func(a, b *Tool) int {
		switch {
		case a == b:
			return 0
		case a.Name.Value < b.Name.Value || a.Name.Value == b.Name.Value && a.At.Line < b.At.Line:
			return -1
		}
		return 1
	})
	return out
}
