// Package handlers builds the handlers that package main's router serves.
package handlers

import "net/http"

// Servers returns a handler that refuses every method but GET itself.
func Servers(limit int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		_ = limit
	}
}
