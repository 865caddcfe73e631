package gotaint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
)

// PeerNote gives, for the package of pass, the reason a flow is a note
// when its only untrusted data is a request that another server-side
// plugin of the package's host sends: the request comes in through a
// handler that only routes behind the host's plugin-to-plugin identity
// header serve (authn.PeerHandlers), so the caller is a program the
// host's operator installed, not an end user. The request stays a
// source, and the flow is still reported. "" for other flows; nil when
// the package is no plugin of a host. The rule must require
// authn.Analyzer.
func PeerNote(pass *analysis.Pass) func(*Flow) string {
	res, _ := pass.ResultOf[authn.Analyzer].(*authn.Result)
	handlers := authn.PeerHandlers(pass, res)
	if len(handlers) == 0 {
		return nil
	}
	h := res.Host()
	var header string
	for _, hh := range h.Headers {
		if hh.Caller == goapi.HostPeer {
			header = hh.Name
		}
	}
	why := "the request comes only from another server-side plugin of the same " + h.Name + " server, not from an end user: " +
		"the handler's routes require the " + header + " header, which the host sets on plugin-to-plugin requests alone; check what those plugins pass on"
	return func(f *Flow) string {
		if f.Sources != Request {
			return ""
		}
		steps := f.Trace(Request).Steps()
		if len(steps) == 0 || !steps[0].Pos.IsValid() {
			return ""
		}
		at := steps[0].Pos
		for _, n := range handlers {
			if within(n, at) {
				return why
			}
		}
		return ""
	}
}

// within reports whether pos lies in the source of n.
func within(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }

// WithPeerNote is a Check.PerPackage that keeps the rule's below and note
// and adds PeerNote's reason for the flows the rule's own note leaves
// alone. The rule must require authn.Analyzer.
func WithPeerNote(below, note func(*Flow) string) func(*analysis.Pass) (func(*Flow) string, func(*Flow) string) {
	return func(pass *analysis.Pass) (func(*Flow) string, func(*Flow) string) {
		peer := PeerNote(pass)
		if peer == nil {
			return below, note
		}
		return below, func(f *Flow) string {
			if note != nil {
				if why := note(f); why != "" {
					return why
				}
			}
			return peer(f)
		}
	}
}

// hostHeader reports whether a call of fn, a function that reads a
// request header, reads name, a header that the host the package is a
// plugin of (goapi.HostOf) sets to say who is calling and removes from
// what clients send: the value is the host's, not the client's (a
// Mattermost plugin's Mattermost-User-Id is the ID of the user the server
// signed in), and no source of untrusted data.
func (e *engine) hostHeader(fn *types.Func, name ssa.Value) bool {
	a, ok := goapi.CredentialReads.Lookup(fn)
	if !ok || a.Cookie || a.Arg != 0 {
		return false
	}
	c, ok := name.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	return goapi.HostOf(e.pass.Pkg).Header(constant.StringVal(c.Value)) != nil
}
