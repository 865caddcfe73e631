// Package hooks registers on the router the public package hands it,
// which has no limit: its read stays a finding.
package hooks

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type event struct{ Kind string }

func Register(r chi.Router) {
	r.Post("/hooks", receive)
}

func receive(w http.ResponseWriter, r *http.Request) {
	var e event
	_ = json.NewDecoder(r.Body).Decode(&e) // want `json.NewDecoder reads r.Body with no size limit`
}
