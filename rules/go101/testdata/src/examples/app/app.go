// Package app is an example: an open route that runs a command is still
// reported, as a warning that says why.
package app

import (
	"net/http"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request) { exec.Command("uptime").Run() }

func main() {
	http.HandleFunc("POST /run", run) // want `POST /run reaches command execution .* with no authentication \(a note, not an error: example code \(examples/\)\)`
	http.ListenAndServe(":8080", nil)
}
