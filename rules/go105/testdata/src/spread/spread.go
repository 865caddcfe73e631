// Package spread gives each route the middleware of a slice, applied by a
// chain helper of its own: the token check appended only when a key is
// configured may be off; the one always appended is not.
package spread

import (
	"net/http"
	"os"
	"os/exec"
)

type Middleware func(http.Handler) http.Handler

func chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
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

func logged(next http.Handler) http.Handler { return next }

func run(w http.ResponseWriter, r *http.Request) {
	exec.Command("sh", "-c", "make deploy").Run()
}

func Main() {
	mux := http.NewServeMux()
	key := os.Getenv("KEY")

	mws := []Middleware{logged}
	if key != "" {
		mws = append(mws, requireToken(key)) // want `requireToken\(key\) is installed only when key != "": otherwise POST /deploy reaches command execution .* with no authentication`
	}
	mux.Handle("POST /deploy", chain(http.HandlerFunc(run), mws...))

	always := []Middleware{logged, requireToken(os.Getenv("ADMIN_KEY"))}
	mux.Handle("POST /admin/deploy", chain(http.HandlerFunc(run), always...))

	http.ListenAndServe(":8080", mux)
}
