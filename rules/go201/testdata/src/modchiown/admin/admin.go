// Package admin builds its own router, served on a second port, and puts
// no limit on it: its read stays a finding, while the handlers registered
// on the other, limited router are covered.
package admin

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type key struct{ Name string }

func Router() http.Handler {
	r := chi.NewRouter()
	r.Post("/keys", createKey)
	return r
}

func createKey(w http.ResponseWriter, r *http.Request) {
	var k key
	_ = json.NewDecoder(r.Body).Decode(&k) // want `json.NewDecoder reads r.Body with no size limit`
}
