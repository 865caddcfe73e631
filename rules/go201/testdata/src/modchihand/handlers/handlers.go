// Package handlers registers on the limited root router it is handed.
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
	_ = json.NewDecoder(r.Body).Decode(&p) // want `json.NewDecoder reads r.Body with no size limit`
}
