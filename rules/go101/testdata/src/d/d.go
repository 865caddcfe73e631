// Package d authenticates with headers whose names say nothing: what the
// middleware does (compare what the client sent with a secret, answer 401
// or 403) is what makes it authentication.
package d

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"os"
	"os/exec"
)

type server struct{ internalKey string }

func deploy(w http.ResponseWriter, r *http.Request) { exec.Command("deploy").Run() }

// internalOnly compares a custom header with the server's key in
// constant time.
func (s *server) internalOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-Internal-Key")
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.internalKey)) != 1 {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sharedSecret compares a query parameter with a secret from the
// environment using ==.
func sharedSecret(next http.HandlerFunc) http.HandlerFunc {
	secret := os.Getenv("HOOK_SECRET")
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("token") != secret {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

// sameOrigin answers 403 too, but compares the Origin header: that is not
// authentication.
func sameOrigin(allowed string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") != allowed {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// presence only checks that a header is there: not authentication.
func presence(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Tenant") == "" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func routes(s *server) {
	mux := http.NewServeMux()
	mux.Handle("POST /internal/deploy", s.internalOnly(http.HandlerFunc(deploy)))
	mux.HandleFunc("POST /hooks/deploy", sharedSecret(deploy))
	mux.Handle("POST /browser/deploy", sameOrigin("https://app.example.com", http.HandlerFunc(deploy))) // want `POST /browser/deploy reaches command execution`
	mux.Handle("POST /tenant/deploy", presence(http.HandlerFunc(deploy)))                               // want `POST /tenant/deploy reaches command execution`
	http.ListenAndServe(":8080", mux)
}

// Paths built at run time print with their computed parts as "…" (a
// Sprintf verb is not a path), their constant parts as written.
func built(version, kind string) {
	mux := http.NewServeMux()
	mux.HandleFunc(fmt.Sprintf("DELETE /%s/items/{id}", version), deploy) // want `DELETE /…/items/\{id\} reaches command execution`
	mux.HandleFunc(fmt.Sprintf("PUT /%s/items/{id}", "v2"), deploy)       // want `PUT /v2/items/\{id\} reaches command execution`
	mux.HandleFunc("POST /"+kind+"/run", deploy)                          // want `POST /…/run reaches command execution`
	for _, p := range []string{"POST /a", "POST /b"} {
		mux.HandleFunc(p, deploy) // want `ANY … reaches command execution`
	}
	http.ListenAndServe(":8081", mux)
}
