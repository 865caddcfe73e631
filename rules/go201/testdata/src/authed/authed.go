// Package authed serves some handlers only behind an API-key middleware:
// an unbounded body there is a note, one an anonymous caller can send is a
// warning.
package authed

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

func requireKey(next http.Handler) http.Handler {
	key := os.Getenv("API_KEY")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(key)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type server struct{}

func (s *server) update(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v) // want `json.NewDecoder reads r.Body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
}

func (s *server) feedback(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
}

// both is served behind the key and, by mistake, without it: a warning.
func both(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
}

func Main() {
	s := &server{}
	api := http.NewServeMux()
	api.HandleFunc("POST /api/update", s.update)
	api.HandleFunc("POST /api/both", both)
	api.HandleFunc("POST /api/inline", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit \(a note, not a warning: only authenticated callers`
	})

	mux := http.NewServeMux()
	mux.Handle("/api/", requireKey(api))
	mux.HandleFunc("POST /feedback", s.feedback)
	mux.HandleFunc("POST /both", both)
	_ = http.ListenAndServe(":8080", mux)
}
