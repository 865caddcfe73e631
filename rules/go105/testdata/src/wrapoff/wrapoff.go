// Package wrapoff: a management server wraps each route's handler in a
// check whose helper lets every request through while no token is set.
// The routes one function wraps so are one finding; a helper with no such
// setting authenticates.
package wrapoff

import (
	"crypto/subtle"
	"net/http"
	"os/exec"
	"strings"
)

type server struct {
	token  string
	secret string
}

func (s *server) authenticate(r *http.Request) bool {
	if s.token == "" {
		return true
	}
	got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) == 1
}

func (s *server) wrap(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authenticate(r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r)
	}
}

func (s *server) checked(r *http.Request) bool {
	got := r.Header.Get("X-Admin-Key")
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.secret)) == 1
}

func (s *server) strict(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.checked(r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r)
	}
}

func run(w http.ResponseWriter, r *http.Request) { exec.Command("backup").Run() }

func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/cron", s.wrap(run)) // want `s.wrap\(run\) does not always authenticate: it lets every request through when s.token == "" \(in wrapoff.wrap\); then POST /api/cron reaches command execution .*, and 1 more route is open`
	mux.HandleFunc("POST /api/backup", s.wrap(run))
	mux.HandleFunc("POST /api/restore", s.strict(run))
	return mux
}

func main() {
	s := &server{}
	http.ListenAndServe(":9000", s.routes())
}
