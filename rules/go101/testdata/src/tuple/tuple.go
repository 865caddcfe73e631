// Package tuple: a router returned with an error, (http.Handler, error),
// and served by the caller.
package tuple

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request) { exec.Command("make").Run() }

func newRouter(dir string) (http.Handler, error) {
	if dir == "" {
		return nil, errors.New("no dir")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /build", run) // want `POST /build reaches command execution`
	return mux, nil
}

func newRouter2() (h http.Handler, err error) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /build2", run) // want `POST /build2 reaches command execution`
	h = mux
	return h, nil
}

func wrapped() (http.Handler, error) { return newRouter(".") }

func newSafe() (http.Handler, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /safe", run)
	return mux, nil
}

func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("TOKEN") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	h, err := newRouter(".")
	if err != nil {
		panic(err)
	}
	http.ListenAndServe(":8080", h)

	h2, _ := newRouter2()
	srv := &http.Server{Addr: ":8081", Handler: h2}
	srv.ListenAndServe()

	h3, _ := wrapped()
	http.ListenAndServe(":8082", h3)

	safe, _ := newSafe()
	http.ListenAndServe(":8083", guard(safe))
}
