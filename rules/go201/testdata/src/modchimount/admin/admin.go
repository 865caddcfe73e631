// Package admin builds a router for another package to mount, and puts no
// limit of its own on it.
package admin

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type key struct{ Name string }

func Routes() http.Handler {
	r := chi.NewRouter()
	r.Post("/keys", createKey)
	return r
}

func createKey(w http.ResponseWriter, r *http.Request) {
	var k key
	_ = json.NewDecoder(r.Body).Decode(&k) // want `json.NewDecoder reads r.Body with no size limit`
}
