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

// Login checks the caller's password before it reads the body: only a
// caller who holds it sends the body.
func Login(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != "admin" || pass != adminPassword {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var params map[string]string
	json.NewDecoder(r.Body).Decode(&params) // want `json.NewDecoder reads r.Body with no size limit`
}

var adminPassword = "from-config"
