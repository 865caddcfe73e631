package go101

import (
	"go/token"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// A route served only on a Unix socket is reachable by processes of the
// user who runs the server, which can do what the route does already; a
// socket file made writable by every user (os.Chmod) is not judged local
// (listen.Module). A fixed loopback port stays an error: any web page the
// user opens can post to it, though it cannot send a PUT, PATCH or
// DELETE there without a CORS preflight, which a package that sets no
// CORS headers does not answer. The listener is often chosen in another
// package (a command's --host flag), so the step runs after the module's
// analysis; under go vet the finding keeps its severity.
func init() {
	Rule.Module = &lint.ModuleStep{Collect: localCollector, Apply: regradeLocal}
}

// localPackage is what one package says for the module step.
type localPackage struct {
	listen *listen.Package
	dir    string // absolute directory of the package's files
	cors   bool   // setsCORS
	// served are, by the position of a route registration (its file,
	// absolute, line and column), where its router is served openly.
	served map[lint.Location][]lint.Location
}

var localCollector = &analysis.Analyzer{
	Name:       "apiauditGO101local",
	Doc:        "collects the package's listen calls and CORS handling for GO101's grading by listener",
	Requires:   []*analysis.Analyzer{listen.Analyzer, RoutesAnalyzer},
	Run:        collectLocal,
	ResultType: reflect.TypeFor[*localPackage](),
}

func collectLocal(pass *analysis.Pass) (any, error) {
	p := &localPackage{listen: pass.ResultOf[listen.Analyzer].(*listen.Package)}
	if len(pass.Files) > 0 {
		p.dir = filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename)
		p.cors = setsCORS(pass)
	}
	at := func(pos token.Pos) lint.Location {
		x := pass.Fset.Position(pos)
		return lint.Location{File: x.Filename, Line: x.Line, Column: x.Column}
	}
	for _, rt := range pass.ResultOf[RoutesAnalyzer].([]Route) {
		if len(rt.Served) == 0 {
			continue
		}
		if p.served == nil {
			p.served = map[lint.Location][]lint.Location{}
		}
		k := at(rt.Call.Pos())
		for _, s := range rt.Served {
			p.served[k] = append(p.served[k], at(s))
		}
	}
	return p, nil
}

func regradeLocal(findings []lint.Finding, collected []any, root string) []lint.Finding {
	var listens []any
	cors := map[string]bool{}
	for _, c := range collected {
		if p, ok := c.(*localPackage); ok {
			listens = append(listens, p.listen)
			if p.cors {
				cors[p.dir] = true
			}
		}
	}
	// A route graded a warning because it reaches nothing sensitive is a
	// note on a Unix socket, as an error would be.
	m := listen.NewModule(listens)
	for i := range findings {
		f := &findings[i]
		if f.Severity != lint.SeverityWarning || !strings.Contains(f.Message, "(a warning, not an error: "+noCapability) {
			continue
		}
		if v := m.Of(root, f.Location.File); v.Kind == listen.Unix {
			f.Severity = lint.SeverityNote
			f.Message = strings.Replace(f.Message, "(a warning, not an error: ", "(a note, not an error: "+v.Reason()+"; ", 1)
		}
	}
	// A route is judged by the servers that serve its router, when the
	// guard saw them: a package may serve one mux on a Unix socket and
	// another on every interface.
	servedAt := func(f lint.Finding) []lint.Location {
		k := f.Location
		k.File = filepath.Join(root, filepath.FromSlash(k.File))
		k.Pointer, k.EndLine, k.EndColumn = "", 0, 0
		for _, c := range collected {
			if p, ok := c.(*localPackage); ok && p.served != nil {
				if s, ok := p.served[k]; ok {
					return s
				}
			}
		}
		return nil
	}
	return listen.RegradeServed(findings, listens, root, goapi.Error, servedAt, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		switch {
		case v.Kind == listen.Unix:
			g.LowerTo(goapi.Note, v.Reason())
		case v.Kind == listen.Loopback && debugFinding(f.Message):
			// A web page can make the browser send a GET to a loopback
			// port, but not read the answer: profiles and variables
			// stay on the machine.
			g.LowerTo(goapi.Note, v.Reason()+"; a web page cannot read what a debugging endpoint answers")
		case v.Kind == listen.Loopback && preflighted(f.Message) != "" && !cors[filepath.Join(root, filepath.Dir(filepath.FromSlash(f.Location.File)))]:
			g.LowerTo(goapi.Warning, v.Reason()+"; a web page cannot send a "+preflighted(f.Message)+" there without a CORS preflight, which its package does not answer")
		default:
			return false
		}
		return true
	})
}

// preflighted is the method of a GO101 message when a browser sends it
// cross-origin only after a CORS preflight: PUT, PATCH or DELETE.
func preflighted(msg string) string {
	for _, m := range []string{"PUT", "PATCH", "DELETE"} {
		if strings.HasPrefix(msg, m+" ") {
			return m
		}
	}
	return ""
}

// debugFinding reports whether a GO101 message is about a debugging
// endpoint (net/http/pprof, expvar).
func debugFinding(msg string) bool {
	return strings.Contains(msg, pprof) || strings.Contains(msg, expvar)
}
