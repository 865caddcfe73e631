package gosrc

import (
	"slices"
	"strings"
)

// ignoreIndex finds the ignores of one file that cover a line and may name
// a rule, so that matching a finding costs what the ignores around it
// cost, not what all the ignores of its file cost (50,000 ignores against
// 100,000 findings in one file were a product).
type ignoreIndex struct {
	igs    []Ignore
	byLine map[int]*ruleSet // ignores by the line they are written on
	spans  []ignoreSpan     // declarations with ignores, by first line
	// laminar is true when any two spans are nested or apart, as
	// declarations are; else (two declarations sharing a line) every
	// span is tried.
	laminar bool
}

type ignoreSpan struct {
	first, last int
	parent      int // the innermost span around this one; -1 for none
	rules       *ruleSet
}

// ruleSet holds ignores by the rule they name: ids by value, globs apart.
type ruleSet struct {
	byRule map[string][]int
	globs  []int
}

func (s *ruleSet) add(ig *Ignore, i int) {
	if strings.ContainsAny(ig.Rule, `*?[{\`) {
		s.globs = append(s.globs, i)
		return
	}
	if s.byRule == nil {
		s.byRule = map[string][]int{}
	}
	s.byRule[ig.Rule] = append(s.byRule[ig.Rule], i)
}

// newIgnoreIndex indexes the usable ignores (a rule and a reason) among
// igs[i] for i in inFile.
func newIgnoreIndex(igs []Ignore, inFile []int) *ignoreIndex {
	x := &ignoreIndex{igs: igs, byLine: map[int]*ruleSet{}, laminar: true}
	spanAt := map[[2]int]int{}
	for _, i := range inFile {
		ig := &igs[i]
		if ig.Rule == "" || ig.Reason == "" {
			continue
		}
		s := x.byLine[ig.At.Line]
		if s == nil {
			s = &ruleSet{}
			x.byLine[ig.At.Line] = s
		}
		s.add(ig, i)
		if ig.Decl == "" {
			continue
		}
		key := [2]int{ig.FirstLine, ig.LastLine}
		k, ok := spanAt[key]
		if !ok {
			k = len(x.spans)
			spanAt[key] = k
			x.spans = append(x.spans, ignoreSpan{first: ig.FirstLine, last: ig.LastLine, parent: -1, rules: &ruleSet{}})
		}
		x.spans[k].rules.add(ig, i)
	}
	// Outer spans first among those that start on the same line.
	slices.SortFunc(x.spans, func(a, b ignoreSpan) int {
		if a.first != b.first {
			return a.first - b.first
		}
		return b.last - a.last
	})
	var open []int // spans around the current one, outermost first
	for k := range x.spans {
		s := &x.spans[k]
		for len(open) > 0 && x.spans[open[len(open)-1]].last < s.first {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			p := open[len(open)-1]
			if x.spans[p].last < s.last {
				x.laminar = false // overlapping, not nested
			}
			s.parent = p
		}
		open = append(open, k)
	}
	return x
}

// covering calls f with the index of every usable ignore that covers line
// and may name rule (globs are left to the caller's match).
func (x *ignoreIndex) covering(line int, rule string, f func(i int)) {
	visit := func(s *ruleSet) {
		if s == nil {
			return
		}
		for _, i := range s.byRule[rule] {
			f(i)
		}
		for _, i := range s.globs {
			f(i)
		}
	}
	visit(x.byLine[line])
	visit(x.byLine[line-1])
	if !x.laminar {
		for k := range x.spans {
			if s := &x.spans[k]; s.first <= line && line <= s.last {
				visit(s.rules)
			}
		}
		return
	}
	// The spans around line are the innermost span that starts at or
	// before it and the spans around that one.
	k, _ := slices.BinarySearchFunc(x.spans, line, func(s ignoreSpan, line int) int {
		if s.first <= line {
			return -1
		}
		return 1
	})
	for k--; k >= 0; k = x.spans[k].parent {
		if s := &x.spans[k]; s.first <= line && line <= s.last {
			visit(s.rules)
		}
	}
}
