// Package mmhost is a plugin of a host that authenticates the requests it
// hands on and says who sent them in headers of its own: turning away a
// request without them is authentication here.
package mmhost

import (
	"net/http"

	"github.com/mattermost/mattermost/server/public/plugin"
)

type Plugin struct {
	plugin.MattermostPlugin
	mux *http.ServeMux
}

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.mux.ServeHTTP(w, r)
}

// signedIn answers 401 when the host set no user: a check.
func signedIn(next http.Handler) http.Handler { // want signedIn:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.Header["Mattermost-User-Id"]) == 0 {
			http.Error(w, "not signed in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// fromPlugin lets through only requests another plugin made.
func fromPlugin(next http.Handler) http.Handler { // want fromPlugin:"^checks credentials \\(a host's plugin-to-plugin header\\)$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("mattermost-plugin-id")
		if id != "" {
			next.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusForbidden)
	})
}

// viaHelper checks through fromPlugin: it is a plugin-only check too.
func viaHelper(next http.Handler) http.Handler { // want viaHelper:"^checks credentials \\(a host's plugin-to-plugin header\\)$"
	return fromPlugin(next)
}

// userOf only reads the header; it turns no one away.
func userOf(r *http.Request) string { // want userOf:"^reads credentials$"
	return r.Header.Get("Mattermost-User-Id")
}

// other headers of the client are not the host's: silent.
func traced(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Request-Id") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
