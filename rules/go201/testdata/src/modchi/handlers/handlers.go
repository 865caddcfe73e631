// Package handlers registers its routes on a router it is handed, under
// the limit the routing package puts on the root: its reads are bounded,
// in handler functions and in the handlers its constructors return.
package handlers

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type project struct{ Name string }

type store struct{ names []string }

func Projects(r chi.Router) {
	s := &store{}
	r.Post("/", create)
	r.Put("/{id}", update(s))
}

func create(w http.ResponseWriter, r *http.Request) {
	var p project
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}

func update(s *store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var p project
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		s.names = append(s.names, p.Name)
	}
}
