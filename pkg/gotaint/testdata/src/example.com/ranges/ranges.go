// Package ranges holds the engine's cases of data read by ranging over a
// map or a slice.
package ranges

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
)

func mapValues(w http.ResponseWriter, r *http.Request) { // want `mapValues: taint\(p1.Body⇒command execution p1.Body⇒a file path\)`
	var args map[string]string
	json.NewDecoder(r.Body).Decode(&args)
	for k, v := range args {
		exec.Command(v).Run() // want `command execution from the request body`
		os.ReadFile(k)        // want `a file path from the request body`
	}
}

func mapOfAny(w http.ResponseWriter, r *http.Request) { // want `mapOfAny: taint\(p1.Body⇒command execution\)`
	var args map[string]any
	json.NewDecoder(r.Body).Decode(&args)
	for _, v := range args {
		if s, ok := v.(string); ok {
			exec.Command(s).Run() // want `command execution from the request body`
		}
	}
}

func builtMap(w http.ResponseWriter, r *http.Request) {
	m := map[string]string{}
	m["a"] = r.FormValue("a")
	for _, v := range m {
		exec.Command(v).Run() // want `command execution from a form value`
	}
}

func constMap(w http.ResponseWriter, r *http.Request) {
	m := map[string]string{"ls": "/bin/ls"}
	_ = r.FormValue("a")
	for _, v := range m {
		exec.Command(v).Run()
	}
}
