// Package sessauth: a middleware that reads the session cookie and answers
// a request without a signed-in user itself (with a JSON error code and
// status 200) authenticates; one that answers requests without some other
// header does not.
package sessauth

import (
	"encoding/json"
	"net/http"
	"os/exec"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("signing-key"))

const sessionName = "app-session"

func runIt(w http.ResponseWriter, r *http.Request) { exec.Command("x").Run() }

func failure(w http.ResponseWriter, msg string) {
	json.NewEncoder(w).Encode(map[string]any{"code": 10001, "msg": msg})
}

func requireLogin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := store.Get(r, sessionName)
		if err != nil {
			failure(w, "not signed in")
			return
		}
		uid, ok := sess.Values["user_id"]
		if !ok || uid == nil {
			failure(w, "not signed in")
			return
		}
		next(w, r)
	}
}

func needsLanguage(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang := r.Header.Get("Accept-Language")
		if lang == "" {
			failure(w, "no language")
			return
		}
		next(w, r)
	}
}

func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/run", requireLogin(runIt))
	mux.HandleFunc("POST /open/run", needsLanguage(runIt)) // want `POST /open/run reaches command execution`
	http.ListenAndServe(":8080", mux)
}
