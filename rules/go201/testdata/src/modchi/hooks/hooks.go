// Package hooks returns a handler from a constructor; the routing package
// serves it on its limited root router.
package hooks

import (
	"encoding/json"
	"net/http"
)

type event struct{ Kind string }

func NewHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var e event
		_ = json.NewDecoder(r.Body).Decode(&e) // want `json.NewDecoder reads r.Body with no size limit`
	}
}
