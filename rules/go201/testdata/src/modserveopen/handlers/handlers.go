// Package handlers reads whole bodies; whether they are bounded depends on
// what the server does with the router its routes are registered on.
package handlers

import (
	"encoding/json"
	"net/http"
)

type plan struct{ Name string }

func Create(w http.ResponseWriter, r *http.Request) {
	var p plan
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}
