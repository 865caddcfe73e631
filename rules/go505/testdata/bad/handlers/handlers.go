// Package handlers builds the handlers that package main's router serves.
package handlers

import "net/http"

// Servers returns a handler that answers whatever method it is sent.
func Servers(limit int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { _ = limit }
}
