// Package a builds checks out of helpers declared after their callers, so
// that kinds travel backwards through the file and need several rounds.
package a

import (
	"net/http"

	"b"
)

func outer(w http.ResponseWriter, r *http.Request) bool { // want outer:"checks credentials"
	return middle(w, r)
}

func middle(w http.ResponseWriter, r *http.Request) bool { // want middle:"checks credentials"
	return inner(w, r)
}

func inner(w http.ResponseWriter, r *http.Request) bool { // want inner:"checks credentials"
	if key(r) == "" {
		w.WriteHeader(403)
		return false
	}
	return true
}

func key(r *http.Request) string { // want key:"reads credentials"
	return r.Header.Get("X-API-Key")
}

func viaFact(next http.Handler) http.Handler { // want viaFact:"checks credentials"
	return b.Require(next)
}

func readsViaFact(r *http.Request) bool { // want readsViaFact:"reads credentials"
	return b.Token(r) != ""
}

func register(mux *http.ServeMux, h http.Handler) { // registering routes is not a check: silent
	mux.Handle("/admin", b.Require(h))
}

func unrelated(s string) int { return len(s) } // silent

func hostGuard(next http.Handler) http.Handler { // want hostGuard:"checks the host"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host != "localhost:8080" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func viaHostGuard(next http.Handler) http.Handler { // want viaHostGuard:"checks the host"
	return hostGuard(next)
}

func logsHost(r *http.Request) string { return "served " + r.Host } // reads the host, rejects nothing: silent

type settings struct{ requireAuth bool }

func (s *settings) optional(next http.Handler) http.Handler { // want optional:"checks credentials unless !s.requireAuth"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.requireAuth {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func exempt(next http.Handler) http.Handler { // want exempt:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *settings) nested(next http.Handler) http.Handler { // want nested:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization")
		if tok == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if s.requireAuth { // after the check began: a branch of the check
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *settings) defensive(next http.Handler) http.Handler { // want defensive:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s == nil {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type getter interface{ Get() any }

// The comma-ok is defensive, not a setting; cfg.requireAuth is one: the
// 401 needs it, so with it false every request passes.
func typed(g getter) func(http.Handler) http.Handler { // want typed:"^checks credentials unless !cfg.requireAuth$"
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cfg, ok := g.Get().(*settings)
			if !ok { // a defensive check, not a setting
				next.ServeHTTP(w, r)
				return
			}
			if r.Header.Get("Authorization") == "" && cfg.requireAuth {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func sourceOf(r *http.Request) string { return r.RemoteAddr }

func trusted(next http.Handler) http.Handler { // want trusted:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		source := sourceOf(r)
		if source == "tray" { // decided by the request: not a setting
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// write401 only answers 401: it reads no credential, so it is no check;
// a function that reads one and calls it checks, in this package or
// another (it answers 401 on every path).
func write401(w http.ResponseWriter, msg string) { // want write401:"answers 401 or 403"
	w.Header().Set("WWW-Authenticate", "Bearer")
	http.Error(w, msg, http.StatusUnauthorized)
}

// statusOf maps an error kind to a status, 401 for one kind among
// others: it rejects only in this package's eyes (a caller here that
// reads a credential and calls it is taken as a check, as before), and
// other packages are told nothing of it.
func statusOf(kind string) int {
	switch kind {
	case "auth":
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}

type snapshot struct{ RequireOAuth bool }

type state struct{ cur *snapshot }

func (s *state) Load() *snapshot { return s.cur }

func oauthMiddleware(st *state) func(http.Handler) http.Handler { // want oauthMiddleware:"checks credentials unless !cfg.RequireOAuth"
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cfg := st.Load()
			if !cfg.RequireOAuth {
				next.ServeHTTP(w, r)
				return
			}
			if r.Header.Get("Authorization") == "" {
				write401(w, "bearer token required")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
