// Package handlers holds handlers that the router of package main serves.
package handlers

import (
	"html/template"
	"net/http"
)

// NotImplemented is a placeholder for an operation the service does not
// offer: it only answers 501.
func NotImplemented(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}

// Reindex answers 501 when disabled, and does the work otherwise: not a
// placeholder.
func Reindex(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("dry") == "" {
		http.Error(w, "not implemented", http.StatusNotImplemented)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

var dashboard = template.Must(template.New("layout").Parse(`<html></html>`))

// Dashboard renders the admin dashboard: a page of a web UI.
func Dashboard(w http.ResponseWriter, r *http.Request) {
	dashboard.ExecuteTemplate(w, "layout", nil)
}
