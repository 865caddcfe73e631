package main

import (
	"encoding/json"
	"html/template"
	"net/http"
	"os"
	"time"

	"github.com/gorilla/websocket"

	"example.com/webui/console"
)

var (
	tmpl     = template.Must(template.New("t").Parse(`<p>{{.}}</p>`))
	upgrader websocket.Upgrader
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("GET /api/items", requireToken(http.HandlerFunc(ok)))
	mux.Handle("GET /api/items/{id}", requireToken(http.HandlerFunc(ok)))
	mux.HandleFunc("GET /reports/summary", ok)

	// A server-rendered console under /console, which the document does
	// not describe: its pages (rendered through a helper of another
	// package), its form posts answered with a redirect to a page, and
	// its dashboard's JSON and websocket are notes.
	c := &console.Console{}
	mux.HandleFunc("GET /console/login", c.Login)                                 // want "GET /console/login is served here .* \\(a note: a page of a web UI, not an API operation: its handler renders an HTML template \\(ExecuteTemplate\\) through show\\)"
	mux.HandleFunc("GET /console/home", c.Home)                                   // want "GET /console/home is served here .* \\(a note: a page of a web UI, not an API operation: its handler renders an HTML template \\(ExecuteTemplate\\) through layout\\)"
	mux.HandleFunc("GET /console/agents", c.Agents)                               // want "GET /console/agents is served here .* \\(a note: a page of a web UI"
	mux.HandleFunc("GET /console/agents/{id}", c.Agent)                           // want "GET /console/agents/\\{id\\} is served here .* \\(a note: a page of a web UI"
	mux.HandleFunc("POST /console/login", c.SignIn)                               // want "POST /console/login is served here .* \\(a note: a form post of a web UI, not an API operation: its handler answers with a redirect to /console/home, a page \\(GET /console/home\\)\\)"
	mux.HandleFunc("POST /console/logout", c.SignOut)                             // want "POST /console/logout is served here .* \\(a note: a form post of a web UI, .* redirect to /console/login, a page"
	mux.HandleFunc("POST /console/agents/{id}/pause", c.PauseAgent)               // want "POST /console/agents/\\{id\\}/pause is served here .* \\(a note: a form post of a web UI, .* redirect to /console/agents/…, a page \\(GET /console/agents/\\{id\\}\\)\\)"
	mux.HandleFunc("POST /console/agents/{id}/rename", c.RenameAgent)             // want "POST /console/agents/\\{id\\}/rename is served here .* \\(a note: a form post of a web UI, .* redirect to /console/agents/…, a page"
	mux.HandleFunc("GET /console", func(w http.ResponseWriter, r *http.Request) { // want "GET /console is served here .* \\(a note: a redirect to a page of a web UI, .* redirect to /console/home, a page"
		http.Redirect(w, r, "/console/home", http.StatusFound)
	})
	mux.HandleFunc("GET /console/stats", c.Stats) // want "GET /console/stats is served here .* \\(a note: a route under /console/, the prefix of a web UI \\(9 of the module's 11 routes there are its pages, redirects to them or its files\\), where the document describes nothing"
	mux.HandleFunc("GET /console/live", c.Live)   // want "GET /console/live is served here .* \\(a note: the websocket of a web UI \\(its handler upgrades with websocket.Upgrade and is a method of console.Console, whose methods serve the UI's pages"

	// The API stays compared: a JSON operation, a POST that redirects to
	// another API route (303 to the created item, which is no page), a
	// redirect that keeps the method (307) and one to another site, a
	// websocket of a handler that serves no page, and an API handler that
	// renders only its error page through a helper.
	mux.HandleFunc("POST /api/items/{id}/export", ok)  // want "POST /api/items/\\{id\\}/export is served here but described in no operation of testdata/webui/openapi.yaml$"
	mux.HandleFunc("POST /api/items", created)         // want "POST /api/items is served here but described in no operation of testdata/webui/openapi.yaml$"
	mux.HandleFunc("POST /api/items/{id}/move", moved) // want "POST /api/items/\\{id\\}/move is served here but described in no operation of testdata/webui/openapi.yaml$"
	mux.HandleFunc("POST /api/signin", elsewhere)      // want "POST /api/signin is served here but described in no operation of testdata/webui/openapi.yaml$"
	mux.HandleFunc("GET /api/stream", stream)          // want "GET /api/stream is served here but described in no operation of testdata/webui/openapi.yaml$"
	mux.HandleFunc("GET /api/items/{id}/meta", meta)   // want "GET /api/items/\\{id\\}/meta is served here but described in no operation of testdata/webui/openapi.yaml$"

	// Under a prefix the document describes (/reports), pages do not make
	// the other routes UI: the JSON route is a finding.
	mux.HandleFunc("GET /reports/weekly", page)  // want "GET /reports/weekly is served here .* \\(a note: a page of a web UI"
	mux.HandleFunc("GET /reports/monthly", page) // want "GET /reports/monthly is served here .* \\(a note: a page of a web UI"
	mux.HandleFunc("GET /reports/raw", ok)       // want "GET /reports/raw is served here but described in no operation of testdata/webui/openapi.yaml$"

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

func page(w http.ResponseWriter, r *http.Request) { tmpl.Execute(w, r.URL.Path) }

func created(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/api/items/"+r.FormValue("id"), http.StatusSeeOther)
}

func moved(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/console/agents/"+r.PathValue("id"), http.StatusTemporaryRedirect)
}

func elsewhere(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "https://login.example.com/console/home", http.StatusFound)
}

func stream(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil || conn == nil {
		return
	}
}

// errorPage renders an error as HTML.
func errorPage(w http.ResponseWriter, msg string) { tmpl.Execute(w, msg) }

func meta(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") == "" {
		errorPage(w, "no id")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"id": r.PathValue("id")})
}
