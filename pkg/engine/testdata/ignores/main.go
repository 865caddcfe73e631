// Command ignores holds //apiaudit:ignore comments on declarations.
package main

import (
	"encoding/json"
	"io"
	"net/http"
)

type server struct{}

// proxied decodes twice; both reads are covered by the doc comment.
//
//apiaudit:ignore GO201 -- behind a proxy that caps bodies at 1 MB
func proxied(w http.ResponseWriter, r *http.Request) {
	var v any
	_ = json.NewDecoder(r.Body).Decode(&v)
	_, _ = io.ReadAll(r.Body)
}

//apiaudit:ignore GO201 -- internal admin route, bodies capped by the load balancer
func (s *server) admin(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

func trailing(w http.ResponseWriter, r *http.Request) { //apiaudit:ignore GO2* -- test-only handler
	_, _ = io.ReadAll(r.Body)
}

// open is not covered: its ignore names another rule.
//
//apiaudit:ignore GO202 -- no server here
func open(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

//apiaudit:ignore GO201 -- covers the whole var declaration
var inline = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
})

var (
	//apiaudit:ignore GO201 -- covers this spec only
	first = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
	})
	second = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
	})
)

// both is covered twice: the line ignore is the one recorded, and neither
// is reported as unused.
//
//apiaudit:ignore GO201 -- covered by the declaration too
func both(w http.ResponseWriter, r *http.Request) {
	//apiaudit:ignore GO201 -- covered on the line
	_, _ = io.ReadAll(r.Body)
}

// quiet has an ignore and nothing to ignore.
//
//apiaudit:ignore GO201 -- left over from an old version
func quiet(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	s := &server{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", proxied)
	mux.HandleFunc("POST /b", s.admin)
	mux.HandleFunc("POST /c", trailing)
	mux.HandleFunc("POST /d", open)
	mux.HandleFunc("POST /e", both)
	mux.HandleFunc("POST /f", quiet)
	mux.Handle("POST /g", inline)
	mux.Handle("POST /h", first)
	mux.Handle("POST /i", second)
	mux.HandleFunc("POST /j", misspelt)
	_ = http.ListenAndServe(":8080", mux) //apiaudit:ignore GO202 -- local test server
}

// misspelt has ignores that are almost the directive: each suppresses
// nothing and is reported (GO503), and the reads stay findings. The last
// comment only mentions the directive and is left alone.
func misspelt(w http.ResponseWriter, r *http.Request) {
	// apiaudit:ignore GO201 -- a space after the slashes
	_, _ = io.ReadAll(r.Body)
	//apiaudit: ignore GO201 -- a space after the colon
	_, _ = io.ReadAll(r.Body)
	//apiaudit-ignore GO201 -- a dash
	_, _ = io.ReadAll(r.Body)
	/* apiaudit:ignore GO201 -- a block comment */
	_, _ = io.ReadAll(r.Body)
	// see //apiaudit:ignore in docs/go.md
	w.WriteHeader(http.StatusNoContent)
}
