// Package firstrun: a first-run setup that refuses once an account
// exists, a login and a logout named by an account's session resource,
// and the pages of a web UI served as files are notes; a setup that never
// refuses, a chat session and an API read under /admin keep their grades.
package firstrun

import (
	"net/http"
	"os"
	"strings"
	"time"
)

type accountService interface {
	SignIn(user, password string) error
}

type server struct {
	admins   map[string]string
	accounts accountService
}

func (s *server) setup(w http.ResponseWriter, r *http.Request) {
	if len(s.admins) > 0 {
		http.Error(w, "setup already done", http.StatusForbidden)
		return
	}
	os.WriteFile("/var/lib/app/admin", []byte(r.FormValue("password")), 0o600)
}

func (s *server) install(w http.ResponseWriter, r *http.Request) {
	os.WriteFile("/var/lib/app/admin", []byte(r.FormValue("password")), 0o600)
}

// login hands the password to an account service of another package
// (here, a field of an interface type) and records the time.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	if err := s.accounts.SignIn(r.FormValue("user"), r.FormValue("password")); err != nil {
		http.Error(w, "no", http.StatusUnauthorized)
		return
	}
	os.WriteFile("/var/lib/app/last-login", []byte(time.Now().String()), 0o600)
}

func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})
}

func (s *server) newChat(w http.ResponseWriter, r *http.Request) {
	os.WriteFile("/var/lib/app/chats/"+r.FormValue("title"), nil, 0o600)
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(strings.Join([]string{"admins"}, ",")))
}

func (s *server) routes(ui http.FileSystem) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/setup", s.setup)                   // want `POST /api/v1/setup reaches file write .*\(a note, not an error: the route is a first-run setup, which callers reach before any account exists, and its handler refuses with 401, 403, 404 or 410 \(firstrun.go:\d+\)`
	mux.HandleFunc("POST /api/v1/install", s.install)               // want `POST /api/v1/install reaches file write \([^)]*\) with no authentication$`
	mux.HandleFunc("POST /api/v1/system/admin/session", s.login)    // want `\(a note, not an error: the route is a login endpoint \(it creates a session\)`
	mux.HandleFunc("DELETE /api/v1/system/admin/session", s.logout) // want `\(a note, not an error: the route is a logout endpoint \(it ends a session\)`
	mux.HandleFunc("POST /api/chat/sessions", s.newChat)            // want `POST /api/chat/sessions reaches file write \([^)]*\) with no authentication$`
	mux.HandleFunc("GET /admin/stats", s.stats)                     // want `GET /admin/stats is under /admin with no authentication \(a warning, not an error`
	page := func(w http.ResponseWriter, r *http.Request) {
		f, err := ui.Open("index.html")
		if err != nil {
			http.Error(w, "no UI", http.StatusNotFound)
			return
		}
		defer f.Close()
		st, _ := f.Stat()
		http.ServeContent(w, r, "index.html", st.ModTime(), f)
	}
	mux.HandleFunc("GET /admin/", page) // want `GET /admin/ is under /admin with no authentication \(a note, not an error: its handler serves a file \(http.ServeContent\)`
	return mux
}

func main() {
	s := &server{}
	http.ListenAndServe(":8080", s.routes(http.Dir("ui")))
}
