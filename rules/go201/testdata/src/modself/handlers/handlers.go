// Package handlers holds a token-refresh handler that checks the token its
// own body carries: its route is open, so the read that brings the token
// is anyone's, even though the handler authenticates what it does next.
package handlers

import (
	"encoding/json"
	"net/http"

	"modself/authsvc"
)

type refreshRequest struct{ Token string }

func Refresh(w http.ResponseWriter, r *http.Request) {
	var req refreshRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // want `json.NewDecoder reads r.Body with no size limit`
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	tok, err := authsvc.Refresh(req.Token)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"token": tok})
}
