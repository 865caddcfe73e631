package a

import (
	"context"
	"net/http"
	"os"
	"os/exec"

	"authmw"

	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient("k")

func runAgent(w http.ResponseWriter, r *http.Request) {
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{})
}

func deploy(w http.ResponseWriter, r *http.Request) {
	exec.Command("deploy.sh").Run()
}

func save(w http.ResponseWriter, r *http.Request) {
	os.WriteFile("/var/lib/app/x", nil, 0o600)
}

func list(w http.ResponseWriter, r *http.Request) {}

// checked reads the Authorization header and answers 401 itself.
func checked(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer secret" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	exec.Command("deploy.sh").Run()
}

// helperChecked calls a helper that does the check.
func helperChecked(w http.ResponseWriter, r *http.Request) {
	if !authorize(w, r) {
		return
	}
	os.RemoveAll("/tmp/x")
}

func authorize(w http.ResponseWriter, r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	if !ok || user != "admin" || pass != "x" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return false
	}
	return true
}

// localAuth is a middleware of this package.
func localAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("session_id"); err != nil || c.Value == "" {
			w.WriteHeader(401)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func plainMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/agent/run", runAgent) // want `POST /v1/agent/run reaches model call \(runAgent → \(go-openai.Client\).CreateChatCompletion\) with no authentication`
	mux.HandleFunc("/deploy", deploy)              // want `ANY /deploy reaches command execution \(deploy → exec.Command\) with no authentication`
	mux.HandleFunc("DELETE /items/{id}", list)     // want `DELETE /items/\{id\} changes state with no authentication`
	mux.HandleFunc("GET /admin/users", list)       // want `GET /admin/users is under /admin with no authentication`
	mux.HandleFunc("GET /items", list)             // a public read-only route
	mux.HandleFunc("GET /healthz", list)           // a health check
	mux.HandleFunc("POST /login", save)            // a public path by default
	mux.HandleFunc("POST /webhooks/github", save)  // a public path by default
	mux.HandleFunc("POST /deploy2", checked)       // checks in the handler
	mux.HandleFunc("POST /clean", helperChecked)   // checks through a helper
	mux.Handle("POST /save", authmw.RequireToken(http.HandlerFunc(save)))
	mux.Handle("POST /save2", authmw.Chain()(http.HandlerFunc(save)))
	mux.Handle("POST /save3", localAuth(http.HandlerFunc(save)))
	mux.Handle("POST /save4", authmw.Logging(http.HandlerFunc(save)))             // want `POST /save4 reaches file write`
	mux.HandleFunc("POST /inline", func(w http.ResponseWriter, r *http.Request) { // want `POST /inline reaches command execution`
		exec.Command("x").Run()
	})
	http.ListenAndServe(":8080", mux)
}

// wrappedMux is protected by a wrapper around the whole mux.
func wrappedMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/agent/run", runAgent)
	http.ListenAndServe(":8081", authmw.RequireToken(mux))
}

// serverMux is served through an http.Server whose handler is wrapped.
func serverMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/agent/run", runAgent)
	srv := &http.Server{Addr: ":8082", Handler: localAuth(authmw.Logging(mux))}
	srv.ListenAndServe()
}

// openServer is served through an http.Server without auth.
func openServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/agent/run", runAgent) // want `POST /v2/agent/run reaches model call`
	srv := &http.Server{Addr: ":8083", Handler: authmw.Logging(mux)}
	srv.ListenAndServe()
}

// routes builds a mux that main serves wrapped.
func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3/agent/run", runAgent)
	return mux
}

func serveRoutes() {
	h := routes()
	http.ListenAndServe(":8084", authmw.RequireToken(h))
}

// unservedRoutes is exported and returns its mux: whoever serves it is in
// another package, so the rule cannot tell and stays silent.
func UnservedRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v4/agent/run", runAgent)
	return mux
}

func defaultMux() {
	http.HandleFunc("POST /v5/deploy", deploy) // want `POST /v5/deploy reaches command execution`
	http.ListenAndServe(":8085", nil)
}

// servedTwice: wrapped on one port, open on another.
func servedTwice() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v6/deploy", deploy) // want `POST /v6/deploy reaches command execution`
	go http.ListenAndServe(":8086", authmw.RequireToken(mux))
	http.ListenAndServe(":8087", mux)
}

// registerOn registers on a router it is given; its one caller passes a
// protected router.
func registerOn(mux *http.ServeMux) {
	mux.HandleFunc("POST /v7/deploy", deploy)
}

func callsRegister() {
	mux := http.NewServeMux()
	registerOn(mux)
	http.ListenAndServe(":8088", localAuth(mux))
}
