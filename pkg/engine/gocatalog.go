package engine

import (
	"go/token"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/gocatalog"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Catalog rules run on Go MCP servers through an analyzer each: it takes
// the package's catalog from gocatalog.Analyzer, runs the rule on it and
// turns its findings back into diagnostics at the same places, so that Go
// findings of catalog rules are suppressed, excluded, fingerprinted and
// reported like those of any Go rule.

var catalogAnalyzers sync.Map // analyzerKey -> *analysis.Analyzer

type analyzerKey struct {
	rule *lint.Rule
	lock *toolcat.Lock
}

// catalogAnalyzer is the analyzer that runs a catalog rule on Go code,
// comparing with lock when the rule reads one (MCP501); one per rule and
// lock, made once.
func catalogAnalyzer(r *lint.Rule, lock *toolcat.Lock) *analysis.Analyzer {
	key := analyzerKey{r, lock}
	if a, ok := catalogAnalyzers.Load(key); ok {
		return a.(*analysis.Analyzer)
	}
	a := &analysis.Analyzer{
		Name:     r.ID,
		Doc:      r.Doc.Title + " (on the tools of a Go MCP server)",
		URL:      r.HelpURI(),
		Requires: []*analysis.Analyzer{gocatalog.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return nil, runCatalogOnGo(r, lock, pass) },
	}
	actual, _ := catalogAnalyzers.LoadOrStore(key, a)
	return actual.(*analysis.Analyzer)
}

// packageWide are the catalog rules that read a Go package's tools as one
// catalog (gocatalog.Result.Package): a tools lock records a package's
// tools together, so that drift is judged the same way when the package
// registers them on several servers.
var packageWide = map[string]bool{"MCP501": true}

func runCatalogOnGo(r *lint.Rule, lock *toolcat.Lock, pass *analysis.Pass) error {
	res, _ := pass.ResultOf[gocatalog.Analyzer].(*gocatalog.Result)
	if res == nil {
		return nil
	}
	cats := res.Catalogs
	if packageWide[r.ID] {
		cats = nil
		if c := res.Package(); c != nil {
			cats = []*toolcat.Catalog{c}
		}
	}
	for _, cat := range cats {
		if err := runOnCatalog(r, lock, pass, cat); err != nil {
			return err
		}
	}
	return nil
}

func runOnCatalog(r *lint.Rule, lock *toolcat.Lock, pass *analysis.Pass, cat *toolcat.Catalog) error {
	files := map[string]*token.File{}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			files[tf.Name()] = tf
		}
	}
	fallback := cat.At
	pos := func(l lint.Location) token.Pos {
		tf := files[l.File]
		if tf == nil || l.Line < 1 || l.Line > tf.LineCount() {
			// A place outside the package's files (a field of a struct
			// from another package): the catalog's registration.
			tf, l = files[fallback.File], lint.Location{Line: fallback.Line, Column: fallback.Column}
			if tf == nil || l.Line < 1 || l.Line > tf.LineCount() {
				return token.NoPos
			}
		}
		p := tf.LineStart(l.Line) + token.Pos(max(0, l.Column-1))
		if int(p) > tf.Base()+tf.Size() {
			p = tf.LineStart(l.Line)
		}
		return p
	}
	// A twin rule's finding at a tool's name goes to the tool's
	// definition, where the Go twin reports, so that dropTwins sees both
	// on one line.
	byName := map[lint.Location]toolcat.Pos{}
	if _, twin := goTwins[r.ID]; twin {
		for _, t := range cat.Tools {
			if t.Name.At.Known() {
				byName[lint.At(t.Name.At)] = t.At
			}
		}
	}
	return r.Catalog(&lint.CatalogPass{Rule: r, Catalog: cat, Lock: lock, Report: func(f lint.Finding) {
		if def, ok := byName[f.Location]; ok {
			f.Location = lint.At(def)
		}
		d := analysis.Diagnostic{Pos: pos(f.Location), Message: f.Message}
		if !d.Pos.IsValid() {
			return
		}
		if f.Severity != lint.SeverityDefault {
			d.Category = f.Severity.String()
		}
		for _, st := range f.Related {
			if p := pos(st.Location); p.IsValid() {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: p, Message: st.Message})
			}
		}
		pass.Report(d)
	}})
}

// goTwins are catalog rules whose claim a Go rule makes about the same
// tool with the handler's code as evidence: on Go code the Go rule's
// finding is kept, and the catalog rule's at the same line dropped.
var goTwins = map[string]string{
	"MCP301": "GO301", // read-only annotation on a tool that deletes: GO301 reads the handler
	"MCP302": "GO306", // missing hints: GO306 suggests which one from the handler
}

// dropTwins removes catalog findings on Go code that a twin Go rule made
// at the same line.
func dropTwins(findings []lint.Finding) []lint.Finding {
	type at struct {
		rule, file string
		line       int
	}
	made := map[at]bool{}
	for _, f := range findings {
		made[at{f.RuleID, f.Location.File, f.Location.Line}] = true
	}
	out := findings[:0]
	for _, f := range findings {
		if twin, ok := goTwins[f.RuleID]; ok && made[at{twin, f.Location.File, f.Location.Line}] {
			continue
		}
		out = append(out, f)
	}
	return out
}
