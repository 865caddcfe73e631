// Package handlers holds the handlers; package main registers them.
package handlers

import (
	"encoding/json"
	"net/http"
)

// Update is served only behind requireToken: a note.
func Update(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Signup is served to anyone: a warning.
func Signup(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Both is served behind auth on one route and open on another: a warning.
func Both(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Unrouted is served by no route in sight: a warning.
func Unrouted(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Rename is served only behind requireToken and reads the body in a
// helper that only it calls: the helper's read is a note.
func Rename(w http.ResponseWriter, r *http.Request) { decodeAuthed(w, r) }

func decodeAuthed(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Join is served to anyone and shares a helper with Rename: the helper's
// read stays a warning.
func Join(w http.ResponseWriter, r *http.Request) { decodeShared(w, r) }

func Rename2(w http.ResponseWriter, r *http.Request) { decodeShared(w, r) }

func decodeShared(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}
