package go101

import (
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
}

var localCollector = &analysis.Analyzer{
	Name:       "apiauditGO101local",
	Doc:        "collects the package's listen calls and CORS handling for GO101's grading by listener",
	Requires:   []*analysis.Analyzer{listen.Analyzer},
	Run:        collectLocal,
	ResultType: reflect.TypeFor[*localPackage](),
}

func collectLocal(pass *analysis.Pass) (any, error) {
	p := &localPackage{listen: pass.ResultOf[listen.Analyzer].(*listen.Package)}
	if len(pass.Files) > 0 {
		p.dir = filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename)
		p.cors = setsCORS(pass)
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
	return listen.Regrade(findings, listens, root, goapi.Error, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
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
