// Package h checks credentials in the init statement of an if (if ok :=
// valid(r); ...): the same as computing them in a statement before it.
package h

import (
	"errors"
	"net/http"
	"os/exec"
	"strings"
)

type Config struct {
	AuthEnabled bool
	Key         string
}

func valid(r *http.Request, key string) bool { return r.Header.Get("X-API-Key") == key }

func check(r *http.Request, key string) error {
	if r.Header.Get("Authorization") != "Bearer "+key {
		return errors.New("bad token")
	}
	return nil
}

func run(w http.ResponseWriter, r *http.Request) { exec.Command("sh").Run() }

// The rejection needs the setting as well as a bad key: every request
// passes while the setting is off.
func keyAuth(cfg *Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if ok := valid(r, cfg.Key); cfg.AuthEnabled && !ok {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// The same with an error from the check.
func tokenAuth(cfg *Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := check(r, cfg.Key); cfg.AuthEnabled && err != nil {
				http.Error(w, err.Error(), http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

var settings any

// Public paths pass, decided from the request in the init; a defensive
// type check passes too; every other request needs the key (silent).
func strict(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if public := strings.HasPrefix(r.URL.Path, "/public/"); public {
				next.ServeHTTP(w, r)
				return
			}
			if _, ok := settings.(*Config); !ok {
				next.ServeHTTP(w, r)
				return
			}
			if ok := valid(r, key); !ok {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func serve(cfg *Config) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	http.ListenAndServe(":8080", keyAuth(cfg)(mux)) // want `keyAuth\(cfg\) does not always authenticate: it lets every request through when !cfg.AuthEnabled \(in h.keyAuth\); then POST /run reaches command execution`
}

func serveToken(cfg *Config) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	http.ListenAndServe(":8081", tokenAuth(cfg)(mux)) // want `tokenAuth\(cfg\) does not always authenticate: it lets every request through when !cfg.AuthEnabled \(in h.tokenAuth\); then POST /run reaches command execution`
}

func serveStrict(key string) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	http.ListenAndServe(":8082", strict(key)(mux))
}
