// Package c runs with auth-middleware: [authmw.Gate] and public-paths:
// [/public/*].
package c

import (
	"net/http"
	"os/exec"

	"authmw"
)

func deploy(w http.ResponseWriter, r *http.Request) { exec.Command("deploy").Run() }

func gated(w http.ResponseWriter, r *http.Request) {
	authmw.Gate(http.HandlerFunc(deploy)).ServeHTTP(w, r)
}

func routes() {
	mux := http.NewServeMux()
	mux.Handle("POST /deploy", authmw.Gate(http.HandlerFunc(deploy)))
	mux.HandleFunc("POST /deploy2", gated)
	mux.HandleFunc("POST /public/hook", deploy)
	mux.HandleFunc("POST /other", deploy) // want `POST /other reaches command execution`
	http.ListenAndServe(":8080", mux)
}
