package go102

import (
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// The listener of an MCP server is often chosen in another package than
// the one that builds it (a command's flag passed to a constructor), so
// it is followed after the module's analysis (listen.Module): a server
// only on a Unix socket is a note (only the user's own processes connect
// to it), one only on loopback is a level lower, as for a loopback
// address written where the server is built. Under go vet the finding
// keeps its severity.
func init() {
	Rule.Module = listen.Step(Rule.ID, goapi.Error, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		if v.Kind == listen.Unix {
			g.LowerTo(goapi.Note, v.Reason())
		} else {
			g.Lower(v.Reason())
		}
		return true
	})
}
