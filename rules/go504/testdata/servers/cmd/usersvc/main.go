// Command usersvc serves the user service that examples/converter/users.yaml
// describes: its one undocumented route is a shadow of that document.
package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", ok)
	mux.HandleFunc("POST /users", ok)
	mux.HandleFunc("GET /users/{email}", ok)
	mux.HandleFunc("POST /users/{email}/avatar", ok) // want "POST /users/\\{email\\}/avatar is served here but described in no operation of testdata/servers/examples/converter/users.yaml$"
	http.ListenAndServe("127.0.0.1:8081", mux)
}

func ok(w http.ResponseWriter, r *http.Request) {}
