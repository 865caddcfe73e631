package listen

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Collector is an analyzer for one rule's module step (each rule names
// its own, so that the engine keeps their results apart); its result is
// the package's *Package, as Analyzer collects it.
func Collector(rule string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "apiaudit" + rule + "listen",
		Doc:        "collects the package's listen calls for " + rule + "'s grading by listener",
		Requires:   []*analysis.Analyzer{Analyzer},
		Run:        func(pass *analysis.Pass) (any, error) { return pass.ResultOf[Analyzer], nil },
		ResultType: reflect.TypeFor[*Package](),
	}
}

// Step is the module step of a rule graded only by listener: Regrade of
// its findings, through Collector's results.
func Step(rule string, base goapi.Level, lower func(lint.Finding, Verdict, *goapi.Grade) bool) *lint.ModuleStep {
	return &lint.ModuleStep{Collect: Collector(rule), Apply: func(findings []lint.Finding, collected []any, root string) []lint.Finding {
		return Regrade(findings, collected, root, base, lower)
	}}
}

// Regrade grades the findings at the rule's default severity (base) in
// code that no program of the module runs (Module.Unserved: a note that
// says so) and in packages whose servers listen only locally, or, for a finding at a
// server the package serves (Module.At), on that server's own listeners:
// lower says, for a finding and a verdict
// (Unix or Loopback), how the grade moves; it returns false to leave the
// finding as it is. Findings graded already (by place, by the package's
// own listener) keep their grade.
func Regrade(findings []lint.Finding, collected []any, root string, base goapi.Level, lower func(lint.Finding, Verdict, *goapi.Grade) bool) []lint.Finding {
	return RegradeServed(findings, collected, root, base, nil, lower)
}

// RegradeServed is Regrade for findings that are not at a server but are
// served by some (a route, served by the servers of its router): served
// says where (absolute file, line and column of a serve call or an
// http.Server literal, as a rule's guard saw them), and when every one of
// them is a server whose own listeners were followed and are all local,
// that verdict judges the finding, whatever else its package listens on.
func RegradeServed(findings []lint.Finding, collected []any, root string, base goapi.Level, served func(lint.Finding) []lint.Location, lower func(lint.Finding, Verdict, *goapi.Grade) bool) []lint.Finding {
	m := NewModule(collected)
	if len(m.pkgs) == 0 {
		return findings
	}
	for i := range findings {
		f := &findings[i]
		if f.Severity != lint.SeverityDefault {
			continue
		}
		if why, ok := m.Unserved(root, f.Location.File, f.Location.Line); ok {
			g := goapi.NewGrade(base).LowerTo(goapi.Note, why)
			if g.Level != base {
				f.Severity = severity(g.Level)
				f.Message += g.Suffix()
			}
			continue
		}
		v := m.Of(root, f.Location.File)
		if own, ok := m.At(root, f.Location.File, f.Location.Line, f.Location.Column); ok && (own.Kind == Network || v.Kind != Unix && v.Kind != Loopback) {
			v = own // the package's verdict, when local, says the same
		}
		if v.Kind != Unix && v.Kind != Loopback && served != nil {
			v = m.allAt(root, served(*f))
		}
		if v.Kind != Unix && v.Kind != Loopback {
			continue
		}
		g := goapi.NewGrade(base)
		if !lower(*f, v, g) || g.Level == base {
			continue
		}
		f.Severity = severity(g.Level)
		f.Message += g.Suffix()
	}
	return findings
}

func severity(l goapi.Level) lint.Severity {
	switch l {
	case goapi.Error:
		return lint.SeverityError
	case goapi.Warning:
		return lint.SeverityWarning
	}
	return lint.SeverityNote
}

// allAt is the verdict of the servers at locs when each was followed
// (Module.At) and all are local: Unix when all are Unix sockets, else
// Loopback; Unknown otherwise.
func (m *Module) allAt(root string, locs []lint.Location) Verdict {
	var out Verdict
	for i, l := range locs {
		v, ok := m.At(root, l.File, l.Line, l.Column)
		if !ok || v.Kind != Unix && v.Kind != Loopback {
			return Verdict{}
		}
		if i == 0 || v.Kind == Loopback && out.Kind == Unix {
			out = v
		}
	}
	return out
}
