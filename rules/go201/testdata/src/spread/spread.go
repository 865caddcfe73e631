// Package spread builds each route's middleware in a slice and applies it
// with a chain helper of its own (chain(h, mws...)): auth middleware in
// the slice authenticates the route; auth appended only when a setting is
// present is auth that may be off (GO105's), and the read behind it stays
// a warning.
package spread

import (
	"io"
	"net/http"
	"os"
)

type Middleware func(http.Handler) http.Handler

func chain(h http.Handler, mws ...Middleware) http.Handler {
	for _, mw := range mws {
		h = mw(h)
	}
	return h
}

func requireToken(key string) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer "+key {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

type upload struct{}

func (upload) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
}

type sync struct{}

func (sync) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
}

type feedback struct{}

func (feedback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
}

// forward is not a chain helper: it applies none of the middleware it is
// given, so the token check in the slice protects nothing.
func forward(h http.Handler, mws ...Middleware) http.Handler { return h }

type notes struct{}

func (notes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
}

func Main() {
	mux := http.NewServeMux()
	key := os.Getenv("KEY")

	var h http.Handler
	h = upload{}
	mws := []Middleware{logged}
	mws = append(mws, requireToken(key))
	mux.Handle("/upload", chain(h, mws...))

	var s http.Handler
	s = sync{}
	var smws []Middleware
	smws = append(smws, logged)
	if key != "" {
		smws = append(smws, requireToken(key))
	}
	mux.Handle("/sync", chain(s, smws...))

	var f http.Handler
	f = feedback{}
	fmws := []Middleware{logged}
	mux.Handle("/feedback", chain(f, fmws...))

	var n http.Handler
	n = notes{}
	nmws := []Middleware{requireToken(key)}
	mux.Handle("/notes", forward(n, nmws...))

	http.ListenAndServe(":8080", mux)
}
