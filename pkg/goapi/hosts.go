package goapi

import (
	"go/types"
	"net/textproto"
	"slices"
	"strings"
	"sync"
)

// Host is a server that runs the program as a plugin and hands it only
// requests it has routed and authenticated itself: it sets headers that
// say who is calling and removes any a client sends. In a plugin of such
// a host, a middleware that turns away requests without one of those
// headers authenticates; in any other program, a check that a client's
// header is not empty is no authentication at all.
type Host struct {
	Name string // as messages name it: "Mattermost"
	// Plugin are the import paths of the host's plugin API, as CanonPath
	// gives them (every major version). A package that imports one,
	// directly or through others, is built into a plugin of the host.
	Plugin []string
	// Self are the import path prefixes (as CanonPath gives them) of the
	// host's own code. Its packages import the plugin API too, to serve
	// it, and are no plugin: a header check there is whatever it is in
	// any other server.
	Self []string
	// Entry is the hook through which the host hands the plugin a
	// request: a method of this name whose parameters are a pointer to
	// the plugin package's EntryContext type, an http.ResponseWriter and
	// an *http.Request. Documentation: the header rules below hold for
	// the requests it receives, and the plugin package is what tells a
	// plugin apart.
	Entry, EntryContext string
	// Headers are the headers the host sets on the requests it hands on.
	Headers []HostHeader
}

// HostHeader is a header a host sets, and what its presence means.
type HostHeader struct {
	Name   string // canonical MIME form: "Mattermost-User-Id"
	Caller HostCaller
	Means  string // for docs and messages
}

// HostCaller is who is calling when a host's identity header is set.
type HostCaller uint8

const (
	// HostUser: an end user whose session the host authenticated.
	HostUser HostCaller = iota + 1
	// HostPeer: another server-side plugin of the same host (an
	// inter-plugin request), not an end user.
	HostPeer
)

// Hosts are the hosts apiaudit knows. A new host is a new row.
var Hosts = []*Host{
	{
		Name: "Mattermost",
		Plugin: []string{
			"github.com/mattermost/mattermost/server/public/plugin",
			"github.com/mattermost/mattermost-server/plugin", // v5, v6 (major versions dropped)
		},
		Self: []string{
			"github.com/mattermost/mattermost/", // the server and its public module
			"github.com/mattermost/mattermost-server/",
		},
		Entry: "ServeHTTP", EntryContext: "Context",
		Headers: []HostHeader{
			{Name: "Mattermost-User-Id", Caller: HostUser,
				Means: "set by the Mattermost server on a request from a user whose session it authenticated (a client's own is removed)"},
			{Name: "Mattermost-Plugin-Id", Caller: HostPeer,
				Means: "set by the Mattermost server only on a request another server-side plugin made through its plugin API (PluginHTTP)"},
		},
	},
}

// HostOf is the host whose plugin pkg is part of (pkg imports the host's
// plugin API, directly or not); nil when none.
func HostOf(pkg *types.Package) *Host {
	if pkg == nil {
		return nil
	}
	if h, ok := hostOf.Load(pkg); ok {
		return h.(*Host)
	}
	var found *Host
	own := CanonPath(pkg.Path())
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if found != nil || seen[p] {
			return
		}
		seen[p] = true
		path := CanonPath(p.Path())
		for _, h := range Hosts {
			if slices.ContainsFunc(h.Self, func(pre string) bool { return strings.HasPrefix(own, pre) }) {
				continue
			}
			for _, pp := range h.Plugin {
				if path == pp {
					found = h
					return
				}
			}
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(pkg)
	hostOf.Store(pkg, found)
	return found
}

var hostOf sync.Map // *types.Package → *Host (nil stored as a typed nil)

// Header is the identity header of the host named name (any case); nil
// when the host sets no such header.
func (h *Host) Header(name string) *HostHeader {
	if h == nil || name == "" {
		return nil
	}
	name = textproto.CanonicalMIMEHeaderKey(name)
	for i := range h.Headers {
		if h.Headers[i].Name == name {
			return &h.Headers[i]
		}
	}
	return nil
}
