package go101

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// A route served only on a Unix socket is reachable by processes of the
// user who runs the server, which can do what the route does already; a
// socket file made writable by every user (os.Chmod) is not judged local
// (listen.Module). A fixed loopback port stays an error: any web page the
// user opens can post to it. The listener is often chosen in another
// package (a command's --host flag), so the step runs after the module's
// analysis; under go vet the finding keeps its severity.
func init() {
	Rule.Module = listen.Step(Rule.ID, goapi.Error, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		switch {
		case v.Kind == listen.Unix:
			g.LowerTo(goapi.Note, v.Reason())
		case v.Kind == listen.Loopback && debugFinding(f.Message):
			// A web page can make the browser send a GET to a loopback
			// port, but not read the answer: profiles and variables
			// stay on the machine.
			g.LowerTo(goapi.Note, v.Reason()+"; a web page cannot read what a debugging endpoint answers")
		default:
			return false
		}
		return true
	})
}

// debugFinding reports whether a GO101 message is about a debugging
// endpoint (net/http/pprof, expvar).
func debugFinding(msg string) bool {
	return strings.Contains(msg, pprof) || strings.Contains(msg, expvar)
}
