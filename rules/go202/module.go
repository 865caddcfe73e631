package go202

import (
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Slow clients matter on a listener others can reach: a server whose
// package listens only on a Unix socket or a loopback address, followed
// across the module (listen.Module; a command's --host flag passed to the
// server's constructor), is a note. Under go vet the finding keeps its
// severity.
func init() {
	Rule.Module = listen.Step(Rule.ID, goapi.Warning, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		g.LowerTo(goapi.Note, v.Reason())
		return true
	})
}
