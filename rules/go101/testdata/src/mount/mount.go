// Package mount: the standard library's debugging handlers mounted on a
// router are routes like any other.
package mount

import (
	"expvar"
	"net/http"
	"net/http/pprof"
	_ "net/http/pprof"
	"os"

	"github.com/gorilla/mux"
)

func key(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Admin-Key") != os.Getenv("ADMIN_KEY") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func routes() {
	r := mux.NewRouter()
	r.PathPrefix("/debug/pprof/").Handler(http.DefaultServeMux) // want `ANY /debug/pprof/ mounts http.DefaultServeMux, which serves net/http/pprof's profiling handlers .* and expvar's variables .* with no authentication`
	if os.Getenv("DEBUG") == "1" {
		r.PathPrefix("/dbg/").Handler(http.DefaultServeMux) // want `ANY /dbg/ mounts http.DefaultServeMux.* with no authentication \(a note, not an error: mounted only when the DEBUG environment variable is set\)`
	}
	// The debugging handlers one function registers are one element: the
	// first is reported, the others are notes that point to it.
	r.HandleFunc("/profile", pprof.Profile)          // want `ANY /profile serves net/http/pprof's profiling handlers .* \(a note, not an error: one of the debugging handlers registered together, reported once at line 27\)`
	r.Handle("/vars", expvar.Handler())              // want `ANY /vars serves expvar's variables .*reported once at line 27`
	r.Handle("/heap", http.HandlerFunc(pprof.Index)) // want `ANY /heap serves net/http/pprof's .*reported once at line 27`
	r.Handle("/admin/pprof/", key(http.DefaultServeMux))
	http.ListenAndServe(":8080", r)
}

// A mux of the program's own is judged by its own routes (none here reach
// anything), not as a debugging endpoint.
func own() {
	inner := http.NewServeMux()
	inner.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {})
	r := mux.NewRouter()
	r.PathPrefix("/app/").Handler(inner)
	http.ListenAndServe(":8081", r)
}

// Config is the program's configuration, read from flags.
type Config struct {
	EnableDebug bool
	Verbose     bool
}

// monitor mounts the profiling handlers through a helper that only an
// opt-in setting calls: the routes are notes. The helper another function
// calls unconditionally keeps its finding.
func monitor(conf *Config) {
	m := http.NewServeMux()
	if conf.EnableDebug {
		debugRoutes(m)
	}
	if conf.Verbose {
		traceRoutes(m)
	}
	traceRoutes(m)
	http.ListenAndServe(":5052", m)
}

func debugRoutes(m *http.ServeMux) {
	m.HandleFunc("/debug/pprof/", pprof.Index) // want `ANY /debug/pprof/ serves net/http/pprof's profiling handlers .* \(a note, not an error: mounted only when the EnableDebug setting is set\)`
}

func traceRoutes(m *http.ServeMux) {
	m.HandleFunc("/debug/pprof/trace", pprof.Trace) // want `ANY /debug/pprof/trace serves net/http/pprof's profiling handlers .* with no authentication$`
}
