package go302

import (
	"cmp"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
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
	Rule.Module = &lint.ModuleStep{Collect: wrappersAnalyzer, Apply: func(findings []lint.Finding, collected []any, root string) []lint.Finding {
		return fold(relayed(findings, collected, root), collected, root)
	}}
}

var wrappersAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo302wrappers",
	Doc:        "lists the tools that reach command execution only through other tools, the provider tools reported and what the package can carry out, for GO302's view of a whole module",
	Requires:   []*analysis.Analyzer{Analyzer},
	Run:        func(pass *analysis.Pass) (any, error) { f, _ := pass.ResultOf[Analyzer].(*Found); return f, nil },
	ResultType: reflect.TypeFor[*Found](),
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
		found, _ := c.(*Found)
		if found == nil {
			continue
		}
		for _, w := range found.Wrappers {
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

// relayed lowers to a note each provider tool reported at error whose
// calls nothing in the module can carry out (relay.go), and says why.
func relayed(findings []lint.Finding, collected []any, root string) []lint.Finding {
	var carry Carry
	tools := map[lint.Location]string{}
	for _, c := range collected {
		found, _ := c.(*Found)
		if found == nil {
			continue
		}
		carry |= found.Carries
		for _, t := range found.Provider {
			r, err := filepath.Rel(root, t.At.File)
			if err != nil || strings.HasPrefix(r, "..") {
				continue
			}
			tools[lint.Location{File: filepath.ToSlash(r), Line: t.At.Line, Column: t.At.Column}] = t.What
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.Severity != lint.SeverityDefault && f.Severity != lint.SeverityError {
			continue
		}
		what, ok := tools[lint.Location{File: f.Location.File, Line: f.Location.Line, Column: f.Location.Column}]
		if !ok {
			continue
		}
		need, none := needs(what)
		if need == 0 || carry&need != 0 {
			continue
		}
		f.Severity = lint.SeverityNote
		f.Message += goapi.NewGrade(goapi.Error).LowerTo(goapi.Note, "nothing in this module carries the model's calls out ("+none+"): the program only declares the tool in its request and hands the calls back to its caller, as a gateway that relays the tools its caller declared does").Suffix()
	}
	return findings
}
