// Package transport serves an MCP-like endpoint behind middleware that
// lets everything through when its setting is empty: the token, which the
// configuration fences to loopback, and the admin key, which it does not.
package transport

import (
	"crypto/subtle"
	"net/http"
	"os/exec"

	"fence/config"
)

type server struct{ cfg *config.Config }

func (s *server) authMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := s.cfg.AuthToken
		if token == "" {
			next.ServeHTTP(w, r)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte("Bearer "+token)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) adminMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.AdminKey == "" {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("X-Admin-Key") != s.cfg.AdminKey {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) run(w http.ResponseWriter, r *http.Request) {
	exec.Command("sh", "-c", r.FormValue("cmd")).Run()
}

func (s *server) Serve() error {
	mux := http.NewServeMux()
	mux.Handle("/run", s.authMiddleware(http.HandlerFunc(s.run)))        // want `does not always authenticate: it lets every request through when token == "" .*\(a note, not an error: the setting it tests is fenced: \(\*config.Config\).Validate refuses to start with it empty unless the server listens on a loopback address`
	mux.Handle("/admin/run", s.adminMiddleware(http.HandlerFunc(s.run))) // want `does not always authenticate: it lets every request through when s.cfg.AdminKey == "" .*fail closed when the credential is not configured$`
	return http.ListenAndServe(s.cfg.ListenAddr, mux)
}
