package go302

import (
	"cmp"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// A wrapper agent (a loop, a router, a sequence of sub-agents, an agent
// that adds a prompt to another's input) reaches whatever the agents it
// runs reach. Reported on its own, the one skill runner of go-kratos/blades
// was seven errors: one at the agent that runs the scripts, six at flow
// and recipe agents in other packages that only call a sub-agent's Run.
// One package's analysis cannot merge them (the owner is reported in the
// package the wrappers import), so the module step does: a wrapper whose
// owner is reported in the same scan becomes a related location of the
// owner's finding. A wrapper whose owner is not reported (a tool of a
// library outside the scan) keeps its finding, and under go vet, where no
// module step runs, every wrapper does.
func init() {
	Rule.Module = &lint.ModuleStep{Collect: wrappersAnalyzer, Apply: fold}
}

var wrappersAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo302wrappers",
	Doc:        "lists the tools that reach command execution only through other tools, for GO302's view of a whole module",
	Requires:   []*analysis.Analyzer{Analyzer},
	Run:        func(pass *analysis.Pass) (any, error) { ws, _ := pass.ResultOf[Analyzer].([]Wrapper); return ws, nil },
	ResultType: reflect.TypeFor[[]Wrapper](),
}

// fold moves each wrapper's finding into the finding of a tool it
// delegates to that reaches command execution itself: the first of its
// owners, by file and line, that has a finding of its own and is not a
// wrapper.
func fold(findings []lint.Finding, collected []any, root string) []lint.Finding {
	rel := func(p Place) (lint.Location, bool) {
		r, err := filepath.Rel(root, p.File)
		if err != nil || strings.HasPrefix(r, "..") {
			return lint.Location{}, false
		}
		return lint.Location{File: filepath.ToSlash(r), Line: p.Line, Column: p.Column}, true
	}
	at := map[lint.Location]int{}
	for i, f := range findings {
		at[lint.Location{File: f.Location.File, Line: f.Location.Line, Column: f.Location.Column}] = i
	}
	type wrapper struct {
		w   Wrapper
		loc lint.Location
	}
	var ws []wrapper
	isWrapper := map[int]bool{}
	for _, c := range collected {
		list, _ := c.([]Wrapper)
		for _, w := range list {
			loc, ok := rel(w.At)
			if i, found := at[loc]; ok && found {
				ws = append(ws, wrapper{w, loc})
				isWrapper[i] = true
			}
		}
	}
	slices.SortFunc(ws, func(a, b wrapper) int {
		return cmp.Or(strings.Compare(a.loc.File, b.loc.File), cmp.Compare(a.loc.Line, b.loc.Line), cmp.Compare(a.loc.Column, b.loc.Column))
	})
	drop := map[int]bool{}
	folded := map[int][]wrapper{}
	for _, w := range ws {
		var owners []lint.Location
		for _, o := range w.w.Owners {
			if loc, ok := rel(o); ok {
				owners = append(owners, loc)
			}
		}
		slices.SortFunc(owners, func(a, b lint.Location) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		for _, o := range owners {
			if i, ok := at[o]; ok && !isWrapper[i] {
				folded[i] = append(folded[i], w)
				drop[at[w.loc]] = true
				break
			}
		}
	}
	out := make([]lint.Finding, 0, len(findings)-len(drop))
	for i, f := range findings {
		if drop[i] {
			continue
		}
		if fw := folded[i]; len(fw) > 0 {
			first := fw[0].loc
			if len(fw) == 1 {
				f.Message += fmt.Sprintf(" (and through 1 tool that delegates to it, %s at %s:%d)", fw[0].w.Name, first.File, first.Line)
			} else {
				f.Message += fmt.Sprintf(" (and through %d tools that delegate to it, first %s at %s:%d)", len(fw), fw[0].w.Name, first.File, first.Line)
			}
			f.Related = slices.Clone(f.Related)
			for _, w := range fw {
				f.Related = append(f.Related, lint.Step{Location: w.loc,
					Message: fmt.Sprintf("tool %s reaches the same command execution only by delegating to this tool (%s)", w.w.Name, w.w.Why)})
			}
		}
		out = append(out, f)
	}
	return out
}
