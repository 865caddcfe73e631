// Package b runs without options: Gate is not known as auth.
package b

import (
	"net/http"
	"os/exec"

	"authmw"
)

func deploy(w http.ResponseWriter, r *http.Request) { exec.Command("deploy").Run() }

func routes() {
	mux := http.NewServeMux()
	mux.Handle("POST /deploy", authmw.Gate(http.HandlerFunc(deploy))) // want `POST /deploy reaches command execution`
	mux.HandleFunc("POST /public/hook", deploy)                       // want `POST /public/hook reaches command execution`
	http.ListenAndServe(":8080", mux)
}
