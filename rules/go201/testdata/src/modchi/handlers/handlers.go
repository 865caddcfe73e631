// Package handlers registers its routes on a router it is handed, under
// the limit the routing package puts on the root: its reads are bounded.
package handlers

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type project struct{ Name string }

func Projects(r chi.Router) {
	r.Post("/", create)
}

func create(w http.ResponseWriter, r *http.Request) {
	var p project
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}
