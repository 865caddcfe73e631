package main

import (
	"net/http"
	"os"
	"time"

	"example.com/bad/handlers"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("GET /items", requireToken(http.HandlerFunc(ok)))
	mux.Handle("GET /items/{id}", requireToken(http.HandlerFunc(ok)))
	mux.Handle("POST /items/{id}/debug", requireToken(http.HandlerFunc(ok))) // want "POST /items/\\{id\\}/debug is served here but described in no operation of testdata/bad/openapi.yaml"
	//apiaudit:ignore GO504 -- the reindex hook is called by the deploy job only
	mux.Handle("POST /reindex", requireToken(http.HandlerFunc(ok)))
	mux.Handle("/internal/", requireToken(http.HandlerFunc(ok))) // want "ANY /internal/ is served here"
	// Operational endpoints, a catch-all and a file server: notes.
	mux.HandleFunc("GET /healthz", ok)                                   // want "GET /healthz is served here but described in no operation of testdata/bad/openapi.yaml \\(a note: an operational endpoint"
	mux.HandleFunc("/metrics", ok)                                       // want "ANY /metrics is served here .* \\(a note: an operational endpoint"
	mux.Handle("/swagger/", http.FileServer(http.Dir("docs")))           // want "ANY /swagger/ is served here .* \\(a note: an operational endpoint"
	mux.Handle("/assets/", http.FileServer(http.Dir("web")))             // want "ANY /assets/ is served here .* \\(a note: it serves files"
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {}) // want "ANY / is served here .* \\(a note: a catch-all route"
	// The static files of a web UI: notes; an API that answers in JSON is not one.
	mux.HandleFunc("GET /index.html", ok)       // want "GET /index.html is served here .* \\(a note: it serves a static file of a web UI \\(index.html\\)"
	mux.HandleFunc("GET /manifest.json", ok)    // want "GET /manifest.json is served here .* \\(a note: it serves a static file of a web UI"
	mux.HandleFunc("GET /reports.json", ok)     // want "GET /reports.json is served here but described in no operation of testdata/bad/openapi.yaml$"
	mux.HandleFunc("POST /upload/app.js", ok)   // want "POST /upload/app.js is served here but described in no operation of testdata/bad/openapi.yaml$"
	mux.HandleFunc("POST /healthcheck-now", ok) // want "POST /healthcheck-now is served here but described in no operation of testdata/bad/openapi.yaml$"
	// Placeholders of another package that only answer 501: notes; one that
	// answers 501 on one branch only is an operation.
	mux.HandleFunc("POST /v1/assistants", handlers.NotImplemented) // want "POST /v1/assistants is served here .* \\(a note: its handler \\(handlers.NotImplemented\\) only answers 501 Not Implemented"
	mux.HandleFunc("POST /v1/reindex", handlers.Reindex)           // want "POST /v1/reindex is served here but described in no operation of testdata/bad/openapi.yaml$"
	// Pages of a web UI (an HTML template of another package, a text/html
	// answer) and a UI's static directory: notes. A POST that renders HTML
	// (outside the UI's /admin prefix) and a GET of one asset by id are
	// operations.
	mux.HandleFunc("GET /admin/dashboard", handlers.Dashboard) // want "GET /admin/dashboard is served here .* \\(a note: a page of a web UI, not an API operation: its handler renders an HTML template \\(ExecuteTemplate\\)\\)"
	mux.HandleFunc("GET /admin/ui", page)                      // want "GET /admin/ui is served here .* \\(a note: a page of a web UI, not an API operation: its handler answers text/html\\)"
	mux.HandleFunc("GET /admin/static/{path...}", ok)          // want "GET /admin/static/\\{path...\\} is served here .* \\(a note: it serves the files under a web UI's static/ directory"
	mux.HandleFunc("POST /preview", handlers.Dashboard)        // want "POST /preview is served here but described in no operation of testdata/bad/openapi.yaml$"
	mux.HandleFunc("GET /v1/assets/{id}", ok)                  // want "GET /v1/assets/\\{id\\} is served here but described in no operation of testdata/bad/openapi.yaml$"
	// Operational endpoints under a version prefix: notes.
	mux.HandleFunc("/v0/swagger/", ok)       // want "ANY /v0/swagger/ is served here .* \\(a note: an operational endpoint"
	mux.HandleFunc("GET /api/v1/health", ok) // want "GET /api/v1/health is served here .* \\(a note: an operational endpoint"
	// A handler mounted at a prefix and at its bare path, whose own routes
	// the document describes: the mounts are notes. A bare path with no
	// such twin is an endpoint of its own.
	pg := http.NewServeMux()
	pg.HandleFunc("GET /playground/runs", ok)
	mux.Handle("/playground", pg)     // want "ANY /playground is served here .* \\(a note: it mounts a handler under /playground/, where the document describes 1 operation,"
	mux.Handle("/playground/", pg)    // want "ANY /playground/ is served here .* \\(a note: it mounts a handler under /playground/"
	mux.HandleFunc("GET /things", ok) // want "GET /things is served here but described in no operation of testdata/bad/openapi.yaml$"
	mux.HandleFunc("GET /things/{id}", ok)
	// A path computed at run time is not reported.
	for _, p := range []string{"/livez", "/startup"} {
		mux.HandleFunc(p, ok)
		mux.HandleFunc(p+"/detail", ok)
	}
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("TOKEN") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func ok(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte("<html></html>"))
}
