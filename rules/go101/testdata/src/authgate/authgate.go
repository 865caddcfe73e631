// Package authgate: routes that exist only while authentication is
// switched on are notes; a setting that turns authentication off, or a
// negated one, does not count.
package authgate

import (
	"net/http"
	"os"
)

type authConfig struct {
	Enabled bool
	NoAuth  bool
}

type config struct {
	Auth        authConfig
	RequireAuth bool
	Debug       bool
}

type server struct {
	cfg   config
	users map[string]string
}

func (s *server) deleteUser(w http.ResponseWriter, r *http.Request) {
	os.Remove("/var/lib/app/users/" + r.PathValue("id"))
}

func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	if s.cfg.Auth.Enabled && s.users != nil {
		mux.HandleFunc("DELETE /api/users/{id}", s.deleteUser) // want `DELETE /api/users/\{id\} reaches file removal .*\(a note, not an error: the route is registered only when s.cfg.Auth.Enabled is on`
	}
	if s.cfg.RequireAuth {
		mux.HandleFunc("DELETE /api/accounts/{id}", s.deleteUser) // want `\(a note, not an error: the route is registered only when s.cfg.RequireAuth is on`
	}
	if !s.cfg.Auth.Enabled {
		mux.HandleFunc("DELETE /api/open/{id}", s.deleteUser) // want `DELETE /api/open/\{id\} reaches file removal \([^)]*\) with no authentication$`
	}
	if s.cfg.Auth.NoAuth {
		mux.HandleFunc("DELETE /api/anon/{id}", s.deleteUser) // want `DELETE /api/anon/\{id\} reaches file removal \([^)]*\) with no authentication$`
	}
	if s.cfg.Auth.Enabled {
		// nothing here
	} else {
		mux.HandleFunc("DELETE /api/else/{id}", s.deleteUser) // want `DELETE /api/else/\{id\} reaches file removal \([^)]*\) with no authentication$`
	}
	return mux
}

func main() {
	s := &server{}
	http.ListenAndServe(":8080", s.routes())
}
